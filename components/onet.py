"""The O*NET work profile of OT and PT side by side. Pure pandas, no Streamlit.

O*NET rates each skill, knowledge area, ability and work activity on two scales:
importance (1 not important to 5 extremely important) and level (0 to 7, how much of it
the job needs). Work styles have importance only. Interests are RIASEC scores from 1 to 7.
"""

from __future__ import annotations

import pandas as pd

from components.i18n import N_, Translate, identity
from components.schema import ONET_DOMAINS, RIASEC

# Shown through `_`: the database's and the licence's names stay as published in every language.
CREDIT = N_("O*NET 30.0 Database by USDOL/ETA, used under the CC BY 4.0 license")
SCALE_RANGES = {"Importance": (1, 5), "Level": (0, 7)}
SCALE_WORDS = {
    "Importance": "importance, from 1 (not important) to 5 (extremely important)",
    "Level": "level, from 0 to 7 (how much of it the job needs)",
}
DOMAIN_WORDS = {
    "Skills": "skills",
    "Knowledge": "knowledge areas",
    "Abilities": "abilities",
    "Work Activities": "work activities",
    "Work Styles": "work styles",
}
RIASEC_WORDS = {
    "Realistic": "hands-on work with things, tools or the body",
    "Investigative": "ideas, science and working out problems",
    "Artistic": "self-expression and creating things",
    "Social": "helping, teaching and caring for people",
    "Enterprising": "leading, persuading and business",
    "Conventional": "order, procedures and records",
}


def scales_for(domain: str) -> tuple[str, ...]:
    return ("Importance",) if domain == "Work Styles" else ("Importance", "Level")


def profile(ratings: pd.DataFrame, domains: tuple[str, ...], scale: str, _: Translate = identity) -> pd.DataFrame:
    """One row per element in the chosen domains: OT and PT ratings on one scale, the
    difference (OT minus PT), largest difference first (then the higher rating, then name).

    'caution' says where O*NET advises care: a value it recommends suppressing, or a level
    the raters called not relevant.
    """
    rows = ratings[ratings["domain"].isin(domains) & (ratings["scale"] == scale)].copy()
    rows.attrs = {}  # the loader's line numbers: pandas would deep-copy them on every step
    if rows.empty:
        return pd.DataFrame(columns=["domain", "element_name", "OT", "PT", "difference", "caution"])
    wide = rows.pivot_table(
        index=["domain", "element_id", "element_name"], columns="profession", values="value", aggfunc="first"
    )
    wide = wide.reindex(columns=["OT", "PT"]).reset_index()
    wide.columns.name = None
    flags = (
        rows.assign(
            _c=[
                "; ".join(
                    w
                    for w, on in (
                        (_("{p}: O*NET advises not to rely on this value").format(p=p), s == "Y"),
                        (_("{p}: rated not relevant").format(p=p), n == "Y"),
                    )
                    if on
                )
                for p, s, n in zip(rows["profession"], rows["recommend_suppress"], rows["not_relevant"])
            ]
        )
        .groupby("element_id")["_c"]
        .agg(lambda c: "; ".join(x for x in c if x))
    )
    wide["caution"] = wide["element_id"].map(flags).fillna("")
    wide["difference"] = (wide["OT"] - wide["PT"]).round(2)
    wide["_abs"] = wide["difference"].abs()
    wide["_max"] = wide[["OT", "PT"]].max(axis=1)
    wide = wide.sort_values(["_abs", "_max", "element_name"], ascending=[False, False, True], kind="stable")
    return wide[["domain", "element_name", "OT", "PT", "difference", "caution"]].reset_index(drop=True)


