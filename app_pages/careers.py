"""Careers: which degree and exam, what each pays and how pay spreads, how many jobs and
how fast they grow, where they work, over the years, and where sources disagree."""

import pandas as pd
import streamlit as st

from app_pages import careers_school
from app_pages.careers_common import chart, numbers
from app_pages.common import (
    accept_english_values,
    data_dir,
    data_stamp,
    keep_tab_across_languages,
    language,
    load_cached,
    shared_view,
    sources_footer,
    table_with_download,
    tables,
    translator,
)
from components import careers, figures
from components import careers_charts as charts
from components.export import download_name, to_csv_bytes
from components.i18n import N_, gettext
from components.loader import load_table
from components.schema import PROFESSIONS_WITH_ASSISTANTS
from components.sources import source_links
from components.text import md_escape

EDUCATION_TOPICS = (
    "Entry degree",
    "Program length",
    "Clinical education",
    "Accreditor",
    "Accredited programs",
    "Licensing exam",
    "Exam format",
    "Exam fee",
    "Pass rate",
    "Licensure",
    "Licensure compact",
    "Continuing education",
    "Specialty certification",
)


@shared_view
def _views(chosen: tuple[str, ...], directory: str, lang: str, stamp: tuple) -> dict:
    """Every table and chart of the page for one choice of professions and language, computed once.

    Small hashable arguments only; tables() has validated the files before this runs (a table
    whose translation has a problem is read in English, as tables() said). The
    figures' tables are read in the reader's language (their translated columns are free
    text the views only show); education facts are found by their English words, so that
    table is read in English too and its shown text taken from the translation by fact_id.
    """
    _ = gettext(lang)
    national, settings, trends, education, sources = (
        load_cached(name, directory, lang)[0]
        for name in ("wages_employment", "work_settings", "workforce_trends", "education", "sources")
    )
    english_education = load_table("education", directory)
    facts, facts_cited = careers.quick_facts(national, english_education, sources, chosen, _, shown=education)
    ranges = careers.pay_ranges(national, sources, chosen, _)
    counts = careers.job_counts(national, sources, chosen, _)
    outlook = careers.outlook(national, sources, chosen, _)
    shares = careers.setting_shares(settings, sources, chosen, _)
    return {
        "summary": careers.quick_summary(national, sources, chosen, _),
        "facts": facts,
        "facts_cited": facts_cited,
        "schooling": careers.education_table(education, chosen, EDUCATION_TOPICS, _),
        "rates": careers.pass_rates(english_education, chosen, _, shown=education),
        "ranges": ranges,
        "pay_chart": None if ranges.empty else charts.pay_range_chart(ranges, careers.pay_title(ranges, _), _),
        "counts": counts,
        "jobs_chart": None if counts.empty else charts.jobs_chart(counts, careers.jobs_title(counts, _), _),
        "outlook": outlook,
        "growth_chart": None
        if outlook.empty
        else charts.outlook_chart(outlook, "growth_pct", careers.outlook_title(outlook, "growth_pct", _), _),
        "openings_chart": None
        if outlook.empty
        else charts.outlook_chart(outlook, "openings", careers.outlook_title(outlook, "openings", _), _),
        "shares": shares,
        "settings_chart": None if shares.empty else charts.settings_chart(shares, _),
        "settings_view": careers.settings_table(settings, chosen, _),
        "outlook_facts": careers.workforce_outlook_facts(education),
        "disagree": careers.conflict_table(
            national[national["profession"].isin(chosen)], trends[trends["profession"].isin(chosen)], sources, _
        ),
    }


@shared_view
def _trend(series: str, title: str, chosen: tuple[str, ...], directory: str, lang: str, stamp: tuple) -> tuple:
    """The points, table and chart of one yearly series for one choice of professions."""
    _ = gettext(lang)
    trends, sources = load_cached("workforce_trends", directory, lang)[0], load_table("sources", directory)
    points = careers.trend_points(trends, sources, series, chosen)
    if points.empty:
        return points, None, None
    return points, careers.trend_table(points, _), charts.trend_chart(points, title, points["unit"].iloc[0], _)


lang = language()
_ = translator(lang)
st.title(_("OT or PT as a career: what training, pay and jobs?"))
# Validate every table the page uses (a broken one stops the page with a clear message).
sources = tables("wages_employment", "work_settings", "workforce_trends", "education", "sources", lang=lang)[-1]
tables("education")  # the English facts are looked up by their words

with st.container(border=True):
    chosen = st.multiselect(
        _("Professions to compare"),
        options=list(PROFESSIONS_WITH_ASSISTANTS),
        default=list(PROFESSIONS_WITH_ASSISTANTS),
        key="profession",
        bind="query-params",
        placeholder=_("Choose one or more, e.g. OT and PT"),
        help=_(
            "OT: occupational therapists. OTA: occupational therapy assistants. PT: physical therapists. "
            "PTA: physical therapist assistants. "
            "Assistants usually hold a 2-year associate degree and work under an OT or a PT."
        ),
    )
