"""Open-data helpers (components/factbase.py): source usage, filters and the ZIP."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pandas as pd
import pytest

from components.factbase import (
    LICENSE_NOTE,
    ZIP_ROOT,
    fact_base_zip,
    filter_sources,
    source_usage,
    sources_view,
    summary_sentence,
    tier_counts,
    with_usage,
)
from components.loader import load_table
from components.schema import TABLES

SOURCES = pd.DataFrame(
    {
        "source_id": ["CL001", "CL002", "CL003"],
        "publisher": ["Pub A", "Pub B", "Pub C"],
        "title": ["T1", "T2", "T3"],
        "url": ["https://a.example", "https://b.example", "https://c.example"],
        "as_of": ["2020", "undated", "2019"],
        "tier": ["A", "B", "C"],
        "note": ["", "", ""],
    }
)
GOALS = pd.DataFrame({"goal_id": ["G01", "G02"], "source_ids": ["CL001; CL002", "CL001"]})
CONFLICTS = pd.DataFrame(
    {
        "conflict_id": ["K01"],
        "side_a_source_ids": ["CL001"],
        "side_b_source_ids": ["CL001; CL003"],  # CL001 on both sides of one row counts once
    }
)


def test_usage_counts_rows_per_table_and_in_total():
    usage = source_usage({"goals": GOALS, "conflicts": CONFLICTS}).set_index("source_id")
    assert usage.loc["CL001"].to_dict() == {"goals": 2, "conflicts": 1, "total": 3}
    assert usage.loc["CL002"].to_dict() == {"goals": 1, "conflicts": 0, "total": 1}
    assert usage.loc["CL003"].to_dict() == {"goals": 0, "conflicts": 1, "total": 1}


def test_tables_without_source_columns_are_left_out():
    usage = source_usage({"sources": SOURCES, "goals": GOALS})
    assert "sources" not in usage.columns


def test_filters_by_tier_and_by_table():
    table = with_usage(SOURCES, source_usage({"goals": GOALS, "conflicts": CONFLICTS}))
    assert list(filter_sources(table, ("A", "C"))["source_id"]) == ["CL001", "CL003"]
    assert list(filter_sources(table, (), ("goals",))["source_id"]) == ["CL001", "CL002"]
    assert list(filter_sources(table, ("C",), ("goals",))["source_id"]) == []
    assert len(filter_sources(table)) == 3


def test_unused_sources_get_zero_counts():
    table = with_usage(SOURCES, source_usage({"goals": GOALS}))
    assert table.set_index("source_id").loc["CL003", "total"] == 0


def test_view_is_most_used_first_with_plain_names_and_chosen_table_columns():
    table = with_usage(SOURCES, source_usage({"goals": GOALS, "conflicts": CONFLICTS}))
    view = sources_view(table, ("goals",))
    assert list(view["Id"]) == ["CL001", "CL002", "CL003"]
    assert "Rows in goals" in view.columns and "Rows in conflicts" not in view.columns
    assert {"Rows in goals", "Rows in conflicts"} <= set(sources_view(table, ()).columns)


def test_tier_counts_include_zeros():
    table = with_usage(SOURCES, source_usage({"goals": GOALS}))
    counts = tier_counts(table, ("goals",))
    assert counts.to_dict("records") == [
        {"table": "goals", "tier": "A", "sources": 1},
        {"table": "goals", "tier": "B", "sources": 1},
        {"table": "goals", "tier": "C", "sources": 0},
    ]


def test_summary_sentence_counts_sources_tiers_and_rows():
    table = with_usage(SOURCES, source_usage({"goals": GOALS}))
    text = summary_sentence(table, {"sources": SOURCES, "goals": GOALS})
    assert text == "The dashboard rests on 3 sources (1 tier A, 1 tier B, 1 tier C); 2 rows in 1 tables cite them."


def read_zip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name) for name in archive.namelist()}


def test_zip_holds_every_table_the_readme_and_the_licence():
    frames = {"sources": SOURCES, "goals": GOALS.assign(goal=["=1+1", "Walk"])}
    files = read_zip(fact_base_zip(frames, "# readme"))
    assert set(files) == {
        f"{ZIP_ROOT}/LICENSE.txt",
        f"{ZIP_ROOT}/datapackage.json",
        f"{ZIP_ROOT}/data/README.md",
        f"{ZIP_ROOT}/data/sources.csv",
        f"{ZIP_ROOT}/data/goals.csv",
        f"{ZIP_ROOT}/data/links/goals__source_ids.csv",
    }
    assert files[f"{ZIP_ROOT}/LICENSE.txt"].decode() == LICENSE_NOTE
    assert files[f"{ZIP_ROOT}/data/README.md"] == b"# readme"
    rows = list(csv.reader(io.StringIO(files[f"{ZIP_ROOT}/data/goals.csv"].decode(), newline="")))
    assert rows[0] == ["goal_id", "source_ids", "goal"]
    assert rows[1] == ["G01", "CL001; CL002", "'=1+1"]  # formulas are escaped


def test_zip_carries_the_spanish_text_beside_the_english_tables():
    frames = {"sources": SOURCES, "goals": GOALS.assign(goal=["Walk", "Dress"])}
    spanish = pd.DataFrame({"goal_id": ["G01", "G02"], "goal": ["-Caminar", "Vestirse"]})
    files = read_zip(fact_base_zip(frames, "# readme", translations={"es": {"goals": spanish}}))
    assert f"{ZIP_ROOT}/data/es/goals.csv" in files
    assert f"{ZIP_ROOT}/data/goals.csv" in files  # the English table as before
    rows = list(csv.reader(io.StringIO(files[f"{ZIP_ROOT}/data/es/goals.csv"].decode(), newline="")))
    assert rows == [["goal_id", "goal"], ["G01", "'-Caminar"], ["G02", "Vestirse"]]  # escaped like English
    package = json.loads(files[f"{ZIP_ROOT}/datapackage.json"])
    assert "goals-es" in {r["name"] for r in package["resources"]}
    assert "data/es/" in LICENSE_NOTE
    # A translation of a table not in the ZIP is left out (its foreign key would have no target).
    files = read_zip(fact_base_zip({"sources": SOURCES}, "", translations={"es": {"goals": spanish}}))
    assert not any("/es/" in name for name in files)


def test_zip_bytes_are_the_same_for_the_same_data():
    frames = {"sources": SOURCES}
    assert fact_base_zip(frames, "x") == fact_base_zip(frames, "x")


def test_licence_note_credits_sources_cpt_and_onet():
    for phrase in (
        "CC BY 4.0",
        "source_ids",
        "American Medical Association",
        "O*NET 30.0 Database",
        "not medical advice",
    ):
        assert phrase in LICENSE_NOTE


def unescape(cell: str) -> str:
    """Undo the export's formula guard: "'=x" -> "=x" (and + - @ tab CR LF likewise)."""
    if cell.startswith("'") and cell[1:2] in ("=", "+", "-", "@", "\t", "\r", "\n"):
        return cell[1:]
    return cell


