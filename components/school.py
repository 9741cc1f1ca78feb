"""Becoming an OT, OTA, PT or PTA: the school path side by side.

Pure pandas, no Streamlit. Every function takes validated tables (components/loader.py)
and returns a tidy frame for one chart or table. Rules that matter to a reader:

- Missing stays missing: a stage with no length, a cost no source gives, a cycle without
  an acceptance rate is shown as "not given", never as zero and never estimated.
- First-time and ultimate pass rates are different measures: a series holds one measure.
- Pay to compare costs with is the national median pay per year, official (tier A)
  figures first, then the newest: a newer third-party figure never replaces BLS.
- Every figure keeps its period and its sources.
"""

from __future__ import annotations

import math
import re

import pandas as pd

from components.figures import TIER_RANK, period_label, profession_rank, with_tier
from components.i18n import N_, Translate, identity
from components.schema import ROUTES, TIERS

ROUTE_NAMES = {
    "OT": "Occupational therapist (OT)",
    "OTA": "Occupational therapy assistant (OTA)",
    "PT": "Physical therapist (PT)",
    "PTA": "Physical therapist assistant (PTA)",
}
NOT_GIVEN = "Not given in our sources"
INSTITUTION_CHOICES = ("All", "Public", "Private")
TUITION_MEASURES = ("Tuition and fees per year", "Tuition and fees whole program")
DEBT_MEASURES = ("Graduate debt median", "Graduate debt mean")
FEE_MEASURES = ("Exam fee", "Exam retake fee")
SHORT_COST = {
    "Tuition and fees per year": "Tuition and fees per year",
    "Tuition and fees whole program": "Tuition and fees, whole program",
    "Graduate debt median": "Graduate debt, median",
    "Graduate debt mean": "Graduate debt, mean",
}
COUNT_MEASURES = ("Applicants", "Applications", "Accepted applicants")
STATUS_ORDER = ("Accredited", "Candidate", "Applicant", "Developing", "All")
DEGREE_ORDER = (
    "Entry-level OTD",
    "Entry-level master's",
    "OTA associate",
    "OTA bachelor's",
    "DPT",
    "PTA associate",
    "All",
)


# --- small helpers ---------------------------------------------------------------------------


def routes_in_order(routes) -> tuple[str, ...]:
    """The known routes among `routes`, in the usual order (OT, OTA, PT, PTA)."""
    chosen = set(routes)
    return tuple(r for r in ROUTES if r in chosen)


def _for_routes(frame: pd.DataFrame, routes) -> pd.DataFrame:
    out = frame[frame["route"].isin(routes_in_order(routes))].copy()
    out.attrs = {}
    out["_route"] = profession_rank(out["route"])
    return out


def period_key(period: str) -> tuple[int, int, int]:
    """Sort key for as-of periods: year, month, day; a span ('2021-2022') sorts by its last year."""
    text = str(period)
    span = re.fullmatch(r"((?:19|20)\d{2})-((?:19|20)\d{2})", text)
    if span:
        return int(span.group(2)), 0, 0
    match = re.match(r"((?:19|20)\d{2})(?:-(\d{2}))?(?:-(\d{2}))?", text)
    if not match:
        return 0, 0, 0
    return int(match.group(1)), int(match.group(2) or 0), int(match.group(3) or 0)


def period_date(period: str) -> pd.Timestamp | None:
    """A point on a time axis for an as-of period, or None when undated."""
    year, month, day = period_key(period)
    if not year:
        return None
    return pd.Timestamp(year=year, month=month or 1, day=day or 1)


def money(value: float) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return NOT_GIVEN
    return f"${value:,.0f}"


def _years(value: float) -> str:
    return f"{value:g}"


def years_text(low: float, high: float, _: Translate = identity) -> str:
    """'4 years', '2 to 3 years', or NOT_GIVEN when neither is known."""
    low_missing, high_missing = pd.isna(low), pd.isna(high)
    if low_missing and high_missing:
        return _(NOT_GIVEN)
    if low_missing or high_missing or low == high:
        value = high if low_missing else low
        return (_("{n} year") if value == 1 else _("{n} years")).format(n=_years(value))
    return _("{low} to {high} years").format(low=_years(low), high=_years(high))


