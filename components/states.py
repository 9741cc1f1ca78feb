"""State figures for the "Where" page (Jobs by state): options, the 51-row view, coverage.

Pure pandas, no Streamlit. A state with no figure for the chosen profession, measure and
period stays in the view with an empty value ("No figure found"): it is never filled in
from another year, another source or a neighbour.
"""

from __future__ import annotations

import re

import pandas as pd

from components.figures import (
    MEASURE_LABELS,
    format_value,
    period_label,
    profession_order,
    profession_rank,
    rank_official_first,
    with_tier,
)
from components.i18n import N_, Translate, identity
from components.schema import STATES

STATE_NAMES = tuple(name for name, _ in STATES)
STATE_ABBRS = tuple(abbr for _, abbr in STATES)
NAME_OF = dict(zip(STATE_ABBRS, STATE_NAMES))
MISSING = "No figure found"

# A tile-grid map: every state (and DC) is one equal square, placed roughly where it lies.
# (row, column); row 0 is the top. Drawn with ordinary plotly shapes, so no map outlines are
# fetched from anywhere.
TILE_GRID = {
    "AK": (0, 0),
    "ME": (0, 10),
    "VT": (1, 9),
    "NH": (1, 10),
    "WA": (2, 0),
    "ID": (2, 1),
    "MT": (2, 2),
    "ND": (2, 3),
    "MN": (2, 4),
    "IL": (2, 5),
    "WI": (2, 6),
    "MI": (2, 7),
    "NY": (2, 8),
    "RI": (2, 9),
    "MA": (2, 10),
    "OR": (3, 0),
    "NV": (3, 1),
    "WY": (3, 2),
    "SD": (3, 3),
    "IA": (3, 4),
    "IN": (3, 5),
    "OH": (3, 6),
    "PA": (3, 7),
    "NJ": (3, 8),
    "CT": (3, 9),
    "CA": (4, 0),
    "UT": (4, 1),
    "CO": (4, 2),
    "NE": (4, 3),
    "MO": (4, 4),
    "KY": (4, 5),
    "WV": (4, 6),
    "VA": (4, 7),
    "MD": (4, 8),
    "DE": (4, 9),
    "AZ": (5, 1),
    "NM": (5, 2),
    "KS": (5, 3),
    "AR": (5, 4),
    "TN": (5, 5),
    "NC": (5, 6),
    "SC": (5, 7),
    "DC": (5, 8),
    "OK": (6, 3),
    "LA": (6, 4),
    "MS": (6, 5),
    "AL": (6, 6),
    "GA": (6, 7),
    "HI": (7, 0),
    "TX": (7, 3),
    "FL": (7, 8),
}

# Measures a reader can map, in the order of the menu. Ranks are the source's own ranking.
MAP_MEASURES = (
    "oews_employment",
    "mean_annual_wage",
    "mean_hourly_wage",
    "median_hourly_wage",
    "projected_change_pct",
    "annual_openings",
    "projected_employment",
    "projection_base_employment",
    "projected_change_jobs",
    "jobs_per_1000",
    "location_quotient",
    "mean_annual_wage_rank",
    "hourly_wage_p10",
    "hourly_wage_p25",
    "hourly_wage_p75",
    "hourly_wage_p90",
)


def _state_rows(figures: pd.DataFrame) -> pd.DataFrame:
    return figures[figures["state_abbr"].isin(STATE_ABBRS)]


def professions(figures: pd.DataFrame) -> list[str]:
    """Groups with at least one state figure, in the usual order."""
    return profession_order(_state_rows(figures)["profession"])


def measures(figures: pd.DataFrame, profession: str) -> list[str]:
    present = set(_state_rows(figures).loc[lambda f: f["profession"] == profession, "measure"])
    return [m for m in MAP_MEASURES if m in present]


def _period_sort(period: str) -> tuple[int, int]:
    match = re.match(r"((?:19|20)\d{2})(?:-(\d{2})(?!\d))?", period)
    return (int(match.group(1)), int(match.group(2) or 0)) if match else (0, 0)


# A period that covers at least this share of the best-covered period's states counts as
# complete: the newest complete period comes first, so that one state a survey suppressed
# does not send the map back to an older year.
NEAR_COMPLETE = 0.9
# A change in percent means something for counts and pay, not for ranks, shares or growth rates.
CHANGE_UNITS = ("jobs", "USD per year", "USD per hour")