if not chosen:
    st.info(
        _(
            "Choose at least one profession above to see its training, pay and jobs. "
            "For example, choose *OT* (occupational therapists) and *PT* (physical therapists)."
        ),
        icon=":material/touch_app:",
    )
    st.stop()
chosen = tuple(p for p in PROFESSIONS_WITH_ASSISTANTS if p in chosen)
views = _views(chosen, data_dir(), lang, data_stamp(data_dir()))

st.markdown(f"**{md_escape(views['summary'])}**")
st.caption(
    _(
        "Every figure carries its date and the tier of its source: A is official (BLS, the U.S. Department of "
        "Labor, a state labor office, an accreditor or exam owner), C is a third party, often quoting BLS. "
        "Where sources disagree, both figures are kept: see the *Where sources disagree* tab."
    )
)
cited = []

# --- quick facts --------------------------------------------------------------------------------
st.subheader(_("Quick facts"))
facts = views["facts"]
cited.append(views["facts_cited"])
st.caption(
    _(
        "In the form of the government's Occupational Outlook Handbook. Each cell shows the official figure first "
        "(the strongest source tier, then the newest), its date and its tier; where a third party quotes a newer "
        "figure, the cell names it. A row shows one period for every column where our sources allow; "
        "*inferred* means the source gives no date and the date is our reading. "
        "The two job counts are different measures: the payroll count leaves out the self-employed."
    )
)
# A static table: every cell is visible and wraps, like the handbook's own quick-facts box.
st.table(facts.set_index(_("Fact")))
st.download_button(
    _("Download this table (CSV)"),
    data=to_csv_bytes(facts),
    file_name=download_name(_("careers_quick_facts"), chosen),
    mime="text/csv",
    on_click="ignore",
    key="download_quick_facts",
    icon=":material/download:",
)

# --- sections -------------------------------------------------------------------------------------
# One section at a time, like the handbook's own tabs; only the open tab is built and
# drawn (six charts on one page made its first render ~1.5x the baseline app's).
# The section is in the URL (?section=Pay), so a view can be shared.
# The URL holds the label as shown: a link made in either language opens the same tab.
SECTIONS = (
    N_("Degree and license"),
    N_("Pay"),
    N_("Jobs and growth"),
    N_("Where they work"),
    N_("Over the years"),
    N_("Where sources disagree"),
    N_("Becoming one"),
)
keep_tab_across_languages("section", SECTIONS, lang)
degree_tab, pay_tab, jobs_tab, settings_tab, trends_tab, disagree_tab, becoming_tab = st.tabs(
    [_(section) for section in SECTIONS], key="section", bind="query-params"
)

if degree_tab.open:
    with degree_tab:
        schooling = views["schooling"]
        cited.append(schooling.rename(columns={_("Sources"): "source_ids"}))
        st.warning(
            _(
                "Pass rates are not comparable between OT and PT. NBCOT reports **new-graduate** rates (OT, OTA); "
                "FSBPT reports **ultimate** rates, after any number of attempts (PT, PTA), and first-time rates. "
                "A 99% ultimate rate and a 97% new-graduate rate measure different things."
            ),
            icon=":material/compare_arrows:",
        )
        rates = views["rates"]
        if not rates.empty:
            st.table(rates.drop(columns=_("Sources")).set_index(_("Profession")))
        numbers(
            schooling,
            download_name(_("careers_education"), chosen),
            "download_education",
            label=_("Every fact on degrees, programs, exams and licenses ({count})").format(count=len(schooling)),
        )

if pay_tab.open:
    with pay_tab:
        ranges = views["ranges"]
        if ranges.empty:
            st.info(_("No pay percentiles were found for the professions you chose."), icon=":material/info:")
        else:
            st.caption(
                _(
                    "Each row is one source and one year. Half of workers earn more than the median. "
                    "Rows with no thick bar give only the 10th, 50th and 90th percentiles."
                )
            )
            chart(views["pay_chart"], key="chart_pay")
            numbers(
                careers.pay_range_table(ranges, _),
                download_name(_("careers_pay"), chosen),
                "download_pay",
                column_config={_(c): st.column_config.NumberColumn(format="dollar") for c in careers.PAY_COLUMNS},
            )
            cited.append(ranges)

