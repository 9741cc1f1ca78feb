"""The careers tables: their validation rules through the loader with tiny
fixtures, then the shipped files themselves: sources and tiers, the two employment counts,
state coverage, O*NET attribution, and that the import tool reproduces data/ exactly."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from components.loader import DataError, load_table, parse_table, split_list
from components.schema import TABLES
from components.states import STATE_ABBRS

ROOT = Path(__file__).resolve().parents[2]
KNOWN = {"sources": {"WF001", "WF002", "ON001", "ON002"}}


def parse(table: str, *rows: dict):
    schema = TABLES[table]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=schema.column_names, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return parse_table(schema, buffer.getvalue().encode(), f"data/{schema.file}", KNOWN)


NATIONAL = {
    "figure_id": "W001",
    "profession": "OT",
    "soc_code": "29-1122",
    "measure": "median_annual_wage",
    "value": "96370",
    "unit": "USD per year",
    "value_as_printed": "$96,370",
    "reference_period": "May 2023",
    "period": "2023-05",
    "period_stated": "yes",
    "flag": "",
    "note": "",
    "source_ids": "WF001",
}
STATE = {
    "figure_id": "T001",
    "profession": "PT",
    "soc_code": "29-1123",
    "state": "Texas",
    "state_abbr": "TX",
    "measure": "oews_employment",
    "value": "17170",
    "unit": "jobs",
    "value_as_printed": "17,170",
    "reference_period": "2023",
    "period": "2023-05",
    "period_stated": "yes",
    "flag": "",
    "note": "",
    "source_ids": "WF002",
}
RATING = {
    "rating_id": "R001",
    "profession": "OT",
    "onet_soc_code": "29-1122.00",
    "domain": "Skills",
    "element_id": "2.A.1.a",
    "element_name": "Reading Comprehension",
    "scale": "Importance",
    "value": "4.00",
    "n": "8",
    "standard_error": "0",
    "lower_ci": "4",
    "upper_ci": "4",
    "recommend_suppress": "N",
    "not_relevant": "",
    "data_date": "2021-08",
    "domain_source": "Analyst",
    "source_ids": "ON001; ON002",
}


def where(err: DataError) -> tuple:
    return err.file, err.line, err.column


def test_valid_fixture_rows_load():
    assert parse("wages_employment", NATIONAL, {**NATIONAL, "figure_id": "W002", "period": "2024-05"})[
        "value"
    ].tolist() == [96370, 96370]
    assert parse("state_figures", STATE)["state_abbr"].tolist() == ["TX"]
    assert parse("onet_ratings", RATING)["value"].tolist() == [4.0]


@pytest.mark.parametrize(
    "table, rows, line, column, words",
    [
        # one unit per measure
        (
            "wages_employment",
            [NATIONAL, {**NATIONAL, "figure_id": "W002", "period": "2024-05", "unit": "USD per hour"}],
            3,
            "unit",
            "rows with measure 'median_annual_wage' must all have the same unit",
        ),
        # one figure per profession, measure, period and source
        ("wages_employment", [NATIONAL, {**NATIONAL, "figure_id": "W002"}], 3, "profession", "it may appear once"),
        # a SOC code belongs to one profession
        (
            "wages_employment",
            [NATIONAL, {**NATIONAL, "figure_id": "W002", "period": "2024-05", "soc_code": "29-1123"}],
            3,
            "soc_code",
            "rows with profession 'OT'",
        ),
        # never a negative pay or count
        ("wages_employment", [{**NATIONAL, "value": "-1"}], 2, "value", "below the smallest allowed value, 0"),
        # unknown measures and units are refused
        ("wages_employment", [{**NATIONAL, "measure": "salary"}], 2, "measure", "'salary' is not one of"),
        # a state name and its abbreviation agree, both ways
        (
            "state_figures",
            [STATE, {**STATE, "figure_id": "T002", "state_abbr": "TN", "period": "2022-05"}],
            3,
            "state_abbr",
            "rows with state 'Texas'",
        ),
        (
            "state_figures",
            [STATE, {**STATE, "figure_id": "T002", "state": "Tennessee", "period": "2022-05"}],
            3,
            "state",
            "rows with state_abbr 'TX'",
        ),
        ("state_figures", [{**STATE, "state": "Texass"}], 2, "state", "'Texass' is not one of"),
        # O*NET values stay on O*NET's scales; one rating per occupation, element and scale
        ("onet_ratings", [{**RATING, "value": "7.5"}], 2, "value", "above the largest allowed value, 7"),
        ("onet_ratings", [RATING, {**RATING, "rating_id": "R002"}], 3, "onet_soc_code", "it may appear once"),
        (
            "onet_ratings",
            [RATING, {**RATING, "rating_id": "R002", "scale": "Level", "element_name": "Reading"}],
            3,
            "element_name",
            "rows with element_id '2.A.1.a'",
        ),
        ("onet_ratings", [{**RATING, "onet_soc_code": "29-1122.01"}], 2, "onet_soc_code", "is not one of"),
    ],
)
def test_careers_rules_refuse_bad_rows_naming_file_line_and_column(table, rows, line, column, words):
    with pytest.raises(DataError) as info:
        parse(table, *rows)
    assert where(info.value) == (f"data/{TABLES[table].file}", line, column)
    assert words in str(info.value)


def test_a_missing_state_is_no_row_never_an_empty_value():
    with pytest.raises(DataError) as info:
        parse("state_figures", {**STATE, "value": ""})
    assert where(info.value) == ("data/state_figures.csv", 2, "value")


# --- the shipped data ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def data():
    return {
        name: load_table(name)
        for name in (
            "sources",
            "education",
            "wages_employment",
            "work_settings",
            "state_figures",
            "workforce_trends",
            "onet_ratings",
            "onet_tasks",
            "onet_interests",
            "onet_occupations",
        )
    }


def test_row_counts(data):
    counts = {name: len(frame) for name, frame in data.items() if name not in ("sources", "education")}
    assert counts == {
        "wages_employment": 108,
        "work_settings": 140,
        "state_figures": 526,
        "workforce_trends": 209,
        "onet_ratings": 676,
        "onet_tasks": 41,
        "onet_interests": 18,
        "onet_occupations": 2,
    }


def test_workforce_sources_are_tiered_and_noted(data):
    sources = data["sources"].set_index("source_id")
    workforce = sources[sources.index.str.startswith("WF")]
    # 95 imported, less three merged into the id of the same page (WF001, WF014, WF065)
    assert len(workforce) == 92
    assert not {"WF001", "WF014", "WF065"} & set(workforce.index)
    for source_id, row in workforce.iterrows():
        if row["tier"] == "A":
            assert re.search(
                r"bls\.gov|careeronestop|onetonline|ctdol|deed\.state\.mn|projectionscentral", row["url"]
            ), source_id
        else:
            assert row["tier"] == "C", source_id
            assert re.search(r"Copy of a BLS page|Third party citing BLS|[Tt]hird party", row["note"]), source_id
    assert sources.loc["WF015", "note"] == "Copy of a BLS page hosted by a third party"
    assert sources.loc["WF004", "note"] == "Third party citing BLS"


def test_onet_sources_carry_the_cc_by_attribution(data):
    sources = data["sources"].set_index("source_id")
    assert "O*NET 30.0 Database" in sources.loc["ON001", "note"] and "CC BY 4.0" in sources.loc["ON001", "note"]
    for name in ("onet_ratings", "onet_tasks", "onet_interests", "onet_occupations"):
        assert all("ON001" in split_list(cell) for cell in data[name]["source_ids"]), name


def test_the_two_employment_counts_are_separate_measures(data):
    national = data["wages_employment"]
    oews = national[national["measure"] == "oews_employment"]
    ep = national[national["measure"] == "ep_jobs"]
    assert all(re.fullmatch(r"\d{4}-05", p) for p in oews["period"])  # OEWS: a May survey
    assert all(re.fullmatch(r"\d{4}", p) for p in ep["period"])  # projections: a base year
    trends = data["workforce_trends"]
    assert set(trends.loc[trends["series"] == "oews_employment", "unit"]) == {"jobs"}
    assert "ep_jobs" in set(trends["series"]) and "jobs_measure_unclear" in set(trends["series"])


def test_conflicting_values_are_kept_as_separate_rows(data):
    national = data["wages_employment"]
    ot_jobs_2023 = national[
        (national["profession"] == "OT")
        & (national["measure"] == "oews_employment")
        & (national["period"] == "2023-05")
    ]
    assert sorted(ot_jobs_2023["value"]) == [144840, 144850]
    ot_mean = national[
        (national["profession"] == "OT")
        & (national["measure"] == "mean_annual_wage")
        & (national["period"] == "2023-05")
    ]
    assert set(zip(ot_mean["value"], ot_mean["flag"])) == {(93491, "doubtful"), (96790, "")}


def test_hrsa_shortage_and_apta_surplus_are_both_carried(data):
    education = data["education"].set_index("fact_id")
    assert education.loc["E64", "topic"] == education.loc["E65", "topic"] == "Workforce outlook"
    assert "shortage" in education.loc["E64", "value"] and set(split_list(education.loc["E64", "source_ids"])) == {
        "CL056",
        "CL057",
    }
    assert "surplus" in education.loc["E65", "value"] and split_list(education.loc["E65", "source_ids"]) == ["CL001"]
    sources = data["sources"].set_index("source_id")
    assert "ACAPT" in sources.loc["CL001", "publisher"] and "HRSA" in sources.loc["CL056", "publisher"]


STATE_COVERAGE = {  # (profession, measure, period): states and DC with a figure (SOURCES.md, "State coverage")
    ("PT", "oews_employment", "2023-05"): 51,
    ("PT", "mean_annual_wage", "2023-05"): 20,
    ("OT", "oews_employment", "2023-05"): 25,
    ("OT", "mean_annual_wage", "2023-05"): 26,
    ("OT", "projected_change_pct", "2022-2032"): 24,
}


@pytest.mark.parametrize("key, expected", STATE_COVERAGE.items())
def test_state_coverage_of_the_latest_vintages(data, key, expected):
    profession, measure, period = key
    states = data["state_figures"]
    rows = states[(states["profession"] == profession) & (states["measure"] == measure) & (states["period"] == period)]
    assert rows.loc[rows["state_abbr"].isin(STATE_ABBRS), "state_abbr"].nunique() == expected


def test_every_onet_occupation_has_the_full_element_set(data):
    ratings = data["onet_ratings"]
    per = ratings.groupby(["profession", "domain", "scale"]).size().to_dict()
    for profession in ("OT", "PT"):
        assert per[(profession, "Skills", "Importance")] == 35 and per[(profession, "Abilities", "Level")] == 52
        assert per[(profession, "Work Styles", "Importance")] == 16 and (profession, "Work Styles", "Level") not in per
    assert data["onet_tasks"].groupby("profession").size().to_dict() == {"OT": 17, "PT": 24}
