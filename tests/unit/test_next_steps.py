"""What happens next, on small made-up tables: a state's referral rule, the national picture,
payment rows for an age and a place, others on the care team, goals led by another
profession, and the condition search by alias."""

from __future__ import annotations

import pandas as pd
import pytest

from components import access, payment
from components.decide import (
    GENERIC_QUESTIONS,
    Situation,
    answer_table,
    condition_label,
    condition_labels,
    decide,
    describe,
    questions_to_ask,
    search_conditions,
)
from tests.unit.test_decide import ACCESS, GOALS, INTERVENTIONS, POPULATIONS, frame

STATE_ACCESS = pd.DataFrame(
    [
        {
            "state_code": "OH",
            "state": "Ohio",
            "pt_access": "Unrestricted",
            "pt_limits": "",
            "pt_visit_limit": pd.NA,
            "pt_day_limit": pd.NA,
            "pt_notify_physician": "",
            "pt_experience_required": "",
            "pt_as_of": "2025-01-01",
            "pt_source_ids": "S20",
            "ot_referral_evaluation": "",
            "ot_referral_treatment": "",
            "ot_as_of": "",
            "ot_source_ids": "",
            "note": "",
        },
        {
            "state_code": "ME",
            "state": "Maine",
            "pt_access": "Provisional",
            "pt_limits": "",
            "pt_visit_limit": 10,
            "pt_day_limit": 30,
            "pt_notify_physician": "Yes",
            "pt_experience_required": "",
            "pt_as_of": "2025-07",
            "pt_source_ids": "S21",
            "ot_referral_evaluation": "Not required",
            "ot_referral_treatment": "Required for some treatment",
            "ot_as_of": "2024",
            "ot_source_ids": "S22",
            "note": "",
        },
        {
            "state_code": "MS",
            "state": "Mississippi",
            "pt_access": "Limited",
            "pt_limits": "Only an evaluation and some wellness care",
            "pt_visit_limit": pd.NA,
            "pt_day_limit": pd.NA,
            "pt_notify_physician": "",
            "pt_experience_required": "",
            "pt_as_of": "2025-07",
            "pt_source_ids": "S21",
            "ot_referral_evaluation": "",
            "ot_referral_treatment": "",
            "ot_as_of": "",
            "ot_source_ids": "",
            "note": "",
        },
        {
            "state_code": "PR",
            "state": "Puerto Rico",
            "pt_access": "Provisional",
            "pt_limits": "",
            "pt_visit_limit": pd.NA,
            "pt_day_limit": pd.NA,
            "pt_notify_physician": "",
            "pt_experience_required": "2 years of practice",
            "pt_as_of": "2025-07",
            "pt_source_ids": "S21",
            "ot_referral_evaluation": "",
            "ot_referral_treatment": "",
            "ot_as_of": "",
            "ot_source_ids": "",
            "note": "",
        },
    ]
)
for _column in ("pt_visit_limit", "pt_day_limit"):
    STATE_ACCESS[_column] = STATE_ACCESS[_column].astype("Int64")

PAYMENT = pd.DataFrame(
    [
        {
            "payment_id": "M01",
            "payer": "Medicare Part B",
            "profession": "Both",
            "topic": "Deductible",
            "statement": "You pay the yearly deductible first.",
            "amount_usd": 257.0,
            "amount_year": 2025,
            "as_of": "2025",
            "source_ids": "S30",
            "note": "",
        },
        {
            "payment_id": "M02",
            "payer": "Medicare Part B",
            "profession": "PT",
            "topic": "KX threshold",
            "statement": "Above this yearly amount the therapist confirms the care is needed.",
            "amount_usd": 2410.0,
            "amount_year": 2025,
            "as_of": "2025",
            "source_ids": "S31",
            "note": "",
        },
        {
            "payment_id": "M03",
            "payer": "Medicare home health",
            "profession": "Both",
            "topic": "Homebound rule",
            "statement": "Home health needs the person to be homebound.",
            "amount_usd": float("nan"),
            "amount_year": pd.NA,
            "as_of": "2024",
            "source_ids": "S32",
            "note": "",
        },
        {
            "payment_id": "M04",
            "payer": "Schools and early intervention",
            "profession": "Both",
            "topic": "IDEA",
            "statement": "Schools provide therapy a child needs to learn, at no cost to the family.",
            "amount_usd": float("nan"),
            "amount_year": pd.NA,
            "as_of": "2024",
            "source_ids": "S33",
            "note": "",
        },
        {
            "payment_id": "M05",
            "payer": "Private insurance",
            "profession": "Both",
            "topic": "Questions to ask",
            "statement": "Ask how many visits a year your plan pays for.",
            "amount_usd": float("nan"),
            "amount_year": pd.NA,
            "as_of": "2024",
            "source_ids": "S34",
            "note": "",
        },
        {
            "payment_id": "M06",
            "payer": "Medicare Part B",
            "profession": "OT",
            "topic": "KX threshold",
            "statement": "The OT amount.",
            "amount_usd": 2410.0,
            "amount_year": 2025,
            "as_of": "2025",
            "source_ids": "S31",
            "note": "",
        },
    ]
)
PAYMENT["amount_year"] = PAYMENT["amount_year"].astype("Int64")

