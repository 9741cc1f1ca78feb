"""The decision aid's logic (components/decide.py), on small made-up tables and on the real data."""

from __future__ import annotations

import pandas as pd
import pytest

from components.decide import (
    GENERIC_QUESTIONS,
    Situation,
    answer_table,
    decide,
    describe,
    headline_for,
    select_access,
    select_goals,
    verdict_for,
)
from components.loader import DATA_DIR, load_table

NOT_ADVICE = "Information, not medical advice."


def frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows).astype(str)


GOALS = frame(
    [
        {
            "goal_id": "G01",
            "goal": "Walk again",
            "profession": "PT",
            "age_groups": "",
            "reason": "PT trains walking.",
            "intervention_ids": "I01",
            "source_ids": "S1",
        },
        {
            "goal_id": "G02",
            "goal": "Dress myself",
            "profession": "OT",
            "age_groups": "",
            "reason": "OT trains self-care.",
            "intervention_ids": "I02; I03",
            "source_ids": "S2",
        },
        {
            "goal_id": "G03",
            "goal": "Prevent falls",
            "profession": "Both",
            "age_groups": "",
            "reason": "Both help.",
            "intervention_ids": "I01; I02",
            "source_ids": "S3",
        },
        {
            "goal_id": "G04",
            "goal": "Help my child write",
            "profession": "OT",
            "age_groups": "Children",
            "reason": "OT in school.",
            "intervention_ids": "I03",
            "source_ids": "S4",
        },
    ]
)
POPULATIONS = frame(
    [
        {
            "population_id": "P01",
            "population": "Stroke",
            "age_groups": "Adults; Older adults",
            "usual_lead": "Both",
            "lead_note": "Teams include both",
            "ot_role": "Self-care and hands.",
            "pt_role": "Walking and balance.",
            "source_ids": "S5",
        },
        {
            "population_id": "P02",
            "population": "Low vision",
            "age_groups": "Older adults",
            "usual_lead": "OT",
            "lead_note": "",
            "ot_role": "Low-vision rehab.",
            "pt_role": "The sources we checked do not describe a specific PT role for this condition.",
            "source_ids": "S6",
        },
        {
            "population_id": "P03",
            "population": "Torticollis",
            "age_groups": "Infants and toddlers",
            "usual_lead": "PT",
            "lead_note": "",
            "ot_role": "The sources we checked do not describe a specific OT role for this condition.",
            "pt_role": "Neck movement.",
            "source_ids": "S7",
        },
    ]
)
INTERVENTIONS = frame(
    [
        {
            "intervention_id": "I01",
            "intervention": "Gait training",
            "used_by": "PT",
            "description": "Walking practice.",
            "source_ids": "S8",
        },
        {
            "intervention_id": "I02",
            "intervention": "Self-care training",
            "used_by": "Both",
            "description": "Daily tasks.",
            "source_ids": "S9",
        },
        {
            "intervention_id": "I03",
            "intervention": "Handwriting",
            "used_by": "OT",
            "description": "Hand skills.",
            "source_ids": "S10",
        },
    ]
)
ACCESS = frame(
    [
        {
            "access_id": "A01",
            "profession": "PT",
            "setting": "Any setting",
            "age_groups": "",
            "topic": "Referral and direct access",
            "statement": "PT direct access.",
            "source_ids": "S11",
        },
        {
            "access_id": "A02",
            "profession": "OT",
            "setting": "Any setting",
            "age_groups": "",
            "topic": "Referral and direct access",
            "statement": "OT referral.",
            "source_ids": "S12",
        },
        {
            "access_id": "A03",
            "profession": "Both",
            "setting": "School",
            "age_groups": "Children; Teenagers",
            "topic": "Where to find them",
            "statement": "Schools.",
            "source_ids": "S13",
        },
        {
            "access_id": "A04",
            "profession": "Both",
            "setting": "Any setting",
            "age_groups": "Infants and toddlers",
            "topic": "Where to find them",
            "statement": "Early intervention.",
            "source_ids": "S14",
        },
        {
            "access_id": "A05",
            "profession": "Both",
            "setting": "Home",
            "age_groups": "",
            "topic": "Where to find them",
            "statement": "Home visits.",
            "source_ids": "S15",
        },
    ]
)


def run(**kwargs):
    return decide(Situation(**kwargs), GOALS, POPULATIONS, INTERVENTIONS, ACCESS)


