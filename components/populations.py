"""Populations and conditions: filtering and the numbers behind the charts."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from components.loader import split_list
from components.schema import LEADS
from components.sourcing import with_sourcing_label

LEAD_LABELS = {"OT": "OT usually leads", "PT": "PT usually leads", "Both": "Both share the lead"}
# How involved each profession is, given who usually leads.
INVOLVEMENT = {  # usual_lead -> (OT involvement, PT involvement)
    "OT": ("Leads", "Supports"),
    "PT": ("Supports", "Leads"),
    "Both": ("Shares the lead", "Shares the lead"),
}
INVOLVEMENT_ORDER = ("Leads", "Shares the lead", "Supports")
SINGLE_LEAD = {
    "OT": "occupational therapy usually leads",
    "PT": "physical therapy usually leads",
    "Both": "occupational and physical therapy usually share the lead",
}


def default_populations(populations: pd.DataFrame) -> list[str]:
    """The populations the starting article names: a useful first view."""
    return populations.loc[populations["seed_population"] != "", "population"].tolist()


def filter_populations(
    populations: pd.DataFrame,
    names: tuple[str, ...] | list[str],
    age_groups: tuple[str, ...] | list[str] = (),
    categories: tuple[str, ...] | list[str] = (),
) -> pd.DataFrame:
    """Rows for the chosen populations; empty age_groups or categories mean 'any'."""
    keep = populations["population"].isin(list(names))
    if age_groups:
        wanted = set(age_groups)
        keep &= populations["age_groups"].map(lambda cell: bool(wanted & set(split_list(cell))))
    if categories:
        keep &= populations["category"].isin(list(categories))
    return populations.loc[keep].reset_index(drop=True)


def lead_counts(selected: pd.DataFrame) -> pd.DataFrame:
    """How many of the selected populations each profession leads or shares, by category.

    Columns: category, usual_lead, populations. Every (category, lead) pair of the
    selection is present, zeros included, so the chart and the table agree.
    """
    if selected.empty:
        return pd.DataFrame(
            {
                "category": pd.Series(dtype="str"),
                "usual_lead": pd.Series(dtype="str"),
                "populations": pd.Series(dtype="int64"),
            }
        )
    # Counted in plain Python: a groupby, reindex, map and sort cost ~10 ms on every rerun
    # for a table of a few dozen cells.
    categories = selected["category"].tolist()
    pairs = Counter(zip(categories, selected["usual_lead"].tolist()))
    totals = Counter(categories)
    # Categories with the most populations first, then by name; leads in LEADS order.
    order = sorted(dict.fromkeys(categories), key=lambda category: (-totals[category], category))
    rows = [(category, lead, pairs[(category, lead)]) for category in order for lead in LEADS]
    return pd.DataFrame(
        {
            "category": pd.Series([r[0] for r in rows], dtype="str"),
            "usual_lead": pd.Series([r[1] for r in rows], dtype="str"),
            "populations": pd.Series([r[2] for r in rows], dtype="int64"),
        }
    )


def lead_totals(selected: pd.DataFrame) -> dict[str, int]:
    counts = selected["usual_lead"].value_counts()
    return {lead: int(counts.get(lead, 0)) for lead in LEADS}


def involvement_table(selected: pd.DataFrame) -> pd.DataFrame:
    """One row per population: how involved OT and PT each are (from who usually leads)."""
    rows = [
        {
            "population": row.population,
            "category": row.category,
            "OT": INVOLVEMENT[row.usual_lead][0],
            "PT": INVOLVEMENT[row.usual_lead][1],
            "usual_lead": row.usual_lead,
        }
        for row in selected.itertuples()
    ]
    return pd.DataFrame(rows, columns=["population", "category", "OT", "PT", "usual_lead"])


def summary_sentence(selected: pd.DataFrame) -> str:
    """One plain sentence with the answer for the current filters."""
    n = len(selected)
    if n == 0:
        return "No population matches these filters."
    if n == 1:
        row = selected.iloc[0]
        return f"For {row['population']}, {SINGLE_LEAD[row['usual_lead']]}."
    totals = lead_totals(selected)
    noun = "populations"
    parts = []
    if totals["OT"]:
        parts.append(f"OT usually leads for {totals['OT']}")
    if totals["PT"]:
        parts.append(f"PT usually leads for {totals['PT']}")
    if totals["Both"]:
        parts.append(f"both share the lead for {totals['Both']}")
    if len(parts) > 1:
        joined = ", ".join(parts[:-1]) + " and " + parts[-1]
    else:
        joined = parts[0]
    return f"Of the {n} {noun} shown, {joined}."


TABLE_COLUMNS = {
    "population": "Population",
    "category": "Category",
    "age_groups": "Age groups",
    "usual_lead": "Who usually leads",
    "lead_note": "Note on who leads",
    "ot_role": "What OT typically works on",
    "pt_role": "What PT typically works on",
    "body_system": "Body system",
    "source_ids": "Sources",
}


def table_view(selected: pd.DataFrame) -> pd.DataFrame:
    """The table shown on screen (and downloaded): plain column names, one row per population."""
    columns = with_sourcing_label(TABLE_COLUMNS, selected)  # "weakly sourced" rows say so in the CSV too
    return selected[list(columns)].rename(columns=columns)
