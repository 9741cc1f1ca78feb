"""The shipped data/ itself: every table valid, the article's facts all present."""

from __future__ import annotations

import pytest

from components.loader import DATA_DIR, load_table, split_list
from components.schema import DIMENSIONS, LEADS, SEED_POPULATIONS, TABLES

TABLE_NAMES = sorted(TABLES)


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_every_table_loads_and_validates(name):
    frame = load_table(name)
    assert len(frame) > 0
    assert list(frame.columns) == list(TABLES[name].column_names)


def test_no_stray_files_in_data():
    expected = {schema.file for schema in TABLES.values()} | {"README.md", "es"}
    assert {p.name for p in DATA_DIR.iterdir()} == expected


def test_spanish_text_files_are_named_after_tables():
    """data/es holds the Spanish text of the tables, one file per table, named as the table."""
    tables = {schema.file for schema in TABLES.values()}
    stray = {p.name for p in (DATA_DIR / "es").iterdir()} - tables
    assert not stray, f"data/es has files that are no table's Spanish text: {sorted(stray)}"


def test_data_readme_documents_every_table_and_column():
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    for schema in TABLES.values():
        assert f"`{schema.file}`" in readme
        for column in schema.column_names:
            assert f"`{column}`" in readme, f"{schema.file}: column {column} undocumented"


def test_every_population_the_article_names_is_present():
    populations = load_table("populations")
    assert set(SEED_POPULATIONS) <= set(populations["seed_population"])


def test_the_reference_conditions_are_all_carried():
    assert len(load_table("populations")) >= 41


def test_every_intervention_the_article_names_is_present():
    named = " ".join(load_table("interventions")["seed_named"]).lower()
    for phrase in (
        "daily tasks",
        "cognitive",
        "adaptive equipment",
        "manual",
        "exercise",
        "ultrasound",
        "electrical stimulation",
    ):
        assert phrase in named, phrase
    assert len(load_table("interventions")) >= 55


def test_five_dimensions_each_have_ot_and_pt():
    dimensions = load_table("dimensions")
    for dimension in DIMENSIONS:
        professions = set(dimensions.loc[dimensions["dimension"] == dimension, "profession"])
        assert {"OT", "PT"} <= professions, dimension


def test_quick_facts_exist_for_ot_and_pt():
    education = load_table("education")
    for topic in ("Entry degree", "Licensing exam", "Accreditor"):
        for profession in ("OT", "PT"):
            assert ((education["topic"] == topic) & (education["profession"] == profession)).any(), (topic, profession)


def test_every_lead_value_occurs():
    assert set(load_table("populations")["usual_lead"]) == set(LEADS)


def test_every_source_is_cited_somewhere():
    sources = load_table("sources")
    cited = set()
    for name, schema in TABLES.items():
        if name == "sources":
            continue
        frame = load_table(name)
        for column in schema.columns:
            if column.kind == "refs" and column.ref_table == "sources":
                cited |= {s for cell in frame[column.name] for s in split_list(cell)}
    uncited = sorted(set(sources["source_id"]) - cited)
    assert uncited == [], f"{len(uncited)} sources are cited by no row: {uncited[:10]}"
