"""Interventions: filtering and the split between OT only, PT only and both."""

from __future__ import annotations

import pandas as pd

from components.i18n import N_, Translate, identity
from components.loader import split_list
from components.sourcing import with_sourcing_label

USE_LABELS = {"OT": "Mainly OT", "Both": "Both", "PT": "Mainly PT"}  # "mainly": some allow the other with training
USE_ORDER = (N_("Mainly OT"), N_("Both"), N_("Mainly PT"))
PROFESSION_FILTERS = (N_("OT or PT"), "OT", "PT")  # "OT" = used by OT (alone or with PT)


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


def summary_sentence(selected: pd.DataFrame, _: Translate = identity) -> str:
    n = len(selected)
    if n == 0:
        return _("No intervention matches these filters.")
    t = use_totals(selected)
    template = (
        _("Of the {n} intervention shown, {ot} is used mainly by OT, {pt} mainly by PT and {both} by both.")
        if n == 1
        else _("Of the {n} interventions shown, {ot} are used mainly by OT, {pt} mainly by PT and {both} by both.")
    )
    return template.format(n=n, ot=t["Mainly OT"], pt=t["Mainly PT"], both=t["Both"])


TABLE_COLUMNS = {
    "intervention": N_("Intervention"),
    "category": N_("Category"),
    "used_by": N_("Used by"),
    "used_by_note": N_("Note on who uses it"),
    "billing_codes": N_("Billing codes (CPT/HCPCS)"),
    "code_note": N_("Note on the code"),
    "description": N_("What it involves"),
    "seed_named": N_("Named in the starting article as"),
    "source_ids": N_("Sources"),
}


def table_view(selected: pd.DataFrame, _: Translate = identity) -> pd.DataFrame:
    """The table as shown and downloaded; headers and fixed words in the language of `_`
    (the starting article's wording stays as the article has it)."""
    columns = with_sourcing_label(TABLE_COLUMNS, selected)  # "weakly sourced" rows say so in the CSV too
    view = selected[list(columns)].rename(columns=columns)
    if _ is identity:
        return view
    for column in ("Category", "Used by", "Sourcing"):
        if column in view:
            view[column] = view[column].map(lambda cell: "; ".join(_(i) for i in split_list(cell)) or cell)
    return view.rename(columns={name: _(name) for name in view.columns})
