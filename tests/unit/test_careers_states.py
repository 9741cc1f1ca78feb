"""components/states.py: the 51-row state view (missing stays missing, never filled in from
another period or source), the menus, coverage, the tile grid and the state look-up."""

from __future__ import annotations

import math

import pandas as pd

from components import states
from components.schema import STATES

SOURCES = pd.DataFrame({"source_id": ["WF001", "WF002"], "tier": ["A", "C"]})


def figures(*rows: tuple) -> pd.DataFrame:
    """Rows: (figure_id, profession, state_abbr, measure, value, period[, source[, stated]])."""
    name = {abbr: state for state, abbr in (*STATES, ("United States", "US"), ("Puerto Rico", "PR"))}
    out = []
    for figure_id, profession, abbr, measure, value, period, *rest in rows:
        out.append(
            {
                "figure_id": figure_id,
                "profession": profession,
                "soc_code": "29-1123",
                "state": name[abbr],
                "state_abbr": abbr,
                "measure": measure,
                "value": float(value),
                "unit": "jobs" if measure == "oews_employment" else "USD per year",
                "value_as_printed": str(value),
                "reference_period": f"as printed {period}",
                "period": period,
                "period_stated": rest[1] if len(rest) > 1 else "yes",
                "flag": "",
                "note": "",
                "source_ids": rest[0] if rest else "WF001",
            }
        )
    return pd.DataFrame(out)


SAMPLE = figures(
    ("T1", "PT", "CA", "oews_employment", 24200, "2023-05"),
    ("T2", "PT", "TX", "oews_employment", 17170, "2023-05"),
    ("T3", "PT", "NV", "oews_employment", 1900, "2021-05"),  # another period: must not fill NV
    ("T4", "PT", "US", "oews_employment", 240820, "2023-05"),
    ("T5", "PT", "PR", "oews_employment", 1000, "2023-05"),  # a territory: not on the 51-state map
    ("T6", "PT", "TX", "oews_employment", 17000, "2023-05", "WF002"),  # a second, weaker source
    ("T7", "OT", "CA", "mean_annual_wage", 113550, "2023-05"),
    ("T8", "PT", "CA", "mean_annual_wage", 114270, "2023-05"),
)


def test_state_view_has_every_state_and_dc_once_with_missing_left_missing():
    view = states.state_view(SAMPLE, SOURCES, "PT", "oews_employment", "2023-05")
    assert len(view) == 51 and list(view["state_abbr"]) == list(states.STATE_ABBRS)
    shown = view.set_index("state_abbr")
    assert shown.loc["CA", "value"] == 24200
    assert math.isnan(shown.loc["NV", "value"])  # only a 2021 figure exists: not carried over
    assert shown.loc["NV", "shown"] == states.MISSING and shown.loc["NV", "source_ids"] == ""
    assert "PR" not in shown.index and "US" not in shown.index
    assert view["value"].notna().sum() == 2


def test_state_view_uses_the_stronger_source_and_counts_the_other():
    shown = states.state_view(SAMPLE, SOURCES, "PT", "oews_employment", "2023-05").set_index("state_abbr")
    assert shown.loc["TX", "value"] == 17170 and shown.loc["TX", "tier"] == "A"
    assert shown.loc["TX", "other_figures"] == 1 and shown.loc["CA", "other_figures"] == 0


def test_view_table_keeps_missing_values_empty_not_zero():
    table = states.view_table(states.state_view(SAMPLE, SOURCES, "PT", "oews_employment", "2023-05"), "jobs")
    nevada = table[table["State"] == "Nevada"].iloc[0]
    assert math.isnan(nevada["Figure (jobs)"]) and nevada["In words"] == states.MISSING
    assert (table["Figure (jobs)"] == 0).sum() == 0
    assert "Figure" in states.view_table(states.state_view(SAMPLE, SOURCES, "PT", "oews_employment", "2019-05")).columns


def test_menus_offer_what_exists_and_the_best_covered_period_first():
    assert states.professions(SAMPLE) == ["OT", "PT"]
    assert states.measures(SAMPLE, "PT") == ["oews_employment", "mean_annual_wage"]
    assert states.periods(SAMPLE, "PT", "oews_employment") == [("2023-05", 2), ("2021-05", 1)]
    assert states.default_period(SAMPLE, "PT", "oews_employment") == "2023-05"
    assert states.default_period(SAMPLE, "PTA", "oews_employment") is None
    tie = figures(
        ("A", "PT", "CA", "oews_employment", 1, "2020-05"), ("B", "PT", "CA", "oews_employment", 2, "2022-05")
    )
    assert states.default_period(tie, "PT", "oews_employment") == "2022-05"  # same coverage: the newest


def test_summary_sentence_counts_the_states_without_a_figure():
    view = states.state_view(SAMPLE, SOURCES, "PT", "oews_employment", "2023-05")
    text = states.summary_sentence(view, "PT", "oews_employment", "2023-05")
    assert text.startswith("PT, payroll jobs, May 2023: figures for 2 of 51 states and DC; 49 have no figure")
    assert text.endswith("Highest: California (24,200 jobs).")
    empty = states.state_view(SAMPLE, SOURCES, "PT", "oews_employment", "2019-05")
    assert states.summary_sentence(empty, "PT", "oews_employment", "2019-05").endswith(
        "figures for 0 of 51 states and DC."
    )