if jobs_tab.open:
    with jobs_tab:
        counts, outlook = views["counts"], views["outlook"]
        st.caption(
            _(
                "Two different counts: the **number of jobs** from the BLS projections includes the self-employed; "
                "**payroll jobs** from the OEWS wage survey leaves them out (striped bars). "
                "They are never joined into one series."
            )
        )
        if not counts.empty:
            chart(views["jobs_chart"], key="chart_jobs")
        if not outlook.empty:
            st.caption(
                _(
                    "Projections are for 10 years; each bar is labelled with its decade. Groups named *and aides* "
                    "are counted together with aides by their source."
                )
            )
            chart(views["growth_chart"], key="chart_growth")
            chart(views["openings_chart"], key="chart_openings")
        jobs_view = pd.concat(
            [
                pd.DataFrame(
                    {
                        _("Profession"): counts["profession"],
                        _("Figure"): counts["count"],
                        _("Value"): [figures.format_value(v, "jobs", _) for v in counts["value"]],
                        _("Period"): counts["period_label"],
                        _("Source tier"): counts["tier"],
                        _("Sources"): counts["source_ids"],
                    }
                ),
                pd.DataFrame(
                    {
                        _("Profession"): [_(p) for p in outlook["profession"]],
                        _("Figure"): _("Projected growth over 10 years"),
                        _("Value"): [figures.format_value(v, "percent", _) for v in outlook["growth_pct"]],
                        _("Period"): outlook["period_label"],
                        _("Source tier"): outlook["tier"],
                        _("Sources"): outlook["source_ids"],
                    }
                ),
                pd.DataFrame(
                    {
                        _("Profession"): [_(p) for p in outlook["profession"]],
                        _("Figure"): _("Openings each year, on average"),
                        _("Value"): [figures.format_value(v, "openings per year", _) for v in outlook["openings"]],
                        _("Period"): outlook["period_label"],
                        _("Source tier"): outlook["tier"],
                        _("Sources"): outlook["source_ids"],
                    }
                ),
            ],
            ignore_index=True,
        )
        numbers(jobs_view, download_name(_("careers_jobs"), chosen), "download_jobs")
        cited.append(jobs_view.rename(columns={_("Sources"): "source_ids"}))

if settings_tab.open:
    with settings_tab:
        shares = views["shares"]
        if shares.empty:
            st.info(_("No shares of jobs by setting were found for the professions you chose."), icon=":material/info:")
        else:
            st.caption(
                _(
                    "The list of the largest employers for each profession "
                    "from the strongest source we found (then the newest), "
                    "mostly copies of the handbook's "
                    "work-environment text. Shares are of all jobs in the profession; the rest work elsewhere."
                )
            )
            chart(views["settings_chart"], key="chart_settings")
        settings_view = views["settings_view"]
        numbers(
            settings_view,
            download_name(_("careers_settings"), chosen),
            "download_settings",
            label=_("Every settings figure we have, with pay and jobs by industry"),
        )
        cited.append(settings_view.rename(columns={_("Sources"): "source_ids"}))

if trends_tab.open:
    with trends_tab:
        accept_english_values("trend", list(careers.TREND_CHOICES), {c: _(c) for c in careers.TREND_CHOICES})
        choice = st.radio(
            _("Show"),
            options=list(careers.TREND_CHOICES),
            format_func=_,
            key="trend",
            bind="query-params",
            horizontal=True,
        )
        series = careers.TREND_CHOICES[choice or next(iter(careers.TREND_CHOICES))]
        chosen_label = _(choice or next(iter(careers.TREND_CHOICES)))
        title = _("{series}, by year").format(series=chosen_label)
        points, trend_view, trend_figure = _trend(series, title, chosen, data_dir(), lang, data_stamp(data_dir()))
        if points.empty:
            st.info(
                _("No yearly figures of this kind were found for the professions you chose."), icon=":material/info:"
            )
        else:
            st.caption(
                _(
                    "National figures by year, each from its own source (many are third parties quoting BLS). "
                    "Where two sources give the same year, the chart uses the stronger one; the table lists both."
                )
                + " "
                + (
                    _("For projections, the year is the first year of the 10-year projection.") + " "
                    if series == "projected_change_pct"
                    else ""
                )
                + (
                    _("Handbook editions re-estimate this count, so it can fall and rise between editions.")
                    if series == "ep_jobs"
                    else ""
                )
            )
            chart(trend_figure, key="chart_trend")
            numbers(trend_view, download_name(_("careers_trend"), series, chosen), "download_trend")
            cited.append(points)

if disagree_tab.open:
    with disagree_tab:
        outlook_facts = views["outlook_facts"]
        if "PT" in chosen and len(outlook_facts) >= 2:
            st.markdown(
                _("**Will there be too few or too many physical therapists?** The two projections point opposite ways.")
            )
            columns = st.columns(len(outlook_facts))
            for column, fact in zip(columns, outlook_facts.itertuples()):
                with column.container(border=True):
                    st.markdown(f"**{md_escape(fact.attribute)}**  \n{md_escape(fact.value)}")
                    st.caption(f"{md_escape(fact.as_of)}. {md_escape(fact.note)}")
                    st.caption(_("Sources:") + f" {source_links(fact.source_ids, sources)}")
            cited.append(outlook_facts)
        disagree = views["disagree"]
        if disagree.empty:
            st.caption(_("No other figures disagree for the professions you chose."))
        else:
            st.caption(
                _(
                    "Other figures that differ between sources for the same profession and period. Neither is "
                    "hidden; a figure marked *doubtful* is one our reference calls suspect."
                )
            )
            table_with_download(
                disagree,
                file_name=download_name(_("careers_conflicts"), chosen),
                key="download_conflicts",
                lang=lang,
            )
            cited.append(disagree.rename(columns={_("Sources"): "source_ids"}))

if becoming_tab.open:
    with becoming_tab:
        cited.extend(careers_school.render(chosen))

sources_footer(pd.concat([c[["source_ids"]] for c in cited], ignore_index=True), sources, "careers", lang=lang)
