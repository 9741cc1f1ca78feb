"""The side-by-side view of the five dimensions, and the quick-facts strip."""

from __future__ import annotations

import pandas as pd

from components.figures import TIER_RANK, rank_official_first
from components.i18n import N_, Translate, identity
from components.loader import split_list
from components.schema import DIMENSIONS
from components.sourcing import with_sourcing_label

QUICK_FACT_TOPICS = ("Entry degree", "Licensing exam", "Accreditor")


def as_of_label(as_of: str, _: Translate = identity) -> str:
    """'as of 2023' for a dated fact; the source gave no date otherwise."""
    # A translated table may say "undated" in its own language.
    undated = as_of in ("undated", _("undated"))
    return _("source gives no date") if undated else _("as of {date}").format(date=as_of)


def filter_dimensions(dimensions: pd.DataFrame, chosen: tuple[str, ...] | list[str]) -> pd.DataFrame:
    """Rows of the chosen dimensions, in the article's order, OT then PT then Both."""
    keep = dimensions[dimensions["dimension"].isin(list(chosen))].copy()
    keep["_d"] = keep["dimension"].map({d: i for i, d in enumerate(DIMENSIONS)})
    keep["_p"] = keep["profession"].map({"OT": 0, "PT": 1, "Both": 2})
    return keep.sort_values(["_d", "_p"], kind="stable").drop(columns=["_d", "_p"]).reset_index(drop=True)


def quick_facts(
    education: pd.DataFrame,
    professions: tuple[str, ...] = ("OT", "PT"),
    topics: tuple[str, ...] = QUICK_FACT_TOPICS,
    sources: pd.DataFrame | None = None,
    _: Translate = identity,
) -> pd.DataFrame:
    """A facts-by-profession table: one row per topic, one column per profession.

    With `sources`, each cell is the official-first fact for that topic and profession
    (components/figures.py: strongest tier, then newest); without, the first in table order.
    Each carries its reference period; a missing fact shows as 'Not in our sources'.
    The source ids of the facts shown are in the 'source_ids' column.
    """
    if sources is not None:
        tiers = dict(zip(sources["source_id"], sources["tier"]))
        education = education.assign(
            tier=[
                min((tiers[s] for s in split_list(c) if s in tiers), key=TIER_RANK.get, default="")
                for c in education["source_ids"]
            ],
            period=education["as_of"],
        )
    rows = []
    for topic in topics:
        row = {"Topic": topic}
        cited = []
        for profession in professions:
            match = education[(education["topic"] == topic) & (education["profession"] == profession)]
            if match.empty:
                row[profession] = _("Not in our sources")
                continue
            fact = (rank_official_first(match) if sources is not None else match).iloc[0]
            row[profession] = f"{fact['value']} ({as_of_label(fact['as_of'], _)})"
            cited.append(fact["source_ids"])
        row["source_ids"] = "; ".join(cited)
        rows.append(row)
    return pd.DataFrame(rows, columns=["Topic", *professions, "source_ids"])


TABLE_COLUMNS = {
    "dimension": N_("Dimension"),
    "profession": N_("Profession"),
    "summary": N_("Summary"),
    "key_points": N_("Key points"),
    "source_ids": N_("Sources"),
}


def table_view(selected: pd.DataFrame, _: Translate = identity) -> pd.DataFrame:
    """The comparison as shown and downloaded, headers and fixed words in the language of `_`."""
    columns = with_sourcing_label(TABLE_COLUMNS, selected)  # "weakly sourced" rows say so in the CSV too
    view = selected[list(columns)].rename(columns=columns)
    if _ is identity:
        return view
    view["Dimension"] = view["Dimension"].map(_)
    if "Sourcing" in view:
        view["Sourcing"] = view["Sourcing"].map(lambda cell: _(cell) if cell else cell)
    return view.rename(columns={name: _(name) for name in view.columns})
