"""The shipped tables of what happens next: every state row sourced and dated, every amount
with its year, every care-team role resolved, and the conditions people search for found."""

from __future__ import annotations

from pathlib import Path

import pytest

from components.decide import search_conditions
from components.loader import DATA_DIR, load_table, split_list
from components.schema import OTHER, STATES

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def state_access():
    return load_table("state_access")


def test_every_state_and_dc_has_a_row(state_access):
    missing = sorted({abbr for _, abbr in STATES} - set(state_access["state_code"]))
    assert missing == [], f"no direct-access row for {missing}"


def test_every_state_row_is_sourced_and_dated(state_access):
    for row in state_access.itertuples():
        assert split_list(row.pt_source_ids), row.state_code
        assert row.pt_as_of != "undated", f"{row.state_code}: the PT rule has no date"
        if row.ot_referral_evaluation or row.ot_referral_treatment:
            assert row.ot_as_of and row.ot_as_of != "undated" and split_list(row.ot_source_ids), row.state_code


def test_state_names_match_their_codes(state_access):
    names = dict((abbr, name) for name, abbr in STATES)
    for row in state_access.itertuples():
        if row.state_code in names:
            assert row.state == names[row.state_code]


def test_every_amount_carries_its_year():
    payment = load_table("payment")
    with_amount = payment[payment["amount_usd"].notna()]
    assert with_amount["amount_year"].notna().all()
    assert len(with_amount) > 0


def test_the_kx_thresholds_are_given_by_year_for_each_profession_group():
    payment = load_table("payment")
    kx = payment[payment["topic"].str.contains("KX", case=False) & payment["amount_usd"].notna()]
    assert not kx.empty
    assert kx.groupby(["profession", "amount_year"]).size().max() == 1, "one KX amount per profession group and year"


def test_every_care_team_role_resolves_and_every_other_goal_names_a_role():
    roles = load_table("care_roles")
    team = load_table("care_team")
    goals = load_table("goals")
    assert set(team["role_id"]) <= set(roles["role_id"])
    with_team = {g for cell in team["goal_ids"] for g in split_list(cell)}
    led_by_others = set(goals.loc[goals["profession"] == OTHER, "goal_id"])
    assert led_by_others <= with_team, (
        f"goals marked Other without a care_team row: {sorted(led_by_others - with_team)}"
    )


@pytest.mark.parametrize("query", ["ALS", "rotator cuff", "hip fracture"])
def test_the_conditions_people_search_for_are_found(query):
    assert search_conditions(load_table("populations"), query), f"no condition found for {query!r}"


def test_the_stale_39th_state_statement_is_gone():
    places = [*DATA_DIR.glob("*.csv"), *(ROOT / "components").glob("*.py"), *(ROOT / "app_pages").glob("*.py")]
    stale = [p.name for p in places if "39th state" in p.read_text(encoding="utf-8")]
    assert stale == []