def periods(figures: pd.DataFrame, profession: str, measure: str) -> list[tuple[str, int]]:
    """(period, states with a figure) for a profession and measure: the (nearly) best-covered
    periods first, newest first among them; then the others, most states first, then newest."""
    rows = _state_rows(figures)
    rows = rows[(rows["profession"] == profession) & (rows["measure"] == measure)]
    counts = rows.groupby("period")["state_abbr"].nunique()
    if counts.empty:
        return []
    best = int(counts.max())

    def key(item):
        period, n = item
        complete = n >= NEAR_COMPLETE * best
        return (not complete, 0 if complete else -n, tuple(-x for x in _period_sort(period)))

    return [(period, int(n)) for period, n in sorted(counts.items(), key=key)]


def _period_form(period: str) -> str:
    """'month' (YYYY-MM), 'span' (YYYY-YYYY), 'year' or 'other': only periods of one form compare."""
    if re.fullmatch(r"(?:19|20)\d{2}-(?:19|20)\d{2}", period):
        return "span"
    if re.fullmatch(r"(?:19|20)\d{2}-\d{2}", period):
        return "month"
    if re.fullmatch(r"(?:19|20)\d{2}", period):
        return "year"
    return "other"


def prior_period(figures: pd.DataFrame, profession: str, measure: str, period: str) -> str | None:
    """The newest period before `period`, of the same form, with a state figure for this
    profession and measure (for comparison), or None."""
    form = _period_form(period)
    if form == "other":
        return None
    older = [
        p
        for p, _ in periods(figures, profession, measure)
        if _period_form(p) == form and _period_sort(p) < _period_sort(period)
    ]
    return max(older, key=_period_sort) if older else None


def default_period(figures: pd.DataFrame, profession: str, measure: str) -> str | None:
    found = periods(figures, profession, measure)
    return found[0][0] if found else None


def state_view(
    figures: pd.DataFrame, sources: pd.DataFrame, profession: str, measure: str, period: str, _: Translate = identity
) -> pd.DataFrame:
    """All 50 states and DC, alphabetically, with the figure for this profession, measure and
    period where a source gave one, else an empty value. Where two sources give the same
    state and period, the stronger (then dated, then lower id) row is used and the other
    is counted in 'other_figures'."""
    rows = with_tier(_state_rows(figures), sources)
    rows = rows[(rows["profession"] == profession) & (rows["measure"] == measure) & (rows["period"] == period)]
    ranked = rank_official_first(rows)
    best = ranked.drop_duplicates("state_abbr", keep="first").set_index("state_abbr")
    others = ranked.groupby("state_abbr").size() - 1
    out = pd.DataFrame({"state": STATE_NAMES, "state_abbr": STATE_ABBRS})
    for column in (
        "value",
        "unit",
        "reference_period",
        "period_stated",
        "flag",
        "note",
        "tier",
        "source_ids",
        "figure_id",
    ):
        out[column] = out["state_abbr"].map(best[column]) if column in best else None
    out["value"] = pd.to_numeric(out["value"]).astype("float64")
    out["other_figures"] = out["state_abbr"].map(others).fillna(0).astype(int)
    out["shown"] = [_(MISSING) if pd.isna(v) else format_value(v, u, _) for v, u in zip(out["value"], out["unit"])]
    for column in ("unit", "reference_period", "period_stated", "flag", "note", "tier", "source_ids", "figure_id"):
        out[column] = ["" if pd.isna(v) else v for v in out[column]]
    return out


def national_value(
    figures: pd.DataFrame, sources: pd.DataFrame, profession: str, measure: str, period: str
) -> pd.Series | None:
    """The U.S. row for the same profession, measure and period, if a source gave one."""
    rows = with_tier(figures, sources)
    rows = rows[
        (rows["state_abbr"] == "US")
        & (rows["profession"] == profession)
        & (rows["measure"] == measure)
        & (rows["period"] == period)
    ]
    return None if rows.empty else rank_official_first(rows).iloc[0]


def view_table(
    view: pd.DataFrame,
    unit: str = "",
    prior: pd.DataFrame | None = None,
    prior_period: str = "",
    _: Translate = identity,
) -> pd.DataFrame:
    """The state view as the sortable table under the map: missing stays missing (empty).
    The unit is in the figure's column name, so the download says it too. With `prior` (the
    state view of an earlier period), that period's figure and the change in percent are added
    where both periods have a figure; the prior figure's sources are listed too."""
    table = pd.DataFrame(
        {
            _("State"): [_(s) for s in view["state"]],
            _("Figure ({unit})").format(unit=_(unit)) if unit else _("Figure"): view["value"],
            _("In words"): view["shown"],
        }
    )
    if prior is not None:
        before = prior.set_index("state_abbr")["value"].reindex(view["state_abbr"]).to_numpy()
        label = period_label(prior_period, _=_)
        table[f"{label} ({_(unit)})" if unit else label] = before
        if unit in CHANGE_UNITS:
            now = view["value"].to_numpy()
            change = pd.Series((now / before - 1) * 100).where(pd.Series(before > 0))
            table[_("Change since {period} (%)").format(period=label)] = change.round(1).to_numpy()
    table[_("As the source gives the period")] = view["reference_period"].to_numpy()
    table[_("Source tier")] = view["tier"].to_numpy()
    table[_("Caution")] = [_(f) if f else f for f in view["flag"]]
    table[_("Sources")] = view["source_ids"].to_numpy()
    if prior is not None:
        table[_("Sources, {period}").format(period=period_label(prior_period, _=_))] = prior["source_ids"].to_numpy()
    return table


