"""Who does what for which patients? Filter by population, age and category."""

import streamlit as st

from app_pages.common import NOT_ADVICE, chart_with_table, sources_footer, table_with_download, tables, weak_badge
from components import populations as pop
from components.charts import involvement_chart, lead_by_category_chart
from components.export import download_name
from components.schema import AGE_GROUPS, POPULATION_CATEGORIES
from components.sources import source_links
from components.sourcing import with_sourcing
from components.text import md_escape

LEAD_BADGES = {
    "OT": ":blue-badge[OT usually leads]",
    "PT": ":orange-badge[PT usually leads]",
    "Both": ":green-badge[Both share the lead]",
}

st.title("Who does what for which patients?")
populations, sources = tables("populations", "sources")
populations = with_sourcing(populations, sources)

names = populations["population"].tolist()
with st.container(border=True):
    chosen = st.multiselect(
        "Patient populations or conditions",
        options=names,
        default=pop.default_populations(populations),
        key="population",
        bind="query-params",
        placeholder="Choose one or more, e.g. Stroke",
        help="The first view shows the populations named in the article this dashboard started from.",
    )
    left, right = st.columns(2)
    ages = left.multiselect(
        "Age group (leave empty for all ages)",
        options=list(AGE_GROUPS),
        key="age",
        bind="query-params",
        placeholder="All ages",
    )
    categories = right.multiselect(
        "Category (leave empty for all)",
        options=[c for c in POPULATION_CATEGORIES if c in set(populations["category"])],
        key="category",
        bind="query-params",
        placeholder="All categories",
    )

if not chosen:
    st.info(
        "Choose at least one population or condition above to see what OT and PT each do. "
        "For example, type *stroke* or *autism*.",
        icon=":material/touch_app:",
    )
    st.stop()

selected = pop.filter_populations(populations, tuple(chosen), tuple(ages), tuple(categories))
if selected.empty:
    st.warning(
        "None of the populations you chose matches the age group or category filter. "
        "Clear the age group or category filter, or choose other populations.",
        icon=":material/filter_alt_off:",
    )
    st.stop()

st.markdown(f"**{md_escape(pop.summary_sentence(selected))}**")
st.caption(NOT_ADVICE)

# Two views of the same populations, one at a time: only the open tab is built and
# drawn, so a filter change redraws the cards or the charts, not both (bench/README.md).
roles_tab, charts_tab = st.tabs(
    ["What each profession does", "Charts: who leads, how involved"],
    key="view",
    bind="query-params",
)
if roles_tab.open:
    with roles_tab:
        for row in selected.itertuples():
            # One Markdown block per card: a card of six elements cost ~2x to redraw.
            note = f"  \n:small[{md_escape(row.lead_note)}]" if row.lead_note else ""
            st.container(border=True).markdown(
                f"**{md_escape(row.population)}**  \n"
                f"{md_escape(row.category)} · {md_escape(row.age_groups)} · {LEAD_BADGES[row.usual_lead]}"
                f"{weak_badge(row.sourcing)}\n\n"
                f"| :blue-badge[OT] occupational therapy | :orange-badge[PT] physical therapy |\n"
                f"|---|---|\n"
                f"| {md_escape(row.ot_role)} | {md_escape(row.pt_role)} |\n\n"
                f":small[Sources: {source_links(row.source_ids, sources)}]{note}"
            )
if charts_tab.open:
    with charts_tab:
        counts = pop.lead_counts(selected)
        chart_with_table(
            lead_by_category_chart(counts),
            counts.rename(
                columns={
                    "category": "Category",
                    "usual_lead": "Who usually leads",
                    "populations": "Number of populations",
                }
            ),
            key="chart_lead",
        )
        involvement = pop.involvement_table(selected)
        chart_with_table(
            involvement_chart(involvement),
            involvement.rename(
                columns={
                    "population": "Population",
                    "category": "Category",
                    "OT": "OT involvement",
                    "PT": "PT involvement",
                    "usual_lead": "Who usually leads",
                }
            ),
            key="chart_involvement",
        )

st.subheader("The table")
table_with_download(
    pop.table_view(selected),
    file_name=download_name("populations", tuple(chosen), tuple(ages), tuple(categories)),
    key="download_populations",
)
sources_footer(selected, sources, "populations", weak_shown=bool((selected["sourcing"] != "").any()))
