"""Where does each fact come from? Every source, how much rests on it, where sources
disagree, and every table (or all of them in one ZIP) to download."""

from pathlib import Path

import streamlit as st

from app_pages.common import (
    WEAK_NOTE,
    chart_with_table,
    data_dir,
    lazy_expander,
    table_with_download,
    tables,
    weak_badge,
)
from components import data_quality as dq
from components import factbase as fb
from components.charts import tier_chart
from components.export import download_name
from components.loader import load_table
from components.schema import TABLES, TIER_LABELS, TIERS
from components.sources import source_links
from components.sourcing import CAREGIVER_TABLES, with_sourcing
from components.text import md_escape

st.title("Where does each fact come from?")
names = list(TABLES)
frames = dict(zip(names, tables(*names)))
sources, conflicts = frames["sources"], frames["conflicts"]
conflicts = with_sourcing(conflicts, sources, CAREGIVER_TABLES["conflicts"])


@st.cache_data(show_spinner=False, max_entries=4)
def zip_bytes(directory: str, table_names: tuple[str, ...]) -> bytes:
    # Pure work (no Streamlit calls), built once per data folder. The page has already
    # validated every table, so loading cannot fail here.
    readme_path = Path(directory) / "README.md"
    readme = readme_path.read_text(encoding="utf-8") if readme_path.exists() else ""
    return fb.fact_base_zip({n: load_table(n, directory) for n in table_names}, readme)


usage = fb.source_usage({n: f for n, f in frames.items() if n != "sources"})
every_source = fb.with_usage(sources, usage)
st.markdown(f"**{md_escape(fb.summary_sentence(every_source, frames))}**")
st.caption("Tiers: " + md_escape("; ".join(TIER_LABELS[t] for t in TIERS) + "."))

citing_tables = [c for c in usage.columns if c in TABLES]
with st.container(border=True):
    left, right = st.columns(2)
    tiers = left.multiselect(
        "Tier of source: A, B or C (leave empty for all)",
        options=list(TIERS),
        key="tier",
        bind="query-params",
        placeholder="All tiers",
    )
    chosen_tables = right.multiselect(
        "Used by table (leave empty for all)",
        options=citing_tables,
        key="table",
        bind="query-params",
        placeholder="All tables",
    )

shown = fb.filter_sources(every_source, tuple(tiers), tuple(chosen_tables))
if shown.empty:
    st.warning("No source matches these filters. Clear the tier or table filter.", icon=":material/filter_alt_off:")
else:
    counts = fb.tier_counts(shown, tuple(chosen_tables))
    chart_with_table(
        tier_chart(counts),
        counts.rename(columns={"table": "Table", "tier": "Tier", "sources": "Number of sources"}),
        key="chart_tiers",
    )
    st.subheader(f"The sources ({len(shown)})")
    table_with_download(
        fb.sources_view(shown, tuple(chosen_tables)),
        file_name=download_name("sources", tuple(tiers), tuple(chosen_tables)),
        key="download_source_list",
        column_config={"Link": st.column_config.LinkColumn("Link")},
    )

st.subheader("How strong are the sources?")
coverage = dq.coverage({n: f for n, f in frames.items() if n != "sources"}, sources)
source_figures = dq.source_figures(sources, frames)
undated = source_figures.loc[source_figures["Figure"] == "Undated", "Share (%)"].iloc[0]
st.markdown(
    f"**{dq.strong_share(frames, sources):g}% of the rows a caregiver reads** (the comparison, populations, "
    "treatments, goals, access and disagreements) cite at least one tier A or B source. The others are marked "
    f"*weakly sourced* wherever they are shown. {undated:g}% of all {len(sources)} sources are undated."
)
st.caption("Rows that cite a tier A or B source, by table (the careers and O*NET tables are counted, not listed).")
table_with_download(coverage, file_name="data_quality_by_table.csv", key="download_data_quality")
st.caption("Sources by tier, and how many give a date.")
table_with_download(source_figures, file_name="data_quality_sources.csv", key="download_data_quality_sources")

st.subheader("Where the sources disagree")
st.markdown(
    f"On {len(conflicts)} questions our sources give different answers. "
    "We keep both sides, each with its sources, rather than pick one silently."
)
if (conflicts["sourcing"] != "").any():
    st.caption(WEAK_NOTE)
for row in conflicts.itertuples():
    # One Markdown block per card (a table puts the two sides next to each other): a card
    # of seven elements made this page's first render ~1.4x the baseline app's.
    note = ""
    if row.note:
        note = (
            f"\n\n:small[{md_escape(row.note)}"
            + (f" Rows: {md_escape(row.related_rows)}." if row.related_rows else "")
            + "]"
        )
    st.container(border=True).markdown(
        f"**{md_escape(row.question)}**{weak_badge(row.sourcing)}\n\n"
        "| One source says | Another source says |\n|---|---|\n"
        f"| {md_escape(row.side_a)} | {md_escape(row.side_b)} |\n"
        f"| :small[Sources: {source_links(row.side_a_source_ids, sources)}] "
        f"| :small[Sources: {source_links(row.side_b_source_ids, sources)}] |" + note
    )
with lazy_expander("The conflicts as a table", key="conflicts_table_open") as shown:
    if shown:
        table_with_download(fb.conflicts_view(conflicts), file_name="conflicts.csv", key="download_conflicts")

st.subheader("Download the data")
st.markdown(
    "Every table is open: download any one as CSV, or all of them in one ZIP with the data "
    "dictionary, a licence and attribution note, and `datapackage.json`: the tables described "
    "as a Frictionless Data Package, which data tools can read and check."
)
st.download_button(
    "Download the whole fact base (ZIP)",
    data=zip_bytes(data_dir(), tuple(names)),
    file_name="ot-pt-fact-base.zip",
    mime="application/zip",
    on_click="ignore",
    key="download_zip",
    icon=":material/folder_zip:",
    type="primary",
)
st.dataframe(fb.tables_overview(frames), hide_index=True, width="stretch", key="tables_overview")
for name, frame in frames.items():
    # Built only when opened: sixteen full tables drawn on every run were most of this
    # page's first render.
    with lazy_expander(f"{TABLES[name].file}: {len(frame)} rows", key=f"table_{name}_open") as shown:
        st.caption(md_escape(TABLES[name].description))
        if shown:
            table_with_download(frame, file_name=TABLES[name].file, key=f"download_table_{name}")
