"""Interventions: filtering and the split between OT only, PT only and both."""

from __future__ import annotations

import pandas as pd

from components.sourcing import with_sourcing_label

USE_LABELS = {"OT": "Mainly OT", "Both": "Both", "PT": "Mainly PT"}  # "mainly": some allow the other with training
USE_ORDER = ("Mainly OT", "Both", "Mainly PT")
PROFESSION_FILTERS = ("OT or PT", "OT", "PT")  # "OT" = used by OT (alone or with PT)


def filter_interventions(
    interventions: pd.DataFrame,
    categories: tuple[str, ...] | list[str] = (),
    profession: str = "OT or PT",
    seed_only: bool = False,
) -> pd.DataFrame:
    keep = pd.Series(True, index=interventions.index)
    if categories:
        keep &= interventions["category"].isin(list(categories))
    if profession in ("OT", "PT"):
        keep &= interventions["used_by"].isin([profession, "Both"])
    if seed_only:
        keep &= interventions["seed_named"] != ""
    return interventions.loc[keep].reset_index(drop=True)


def use_split(selected: pd.DataFrame) -> pd.DataFrame:
    """Counts by category and use (OT only, Both, PT only), zeros included.

    Columns: category, use, interventions. Categories with the most rows first.
    """
    if selected.empty:
        return pd.DataFrame(
            {
                "category": pd.Series(dtype="str"),
                "use": pd.Series(dtype="str"),
                "interventions": pd.Series(dtype="int64"),
            }
        )
    labelled = selected.assign(use=selected["used_by"].map(USE_LABELS))
    categories = selected["category"].value_counts().index.tolist()
    grid = pd.MultiIndex.from_product([categories, list(USE_ORDER)], names=["category", "use"])
    counts = labelled.groupby(["category", "use"]).size().reindex(grid, fill_value=0)
    return counts.rename("interventions").reset_index()


def use_totals(selected: pd.DataFrame) -> dict[str, int]:
    counts = selected["used_by"].map(USE_LABELS).value_counts()
    return {label: int(counts.get(label, 0)) for label in USE_ORDER}


def summary_sentence(selected: pd.DataFrame) -> str:
    n = len(selected)
    if n == 0:
        return "No intervention matches these filters."
    t = use_totals(selected)
    noun = "intervention" if n == 1 else "interventions"
    verb = "is" if n == 1 else "are"
    return (
        f"Of the {n} {noun} shown, {t['Mainly OT']} {verb} used mainly by OT, "
        f"{t['Mainly PT']} mainly by PT and {t['Both']} by both."
    )


TABLE_COLUMNS = {
    "intervention": "Intervention",
    "category": "Category",
    "used_by": "Used by",
    "used_by_note": "Note on who uses it",
    "billing_codes": "Billing codes (CPT/HCPCS)",
    "code_note": "Note on the code",
    "description": "What it involves",
    "seed_named": "Named in the starting article as",
    "source_ids": "Sources",
}


def table_view(selected: pd.DataFrame) -> pd.DataFrame:
    columns = with_sourcing_label(TABLE_COLUMNS, selected)  # "weakly sourced" rows say so in the CSV too
    return selected[list(columns)].rename(columns=columns)
