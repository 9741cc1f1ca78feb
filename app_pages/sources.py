"""Where does each fact come from? Every source, how much rests on it, where sources
disagree, and every table (or all of them in one ZIP) to download."""

from pathlib import Path

import streamlit as st

from app_pages.common import (
    EMPTY_CELL,
    WEAK_NOTE,
    chart_with_table,
    data_dir,
    data_stamp,
    language,
    lazy_expander,
    shared_view,
    table_with_download,
    tables,
    translator,
    weak_badge,
)
from components import data_quality as dq
from components import factbase as fb
from components.charts import tier_chart
from components.export import download_name
from components.i18n import LANGUAGES, SOURCE_LANGUAGE
from components.loader import load_table
from components.schema import TABLES, TIER_LABELS, TIERS
from components.sources import source_links
from components.sourcing import CAREGIVER_TABLES, with_sourcing
from components.text import md_escape
from components.translation import translations_for_zip

lang = language()
_ = translator(lang)


def headed(frame):
    """A table with its column headings in the chosen language (the cells as they are)."""
    return frame.rename(columns={name: _(name) for name in frame.columns})


st.title(_("Where does each fact come from?"))
names = list(TABLES)
# The tables as published (English: the table downloads; the ZIP adds the Spanish text);
# the disagreements are shown in the chosen language where data/<lang>/conflicts.csv has them.
frames = dict(zip(names, tables(*names)))
sources = frames["sources"]
(conflicts,) = tables("conflicts", lang=lang)
conflicts = with_sourcing(conflicts, sources, CAREGIVER_TABLES["conflicts"])
if lang != "en":
    st.info(
        _(
            "Source titles and publishers are shown exactly as published, in their own language: "
            "they are citations, so that anyone can find the page. The tables below and their "
            "downloads are the fact base as published, in English; the ZIP also holds the Spanish text."
        ),
        icon=":material/info:",
    )


@shared_view
def _translations(directory: str, stamp: tuple) -> tuple[dict[str, dict], dict[str, str]]:
    """The valid translations of every table by language, and the problem of each one left
    out of the ZIP. The page has already validated every English table, so loading them cannot
    fail here; a translation with a problem is left out of the ZIP (its datapackage.json stays
    valid) and said on the page. Once per process and data, shared read-only."""
    english = {n: load_table(n, directory) for n in TABLES}
    translations, problems = {}, {}
    for other in LANGUAGES:
        if other != SOURCE_LANGUAGE:
            translations[other], found = translations_for_zip(english, directory, other)
            problems.update(found)
    return translations, problems


@st.cache_data(show_spinner=False, max_entries=4)
def zip_bytes(directory: str, stamp: tuple) -> bytes:
    """The ZIP of the whole fact base: built on the first click, not on the page's first run
    (~0.3 s), then kept once per data folder."""
    readme_path = Path(directory) / "README.md"
    readme = readme_path.read_text(encoding="utf-8") if readme_path.exists() else ""
    english = {n: load_table(n, directory) for n in TABLES}
    translations, _problems = _translations(directory, stamp)
    return fb.fact_base_zip(english, readme, translations=translations)


@shared_view
def _figures(directory: str, stamp: tuple) -> dict:
    """What the page computes from the data alone (which table cites each source, the data
    quality tables), once per process and data: ~0.2 s of every rerun before. The page has
    validated every table, so loading cannot fail here."""
    data = {n: load_table(n, directory) for n in TABLES}
    cited = {n: f for n, f in data.items() if n != "sources"}
    usage = fb.source_usage(cited)
    return {
        "usage": usage,
        "every_source": fb.with_usage(data["sources"], usage),
        "coverage": dq.coverage(cited, data["sources"]),
        "source_figures": dq.source_figures(data["sources"], data),
        "strong_share": dq.strong_share(data, data["sources"]),
    }


figures = _figures(data_dir(), data_stamp(data_dir()))
usage, every_source = figures["usage"], figures["every_source"]
st.markdown(f"**{md_escape(fb.summary_sentence(every_source, frames, _))}**")
st.caption(_("Tiers:") + " " + md_escape("; ".join(_(TIER_LABELS[t]) for t in TIERS) + "."))

citing_tables = [c for c in usage.columns if c in TABLES]
with st.container(border=True):
    left, right = st.columns(2)
    tiers = left.multiselect(
        _("Tier of source: A, B or C (leave empty for all)"),
        options=list(TIERS),
        key="tier",
        bind="query-params",
        placeholder=_("All tiers"),
    )
    chosen_tables = right.multiselect(
        _("Used by table (leave empty for all)"),
        options=citing_tables,
        key="table",
        bind="query-params",
        placeholder=_("All tables"),
    )

shown = fb.filter_sources(every_source, tuple(tiers), tuple(chosen_tables))
if shown.empty:
    st.warning(_("No source matches these filters. Clear the tier or table filter."), icon=":material/filter_alt_off:")
else:
    counts = fb.tier_counts(shown, tuple(chosen_tables))
    chart_with_table(
        tier_chart(counts, _),
        counts.rename(columns={"table": _("Table"), "tier": _("Tier"), "sources": _("Number of sources")}),
        key="chart_tiers",
        lang=lang,
    )
    st.subheader(_("The sources ({n})").format(n=len(shown)))
    listed = fb.sources_view(shown, tuple(chosen_tables))
    listed = listed.rename(
        columns={
            name: _("Rows in {table}").format(table=name[len("Rows in ") :]) if name.startswith("Rows in ") else _(name)
            for name in listed.columns
        }
    )
    link = _("Link")
    table_with_download(
        listed,
        file_name=download_name(_("sources"), tuple(tiers), tuple(chosen_tables)),
        key="download_source_list",
        column_config={link: st.column_config.LinkColumn(link)},
        lang=lang,
    )

