"""Official first: the one rule that picks the figure a reader sees for a profession and measure.

Pure pandas, no Streamlit. The careers quick facts, the headline sentences and every other
"latest figure" view go through `pick` (or `rank_official_first`), so that they can never
disagree about which figure is shown:

- among the rows for one profession and measure, the strongest tier wins (A, then B, then C);
- within a tier, the newest period wins; then a stated period, then the lowest id;
- a figure the data flags as doubtful is shown only when there is no other;
- where a lower tier has a newer figure than the one shown, that figure is named beside the
  official one ("a third party quotes $98,340 for May 2024"), never the other way round.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from components.schema import TIERS

TIER_RANK = {tier: i for i, tier in enumerate(TIERS)}
# How a cell names the kind of source behind a newer figure of a weaker tier.
TIER_SPEAKERS = {"A": "an official source", "B": "a health system or university", "C": "a third party"}


def period_key(period: object) -> tuple[int, int]:
    """Sort key for periods: year, then month (a span 'YYYY-YYYY' sorts by its first year)."""
    match = re.match(r"((?:19|20)\d{2})(?:-(\d{2})(?!\d))?", str(period))
    if not match:
        return (0, 0)
    return int(match.group(1)), int(match.group(2) or 0)


def rank_official_first(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows best first: not doubtful, strongest tier, newest period, stated period, lowest id.

    frame needs the columns period and tier; period_stated and flag are used when present;
    the id is the frame's first column.
    """
    if frame.empty:
        return frame
    ranked = frame.assign(
        _doubtful=(frame["flag"] == "doubtful").astype(int) if "flag" in frame else 0,
        _tier=frame["tier"].map(TIER_RANK).fillna(len(TIERS)),
        _period=[period_key(p) for p in frame["period"]],
        _stated=(frame["period_stated"] != "yes").astype(int) if "period_stated" in frame else 0,
    )
    ranked = ranked.sort_values(
        ["_doubtful", "_tier", "_period", "_stated", frame.columns[0]],
        ascending=[True, True, False, True, True],
        kind="stable",
    )
    return ranked.drop(columns=["_doubtful", "_tier", "_period", "_stated"])


@dataclass(frozen=True)
class Pick:
    """The figure shown, and the newest figure of a weaker tier that is newer than it (or None)."""

    shown: pd.Series
    newer: pd.Series | None = None


def _newer_weaker(rows: pd.DataFrame, shown: pd.Series) -> pd.Series | None:
    """The newest not-doubtful row of a weaker tier whose period is after the shown one."""
    base_tier = TIER_RANK.get(shown["tier"], len(TIERS))
    base_period = period_key(shown["period"])
    later = rows[
        [
            TIER_RANK.get(t, len(TIERS)) > base_tier and period_key(p) > base_period
            for t, p in zip(rows["tier"], rows["period"])
        ]
    ]
    if "flag" in later:
        later = later[later["flag"] != "doubtful"]
    if later.empty:
        return None
    later = later.assign(_period=[period_key(p) for p in later["period"]], _tier=later["tier"].map(TIER_RANK))
    later = later.sort_values(["_period", "_tier", later.columns[0]], ascending=[False, True, True], kind="stable")
    return later.drop(columns=["_period", "_tier"]).iloc[0]


def pick_from(rows: pd.DataFrame) -> Pick | None:
    """The official-first pick among rows that already share a profession and measure."""
    if rows.empty:
        return None
    shown = rank_official_first(rows).iloc[0]
    return Pick(shown, _newer_weaker(rows, shown))


def pick(frame: pd.DataFrame, profession: str, measure: str, measure_column: str = "measure") -> Pick | None:
    """The official-first figure for one profession and measure; None when there is none.

    frame must carry a 'tier' column (components.careers.with_tier).
    """
    rows = frame[(frame["profession"] == profession) & (frame[measure_column] == measure)]
    return pick_from(rows)


def pick_row(frame: pd.DataFrame, profession: str, measure: str) -> pd.Series | None:
    """Only the figure shown by `pick` (for views that need no 'newer' note)."""
    found = pick(frame, profession, measure)
    return None if found is None else found.shown


def pick_same_period(frame: pd.DataFrame, professions, measure: str) -> dict[str, Pick]:
    """One pick per profession for one measure, in one period where the data allows.

    Each profession's own pick follows the official-first rule. When these picks differ in
    period, the newest period that every profession (with any figure) has at its own best
    tier is used instead, so that a row of the quick facts compares like with like; if no
    such period exists, the own picks stand and `periods_differ` says so.
    """
    rows = {p: frame[(frame["profession"] == p) & (frame["measure"] == measure)] for p in professions}
    picks = {p: pick_from(r) for p, r in rows.items() if not r.empty}
    if len({str(found.shown["period"]) for found in picks.values()}) <= 1:
        return picks
    candidates = None
    for profession, found in picks.items():
        mine = rows[profession]
        if "flag" in mine:
            mine = mine[mine["flag"] != "doubtful"]
        at_best = set(mine.loc[mine["tier"] == found.shown["tier"], "period"].astype(str))
        candidates = at_best if candidates is None else candidates & at_best
    if not candidates:
        return picks
    period = max(candidates, key=period_key)
    aligned = {}
    for profession, found in picks.items():
        mine = rows[profession]
        shown = rank_official_first(
            mine[(mine["period"].astype(str) == period) & (mine["tier"] == found.shown["tier"])]
        ).iloc[0]
        aligned[profession] = Pick(
            shown, _newer_weaker(mine, shown)
        )  # newer figures of every row, not only this period's
    return aligned


def periods_differ(picks: dict[str, Pick]) -> bool:
    """True when the picks of one quick-facts row are not all for the same period."""
    return len({str(found.shown["period"]) for found in picks.values()}) > 1


def newer_note(newer: pd.Series, value_text: str, period_text: str) -> str:
    """'a third party quotes $98,340 a year for May 2024': the newer, weaker figure, named."""
    speaker = TIER_SPEAKERS.get(str(newer.get("tier", "")), "another source")
    return f"{speaker} quotes {value_text} for {period_text}"
