"""The careers views: pay, jobs, outlook, settings and trends for OT, OTA, PT and PTA.

Pure pandas, no Streamlit. Every function takes validated tables (components/loader.py)
and returns a tidy frame for one chart or table; labels, units, tiers and the rule that
picks one figure are in components/figures.py. Rules that matter to a reader:

- The two employment counts are never mixed: `oews_employment` (the OEWS wage survey:
  wage and salary jobs, excludes the self-employed) and `ep_jobs` (the BLS projections
  count the handbook calls "number of jobs": includes the self-employed).
- Where several sources give a figure, the quick facts show the official one first
  (components/figures.py: strongest tier, then newest) and name a newer third-party figure
  beside it; every other figure stays visible in the tables and the conflicts list.
- Nothing missing is filled in: a profession with no figure shows "Not found in our sources".
"""

from __future__ import annotations

import pandas as pd

from components import figures
from components.figures import (
    FALLBACK_GROUP,
    MEASURE_LABELS,
    NOT_FOUND,
    PROFESSION_NAMES,
    format_value,
    period_label,
    profession_rank,
    with_tier,
)
from components.i18n import N_, Translate, identity
from components.loader import split_list
from components.schema import PROFESSIONS_WITH_ASSISTANTS

# --- quick facts (the handbook's standard form) ----------------------------------------------

# (row label, measure) for numbers; (row label, [(topic, attribute or None), ...]) for
# education facts, tried in order; None as attribute means "the first row of that topic".
QUICK_FACT_ROWS: tuple[tuple[str, str, object], ...] = (
    (N_("Median pay"), "national", "median_annual_wage"),
    (N_("Median pay per hour"), "national", "median_hourly_wage"),
    (N_("Entry-level degree"), "education", [("Entry degree", "Entry-level degree")]),
    (N_("Typical entry-level education (BLS)"), "education", [("Entry degree", "Typical entry-level education (BLS)")]),
    (
        N_("Work experience in a related job (BLS)"),
        "education",
        [("Entry degree", "Work experience in a related occupation (BLS)")],
    ),
    (N_("On-the-job training (BLS)"), "education", [("Entry degree", "On-the-job training (BLS)")]),
    (N_("Program length"), "education", [("Program length", "Typical program length")]),
    (N_("Licensing exam"), "education", [("Licensing exam", "Exam and who runs it"), ("Exam format", None)]),
    (N_("Number of jobs (BLS projections; includes self-employed)"), "national", "ep_jobs"),
    (N_("Payroll jobs (OEWS wage survey; excludes self-employed)"), "national", "oews_employment"),
    (N_("Job outlook: growth over 10 years"), "national", "projected_change_pct"),
    (N_("Change in jobs over 10 years"), "national", "projected_change_jobs"),
    (N_("Openings each year, on average"), "national", "annual_openings"),
)


def _national_cell(
    row: pd.Series,
    stands_in: str | None = None,
    newer: pd.Series | None = None,
    periods_differ: bool = False,
    _: Translate = identity,
) -> str:
    parts = [format_value(row["value"], row["unit"], _), period_label(row["period"], row["period_stated"], _)]
    if stands_in:
        name = PROFESSION_NAMES[stands_in]
        shown = _(name)
        parts.append((name.replace("OT ", "").replace("PT ", "") if shown == name else shown).lower())
    if row.get("flag") == "doubtful":
        parts.append(_("doubtful"))
    parts.append(_("tier {tier}").format(tier=row["tier"]))
    if newer is not None:
        parts.append(
            figures.newer_note(
                newer, format_value(newer["value"], newer["unit"], _), period_label(newer["period"], _=_), _
            )
        )
    if periods_differ:
        parts.append(_(PERIODS_DIFFER))
    return " · ".join(parts)


# What a quick-facts cell says when its row cannot show one period for every profession.
PERIODS_DIFFER = "not the same period as the other columns: our sources have no shared one"


def _national_rows(national: pd.DataFrame, professions, measure: str) -> tuple[pd.DataFrame, dict[str, str]]:
    """The rows of one measure for the professions; an assistant group with none borrows the
    group counted together with aides (relabelled), recorded in the returned {profession: group}."""
    parts, stands_in = [], {}
    for profession in professions:
        rows = national[(national["profession"] == profession) & (national["measure"] == measure)]
        if rows.empty and profession in FALLBACK_GROUP:
            group = FALLBACK_GROUP[profession]
            rows = national[(national["profession"] == group) & (national["measure"] == measure)]
            if not rows.empty:
                stands_in[profession] = group
                rows = rows.assign(profession=profession)
        parts.append(rows)
    return pd.concat(parts) if parts else national.iloc[:0], stands_in


