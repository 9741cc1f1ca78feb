"""Which treatments does each profession use? Filter by category and profession."""

import streamlit as st

from app_pages.common import chart_with_table, sources_footer, table_with_download, tables
from components import interventions as iv
from components.charts import use_split_chart
from components.export import download_name
from components.schema import INTERVENTION_CATEGORIES
from components.sourcing import with_sourcing
from components.text import md_escape

st.title("Which treatments does each profession use?")
interventions, sources = tables("interventions", "sources")
interventions = with_sourcing(interventions, sources)

with st.container(border=True):
    categories = st.multiselect(
        "Kind of treatment (leave empty for all)",
        options=[c for c in INTERVENTION_CATEGORIES if c in set(interventions["category"])],
        key="treatment_category",
        bind="query-params",
        placeholder="All kinds",
    )
    left, right = st.columns(2)
    profession = left.radio(
        "Used by",
        options=list(iv.PROFESSION_FILTERS),
        key="used_by",
        bind="query-params",
        horizontal=True,
        help="'OT' shows what OT uses, alone or shared with PT; 'PT' likewise.",
    )
    seed_only = right.toggle(
        "Only the treatments the starting article names",
        key="named_in_article",
        bind="query-params",
    )

selected = iv.filter_interventions(interventions, tuple(categories), profession, seed_only)
if selected.empty:
    st.warning(
        "No treatment matches these filters. Clear the kind of treatment or choose another profession.",
        icon=":material/filter_alt_off:",
    )
    st.stop()

st.markdown(f"**{md_escape(iv.summary_sentence(selected))}**")
split = iv.use_split(selected)
chart_with_table(
    use_split_chart(split),
    split.rename(columns={"category": "Kind of treatment", "use": "Used by", "interventions": "Number of treatments"}),
    key="chart_use_split",
)
st.caption(
    "Billing codes are CPT or HCPCS codes as given by the sources; the descriptions are our own words "
    "(CPT descriptors are copyrighted by the AMA). 'Mainly' means the other profession may also use it, "
    "sometimes with extra training or where state rules allow."
)

st.subheader("The treatments")
table_with_download(
    iv.table_view(selected),
    file_name=download_name(
        "treatments",
        tuple(categories),
        () if profession == "OT or PT" else profession,
        "named-in-article" if seed_only else (),
    ),
    key="download_interventions",
)
sources_footer(selected, sources, "treatments", weak_shown=bool((selected["sourcing"] != "").any()))