@pytest.mark.parametrize(
    "leads, expected",
    [
        (["OT"], "OT"),
        (["PT", "PT"], "PT"),
        (["OT", "PT"], "Both"),
        (["Both"], "Both"),
        (["OT", "Both"], "Both"),
        ([], None),
    ],
)
def test_verdict_is_the_union_of_the_professions_named(leads, expected):
    assert verdict_for(leads) == expected


def test_nothing_chosen_gives_no_verdict_and_guidance():
    answer = run()
    assert answer.verdict is None
    assert "Choose a condition or at least one goal" in answer.headline
    assert answer.reasons.empty and answer.access.empty and answer.interventions.empty


def test_one_pt_goal_gives_pt_with_its_reason_and_sources():
    answer = run(goals=("Walk again",))
    assert answer.verdict == "PT"
    assert answer.headline == "Physical therapy (PT) is the usual fit for “walk again”."
    assert answer.reasons.to_dict("records") == [
        {"part": "Goal: Walk again", "profession": "PT", "statement": "PT trains walking.", "source_ids": "S1"}
    ]
    assert list(answer.interventions["intervention_id"]) == ["I01"]
    assert list(answer.access["access_id"]) == ["A01"]  # PT access only


def test_ot_goal_and_pt_goal_give_both_and_name_each_part():
    answer = run(goals=("Dress myself", "Walk again"))
    assert answer.verdict == "Both"
    assert "occupational therapy (OT) for “dress myself”" in answer.headline
    assert "physical therapy (PT) for “walk again”" in answer.headline
    assert set(answer.access["access_id"]) == {"A01", "A02"}


def test_a_both_goal_alone_gives_both():
    answer = run(goals=("Prevent falls",))
    assert answer.verdict == "Both"
    assert "either or both for “prevent falls”" in answer.headline


def test_goals_keep_the_users_order_and_share_interventions_once():
    answer = run(goals=("Prevent falls", "Walk again"))
    assert list(answer.goals["goal"]) == ["Prevent falls", "Walk again"]
    assert list(answer.interventions["intervention_id"]) == ["I01", "I02"]
    gait = answer.interventions.set_index("intervention_id").loc["I01", "for_goals"]
    assert gait == "Prevent falls; Walk again"


def test_unknown_goal_texts_are_ignored():
    assert list(select_goals(GOALS, ("Nope", "Walk again", "<b>x</b>"))["goal"]) == ["Walk again"]
    assert run(goals=("Nope",)).verdict is None


def test_condition_alone_decides_by_its_usual_lead():
    answer = run(condition="Low vision")
    assert answer.verdict == "OT"
    assert answer.headline == "For Low vision, occupational therapy (OT) usually leads."
    # The PT row says no role was found, so it is not offered as something PT would do.
    assert list(answer.work_on["profession"]) == ["OT"]
    both = run(condition="Stroke")
    assert both.verdict == "Both"
    assert list(both.work_on["profession"]) == ["OT", "PT"] and all(both.work_on["in_answer"])


def test_goals_decide_and_the_condition_adds_context():
    answer = run(condition="Stroke", goals=("Walk again",))
    assert answer.verdict == "PT"
    assert any("occupational therapy (OT) also usually takes part" in n for n in answer.notes)
    # Both roles are listed; OT's is marked as part of the condition's usual care.
    assert list(answer.work_on["profession"]) == ["OT", "PT"]
    condition_reason = answer.reasons[answer.reasons["part"] == "Condition: Stroke"].iloc[0]
    assert condition_reason["statement"] == "Both professions usually take part for this condition. Teams include both."
    assert condition_reason["source_ids"] == "S5"


def test_unknown_condition_is_ignored():
    answer = run(condition="Nope", goals=("Walk again",))
    assert answer.condition.empty and answer.work_on.empty and answer.verdict == "PT"


def test_age_notes_flag_goals_and_conditions_written_for_other_ages():
    answer = run(condition="Torticollis", age_group="Older adults", goals=("Help my child write",))
    assert any("“help my child write” is written for children; you chose older adults" in n for n in answer.notes)
    assert any("Our sources describe Torticollis mainly in infants and toddlers" in n for n in answer.notes)
    assert run(age_group="Children", goals=("Help my child write",)).notes == []


