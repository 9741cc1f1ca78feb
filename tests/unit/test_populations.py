"""Unit tests for components/populations.py on a small hand-written frame."""

from __future__ import annotations

import pandas as pd
import pytest

from components import populations as pop
from components.schema import LEADS

ROWS = [
    # population, seed, age_groups, category, usual_lead
    ("Stroke", "Stroke survivors", "Adults; Older adults", "Brain and nerves", "PT"),
    ("Autism", "Children with autism", "Children; Teenagers", "Child development", "OT"),
    ("Brain injury", "", "Teenagers; Adults", "Brain and nerves", "Both"),
    ("Knee sprain", "", "Teenagers; Adults", "Sports injuries", "PT"),
    ("Parkinson disease", "", "Older adults", "Brain and nerves", "PT"),
    ("Hand fracture", "", "Children; Adults; Older adults", "Hand and arm", "OT"),
]


def frame(rows=ROWS) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "population_id": [f"P{i:02d}" for i in range(1, len(rows) + 1)],
            "population": [r[0] for r in rows],
            "seed_population": [r[1] for r in rows],
            "age_groups": [r[2] for r in rows],
            "category": [r[3] for r in rows],
            "body_system": ["Body"] * len(rows),
            "ot_role": [f"OT for {r[0]}" for r in rows],
            "pt_role": [f"PT for {r[0]}" for r in rows],
            "usual_lead": [r[4] for r in rows],
            "lead_note": [""] * len(rows),
            "source_ids": ["CL001"] * len(rows),
        }
    )


ALL = tuple(r[0] for r in ROWS)


@pytest.fixture
def populations() -> pd.DataFrame:
    return frame()


# --- default_populations and filter_populations -----------------------------------------------


def test_default_populations_are_the_seed_ones_in_table_order(populations):
    assert pop.default_populations(populations) == ["Stroke", "Autism"]


def test_filter_by_names_keeps_those_in_table_order(populations):
    out = pop.filter_populations(populations, ["Knee sprain", "Stroke"])
    assert out["population"].tolist() == ["Stroke", "Knee sprain"]
    assert out.index.tolist() == [0, 1]


def test_empty_age_groups_and_categories_mean_any(populations):
    out = pop.filter_populations(populations, ALL, (), ())
    assert out["population"].tolist() == list(ALL)


def test_filter_by_age_group_narrows(populations):
    out = pop.filter_populations(populations, ALL, ("Children",))
    assert out["population"].tolist() == ["Autism", "Hand fracture"]


def test_age_group_match_is_by_whole_item_not_substring(populations):
    # "Adults" must not match "Older adults" only rows.
    out = pop.filter_populations(populations, ALL, ("Adults",))
    assert "Parkinson disease" not in out["population"].tolist()
    assert out["population"].tolist() == ["Stroke", "Brain injury", "Knee sprain", "Hand fracture"]


def test_several_age_groups_mean_any_of_them(populations):
    out = pop.filter_populations(populations, ALL, ("Children", "Older adults"))
    assert out["population"].tolist() == ["Stroke", "Autism", "Parkinson disease", "Hand fracture"]


def test_filter_by_category_narrows(populations):
    out = pop.filter_populations(populations, ALL, (), ("Brain and nerves",))
    assert out["population"].tolist() == ["Stroke", "Brain injury", "Parkinson disease"]


def test_filters_combine(populations):
    out = pop.filter_populations(
        populations, ("Stroke", "Brain injury", "Autism"), ("Teenagers",), ("Brain and nerves",)
    )
    assert out["population"].tolist() == ["Brain injury"]


@pytest.mark.parametrize(
    "names, ages, categories",
    [
        (("No such population",), (), ()),
        ((), (), ()),
        (ALL, ("Martians",), ()),
        (ALL, (), ("No such category",)),
    ],
)
def test_unknown_names_give_empty(populations, names, ages, categories):
    out = pop.filter_populations(populations, names, ages, categories)
    assert out.empty
    assert list(out.columns) == list(populations.columns)


# --- lead_counts and lead_totals ---------------------------------------------------------------


def test_lead_counts_has_every_category_lead_pair_with_zeros(populations):
    counts = pop.lead_counts(populations)
    assert list(counts.columns) == ["category", "usual_lead", "populations"]
    categories = set(populations["category"])
    assert set(zip(counts["category"], counts["usual_lead"])) == {(c, lead) for c in categories for lead in LEADS}
    assert len(counts) == len(categories) * len(LEADS)
    assert counts["populations"].sum() == len(populations)
    got = {(c, lead): n for c, lead, n in counts.itertuples(index=False)}
    assert got[("Brain and nerves", "PT")] == 2
    assert got[("Brain and nerves", "Both")] == 1
    assert got[("Brain and nerves", "OT")] == 0
    assert got[("Sports injuries", "OT")] == 0
    assert got[("Hand and arm", "OT")] == 1


def test_lead_counts_order_most_populations_first_then_name_then_lead_order(populations):
    counts = pop.lead_counts(populations)
    categories = counts["category"].drop_duplicates().tolist()
    # Brain and nerves has 3; the three others have 1 each and are sorted by name.
    assert categories == ["Brain and nerves", "Child development", "Hand and arm", "Sports injuries"]
    for category in categories:
        assert counts.loc[counts["category"] == category, "usual_lead"].tolist() == list(LEADS)


