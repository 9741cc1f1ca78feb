"""Who does what for which patients? Filter by population, age and category."""

import streamlit as st

from app_pages.common import (
    NOT_ADVICE,
    accept_english_values,
    chart_with_table,
    csv_download,
    keep_tab_across_languages,
    language,
    sources_footer,
    table_with_download,
    tables,
    translator,
    weak_badge,
)
from components import populations as pop
from components.charts import lead_by_category_chart
from components.export import download_name
from components.i18n import N_
from components.schema import AGE_GROUPS, POPULATION_CATEGORIES
from components.sources import source_links
from components.sourcing import with_sourcing
from components.text import md_escape

lang = language()
_ = translator(lang)
LEAD_BADGES = {
    "OT": ":blue-badge[" + _("OT usually leads") + "]",
    "PT": ":orange-badge[" + _("PT usually leads") + "]",
    "Both": ":green-badge[" + _("Both share the lead") + "]",
}

st.title(_("Who does what for which patients?"))
# Options and URL values are the English rows (a shared link works in both languages, a
# language switch keeps the choice); what is shown comes from the table in the chosen language.
(populations_en,) = tables("populations")
populations, sources = tables("populations", "sources", lang=lang)
populations = with_sourcing(populations, sources)
shown_name = dict(zip(populations_en["population"], populations["population"]))

names = populations_en["population"].tolist()
category_options = [c for c in POPULATION_CATEGORIES if c in set(populations_en["category"])]
accept_english_values("population", names, shown_name, multiple=True)
accept_english_values("age", list(AGE_GROUPS), {a: _(a) for a in AGE_GROUPS}, multiple=True)
accept_english_values("category", category_options, {c: _(c) for c in category_options}, multiple=True)
with st.container(border=True):
    chosen = st.multiselect(
        _("Patient populations or conditions"),
        options=names,
        default=pop.default_populations(populations_en),
        format_func=lambda name: shown_name.get(name, name),
        key="population",
        bind="query-params",
        placeholder=_("Choose one or more, e.g. Stroke"),
        help=_("The first view shows the populations named in the article this dashboard started from."),
    )
    left, right = st.columns(2)
    ages = left.multiselect(
        _("Age group (leave empty for all ages)"),
        options=list(AGE_GROUPS),
        format_func=_,
        key="age",
        bind="query-params",
        placeholder=_("All ages"),
    )
    categories = right.multiselect(
        _("Category (leave empty for all)"),
        options=category_options,
        format_func=_,
        key="category",
        bind="query-params",
        placeholder=_("All categories"),
    )

if not chosen:
    st.info(
        _(
            "Choose at least one population or condition above to see what OT and PT each do. "
            "For example, type *stroke* or *autism*."
        ),
        icon=":material/touch_app:",
    )
    st.stop()

# Filtered on the English rows, shown from the same rows in the chosen language.
chosen_ids = set(pop.filter_populations(populations_en, tuple(chosen), tuple(ages), tuple(categories))["population_id"])
selected = populations[populations["population_id"].isin(chosen_ids)].reset_index(drop=True)
if selected.empty:
    st.warning(
        _(
            "None of the populations you chose matches the age group or category filter. "
            "Clear the age group or category filter, or choose other populations."
        ),
        icon=":material/filter_alt_off:",
    )
    st.stop()

st.markdown(f"**{md_escape(pop.summary_sentence(selected, _))}**")
st.caption(_(NOT_ADVICE))

# Two views of the same populations, one at a time: only the open tab is built and
# drawn, so a filter change redraws the cards or the charts, not both (bench/README.md).
# The URL holds the label as shown: a link made in either language opens the same tab.
VIEWS = (N_("What each profession does"), N_("Charts: who leads, how involved"))
keep_tab_across_languages("view", VIEWS, lang)
# The filters as the reader sees them, in every download's file name.
filters_shown = (
    tuple(shown_name.get(c, c) for c in chosen),
    tuple(_(a) for a in ages),
    tuple(_(c) for c in categories),
)
roles_tab, charts_tab = st.tabs([_(view) for view in VIEWS], key="view", bind="query-params")
OT_NAME, PT_NAME, SOURCES_WORD = _("occupational therapy"), _("physical therapy"), _("Sources:")
if roles_tab.open:
    with roles_tab:
        for row in selected.itertuples():
            # One Markdown block per card: a card of six elements cost ~2x to redraw.
            note = f"  \n:small[{md_escape(row.lead_note)}]" if row.lead_note else ""
            st.container(border=True).markdown(
                f"**{md_escape(row.population)}**  \n"
                f"{md_escape(_(row.category))} · {md_escape(pop.translate_words(row.age_groups, _))} · "
                f"{LEAD_BADGES[row.usual_lead]}"
                f"{weak_badge(row.sourcing, lang)}\n\n"
                f"| :blue-badge[OT] {OT_NAME} | :orange-badge[PT] {PT_NAME} |\n"
                f"|---|---|\n"
                f"| {md_escape(row.ot_role)} | {md_escape(row.pt_role)} |\n\n"
                f":small[{SOURCES_WORD} {source_links(row.source_ids, sources, _)}]{note}"
            )
if charts_tab.open:
    with charts_tab:
        counts = pop.lead_counts(selected)
        counts["category"] = counts["category"].map(_)
        chart_with_table(
            lead_by_category_chart(counts, _),
            counts.assign(usual_lead=counts["usual_lead"].map(_)).rename(
                columns={
                    "category": _("Category"),
                    "usual_lead": _("Who usually leads"),
                    "populations": _("Number of populations"),
                }
            ),
            key="chart_lead",
            lang=lang,
        )
        involvement = pop.involvement_table(selected)
        involvement_title = _("How involved each profession is")
        st.markdown(f"**{md_escape(involvement_title)}**")
        st.markdown(pop.involvement_markdown(involvement, _))
        csv_download(
            pop.involvement_view(involvement, _),
            file_name=download_name(_("populations_involvement"), *filters_shown),
            key="download_involvement",
            lang=lang,
        )

st.subheader(_("The table"))
table_with_download(
    pop.table_view(selected, _),
    file_name=download_name(_("populations"), *filters_shown),
    key="download_populations",
    lang=lang,
)
sources_footer(selected, sources, _("populations"), weak_shown=bool((selected["sourcing"] != "").any()), lang=lang)
