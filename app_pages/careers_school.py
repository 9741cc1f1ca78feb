"""The careers page's "Becoming one" tab: the school path of OT, OTA, PT and PTA side by side.
Only widgets and layout here; every table and figure comes from components/school.py and
components/school_charts.py."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app_pages.careers_common import chart, numbers
from app_pages.common import (
    accept_english_values,
    data_dir,
    data_stamp,
    language,
    load_cached,
    shared_view,
    table_with_download,
    translation_note,
    translator,
)
from components import school
from components import school_charts as charts
from components.export import download_name
from components.i18n import N_, gettext
from components.loader import load_table
from components.schema import TABLES
from components.text import md_escape

SCHOOL_TABLES = ("school_path", "school_programs", "school_costs", "admissions", "exam_results", "licence_renewal")
MONEY = st.column_config.NumberColumn(format="dollar")
# The tab's table headers (components/school.py writes them in English), shown through `_`.
COLUMNS = (
    N_("Route"),
    N_("Step"),
    N_("Stage"),
    N_("Years (shortest)"),
    N_("Years (longest)"),
    N_("Weeks of fieldwork or clinical education"),
    N_("What it involves"),
    N_("Accreditor"),
    N_("Degree"),
    N_("Status"),
    N_("Programs"),
    N_("Students"),
    N_("Kind of school"),
    N_("Residency"),
    N_("US dollars"),
    N_("Measured by"),
    N_("Median pay per year (US dollars)"),
    N_("Service"),
    N_("Cycle"),
    N_("Unit"),
    N_("Exam"),
    N_("Who took it"),
    N_("Passed (%)"),
    N_("Takers"),
    N_("Rule"),
    N_("Hours"),
    N_("Every (years)"),
)
# Columns whose cells are fixed values (the schema's choices), shown through `_` too.
VALUE_COLUMNS = ("Measure", "Kind of school", "Residency", "Status", "Degree", "Topic", "Where")


def _shown(frame: pd.DataFrame, _) -> pd.DataFrame:
    """A table as the reader sees it: headers and fixed values in the reader's language."""
    out = frame.copy()
    for column in VALUE_COLUMNS:
        if column in out.columns:
            out[column] = [_(v) if isinstance(v, str) and v else v for v in out[column]]
    return out.rename(columns={c: _(c) for c in out.columns})


def _problems(lang: str) -> dict[str, str]:
    """The data problem of each of the tab's tables that has one; the other sections still draw.
    A table whose translation has a problem is drawn in English, with a note said here."""
    found = {}
    for name in SCHOOL_TABLES:
        _frame, error, problem = load_cached(name, data_dir(), lang)
        if error is not None:
            found[name] = error
        elif problem is not None:
            translation_note(problem, lang)
    return found


# The admission measures drawn as charts, in this order (the table shows every measure).
ADMISSION_MEASURES = ("Acceptance rate", "Applicants")


def _table(name: str, directory: str, lang: str = "en") -> pd.DataFrame:
    # In the reader's language: the translated columns are free text the views only show
    # (the admission cycles that change are the prerequisite rows', which sort as undated either way).
    frame, error, _translation_problem = load_cached(name, directory, lang)
    return school.empty_table(TABLES[name]) if error is not None else frame


@shared_view
def _views(chosen: tuple[str, ...], institution: str, directory: str, lang: str, stamp: tuple) -> dict:
    """Every table and chart of the tab for one choice of routes, kind of school and language."""
    _ = gettext(lang)
    path, programs, costs, admissions, exams, renewal = (_table(n, directory, lang) for n in SCHOOL_TABLES)
    national, sources = load_table("wages_employment", directory), load_table("sources", directory)
    stages = school.path_stages(path, chosen, _)
    pay = school.median_pay(national, sources, chosen, _)
    latest = school.latest_programs(programs, sources, chosen, _)
    trend = school.program_trend(programs, chosen, _)
    bars = school.cost_bars(costs, pay, chosen, institution, _)
    counts = school.admission_counts(admissions, chosen)
    return {
        "summaries": school.route_summaries(path, programs, sources, costs, pay, admissions, exams, chosen, _),
        "stages": stages,
        "timeline": None if stages.empty else charts.timeline_chart(stages, _=_),
        "path_table": school.path_table(stages),
        "latest": latest,
        "programs_chart": None if latest.empty else charts.programs_chart(latest, _=_),
        "trend": trend,
        "trend_chart": None if trend.empty else charts.program_trend_chart(trend, _=_),
        "programs_table": school.programs_table(programs, chosen),
        "bars": bars,
        "cost_chart": None if bars.empty else charts.cost_chart(bars, _=_),
        "costs_table": school.costs_table(costs, chosen, institution),
        "pay_table": school.pay_table(pay),
        "counts": counts,
        "admission_charts": {
            measure: charts.admission_chart(
                counts, measure, _("{measure}, by admission cycle").format(measure=_(measure)), _
            )
            for measure in ADMISSION_MEASURES
            if (counts["measure"] == measure).any()
        },
        "admission_table": school.admission_table(admissions, chosen),
        "asks": school.admission_asks(admissions, chosen, _),
        "exam_measures": school.exam_measures(exams, chosen),
        "exam_coverage": school.exam_coverage(exams, chosen, _),
        "renewal_table": school.renewal_table(renewal, chosen),
    }


