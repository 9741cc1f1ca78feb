"""The fact base as open data: which rows use each source, the conflicts between
sources, and the whole of data/ as one ZIP. Pure functions, no Streamlit."""

from __future__ import annotations

import io
import zipfile

import pandas as pd

from components import datapackage
from components.export import to_csv_bytes
from components.i18n import N_, Translate, identity
from components.loader import split_list
from components.schema import TABLES, TIERS, TableSchema
from components.sources import SOURCE_COLUMNS, date_label
from components.sourcing import with_sourcing_label

# Written into the ZIP next to the tables.
LICENSE_NOTE = """\
OT or PT? - the fact base behind the dashboard
==============================================

What this is
------------
Every CSV file in data/ is a table the dashboard reads, as the app validated it.
data/README.md (the data dictionary) says what every column means and which rules
each cell follows. Cells that a spreadsheet would read as a formula (starting with
= + - @ or a tab or line break) begin with an apostrophe, so that opening a file is safe.

datapackage.json describes the tables as a Frictionless Data Package (Table Schema:
field types, required cells, allowed values, id forms, primary and foreign keys), so
that tools such as `frictionless validate datapackage.json` can read and check them.
A cell of a refs column lists several ids separated by ";", which a foreign key cannot
check; data/links/<table>__<column>.csv lists those ids one per row, each a checked
foreign key.

The tables' text in Spanish
---------------------------
data/es/<table>.csv holds the Spanish text of a table: its first column is the English
table's id column (element_id for the O*NET ratings and interests, translated once per
element), then the text columns the dashboard shows in Spanish, under their English
names. Every other column (numbers, dates, codes, sources) is in the English table.
A Spanish cell is empty only where the English cell is empty.

Where the facts come from
-------------------------
Each row names its sources in a source_ids column (conflicts.csv: side_a_source_ids
and side_b_source_ids). data/sources.csv gives each source's publisher, title, web
address, the date it describes (as_of) and a tier: A official or primary, B health
system or university, C other (commercial sites, blogs, copies of official pages).
The facts were taken from those public pages; the text of every table is written in
our own words. The pages themselves belong to their publishers and stay under their
own terms. Where sources disagree, conflicts.csv lists both sides.

Licence and attribution
-----------------------
The compilation (the tables and the data dictionary) is offered under the Creative
Commons Attribution 4.0 International licence (CC BY 4.0,
https://creativecommons.org/licenses/by/4.0/). Credit "OT or PT? dashboard fact
base" and keep the source ids with any row you reuse, so that readers can check it.

- CPT codes are copyright of the American Medical Association. The tables give code
  numbers only; the descriptions are our own paraphrase, not the AMA descriptors.
- Where a table uses O*NET data: "O*NET 30.0 Database by the U.S. Department of
  Labor, Employment and Training Administration (USDOL/ETA), used under the
  CC BY 4.0 license." O*NET is a trademark of USDOL/ETA.
- Figures from the U.S. Bureau of Labor Statistics are U.S. government works.

This is general information, not medical advice. A doctor or therapist who knows the
person decides what care is right.
"""

ZIP_ROOT = "ot-pt-fact-base"
_ZIP_TIME = (2020, 1, 1, 0, 0, 0)  # fixed, so the same data always gives the same bytes


def source_columns(schema: TableSchema) -> list[str]:
    """The columns of a table that cite sources."""
    return [c.name for c in schema.columns if c.kind == "refs" and c.ref_table == "sources"]