st.subheader(_("How strong are the sources?"))
coverage, source_figures = figures["coverage"], figures["source_figures"]
undated = source_figures.loc[source_figures["Figure"] == "Undated", "Share (%)"].iloc[0]
st.markdown(
    _(
        "**{share:g}% of the rows a caregiver reads** (the comparison, populations, treatments, goals, access "
        "and disagreements) cite at least one tier A or B source. The others are marked *weakly sourced* "
        "wherever they are shown. {undated:g}% of all {n} sources are undated."
    ).format(
        # round(): numbers only (the shares are already rounded to one decimal)
        share=round(figures["strong_share"], 1),
        undated=round(undated, 1),
        n=len(sources),
    )
)
st.caption(_("Rows that cite a tier A or B source, by table (the careers and O*NET tables are counted, not listed)."))
coverage = coverage.assign(Table=coverage["Table"].replace({dq.CAREGIVER_TOTAL: _(dq.CAREGIVER_TOTAL)}))
table_with_download(headed(coverage), file_name=_("data_quality_by_table.csv"), key="download_data_quality", lang=lang)
st.caption(_("Sources by tier, and how many give a date."))
source_figures = source_figures.assign(
    Figure=[
        _("Tier {tier}").format(tier=f[len("Tier ") :]) if f.startswith("Tier ") else _(f)
        for f in source_figures["Figure"]
    ]
)
table_with_download(
    headed(source_figures), file_name=_("data_quality_sources.csv"), key="download_data_quality_sources", lang=lang
)

st.subheader(_("Where the sources disagree"))
st.markdown(
    _(
        "On {n} questions our sources give different answers. "
        "We keep both sides, each with its sources, rather than pick one silently."
    ).format(n=len(conflicts))
)
if (conflicts["sourcing"] != "").any():
    st.caption(_(WEAK_NOTE))
ONE_SAYS, OTHER_SAYS, SOURCES_WORD = _("One source says"), _("Another source says"), _("Sources:")
for row in conflicts.itertuples():
    # One Markdown block per card (a table puts the two sides next to each other): a card
    # of seven elements made this page's first render ~1.4x the baseline app's.
    note = ""
    if row.note:
        note = (
            f"\n\n:small[{md_escape(row.note)}"
            + (" " + _("Rows: {rows}.").format(rows=md_escape(row.related_rows)) if row.related_rows else "")
            + "]"
        )
    st.container(border=True).markdown(
        f"**{md_escape(row.question)}**{weak_badge(row.sourcing, lang)}\n\n"
        f"| {ONE_SAYS} | {OTHER_SAYS} |\n|---|---|\n"
        f"| {md_escape(row.side_a)} | {md_escape(row.side_b)} |\n"
        f"| :small[{SOURCES_WORD} {source_links(row.side_a_source_ids, sources, _)}] "
        f"| :small[{SOURCES_WORD} {source_links(row.side_b_source_ids, sources, _)}] |" + note
    )
with lazy_expander(_("The conflicts as a table"), key="conflicts_table_open") as shown:
    if shown:
        view = fb.conflicts_view(conflicts)
        if "Sourcing" in view:
            view["Sourcing"] = view["Sourcing"].map(lambda cell: _(cell) if cell else cell)
        table_with_download(headed(view), file_name=_("conflicts") + ".csv", key="download_conflicts", lang=lang)

st.subheader(_("Download the data"))
st.markdown(
    _(
        "Every table is open: download any one as CSV, or all of them in one ZIP with their text in "
        "English and in Spanish, the data dictionary, a licence and attribution note, and "
        "`datapackage.json`: the tables described as a Frictionless Data Package, which data tools "
        "can read and check."
    )
)
stamp = data_stamp(data_dir())
left_out = _translations(data_dir(), stamp)[1]
for name, problem in left_out.items():
    if name == "conflicts" and lang != SOURCE_LANGUAGE:
        continue  # said above, where the disagreements are shown in English because of it
    st.warning(
        _("The ZIP leaves out the Spanish text of {file} because its translation file has a problem.").format(
            file=TABLES[name].file
        )
        + "\n\n"
        + md_escape(problem),
        icon=":material/translate:",
    )
st.download_button(
    _("Download the whole fact base (ZIP)"),
    data=lambda: zip_bytes(data_dir(), stamp),
    file_name="ot-pt-fact-base.zip",
    mime="application/zip",
    on_click="ignore",
    key="download_zip",
    icon=":material/folder_zip:",
    type="primary",
)
st.dataframe(
    headed(fb.tables_overview(frames)), hide_index=True, width="stretch", key="tables_overview", placeholder=EMPTY_CELL
)
for name, frame in frames.items():
    # Built only when opened: sixteen full tables drawn on every run were most of this
    # page's first render.
    label = _("{file}: {n} rows").format(file=TABLES[name].file, n=len(frame))
    with lazy_expander(label, key=f"table_{name}_open") as shown:
        # The data dictionary's wording (schema descriptions) is published in English.
        st.caption(md_escape(TABLES[name].description))
        if shown:
            table_with_download(frame, file_name=TABLES[name].file, key=f"download_table_{name}", lang=lang)
