"""Populations and conditions: filtering and the numbers behind the charts."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from components.i18n import N_, Translate, identity
from components.loader import split_list
from components.schema import LEADS
from components.sourcing import with_sourcing_label
from components.text import md_escape

LEAD_LABELS = {"OT": N_("OT usually leads"), "PT": N_("PT usually leads"), "Both": N_("Both share the lead")}
# How involved each profession is, given who usually leads.
INVOLVEMENT = {  # usual_lead -> (OT involvement, PT involvement)
    "OT": ("Leads", "Supports"),
    "PT": ("Supports", "Leads"),
    "Both": ("Shares the lead", "Shares the lead"),
}
INVOLVEMENT_ORDER = (N_("Leads"), N_("Shares the lead"), N_("Supports"))
SINGLE_LEAD = {
    "OT": N_("occupational therapy usually leads"),
    "PT": N_("physical therapy usually leads"),
    "Both": N_("occupational and physical therapy usually share the lead"),
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


def summary_sentence(selected: pd.DataFrame, _: Translate = identity) -> str:
    """One plain sentence with the answer for the current filters (in the language of `_`)."""
    n = len(selected)
    if n == 0:
        return _("No population matches these filters.")
    if n == 1:
        row = selected.iloc[0]
        return _("For {population}, {lead}.").format(
            population=row["population"], lead=_(SINGLE_LEAD[row["usual_lead"]])
        )
    totals = lead_totals(selected)
    parts = []
    if totals["OT"]:
        parts.append(_("OT usually leads for {n}").format(n=totals["OT"]))
    if totals["PT"]:
        parts.append(_("PT usually leads for {n}").format(n=totals["PT"]))
    if totals["Both"]:
        parts.append(_("both share the lead for {n}").format(n=totals["Both"]))
    if len(parts) > 1:
        joined = ", ".join(parts[:-1]) + _(" and ") + parts[-1]
    else:
        joined = parts[0]
    return _("Of the {n} populations shown, {joined}.").format(n=n, joined=joined)


TABLE_COLUMNS = {
    "population": N_("Population"),
    "category": N_("Category"),
    "age_groups": N_("Age groups"),
    "usual_lead": N_("Who usually leads"),
    "lead_note": N_("Note on who leads"),
    "ot_role": N_("What OT typically works on"),
    "pt_role": N_("What PT typically works on"),
    "body_system": N_("Body system"),
    "source_ids": N_("Sources"),
}


def translate_words(cell: str, _: Translate) -> str:
    """A choice or a ';' list of choices (age groups) in the language of `_`."""
    items = split_list(cell)
    return "; ".join(_(item) for item in items) if items else cell


def table_view(selected: pd.DataFrame, _: Translate = identity) -> pd.DataFrame:
    """The table shown on screen (and downloaded): plain column names, one row per population;
    headers and fixed words (category, ages, 'Both') in the language of `_`."""
    columns = with_sourcing_label(TABLE_COLUMNS, selected)  # "weakly sourced" rows say so in the CSV too
    view = selected[list(columns)].rename(columns=columns)
    if _ is identity:
        return view
    for column in ("Category", "Age groups", "Who usually leads", "Sourcing"):
        if column in view:
            view[column] = view[column].map(lambda cell: translate_words(cell, _))
    return view.rename(columns={name: _(name) for name in view.columns})


# The badge colour of each profession in Markdown (the theme's blue and orange are OT's and PT's).
_BADGE = {"OT": "blue", "PT": "orange"}


def involvement_view(involvement: pd.DataFrame, _: Translate = identity) -> pd.DataFrame:
    """The involvement matrix as a reader sees it: population, then each profession's level
    (in the language of `_`); the rows of the Markdown table and of its CSV download."""
    return pd.DataFrame(
        {
            _("Population"): involvement["population"],
            _("OT involvement"): [_(level) for level in involvement["OT"]],
            _("PT involvement"): [_(level) for level in involvement["PT"]],
        }
    )


def involvement_markdown(involvement: pd.DataFrame, _: Translate = identity) -> str:
    """How involved each profession is, per population, as one Markdown table: the level in
    words, in the profession's colour where it leads or shares the lead, plain where it
    supports. Text that reads the same with or without colour, and one element to draw
    (the plotly heatmap it replaces was ~40 ms of each filter change in the browser)."""

    def cell(profession: str, level: str) -> str:
        word = md_escape(_(level))
        return word if level == "Supports" else f":{_BADGE[profession]}-badge[{word}]"

    population, ot, pt = (
        md_escape(_("Population")),
        md_escape(_("occupational therapy")),
        md_escape(_("physical therapy")),
    )
    lines = [f"| {population} | :blue-badge[OT] {ot} | :orange-badge[PT] {pt} |", "|---|---|---|"]
    for population, ot, pt in zip(involvement["population"], involvement["OT"], involvement["PT"]):
        lines.append(f"| {md_escape(population)} | {cell('OT', ot)} | {cell('PT', pt)} |")
    return "\n".join(lines)
