"""Unit tests for components/sources.py: cited ids, their sources table, tiers."""

from __future__ import annotations

import pandas as pd
import pytest

from components import sources as src


@pytest.fixture
def sources() -> pd.DataFrame:
    rows = [
        # source_id, publisher, tier
        ("CL001", "Zeta Blog", "C"),
        ("CL002", "Alpha University", "B"),
        ("CL003", "Beta Agency", "A"),
        ("CL004", "Alpha Agency", "A"),
        ("CL005", "Alpha Agency", "A"),
        ("CL006", "Unused Org", "A"),
    ]
    return pd.DataFrame(
        {
            "source_id": [r[0] for r in rows],
            "publisher": [r[1] for r in rows],
            "title": [f"Title {r[0]}" for r in rows],
            "url": [f"https://example.org/{r[0]}" for r in rows],
            "as_of": ["2021"] * len(rows),
            "tier": [r[2] for r in rows],
            "note": [""] * len(rows),
        }
    )


def cites(*cells: str) -> pd.DataFrame:
    return pd.DataFrame({"source_ids": list(cells), "other": ["x"] * len(cells)})


# --- cited_ids ---------------------------------------------------------------------------------


def test_cited_ids_first_seen_order_once_each():
    frame = cites("CL003; CL001", "CL001;CL002", " CL003 ;CL004 ")
    assert src.cited_ids(frame) == ["CL003", "CL001", "CL002", "CL004"]


def test_cited_ids_ignores_empty_and_missing_cells():
    frame = pd.DataFrame({"source_ids": ["", None, "CL002", float("nan")]})
    assert src.cited_ids(frame) == ["CL002"]


def test_cited_ids_other_column():
    frame = pd.DataFrame({"refs": ["CL005; CL004"], "source_ids": ["CL001"]})
    assert src.cited_ids(frame, "refs") == ["CL005", "CL004"]


def test_cited_ids_of_empty_frame():
    assert src.cited_ids(cites()) == []


# --- sources_for -------------------------------------------------------------------------------


def test_sources_for_only_cited_sorted_by_tier_then_publisher_then_id(sources):
    table = src.sources_for(cites("CL001; CL005", "CL002;CL004", "CL003"), sources)
    assert table["Id"].tolist() == ["CL004", "CL005", "CL003", "CL002", "CL001"]
    assert table["Tier"].tolist() == ["A", "A", "A", "B", "C"]
    assert "CL006" not in table["Id"].tolist()
    assert table.index.tolist() == list(range(5))


def test_sources_for_columns_are_plain(sources):
    table = src.sources_for(cites("CL002"), sources)
    assert list(table.columns) == ["Id", "Tier", "Publisher", "Title", "As of", "Link"]
    assert table.iloc[0].tolist() == [
        "CL002",
        "B",
        "Alpha University",
        "Title CL002",
        "2021",
        "https://example.org/CL002",
    ]


def test_sources_for_ignores_ids_not_in_sources(sources):
    table = src.sources_for(cites("CL999; CL001"), sources)
    assert table["Id"].tolist() == ["CL001"]


def test_sources_for_nothing_cited(sources):
    table = src.sources_for(cites(""), sources)
    assert table.empty
    assert list(table.columns) == ["Id", "Tier", "Publisher", "Title", "As of", "Link"]


# --- best_tier ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cell, tier",
    [
        ("CL001; CL002; CL003", "A"),
        ("CL001;CL002", "B"),
        ("CL002; CL001", "B"),
        ("CL001", "C"),
        ("CL999", ""),
        ("", ""),
    ],
)
def test_best_tier(sources, cell, tier):
    assert src.best_tier(cell, sources) == tier


# --- tier_summary and tier_legend ------------------------------------------------------------


def test_tier_summary_many(sources):
    frame = cites("CL001; CL005", "CL002;CL004", "CL003")
    assert src.tier_summary(frame, sources) == "5 sources: 3 tier A, 1 tier B, 1 tier C."


def test_tier_summary_leaves_out_absent_tiers(sources):
    assert src.tier_summary(cites("CL001;CL003"), sources) == "2 sources: 1 tier A, 1 tier C."


def test_tier_summary_one(sources):
    assert src.tier_summary(cites("CL002"), sources) == "1 source: 1 tier B."


def test_tier_summary_counts_each_source_once(sources):
    assert src.tier_summary(cites("CL003", "CL003; CL003"), sources) == "1 source: 1 tier A."


def test_tier_summary_none(sources):
    assert src.tier_summary(cites(""), sources) == "No sources."
    assert src.tier_summary(cites("CL999"), sources) == "No sources."


def test_tier_legend_lists_a_b_c_in_order():
    legend = src.tier_legend()
    assert legend.endswith(".")
    assert legend.index("A:") < legend.index("B:") < legend.index("C:")


def test_source_links_are_escaped_links_with_tier_and_date_strongest_first():
    from components.sources import source_links

    sources = pd.DataFrame(
        {
            "source_id": ["CL001", "CL002", "CL003"],
            "publisher": ["Blog *x*", "Agency", "Unused"],
            "title": ["t", "t", "t"],
            "url": ["https://blog.example/a", "https://agency.example/b", "https://u.example"],
            "as_of": ["undated", "2023", "2020"],
            "tier": ["C", "A", "B"],
            "note": ["", "", ""],
        }
    )
    text = source_links("CL001; CL002", sources)
    assert text == r"[Agency](https://agency.example/b) (A, 2023) · [Blog \*x\*](https://blog.example/a) (C, undated)"
    assert "Unused" not in text
