"""Figures: what a sourced number is called, how it is written, its source tier, and the one
rule that picks the figure a reader sees for a profession and measure.

Pure pandas, no Streamlit. The careers views (components/careers.py), the state map
(components/states.py), the school path (components/school.py) and their pages take their
labels, units and formatting from here, and every "latest figure" view goes through `pick`
(or `rank_official_first`), so that they can never disagree about which figure is shown:

- among the rows for one profession and measure, the strongest tier wins (A, then B, then C);
- within a tier, the newest period wins; then a stated period, then the lowest id;
- a figure the data flags as doubtful is shown only when there is no other;
- where a lower tier has a newer figure than the one shown, that figure is named beside the
  official one ("a third party quotes $98,340 for May 2024"), never the other way round.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pandas as pd

from components.i18n import N_, Translate, identity
from components.loader import split_list
from components.schema import TIERS, WORKFORCE_GROUPS

# --- professions -----------------------------------------------------------------------------

# The occupation groups in the order every table and chart lists them (the schema's order).
PROFESSION_ORDER = WORKFORCE_GROUPS
PROFESSION_RANK = {profession: i for i, profession in enumerate(PROFESSION_ORDER)}
PROFESSION_NAMES = {
    "OT": "Occupational therapists (OT)",
    "OTA": "Occupational therapy assistants (OTA)",
    "PT": "Physical therapists (PT)",
    "PTA": "Physical therapist assistants (PTA)",
    "OTA and aides": "OT assistants and aides, counted together",
    "PTA and aides": "PT assistants and aides, counted together",
    "PT aides": "Physical therapist aides",
}
# When a source only reports an assistant group together with aides, that figure stands in
# for the assistants, and says so.
FALLBACK_GROUP = {"OTA": "OTA and aides", "PTA": "PTA and aides"}


def profession_rank(professions: pd.Series) -> pd.Series:
    """Each profession's place in PROFESSION_ORDER, as a sort key (NaN for a group not in it)."""
    return professions.map(PROFESSION_RANK)


def profession_order(values) -> list[str]:
    """The professions among values, once each, in PROFESSION_ORDER."""
    present = set(values)
    return [p for p in PROFESSION_ORDER if p in present]


# --- labels, units and formatting ------------------------------------------------------------

NOT_FOUND = "Not found in our sources"

MEASURE_LABELS = {
    "oews_employment": "Payroll jobs (OEWS wage survey; excludes self-employed)",
    "ep_jobs": "Number of jobs (BLS projections; includes self-employed)",
    "jobs_measure_unclear": "Number of jobs (the source does not say which count)",
    "median_annual_wage": "Median pay per year",
    "median_hourly_wage": "Median pay per hour",
    "mean_annual_wage": "Average (mean) pay per year",
    "mean_hourly_wage": "Average (mean) pay per hour",
    "annual_wage_p10": "Pay per year, 10th percentile",
    "annual_wage_p25": "Pay per year, 25th percentile",
    "annual_wage_p50": "Pay per year, 50th percentile (median)",
    "annual_wage_p75": "Pay per year, 75th percentile",
    "annual_wage_p90": "Pay per year, 90th percentile",
    "hourly_wage_p10": "Pay per hour, 10th percentile",
    "hourly_wage_p25": "Pay per hour, 25th percentile",
    "hourly_wage_p50": "Pay per hour, 50th percentile (median)",
    "hourly_wage_p75": "Pay per hour, 75th percentile",
    "hourly_wage_p90": "Pay per hour, 90th percentile",
    "projected_employment": "Jobs projected at the end of the decade",
    "projected_change_pct": "Projected growth over 10 years",
    "projected_change_jobs": "Projected change in jobs over 10 years",
    "annual_openings": "Openings each year, on average",
    "mean_annual_wage_rank": "Rank for average pay (1 = highest)",
    "jobs_per_1000": "Jobs per 1,000 jobs in the state",
    "location_quotient": "Location quotient (1 = the U.S. share of jobs)",
    "projection_base_employment": "Jobs at the start of the projection",
    "share_of_jobs": "Share of jobs",
    "share_of_employment": "Share of the profession's jobs",
    "share_of_survey_respondents": "Share of survey respondents",
    "share_of_industry_jobs": "Share of the industry's jobs",
    "acs_workers": "Workers (Census survey, via Data USA)",
    "acs_mean_annual_pay": "Average pay per year (Census survey, via Data USA)",
    "acs_share_women": "Share of women (Census survey)",
    "acs_mean_age": "Average age (Census survey)",
    "fte_supply": "Supply, full-time equivalents (forecast)",
    "fte_demand": "Demand, full-time equivalents (forecast)",
    "fte_supply_minus_demand": "Supply minus demand (forecast)",
    "fte_gap_pct": "Gap as a share of demand (forecast)",
}
MONTH_NAMES = {
    f"{i:02d}": name
    for i, name in enumerate(
        (
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ),
        start=1,
    )
}