def test_a_rank_map_names_the_best_paid_state():
    ranks = figures(
        ("A", "OT", "CA", "mean_annual_wage_rank", 2, "2023-05"),
        ("B", "OT", "NV", "mean_annual_wage_rank", 1, "2023-05"),
    )
    ranks["unit"] = "rank among 50 states and DC"
    view = states.state_view(ranks, SOURCES, "OT", "mean_annual_wage_rank", "2023-05")
    assert states.summary_sentence(view, "OT", "mean_annual_wage_rank", "2023-05").endswith(
        "Best-paid: Nevada (rank 1 of 51)."
    )


def test_national_value_and_state_detail():
    assert states.national_value(SAMPLE, SOURCES, "PT", "oews_employment", "2023-05")["value"] == 240820
    assert states.national_value(SAMPLE, SOURCES, "OT", "oews_employment", "2023-05") is None
    detail = states.state_detail(SAMPLE, SOURCES, "California")
    assert list(detail["Profession"]) == ["OT", "PT", "PT"]
    assert set(detail["Figure"]) == {"$113,550 a year", "24,200 jobs", "$114,270 a year"}


def test_coverage_counts_states_with_a_figure_and_lists_the_missing():
    table = states.coverage(SAMPLE)
    row = table[
        (table["Profession"] == "PT") & (table["Period"] == "May 2023") & table["Measure"].str.startswith("Payroll")
    ].iloc[0]
    assert row["States and DC with a figure"] == 2  # PR and the U.S. row are not states
    assert row["Missing"] == "49 states"
    one = figures(
        *[
            (f"X{i}", "PT", abbr, "oews_employment", 1, "2020-05")
            for i, abbr in enumerate(states.STATE_ABBRS)
            if abbr != "WY"
        ]
    )
    assert states.coverage(one).iloc[0]["Missing"] == "WY"


def test_the_tile_grid_places_every_state_and_dc_on_its_own_square():
    assert set(states.TILE_GRID) == set(states.STATE_ABBRS) and len(states.STATE_ABBRS) == 51
    assert len(set(states.TILE_GRID.values())) == 51
    # Roughly where they lie: west coast left of the east coast, Alaska and Hawaii at the edges.
    assert states.TILE_GRID["CA"][1] < states.TILE_GRID["NY"][1]
    assert states.TILE_GRID["AK"][0] == 0 and states.TILE_GRID["HI"][0] == max(r for r, _ in states.TILE_GRID.values())


def test_the_newest_nearly_complete_period_comes_first():
    # 51 states in May 2023, 50 in May 2024 (one suppressed): the map opens on May 2024.
    rows = [(f"A{i}", "OT", abbr, "oews_employment", 100 + i, "2023-05") for i, abbr in enumerate(states.STATE_ABBRS)]
    rows += [
        (f"B{i}", "OT", abbr, "oews_employment", 110 + i, "2024-05") for i, abbr in enumerate(states.STATE_ABBRS[1:])
    ]
    rows += [(f"C{i}", "OT", abbr, "oews_employment", 1, "2025-05") for i, abbr in enumerate(states.STATE_ABBRS[:5])]
    frame = figures(*rows)
    assert states.periods(frame, "OT", "oews_employment") == [("2024-05", 50), ("2023-05", 51), ("2025-05", 5)]
    assert states.default_period(frame, "OT", "oews_employment") == "2024-05"
    assert states.periods(frame, "PT", "oews_employment") == []


def test_prior_period_is_the_newest_older_period_of_the_same_form():
    frame = figures(
        ("A", "OT", "CA", "oews_employment", 10, "2021-05"),
        ("B", "OT", "CA", "oews_employment", 12, "2023-05"),
        ("C", "OT", "CA", "oews_employment", 11, "2022"),
        ("D", "OT", "TX", "oews_employment", 9, "2024-05"),
    )
    assert states.prior_period(frame, "OT", "oews_employment", "2024-05") == "2023-05"  # not the year-only 2022
    assert states.prior_period(frame, "OT", "oews_employment", "2021-05") is None
    assert states.prior_period(frame, "OT", "oews_employment", "undated") is None


def test_view_table_adds_the_prior_period_and_the_change_where_both_exist():
    frame = figures(
        ("A", "OT", "CA", "oews_employment", 100, "2023-05"),
        ("B", "OT", "CA", "oews_employment", 110, "2024-05"),
        ("C", "OT", "TX", "oews_employment", 90, "2024-05"),
    )
    now = states.state_view(frame, SOURCES, "OT", "oews_employment", "2024-05")
    before = states.state_view(frame, SOURCES, "OT", "oews_employment", "2023-05")
    table = states.view_table(now, "jobs", before, "2023-05").set_index("State")
    assert table.loc["California", "May 2023 (jobs)"] == 100
    assert table.loc["California", "Change since May 2023 (%)"] == 10.0
    assert math.isnan(table.loc["Texas", "May 2023 (jobs)"]) and math.isnan(
        table.loc["Texas", "Change since May 2023 (%)"]
    )
    assert table.loc["California", "Sources, May 2023"] == "WF001"
    ranks = states.view_table(now, "rank among 50 states and DC", before, "2023-05")
    assert not any(c.startswith("Change since") for c in ranks.columns)  # a change of rank in % means nothing