@st.cache_data(show_spinner=False, max_entries=64)
def _institutions(chosen: tuple[str, ...], directory: str) -> tuple[str, ...]:
    costs = _table("school_costs", directory)
    return school.institution_types(costs[costs["route"].isin(chosen)])


@shared_view
def _exam(chosen: tuple[str, ...], measure: str, directory: str, lang: str, stamp: tuple) -> tuple:
    _ = gettext(lang)
    series = school.exam_series(_table("exam_results", directory, lang), chosen, measure)
    return series, school.exam_table(series), (None if series.empty else charts.exam_chart(series, measure, _))


def _missing(what: str) -> None:
    """what: already in the reader's language."""
    _ = translator()
    st.info(
        _("Our sources give no {what} for the routes you chose.").format(what=md_escape(what)), icon=":material/info:"
    )


def _problem(problems: dict[str, str], name: str) -> bool:
    """Say so when a section's file has a problem (the section then draws nothing from it)."""
    if name in problems:
        _ = translator()
        st.error(
            _("This part can't be shown because its data file has a problem. The rest of the page still works.")
            + "\n\n"
            + md_escape(problems[name]),
            icon=":material/error:",
        )
        return True
    return False


def render(chosen: tuple[str, ...]) -> list[pd.DataFrame]:
    """Draw the tab for the chosen routes; return the frames whose sources the page footer lists."""
    lang = language()
    _ = translator(lang)
    problems = _problems(lang)
    institution = "All"
    options = list(_institutions(chosen, data_dir()))
    if len(options) > 1:
        accept_english_values("school_type", options, {o: _(o) for o in options})
        institution = st.segmented_control(
            _("Kind of school, for tuition and debt"),
            options=options,
            format_func=_,
            default="All",
            required=True,
            key="school_type",
            bind="query-params",
            help=_(
                "Public or private schools, where a source splits its figures that way. "
                "Figures a source gives for all schools together are shown with either choice."
            ),
        )
        institution = institution if institution in options else "All"
    views = _views(chosen, institution, data_dir(), lang, data_stamp(data_dir()))
    cited: list[pd.DataFrame] = []

    st.markdown("**" + _("In one sentence per route") + "**")
    for sentence in views["summaries"].values():
        st.markdown(f"- {md_escape(sentence)}")
    st.caption(
        _(
            "Each part of a sentence comes from the tables below, with its date; a part with no figure in our "
            "sources is left out."
        )
    )

    # --- years ----------------------------------------------------------------------------
    st.subheader(_("How many years, from high school to a licence?"))
    if _problem(problems, "school_path"):
        pass
    elif views["timeline"] is None:
        _missing(_("stages of the path"))
    else:
        st.caption(
            _(
                "Each bar is the shortest usual path; the table gives the longest too. Diamonds are steps with no "
                "length of their own (fieldwork inside a degree, the exam, the licence). Assistants (OTA, PTA) "
                "study for about two years and work under an OT or a PT."
            )
        )
        chart(views["timeline"], key="chart_school_path")
    numbers(
        _shown(views["path_table"], _),
        download_name(_("careers_school_path"), chosen),
        "download_school_path",
        label=_("The stages as a table"),
    )
    cited.append(views["stages"])

    # --- programs -------------------------------------------------------------------------------
    st.subheader(_("How many programs, at which degree level?"))
    if _problem(problems, "school_programs"):
        pass
    elif views["programs_chart"] is None:
        _missing(_("program counts"))
    else:
        st.caption(
            _(
                "The newest count we found for each degree and accreditation status, from ACOTE (OT, OTA) and "
                "CAPTE (PT, PTA); each bar's date is in the table. Candidate and applicant programs are not yet "
                "accredited."
            )
        )
        chart(views["programs_chart"], key="chart_school_programs")
    if views["trend_chart"] is not None:
        chart(views["trend_chart"], key="chart_school_program_trend")
    numbers(
        _shown(views["programs_table"], _),
        download_name(_("careers_school_programs"), chosen),
        "download_school_programs",
        label=_("Every program count, with its date"),
    )
    cited.append(views["programs_table"].rename(columns={"Sources": "source_ids"}))

    # --- cost -------------------------------------------------------------------------------------
    st.subheader(_("What does it cost, and what do graduates owe?"))
    if _problem(problems, "school_costs"):
        pass
    elif views["cost_chart"] is None:
        _missing(_("tuition or debt figures"))
    else:
        pay = views["pay_table"]
        weaker = [r for r, t in zip(pay["Route"], pay["Source tier"]) if t != "A"]
        st.caption(
            _("Median pay is the official BLS figure first (tier A), even where a third party gives a newer one")
            + (
                _("; for {routes} we found no official figure, so the bar names its source's tier.").format(
                    routes=md_escape(", ".join(weaker))
                )
                + " "
                if weaker
                else ". "
            )
            + _(
                "Debt and tuition carry their year (who measured them is in the table); one school's price is an "
                "example, and others cost much more or less."
            )
        )
        chart(views["cost_chart"], key="chart_school_costs")
    numbers(
        _shown(views["costs_table"], _),
        download_name(_("careers_school_costs"), chosen, _(institution)),
        "download_school_costs",
        label=_("Tuition, debt and exam fees as a table"),
        column_config={_("US dollars"): MONEY},
    )
    numbers(
        _shown(views["pay_table"], _),
        download_name(_("careers_school_pay"), chosen),
        "download_school_pay",
        label=_("The median pay used above"),
        column_config={_("Median pay per year (US dollars)"): MONEY},
    )
    cited.append(views["costs_table"].rename(columns={"Sources": "source_ids"}))
    cited.append(views["pay_table"].rename(columns={"Sources": "source_ids"}))

    # --- admission --------------------------------------------------------------------------------
    st.subheader(_("How many get in?"))
    counts = views["counts"]
    if _problem(problems, "admissions"):
        pass
    elif counts.empty:
        _missing(_("applicant or acceptance figures"))
    else:
        # Applications (one applicant sends several) and acceptances are in the table.
        for measure, figure in views["admission_charts"].items():
            chart(figure, key=f"chart_school_admission_{measure.lower().replace(' ', '_')}")
        without = [r for r in chosen if r not in set(counts["route"])]
        st.caption(
            _(
                "From the central application services (PTCAS for PT, OTCAS for OT). Not every program uses them, "
                "so the figures cover only the programs that do."
            )
            + (
                " "
                + _("Our sources give no applicant figures for {routes}.").format(routes=md_escape(", ".join(without)))
                if without
                else ""
            )
        )
    asks = views["asks"]
    if asks:
        st.markdown(_("**What programs ask for** (from the professional bodies; each program sets its own rules)"))
        st.markdown("\n".join(f"- {md_escape(line)}" for line in asks))
    numbers(
        _shown(views["admission_table"], _),
        download_name(_("careers_school_admission"), chosen),
        "download_school_admission",
        label=_("Admission figures, prerequisites and observation hours"),
    )
    cited.append(views["admission_table"].rename(columns={"Sources": "source_ids"}))

    # --- exams ----------------------------------------------------------------------------------------
    st.subheader(_("How many pass the licensing exam?"))
    measures = views["exam_measures"]
    if _problem(problems, "exam_results"):
        pass
    elif not measures:
        _missing(_("exam pass rates"))
    else:
        accept_english_values("exam_measure", measures, {m: _(m) for m in measures})
        measure = st.radio(
            _("Pass rate"),
            options=measures,
            format_func=_,
            key="exam_measure",
            bind="query-params",
            horizontal=True,
            help=_(
                "First-time and ultimate pass rates measure different things, so they are never on one line: "
                "the first counts only the first try, the second any number of tries."
            ),
        )
        measure = measure if measure in measures else measures[0]
        st.caption(
            _("The exam owners report different rates, so each route appears under the rate its exam owner publishes.")
            + " "
            + md_escape(views["exam_coverage"])
        )
        series, table, figure = _exam(chosen, measure, data_dir(), lang, data_stamp(data_dir()))
        if figure is None:
            _missing(_(measure).lower() if lang != "en" else f"{measure.lower()}s")
        else:
            chart(figure, key="chart_school_exam")
        numbers(
            _shown(table, _),
            download_name(_("careers_school_exam"), _(measure), chosen),
            "download_school_exam",
            label=_("The pass rates shown, as a table"),
        )
        cited.append(table.rename(columns={"Sources": "source_ids"}))

    # --- keeping the licence --------------------------------------------------------------------------------
    st.subheader(_("Keeping the licence"))
    renewal = views["renewal_table"]
    if _problem(problems, "licence_renewal"):
        pass
    elif renewal.empty:
        _missing(_("renewal rules"))
    else:
        st.caption(
            _(
                "Rules differ by state; the table covers national rules and a sample of states only. "
                "Check with the state's licensing board."
            )
        )
        table_with_download(
            _shown(renewal, _),
            file_name=download_name(_("careers_school_renewal"), chosen),
            key="download_school_renewal",
            column_config={_("Rule"): st.column_config.TextColumn(width="large")},
            lang=lang,
        )
        cited.append(renewal.rename(columns={"Sources": "source_ids"}))
    return [c for c in cited if "source_ids" in c.columns]
