"""Unit tests for components/school.py and components/school_charts.py on small tables that
pass the loader's checks (so the fixtures follow the real schema)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from components import school
from components import school_charts as charts
from components.loader import parse_table
from components.schema import ADMISSIONS, EXAM_RESULTS, LICENCE_RENEWAL, SCHOOL_COSTS, SCHOOL_PATH, SCHOOL_PROGRAMS

KNOWN = {"sources": {"AA001", "AA002", "AA003"}}


def table(schema, *rows: str) -> pd.DataFrame:
    text = ",".join(schema.column_names) + "\n" + "\n".join(rows) + "\n"
    return parse_table(schema, text.encode("utf-8"), f"data/{schema.file}", KNOWN)


PATH = table(
    SCHOOL_PATH,
    "SS001,OT,1,Bachelor's degree,4,4,,Any major with the prerequisites,2024,AA001,",
    "SS002,OT,2,Entry-level master's or OTD,2,3,24,Graduate program,2024,AA001,",
    "SS003,OT,3,Fieldwork,,,24,Level II fieldwork inside the program,2024,AA001,",
    "SS004,OT,4,NBCOT exam,,,,The national exam,2024,AA001,",
    "SS005,PT,1,Bachelor's degree,4,4,,Any major,2024,AA002,",
    "SS006,PT,2,DPT,3,3,,Doctor of physical therapy,2024,AA002,",
    "SS007,PT,3,State licence,,,,Apply to the state board,2024,AA002,",
    "SS008,PTA,1,PTA associate degree,2,,16,Two-year program,2024,AA002,",
)
PROGRAMS = table(
    SCHOOL_PROGRAMS,
    "SP001,OT,ACOTE,Entry-level OTD,Accredited,90,,2023-01,AA001,",
    "SP002,OT,ACOTE,Entry-level OTD,Accredited,100,,2024-06,AA001,",
    "SP003,OT,ACOTE,Entry-level OTD,Candidate,20,,2024-06,AA001,",
    "SP004,OT,ACOTE,Entry-level master's,Accredited,150,,2024-06,AA001,",
    "SP005,OT,ACOTE,All,All,400,,2020,AA001,a total over every level",
    "SP006,PT,CAPTE,DPT,Accredited,280,,2024,AA002,",
    "SP007,PT,CAPTE,DPT,Accredited,270,,2022,AA002,",
)
COSTS = table(
    SCHOOL_COSTS,
    "SC001,PT,Graduate debt median,All,All,100000,2022,CAPTE survey,AA002,",
    "SC002,PT,Graduate debt mean,All,All,110000,2020,CAPTE survey,AA002,",
    "SC003,PT,Tuition and fees whole program,Public,Resident,60000,2023-2024,CAPTE,AA002,",
    "SC004,PT,Tuition and fees whole program,Private,All,120000,2023-2024,CAPTE,AA002,",
    "SC005,PT,Exam fee,All,All,485,2025,FSBPT,AA003,",
    "SC006,OT,Graduate debt mean,All,All,90000,2021,AOTA,AA001,",
)
ADMIT = table(
    ADMISSIONS,
    "SA001,PT,PTCAS,2021-22,Applicants,12000,people,,AA002,",
    "SA002,PT,PTCAS,2022-23,Applicants,11000,people,,AA002,",
    "SA003,PT,PTCAS,2022-23,Acceptance rate,55,%,,AA002,",
    "SA004,OT,OTCAS,2022-23,Observation hours,,hours,Varies by program,AA001,",
    "SA005,PT,Other,undated,Prerequisite,,,Anatomy and physiology,AA002,",
)
EXAMS = table(
    EXAM_RESULTS,
    "SX001,PT,NPTE PT,First-time pass rate,graduates of US programs,2022,85,,AA003,",
    "SX002,PT,NPTE PT,First-time pass rate,graduates of US programs,2023,88.5,,AA003,",
    "SX003,PT,NPTE PT,Ultimate pass rate,graduates of US programs,2023,99,,AA003,",
    "SX004,OT,NBCOT OTR,New graduates passing within one year,new graduates,2023,97,,AA001,",
)
RENEWAL = table(
    LICENCE_RENEWAL,
    "SL001,PT,TX,Continuing education,30 hours every 2 years,30,2,2024,AA002,",
    "SL002,PT,,Certification renewal,No national certificate to renew,,,2024,AA002,",
    "SL003,OT,,Certification renewal,NBCOT renewal every 3 years,36,3,2024,AA001,",
)
SOURCES = pd.DataFrame({"source_id": ["W1", "W2", "W3"], "tier": ["A", "C", "A"]})
PROGRAM_SOURCES = pd.DataFrame({"source_id": ["AA001", "AA002", "AA003"], "tier": ["A", "A", "C"]})
NATIONAL = pd.DataFrame(
    {
        "figure_id": ["W001", "W002", "W003", "W004"],
        "profession": ["PT", "PT", "OT", "PT"],
        "measure": ["median_annual_wage", "median_annual_wage", "median_annual_wage", "mean_annual_wage"],
        "value": [99710.0, 101020.0, 96370.0, 1.0],
        "unit": ["USD per year"] * 4,
        "period": ["2023-05", "2024-05", "2023-05", "2024-05"],
        "period_stated": ["yes", "no", "yes", "yes"],
        "flag": ["", "", "", ""],
        "source_ids": ["W1", "W2", "W3", "W1"],
    }
)


# --- the path ------------------------------------------------------------------------------


def test_path_stages_start_where_the_previous_timed_stages_end():
    stages = school.path_stages(PATH, ("OT", "PT"))
    ot = stages[stages["route"] == "OT"]
    assert list(ot["stage"]) == ["Bachelor's degree", "Entry-level master's or OTD", "Fieldwork", "NBCOT exam"]
    assert list(ot["start"]) == [0, 4, 6, 6]
    assert ot["length"].tolist()[:2] == [4, 2]
    assert ot["length"].isna().tolist() == [False, False, True, True]  # no length is not zero
    assert set(stages["route"]) == {"OT", "PT"}


def test_path_totals_give_the_shortest_and_longest_path():
    totals = school.path_totals(PATH, ("OT", "PT", "PTA")).set_index("route")
    assert (totals.loc["OT", "years_min"], totals.loc["OT", "years_max"]) == (6, 7)
    assert (totals.loc["PT", "years_min"], totals.loc["PT", "years_max"]) == (7, 7)
    assert (totals.loc["PTA", "years_min"], totals.loc["PTA", "years_max"]) == (2, 2)  # one bound counts on both
    assert totals.loc["OT", "weeks"] == 48
    assert math.isnan(totals.loc["PT", "weeks"])


def test_years_text_says_not_given_for_missing():
    assert school.years_text(4, 4) == "4 years"
    assert school.years_text(1, float("nan")) == "1 year"
    assert school.years_text(2, 3) == "2 to 3 years"
    assert school.years_text(float("nan"), float("nan")) == school.NOT_GIVEN


def test_path_table_keeps_missing_lengths_empty():
    view = school.path_table(school.path_stages(PATH, ("OT",)))
    assert len(view) == 4
    assert view["Years (shortest)"].isna().sum() == 2
    assert not (view["Years (shortest)"] == 0).any()


def test_timeline_chart_has_a_bar_per_timed_stage_and_a_point_per_untimed_stage():
    stages = school.path_stages(PATH, ("OT", "PT", "PTA"))
    fig = charts.timeline_chart(stages)
    bars = [t for t in fig.data if t.type == "bar"]
    points = [t for t in fig.data if t.type == "scatter"]
    assert len(bars) == 5
    assert {b.y[0] for b in bars} == {"OT", "PT", "PTA"}
    assert any("Bachelor's" in b.text[0] and "4 years" in b.text[0] for b in bars)
    assert [p.y[0] for p in points] == ["OT", "PT"]  # one diamond where each route's timed stages end
    assert [p.x[0] for p in points] == [6, 7]
    notes = [a.text.replace("<br>", " ") for a in fig.layout.annotations]
    assert notes[0] == "Within or after the degree: Fieldwork (24 weeks) → NBCOT exam"
    assert notes[1] == "Within or after the degree: State licence"
    # OT blue, PT vermillion, PTA orange (the lighter PT); each route's second stage is a tint
    colours = {b.y[0]: b.marker.color for b in bars if b.base[0] == 0}
    assert colours == {"OT": "#0072B2", "PT": "#D55E00", "PTA": "#E69F00"}
    second = next(b for b in bars if b.y[0] == "OT" and b.base[0] == 4)
    assert second.marker.color not in ("#0072B2",)


# --- programs ----------------------------------------------------------------------------------


def test_latest_programs_keep_the_newest_count_per_degree_and_status():
    latest = school.latest_programs(PROGRAMS, PROGRAM_SOURCES, ("OT", "PT"))
    got = {(r, d, s): n for r, d, s, n in zip(latest["route"], latest["degree"], latest["status"], latest["programs"])}
    assert got == {
        ("OT", "Entry-level OTD", "Accredited"): 100,
        ("OT", "Entry-level OTD", "Candidate"): 20,
        ("OT", "Entry-level master's", "Accredited"): 150,
        ("PT", "DPT", "Accredited"): 280,
    }  # OT's total over all levels is left out: counts by degree exist


def test_program_trend_only_series_with_two_dates():
    trend = school.program_trend(PROGRAMS, ("OT", "PT"))
    assert set(trend["series"]) == {"OT · Entry-level OTD · accredited", "PT · all programs · accredited"}
    pt = trend[trend["route"] == "PT"]
    assert list(pt["programs"]) == [270, 280]  # oldest first


def test_program_trend_joins_a_total_with_the_only_degree_but_never_two_statuses():
    rows = table(
        SCHOOL_PROGRAMS,
        "SP001,PT,CAPTE,All,All,220,,2013,AA002,",
        "SP002,PT,CAPTE,DPT,All,306,,2023,AA002,",
        "SP003,PT,CAPTE,All,Accredited,242,,2014,AA002,",
        "SP004,OT,ACOTE,All,All,300,,2015,AA001,",
        "SP005,OT,ACOTE,Entry-level OTD,All,100,,2023,AA001,",
    )
    trend = school.program_trend(rows, ("OT", "PT"))
    assert list(trend["series"]) == ["PT · all programs · accredited and candidate"] * 2  # OT has two degrees
    assert list(trend["programs"]) == [220, 306]


def test_programs_chart_stacks_statuses_with_patterns_and_labels():
    fig = charts.programs_chart(school.latest_programs(PROGRAMS, PROGRAM_SOURCES, ("OT", "PT")))
    candidate = next(t for t in fig.data if t.name == "Candidate")
    assert candidate.marker.pattern.shape == "/"
    assert candidate.text[0] == "20 candidate"
    assert fig.layout.barmode == "stack"


# --- cost and pay ---------------------------------------------------------------------------------


def test_median_pay_prefers_tier_a_over_a_newer_third_party_figure():
    pay = school.median_pay(NATIONAL, SOURCES, ("OT", "PT"))
    got = dict(zip(pay["route"], pay["value"]))
    assert got == {"OT": 96370.0, "PT": 99710.0}  # not the newer tier-C $101,020
    assert list(pay["period_label"]) == ["May 2023", "May 2023"]
    assert list(pay["tier"]) == ["A", "A"]


def test_cost_bars_put_pay_first_and_name_period_and_who_measured():
    pay = school.median_pay(NATIONAL, SOURCES, ("PT",))
    bars = school.cost_bars(COSTS, pay, ("PT",))
    assert list(bars["kind"]) == ["Pay", "Debt", "Debt", "Tuition", "Tuition"]
    assert bars["item"].iloc[0] == "Median pay per year (May 2023, tier A)"
    assert bars["item"].iloc[1] == "Graduate debt, median (2022)"
    assert list(bars["measured_by"])[:2] == ["BLS", "CAPTE survey"]
    assert not bars["item"].str.contains("Exam").any()  # exam fees stay in the table


def test_public_private_filter_keeps_unsplit_figures():
    pay = school.median_pay(NATIONAL, SOURCES, ("PT",))
    public = school.cost_bars(COSTS, pay, ("PT",), "Public")
    assert public["item"].str.contains("private").sum() == 0
    assert public["item"].str.contains("public, resident").sum() == 1
    assert public["item"].str.contains("debt").sum() == 2  # all-schools debt stays
    table = school.costs_table(COSTS, ("PT",), "Private")
    assert set(table["Kind of school"]) == {"Private", "All"}
    assert school.institution_types(COSTS) == ("All", "Public", "Private")
    assert school.institution_types(COSTS[COSTS["route"] == "OT"]) == ("All",)


def test_cost_chart_labels_each_bar_with_its_amount():
    pay = school.median_pay(NATIONAL, SOURCES, ("OT", "PT"))
    fig = charts.cost_chart(school.cost_bars(COSTS, pay, ("OT", "PT")))
    texts = [t.text[0] for t in fig.data]
    assert "$99,710" in texts and "$100,000" in texts and "$90,000" in texts
    assert {t.name for t in fig.data} == {"Pay", "Debt", "Tuition"}


# --- admission, exams, renewal -----------------------------------------------------------------------


def test_admission_counts_leave_out_text_rows_and_order_cycles():
    counts = school.admission_counts(ADMIT, ("OT", "PT"))
    assert list(counts["row_id"]) == ["SA001", "SA002", "SA003"]
    table = school.admission_table(ADMIT, ("OT", "PT"))
    assert list(table["Route"]) == ["OT", "PT", "PT", "PT", "PT"]
    assert "Anatomy and physiology" in set(table["In words"])


def test_admission_asks_in_words_with_their_amounts():
    asks = school.admission_asks(ADMIT, ("OT", "PT"))
    assert asks == ["OT observation hours: Varies by program", "PT prerequisite: Anatomy and physiology"]
    with_amount = table(ADMISSIONS, "SA009,PT,Other,2012,Prerequisite,2,courses,Chemistry,AA002,")
    assert school.admission_asks(with_amount, ("PT",)) == ["PT prerequisite: Chemistry (2 courses)"]


def test_admission_chart_one_line_per_route_and_service():
    counts = school.admission_counts(ADMIT, ("PT",))
    fig = charts.admission_chart(counts, "Applicants", "Applicants")
    assert [t.name for t in fig.data] == ["PT · PTCAS"]
    assert list(fig.data[0].text) == ["12,000", "11,000"]


def test_exam_series_never_mixes_first_time_and_ultimate():
    first = school.exam_series(EXAMS, ("OT", "PT"), "First-time pass rate")
    assert set(first["measure"]) == {"First-time pass rate"} and len(first) == 2
    ultimate = school.exam_series(EXAMS, ("PT",), "Ultimate pass rate")
    assert list(ultimate["value_pct"]) == [99]
    assert school.exam_measures(EXAMS, ("PT",)) == ["First-time pass rate", "Ultimate pass rate"]
    assert school.exam_coverage(EXAMS, ("OT", "PT")) == (
        "First-time pass rate: PT. Ultimate pass rate: PT. New graduates passing within one year: OT."
    )
    fig = charts.exam_chart(first, "First-time pass rate")
    assert list(fig.data[0].text) == ["85%", "88.5%"]
    assert fig.layout.title.text.startswith("First-time pass rate")


def test_renewal_table_national_rules_first_then_states():
    view = school.renewal_table(RENEWAL, ("OT", "PT"))
    assert list(zip(view["Route"], view["Where"])) == [("OT", "National"), ("PT", "National"), ("PT", "TX")]


# --- sentences ------------------------------------------------------------------------------------


def test_route_summaries_say_years_programs_debt_pay_admission_and_exam():
    pay = school.median_pay(NATIONAL, SOURCES, ("OT", "PT", "PTA"))
    sentences = school.route_summaries(PATH, PROGRAMS, PROGRAM_SOURCES, COSTS, pay, ADMIT, EXAMS, ("OT", "PT", "PTA"))
    pt = sentences["PT"]
    assert pt.startswith("PT: about 7 years after high school (bachelor's degree, then DPT, then state licence)")
    assert "280 accredited programs (2024)" in pt
    assert "median of $100,000 (2022, CAPTE survey)" in pt and "$99,710 a year (May 2023, tier A)" in pt
    assert "55% of applicants accepted through PTCAS (2022-23)" in pt
    assert "88.5% passed the NPTE PT exam at the first try (2023)" in pt
    ot = sentences["OT"]
    assert "about 6 to 7 years" in ot and "250 accredited programs" in ot and "average of $90,000" in ot
    assert "then NBCOT exam" in ot
    assert "97% of new graduates passed the NBCOT OTR exam within a year (2023)" in ot  # no first-time rate for OT
    assert sentences["PTA"] == "PTA: about 2 years after high school (PTA associate degree)."


def test_stage_labels_in_a_sentence_keep_acronyms_and_proper_names():
    assert school.in_sentence("Bachelor's degree") == "bachelor's degree"
    assert (
        school.in_sentence("Entry-level master's or doctorate (MOT/MSOT or OTD)")
        == "entry-level master's or doctorate (MOT/MSOT or OTD)"
    )
    assert school.in_sentence("NBCOT OTR exam") == "NBCOT OTR exam"
    assert school.in_sentence("Doctor of Physical Therapy (DPT)") == "Doctor of Physical Therapy (DPT)"


def test_period_key_orders_years_months_and_spans():
    keys = ["2023", "2023-05", "2021-2022", "undated", "2024-01-02"]
    assert sorted(keys, key=school.period_key) == ["undated", "2021-2022", "2023", "2023-05", "2024-01-02"]
    assert school.period_date("undated") is None
    assert school.period_date("2024-06") == pd.Timestamp("2024-06-01")


@pytest.mark.parametrize("routes", [(), ("XX",)])
def test_unknown_or_no_routes_give_empty_views(routes):
    assert school.path_stages(PATH, routes).empty
    assert school.latest_programs(PROGRAMS, PROGRAM_SOURCES, routes).empty
    assert (
        school.route_summaries(
            PATH, PROGRAMS, PROGRAM_SOURCES, COSTS, school.median_pay(NATIONAL, SOURCES, routes), ADMIT, EXAMS, routes
        )
        == {}
    )