def in_sentence(label: str) -> str:
    """A stage label inside a sentence: 'Bachelor's degree' -> 'bachelor's degree'. A label
    that starts with an acronym ('NBCOT exam') or holds a proper name ('Doctor of Physical
    Therapy') keeps its capitals."""
    words = re.sub(r"\([^)]*\)", "", label).split()
    if not words or (len(words[0]) > 1 and words[0].isupper()):
        return label
    if any(w[:1].isupper() and not w.isupper() for w in words[1:]):
        return label
    return label[:1].lower() + label[1:]


def short_period(label: str, _: Translate = identity) -> str:
    """'May 2024 (inferred)' -> 'May 2024, date inferred': no brackets inside brackets."""
    return label.replace(" " + _("(inferred)"), ", " + _("date inferred"))


def empty_table(schema) -> pd.DataFrame:
    """A table with the schema's columns and no rows: stands in for a file that failed to load,
    so that the other sections still draw."""
    kinds = {"int": "Int64", "number": "float64"}
    return pd.DataFrame({c.name: pd.Series(dtype=kinds.get(c.kind, "object")) for c in schema.columns})


# --- the path from high school to a licence -----------------------------------------------------


def path_stages(path: pd.DataFrame, routes, _: Translate = identity) -> pd.DataFrame:
    """Each route's stages in order, with where each starts on the shortest usual path.

    A stage's drawn length is its shortest usual length (years_min, else years_max). A
    stage with no length in years (an exam, a licence, fieldwork inside a degree) has no
    length: it sits at the point where the stages before it end.
    """
    rows = _for_routes(path, routes).sort_values(["_route", "stage_order"], kind="stable")
    rows["length"] = rows["years_min"].fillna(rows["years_max"])
    rows["start"] = rows.groupby("route")["length"].transform(lambda s: s.fillna(0).cumsum().shift(fill_value=0))
    rows["length_text"] = [years_text(lo, hi, _) for lo, hi in zip(rows["years_min"], rows["years_max"])]
    return rows.drop(columns="_route").reset_index(drop=True)


def path_totals(path: pd.DataFrame, routes) -> pd.DataFrame:
    """Per route: the years from high school to a licence, shortest and longest usual path.

    A stage given only one bound counts that bound on both paths. 'complete' is False when
    a stage that takes time (a degree) has no length at all, so that the total is a floor.
    """
    stages = path_stages(path, routes)
    out = []
    for route in routes_in_order(routes):
        part = stages[stages["route"] == route]
        if part.empty:
            continue
        low = part["years_min"].fillna(part["years_max"])
        high = part["years_max"].fillna(part["years_min"])
        out.append(
            {
                "route": route,
                "years_min": float(low.sum()) if low.notna().any() else float("nan"),
                "years_max": float(high.sum()) if high.notna().any() else float("nan"),
                "weeks": float(part["weeks"].sum()) if part["weeks"].notna().any() else float("nan"),
                "stages": len(part),
            }
        )
    return pd.DataFrame(out, columns=["route", "years_min", "years_max", "weeks", "stages"])


def path_table(stages: pd.DataFrame) -> pd.DataFrame:
    """The timeline as a table: one row per stage, missing lengths left empty."""
    return pd.DataFrame(
        {
            "Route": stages["route"],
            "Step": stages["stage_order"],
            "Stage": stages["stage"],
            "Years (shortest)": stages["years_min"],
            "Years (longest)": stages["years_max"],
            "Weeks of fieldwork or clinical education": stages["weeks"],
            "What it involves": stages["detail"],
            "As of": stages["as_of"],
            "Note": stages["note"],
            "Sources": stages["source_ids"],
        }
    ).reset_index(drop=True)


# --- programs -------------------------------------------------------------------------------


