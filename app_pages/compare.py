"""How do OT and PT differ? The five dimensions side by side, with quick facts."""

import pandas as pd
import streamlit as st

from app_pages.common import sources_footer, table_with_download, tables, weak_badge
from components import compare
from components.export import download_name
from components.loader import split_list
from components.schema import DIMENSIONS
from components.sources import source_links
from components.sourcing import with_sourcing
from components.text import md_escape

st.title("How do occupational and physical therapy differ?")
st.markdown(
    "**In short: occupational therapy (OT) helps people do the everyday things that matter "
    "to them, like dressing, cooking or working. Physical therapy (PT) helps people move: "
    "walk, build strength and ease pain. Many patients see both.**"
)
dimensions, education, sources = tables("dimensions", "education", "sources")
dimensions = with_sourcing(dimensions, sources)

facts = compare.quick_facts(education, sources=sources)
st.subheader("Quick facts")
ot_col, pt_col = st.columns(2)
for column, profession, badge in ((ot_col, "OT", ":blue-badge[OT]"), (pt_col, "PT", ":orange-badge[PT]")):
    with column.container(border=True):
        st.markdown(f"{badge} **{'Occupational' if profession == 'OT' else 'Physical'} therapist**")
        for fact in facts.itertuples():
            st.markdown(f"**{md_escape(fact.Topic)}:** {md_escape(getattr(fact, profession))}")

chosen = st.multiselect(
    "Dimensions to compare",
    options=list(DIMENSIONS),
    default=list(DIMENSIONS),
    key="dimension",
    bind="query-params",
    placeholder="Choose one or more dimensions",
)
if not chosen:
    st.info("Choose at least one dimension above, for example *Core focus*.", icon=":material/touch_app:")
    st.stop()

selected = compare.filter_dimensions(dimensions, tuple(chosen))
for dimension in [d for d in DIMENSIONS if d in chosen]:
    st.subheader(dimension)
    rows = selected[selected["dimension"] == dimension]
    ot_col, pt_col = st.columns(2)
    for column, profession, badge in ((ot_col, "OT", ":blue-badge[OT]"), (pt_col, "PT", ":orange-badge[PT]")):
        with column.container(border=True):
            for row in rows[rows["profession"] == profession].itertuples():
                st.markdown(f"{badge} {md_escape(row.summary)}{weak_badge(row.sourcing)}")
                st.markdown("\n".join(f"- {md_escape(point)}" for point in split_list(row.key_points)))
                st.caption(f"Sources: {source_links(row.source_ids, sources)}")
    for row in rows[rows["profession"] == "Both"].itertuples():
        st.markdown(f":green-badge[Both] {md_escape(row.summary)}{weak_badge(row.sourcing)}")
        st.caption(f"Sources: {source_links(row.source_ids, sources)}")

st.subheader("The comparison as a table")
table_with_download(
    compare.table_view(selected),
    file_name=download_name("compare", tuple(chosen) if len(chosen) < len(DIMENSIONS) else ()),
    key="download_compare",
)
sources_footer(
    pd.concat([selected[["source_ids"]], facts[["source_ids"]]]),
    sources,
    "compare",
    weak_shown=bool((selected["sourcing"] != "").any()),
)