def _education_row(education: pd.DataFrame, profession: str, lookups) -> dict | None:
    rows = education[education["profession"] == profession]
    for topic, attribute in lookups:
        match = rows[(rows["topic"] == topic) & ((rows["attribute"] == attribute) if attribute else True)]
        if not match.empty:
            return {**match.iloc[0].to_dict(), "_fallback": attribute is None}
    return None


def _education_cell(row: dict, _: Translate = identity) -> str:
    text = f"{row['attribute']}: {row['value']}" if row["_fallback"] else str(row["value"])
    as_of = str(row["as_of"])
    if as_of and as_of != "undated":
        text += f" · {as_of}"
    return f"{text} · " + _("tier {tier}").format(tier=row["tier"])


def _shown_text(row: dict, shown: pd.DataFrame | None) -> dict:
    """The row found in the English table, with the text of the same fact in the table shown
    (the reader's language), looked up by fact_id: facts are found by their English words."""
    if shown is None:
        return row
    match = shown[shown["fact_id"] == row["fact_id"]]
    if match.empty:
        return row
    first = match.iloc[0]
    return {**row, **{c: first[c] for c in ("attribute", "value", "as_of", "note") if c in first}}


def quick_facts(
    national: pd.DataFrame,
    education: pd.DataFrame,
    sources: pd.DataFrame,
    professions: tuple[str, ...] = PROFESSIONS_WITH_ASSISTANTS,
    _: Translate = identity,
    shown: pd.DataFrame | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(table, cited): the quick-facts table (a Fact column, then one column per profession in
    the order given) and the rows it shows, with their source_ids, for the sources footer."""
    national = with_tier(national, sources)
    education = with_tier(education, sources)
    table, cited = [], []
    for label, kind, key in QUICK_FACT_ROWS:
        line = {_("Fact"): _(label)}
        if kind == "national":
            rows, stands_in = _national_rows(national, professions, key)
            picks = figures.pick_same_period(rows, professions, key)
            differ = figures.periods_differ(picks)
        for profession in professions:
            cell = _(NOT_FOUND)
            if kind == "national":
                found = picks.get(profession)
                if found is not None:
                    cell = _national_cell(found.shown, stands_in.get(profession), found.newer, differ, _)
                    cited.append(found.shown["source_ids"])
            else:
                row = _education_row(education, profession, key)
                if row is not None:
                    cell = _education_cell(_shown_text(row, shown), _)
                    cited.append(row["source_ids"])
            line[profession] = cell
        table.append(line)
    return pd.DataFrame(table), pd.DataFrame({"source_ids": cited})


def quick_summary(
    national: pd.DataFrame, sources: pd.DataFrame, professions: tuple[str, ...], _: Translate = identity
) -> str:
    """One sentence: the median pay of each chosen profession, official figures first."""
    national = with_tier(national, sources)
    picks = figures.pick_same_period(national, professions, "median_annual_wage")
    parts = []
    for profession in professions:
        found = picks.get(profession)
        if found is None:
            continue
        pay = found.shown
        inferred = "" if pay["period_stated"] == "yes" else ", " + _("date inferred")
        text = f"{profession} ${pay['value']:,.0f} ({period_label(pay['period'], _=_)}{inferred}, " + _(
            "tier {tier}"
        ).format(tier=pay["tier"])
        if found.newer is not None:
            newer = found.newer
            text += "; " + figures.newer_note(newer, f"${newer['value']:,.0f}", period_label(newer["period"], _=_), _)
        parts.append(text + ")")
    if not parts:
        return _("No median pay was found for the professions you chose.")
    tail = " " + _("Dates differ between columns, so compare with care.") if figures.periods_differ(picks) else ""
    return _("Median pay, official figures first:") + " " + "; ".join(parts) + "." + tail


# --- pay ranges -------------------------------------------------------------------------------

PERCENTILES = ("p10", "p25", "p50", "p75", "p90")


def pay_ranges(
    national: pd.DataFrame, sources: pd.DataFrame, professions: tuple[str, ...], _: Translate = identity
) -> pd.DataFrame:
    """One row per profession, period and source with yearly pay percentiles.

    Needs at least the 10th, 50th and 90th percentiles; the 25th and 75th are kept when
    given. A median stated as 'median_annual_wage' stands in for a missing 50th percentile
    from the same source and period. Newest first within each profession.
    """
    national = with_tier(national, sources)
    rows = national[national["profession"].isin(professions)]
    out = []
    for (profession, period, cited), group in rows.groupby(["profession", "period", "source_ids"], sort=False):
        values = dict(zip(group["measure"], group["value"]))
        found = {p: values.get(f"annual_wage_{p}") for p in PERCENTILES}
        if found["p50"] is None:
            found["p50"] = values.get("median_annual_wage")
        if any(found[p] is None for p in ("p10", "p50", "p90")):
            continue
        first = group.iloc[0]
        out.append(
            {
                "profession": profession,
                "period": period,
                "period_label": period_label(period, first["period_stated"], _),
                **{p: (float("nan") if v is None else float(v)) for p, v in found.items()},
                "tier": first["tier"],
                "source_ids": cited,
            }
        )
    frame = pd.DataFrame(out, columns=["profession", "period", "period_label", *PERCENTILES, "tier", "source_ids"])
    if frame.empty:
        return frame
    frame["_p"] = profession_rank(frame["profession"])
    frame["_t"] = [figures.period_key(p) for p in frame["period"]]
    frame = frame.sort_values(["_p", "_t"], ascending=[True, False], kind="stable").drop(columns=["_p", "_t"])
    return frame.reset_index(drop=True)


PAY_COLUMNS = (
    N_("Lowest-paid 10% earn less than"),
    N_("25th percentile"),
    N_("Median (half earn more)"),
    N_("75th percentile"),
    N_("Top 10% earn more than"),
)


def pay_range_table(ranges: pd.DataFrame, _: Translate = identity) -> pd.DataFrame:
    """The pay ranges as the table under the chart: words and dollars (PAY_COLUMNS, in dollars)."""
    table = pd.DataFrame(
        {
            _("Profession"): ranges["profession"],
            _("Period"): ranges["period_label"],
            **{_(label): ranges[p] for label, p in zip(PAY_COLUMNS, PERCENTILES)},
            _("Source tier"): ranges["tier"],
            _("Sources"): ranges["source_ids"],
        }
    )
    return table


# --- jobs and outlook -------------------------------------------------------------------------

JOB_MEASURES = ("ep_jobs", "oews_employment")


def job_counts(
    national: pd.DataFrame, sources: pd.DataFrame, professions: tuple[str, ...], _: Translate = identity
) -> pd.DataFrame:
    """The newest figure of each employment count for each profession: two measures, never one series."""
    national = with_tier(national, sources)
    out = []
    for profession in professions:
        for measure in JOB_MEASURES:
            row = figures.pick_row(national, profession, measure)
            if row is not None:
                out.append(
                    {
                        "profession": profession,
                        "measure": measure,
                        "count": _(MEASURE_LABELS[measure]),
                        "value": row["value"],
                        "period_label": period_label(row["period"], row["period_stated"], _),
                        "tier": row["tier"],
                        "source_ids": row["source_ids"],
                    }
                )
    return pd.DataFrame(out, columns=["profession", "measure", "count", "value", "period_label", "tier", "source_ids"])


def outlook(
    national: pd.DataFrame, sources: pd.DataFrame, professions: tuple[str, ...], _: Translate = identity
) -> pd.DataFrame:
    """Projected growth (%) and openings per year by projection decade, one row per group and decade.

    For OTA and PTA, groups counted together with aides are added (and named so) when a
    source only gives those. Within a group and decade the strongest source wins.
    """
    national = with_tier(national, sources)
    groups = list(professions) + [FALLBACK_GROUP[p] for p in professions if p in FALLBACK_GROUP]
    rows = national[
        national["profession"].isin(groups) & national["measure"].isin(("projected_change_pct", "annual_openings"))
    ]
    out = []
    for (profession, period), group in rows.groupby(["profession", "period"], sort=False):
        line = {"profession": profession, "period": period, "growth_pct": float("nan"), "openings": float("nan")}
        cited = []
        for measure, column in (("projected_change_pct", "growth_pct"), ("annual_openings", "openings")):
            best = figures.rank_official_first(group[group["measure"] == measure])
            if not best.empty:
                line[column] = float(best.iloc[0]["value"])
                line["tier"] = best.iloc[0]["tier"]
                cited.append(best.iloc[0]["source_ids"])
        line["period_label"] = period_label(period, _=_)
        line["source_ids"] = "; ".join(dict.fromkeys(s for cell in cited for s in split_list(cell)))
        out.append(line)
    frame = pd.DataFrame(
        out, columns=["profession", "period", "period_label", "growth_pct", "openings", "tier", "source_ids"]
    )
    if frame.empty:
        return frame
    frame["_p"] = profession_rank(frame["profession"])
    frame["_t"] = [figures.period_key(p) for p in frame["period"]]
    frame = frame.sort_values(["_p", "_t"], ascending=[True, False], kind="stable").drop(columns=["_p", "_t"])
    return frame.reset_index(drop=True)


# --- settings ---------------------------------------------------------------------------------


def setting_shares(
    settings: pd.DataFrame, sources: pd.DataFrame, professions: tuple[str, ...], _: Translate = identity
) -> pd.DataFrame:
    """For each profession, the newest U.S. 'share of jobs' list from one source (largest share first)."""
    settings = with_tier(settings, sources)
    rows = settings[(settings["measure"] == "share_of_jobs") & (settings["geography"] == "United States")]
    out = []
    for profession in professions:
        mine = rows[rows["profession"] == profession]
        if mine.empty:
            continue
        sets = (
            mine.assign(flag="")
            .groupby(["period", "source_ids"], sort=False)
            .first()
            .reset_index()[["setting_id", "period", "tier", "period_stated", "flag", "source_ids"]]
        )
        best = figures.rank_official_first(sets).iloc[0]
        chosen = mine[(mine["period"] == best["period"]) & (mine["source_ids"] == best["source_ids"])]
        chosen = chosen.sort_values("value", ascending=False, kind="stable")
        for row in chosen.itertuples():
            out.append(
                {
                    "profession": profession,
                    "setting": row.setting,
                    "share": float(row.value),
                    "period_label": period_label(row.period, row.period_stated, _),
                    "reference_period": row.reference_period,
                    "tier": row.tier,
                    "source_ids": row.source_ids,
                }
            )
    return pd.DataFrame(
        out, columns=["profession", "setting", "share", "period_label", "reference_period", "tier", "source_ids"]
    )


def settings_table(settings: pd.DataFrame, professions: tuple[str, ...], _: Translate = identity) -> pd.DataFrame:
    """Every settings row for the chosen professions, in words, for the table under the chart."""
    rows = settings[settings["profession"].isin(professions)]
    return pd.DataFrame(
        {
            _("Profession"): rows["profession"],
            _("Where"): [_(g) for g in rows["geography"]],
            _("Setting or industry"): rows["setting"],
            _("Measure"): [_(MEASURE_LABELS[m]) for m in rows["measure"]],
            _("Value"): [format_value(v, u, _) for v, u in zip(rows["value"], rows["unit"])],
            _("Period"): [period_label(p, s, _) for p, s in zip(rows["period"], rows["period_stated"])],
            _("As the source gives the period"): rows["reference_period"],
            _("Note"): rows["note"],
            _("Sources"): rows["source_ids"],
        }
    ).reset_index(drop=True)


# --- trends -----------------------------------------------------------------------------------

TREND_CHOICES = {
    "Median pay per year": "median_annual_wage",
    "Payroll jobs (OEWS wage survey)": "oews_employment",
    "Number of jobs (BLS projections)": "ep_jobs",
    "Projected growth over 10 years": "projected_change_pct",
}


def trend_points(
    trends: pd.DataFrame, sources: pd.DataFrame, series: str, professions: tuple[str, ...]
) -> pd.DataFrame:
    """U.S. points of one series for the chosen professions; 'on_chart' marks one point per
    profession and year (strongest tier, then stated period, then not doubtful). The others
    stay in the table, so that disagreeing sources are visible."""
    trends = with_tier(trends, sources)
    rows = trends[
        (trends["series"] == series) & (trends["geography"] == "United States") & trends["profession"].isin(professions)
    ].copy()
    if rows.empty:
        return rows.assign(on_chart=pd.Series(dtype=bool))
    rows["period"] = rows["year"].astype(str)
    ranked = figures.rank_official_first(rows)
    first = ~ranked.duplicated(["profession", "year"], keep="first")
    rows["on_chart"] = first.reindex(rows.index)
    rows = rows.drop(columns=["period"])
    rows["_p"] = profession_rank(rows["profession"])
    return (
        rows.sort_values(["_p", "year", "on_chart"], ascending=[True, True, False], kind="stable")
        .drop(columns="_p")
        .reset_index(drop=True)
    )


def trend_table(points: pd.DataFrame, _: Translate = identity) -> pd.DataFrame:
    year_label = _("First year of the projection") if (points["series"] == "projected_change_pct").any() else _("Year")
    return pd.DataFrame(
        {
            _("Profession"): points["profession"],
            year_label: points["year"],
            _("Value"): [format_value(v, u, _) for v, u in zip(points["value"], points["unit"])],
            _("As the source gives the period"): points["reference_period"],
            _("On the chart"): points["on_chart"].map({True: _("yes"), False: _("no (another source is used)")}),
            _("Source tier"): points["tier"],
            _("Note"): points["note"],
            _("Sources"): points["source_ids"],
        }
    )


# --- conflicts --------------------------------------------------------------------------------


def disagreements(frame: pd.DataFrame, sources: pd.DataFrame, keys: tuple[str, ...], id_column: str) -> pd.DataFrame:
    """Groups of rows with the same keys (e.g. profession, measure, period) but different values.

    Returns one row per figure in such a group, with a 'group' number, so both (or all)
    sides can be shown together.
    """
    frame = with_tier(frame, sources)
    out = []
    number = 0
    for key, group in frame.groupby(list(keys), sort=False):
        if group["value"].nunique() < 2:
            continue
        number += 1
        for row in group.itertuples():
            out.append(
                {
                    "group": number,
                    **dict(zip(keys, key if isinstance(key, tuple) else (key,))),
                    "id": getattr(row, id_column),
                    "value": row.value,
                    "unit": row.unit,
                    "reference_period": row.reference_period,
                    "flag": row.flag,
                    "note": row.note,
                    "tier": row.tier,
                    "source_ids": row.source_ids,
                }
            )
    return pd.DataFrame(out)


# The conflicts table's columns, shown through `_`.
CONFLICT_COLUMNS = (
    N_("Question"),
    N_("Figure"),
    N_("As the source gives the period"),
    N_("Source tier"),
    N_("Caution"),
    N_("Note"),
    N_("Sources"),
)


def conflict_table(
    national: pd.DataFrame, trends: pd.DataFrame, sources: pd.DataFrame, _: Translate = identity
) -> pd.DataFrame:
    """Every pair (or set) of figures that disagree, side by side, in words."""
    a = disagreements(national, sources, ("profession", "measure", "period"), "figure_id")
    b = disagreements(
        trends[trends["geography"] == "United States"], sources, ("profession", "series", "year"), "point_id"
    )
    if not a.empty and not b.empty:
        # A trend point often repeats a national figure: list each disagreement once.
        seen = {(p, m, frozenset(g["value"])) for (p, m, _), g in a.groupby(["profession", "measure", "period"])}
        repeat = {
            n
            for n, g in b.groupby("group")
            if (g["profession"].iloc[0], g["series"].iloc[0], frozenset(g["value"])) in seen
        }
        b = b[~b["group"].isin(repeat)]
    parts = []
    offset = 0
    if not a.empty:
        parts.append(
            pd.DataFrame(
                {
                    "Question": [
                        f"{p}: {_(MEASURE_LABELS[m])}, {period_label(t, _=_)}"
                        for p, m, t in zip(a["profession"], a["measure"], a["period"])
                    ],
                    "_group": a["group"],
                    "Figure": [format_value(v, u, _) for v, u in zip(a["value"], a["unit"])],
                    "As the source gives the period": a["reference_period"],
                    "Source tier": a["tier"],
                    "Caution": [_(f) if f else f for f in a["flag"]],
                    "Note": a["note"],
                    "Sources": a["source_ids"],
                }
            )
        )
        offset = int(a["group"].max())
    if not b.empty:
        parts.append(
            pd.DataFrame(
                {
                    "Question": [
                        f"{p}: {_(MEASURE_LABELS[s])}, {y}" for p, s, y in zip(b["profession"], b["series"], b["year"])
                    ],
                    "_group": b["group"] + offset,
                    "Figure": [format_value(v, u, _) for v, u in zip(b["value"], b["unit"])],
                    "As the source gives the period": b["reference_period"],
                    "Source tier": b["tier"],
                    "Caution": [_(f) if f else f for f in b["flag"]],
                    "Note": b["note"],
                    "Sources": b["source_ids"],
                }
            )
        )
    if not parts:
        return pd.DataFrame(columns=[_(c) for c in CONFLICT_COLUMNS])
    table = pd.concat(parts, ignore_index=True).sort_values(["_group"], kind="stable")
    table = table.drop(columns="_group").reset_index(drop=True)
    return table.rename(columns={c: _(c) for c in table.columns})


def workforce_outlook_facts(education: pd.DataFrame) -> pd.DataFrame:
    """The education rows on the future supply of therapists (e.g. HRSA's shortage, APTA's surplus)."""
    return education[education["topic"] == "Workforce outlook"].reset_index(drop=True)


def education_table(
    education: pd.DataFrame, professions: tuple[str, ...], topics: tuple[str, ...], _: Translate = identity
) -> pd.DataFrame:
    """Education and licensure facts for the chosen professions and topics, in the table's order."""
    rows = education[education["profession"].isin(professions) & education["topic"].isin(topics)].copy()
    rows["_t"] = rows["topic"].map({t: i for i, t in enumerate(topics)})
    rows["_p"] = profession_rank(rows["profession"])
    rows = rows.sort_values(["_t", "_p"], kind="stable")
    return pd.DataFrame(
        {
            _("Topic"): [_(t) for t in rows["topic"]],
            _("Profession"): rows["profession"],
            _("What"): rows["attribute"],
            _("Fact"): rows["value"],
            _("As of"): rows["as_of"],
            _("Note"): rows["note"],
            _("Sources"): rows["source_ids"],
        }
    ).reset_index(drop=True)


# --- chart titles that state the finding --------------------------------------------------------


def _short_period(label: str, _: Translate = identity) -> str:
    return label.replace(" " + _("(inferred)"), ", " + _("date inferred"))


def pay_title(ranges: pd.DataFrame, _: Translate = identity) -> str:
    top = ranges.sort_values("p50", ascending=False, kind="stable").iloc[0]
    return _("Highest median: {profession}, {amount} a year ({period}). Lines: 10th to 90th percentile").format(
        profession=top["profession"], amount=f"${top['p50']:,.0f}", period=_short_period(top["period_label"], _)
    )


def jobs_title(counts: pd.DataFrame, _: Translate = identity) -> str:
    top = counts.sort_values("value", ascending=False, kind="stable").iloc[0]
    return _("Most jobs: {profession}, {count} ({period}). Two counts, kept apart").format(
        profession=top["profession"], count=f"{top['value']:,.0f}", period=_short_period(top["period_label"], _)
    )


def outlook_title(outlook: pd.DataFrame, column: str, _: Translate = identity) -> str:
    rows = outlook.dropna(subset=[column])
    top = rows.sort_values(column, ascending=False, kind="stable").iloc[0]
    if column == "growth_pct":
        return _("Fastest projected growth: {profession}, {pct}% over {period}").format(
            profession=_(top["profession"]), pct=f"{top[column]:g}", period=top["period_label"]
        )
    return _("Most openings each year: {profession}, {count} ({period})").format(
        profession=_(top["profession"]), count=f"{top[column]:,.0f}", period=top["period_label"]
    )


def rate_kind(attribute: str) -> str:
    """Which kind of pass rate a fact describes (from its English attribute); the kinds are not
    comparable with each other."""
    text = attribute.lower()
    if "new-graduate" in text:
        return N_("New-graduate rate (NBCOT)")
    if "ultimate" in text:
        return N_("Ultimate rate, after any number of attempts (FSBPT)")
    if "first-time" in text:
        return N_("First-time rate")
    return N_("Rate of another kind")


def pass_rates(
    education: pd.DataFrame,
    professions: tuple[str, ...],
    _: Translate = identity,
    shown: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The pass-rate facts of the chosen professions, each with the kind of rate it is. The kind
    is read from the English table; `shown` (the same table in the reader's language) gives the
    text shown, by fact_id."""
    rows = education[(education["topic"] == "Pass rate") & education["profession"].isin(professions)].copy()
    rows["_p"] = profession_rank(rows["profession"])
    rows = rows.sort_values("_p", kind="stable")
    text = rows if shown is None else shown.set_index("fact_id").loc[rows["fact_id"]].reset_index()
    return pd.DataFrame(
        {
            _("Profession"): rows["profession"].to_numpy(),
            _("Kind of rate"): [_(rate_kind(a)) for a in rows["attribute"]],
            _("Rate"): text["value"].to_numpy(),
            _("As of"): text["as_of"].to_numpy(),
            _("Sources"): rows["source_ids"].to_numpy(),
        }
    ).reset_index(drop=True)