def latest_programs(programs: pd.DataFrame, sources: pd.DataFrame, routes, _: Translate = identity) -> pd.DataFrame:
    """For each route and degree, the counts of one snapshot: the strongest source tier, then the
    newest date, then the lowest id; every status of that snapshot is kept. Degree 'All' is left
    out where a route has counts by degree. Ordered by route, degree, status."""
    rows = with_tier(_for_routes(programs, routes), sources)
    by_degree = set(rows.loc[rows["degree"] != "All", "route"])
    rows = rows[~((rows["degree"] == "All") & rows["route"].isin(by_degree))]
    ranked = rows.assign(
        _tier=rows["tier"].map(TIER_RANK).fillna(len(TIERS)),
        _when=[tuple(-x for x in period_key(p)) for p in rows["as_of"]],
    ).sort_values(["_tier", "_when", "row_id"], kind="stable")
    best = ranked.drop_duplicates(["route", "degree"], keep="first").set_index(["route", "degree"])
    chosen = {((r, d), a, s) for (r, d), a, s in zip(best.index, best["as_of"], best["source_ids"])}
    keep = [
        ((r, d), a, s) in chosen
        for r, d, a, s in zip(ranked["route"], ranked["degree"], ranked["as_of"], ranked["source_ids"])
    ]
    rows = ranked[pd.Series(keep, index=ranked.index, dtype=bool)].drop_duplicates(
        ["route", "degree", "status"], keep="first"
    )
    rows["_degree"] = rows["degree"].map({d: i for i, d in enumerate(DEGREE_ORDER)})
    rows["_status"] = rows["status"].map({s: i for i, s in enumerate(STATUS_ORDER)})
    rows = rows.sort_values(["_route", "_degree", "_status"], kind="stable")
    rows["label"] = [f"{r} · {_(d)}" for r, d in zip(rows["route"], rows["degree"])]
    rows["as_of_label"] = [count_date(p, _) for p in rows["as_of"]]
    return rows.drop(columns=["_route", "_when", "_degree", "_status", "_tier"]).reset_index(drop=True)


def count_date(as_of: str, _: Translate = identity) -> str:
    """'2023' -> '2023'; 'undated' -> 'count undated' (a directory that gives no date)."""
    return _("count undated") if as_of == "undated" else period_label(as_of, _=_)


# Routes with a single entry degree: a count of that degree is a count of all the route's
# programs (CAPTE accredits PT programs at the doctoral level only).
SINGLE_DEGREE = {"PT": "DPT", "PTA": "PTA associate"}
STATUS_WORDS = {
    "All": "accredited and candidate",
    "Accredited": "accredited",
    "Candidate": "candidate",
    "Applicant": "applicant",
    "Developing": "developing",
}


def program_trend(programs: pd.DataFrame, routes, _: Translate = identity) -> pd.DataFrame:
    """Counts over time: one series per route, degree level and status with two or more dated
    counts; oldest first. A count over all levels ('All') and a count of a route's only degree
    are one level ('all programs'); statuses are never joined."""
    rows = _for_routes(programs, routes)
    rows["date"] = [period_date(p) for p in rows["as_of"]]
    rows = rows[rows["date"].notna()]
    level = [
        _("all programs") if d == "All" or SINGLE_DEGREE.get(r) == d else _(d)
        for r, d in zip(rows["route"], rows["degree"])
    ]
    rows["series"] = [f"{r} · {lv} · {_(STATUS_WORDS[s])}" for r, lv, s in zip(rows["route"], level, rows["status"])]
    dates = rows.groupby("series")["date"].nunique()
    rows = rows[rows["series"].isin(dates[dates >= 2].index)]
    rows = rows.sort_values(["_route", "series", "date", "row_id"], kind="stable")
    rows["as_of_label"] = [period_label(p, _=_) for p in rows["as_of"]]
    return rows.drop(columns="_route").reset_index(drop=True)


def programs_table(programs: pd.DataFrame, routes) -> pd.DataFrame:
    """Every program count of the chosen routes, newest first within a route."""
    rows = _for_routes(programs, routes)
    rows = rows.assign(_when=[period_key(p) for p in rows["as_of"]])
    rows = rows.sort_values(["_route", "_when", "row_id"], ascending=[True, False, True], kind="stable")
    return pd.DataFrame(
        {
            "Route": rows["route"],
            "Accreditor": rows["accreditor"],
            "Degree": rows["degree"],
            "Status": rows["status"],
            "Programs": rows["programs"],
            "Students": rows["students"],
            "As of": rows["as_of"],
            "Note": rows["note"],
            "Sources": rows["source_ids"],
        }
    ).reset_index(drop=True)