def source_usage(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """How many rows of each table cite each source (a row citing a source twice counts once).

    Returns one row per source id cited anywhere, one int column per table that cites
    sources (in the order of `frames`), and a 'total' column.
    """
    counts: dict[str, dict[str, int]] = {}
    names = []
    for name, frame in frames.items():
        columns = source_columns(TABLES[name])
        if not columns:
            continue
        names.append(name)
        # Rows as tuples of plain values: iterrows built a Series per row (~0.3 s a run
        # of the Sources page for a few thousand rows).
        for cells in zip(*(frame[column].tolist() for column in columns)):
            for source_id in {s for cell in cells for s in split_list(cell)}:
                counts.setdefault(source_id, {}).setdefault(name, 0)
                counts[source_id][name] += 1
    usage = pd.DataFrame.from_dict(counts, orient="index").reindex(columns=names).fillna(0).astype("int64")
    usage.index.name = "source_id"
    usage["total"] = usage.sum(axis=1)
    return usage.reset_index()


def with_usage(sources: pd.DataFrame, usage: pd.DataFrame) -> pd.DataFrame:
    """The sources table with the usage counts beside each source (0 where unused)."""
    merged = sources.merge(usage, on="source_id", how="left")
    count_columns = [c for c in usage.columns if c != "source_id"]
    merged[count_columns] = merged[count_columns].fillna(0).astype("int64")
    return merged


def filter_sources(table: pd.DataFrame, tiers: tuple[str, ...] = (), tables: tuple[str, ...] = ()) -> pd.DataFrame:
    """Sources of the chosen tiers that at least one chosen table uses; empty means 'any'."""
    keep = pd.Series(True, index=table.index)
    if tiers:
        keep &= table["tier"].isin(list(tiers))
    if tables:
        keep &= table[list(tables)].sum(axis=1) > 0
    return table.loc[keep].reset_index(drop=True)


def sources_view(table: pd.DataFrame, tables: tuple[str, ...]) -> pd.DataFrame:
    """The filtered sources with plain column names, most used first.

    Shows one count column per chosen table (every table when none is chosen).
    """
    count_columns = [c for c in table.columns if c in TABLES and c != "sources"]
    shown = list(tables) if tables else count_columns
    view = table.sort_values(["total", "source_id"], ascending=[False, True], kind="stable")
    columns = {
        **SOURCE_COLUMNS,
        "total": N_("Rows citing it (all tables)"),
        **{name: f"Rows in {name}" for name in shown},
        "note": N_("Note"),
    }
    out = view[list(columns)].rename(columns=columns).reset_index(drop=True)
    if "date_kind" in view:  # 'updated 2024-03' where the page says what its date is
        out["As of"] = [date_label(a, k) for a, k in zip(view["as_of"].tolist(), view["date_kind"].tolist())]
    return out


def tier_counts(table: pd.DataFrame, tables: tuple[str, ...]) -> pd.DataFrame:
    """Per table, how many distinct sources of each tier it cites (every tier, zeros included)."""
    count_columns = [c for c in table.columns if c in TABLES and c != "sources"]
    names = list(tables) if tables else count_columns
    rows = []
    for name in names:
        used = table[table[name] > 0]
        for tier in TIERS:
            rows.append({"table": name, "tier": tier, "sources": int((used["tier"] == tier).sum())})
    return pd.DataFrame(rows, columns=["table", "tier", "sources"])


def summary_sentence(table: pd.DataFrame, frames: dict[str, pd.DataFrame], _: Translate = identity) -> str:
    """e.g. 'The dashboard rests on 208 sources: 95 tier A, ...; 250 rows in 7 tables cite them.'"""
    counts = table["tier"].value_counts()
    tiers = ", ".join(_("{count} tier {tier}").format(count=int(counts.get(t, 0)), tier=t) for t in TIERS)
    citing = [n for n in frames if source_columns(TABLES[n])]
    rows = sum(len(frames[n]) for n in citing)
    return _("The dashboard rests on {n} sources ({tiers}); {rows} rows in {tables} tables cite them.").format(
        n=len(table), tiers=tiers, rows=rows, tables=len(citing)
    )


def conflicts_view(conflicts: pd.DataFrame) -> pd.DataFrame:
    columns = {
        "conflict_id": N_("Id"),
        "question": N_("Question"),
        "side_a": N_("One source says"),
        "side_a_source_ids": N_("Its sources"),
        "side_b": N_("Another source says"),
        "side_b_source_ids": N_("Their sources"),
        "note": N_("Note"),
        "related_rows": N_("Rows that record it"),
    }
    columns = with_sourcing_label(columns, conflicts)
    return conflicts[list(columns)].rename(columns=columns)


def tables_overview(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per table: its file, what it holds, and how many rows and columns."""
    rows = [
        {
            N_("Table"): name,
            N_("File"): TABLES[name].file,
            N_("What it holds"): TABLES[name].description,
            N_("Rows"): len(frame),
            N_("Columns"): len(frame.columns),
        }
        for name, frame in frames.items()
    ]
    return pd.DataFrame(rows, columns=["Table", "File", "What it holds", "Rows", "Columns"])


def fact_base_zip(
    frames: dict[str, pd.DataFrame],
    readme: str,
    license_note: str = LICENSE_NOTE,
    translations: dict[str, dict[str, pd.DataFrame]] | None = None,
) -> bytes:
    """Every table as an escaped CSV, the data dictionary, the licence note and the Data
    Package descriptor, in one ZIP; with the translations of the tables' text when given
    (language -> table name -> components/translation.translation_table).

    Layout: ot-pt-fact-base/LICENSE.txt, ot-pt-fact-base/datapackage.json,
    ot-pt-fact-base/data/README.md, ot-pt-fact-base/data/<table>.csv,
    ot-pt-fact-base/data/links/<table>__<column>.csv (components/datapackage.py) and
    ot-pt-fact-base/data/<lang>/<table>.csv. Entries have a fixed date, so equal data
    gives equal bytes.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:

        def add(path: str, data: bytes) -> None:
            info = zipfile.ZipInfo(f"{ZIP_ROOT}/{path}", date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)

        add("LICENSE.txt", license_note.encode("utf-8"))
        add("data/README.md", readme.encode("utf-8"))
        add("datapackage.json", datapackage.descriptor_bytes(frames, translations))
        for name in sorted(frames):
            add(f"data/{TABLES[name].file}", to_csv_bytes(frames[name]))
        for name, links in datapackage.link_tables(frames).items():
            add(f"{datapackage.LINKS_DIR}/{name}.csv", to_csv_bytes(links))
        for lang in sorted(translations or {}):
            for name in sorted(translations[lang]):
                if name in frames:
                    add(datapackage.translation_path(name, lang), to_csv_bytes(translations[lang][name]))
    return buffer.getvalue()