def test_lead_counts_only_has_categories_of_the_selection(populations):
    counts = pop.lead_counts(pop.filter_populations(populations, ("Autism",)))
    assert counts["category"].unique().tolist() == ["Child development"]
    assert counts["populations"].tolist() == [1, 0, 0]


def test_lead_counts_of_empty_selection(populations):
    counts = pop.lead_counts(populations.iloc[:0])
    assert counts.empty
    assert list(counts.columns) == ["category", "usual_lead", "populations"]


def test_lead_totals(populations):
    assert pop.lead_totals(populations) == {"OT": 2, "PT": 3, "Both": 1}
    assert pop.lead_totals(populations.iloc[:0]) == {"OT": 0, "PT": 0, "Both": 0}


# --- involvement_table -------------------------------------------------------------------------


def test_involvement_table_maps_lead_to_levels(populations):
    table = pop.involvement_table(populations)
    assert list(table.columns) == ["population", "category", "OT", "PT", "usual_lead"]
    got = {row.population: (row.OT, row.PT) for row in table.itertuples()}
    assert got["Stroke"] == ("Supports", "Leads")
    assert got["Autism"] == ("Leads", "Supports")
    assert got["Brain injury"] == ("Shares the lead", "Shares the lead")
    assert table["population"].tolist() == list(ALL)
    assert set(table["OT"]) | set(table["PT"]) <= set(pop.INVOLVEMENT_ORDER)


def test_involvement_table_of_empty_selection(populations):
    table = pop.involvement_table(populations.iloc[:0])
    assert table.empty
    assert list(table.columns) == ["population", "category", "OT", "PT", "usual_lead"]


def test_involvement_markdown_one_row_per_population_levels_in_words(populations):
    table = pop.involvement_table(populations)
    text = pop.involvement_markdown(table)
    lines = text.splitlines()
    assert lines[0].startswith("| Population | :blue-badge[OT] occupational therapy | :orange-badge[PT] physical")
    assert lines[1] == "|---|---|---|"
    rows = {line.split(" | ")[0].lstrip("| "): line for line in lines[2:]}
    assert len(rows) == len(table)
    # Leading or sharing the lead: a badge in the profession's colour; supporting: plain words.
    assert rows["Stroke"].endswith("| Supports | :orange-badge[Leads] |")
    assert rows["Autism"].endswith("| :blue-badge[Leads] | Supports |")
    assert rows["Brain injury"].endswith("| :blue-badge[Shares the lead] | :orange-badge[Shares the lead] |")


def test_involvement_markdown_escapes_data_and_translates_levels(populations):
    hostile = pop.involvement_table(populations).assign(population=["a | b [x](javascript:y) *z*"] * len(populations))
    text = pop.involvement_markdown(hostile, lambda s: {"Leads": "Dirige", "Supports": "Apoya"}.get(s, s))
    body = text.splitlines()[2]
    assert body.count(" | ") == 2 and "\\|" in body and "\\[" in body and "\\*" in body
    assert "Dirige" in text and "Apoya" in text and "Leads" not in text


def test_involvement_view_is_what_the_markdown_shows(populations):
    table = pop.involvement_table(populations)
    view = pop.involvement_view(table)
    assert list(view.columns) == ["Population", "OT involvement", "PT involvement"]
    lines = pop.involvement_markdown(table).splitlines()[2:]
    for line, row in zip(lines, view.itertuples(index=False)):
        assert line.startswith(f"| {row[0]} |") and row[1] in line and row[2] in line


# --- summary_sentence --------------------------------------------------------------------------


def test_summary_for_no_rows(populations):
    assert pop.summary_sentence(populations.iloc[:0]) == "No population matches these filters."


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Stroke", "For Stroke, physical therapy usually leads."),
        ("Autism", "For Autism, occupational therapy usually leads."),
        ("Brain injury", "For Brain injury, occupational and physical therapy usually share the lead."),
    ],
)
def test_summary_for_one_row(populations, name, expected):
    assert pop.summary_sentence(pop.filter_populations(populations, (name,))) == expected


def test_summary_for_two_leads(populations):
    selected = pop.filter_populations(populations, ("Stroke", "Autism", "Knee sprain"))
    assert (
        pop.summary_sentence(selected)
        == "Of the 3 populations shown, OT usually leads for 1 and PT usually leads for 2."
    )


def test_summary_for_many_rows(populations):
    assert pop.summary_sentence(populations) == (
        "Of the 6 populations shown, OT usually leads for 2, PT usually leads for 3 and both share the lead for 1."
    )


# --- table_view --------------------------------------------------------------------------------


def test_table_view_has_plain_column_names_in_order(populations):
    view = pop.table_view(populations)
    assert list(view.columns) == list(pop.TABLE_COLUMNS.values())
    assert view["Population"].tolist() == list(ALL)
    assert view["Who usually leads"].tolist() == populations["usual_lead"].tolist()
    assert "population_id" not in view.columns