# --- cost, debt and pay -----------------------------------------------------------------------


def median_pay(national: pd.DataFrame, sources: pd.DataFrame, routes, _: Translate = identity) -> pd.DataFrame:
    """Per route, the national median pay per year to set costs against: official (tier A)
    first, then the newest period, a stated period, not doubtful, lowest id."""
    rows = with_tier(
        national[(national["measure"] == "median_annual_wage") & national["profession"].isin(routes)], sources
    )
    if rows.empty:
        return pd.DataFrame(columns=["route", "value", "period", "period_label", "tier", "source_ids"])
    rows = rows.assign(
        _tier=rows["tier"].map(TIER_RANK).fillna(len(TIERS)),
        _when=[tuple(-x for x in period_key(p)) for p in rows["period"]],
        _stated=(rows["period_stated"] != "yes").astype(int),
        _doubtful=(rows["flag"] == "doubtful").astype(int),
    ).sort_values(["_tier", "_doubtful", "_when", "_stated", "figure_id"], kind="stable")
    best = rows.drop_duplicates("profession", keep="first")
    out = pd.DataFrame(
        {
            "route": best["profession"],
            "value": best["value"],
            "period": best["period"],
            "period_label": [period_label(p, s, _) for p, s in zip(best["period"], best["period_stated"])],
            "tier": best["tier"],
            "source_ids": best["source_ids"],
        }
    )
    out["_route"] = profession_rank(out["route"])
    return out.sort_values("_route").drop(columns="_route").reset_index(drop=True)


def institution_types(costs: pd.DataFrame) -> tuple[str, ...]:
    """The public/private choices the cost data allows: 'All', plus Public and Private when
    some tuition or debt figure is split that way."""
    rows = costs[costs["measure"].isin(TUITION_MEASURES + DEBT_MEASURES)]
    present = set(rows["institution_type"])
    return ("All",) + tuple(t for t in ("Public", "Private") if t in present)


def _cost_rows(costs: pd.DataFrame, routes, institution: str) -> pd.DataFrame:
    rows = _for_routes(costs, routes)
    if institution in ("Public", "Private"):
        rows = rows[rows["institution_type"].isin((institution, "All"))]
    return rows


def cost_bars(
    costs: pd.DataFrame, pay: pd.DataFrame, routes, institution: str = "All", _: Translate = identity
) -> pd.DataFrame:
    """The bars of the cost-against-pay chart, per route: median pay, then graduate debt, then
    tuition (newest period of each measure, kind of school and residency). Exam fees are left
    to the table: on a scale of tens of thousands they would not show."""
    rows = _cost_rows(costs, routes, institution)
    rows = rows[rows["measure"].isin(DEBT_MEASURES + TUITION_MEASURES)]
    rows = rows.assign(_when=[period_key(p) for p in rows["period"]])
    rows = rows.sort_values(["_when", "row_id"], ascending=[False, True], kind="stable")
    rows = rows.drop_duplicates(["route", "measure", "institution_type", "residency"], keep="first")
    order = {m: i for i, m in enumerate(DEBT_MEASURES + TUITION_MEASURES)}
    out = []
    for route in routes_in_order(routes):
        paid = pay[pay["route"] == route]
        if not paid.empty:
            p = paid.iloc[0]
            out.append(
                {
                    "route": route,
                    "kind": "Pay",
                    "item": _("Median pay per year ({period}, tier {tier})").format(
                        period=short_period(p["period_label"], _), tier=p["tier"]
                    ),
                    "value": float(p["value"]),
                    "period": p["period"],
                    "source_ids": p["source_ids"],
                    "measured_by": "BLS" if p["tier"] == "A" else _("a tier {tier} source").format(tier=p["tier"]),
                    "_o": -1,
                }
            )
        part = rows[rows["route"] == route]
        part = part.assign(rank=part["measure"].map(order)).sort_values(
            ["rank", "institution_type", "residency"], kind="stable"
        )
        for r in part.itertuples():
            who = ", ".join(_(x).lower() for x in (r.institution_type, r.residency) if x != "All")
            who = f", {who}" if who else ""
            kind = "Debt" if r.measure in DEBT_MEASURES else "Tuition"
            out.append(
                {
                    "route": route,
                    "kind": kind,
                    "item": f"{_(SHORT_COST[r.measure])}{who} ({period_label(r.period, _=_)})",
                    "value": float(r.value_usd),
                    "period": r.period,
                    "source_ids": r.source_ids,
                    "measured_by": r.measured_by,
                    "_o": r.rank,
                }
            )
    frame = pd.DataFrame(out, columns=["route", "kind", "item", "value", "period", "source_ids", "measured_by", "_o"])
    return frame.drop(columns="_o")