def summary_sentence(
    view: pd.DataFrame, profession: str, measure: str, period: str, stated: str = "yes", _: Translate = identity
) -> str:
    """e.g. 'PT payroll jobs, May 2023: figures for 51 of 51; highest California (24,200 jobs).'"""
    found = view.dropna(subset=["value"])
    label = re.sub(r" \([^)]*\)", "", _(MEASURE_LABELS[measure])).lower()
    head = _("{profession}, {measure}, {period}: figures for {count} of 51 states and DC").format(
        profession=_(profession), measure=label, period=period_label(period, stated, _), count=len(found)
    )
    if found.empty:
        return head + "."
    ascending = measure == "mean_annual_wage_rank"  # rank 1 is the best-paid
    top = found.sort_values("value", ascending=ascending, kind="stable").iloc[0]
    word = _("Best-paid") if ascending else _("Highest")
    missing = 51 - len(found)
    tail = _("; {count} have no figure in our sources").format(count=missing) if missing else ""
    return f"{head}{tail}. {word}: {_(top['state'])} ({top['shown']})."


# Column names of the coverage table, shown through `_`.
COVERAGE_COLUMNS = (
    N_("Profession"),
    N_("Measure"),
    N_("Period"),
    N_("States and DC with a figure"),
    N_("Missing"),
)


def coverage(figures: pd.DataFrame, _: Translate = identity) -> pd.DataFrame:
    """States and DC with a figure, for every profession, measure and period (most first)."""
    rows = _state_rows(figures)
    grouped = rows.groupby(["profession", "measure", "period"])["state_abbr"].agg(lambda s: set(s))
    out = []
    for (profession, measure, period), have in grouped.items():
        missing = [a for a in STATE_ABBRS if a not in have]
        out.append(
            {
                "Profession": profession,
                "Measure": _(MEASURE_LABELS[measure]),
                "Period": period_label(period, _=_),
                "States and DC with a figure": len(have),
                "Missing": ", ".join(missing) if len(missing) <= 30 else _("{n} states").format(n=len(missing)),
                "_measure": measure,
            }
        )
    frame = pd.DataFrame(out)
    frame["_p"] = profession_rank(frame["Profession"])
    frame = frame.sort_values(["_p", "States and DC with a figure"], ascending=[True, False], kind="stable")
    frame = frame.drop(columns=["_p", "_measure"]).reset_index(drop=True)
    frame["Profession"] = [_(p) for p in frame["Profession"]]  # ranked by the codes above, shown translated
    return frame.rename(columns={c: _(c) for c in frame.columns})


def state_detail(figures: pd.DataFrame, sources: pd.DataFrame, state: str, _: Translate = identity) -> pd.DataFrame:
    """Every figure a source gave for one state: all professions, measures and periods."""
    rows = with_tier(figures[figures["state"] == state], sources)
    rows = rows.assign(
        _p=profession_rank(rows["profession"]),
        _m=rows["measure"].map({m: i for i, m in enumerate(MAP_MEASURES)}),
        _t=[tuple(-x for x in _period_sort(p)) for p in rows["period"]],
    ).sort_values(["_p", "_m", "_t"], kind="stable")
    return pd.DataFrame(
        {
            _("Profession"): [_(p) for p in rows["profession"]],
            _("Measure"): [_(MEASURE_LABELS[m]) for m in rows["measure"]],
            _("Figure"): [format_value(v, u, _) for v, u in zip(rows["value"], rows["unit"])],
            _("Period"): [period_label(p, s, _) for p, s in zip(rows["period"], rows["period_stated"])],
            _("As the source gives the period"): rows["reference_period"],
            _("Source tier"): rows["tier"],
            _("Caution"): [_(f) if f else f for f in rows["flag"]],
            _("Sources"): rows["source_ids"],
        }
    ).reset_index(drop=True)
