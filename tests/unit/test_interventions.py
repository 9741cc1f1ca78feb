"""Unit tests for components/interventions.py on a small hand-written frame."""

from __future__ import annotations

import pandas as pd
import pytest

from components import interventions as iv

ROWS = [
    # intervention, category, used_by, seed_named
    ("Splint making", "Splints, braces and prostheses", "OT", "splinting"),
    ("Gait training", "Exercise and movement", "PT", "gait training"),
    ("Strength exercise", "Exercise and movement", "Both", ""),
    ("Dressing practice", "Daily-living training", "OT", ""),
    ("Balance training", "Exercise and movement", "PT", ""),
    ("Home visit", "Home and work changes", "Both", "home modifications"),
]


@pytest.fixture
def interventions() -> pd.DataFrame:
    n = len(ROWS)
    return pd.DataFrame(
        {
            "intervention_id": [f"I{i:02d}" for i in range(1, n + 1)],
            "intervention": [r[0] for r in ROWS],
            "category": [r[1] for r in ROWS],
            "used_by": [r[2] for r in ROWS],
            "used_by_note": [""] * n,
            "billing_codes": ["97760", "97116", "97110", "97535", "97112", ""],
            "code_note": [""] * n,
            "description": [f"About {r[0]}" for r in ROWS],
            "seed_named": [r[3] for r in ROWS],
            "source_ids": ["CL001"] * n,
        }
    )


def names(frame: pd.DataFrame) -> list[str]:
    return frame["intervention"].tolist()


# --- filter_interventions ----------------------------------------------------------------------


def test_no_filter_keeps_everything_in_order(interventions):
    out = iv.filter_interventions(interventions)
    assert names(out) == [r[0] for r in ROWS]


def test_empty_categories_mean_any(interventions):
    assert len(iv.filter_interventions(interventions, ())) == len(ROWS)
    assert len(iv.filter_interventions(interventions, [])) == len(ROWS)


def test_filter_by_category_narrows(interventions):
    out = iv.filter_interventions(interventions, ("Exercise and movement",))
    assert names(out) == ["Gait training", "Strength exercise", "Balance training"]
    assert out.index.tolist() == [0, 1, 2]


def test_profession_ot_keeps_ot_and_both(interventions):
    out = iv.filter_interventions(interventions, profession="OT")
    assert names(out) == ["Splint making", "Strength exercise", "Dressing practice", "Home visit"]


def test_profession_pt_keeps_pt_and_both(interventions):
    out = iv.filter_interventions(interventions, profession="PT")
    assert names(out) == ["Gait training", "Strength exercise", "Balance training", "Home visit"]


def test_profession_ot_or_pt_is_any(interventions):
    assert len(iv.filter_interventions(interventions, profession="OT or PT")) == len(ROWS)


def test_seed_only_keeps_rows_named_by_the_article(interventions):
    out = iv.filter_interventions(interventions, seed_only=True)
    assert names(out) == ["Splint making", "Gait training", "Home visit"]


def test_filters_combine(interventions):
    out = iv.filter_interventions(interventions, ("Exercise and movement", "Home and work changes"), "OT", True)
    assert names(out) == ["Home visit"]


def test_unknown_category_gives_empty(interventions):
    out = iv.filter_interventions(interventions, ("No such category",))
    assert out.empty
    assert list(out.columns) == list(interventions.columns)


# --- use_split and use_totals ------------------------------------------------------------------


def test_use_split_has_every_category_use_pair_with_zeros(interventions):
    split = iv.use_split(interventions)
    assert list(split.columns) == ["category", "use", "interventions"]
    categories = set(interventions["category"])
    assert set(zip(split["category"], split["use"])) == {(c, u) for c in categories for u in iv.USE_ORDER}
    assert len(split) == len(categories) * 3
    assert split["interventions"].sum() == len(interventions)
    got = {(c, u): n for c, u, n in split.itertuples(index=False)}
    assert got[("Exercise and movement", "Mainly PT")] == 2
    assert got[("Exercise and movement", "Both")] == 1
    assert got[("Exercise and movement", "Mainly OT")] == 0
    assert got[("Home and work changes", "Both")] == 1
    assert got[("Daily-living training", "Mainly PT")] == 0


def test_use_split_order(interventions):
    split = iv.use_split(interventions)
    assert split["category"].iloc[0] == "Exercise and movement"  # the most rows first
    for category in split["category"].unique():
        assert split.loc[split["category"] == category, "use"].tolist() == list(iv.USE_ORDER)


def test_use_split_of_empty_selection(interventions):
    split = iv.use_split(interventions.iloc[:0])
    assert split.empty
    assert list(split.columns) == ["category", "use", "interventions"]


def test_use_totals(interventions):
    assert iv.use_totals(interventions) == {"Mainly OT": 2, "Both": 2, "Mainly PT": 2}
    assert iv.use_totals(interventions.iloc[:1]) == {"Mainly OT": 1, "Both": 0, "Mainly PT": 0}


# --- summary_sentence --------------------------------------------------------------------------


def test_summary_for_no_rows(interventions):
    assert iv.summary_sentence(interventions.iloc[:0]) == "No intervention matches these filters."


def test_summary_for_many_rows(interventions):
    assert iv.summary_sentence(interventions) == (
        "Of the 6 interventions shown, 2 are used mainly by OT, 2 mainly by PT and 2 by both."
    )


def test_summary_for_one_row_names_one_intervention(interventions):
    sentence = iv.summary_sentence(interventions.iloc[1:2])
    assert sentence.startswith("Of the 1 intervention shown, ")
    assert "1 mainly by PT" in sentence
    assert "0 by both" in sentence


def test_summary_for_one_ot_row_is_grammatical(interventions):
    sentence = iv.summary_sentence(interventions.iloc[:1])
    assert "1 are " not in sentence
    assert "1 is used mainly by OT" in sentence


# --- table_view --------------------------------------------------------------------------------


def test_table_view_has_plain_column_names_in_order(interventions):
    view = iv.table_view(interventions)
    assert list(view.columns) == list(iv.TABLE_COLUMNS.values())
    assert view["Intervention"].tolist() == [r[0] for r in ROWS]
    assert view["Billing codes (CPT/HCPCS)"].tolist()[0] == "97760"