def same_as_loaded(text: str, frame: pd.DataFrame) -> None:
    """The CSV text holds exactly the loaded table: same columns, rows and values."""
    back = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False).map(unescape)
    assert list(back.columns) == list(frame.columns)
    assert len(back) == len(frame)
    for column in frame.columns:
        if pd.api.types.is_numeric_dtype(frame[column]):
            numbers = pd.to_numeric(back[column].replace("", None)).astype("float64")
            assert numbers.fillna(-1e300).sub(frame[column].astype("float64").fillna(-1e300)).abs().max() < 1e-9, column
        else:
            assert back[column].tolist() == frame[column].fillna("").astype(str).tolist(), column


@pytest.mark.parametrize("name", sorted(TABLES))
def test_real_tables_round_trip_through_the_zip(name):
    frame = load_table(name)
    files = read_zip(fact_base_zip({name: frame}, ""))
    same_as_loaded(files[f"{ZIP_ROOT}/data/{TABLES[name].file}"].decode("utf-8"), frame)


def test_view_names_the_kind_of_a_date_where_the_page_gives_it():
    sources = SOURCES.assign(
        as_of=["2024-03", "2023", "undated"][: len(SOURCES)], date_kind=["updated", "", ""][: len(SOURCES)]
    )
    view = sources_view(with_usage(sources, source_usage({"goals": GOALS})), ()).set_index("Id")
    assert view.loc["CL001", "As of"] == "updated 2024-03"
    assert view.loc["CL002", "As of"] == "2023" and view.loc["CL003", "As of"] == "undated"
