"""Unit tests for components/compare.py: dimension filter order and the quick-facts table."""

from __future__ import annotations

import pandas as pd
import pytest

from components import compare
from components.schema import DIMENSIONS


@pytest.fixture
def dimensions() -> pd.DataFrame:
    # Deliberately shuffled: later dimension first, PT before OT, Both in the middle.
    rows = [
        ("treatment-goals-pt", "Treatment goals", "PT"),
        ("core-focus-both", "Core focus", "Both"),
        ("core-focus-pt", "Core focus", "PT"),
        ("educational-requirements-ot", "Educational requirements", "OT"),
        ("treatment-goals-ot", "Treatment goals", "OT"),
        ("core-focus-ot", "Core focus", "OT"),
    ]
    return pd.DataFrame(
        {
            "row_id": [r[0] for r in rows],
            "dimension": [r[1] for r in rows],
            "profession": [r[2] for r in rows],
            "summary": [f"Summary of {r[0]}" for r in rows],
            "key_points": ["a; b"] * len(rows),
            "source_ids": ["CL001"] * len(rows),
        }
    )


def ids(frame: pd.DataFrame) -> list[str]:
    return frame["row_id"].tolist()


def test_filter_dimensions_orders_by_article_then_ot_pt_both(dimensions):
    out = compare.filter_dimensions(dimensions, DIMENSIONS)
    assert ids(out) == [
        "core-focus-ot",
        "core-focus-pt",
        "core-focus-both",
        "treatment-goals-ot",
        "treatment-goals-pt",
        "educational-requirements-ot",
    ]
    assert out.index.tolist() == list(range(6))
    assert list(out.columns) == list(dimensions.columns)  # helper columns dropped


def test_filter_dimensions_order_ignores_the_chosen_order(dimensions):
    out = compare.filter_dimensions(dimensions, ["Treatment goals", "Core focus"])
    assert ids(out) == ["core-focus-ot", "core-focus-pt", "core-focus-both", "treatment-goals-ot", "treatment-goals-pt"]


def test_filter_dimensions_narrows(dimensions):
    assert ids(compare.filter_dimensions(dimensions, ("Treatment goals",))) == [
        "treatment-goals-ot",
        "treatment-goals-pt",
    ]


@pytest.mark.parametrize("chosen", [(), ("No such dimension",)])
def test_filter_dimensions_nothing_chosen_gives_empty(dimensions, chosen):
    out = compare.filter_dimensions(dimensions, chosen)
    assert out.empty
    assert list(out.columns) == list(dimensions.columns)


def test_table_view(dimensions):
    view = compare.table_view(compare.filter_dimensions(dimensions, ("Core focus",)))
    assert list(view.columns) == ["Dimension", "Profession", "Summary", "Key points", "Sources"]
    assert view["Profession"].tolist() == ["OT", "PT", "Both"]


# --- quick_facts -------------------------------------------------------------------------------


@pytest.fixture
def education() -> pd.DataFrame:
    rows = [
        # fact_id, profession, topic, value, as_of, source_ids
        ("E01", "PT", "Entry degree", "DPT", "2024", "CL010"),
        ("E02", "OT", "Entry degree", "MOT or OTD", "2023", "CL001; CL002"),
        ("E03", "OT", "Entry degree", "Second OT degree fact", "2020", "CL003"),
        ("E04", "OTA", "Entry degree", "Associate degree", "2023", "CL004"),
        ("E05", "OT", "Licensing exam", "NBCOT", "2025-01", "CL005"),
        ("E06", "PT", "Licensing exam", "NPTE", "2025", "CL006"),
        ("E07", "PT", "Accreditor", "CAPTE", "2022", "CL007"),
        ("E08", "PT", "Pass rate", "90%", "2023", "CL008"),
    ]
    return pd.DataFrame(
        {
            "fact_id": [r[0] for r in rows],
            "profession": [r[1] for r in rows],
            "topic": [r[2] for r in rows],
            "attribute": ["attr"] * len(rows),
            "value": [r[3] for r in rows],
            "as_of": [r[4] for r in rows],
            "note": [""] * len(rows),
            "source_ids": [r[5] for r in rows],
        }
    )


def test_quick_facts_shape_and_topic_order(education):
    facts = compare.quick_facts(education)
    assert list(facts.columns) == ["Topic", "OT", "PT", "source_ids"]
    assert facts["Topic"].tolist() == list(compare.QUICK_FACT_TOPICS)


def test_quick_facts_picks_the_first_fact_per_topic_and_profession(education):
    facts = compare.quick_facts(education).set_index("Topic")
    assert facts.loc["Entry degree", "OT"] == "MOT or OTD (as of 2023)"
    assert "Second OT degree fact" not in facts.loc["Entry degree", "OT"]
    assert facts.loc["Entry degree", "PT"] == "DPT (as of 2024)"
    assert facts.loc["Licensing exam", "OT"] == "NBCOT (as of 2025-01)"


def test_quick_facts_missing_fact_says_not_in_our_sources(education):
    facts = compare.quick_facts(education).set_index("Topic")
    assert facts.loc["Accreditor", "OT"] == "Not in our sources"
    assert facts.loc["Accreditor", "PT"] == "CAPTE (as of 2022)"


def test_quick_facts_source_ids_are_those_of_the_facts_shown(education):
    facts = compare.quick_facts(education).set_index("Topic")
    assert facts.loc["Entry degree", "source_ids"] == "CL001; CL002; CL010"
    assert facts.loc["Accreditor", "source_ids"] == "CL007"
    assert "CL003" not in " ".join(facts["source_ids"])  # second OT fact not shown


def test_quick_facts_other_professions_and_topics(education):
    facts = compare.quick_facts(education, professions=("OTA", "PTA"), topics=("Entry degree", "Pass rate"))
    assert list(facts.columns) == ["Topic", "OTA", "PTA", "source_ids"]
    assert facts["OTA"].tolist() == ["Associate degree (as of 2023)", "Not in our sources"]
    assert facts["PTA"].tolist() == ["Not in our sources", "Not in our sources"]
    assert facts["source_ids"].tolist() == ["CL004", ""]


def test_quick_facts_undated_fact_does_not_read_as_of_undated(education):
    education.loc[education["fact_id"] == "E06", "as_of"] = "undated"
    cell = compare.quick_facts(education).set_index("Topic").loc["Licensing exam", "PT"]
    assert cell.startswith("NPTE (")
    assert "as of undated" not in cell


def test_quick_facts_on_empty_education(education):
    facts = compare.quick_facts(education.iloc[:0])
    assert (facts[["OT", "PT"]] == "Not in our sources").all().all()
    assert facts["source_ids"].tolist() == ["", "", ""]


def test_quick_facts_with_sources_show_the_official_fact_first(education):
    sources = pd.DataFrame({"source_id": ["CL001", "CL002", "CL003"], "tier": ["C", "C", "A"]})
    facts = compare.quick_facts(education, sources=sources).set_index("Topic")
    # E03 (tier A, 2020) beats E02 (tier C, 2023): official first, then the newest.
    assert facts.loc["Entry degree", "OT"] == "Second OT degree fact (as of 2020)"