def test_access_rows_follow_setting_and_age():
    both = ("OT", "PT")
    assert set(select_access(ACCESS, both, None, set())["access_id"]) == {"A01", "A02"}
    assert set(select_access(ACCESS, both, "School", {"Children"})["access_id"]) == {"A01", "A02", "A03"}
    assert set(select_access(ACCESS, both, "School", {"Older adults"})["access_id"]) == {"A01", "A02"}
    assert set(select_access(ACCESS, both, "School", set())["access_id"]) == {"A01", "A02", "A03"}
    assert set(select_access(ACCESS, both, "Home", {"Infants and toddlers"})["access_id"]) == {
        "A01",
        "A02",
        "A04",
        "A05",
    }
    assert set(select_access(ACCESS, ("PT",), "Home", set())["access_id"]) == {"A01", "A05"}
    assert select_access(ACCESS, (), "Home", set()).empty


def test_every_statement_carries_its_sources():
    answer = run(condition="Stroke", setting="Home", goals=("Dress myself", "Walk again"))
    assert answer.source_ids() == ["S2", "S1", "S5", "S9", "S10", "S8", "S11", "S12", "S15"]
    table = answer_table(
        answer, Situation(condition="Stroke", setting="Home", goals=("Dress myself", "Walk again")), NOT_ADVICE
    )
    assert list(table.columns) == ["Part", "Profession", "Statement", "Sources"]
    ours = table["Part"] == "Question to ask (written by us)"  # generic questions, labelled as ours
    assert ours.sum() == len(GENERIC_QUESTIONS)
    statements = table[~table["Part"].isin(["Your situation", "Note"]) & ~ours]
    assert (statements["Sources"] != "").all(), statements[statements["Sources"] == ""]
    assert table.iloc[-1]["Statement"] == NOT_ADVICE
    assert table.iloc[1]["Statement"] == answer.headline


def test_describe_names_every_part_of_the_situation():
    text = describe(Situation("Stroke", "Older adults", "Home", ("Walk again",)))
    assert text == "condition: Stroke, age: Older adults, setting: Home, goals: Walk again"
    assert describe(Situation()) == "nothing chosen"


def test_headline_without_goals_or_condition():
    assert headline_for(None, GOALS.iloc[0:0], None).startswith("Choose")


# --- On the shipped data: three typical situations, and every goal alone ------------------


@pytest.fixture(scope="module")
def real():
    return tuple(load_table(n, DATA_DIR) for n in ("goals", "populations", "interventions", "access"))


def population(real, start: str) -> str:
    return next(p for p in real[1]["population"] if p.startswith(start))


def test_stroke_older_adult_dress_and_walk_gives_both(real):
    answer = decide(
        Situation(
            population(real, "Stroke"),
            "Older adults",
            None,
            ("Dress, bathe and cook without help", "Walk or climb stairs without pain"),
        ),
        *real,
    )
    assert answer.verdict == "Both"
    assert answer.notes == []
    assert set(answer.access["topic"]) == {"Referral and direct access"}
    assert {"I12", "I13"} <= set(answer.interventions["intervention_id"])


def test_child_with_autism_handwriting_gives_ot(real):
    answer = decide(
        Situation(
            population(real, "Autism"), "Children", "School", ("Help my child with handwriting, play or self-care",)
        ),
        *real,
    )
    assert answer.verdict == "OT"
    assert "I52" in set(answer.interventions["intervention_id"])
    assert "A05" in set(answer.access["access_id"])  # schools offer OT
    assert answer.notes == []


def test_knee_pain_after_running_gives_pt(real):
    answer = decide(
        Situation(
            population(real, "Sports injuries"),
            "Adults",
            None,
            ("Get back to a sport", "Manage pain in a joint, the back or a muscle"),
        ),
        *real,
    )
    assert answer.verdict == "PT"
    assert set(answer.access["profession"]) <= {"PT", "Both"}
    assert any("without a doctor's referral" in s for s in answer.access["statement"])


def test_every_goal_alone_gives_a_sourced_answer(real):
    goals = real[0]
    for goal, profession in zip(goals["goal"], goals["profession"]):
        answer = decide(Situation(goals=(goal,)), *real)
        if profession == "Other":  # another professional leads: no OT/PT verdict, the goal is named as led by others
            assert answer.verdict is None and goal in answer.led_by_others, goal
        else:
            assert answer.verdict in ("OT", "PT", "Both"), goal
        assert answer.source_ids(), goal
        assert not answer.interventions.empty, goal
        assert not answer.access.empty, goal