def period_label(period: str, stated: str = "yes", _: Translate = identity) -> str:
    """'2023-05' -> 'May 2023'; '2023-2033' -> '2023–2033'; adds '(inferred)' when not stated."""
    text = str(period)
    month = re.fullmatch(r"((?:19|20)\d{2})-(\d{2})", text)
    if month:
        text = _("{month} {year}").format(month=_(MONTH_NAMES[month.group(2)]), year=month.group(1))
    else:
        span = re.fullmatch(r"((?:19|20)\d{2})-((?:19|20)\d{2})", text)
        if span:
            text = f"{span.group(1)}–{span.group(2)}"
    if stated == "no":
        if text == "undated":
            return _("undated (inferred; the source gives no date)")
        return text + " " + _("(inferred)")
    return _("undated") if text == "undated" else text


def _grouped(number: float, decimals: int = 0) -> str:
    return f"{number:,.{decimals}f}"


def format_value(value: float, unit: str, _: Translate = identity) -> str:
    """A number with its unit in words: '$98,340 a year', '$46.33 an hour', '150,500 jobs', '11%'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return _(NOT_FOUND)
    whole = float(value).is_integer()
    # Numbers keep the US form in every language ("$96,370"); the words around them translate.
    if unit == "USD per year":
        return _("{amount} a year").format(amount=f"${_grouped(value)}")
    if unit == "USD per hour":
        return _("{amount} an hour").format(amount=f"${_grouped(value, 2)}")
    if unit == "percent":
        return f"{_grouped(value, 0 if whole else 1)}%"
    if unit == "openings per year":
        return _("{amount} a year").format(amount=_grouped(value))
    if unit == "rank among 50 states and DC":
        return _("rank {rank} of 51").format(rank=int(value))
    if unit in ("ratio to the U.S. share", "jobs per 1,000 jobs"):
        return f"{value:.2f}"
    if unit == "years":
        return _("{n} years").format(n=f"{value:g}")
    return f"{_grouped(value, 0 if whole else 1)} {_(unit)}"


# --- tiers ------------------------------------------------------------------------------------

TIER_RANK = {tier: i for i, tier in enumerate(TIERS)}
# How a cell names the kind of source behind a newer figure of a weaker tier.
TIER_SPEAKERS = {"A": "an official source", "B": "a health system or university", "C": "a third party"}


def with_tier(frame: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """frame plus a 'tier' column: the strongest tier among each row's sources."""
    tiers = dict(zip(sources["source_id"], sources["tier"]))

    def best(cell: str) -> str:
        found = [tiers[s] for s in split_list(cell) if s in tiers]
        return min(found, key=TIER_RANK.get) if found else ""

    out = frame.copy()
    # The loader keeps each row's file line in attrs; pandas deep-copies attrs on every
    # operation, which made these small tables slow. The views here do not need them.
    out.attrs = {}
    out["tier"] = [best(cell) for cell in out["source_ids"]]
    return out


# --- choosing one figure: official first -------------------------------------------------------


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
    # Sorted in Python and taken in one go: the quick facts rank ~50 small frames on a cold
    # run, and pandas' assign + multi-key sort cost ~3 ms each.
    count = len(frame)
    doubtful = [f == "doubtful" for f in frame["flag"].tolist()] if "flag" in frame else [False] * count
    unstated = [s != "yes" for s in frame["period_stated"].tolist()] if "period_stated" in frame else [False] * count
    tiers = [TIER_RANK.get(t, len(TIERS)) for t in frame["tier"].tolist()]
    periods = [period_key(p) for p in frame["period"].tolist()]
    ids = frame.iloc[:, 0].tolist()
    order = sorted(
        range(count),
        key=lambda i: (doubtful[i], tiers[i], (-periods[i][0], -periods[i][1]), unstated[i], ids[i]),
    )
    return frame.iloc[order]


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

    frame must carry a 'tier' column (with_tier).
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


def newer_note(newer: pd.Series, value_text: str, period_text: str, _: Translate = identity) -> str:
    """'a third party quotes $98,340 a year for May 2024': the newer, weaker figure, named."""
    speaker = _(TIER_SPEAKERS.get(str(newer.get("tier", "")), N_("another source")))
    return _("{speaker} quotes {value} for {period}").format(speaker=speaker, value=value_text, period=period_text)