def costs_table(costs: pd.DataFrame, routes, institution: str = "All") -> pd.DataFrame:
    """Every cost row (tuition, debt, exam fees) of the chosen routes and kind of school."""
    rows = _cost_rows(costs, routes, institution)
    order = {m: i for i, m in enumerate(TUITION_MEASURES + DEBT_MEASURES + FEE_MEASURES)}
    rows = rows.assign(_m=rows["measure"].map(order), _when=[tuple(-x for x in period_key(p)) for p in rows["period"]])
    rows = rows.sort_values(["_route", "_m", "institution_type", "residency", "_when"], kind="stable")
    return pd.DataFrame(
        {
            "Route": rows["route"],
            "Measure": rows["measure"],
            "Kind of school": rows["institution_type"],
            "Residency": rows["residency"],
            "US dollars": rows["value_usd"],
            "Period": rows["period"],
            "Measured by": rows["measured_by"],
            "Note": rows["note"],
            "Sources": rows["source_ids"],
        }
    ).reset_index(drop=True)


def pay_table(pay: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Route": pay["route"],
            "Median pay per year (US dollars)": pay["value"],
            "Period": pay["period_label"],
            "Source tier": pay["tier"],
            "Sources": pay["source_ids"],
        }
    ).reset_index(drop=True)


# --- admission -------------------------------------------------------------------------------


def admission_counts(admissions: pd.DataFrame, routes) -> pd.DataFrame:
    """Numbers by cycle (applicants, applications, accepted, acceptance rate), oldest cycle first."""
    rows = _for_routes(admissions, routes)
    rows = rows[rows["measure"].isin(COUNT_MEASURES + ("Acceptance rate",)) & rows["value"].notna()]
    rows = rows.assign(
        _when=[period_key(c) for c in rows["cycle"]],
        _m=rows["measure"].map({m: i for i, m in enumerate(COUNT_MEASURES + ("Acceptance rate",))}),
    )
    rows = rows.sort_values(["_route", "_m", "_when", "row_id"], kind="stable")
    return rows.drop(columns=["_route", "_when", "_m"]).reset_index(drop=True)


def admission_table(admissions: pd.DataFrame, routes) -> pd.DataFrame:
    """Every admission row of the chosen routes: numbers by cycle, then prerequisites and hours."""
    rows = _for_routes(admissions, routes)
    order = {m: i for i, m in enumerate(COUNT_MEASURES + ("Acceptance rate", "Observation hours", "Prerequisite"))}
    rows = rows.assign(_m=rows["measure"].map(order), _when=[period_key(c) for c in rows["cycle"]])
    rows = rows.sort_values(["_route", "_m", "_when", "row_id"], kind="stable")
    return pd.DataFrame(
        {
            "Route": rows["route"],
            "Service": rows["service"],
            "Cycle": rows["cycle"],
            "Measure": rows["measure"],
            "Value": rows["value"],
            "Unit": rows["unit"],
            "In words": rows["text"],
            "Note": rows["note"],
            "Sources": rows["source_ids"],
        }
    ).reset_index(drop=True)


