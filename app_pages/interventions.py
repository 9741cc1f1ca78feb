"""Which treatments does each profession use? Filter by category and profession."""

import streamlit as st

from app_pages.common import (
    accept_english_values,
    chart_with_table,
    language,
    sources_footer,
    table_with_download,
    tables,
    translator,
)
from components import interventions as iv
from components.charts import use_split_chart
from components.export import download_name
from components.schema import INTERVENTION_CATEGORIES
from components.sourcing import with_sourcing
from components.text import md_escape

lang = language()
_ = translator(lang)
st.title(_("Which treatments does each profession use?"))
interventions, sources = tables("interventions", "sources", lang=lang)
interventions = with_sourcing(interventions, sources)

# Options are the English words (kept in shared links); they are shown in the chosen language.
category_options = [c for c in INTERVENTION_CATEGORIES if c in set(interventions["category"])]
accept_english_values("treatment_category", category_options, {c: _(c) for c in category_options}, multiple=True)
accept_english_values("used_by", list(iv.PROFESSION_FILTERS), {p: _(p) for p in iv.PROFESSION_FILTERS})
with st.container(border=True):
    categories = st.multiselect(
        _("Kind of treatment (leave empty for all)"),
        options=category_options,
        format_func=_,
        key="treatment_category",
        bind="query-params",
        placeholder=_("All kinds"),
    )
    left, right = st.columns(2)
    profession = left.radio(
        _("Used by"),
        options=list(iv.PROFESSION_FILTERS),
        format_func=_,
        key="used_by",
        bind="query-params",
        horizontal=True,
        help=_("'OT' shows what OT uses, alone or shared with PT; 'PT' likewise."),
    )
    seed_only = right.toggle(
        _("Only the treatments the starting article names"),
        key="named_in_article",
        bind="query-params",
    )

selected = iv.filter_interventions(interventions, tuple(categories), profession, seed_only)
if selected.empty:
    st.warning(
        _("No treatment matches these filters. Clear the kind of treatment or choose another profession."),
        icon=":material/filter_alt_off:",
    )
    st.stop()

st.markdown(f"**{md_escape(iv.summary_sentence(selected, _))}**")
split = iv.use_split(selected)
split["category"] = split["category"].map(_)
chart_with_table(
    use_split_chart(split, _),
    split.assign(use=split["use"].map(_)).rename(
        columns={"category": _("Kind of treatment"), "use": _("Used by"), "interventions": _("Number of treatments")}
    ),
    key="chart_use_split",
    lang=lang,
)
st.caption(
    _(
        "Billing codes are CPT or HCPCS codes as given by the sources; the descriptions are our own words "
        "(CPT descriptors are copyrighted by the AMA). 'Mainly' means the other profession may also use it, "
        "sometimes with extra training or where state rules allow."
    )
)

st.subheader(_("The treatments"))
table_with_download(
    iv.table_view(selected, _),
    file_name=download_name(
        _("treatments"),
        tuple(_(c) for c in categories),
        () if profession == "OT or PT" else profession,
        _("named-in-article") if seed_only else (),
    ),
    key="download_interventions",
    lang=lang,
)
sources_footer(selected, sources, _("treatments"), weak_shown=bool((selected["sourcing"] != "").any()), lang=lang)
