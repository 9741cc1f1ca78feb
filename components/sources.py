"""Which sources a view rests on, and how strong they are."""

from __future__ import annotations

import pandas as pd

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
    "source_id": "Id",
    "tier": "Tier",
    "publisher": "Publisher",
    "title": "Title",
    "as_of": "As of",
    "url": "Link",
}


def sources_for(frame: pd.DataFrame, sources: pd.DataFrame, column: str = "source_ids") -> pd.DataFrame:
    """The sources table rows cited by frame, strongest tier first, with plain column names."""
    ids = set(cited_ids(frame, column))
    rank = {t: i for i, t in enumerate(TIERS)}
    # The order in plain Python, then one pandas selection: the footer of every page
    # calls this twice per rerun, and a copy, map and three-key sort cost ~5 ms a call.
    order = sorted(
        (rank.get(tier, len(TIERS)), publisher, source_id, position)
        for position, (source_id, tier, publisher) in enumerate(
            zip(sources["source_id"].tolist(), sources["tier"].tolist(), sources["publisher"].tolist())
        )
        if source_id in ids
    )
    cited = sources.iloc[[position for *_, position in order]]
    return cited[list(SOURCE_COLUMNS)].rename(columns=SOURCE_COLUMNS).reset_index(drop=True)


def best_tier(cell: str, sources: pd.DataFrame) -> str:
    """The strongest tier among the ids in one source_ids cell ('A' beats 'B' beats 'C')."""
    tiers = set(sources.loc[sources["source_id"].isin(split_list(cell)), "tier"])
    for tier in TIERS:
        if tier in tiers:
            return tier
    return ""


def tier_summary(frame: pd.DataFrame, sources: pd.DataFrame) -> str:
    """e.g. '12 sources: 5 tier A, 4 tier B, 3 tier C.'"""
    cited = sources_for(frame, sources)
    if cited.empty:
        return "No sources."
    counts = cited["Tier"].value_counts()
    parts = [f"{int(counts.get(t, 0))} tier {t}" for t in TIERS if counts.get(t, 0)]
    noun = "source" if len(cited) == 1 else "sources"
    return f"{len(cited)} {noun}: " + ", ".join(parts) + "."


def tier_legend() -> str:
    return "; ".join(TIER_LABELS[t] for t in TIERS) + "."


def source_links(cell: str, sources: pd.DataFrame) -> str:
    """Markdown for the sources in one source_ids cell: escaped publisher links with tier
    and date, strongest tier first, e.g. '[American Stroke Association](https://…) (A, undated)'."""
    # Called once per card on every rerun: plain Python over the columns as lists,
    # because five pandas operations per call (filter, copy, map, sort, itertuples) took
    # ~5 ms each time and were the largest part of the populations page's script run.
    ids = set(split_list(cell))
    if not ids:
        return ""
    rank = {t: i for i, t in enumerate(TIERS)}
    columns = [sources[name].tolist() for name in ("source_id", "tier", "publisher", "url", "as_of")]
    cited = [
        (rank.get(tier, len(TIERS)), publisher, position, url, tier, as_of)
        for position, (source_id, tier, publisher, url, as_of) in enumerate(zip(*columns))
        if source_id in ids
    ]
    cited.sort()  # tier, then publisher, then table order: the same as a stable sort by tier and publisher
    return " · ".join(
        f"{md_link(publisher, url)} ({md_escape(tier)}, {md_escape(as_of)})"
        for _, publisher, _, url, tier, as_of in cited
    )