def profile_table(frame: pd.DataFrame, scale: str, _: Translate = identity) -> pd.DataFrame:
    """The profile in words for the table under the chart (same rows, same order)."""

    def leans(d: float) -> str:
        if abs(d) < 0.005:
            return _("same")
        return _("OT higher") if d > 0 else _("PT higher")

    return pd.DataFrame(
        {
            _("Domain"): [_(d) for d in frame["domain"]],
            _("Item"): frame["element_name"],
            f"OT {_(scale).lower()}": frame["OT"],
            f"PT {_(scale).lower()}": frame["PT"],
            _("Difference (OT minus PT)"): frame["difference"],
            _("Who rates it higher"): [leans(d) for d in frame["difference"]],
            _("O*NET caution"): frame["caution"],
        }
    )


def summary_sentence(frame: pd.DataFrame, domains: tuple[str, ...], scale: str, _: Translate = identity) -> str:
    """One plain sentence on the biggest differences, e.g. for the chosen domains."""
    if frame.empty:
        return _("No O*NET ratings for this choice.")
    words = (
        (" " + _("and") + " ").join(_(DOMAIN_WORDS[d]) for d in domains)
        if len(domains) <= 2
        else _("{n} domains").format(n=len(domains))
    )
    top = frame.iloc[0]
    ot_higher = frame[frame["difference"] > 0].head(1)
    pt_higher = frame[frame["difference"] < 0].head(1)
    parts = [
        _("Across {count} {words}, the biggest gap in {scale} is {item} (OT {ot}, PT {pt}).").format(
            count=len(frame),
            words=words,
            scale=_(scale).lower(),
            item=top["element_name"],
            ot=f"{top['OT']:.2f}",
            pt=f"{top['PT']:.2f}",
        )
    ]
    if not ot_higher.empty and not pt_higher.empty:
        parts.append(
            _("OT's biggest lead: {ot}; PT's: {pt}.").format(
                ot=ot_higher.iloc[0]["element_name"], pt=pt_higher.iloc[0]["element_name"]
            )
        )
    return " ".join(parts)


def domain_order(domains) -> list[str]:
    return [d for d in ONET_DOMAINS if d in set(domains)]


def interests(frame: pd.DataFrame, _: Translate = identity) -> pd.DataFrame:
    """RIASEC scores (1-7) with OT and PT side by side, in RIASEC order. `frame` has the English
    interest names (the rows are found by them); the shown names and meanings go through `_`."""
    scores = frame[frame["scale"] == "Occupational interest"]
    wide = scores.pivot_table(index="element_name", columns="profession", values="value", aggfunc="first")
    wide = (
        wide.reindex(index=list(RIASEC), columns=["OT", "PT"])
        .reset_index()
        .rename(columns={"element_name": "interest"})
    )
    wide.columns.name = None
    wide["meaning"] = [_(RIASEC_WORDS[i]) for i in wide["interest"]]
    wide["interest"] = [_(i) for i in wide["interest"]]
    return wide


def high_points(frame: pd.DataFrame) -> dict[str, list[str]]:
    """Each profession's interest high-points in order (the 'interest code'), e.g. OT: Social, Investigative."""
    points = frame[(frame["scale"] == "Interest high-point") & (frame["high_point_interest"].isin(RIASEC))]
    points = points.sort_values("element_id", kind="stable")
    return {p: list(points.loc[points["profession"] == p, "high_point_interest"]) for p in ("OT", "PT")}


def top_tasks(tasks: pd.DataFrame, profession: str, count: int = 8) -> pd.DataFrame:
    """A profession's most important tasks (importance 1-5), most important first."""
    rows = tasks[tasks["profession"] == profession].sort_values(
        ["importance", "relevance_pct", "task_id"], ascending=[False, False, True], kind="stable"
    )
    return rows.head(count).reset_index(drop=True)


def tasks_table(tasks: pd.DataFrame, _: Translate = identity) -> pd.DataFrame:
    return pd.DataFrame(
        {
            _("Profession"): tasks["profession"],
            _("Task (O*NET wording)"): tasks["task"],
            _("Importance (1-5)"): tasks["importance"],
            _("Share of raters who do it (%)"): tasks["relevance_pct"],
            _("Core or supplemental"): [_(t) for t in tasks["task_type"]],
            _("Rated"): tasks["data_date"],
        }
    )
