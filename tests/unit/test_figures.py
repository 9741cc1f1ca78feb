"""components/figures.py: the official-first rule every latest-figure view uses."""

from __future__ import annotations

import math

import pandas as pd

from components import figures
from components.schema import WORKFORCE_GROUPS


def frame(*rows: tuple) -> pd.DataFrame:
    """Rows: (figure_id, profession, period, tier[, flag[, stated]])."""
    out = []
    for figure_id, profession, period, tier, *rest in rows:
        out.append(
            {
                "figure_id": figure_id,
                "profession": profession,
                "measure": "median_annual_wage",
                "value": 1.0,
                "unit": "USD per year",
                "period": period,
                "tier": tier,
                "flag": rest[0] if rest else "",
                "period_stated": rest[1] if len(rest) > 1 else "yes",
                "source_ids": "X",
            }
        )
    return pd.DataFrame(out)


def test_period_key_orders_months_years_and_spans():
    assert figures.period_key("2024-05") > figures.period_key("2024") > figures.period_key("2023-12")
    assert figures.period_key("2023-2033") == (2023, 0)
    assert figures.period_key("undated") == (0, 0)


def test_tier_a_beats_a_newer_tier_c_and_the_newer_one_is_named():
    found = figures.pick(frame(("W1", "OT", "2023-05", "A"), ("W2", "OT", "2024-05", "C")), "OT", "median_annual_wage")
    assert found.shown["figure_id"] == "W1"
    assert found.newer["figure_id"] == "W2"


def test_tier_b_beats_tier_c_and_within_a_tier_the_newest_wins():
    rows = frame(("W1", "OT", "2024-05", "C"), ("W2", "OT", "2021-05", "B"), ("W3", "OT", "2022-05", "B"))
    assert figures.pick(rows, "OT", "median_annual_wage").shown["figure_id"] == "W3"


def test_no_newer_note_when_the_official_figure_is_the_newest():
    found = figures.pick(frame(("W1", "OT", "2024-05", "A"), ("W2", "OT", "2024-05", "C")), "OT", "median_annual_wage")
    assert found.shown["figure_id"] == "W1" and found.newer is None


def test_a_doubtful_figure_is_shown_only_when_it_is_the_only_one_and_never_named_as_newer():
    rows = frame(
        ("W1", "OT", "2023-05", "A", "doubtful"), ("W2", "OT", "2022-05", "C"), ("W3", "OT", "2024-05", "C", "doubtful")
    )
    found = figures.pick(rows, "OT", "median_annual_wage")
    assert found.shown["figure_id"] == "W2" and found.newer is None
    assert figures.pick(rows.iloc[:1], "OT", "median_annual_wage").shown["figure_id"] == "W1"


def test_a_stated_period_beats_an_inferred_one_of_the_same_tier_and_period():
    rows = frame(("W1", "OT", "2023-05", "A", "", "no"), ("W2", "OT", "2023-05", "A", "", "yes"))
    assert figures.pick(rows, "OT", "median_annual_wage").shown["figure_id"] == "W2"


def test_no_rows_no_pick():
    assert figures.pick(frame(("W1", "OT", "2023-05", "A")), "PT", "median_annual_wage") is None


def test_same_period_picks_align_on_the_newest_shared_period_at_each_best_tier():
    rows = frame(
        ("W1", "OT", "2024-05", "A"),
        ("W2", "OT", "2023-05", "A"),
        ("W3", "PT", "2023-05", "A"),
        ("W4", "PT", "2024-05", "C"),
    )
    picks = figures.pick_same_period(rows, ("OT", "PT"), "median_annual_wage")
    assert picks["OT"].shown["figure_id"] == "W2" and picks["PT"].shown["figure_id"] == "W3"
    assert not figures.periods_differ(picks)
    # The newer third-party figure is still named beside the aligned official one.
    assert picks["OT"].newer is None and picks["PT"].newer["figure_id"] == "W4"


def test_same_period_picks_keep_official_first_when_no_period_is_shared():
    rows = frame(("W1", "OT", "2024-05", "A"), ("W3", "PT", "2023-05", "A"), ("W4", "PT", "2024-05", "C"))
    picks = figures.pick_same_period(rows, ("OT", "PT", "PTA"), "median_annual_wage")
    # PT's tier-C figure for May 2024 would share OT's period, but a tier-A figure is never dropped for it.
    assert picks["OT"].shown["figure_id"] == "W1" and picks["PT"].shown["figure_id"] == "W3"
    assert figures.periods_differ(picks)
    assert "PTA" not in picks


def test_newer_note_names_the_kind_of_source():
    newer = pd.Series({"tier": "C"})
    assert figures.newer_note(newer, "$98,340", "May 2024") == "a third party quotes $98,340 for May 2024"
    assert figures.newer_note(pd.Series({"tier": "B"}), "$1", "2024").startswith("a health system or university")


def test_one_profession_order_the_schemas():
    assert figures.PROFESSION_ORDER == WORKFORCE_GROUPS
    ranks = figures.profession_rank(pd.Series(["PT", "OT", "PT aides", "Surgeon"]))
    assert ranks.iloc[:3].tolist() == [2, 0, 6] and math.isnan(ranks.iloc[3])
    assert figures.profession_order(["PTA", "OT", "X", "OT"]) == ["OT", "PTA"]