def admission_asks(admissions: pd.DataFrame, routes, _: Translate = identity) -> list[str]:
    """Prerequisites and observation hours in words, e.g. 'PT prerequisite: General chemistry,
    with lab (2 courses)'. Rows with no words are left to the table."""
    rows = _for_routes(admissions, routes)
    rows = rows[rows["measure"].isin(("Observation hours", "Prerequisite")) & (rows["text"] != "")]
    rows = rows.assign(_m=rows["measure"].map({"Prerequisite": 0, "Observation hours": 1}))
    rows = rows.sort_values(["_route", "_m", "row_id"], kind="stable")
    out = []
    for route, measure, text, value, unit in zip(
        rows["route"], rows["measure"], rows["text"], rows["value"], rows["unit"]
    ):
        amount = f" ({value:g} {unit})" if pd.notna(value) and unit and measure == "Prerequisite" else ""
        out.append(f"{route} {_(measure).lower()}: {text}{amount}")
    return out


# --- exams -------------------------------------------------------------------------------------


def exam_measures(exams: pd.DataFrame, routes) -> list[str]:
    """The pass-rate measures given for the chosen routes, in the schema's order."""
    from components.schema import EXAM_MEASURES

    present = set(_for_routes(exams, routes)["measure"])
    return [m for m in EXAM_MEASURES if m in present]


def exam_coverage(exams: pd.DataFrame, routes, _: Translate = identity) -> str:
    """Which routes each pass-rate measure covers, e.g. 'Ultimate pass rate: PT, PTA. New
    graduates passing within one year: OT, OTA.' (the owners of the exams report different ones)."""
    rows = _for_routes(exams, routes)
    parts = []
    for measure in exam_measures(exams, routes):
        covered = routes_in_order(set(rows.loc[rows["measure"] == measure, "route"]))
        parts.append(f"{_(measure)}: {', '.join(covered)}.")
    return " ".join(parts)


def exam_series(exams: pd.DataFrame, routes, measure: str) -> pd.DataFrame:
    """One pass-rate measure only (first-time and ultimate are never mixed), by period.
    One series per route and group; oldest first."""
    rows = _for_routes(exams, routes)
    rows = rows[rows["measure"] == measure]
    rows = rows.assign(_when=[period_key(p) for p in rows["period"]])
    rows = rows.sort_values(["_route", "group", "_when", "row_id"], kind="stable")
    groups = rows.groupby("route")["group"].nunique()
    rows["series"] = [
        f"{r} · {e}" + (f" · {g}" if groups[r] > 1 else "")
        for r, e, g in zip(rows["route"], rows["exam"], rows["group"])
    ]
    rows["period_label"] = [period_label(p) for p in rows["period"]]
    return rows.drop(columns=["_route", "_when"]).reset_index(drop=True)


def exam_table(series: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Route": series["route"],
            "Exam": series["exam"],
            "Measure": series["measure"],
            "Who took it": series["group"],
            "Period": series["period"],
            "Passed (%)": series["value_pct"],
            "Takers": series["takers"],
            "Note": series["note"],
            "Sources": series["source_ids"],
        }
    ).reset_index(drop=True)


# --- licence renewal ---------------------------------------------------------------------------


def renewal_table(renewal: pd.DataFrame, routes) -> pd.DataFrame:
    """How the licence or certification is kept: national rules first, then the sampled states."""
    rows = _for_routes(renewal, routes)
    rows = rows.assign(_national=(rows["state_code"] != "").astype(int))
    rows = rows.sort_values(["_route", "_national", "state_code", "topic", "row_id"], kind="stable")
    return pd.DataFrame(
        {
            "Route": rows["route"],
            "Where": [s or "National" for s in rows["state_code"]],
            "Topic": rows["topic"],
            "Rule": rows["statement"],
            "Hours": rows["hours"],
            "Every (years)": rows["period_years"],
            "As of": rows["as_of"],
            "Note": rows["note"],
            "Sources": rows["source_ids"],
        }
    ).reset_index(drop=True)


# --- one plain sentence per route ---------------------------------------------------------------


