"""components/careers_charts.py: each figure's traces, colours, labels and order, read from
the go.Figure (no browser). The state map must use no geographic trace."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from components import careers_charts as charts
from components.chart_style import OT_COLOR, PT_COLOR, TITLE_WIDTH
from components.states import STATE_ABBRS, STATE_NAMES, TILE_GRID

GEO_TRACES = {
    "choropleth",
    "choroplethmap",
    "choroplethmapbox",
    "scattergeo",
    "scattermap",
    "scattermapbox",
    "densitymap",
}


def ranges() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "profession": ["OT", "PT"],
            "period": ["2019-05", "2024-05"],
            "period_label": ["May 2019", "May 2024 (inferred)"],
            "p10": [56800.0, 74420.0],
            "p25": [69710.0, float("nan")],
            "p50": [84950.0, 101020.0],
            "p75": [101590.0, float("nan")],
            "p90": [121490.0, 132500.0],
            "tier": ["A", "C"],
            "source_ids": ["WF003", "WF010"],
        }
    )


def test_pay_range_chart_draws_whiskers_middle_half_and_median_with_periods_in_the_labels():
    fig = charts.pay_range_chart(ranges(), "A title")
    whiskers = [t for t in fig.data if t.type == "scatter" and t.mode == "lines+markers+text"]
    bars = [t for t in fig.data if t.type == "bar"]
    assert [list(t.x) for t in whiskers] == [[56800.0, 121490.0], [74420.0, 132500.0]]
    assert [t.text for t in whiskers] == [("$56,800", "$121,490"), ("$74,420", "$132,500")]
    assert (
        len(bars) == 1 and bars[0].base[0] == 69710.0 and bars[0].x[0] == pytest.approx(31880.0)
    )  # PT has no middle half
    assert whiskers[0].line.color == OT_COLOR and whiskers[1].line.color == PT_COLOR
    labels = list(fig.layout.yaxis.categoryarray)
    assert labels[0] == "OT · May 2019" and "May 2024" in labels[1]
    assert [a.text for a in fig.layout.annotations] == ["median $84,950", "median $101,020"]


def test_jobs_chart_keeps_the_two_counts_as_separate_patterned_bars():
    counts = pd.DataFrame(
        {
            "profession": ["OT", "OT"],
            "measure": ["ep_jobs", "oews_employment"],
            "count": ["a", "b"],
            "value": [150500.0, 144850.0],
            "period_label": ["2023", "May 2023"],
            "tier": ["A", "C"],
            "source_ids": ["WF001", "WF004"],
        }
    )
    fig = charts.jobs_chart(counts, "Most jobs")
    assert [t.y[0] for t in fig.data] == ["OT: number of jobs", "OT: payroll jobs"]
    assert [t.text[0] for t in fig.data] == ["150,500<br>2023", "144,850<br>May 2023"]
    assert [t.marker.pattern.shape for t in fig.data] == ["", "/"]


def test_outlook_chart_labels_each_bar_with_profession_decade_and_value():
    outlook = pd.DataFrame(
        {
            "profession": ["OT", "OTA and aides"],
            "period": ["2023-2033", "2020-2030"],
            "period_label": ["2023–2033", "2020–2030"],
            "growth_pct": [11.0, 34.0],
            "openings": [9800.0, float("nan")],
            "tier": ["A", "C"],
            "source_ids": ["WF001", "WF022"],
        }
    )
    growth = charts.outlook_chart(outlook, "growth_pct")
    assert [(t.y[0], t.text[0]) for t in growth.data] == [
        ("OT · 2023–2033", "11%"),
        ("OTA and aides ·<br>2020–2030", "34%"),
    ]
    assert growth.layout.xaxis.range[1] == pytest.approx(34 * 1.45)  # room for the labels after the bars
    openings = charts.outlook_chart(outlook, "openings")
    assert [t.text[0] for t in openings.data] == ["9,800 a year"]  # no figure, no bar


def test_settings_chart_has_one_panel_per_profession_titled_with_its_period():
    shares = pd.DataFrame(
        {
            "profession": ["OT", "OT", "PT"],
            "setting": ["Hospitals", "Schools", "Offices"],
            "share": [27.0, 11.0, 36.0],
            "period_label": ["2018", "2018", "2021"],
            "reference_period": ["", "", ""],
            "tier": ["C"] * 3,
            "source_ids": ["WF042"] * 3,
        }
    )
    fig = charts.settings_chart(shares)
    assert [t.marker.color for t in fig.data] == [OT_COLOR, PT_COLOR]
    assert [a.text for a in fig.layout.annotations] == ["OT: share of jobs, 2018", "PT: share of jobs, 2021"]
    assert list(fig.data[0].text) == ["27%", "11%"]


def test_trend_chart_draws_only_the_points_chosen_for_the_chart():
    points = pd.DataFrame(
        {
            "profession": ["OT", "OT", "OT", "PT"],
            "year": [2019, 2019, 2023, 2021],
            "value": [1.0, 2.0, 3.0, 4.0],
            "on_chart": [True, False, True, True],
            "reference_period": ["May 2019"] * 4,
            "tier": ["A", "C", "A", "C"],
            "unit": ["USD per year"] * 4,
        }
    )
    fig = charts.trend_chart(points, "Median pay per year, by year", "USD per year")
    assert [t.name for t in fig.data] == ["OT", "PT"]
    assert list(fig.data[0].x) == [2019, 2023] and list(fig.data[0].y) == [1.0, 3.0]
    assert list(fig.data[0].text) == ["", "OT $0k"]  # only the last point is labelled
    assert (fig.data[1].textposition, fig.data[0].textposition) == ("top right", "bottom right")  # PT ends higher
    assert fig.layout.yaxis.tickprefix == "$"


def state_view(values: dict[str, float]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "state": STATE_NAMES,
            "state_abbr": STATE_ABBRS,
            "value": [values.get(a, float("nan")) for a in STATE_ABBRS],
            "shown": [f"{values[a]:,.0f} jobs" if a in values else "No figure found" for a in STATE_ABBRS],
        }
    )


def test_tile_map_is_a_grid_of_heatmap_squares_with_missing_states_in_their_own_grey_trace():
    fig = charts.tile_map(state_view({"CA": 24200.0, "TX": 17170.0}), "PT", "PT payroll jobs", "jobs", highlight="TX")
    assert {t.type for t in fig.data} == {"heatmap"} and not ({t.type for t in fig.data} & GEO_TRACES)
    missing, found = fig.data
    r, c = TILE_GRID["CA"]
    assert found.z[r][c] == 24200.0 and found.text[r][c] == "CA<br>24k"
    assert missing.z[r][c] is None
    rn, cn = TILE_GRID["NV"]
    assert missing.z[rn][cn] == 0 and missing.text[rn][cn] == "NV<br>–" and found.z[rn][cn] is None
    assert "no figure found" in missing.customdata[rn][cn]
    filled = sum(v is not None for row in found.z for v in row) + sum(v is not None for row in missing.z for v in row)
    assert filled == 51
    assert found.colorscale[-1][1] == PT_COLOR
    assert fig.layout.yaxis.scaleanchor == "x"  # squares stay square
    rt, ct = TILE_GRID["TX"]
    assert len(fig.layout.shapes) == 1 and fig.layout.shapes[0].x0 == ct - 0.5 and fig.layout.shapes[0].y0 == rt - 0.5
    assert fig.layout.annotations[0].text == "Outlined: Texas"


def test_tile_map_with_no_figure_at_all_still_draws_every_state():
    fig = charts.tile_map(state_view({}), "OT", "OT", "jobs")
    missing = fig.data[0]
    assert sum(v == 0 for row in missing.z for v in row) == 51


@pytest.mark.parametrize(
    "value, unit, expected",
    [
        (24200, "jobs", "24k"),
        (1300, "jobs", "1.3k"),
        (640, "jobs", "640"),
        (114270, "USD per year", "$114k"),
        (49.77, "USD per hour", "$50"),
        (12, "percent", "12%"),
        (1.16, "ratio to the U.S. share", "1.16"),
        (3, "rank among 50 states and DC", "#3"),
        (float("nan"), "jobs", "–"),
    ],
)
def test_short_numbers_for_tiles(value, unit, expected):
    assert charts.short_number(value, unit) == expected


def test_dumbbell_chart_keeps_the_profile_order_and_writes_the_difference():
    profile = pd.DataFrame(
        {
            "domain": ["Skills"] * 2,
            "element_name": ["Active Learning", "Equipment Selection"],
            "OT": [3.88, 1.25],
            "PT": [3.12, 1.75],
            "difference": [0.76, -0.5],
            "caution": ["", ""],
        }
    )
    fig = charts.dumbbell_chart(profile, "Importance", (1, 5), "t")
    line, ot, pt, diff = fig.data
    assert list(ot.x) == [3.88, 1.25] and ot.marker.color == OT_COLOR and ot.marker.symbol == "circle"
    assert list(pt.x) == [3.12, 1.75] and pt.marker.color == PT_COLOR and pt.marker.symbol == "square"
    assert list(diff.text) == ["+0.76", "-0.50"]
    assert list(fig.layout.yaxis.categoryarray) == ["Active Learning", "Equipment<br>Selection"]
    assert line.x[:3] == (3.88, 3.12, None)
    assert list(fig.layout.xaxis.tickvals) == [1, 2, 3, 4, 5]


def test_riasec_chart_has_ot_and_pt_bars_for_the_six_interests():
    interests = pd.DataFrame(
        {"interest": ["Realistic", "Social"], "OT": [3.48, 6.13], "PT": [4.34, 5.91], "meaning": ["", ""]}
    )
    fig = charts.riasec_chart(interests)
    assert [t.name for t in fig.data] == ["OT", "PT"]
    assert list(fig.data[1].text) == ["4.34", "5.91"]
    assert fig.data[1].marker.pattern.fillmode == "overlay"  # the pattern overlays the colour, never replaces it


def test_long_titles_wrap_to_fit_a_phone():
    fig = charts.jobs_chart(
        pd.DataFrame(
            {
                "profession": ["PT"],
                "measure": ["ep_jobs"],
                "count": ["a"],
                "value": [1.0],
                "period_label": ["2024"],
                "tier": ["C"],
                "source_ids": ["WF010"],
            }
        ),
        "Most jobs: PT, 267,200 (2024). Two counts, kept apart",
    )
    assert "<br>" in fig.layout.title.text
    assert all(len(line) <= TITLE_WIDTH for line in fig.layout.title.text.split("<br>"))
    assert not math.isnan(fig.layout.height)