GOALS_WITH_OTHER = pd.concat(
    [
        GOALS,
        frame(
            [
                {
                    "goal_id": "G05",
                    "goal": "Swallow safely",
                    "profession": "Other",
                    "age_groups": "",
                    "reason": "A speech-language pathologist leads.",
                    "intervention_ids": "I03",
                    "source_ids": "S40",
                },
            ]
        ),
    ],
    ignore_index=True,
)
CARE_ROLES = frame(
    [
        {
            "role_id": "R01",
            "role": "Speech-language pathologist",
            "what_they_do": "Speech and swallowing.",
            "source_ids": "S41",
        },
        {"role_id": "R02", "role": "Social worker", "what_they_do": "Support and services.", "source_ids": "S42"},
    ]
)
CARE_TEAM = frame(
    [
        {
            "team_id": "T001",
            "role_id": "R01",
            "population_ids": "P01",
            "goal_ids": "",
            "reason": "Speech after a stroke.",
            "source_ids": "S43",
        },
        {
            "team_id": "T002",
            "role_id": "R01",
            "population_ids": "",
            "goal_ids": "G05",
            "reason": "Leads swallowing care.",
            "source_ids": "S44",
        },
        {
            "team_id": "T003",
            "role_id": "R02",
            "population_ids": "P02",
            "goal_ids": "",
            "reason": "Help at home.",
            "source_ids": "S45",
        },
    ]
)
POPULATIONS_WITH_ALIASES = POPULATIONS.assign(aliases=["CVA; brain attack", "", "wry neck"])
POPULATIONS_WITH_ALIASES.loc[len(POPULATIONS_WITH_ALIASES)] = {
    "population_id": "P04",
    "population": "Amyotrophic lateral sclerosis",
    "age_groups": "Adults",
    "usual_lead": "Both",
    "lead_note": "",
    "ot_role": "Daily tasks.",
    "pt_role": "Mobility.",
    "source_ids": "S8",
    "aliases": "ALS; Lou Gehrig's disease",
}
POPULATIONS_WITH_ALIASES.loc[len(POPULATIONS_WITH_ALIASES)] = {
    "population_id": "P05",
    "population": "Balance problems and falls",
    "age_groups": "Older adults",
    "usual_lead": "PT",
    "lead_note": "",
    "ot_role": "Home safety.",
    "pt_role": "Balance.",
    "source_ids": "S8",
    "aliases": "",
}


def run(**kwargs):
    return decide(
        Situation(**kwargs),
        GOALS_WITH_OTHER,
        POPULATIONS_WITH_ALIASES,
        INTERVENTIONS,
        ACCESS,
        STATE_ACCESS,
        PAYMENT,
        CARE_TEAM,
        CARE_ROLES,
    )


# --- a state's rule -----------------------------------------------------------------------------


def test_unrestricted_state_says_no_limits():
    text = access.pt_rule_sentence(access.state_row(STATE_ACCESS, "OH"))
    assert (
        text == "In Ohio, you can see a physical therapist without a doctor's referral, "
        "with no limits (unrestricted direct access)."
    )


def test_provisional_state_lists_its_limits_from_the_columns():
    text = access.pt_rule_sentence(access.state_row(STATE_ACCESS, "ME"))
    assert "with limits (provisional direct access)" in text
    assert "after 10 visits" in text and "after 30 days" in text and "must tell your doctor" in text


def test_limited_state_uses_the_limits_in_words():
    text = access.pt_rule_sentence(access.state_row(STATE_ACCESS, "MS"))
    assert text.endswith("only for some care (limited direct access): Only an evaluation and some wellness care.")


def test_ot_rule_only_where_the_row_has_one():
    assert access.ot_rule_sentence(access.state_row(STATE_ACCESS, "OH")) is None
    assert access.ot_rule_sentence(access.state_row(STATE_ACCESS, "ME")) == (
        "For occupational therapy in Maine: an evaluation needs no referral "
        "and treatment needs a referral for some kinds of treatment."
    )


def test_national_picture_counts_every_level_and_says_rules_differ():
    text = access.national_picture(STATE_ACCESS)
    assert text.startswith("All 3 states and one territory in our table")
    assert "1 with no limits" in text and "2 with limits" in text and "1 only for some care" in text
    assert "Rules differ by state" in text
    assert access.national_sources(STATE_ACCESS) == "S21"  # the source behind many rows; Ohio's own is in its row


