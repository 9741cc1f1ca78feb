"""Which sources a view rests on, and how strong they are."""

from __future__ import annotations

import pandas as pd

from components.figures import TIER_RANK, period_key
from components.i18n import N_, Translate, identity
from components.loader import split_list
from components.schema import TIER_LABELS, TIERS
from components.text import md_escape, md_link


def cited_ids(frame: pd.DataFrame, column: str = "source_ids") -> list[str]:
    """Every source id cited by the rows of frame, in first-seen order, once each."""
    seen: dict[str, None] = {}
    for cell in frame[column]:
        for source_id in split_list(cell):
            seen.setdefault(source_id, None)
    return list(seen)


SOURCE_COLUMNS = {
    "source_id": N_("Id"),
    "tier": N_("Tier"),
    "publisher": N_("Publisher"),
    "title": N_("Title"),
    "as_of": N_("As of"),
    "url": N_("Link"),
}


def date_label(as_of: str, date_kind: str = "", _: Translate = identity) -> str:
    """A source's date as shown: 'updated 2024-03' where the page says what the date is,
    else the date alone ('2023'), or 'undated'."""
    as_of = str(as_of or "").strip()
    if not as_of or as_of == "undated":
        return _("undated")
    kind = str(date_kind or "").strip()
    return f"{_(kind)} {as_of}" if kind else as_of


def sources_for(
    frame: pd.DataFrame, sources: pd.DataFrame, column: str = "source_ids", _: Translate = identity
) -> pd.DataFrame:
    """The sources table rows cited by frame, strongest tier first, with plain column names
    (in the language of `_`; source titles and publishers stay as published)."""
    ids = set(cited_ids(frame, column))
    # The order in plain Python, then one pandas selection: the footer of every page
    # calls this twice per rerun, and a copy, map and three-key sort cost ~5 ms a call.
    order = sorted(
        (TIER_RANK.get(tier, len(TIERS)), publisher, source_id, position)
        for position, (source_id, tier, publisher) in enumerate(
            zip(sources["source_id"].tolist(), sources["tier"].tolist(), sources["publisher"].tolist())
        )
        if source_id in ids
    )
    cited = sources.iloc[[entry[-1] for entry in order]]
    view = cited[list(SOURCE_COLUMNS)].rename(columns=SOURCE_COLUMNS).reset_index(drop=True)
    if "date_kind" in cited:
        view["As of"] = [date_label(a, k, _) for a, k in zip(cited["as_of"].tolist(), cited["date_kind"].tolist())]
    elif _ is not identity:
        view["As of"] = [date_label(a, "", _) for a in cited["as_of"].tolist()]
    return view.rename(columns={name: _(name) for name in view.columns})


def best_tier(cell: str, sources: pd.DataFrame) -> str:
    """The strongest tier among the ids in one source_ids cell ('A' beats 'B' beats 'C')."""
    tiers = set(sources.loc[sources["source_id"].isin(split_list(cell)), "tier"])
    for tier in TIERS:
        if tier in tiers:
            return tier
    return ""


def tier_summary(frame: pd.DataFrame, sources: pd.DataFrame, _: Translate = identity) -> str:
    """e.g. '12 sources: 5 tier A, 4 tier B, 3 tier C.'"""
    cited = sources_for(frame, sources)
    if cited.empty:
        return _("No sources.")
    counts = cited["Tier"].value_counts()
    parts = [_("{count} tier {tier}").format(count=int(counts.get(t, 0)), tier=t) for t in TIERS if counts.get(t, 0)]
    noun = _("source") if len(cited) == 1 else _("sources")
    return f"{len(cited)} {noun}: " + ", ".join(parts) + "."


def tier_legend(_: Translate = identity) -> str:
    return "; ".join(_(TIER_LABELS[t]) for t in TIERS) + "."


def source_links(cell: str, sources: pd.DataFrame, _: Translate = identity) -> str:
    """Markdown for the sources in one source_ids cell: escaped publisher links with tier
    and date, strongest tier first and, within a tier, newest first, e.g.
    '[American Stroke Association](https://…) (A, updated 2024-03)'."""
    # Called once per card on every rerun: plain Python over the columns as lists,
    # because five pandas operations per call (filter, copy, map, sort, itertuples) took
    # ~5 ms each time and were the largest part of the populations page's script run.
    ids = set(split_list(cell))
    if not ids:
        return ""
    columns = [sources[name].tolist() for name in ("source_id", "tier", "publisher", "url", "as_of")]
    kinds = sources["date_kind"].tolist() if "date_kind" in sources else [""] * len(sources)
    cited = []
    for position, (source_id, tier, publisher, url, as_of) in enumerate(zip(*columns)):
        if source_id in ids:
            year, month = period_key(as_of)
            cited.append(
                (
                    TIER_RANK.get(tier, len(TIERS)),
                    -year,
                    -month,
                    publisher,
                    position,
                    url,
                    tier,
                    date_label(as_of, kinds[position], _),
                )
            )
    cited.sort()  # tier, then newest, then publisher, then table order
    return " · ".join(
        f"{md_link(publisher, url)} ({md_escape(tier)}, {md_escape(date)})"
        for *_rank, publisher, _position, url, tier, date in cited
    )
