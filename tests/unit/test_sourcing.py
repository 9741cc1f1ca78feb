"""components/sourcing.py and the places that show its mark: which rows cite a tier A or B
source, the 'weakly sourced' column of table views, and sources listed strongest first."""

from __future__ import annotations

import pandas as pd

from components import compare, decide, factbase, interventions, populations, sourcing
from components.sources import date_label, source_links

SOURCES = pd.DataFrame(
    {
        "source_id": ["S1", "S2", "S3", "S4", "S5"],
        "publisher": ["Copy site", "Hospital", "Agency", "Old agency", "Blog"],
        "title": ["t"] * 5,
        "url": [f"https://example.org/{i}" for i in range(5)],
        "as_of": ["2024", "2022", "2020-05", "2023-01", "undated"],
        "date_kind": ["", "reviewed", "", "updated", ""],
        "tier": ["C", "B", "A", "A", "C"],
        "note": [""] * 5,
    }
)


def test_a_row_is_strong_with_one_tier_a_or_b_source():
    frame = pd.DataFrame({"source_ids": ["S1; S2", "S1; S5", "S3", "", "XX999"]})
    assert sourcing.strong_rows(frame, SOURCES) == [True, False, True, False, False]
    marked = sourcing.with_sourcing(frame, SOURCES)
    assert marked["sourcing"].tolist() == ["", "weakly sourced", "", "weakly sourced", "weakly sourced"]
    assert "sourcing" not in frame  # the input is not changed


def test_a_conflict_counts_the_sources_of_both_sides():
    conflicts = pd.DataFrame({"side_a_source_ids": ["S1", "S1"], "side_b_source_ids": ["S2", "S5"]})
    assert sourcing.strong_rows(conflicts, SOURCES, sourcing.CAREGIVER_TABLES["conflicts"]) == [True, False]


def test_mark_takes_one_cell_or_several():
    tiers = sourcing.tier_of(SOURCES)
    assert sourcing.mark("S1; S5", tiers) == sourcing.WEAK
    assert sourcing.mark(("S1", "S4"), tiers) == ""


def test_with_sourcing_on_an_empty_frame():
    assert sourcing.with_sourcing(pd.DataFrame({"source_ids": []}), SOURCES).empty


def test_table_views_carry_the_sourcing_column_when_marked():
    pops = pd.DataFrame({c: ["x"] for c in populations.TABLE_COLUMNS} | {"source_ids": ["S5"]})
    view = populations.table_view(sourcing.with_sourcing(pops, SOURCES))
    assert view["Sourcing"].tolist() == ["weakly sourced"]
    assert "Sourcing" not in populations.table_view(pops)
    ivs = pd.DataFrame({c: ["x"] for c in interventions.TABLE_COLUMNS} | {"source_ids": ["S3"]})
    assert interventions.table_view(sourcing.with_sourcing(ivs, SOURCES))["Sourcing"].tolist() == [""]
    dims = pd.DataFrame({c: ["x"] for c in compare.TABLE_COLUMNS} | {"source_ids": ["S1"]})
    assert compare.table_view(sourcing.with_sourcing(dims, SOURCES))["Sourcing"].tolist() == ["weakly sourced"]
    conflicts = pd.DataFrame(
        {c: ["x"] for c in ("conflict_id", "question", "side_a", "side_b", "note", "related_rows")}
        | {"side_a_source_ids": ["S1"], "side_b_source_ids": ["S5"]}
    )
    marked = sourcing.with_sourcing(conflicts, SOURCES, sourcing.CAREGIVER_TABLES["conflicts"])
    assert factbase.conflicts_view(marked)["Sourcing"].tolist() == ["weakly sourced"]


def test_date_label_names_the_kind_of_date_where_known():
    assert date_label("2024-03", "updated") == "updated 2024-03"
    assert date_label("2023") == "2023"
    assert date_label("undated", "") == "undated"


def test_source_links_list_strongest_first_then_newest_with_the_kind_of_date():
    text = source_links("S1; S3; S2; S4; S5", SOURCES)
    order = [text.index(name) for name in ("Old agency", "Agency]", "Hospital", "Copy site", "Blog")]
    assert order == sorted(order), text
    assert "(A, updated 2023\\-01)" in text and "(B, reviewed 2022)" in text


def test_answer_sources_strongest_first_and_newest_first_within_a_tier():
    assert decide.strongest_first("S5; S1; S3; S2; S4; XX001", SOURCES) == "S4; S3; S2; S1; S5; XX001"