def test_a_chosen_state_puts_its_rule_with_date_and_source_in_the_answer():
    answer = run(goals=("Walk again", "Dress myself"), state="ME")
    rules = answer.rules.to_dict("records")
    assert [r["profession"] for r in rules] == ["PT", "OT"]
    assert rules[0]["scope"] == "Maine" and rules[0]["as_of"] == "2025-07" and rules[0]["source_ids"] == "S21"
    assert rules[1]["as_of"] == "2024" and rules[1]["source_ids"] == "S22"
    assert {"S21", "S22"} <= set(answer.source_ids())
    table = answer_table(answer, Situation(goals=("Walk again",), state="ME"), "Not advice.")
    rule_rows = table[table["Part"] == "Referral rule: Maine"]
    assert rule_rows["Statement"].str.contains("As of 2025-07.").any()


def test_changing_the_state_changes_the_answer():
    ohio, maine = run(goals=("Walk again",), state="OH"), run(goals=("Walk again",), state="ME")
    assert ohio.rules["statement"].tolist() != maine.rules["statement"].tolist()
    assert "Ohio" in ohio.rules["statement"].iloc[0] and "Maine" in maine.rules["statement"].iloc[0]


def test_no_state_gives_the_national_picture_with_sources_and_dates():
    answer = run(goals=("Walk again",))
    assert answer.rules["scope"].tolist() == ["United States"]
    assert "Rules differ by state" in answer.rules["statement"].iloc[0]
    assert answer.rules["as_of"].iloc[0] == "2025-01-01 to 2025-07"


def test_unknown_state_gives_a_note_not_a_guess():
    answer = run(goals=("Walk again",), state="ZZ")
    assert answer.rules.empty
    assert any("no direct-access rule" in n for n in answer.notes)


def test_access_view_keeps_missing_states_missing_and_adds_territories():
    view = access.access_view(STATE_ACCESS)
    assert len(view) == 51 + 1  # 50 states and DC, then Puerto Rico
    assert view.loc[view["state_code"] == "TX", "PT without a referral"].item() == access.MISSING
    assert view.loc[view["state_code"] == "ME", "Visit limit"].item() == 10
    assert access.access_counts(view) == {"Unrestricted": 1, "Provisional": 2, "Limited": 1, access.MISSING: 48}
    assert "state_code" not in access.access_table(view).columns


def test_access_map_has_a_legend_entry_and_a_letter_per_level():
    fig = access.access_tile_map(access.access_view(STATE_ACCESS), "PT without a referral", highlight="ME")
    legend = [t.name for t in fig.data if t.type == "scatter"]
    assert legend[0].startswith("U Unrestricted") and legend[-1].startswith("– No data")
    texts = [cell for t in fig.data if t.type == "heatmap" for line in t.text for cell in line if cell]
    assert "OH<br>U" in texts and "ME<br>P" in texts and "PR<br>P" in texts and "TX<br>–" in texts
    assert len(fig.layout.shapes) == 1  # the chosen state is outlined


# --- paying ---------------------------------------------------------------------------------------


def test_children_at_school_get_school_services_first_and_no_medicare():
    rows = payment.payment_for(PAYMENT, ("OT",), "Children", "School")
    assert rows["payer"].tolist()[0] == "Schools and early intervention"
    assert not rows["payer"].str.startswith("Medicare").any()


def test_older_adults_at_home_get_home_health_first_and_their_profession_only():
    rows = payment.payment_for(PAYMENT, ("PT",), "Older adults", "Home")
    assert rows["payment_id"].tolist() == [
        "M03",
        "M01",
        "M02",
        "M05",
    ]  # home health, Part B (not the OT threshold), insurers


def test_home_health_is_left_out_outside_the_home_once_an_age_is_known():
    assert (
        "M03" not in payment.payment_for(PAYMENT, ("PT",), "Older adults", "Outpatient clinic")["payment_id"].tolist()
    )


def test_a_yearly_amount_shows_its_newest_year_only_in_the_answer():
    older = PAYMENT.iloc[[1]].assign(payment_id="M07", amount_usd=2330.0, amount_year=2024)
    rows = payment.payment_for(pd.concat([PAYMENT, older], ignore_index=True), ("PT",), "Older adults", None)
    kx = rows[rows["topic"] == "KX threshold"]
    assert kx["amount_year"].tolist() == [2025]
    assert (
        len(payment.payment_table(pd.concat([PAYMENT, older]))) == len(PAYMENT) + 1
    )  # the full table keeps every year


