"""The careers page's "Becoming one" tab: the school path of OT, OTA, PT and PTA side by side.
Only widgets and layout here; every table and figure comes from components/school.py and
components/school_charts.py."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app_pages.careers_common import chart, numbers
from app_pages.common import data_dir, load_cached, table_with_download
from components import school
from components import school_charts as charts
from components.export import download_name
from components.loader import load_table
from components.schema import TABLES
from components.text import md_escape

SCHOOL_TABLES = ("school_path", "school_programs", "school_costs", "admissions", "exam_results", "licence_renewal")
MONEY = st.column_config.NumberColumn(format="dollar")


def _problems() -> dict[str, str]:
    """The data problem of each of the tab's tables that has one; the other sections still draw."""
    found = {}
    for name in SCHOOL_TABLES:
        _, error = load_cached(name, data_dir())
        if error is not None:
            found[name] = error
    return found


def _table(name: str, directory: str) -> pd.DataFrame:
    frame, error = load_cached(name, directory)
    return school.empty_table(TABLES[name]) if error is not None else frame


@st.cache_data(show_spinner=False, max_entries=64)
def _views(chosen: tuple[str, ...], institution: str, directory: str) -> dict:
    """Every table and chart of the tab for one choice of routes and kind of school."""
    path, programs, costs, admissions, exams, renewal = (_table(n, directory) for n in SCHOOL_TABLES)
    national, sources = load_table("wages_employment", directory), load_table("sources", directory)
    stages = school.path_stages(path, chosen)
    pay = school.median_pay(national, sources, chosen)
    latest = school.latest_programs(programs, sources, chosen)
    trend = school.program_trend(programs, chosen)
    bars = school.cost_bars(costs, pay, chosen, institution)
    counts = school.admission_counts(admissions, chosen)
    return {
        "summaries": school.route_summaries(path, programs, sources, costs, pay, admissions, exams, chosen),
        "stages": stages,
        "timeline": None if stages.empty else charts.timeline_chart(stages),
        "path_table": school.path_table(stages),
        "latest": latest,
        "programs_chart": None if latest.empty else charts.programs_chart(latest),
        "trend": trend,
        "trend_chart": None if trend.empty else charts.program_trend_chart(trend),
        "programs_table": school.programs_table(programs, chosen),
        "bars": bars,
        "cost_chart": None if bars.empty else charts.cost_chart(bars),
        "costs_table": school.costs_table(costs, chosen, institution),
        "pay_table": school.pay_table(pay),
        "counts": counts,
        "admission_table": school.admission_table(admissions, chosen),
        "asks": school.admission_asks(admissions, chosen),
        "exam_measures": school.exam_measures(exams, chosen),
        "exam_coverage": school.exam_coverage(exams, chosen),
        "renewal_table": school.renewal_table(renewal, chosen),
    }


@st.cache_data(show_spinner=False, max_entries=64)
def _institutions(chosen: tuple[str, ...], directory: str) -> tuple[str, ...]:
    costs = _table("school_costs", directory)
    return school.institution_types(costs[costs["route"].isin(chosen)])


@st.cache_data(show_spinner=False, max_entries=64)
def _exam(chosen: tuple[str, ...], measure: str, directory: str) -> tuple:
    series = school.exam_series(_table("exam_results", directory), chosen, measure)
    return series, school.exam_table(series), (None if series.empty else charts.exam_chart(series, measure))


def _missing(what: str) -> None:
    st.info(f"Our sources give no {md_escape(what)} for the routes you chose.", icon=":material/info:")


def _problem(problems: dict[str, str], name: str) -> bool:
    """Say so when a section's file has a problem (the section then draws nothing from it)."""
    if name in problems:
        st.error(
            "This part can't be shown because its data file has a problem. The rest of the page still works."
            "\n\n" + md_escape(problems[name]),
            icon=":material/error:",
        )
        return True
    return False


