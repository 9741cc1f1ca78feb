"""How do OT and PT differ? The five dimensions side by side, with quick facts."""

import pandas as pd
import streamlit as st

from app_pages.common import language, sources_footer, table_with_download, tables, translator, weak_badge
from components import compare
from components.export import download_name
from components.loader import split_list
from components.schema import DIMENSIONS
from components.sources import source_links
from components.sourcing import with_sourcing
from components.text import md_escape

lang = language()
_ = translator(lang)
st.title(_("How do occupational and physical therapy differ?"))
st.markdown(
    "**"
    + _(
        "In short: occupational therapy (OT) helps people do the everyday things that matter "
        "to them, like dressing, cooking or working. Physical therapy (PT) helps people move: "
        "walk, build strength and ease pain. Many patients see both."
    )
    + "**"
)
dimensions, education, sources = tables("dimensions", "education", "sources", lang=lang)
dimensions = with_sourcing(dimensions, sources)
sources_word = _("Sources:")

facts = compare.quick_facts(education, sources=sources, _=_)
st.subheader(_("Quick facts"))
THERAPIST = {"OT": _("Occupational therapist"), "PT": _("Physical therapist")}
ot_col, pt_col = st.columns(2)
for column, profession, badge in ((ot_col, "OT", ":blue-badge[OT]"), (pt_col, "PT", ":orange-badge[PT]")):
    with column.container(border=True):
        st.markdown(f"{badge} **{THERAPIST[profession]}**")
        for fact in facts.itertuples():
            st.markdown(f"**{md_escape(_(fact.Topic))}:** {md_escape(getattr(fact, profession))}")
if lang != "en":
    # Names of bodies and exams stay as published; this says once, in the reader's language, what they are.
    st.caption(
        _(
            "Names of bodies and exams stay in English. NBCOT (National Board for Certification in "
            "Occupational Therapy) gives the OT exam; the NPTE (National Physical Therapy Examination) is "
            "the PT exam, run by the FSBPT (Federation of State Boards of Physical Therapy); ACOTE and CAPTE "
            "accredit the OT and PT programs."
        )
    )

chosen = st.multiselect(
    _("Dimensions to compare"),
    options=list(DIMENSIONS),
    default=list(DIMENSIONS),
    format_func=_,
    key="dimension",
    bind="query-params",
    placeholder=_("Choose one or more dimensions"),
)
if not chosen:
    st.info(
        _("Choose at least one dimension above, for example *{example}*.").format(example=_("Core focus")),
        icon=":material/touch_app:",
    )
    st.stop()

selected = compare.filter_dimensions(dimensions, tuple(chosen))
both = _("Both")
for dimension in [d for d in DIMENSIONS if d in chosen]:
    st.subheader(_(dimension))
    rows = selected[selected["dimension"] == dimension]
    ot_col, pt_col = st.columns(2)
    for column, profession, badge in ((ot_col, "OT", ":blue-badge[OT]"), (pt_col, "PT", ":orange-badge[PT]")):
        with column.container(border=True):
            for row in rows[rows["profession"] == profession].itertuples():
                st.markdown(f"{badge} {md_escape(row.summary)}{weak_badge(row.sourcing, lang)}")
                st.markdown("\n".join(f"- {md_escape(point)}" for point in split_list(row.key_points)))
                st.caption(f"{sources_word} {source_links(row.source_ids, sources, _)}")
    for row in rows[rows["profession"] == "Both"].itertuples():
        st.markdown(f":green-badge[{both}] {md_escape(row.summary)}{weak_badge(row.sourcing, lang)}")
        st.caption(f"{sources_word} {source_links(row.source_ids, sources, _)}")

st.subheader(_("The comparison as a table"))
table_with_download(
    compare.table_view(selected, _),
    file_name=download_name(_("compare"), tuple(_(d) for d in chosen) if len(chosen) < len(DIMENSIONS) else ()),
    key="download_compare",
    lang=lang,
)
sources_footer(
    pd.concat([selected[["source_ids"]], facts[["source_ids"]]]),
    sources,
    _("compare"),
    weak_shown=bool((selected["sourcing"] != "").any()),
    lang=lang,
)
