"""Paying for therapy: which payment rows apply to a situation, and the table of them all.

Pure pandas, no Streamlit. Reads payment.csv. Which payers matter for an age and a place
is a plain rule of thumb here (Medicare for older adults, school and early-intervention
services for children); what each payer does is data, with its sources and, for every
amount, its year.
"""

from __future__ import annotations

import math

import pandas as pd

from components.i18n import N_, Translate, identity
from components.schema import PAYERS

# Payers that usually matter for each age group. Medicaid is listed for young people only:
# the Medicaid rows we carry are about its child benefit (EPSDT).
PAYERS_BY_AGE = {
    "Infants and toddlers": ("Schools and early intervention", "Medicaid", "Private insurance"),
    "Children": ("Schools and early intervention", "Medicaid", "Private insurance"),
    "Teenagers": ("Schools and early intervention", "Medicaid", "Private insurance"),
    "Adults": ("Private insurance",),
    "Older adults": ("Medicare Part B", "Medicare Advantage", "Medicare home health", "Private insurance"),
}
CHILD_AGES = ("Infants and toddlers", "Children", "Teenagers")


def payers_for(age_group: str | None, setting: str | None) -> tuple[str, ...]:
    """The payers to show for an age and a setting, most relevant first."""
    payers = list(PAYERS_BY_AGE.get(age_group or "", PAYERS))
    if setting != "Home" and age_group is not None:
        # Home health pays for care at home only; elsewhere its rule does not apply.
        payers = [p for p in payers if p != "Medicare home health"]
    if setting == "Home" and "Medicare home health" in payers:
        payers.remove("Medicare home health")
        payers.insert(0, "Medicare home health")
    if setting == "School":
        if "Schools and early intervention" in payers:
            payers.remove("Schools and early intervention")
        payers.insert(0, "Schools and early intervention")
    elif age_group is None and setting not in (None, "School"):
        payers = [p for p in payers if p != "Schools and early intervention"]
    return tuple(payers)


def payment_for(
    payment: pd.DataFrame, professions: tuple[str, ...], age_group: str | None, setting: str | None
) -> pd.DataFrame:
    """The payment rows for this answer: the situation's payers, for the professions in the
    answer (rows for Both always apply), payers in order of relevance, rows in table order."""
    payers = payers_for(age_group, setting)
    wanted = set(professions) | {"Both"} if professions else {"OT", "PT", "Both"}
    rows = latest_amounts(payment[payment["payer"].isin(payers) & payment["profession"].isin(wanted)]).copy()
    rows["_order"] = rows["payer"].map({p: i for i, p in enumerate(payers)})
    return rows.sort_values("_order", kind="stable").drop(columns="_order").reset_index(drop=True)


def latest_amounts(payment: pd.DataFrame) -> pd.DataFrame:
    """Rows with an amount: only the newest year of each payer, profession and topic (a
    yearly amount such as the KX threshold has one row a year); rows without one all stay."""
    dated = payment["amount_year"].notna()
    newest = payment[dated].groupby(["payer", "profession", "topic"])["amount_year"].transform("max")
    keep = ~dated
    keep[dated] = payment.loc[dated, "amount_year"] == newest
    return payment[keep]


def amount_text(amount: object, year: object) -> str:
    """'$257 (2025)', '$2,410 (2025)'; empty when the row has no amount."""
    if amount is None or amount is pd.NA or (isinstance(amount, float) and math.isnan(amount)):
        return ""
    value = float(amount)
    shown = f"${value:,.0f}" if value.is_integer() else f"${value:,.2f}"
    return f"{shown} ({int(year)})"


def statement_with_amount(row: pd.Series, _: Translate = identity) -> str:
    """The statement, followed by its amount and year when the row has one and the
    statement does not already print that year."""
    text = str(row["statement"]).strip()
    amount = amount_text(row["amount_usd"], row["amount_year"])
    if amount and str(int(row["amount_year"])) not in text:
        text = f"{text.rstrip('.')}. " + _("Amount: {amount}.").format(amount=amount)
    return text


def payment_table(payment: pd.DataFrame) -> pd.DataFrame:
    """Every payment row with plain column names: the table on screen and in the CSV."""
    ordered = payment.assign(_p=payment["payer"].map({p: i for i, p in enumerate(PAYERS)})).sort_values(
        "_p", kind="stable"
    )
    return pd.DataFrame(
        {
            N_("Payer"): ordered["payer"],
            N_("For"): ordered["profession"],
            N_("Topic"): ordered["topic"],
            N_("What it means"): ordered["statement"],
            N_("Amount (USD)"): ordered["amount_usd"],
            N_("Amount's year"): ordered["amount_year"],
            N_("As of"): ordered["as_of"],
            N_("Note"): ordered["note"],
            N_("Sources"): ordered["source_ids"],
        }
    ).reset_index(drop=True)
