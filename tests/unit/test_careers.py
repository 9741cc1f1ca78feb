"""components/careers.py and the figure rules it uses (components/figures.py): words and
numbers, choosing one figure, and the reshaping behind each chart and table of the Careers
page (quick facts, pay ranges, jobs, outlook, settings, trends, conflicts). Small hand-made
frames, so each rule is visible in the test."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from components import careers, figures

SOURCES = pd.DataFrame(
    {
        "source_id": ["WF001", "WF002", "WF003", "CL001"],
        "tier": ["A", "C", "C", "A"],
    }
)


def national(*rows: tuple) -> pd.DataFrame:
    """Rows: (figure_id, profession, measure, value, period[, stated[, flag[, source]]])."""
    out = []
    for row in rows:
        figure_id, profession, measure, value, period, *rest = row
        stated = rest[0] if len(rest) > 0 else "yes"
        flag = rest[1] if len(rest) > 1 else ""
        source = rest[2] if len(rest) > 2 else "WF002"
        unit = {
            "median_annual_wage": "USD per year",
            "projected_change_pct": "percent",
            "annual_openings": "openings per year",
        }.get(measure, "USD per year" if "wage" in measure else "jobs")
        out.append(
            {
                "figure_id": figure_id,
                "profession": profession,
                "measure": measure,
                "value": float(value),
                "unit": unit,
                "reference_period": period,
                "period": period,
                "period_stated": stated,
                "flag": flag,
                "note": "",
                "source_ids": source,
            }
        )
    return pd.DataFrame(out)


# --- words and numbers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "period, stated, expected",
    [
        ("2023-05", "yes", "May 2023"),
        ("2023-2033", "yes", "2023–2033"),
        ("2024", "yes", "2024"),
        ("2024-05", "no", "May 2024 (inferred)"),
        ("undated", "no", "undated (inferred; the source gives no date)"),
    ],
)
def test_period_label(period, stated, expected):
    assert figures.period_label(period, stated) == expected


@pytest.mark.parametrize(
    "value, unit, expected",
    [
        (98340, "USD per year", "$98,340 a year"),
        (46.33, "USD per hour", "$46.33 an hour"),
        (150500, "jobs", "150,500 jobs"),
        (11, "percent", "11%"),
        (13.8, "percent", "13.8%"),
        (9800, "openings per year", "9,800 a year"),
        (3, "rank among 50 states and DC", "rank 3 of 51"),
        (1.16, "ratio to the U.S. share", "1.16"),
        (float("nan"), "jobs", figures.NOT_FOUND),
    ],
)
def test_format_value_puts_the_unit_in_words(value, unit, expected):
    assert figures.format_value(value, unit) == expected


def test_with_tier_takes_the_strongest_source_of_each_row_and_drops_loader_attrs():
    frame = pd.DataFrame({"source_ids": ["WF002; WF001", "WF003", "XX999"]})
    frame.attrs["lines"] = [2, 3, 4]
    out = figures.with_tier(frame, SOURCES)
    assert list(out["tier"]) == ["A", "C", ""]
    assert out.attrs == {} and frame.attrs == {"lines": [2, 3, 4]}


# --- choosing one figure ---------------------------------------------------------------------------


def test_pick_row_prefers_the_strongest_tier_then_the_newest_period():
    rows = figures.with_tier(
        national(
            ("W1", "OT", "median_annual_wage", 96370, "2023-05", "yes", "", "WF001"),
            ("W2", "OT", "median_annual_wage", 98340, "2024-05", "yes", "", "WF002"),
            ("W3", "OT", "median_annual_wage", 95000, "2022-05", "yes", "", "WF001"),
        ),
        SOURCES,
    )
    assert figures.pick_row(rows, "OT", "median_annual_wage")["figure_id"] == "W1"


def test_pick_row_prefers_a_stated_period_and_never_a_doubtful_value_when_another_exists():
    rows = figures.with_tier(
        national(
            ("W1", "OT", "mean_annual_wage", 93491, "2023-05", "yes", "doubtful"),
            ("W2", "OT", "mean_annual_wage", 96790, "2023-05", "no"),
            ("W3", "OT", "mean_annual_wage", 96800, "2023-05", "yes"),
        ),
        SOURCES,
    )
    assert figures.pick_row(rows, "OT", "mean_annual_wage")["figure_id"] == "W3"
    only_doubtful = rows[rows["figure_id"] == "W1"]
    assert figures.pick_row(only_doubtful, "OT", "mean_annual_wage")["figure_id"] == "W1"
    assert figures.pick_row(rows, "PT", "mean_annual_wage") is None


# --- quick facts ------------------------------------------------------------------------------------

EDUCATION = pd.DataFrame(
    {
        "fact_id": ["E1", "E2", "E3"],
        "profession": ["OT", "OT", "PTA"],
        "topic": ["Entry degree", "Licensing exam", "Exam format"],
        "attribute": ["Entry-level degree", "Exam and who runs it", "NPTE for PTAs"],
        "value": ["Master's or doctorate", "The NBCOT exam", "200 questions"],
        "as_of": ["undated", "undated", "2024"],
        "note": ["", "", ""],
        "source_ids": ["CL001", "CL001", "WF002"],
    }
)


def test_quick_facts_have_one_column_per_profession_with_unit_date_and_tier():
    rows = national(
        ("W1", "OT", "median_annual_wage", 98340, "2024-05"),
        ("W2", "PT", "ep_jobs", 267200, "2024", "yes", "", "WF001"),
        ("W3", "OTA and aides", "projected_change_pct", 34, "2020-2030"),
    )
    table, cited = careers.quick_facts(rows, EDUCATION, SOURCES, ("OT", "OTA", "PT", "PTA"))
    assert list(table.columns) == ["Fact", "OT", "OTA", "PT", "PTA"]
    facts = table.set_index("Fact")
    assert facts.loc["Median pay", "OT"] == "$98,340 a year · May 2024 · tier C"
    assert facts.loc["Median pay", "PT"] == figures.NOT_FOUND
    assert facts.loc["Number of jobs (BLS projections; includes self-employed)", "PT"] == "267,200 jobs · 2024 · tier A"
    # A group counted with aides stands in for OTA, and says so.
    assert (
        facts.loc["Job outlook: growth over 10 years", "OTA"]
        == "34% · 2020–2030 · assistants and aides, counted together · tier C"
    )
    assert facts.loc["Job outlook: growth over 10 years", "PTA"] == figures.NOT_FOUND
    # Education facts: the exact attribute, else the first fact of a fallback topic, named.
    assert facts.loc["Entry-level degree", "OT"] == "Master's or doctorate · tier A"
    assert facts.loc["Licensing exam", "PTA"] == "NPTE for PTAs: 200 questions · 2024 · tier C"
    assert set(cited["source_ids"]) == {"WF002", "WF001", "CL001"}


def test_quick_facts_follow_the_order_of_the_chosen_professions():
    table, _ = careers.quick_facts(
        national(("W1", "PT", "median_annual_wage", 1, "2024-05")), EDUCATION, SOURCES, ("PT",)
    )
    assert list(table.columns) == ["Fact", "PT"]


def test_quick_summary_names_each_median_with_its_date():
    rows = national(
        ("W1", "OT", "median_annual_wage", 98340, "2024-05"),
        ("W2", "PT", "median_annual_wage", 101020, "2024-05", "no"),
    )
    text = careers.quick_summary(rows, SOURCES, ("OT", "PT"))
    assert "OT $98,340 (May 2024, tier C)" in text and "PT $101,020 (May 2024, date inferred, tier C)" in text
    assert "Dates differ" not in text


def test_quick_summary_shows_the_official_median_and_names_the_newer_third_party_one():
    rows = national(
        ("W1", "OT", "median_annual_wage", 96370, "2023-05", "yes", "", "WF001"),
        ("W2", "OT", "median_annual_wage", 98340, "2024-05"),
    )
    text = careers.quick_summary(rows, SOURCES, ("OT",))
    assert "OT $96,370 (May 2023, tier A; a third party quotes $98,340 for May 2024)" in text


def test_quick_facts_show_the_official_figure_and_name_the_newer_third_party_one():
    rows = national(
        ("W1", "OT", "median_annual_wage", 96370, "2023-05", "yes", "", "WF001"),
        ("W2", "OT", "median_annual_wage", 98340, "2024-05"),
    )
    facts = careers.quick_facts(rows, EDUCATION, SOURCES, ("OT",))[0].set_index("Fact")
    assert facts.loc["Median pay", "OT"] == (
        "$96,370 a year · May 2023 · tier A · a third party quotes $98,340 a year for May 2024"
    )


def test_quick_facts_align_a_row_on_one_period_where_the_data_allows():
    rows = national(
        ("W1", "OT", "ep_jobs", 150500, "2023", "yes", "", "WF001"),
        ("W2", "OT", "ep_jobs", 156000, "2024", "yes", "", "WF001"),
        ("W3", "PT", "ep_jobs", 240000, "2023", "yes", "", "WF001"),
    )
    facts = careers.quick_facts(rows, EDUCATION, SOURCES, ("OT", "PT"))[0].set_index("Fact")
    label = "Number of jobs (BLS projections; includes self-employed)"
    assert facts.loc[label, "OT"] == "150,500 jobs · 2023 · tier A"
    assert facts.loc[label, "PT"] == "240,000 jobs · 2023 · tier A"


def test_quick_facts_say_so_when_a_row_has_no_shared_period():
    rows = national(
        ("W1", "OT", "ep_jobs", 150500, "2023", "yes", "", "WF001"),
        ("W2", "PT", "ep_jobs", 267200, "2024", "yes", "", "WF001"),
    )
    facts = careers.quick_facts(rows, EDUCATION, SOURCES, ("OT", "PT"))[0].set_index("Fact")
    label = "Number of jobs (BLS projections; includes self-employed)"
    assert facts.loc[label, "OT"].endswith(careers.PERIODS_DIFFER)
    assert facts.loc[label, "PT"] == "267,200 jobs · 2024 · tier A · " + careers.PERIODS_DIFFER
    assert careers.quick_summary(rows, SOURCES, ("PTA",)).startswith("No median pay")


# --- pay ranges ---------------------------------------------------------------------------------------


def test_pay_ranges_need_10th_50th_and_90th_and_keep_the_middle_half_when_given():
    rows = national(
        *[
            (f"A{i}", "OT", f"annual_wage_{p}", v, "2019-05", "yes", "", "WF001")
            for i, (p, v) in enumerate(zip(("p10", "p25", "p50", "p75", "p90"), (1, 2, 3, 4, 5)))
        ],
        # A median stated as such stands in for the 50th percentile; no 25th/75th.
        ("B1", "PTA", "annual_wage_p10", 10, "2023-05"),
        ("B2", "PTA", "median_annual_wage", 20, "2023-05"),
        ("B3", "PTA", "annual_wage_p90", 30, "2023-05"),
        # Without a 90th percentile there is no range.
        ("C1", "PT", "annual_wage_p10", 10, "2021-05"),
        ("C2", "PT", "annual_wage_p50", 20, "2021-05"),
    )
    ranges = careers.pay_ranges(rows, SOURCES, ("OT", "PT", "PTA"))
    assert list(ranges["profession"]) == ["OT", "PTA"]
    ot, pta = ranges.iloc[0], ranges.iloc[1]
    assert (ot["p10"], ot["p25"], ot["p50"], ot["p75"], ot["p90"]) == (1, 2, 3, 4, 5)
    assert pta["p50"] == 20 and math.isnan(pta["p25"]) and math.isnan(pta["p75"])
    assert ot["period_label"] == "May 2019" and ot["tier"] == "A"


def test_pay_ranges_list_the_newest_period_first_within_a_profession():
    rows = national(
        *[
            (f"{period}{p}", "PT", f"annual_wage_{p}", v, period)
            for period in ("2021-05", "2024-05")
            for p, v in (("p10", 1), ("p50", 2), ("p90", 3))
        ]
    )
    assert list(careers.pay_ranges(rows, SOURCES, ("PT",))["period"]) == ["2024-05", "2021-05"]
    table = careers.pay_range_table(careers.pay_ranges(rows, SOURCES, ("PT",)))
    assert "Median (half earn more)" in table.columns


# --- jobs and outlook -------------------------------------------------------------------------------


def test_job_counts_keep_the_two_employment_measures_apart():
    rows = national(
        ("W1", "OT", "ep_jobs", 150500, "2023"),
        ("W2", "OT", "oews_employment", 144850, "2023-05"),
        ("W3", "OT", "oews_employment", 133570, "2019-05"),
        ("W4", "OTA", "oews_employment", 51290, "2025-05"),
    )
    counts = careers.job_counts(rows, SOURCES, ("OT", "OTA"))
    assert list(zip(counts["profession"], counts["measure"], counts["value"])) == [
        ("OT", "ep_jobs", 150500),
        ("OT", "oews_employment", 144850),
        ("OTA", "oews_employment", 51290),
    ]
    assert counts["count"].nunique() == 2


def test_outlook_gives_one_row_per_group_and_decade_and_adds_groups_counted_with_aides():
    rows = national(
        ("W1", "OT", "projected_change_pct", 11, "2023-2033", "yes", "", "WF001"),
        ("W2", "OT", "annual_openings", 9800, "2023-2033", "yes", "", "WF001"),
        ("W3", "OT", "projected_change_pct", 12, "2023-2033", "yes", "", "WF002"),
        ("W4", "OT", "projected_change_pct", 13.8, "2024-2034"),
        ("W5", "OTA and aides", "projected_change_pct", 34, "2020-2030"),
        ("W6", "PT aides", "projected_change_pct", 3, "2023-2033"),
    )
    out = careers.outlook(rows, SOURCES, ("OT", "OTA"))
    assert list(zip(out["profession"], out["period"])) == [
        ("OT", "2024-2034"),
        ("OT", "2023-2033"),
        ("OTA and aides", "2020-2030"),
    ]
    ot_2023 = out.iloc[1]
    assert ot_2023["growth_pct"] == 11 and ot_2023["openings"] == 9800  # tier A wins over C
    assert math.isnan(out.iloc[0]["openings"])


# --- settings ------------------------------------------------------------------------------------------


def settings(*rows: tuple) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "setting_id": i,
                "profession": p,
                "geography": g,
                "setting": s,
                "measure": m,
                "value": float(v),
                "unit": "percent",
                "reference_period": per,
                "period": per,
                "period_stated": "yes",
                "note": "",
                "source_ids": src,
            }
            for i, p, g, s, m, v, per, src in rows
        ]
    )


def test_setting_shares_take_the_newest_list_from_one_source_largest_first():
    rows = settings(
        ("S1", "OT", "United States", "Hospitals", "share_of_jobs", 27, "2014", "WF002"),
        ("S2", "OT", "United States", "Schools", "share_of_jobs", 12, "2018", "WF002"),
        ("S3", "OT", "United States", "Hospitals", "share_of_jobs", 27, "2018", "WF002"),
        ("S4", "OT", "United States", "Offices", "share_of_jobs", 26, "2018", "WF002"),
        ("S5", "OT", "Connecticut", "Hospitals", "share_of_jobs", 50, "2023", "WF001"),
        ("S6", "OT", "United States", "Hospitals", "share_of_survey_respondents", 40, "2024", "WF003"),
    )
    shares = careers.setting_shares(rows, SOURCES, ("OT", "PT"))
    assert list(shares["setting"]) == ["Hospitals", "Offices", "Schools"]
    assert set(shares["period_label"]) == {"2018"}
    table = careers.settings_table(rows, ("OT",))
    assert len(table) == 6 and "Share of survey respondents" in set(table["Measure"])


# --- trends ---------------------------------------------------------------------------------------------


def trends(*rows: tuple) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "point_id": i,
                "profession": p,
                "geography": g,
                "series": s,
                "year": y,
                "value": float(v),
                "unit": "USD per year",
                "reference_period": f"May {y}",
                "period_stated": stated,
                "flag": "",
                "note": "",
                "source_ids": src,
            }
            for i, p, g, s, y, v, stated, src in rows
        ]
    )


def test_trend_points_put_one_point_per_profession_and_year_on_the_chart():
    rows = trends(
        ("Y1", "OT", "United States", "median_annual_wage", 2019, 84950, "yes", "WF001"),
        ("Y2", "OT", "United States", "median_annual_wage", 2019, 85000, "yes", "WF002"),
        ("Y3", "OT", "United States", "median_annual_wage", 2023, 96370, "no", "WF002"),
        ("Y4", "OT", "Connecticut", "median_annual_wage", 2023, 100000, "yes", "WF001"),
        ("Y5", "PT", "United States", "median_annual_wage", 2021, 95620, "yes", "WF003"),
        ("Y6", "OT", "United States", "oews_employment", 2019, 133570, "yes", "WF001"),
    )
    points = careers.trend_points(rows, SOURCES, "median_annual_wage", ("OT",))
    assert list(points["point_id"]) == ["Y1", "Y2", "Y3"]  # U.S. only, this series and profession only
    assert list(points["on_chart"]) == [True, False, True]  # tier A wins 2019; Y2 stays in the table
    table = careers.trend_table(points)
    assert list(table["On the chart"]) == ["yes", "no (another source is used)", "yes"]
    assert careers.trend_points(rows, SOURCES, "ep_jobs", ("OT",)).empty


# --- conflicts ------------------------------------------------------------------------------------------


def test_conflicts_list_both_sides_and_ignore_agreeing_sources():
    rows = national(
        ("W1", "OT", "oews_employment", 144850, "2023-05"),
        ("W2", "OT", "oews_employment", 144840, "2023-05", "yes", "", "WF003"),
        ("W3", "OT", "ep_jobs", 150500, "2023", "yes", "", "WF001"),
        ("W4", "OT", "ep_jobs", 150500, "2023"),
        ("W5", "OT", "median_annual_wage", 1, "2023-05"),
        ("W6", "OT", "median_annual_wage", 2, "2024-05"),
    )
    series = trends(
        ("Y1", "OT", "United States", "oews_employment", 2023, 144850, "yes", "WF002"),
        ("Y2", "OT", "United States", "oews_employment", 2023, 144840, "yes", "WF003"),
        ("Y3", "PT", "United States", "mean_annual_wage", 2021, 1, "yes", "WF002"),
        ("Y4", "PT", "United States", "mean_annual_wage", 2021, 2, "yes", "WF003"),
    )
    table = careers.conflict_table(rows, series, SOURCES)
    # OT payroll jobs (once, though trends repeat it), PT mean pay 2021: two sides each.
    assert list(table["Figure"]) == ["144,850 jobs", "144,840 jobs", "$1 a year", "$2 a year"]
    assert table["Question"].iloc[0].startswith("OT: Payroll jobs (OEWS")
    assert careers.conflict_table(rows.iloc[2:4], series.iloc[0:1], SOURCES).empty


def test_workforce_outlook_facts_and_pass_rates_pick_their_rows():
    education = pd.DataFrame(
        {
            "fact_id": ["E1", "E2", "E3", "E4", "E5"],
            "profession": ["PT", "PT", "OT", "PT", "PTA"],
            "topic": ["Workforce outlook", "Workforce outlook", "Pass rate", "Pass rate", "Pass rate"],
            "attribute": [
                "HRSA",
                "APTA",
                "National new-graduate pass rate (OTR), 2019",
                "First-time national pass rate",
                "Ultimate pass rate",
            ],
            "value": ["shortage", "surplus", "98%", "84%", "95%"],
            "as_of": ["2024", "2020", "2019", "2022", "2019-2022"],
            "note": [""] * 5,
            "source_ids": ["CL001"] * 5,
        }
    )
    assert list(careers.workforce_outlook_facts(education)["value"]) == ["shortage", "surplus"]
    rates = careers.pass_rates(education, ("OT", "PT", "PTA"))
    assert list(rates["Kind of rate"]) == [
        "New-graduate rate (NBCOT)",
        "First-time rate",
        "Ultimate rate, after any number of attempts (FSBPT)",
    ]
    assert careers.rate_kind("Something else") == "Rate of another kind"


def test_chart_titles_state_the_finding():
    ranges = pd.DataFrame(
        {"profession": ["OT", "PT"], "p50": [1.0, 2.0], "period_label": ["May 2019", "May 2024 (inferred)"]}
    )
    assert careers.pay_title(ranges).startswith("Highest median: PT, $2 a year (May 2024, date inferred)")
    counts = pd.DataFrame({"profession": ["OT", "PT"], "value": [5.0, 9.0], "period_label": ["2023", "2024"]})
    assert careers.jobs_title(counts).startswith("Most jobs: PT, 9 (2024)")
    outlook = pd.DataFrame(
        {
            "profession": ["OT", "PTA"],
            "growth_pct": [11.0, 22.0],
            "openings": [9800.0, float("nan")],
            "period_label": ["2023–2033", "2024–2034"],
        }
    )
    assert careers.outlook_title(outlook, "growth_pct") == "Fastest projected growth: PTA, 22% over 2024–2034"
    assert careers.outlook_title(outlook, "openings") == "Most openings each year: OT, 9,800 (2023–2033)"