def _newest(frame: pd.DataFrame, column: str) -> pd.Series | None:
    if frame.empty:
        return None
    keys = [period_key(p) for p in frame[column]]
    return frame.iloc[max(range(len(keys)), key=lambda i: (keys[i], -i))]


# How each pass-rate measure reads in a sentence, in the order they are preferred.
EXAM_WORDS = {
    "First-time pass rate": N_("{pct} passed the {exam} exam at the first try ({period})"),
    "New graduates passing within one year": N_(
        "{pct} of new graduates passed the {exam} exam within a year ({period})"
    ),
    "Ultimate pass rate": N_("{pct} passed the {exam} exam in the end, after any number of tries ({period})"),
}


def route_summaries(
    path: pd.DataFrame,
    programs: pd.DataFrame,
    sources: pd.DataFrame,
    costs: pd.DataFrame,
    pay: pd.DataFrame,
    admissions: pd.DataFrame,
    exams: pd.DataFrame,
    routes,
    _: Translate = identity,
) -> dict[str, str]:
    """A plain sentence per route from what the sources give; parts with no figure are left out
    (the tables say 'not given')."""
    totals = path_totals(path, routes).set_index("route")
    stages = path_stages(path, routes)
    out: dict[str, str] = {}
    for route in routes_in_order(routes):
        parts = []
        if route in totals.index and not pd.isna(totals.loc[route, "years_min"]):
            t = totals.loc[route]
            names = [in_sentence(s) for s in stages.loc[stages["route"] == route, "stage"]]
            parts.append(
                _("about {years} after high school ({stages})").format(
                    years=years_text(t["years_min"], t["years_max"], _), stages=(", " + _("then") + " ").join(names)
                )
            )
        else:
            parts.append(_("years of study:") + " " + _(NOT_GIVEN).lower())
        counts = latest_programs(programs, sources, (route,), _)
        for status, words in (
            ("Accredited", _("accredited programs")),
            ("All", _("accredited or candidate programs")),
        ):
            part = counts[counts["status"] == status]
            if not part.empty:
                dates = ", ".join(dict.fromkeys(part["as_of_label"]))
                parts.append(f"{int(part['programs'].sum()):,} {words} ({dates})")
                break
        debt = costs[(costs["route"] == route) & costs["measure"].isin(DEBT_MEASURES)]
        paid = pay[pay["route"] == route]
        if not debt.empty:
            d = _newest(debt.sort_values("row_id"), "period")
            kind = _("a median") if d["measure"] == "Graduate debt median" else _("an average")
            text = _("graduates owed {kind} of {amount} ({period}, {who})").format(
                kind=kind, amount=money(d["value_usd"]), period=period_label(d["period"], _=_), who=d["measured_by"]
            )
            if not paid.empty:
                p = paid.iloc[0]
                text += " " + _("against a median pay of {amount} a year ({period}, tier {tier})").format(
                    amount=money(p["value"]), period=short_period(p["period_label"], _), tier=p["tier"]
                )
            parts.append(text)
        elif not paid.empty:
            p = paid.iloc[0]
            parts.append(
                _("median pay {amount} a year ({period}, tier {tier})").format(
                    amount=money(p["value"]), period=short_period(p["period_label"], _), tier=p["tier"]
                )
            )
        rate = admissions[
            (admissions["route"] == route) & (admissions["measure"] == "Acceptance rate") & admissions["value"].notna()
        ]
        if not rate.empty:
            a = _newest(rate.sort_values("row_id"), "cycle")
            parts.append(
                _("{pct}% of applicants accepted through {service} ({cycle})").format(
                    pct=f"{a['value']:g}", service=a["service"], cycle=a["cycle"]
                )
            )
        for measure, words in EXAM_WORDS.items():
            passed = exams[(exams["route"] == route) & (exams["measure"] == measure)]
            if not passed.empty:
                x = _newest(passed.sort_values("row_id"), "period")
                parts.append(
                    _(words).format(pct=f"{x['value_pct']:g}%", exam=x["exam"], period=period_label(x["period"], _=_))
                )
                break
        out[route] = f"{route}: " + "; ".join(parts) + "."
    return out
