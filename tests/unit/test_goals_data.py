"""The decision aid's data: goals, access and conflicts, and how the loader checks them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from components.loader import DATA_DIR, DataError, load_table, split_list
from components.schema import GOAL_PROFESSIONS, TABLES

LAY_GOALS = (  # goals the aid must understand, in the words a patient or caregiver uses
    "Walk or climb stairs without pain",
    "Get back to a sport",
    "Dress, bathe and cook without help",
    "Hold a pen or use my hands again",
    "Manage memory and attention after a brain injury",
    "Make my home safer",
    "Help my child with handwriting, play or self-care",
    "Return to work",
    "Prevent falls",
)


@pytest.fixture(scope="module")
def goals():
    return load_table("goals")


def test_the_lay_goals_are_all_there(goals):
    assert set(LAY_GOALS) <= set(goals["goal"])
    assert goals["goal"].str.contains("pain", case=False).sum() >= 2  # "manage pain", two ways
    assert len(goals) >= 15
    assert goals["goal"].is_unique


def test_every_profession_value_is_used(goals):
    assert set(goals["profession"]) == set(GOAL_PROFESSIONS)


def test_goals_are_plain_and_short(goals):
    for row in goals.itertuples():
        assert len(row.goal) <= 60, row.goal
        assert row.goal[0].isupper() and not row.goal.endswith("."), row.goal
        sentences = [s for s in row.reason.split(". ") if s]
        assert 1 <= len(sentences) <= 3 and len(row.reason) <= 300, row.goal


def test_every_goal_names_treatments_and_sources(goals):
    interventions = set(load_table("interventions")["intervention_id"])
    for row in goals.itertuples():
        assert set(split_list(row.intervention_ids)) <= interventions
        assert split_list(row.source_ids)


def test_a_goals_treatments_fit_its_profession(goals):
    """A PT goal should not rest only on OT-only treatments, and the other way round."""
    used_by = load_table("interventions").set_index("intervention_id")["used_by"]
    for row in goals.itertuples():
        users = {used_by[i] for i in split_list(row.intervention_ids)}
        if row.profession in ("OT", "PT"):
            assert users & {row.profession, "Both"}, row.goal


def test_access_says_what_the_sources_say_about_referral():
    access = load_table("access").set_index("access_id")
    sources = load_table("sources").set_index("source_id")
    pt = access[(access["profession"] == "PT") & (access["topic"] == "Referral and direct access")]
    ot = access[(access["profession"] == "OT") & (access["topic"] == "Referral and direct access")]
    assert any("without a doctor's referral" in s for s in pt["statement"])
    assert any("referral" in s for s in ot["statement"])
    assert "CL128" in split_list(ot.loc["A03", "source_ids"])  # the hospital OT page
    # Every setting of the aid has a row saying where to find OT and PT.
    assert {"Hospital", "Home", "School", "Outpatient clinic", "Work"} <= set(access["setting"])
    # Sources added by the project say so in their note.
    for source_id in sources.index[sources.index.str.startswith("PG")]:
        assert "Not in the clinical reference" in sources.loc[source_id, "note"]


def test_conflicts_have_two_sourced_sides_and_real_related_rows():
    conflicts = load_table("conflicts")
    ids = {
        name: set(load_table(name)[TABLES[name].id_column])
        for name in ("education", "access", "populations", "interventions", "wages_employment", "workforce_trends")
    }
    every_id = set().union(*ids.values())
    for row in conflicts.itertuples():
        assert row.side_a != row.side_b
        assert set(split_list(row.side_a_source_ids)) != set(split_list(row.side_b_source_ids)), row.question
        assert set(split_list(row.related_rows)) <= every_id, row.related_rows
    # The conflicts that education notes record are all listed.
    education = load_table("education")
    noted = set(education.loc[education["note"].str.contains("Conflicts with"), "fact_id"])
    listed = {i for cell in conflicts["related_rows"] for i in split_list(cell)}
    assert noted <= listed


@pytest.fixture
def data_copy(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    "old, new, column, problem",
    [
        ("I13;I39;I09;I10", "I13;I99", "intervention_ids", "'I99' is not an id in interventions.csv"),
        (',PT,,"Walking', ',Physio,,"Walking', "profession", "'Physio' is not one of: OT, PT, Both"),
        ("CL030;CL022;CL014;CL181", "CL030;XX999", "source_ids", "'XX999' is not an id in sources.csv"),
        (
            "G02,Get back to a sport,PT,Children;",
            "G02,Get back to a sport,PT,Kids;",
            "age_groups",
            "'Kids' is not one of",
        ),
        ("G02,", "G01,", "goal_id", "'G01' is already used on line 2"),
    ],
)
def test_goal_errors_name_file_line_and_column(data_copy, old, new, column, problem):
    replace_in(data_copy / "goals.csv", old, new)
    with pytest.raises(DataError) as info:
        load_table("goals", data_copy)
    error = info.value
    assert error.file == "data/goals.csv"
    assert error.column == column
    assert error.line in (2, 3)
    assert problem in error.problem


def test_a_missing_goal_reason_is_refused(data_copy):
    replace_in(
        data_copy / "goals.csv",
        '"Walking, balance and stairs are at the heart of physical therapy. '
        "A physical therapist trains walking (gait), balance and strength, "
        'and helps choose and use a walking aid."',
        "",
    )
    with pytest.raises(DataError) as info:
        load_table("goals", data_copy)
    assert info.value.column == "reason" and info.value.line == 2


def test_an_unknown_setting_or_conflict_source_is_refused(data_copy):
    replace_in(data_copy / "access.csv", ",Hospital,", ",Hospice,")
    with pytest.raises(DataError) as info:
        load_table("access", data_copy)
    assert info.value.column == "setting"
    replace_in(data_copy / "conflicts.csv", ",CL225,", ",CL999,")
    with pytest.raises(DataError) as info:
        load_table("conflicts", data_copy)
    assert info.value.column == "side_b_source_ids"