def test_every_amount_is_shown_with_its_year():
    assert payment.amount_text(2410.0, 2025) == "$2,410 (2025)"
    assert payment.amount_text(float("nan"), pd.NA) == ""
    row = PAYMENT.iloc[0]
    assert payment.statement_with_amount(row) == "You pay the yearly deductible first. Amount: $257 (2025)."
    table = payment.payment_table(PAYMENT)
    with_amount = table.dropna(subset=["Amount (USD)"])
    assert with_amount["Amount's year"].notna().all()


def test_payment_rows_are_in_the_answer_and_the_download():
    answer = run(goals=("Walk again",), age_group="Older adults", setting="Home")
    assert answer.payment["payment_id"].tolist() == ["M03", "M01", "M02", "M05"]
    table = answer_table(answer, Situation(goals=("Walk again",)), "Not advice.")
    assert table["Statement"].str.contains(r"\$2,410 \(2025\)").any()


def test_questions_come_from_sourced_rows_when_there_are_some():
    sourced = run(goals=("Walk again",), age_group="Adults")
    assert questions_to_ask(sourced).to_dict("records") == [
        {"question": "Ask how many visits a year your plan pays for.", "source_ids": "S34"}
    ]
    generic = decide(
        Situation(goals=("Walk again",), age_group="Older adults"),
        GOALS_WITH_OTHER,
        POPULATIONS_WITH_ALIASES,
        INTERVENTIONS,
        ACCESS,
        STATE_ACCESS,
        PAYMENT[PAYMENT["payment_id"] != "M05"],
        CARE_TEAM,
        CARE_ROLES,
    )
    assert questions_to_ask(generic)["question"].tolist() == list(GENERIC_QUESTIONS)
    assert (questions_to_ask(generic)["source_ids"] == "").all()


# --- the care team --------------------------------------------------------------------------------


def test_others_who_may_help_for_the_condition_with_reason_and_both_sources():
    answer = run(condition="Stroke")
    others = answer.others.to_dict("records")
    assert [(o["role"], o["reason"], o["source_ids"]) for o in others] == [
        ("Speech-language pathologist", "Speech after a stroke.", "S43; S41")
    ]


def test_roles_resolve_for_every_care_team_row():
    roles = set(CARE_ROLES["role_id"])
    assert set(CARE_TEAM["role_id"]) <= roles


def test_a_goal_led_by_another_profession_names_it_and_says_where_ot_helps():
    answer = run(goals=("Swallow safely",))
    assert answer.verdict is None
    assert (
        answer.headline == "A speech-language pathologist usually leads for “swallow safely”; "
        "occupational therapy (OT) can also help with it."
    )
    assert answer.also_help == ("OT",)
    assert answer.led_by_others == {"Swallow safely": ["Speech-language pathologist"]}
    assert answer.others["reason"].tolist() == ["Leads swallowing care."]


def test_other_goal_with_a_therapy_goal_keeps_the_therapy_verdict():
    answer = run(goals=("Walk again", "Swallow safely"))
    assert answer.verdict == "PT"
    assert answer.headline.startswith("Physical therapy (PT) is the usual fit for “walk again”.")
    assert "speech-language pathologist usually leads" in answer.headline


def test_describe_names_the_state():
    assert describe(Situation(goals=("Walk again",), state="OH")) == "state: Ohio, goals: Walk again"


# --- condition search ------------------------------------------------------------------------------


def test_label_carries_the_aliases_so_the_search_box_finds_them():
    assert condition_label("Amyotrophic lateral sclerosis", "ALS; Lou Gehrig's disease") == (
        "Amyotrophic lateral sclerosis — ALS, Lou Gehrig's disease"
    )
    assert (
        condition_label("Hip fracture (broken hip)", "hip fracture; broken hip; fractured hip")
        == "Hip fracture (broken hip) — fractured hip"
    )
    assert condition_label("Low vision", "") == "Low vision"
    labels = condition_labels(POPULATIONS_WITH_ALIASES)
    for name, aliases in zip(POPULATIONS_WITH_ALIASES["population"], POPULATIONS_WITH_ALIASES["aliases"]):
        for alias in filter(None, (a.strip() for a in aliases.split(";"))):
            assert alias.casefold() in labels[name].casefold()


@pytest.mark.parametrize(
    "query, expected",
    [
        ("ALS", ["Amyotrophic lateral sclerosis"]),  # the alias, never "falls"
        ("als", ["Amyotrophic lateral sclerosis"]),
        ("lou gehrig's", ["Amyotrophic lateral sclerosis"]),
        ("CVA", ["Stroke"]),
        ("falls", ["Balance problems and falls"]),
        ("neck", ["Torticollis"]),
        ("sclero", []),  # part of a word is not a word: no guessing
        ("", []),
    ],
)
def test_search_matches_whole_words_of_names_and_aliases(query, expected):
    assert search_conditions(POPULATIONS_WITH_ALIASES, query) == expected