def render(chosen: tuple[str, ...]) -> list[pd.DataFrame]:
    """Draw the tab for the chosen routes; return the frames whose sources the page footer lists."""
    problems = _problems()
    institution = "All"
    options = list(_institutions(chosen, data_dir()))
    if len(options) > 1:
        institution = st.segmented_control(
            "Kind of school, for tuition and debt",
            options=options,
            default="All",
            required=True,
            key="school_type",
            bind="query-params",
            help="Public or private schools, where a source splits its figures that way. "
            "Figures a source gives for all schools together are shown with either choice.",
        )
        institution = institution if institution in options else "All"
    views = _views(chosen, institution, data_dir())
    cited: list[pd.DataFrame] = []

    st.markdown("**In one sentence per route**")
    for sentence in views["summaries"].values():
        st.markdown(f"- {md_escape(sentence)}")
    st.caption(
        "Each part of a sentence comes from the tables below, with its date; a part with no figure in our "
        "sources is left out."
    )

    # --- years ----------------------------------------------------------------------------
    st.subheader("How many years, from high school to a licence?")
    if _problem(problems, "school_path"):
        pass
    elif views["timeline"] is None:
        _missing("stages of the path")
    else:
        st.caption(
            "Each bar is the shortest usual path; the table gives the longest too. Diamonds are steps with no "
            "length of their own (fieldwork inside a degree, the exam, the licence). Assistants (OTA, PTA) study "
            "for about two years and work under an OT or a PT."
        )
        chart(views["timeline"], key="chart_school_path")
    numbers(
        views["path_table"],
        download_name("careers_school_path", chosen),
        "download_school_path",
        label="The stages as a table",
    )
    cited.append(views["stages"])

    # --- programs -------------------------------------------------------------------------------
    st.subheader("How many programs, at which degree level?")
    if _problem(problems, "school_programs"):
        pass
    elif views["programs_chart"] is None:
        _missing("program counts")
    else:
        st.caption(
            "The newest count we found for each degree and accreditation status, from ACOTE (OT, OTA) and CAPTE "
            "(PT, PTA); each bar's date is in the table. Candidate and applicant programs are not yet accredited."
        )
        chart(views["programs_chart"], key="chart_school_programs")
    if views["trend_chart"] is not None:
        chart(views["trend_chart"], key="chart_school_program_trend")
    numbers(
        views["programs_table"],
        download_name("careers_school_programs", chosen),
        "download_school_programs",
        label="Every program count, with its date",
    )
    cited.append(views["programs_table"].rename(columns={"Sources": "source_ids"}))

    # --- cost -------------------------------------------------------------------------------------
    st.subheader("What does it cost, and what do graduates owe?")
    if _problem(problems, "school_costs"):
        pass
    elif views["cost_chart"] is None:
        _missing("tuition or debt figures")
    else:
        pay = views["pay_table"]
        weaker = [r for r, t in zip(pay["Route"], pay["Source tier"]) if t != "A"]
        st.caption(
            "Median pay is the official BLS figure first (tier A), even where a third party gives a newer one"
            + (
                f"; for {md_escape(', '.join(weaker))} we found no official figure, "
                "so the bar names its source's tier. "
                if weaker
                else ". "
            )
            + "Debt and tuition carry their year (who measured them is in the table); one school's price is an "
            "example, and others cost much more or less."
        )
        chart(views["cost_chart"], key="chart_school_costs")
    numbers(
        views["costs_table"],
        download_name("careers_school_costs", chosen, institution),
        "download_school_costs",
        label="Tuition, debt and exam fees as a table",
        column_config={"US dollars": MONEY},
    )
    numbers(
        views["pay_table"],
        download_name("careers_school_pay", chosen),
        "download_school_pay",
        label="The median pay used above",
        column_config={"Median pay per year (US dollars)": MONEY},
    )
    cited.append(views["costs_table"].rename(columns={"Sources": "source_ids"}))
    cited.append(views["pay_table"].rename(columns={"Sources": "source_ids"}))

    # --- admission --------------------------------------------------------------------------------
    st.subheader("How many get in?")
    counts = views["counts"]
    if _problem(problems, "admissions"):
        pass
    elif counts.empty:
        _missing("applicant or acceptance figures")
    else:
        # Applications (one applicant sends several) and acceptances are in the table.
        for measure in ("Acceptance rate", "Applicants"):
            if (counts["measure"] == measure).any():
                chart(
                    charts.admission_chart(counts, measure, f"{measure}, by admission cycle"),
                    key=f"chart_school_admission_{measure.lower().replace(' ', '_')}",
                )
        without = [r for r in chosen if r not in set(counts["route"])]
        st.caption(
            "From the central application services (PTCAS for PT, OTCAS for OT). Not every program uses them, "
            "so the figures cover only the programs that do."
            + (f" Our sources give no applicant figures for {md_escape(', '.join(without))}." if without else "")
        )
    asks = views["asks"]
    if asks:
        st.markdown("**What programs ask for** (from the professional bodies; each program sets its own rules)")
        st.markdown("\n".join(f"- {md_escape(line)}" for line in asks))
    numbers(
        views["admission_table"],
        download_name("careers_school_admission", chosen),
        "download_school_admission",
        label="Admission figures, prerequisites and observation hours",
    )
    cited.append(views["admission_table"].rename(columns={"Sources": "source_ids"}))

    # --- exams ----------------------------------------------------------------------------------------
    st.subheader("How many pass the licensing exam?")
    measures = views["exam_measures"]
    if _problem(problems, "exam_results"):
        pass
    elif not measures:
        _missing("exam pass rates")
    else:
        measure = st.radio(
            "Pass rate",
            options=measures,
            key="exam_measure",
            bind="query-params",
            horizontal=True,
            help="First-time and ultimate pass rates measure different things, so they are never on one line: "
            "the first counts only the first try, the second any number of tries.",
        )
        measure = measure if measure in measures else measures[0]
        st.caption(
            "The exam owners report different rates, so each route appears under the rate its exam owner "
            "publishes. " + md_escape(views["exam_coverage"])
        )
        series, table, figure = _exam(chosen, measure, data_dir())
        if figure is None:
            _missing(f"{measure.lower()}s")
        else:
            chart(figure, key="chart_school_exam")
        numbers(
            table,
            download_name("careers_school_exam", measure, chosen),
            "download_school_exam",
            label="The pass rates shown, as a table",
        )
        cited.append(table.rename(columns={"Sources": "source_ids"}))

    # --- keeping the licence --------------------------------------------------------------------------------
    st.subheader("Keeping the licence")
    renewal = views["renewal_table"]
    if _problem(problems, "licence_renewal"):
        pass
    elif renewal.empty:
        _missing("renewal rules")
    else:
        st.caption(
            "Rules differ by state; the table covers national rules and a sample of states only. "
            "Check with the state's licensing board."
        )
        table_with_download(
            renewal,
            file_name=download_name("careers_school_renewal", chosen),
            key="download_school_renewal",
            column_config={"Rule": st.column_config.TextColumn(width="large")},
        )
        cited.append(renewal.rename(columns={"Sources": "source_ids"}))
    return [c for c in cited if "source_ids" in c.columns]
