"""The decision aid page under AppTest: every goal gives a sourced answer, the URL
seeds it, unknown URL values are ignored, and the examples fill in the question."""

from __future__ import annotations

import shutil

import pytest
from streamlit.testing.v1 import AppTest

from app_pages.registry import BY_NAME
from components.loader import load_table
from tests.conftest import ROOT, run_page

PAGE = BY_NAME["decide"].path
STROKE = "Stroke (post-stroke rehabilitation)"
AUTISM = "Autism (autism spectrum disorder)"
SPORTS = "Sports injuries, including knee ligament (ACL) injury and surgery"
NOT_ADVICE_START = "This is general information, not medical advice"


def run(query: dict | None = None) -> AppTest:
    return run_page(PAGE, query)


def headline(at: AppTest) -> str:
    return at.markdown[1].value  # the intro, then the answer in bold


def answer_frame(at: AppTest):
    matches = [
        d.value
        for d in at.dataframe
        if list(d.value.columns) == ["Part", "Profession", "Statement", "Sources", "Sourcing"]
    ]
    assert len(matches) == 1
    return matches[0]


def test_empty_aid_guides_and_offers_examples():
    at = run()
    assert not at.exception and not at.error
    assert at.title[0].value == "Which therapy could help?"
    assert "Choose a condition, at least one goal" in at.info[0].value
    assert len(at.button) == 3
    assert any(NOT_ADVICE_START in c.value for c in at.caption)
    assert not at.get("download_button")


def test_every_widget_has_a_visible_label():
    at = run()
    for widget in [*at.selectbox, *at.multiselect]:
        assert widget.label and widget.proto.label_visibility.value == 0  # VISIBLE


@pytest.mark.parametrize("goal", load_table("goals")["goal"].tolist())
def test_each_goal_gives_an_answer_with_sources(goal):
    at = run({"goal": [goal]})
    assert not at.exception and not at.error
    assert at.multiselect(key="goal").value == [goal]
    text = headline(at)
    assert "could help" in text or "usual fit" in text or "usually lead" in text
    answer = answer_frame(at)
    why = answer[answer["Part"].str.startswith("Why: Goal")]
    assert len(why) == 1 and why["Sources"].iloc[0] != ""
    assert (answer[answer["Part"].str.startswith(("Treatment", "Access"))]["Sources"] != "").all()
    # Sources are shown as links beside the statement, and in the footer.
    # (a source whose address has brackets in it is shown unlinked, so look for any link)
    assert any(c.value.startswith("Sources: ") and "](http" in c.value for c in at.caption)
    assert any(NOT_ADVICE_START in i.value for i in at.info)


def test_url_seeds_the_whole_situation():
    at = run(
        {
            "condition": STROKE,
            "age_group": "Older adults",
            "setting": "Home",
            "goal": ["Dress, bathe and cook without help", "Walk or climb stairs without pain"],
        }
    )
    assert at.selectbox(key="condition").value == STROKE
    assert at.selectbox(key="age_group").value == "Older adults"
    assert at.selectbox(key="setting").value == "Home"
    text = headline(at)
    assert text.startswith("**Both could help")
    answer = answer_frame(at)
    assert "setting: Home" in answer.iloc[0]["Statement"]
    assert answer.iloc[1]["Profession"] == "Both"
    assert "A08" in set(answer["Part"].str.extract(r"\((A\d\d)\)")[0].dropna()) or any(
        "home" in s.lower() for s in answer.loc[answer["Part"].str.startswith("Access"), "Statement"]
    )
    # What each profession would work on comes from the stroke row.
    assert any("What each would work on for Stroke" in s.value for s in at.subheader)


def test_unknown_url_values_are_ignored():
    at = run(
        {
            "condition": "<script>alert(1)</script>",
            "age_group": "Martians",
            "setting": "Moon",
            "goal": ["Get back to a sport", "Fly", "=cmd|' /C calc'!A0"],
        }
    )
    assert not at.exception and not at.error
    assert at.selectbox(key="condition").value is None
    assert at.selectbox(key="age_group").value is None
    assert at.selectbox(key="setting").value is None
    assert at.multiselect(key="goal").value == ["Get back to a sport"]
    assert headline(at).replace("\\", "").startswith("**Physical therapy (PT) is the usual fit")


def test_condition_alone_answers_from_its_usual_lead():
    at = run({"condition": AUTISM})
    assert "For Autism" in headline(at).replace("\\", "")
    assert "occupational therapy (OT) usually leads" in headline(at).replace("\\", "")


def test_age_mismatch_is_flagged():
    at = run({"age_group": "Older adults", "goal": ["Help my child with handwriting, play or self-care"]})
    assert any("is written for" in w.value for w in at.warning)


@pytest.mark.parametrize("example, verdict", [(0, "Both"), (1, "OT"), (2, "PT")])
def test_examples_fill_in_the_question_and_answer_it(example, verdict):
    at = run()
    at.button[example].click().run()
    assert not at.exception
    answer = answer_frame(at)
    assert answer.iloc[1]["Profession"] == verdict
    assert at.selectbox(key="condition").value in (STROKE, AUTISM, SPORTS)


def test_downloads_do_not_rerun_and_cover_answer_and_rows():
    at = run({"condition": STROKE, "goal": ["Walk or climb stairs without pain"]})
    buttons = at.get("download_button")
    assert {b.proto.label for b in buttons} == {
        "Download this table (CSV)",
        "Download this answer (CSV)",
        "Download this answer (PDF)",
    }
    assert len(buttons) >= 5  # treatments, answer, goals, condition, access (+ sources)
    assert all(b.proto.ignore_rerun for b in buttons)


def test_data_values_are_escaped_in_markdown():
    at = run({"condition": STROKE, "goal": ["Walk or climb stairs without pain"]})
    for element in [*at.markdown, *at.caption]:
        assert "<script" not in element.value


@pytest.mark.slow  # runs pages on a broken copy of data/: long, like tests/reliability
@pytest.mark.parametrize("file", ["goals.csv", "access.csv", "populations.csv", "interventions.csv", "sources.csv"])
def test_a_broken_file_stops_the_aid_with_one_clear_message(tmp_path, monkeypatch, file):
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    lines = (target / file).read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2] = "not an id" + lines[2][lines[2].index(",") :]
    (target / file).write_text("".join(lines), encoding="utf-8")
    monkeypatch.setenv("OTPT_DATA_DIR", str(target))
    at = run({"goal": ["Prevent falls"]})
    assert not at.exception
    assert len(at.error) == 1 and "line 3" in at.error[0].value


def test_the_rest_of_the_app_survives_a_broken_goals_file(tmp_path, monkeypatch):
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    (target / "goals.csv").write_text("goal_id\nG01\n", encoding="utf-8")
    monkeypatch.setenv("OTPT_DATA_DIR", str(target))
    at = run_page(BY_NAME["populations"].path)
    assert not at.exception and not at.error


def test_the_answer_lists_sources_strongest_first_and_marks_weakly_sourced_statements(tmp_path, monkeypatch):
    from components.decide import strongest_first
    from tests.test_sources_page import all_sources_tier_c

    query = {"condition": STROKE, "goal": ["Walk or climb stairs without pain"]}
    at = run(query)
    answer = answer_frame(at)
    sources = load_table("sources")
    tiers = dict(zip(sources["source_id"], sources["tier"]))
    for cell in answer["Sources"]:
        ids = [s.strip() for s in cell.split(";") if s.strip()]
        assert [tiers[i] for i in ids] == sorted(tiers[i] for i in ids)  # A before B before C
        assert cell == strongest_first(cell, sources)
    # The goal's reason cites a tier A or B source: no mark on it.
    why = answer[answer["Part"].str.startswith("Why: Goal")]
    assert why["Sourcing"].iloc[0] == ""
    all_sources_tier_c(tmp_path, monkeypatch)
    at = run(query)
    answer = answer_frame(at)
    assert set(answer.loc[answer["Sources"] != "", "Sourcing"]) == {"weakly sourced"}
    assert any(":red-badge[weakly sourced]" in m.value and "Why" not in m.value for m in at.markdown)


# --- what happens next: the state's rule, paying, the care team, the PDF ------------------------

WALK = "Walk or climb stairs without pain"


def state_rows() -> list[tuple[str, str, str]]:
    rows = load_table("state_access")
    return list(zip(rows["state"], rows["pt_as_of"], rows["pt_access"]))


def rule_text(at: AppTest) -> str:
    return " ".join(m.value for m in at.markdown if "a physical therapist without a doctor" in m.value).replace(
        "\\", ""
    )


def test_state_in_the_url_seeds_the_answer_with_the_rule_its_date_and_source():
    name, as_of, _ = state_rows()[0]
    at = run({"goal": [WALK], "state": name})
    assert not at.exception and not at.error
    assert at.selectbox(key="state").value == name
    assert any(f"Do you need a referral in {name}?" in m.value.replace("\\", "") for m in at.markdown)
    assert f"In {name}, you can see a physical therapist" in rule_text(at)
    assert any(c.value.replace("\\", "").startswith(f"As of {as_of}.") and "Sources: " in c.value for c in at.caption)
    answer = answer_frame(at)
    rule = answer[answer["Part"] == f"Referral rule: {name}"]
    assert len(rule) == 1 and rule["Sources"].iloc[0] != "" and f"As of {as_of}." in rule["Statement"].iloc[0]
    pdf = [b for b in at.get("download_button") if b.proto.label == "Download this answer (PDF)"]
    assert len(pdf) == 1 and pdf[0].proto.ignore_rerun


def test_changing_the_state_changes_the_answer():
    (first, _, _), (second, _, _) = state_rows()[:2]
    at = run({"goal": [WALK], "state": first})
    before = rule_text(at)
    at.selectbox(key="state").set_value(second).run()
    assert not at.exception
    after = rule_text(at)
    assert f"In {first}," in before and f"In {second}," in after and before != after


def test_without_a_state_the_answer_gives_the_national_picture():
    at = run({"goal": [WALK]})
    text = rule_text(at)
    assert "in our table let you see a physical therapist" in text and "Rules differ by state" in text


def test_an_unknown_state_is_ignored():
    at = run({"goal": [WALK], "state": "Atlantis"})
    assert not at.exception and not at.error
    assert at.selectbox(key="state").value is None


def test_condition_labels_carry_their_aliases_for_the_search_box():
    at = run()
    options = at.selectbox(key="condition").options
    assert any("ALS" in o for o in options)
    # an old link with the bare condition name still chooses it
    assert run({"condition": STROKE}).selectbox(key="condition").value == STROKE


def test_paying_and_questions_follow_age_and_setting():
    at = run({"goal": [WALK], "age_group": "Older adults", "setting": "Outpatient clinic"})
    text = " ".join(m.value for m in at.markdown).replace("\\", "")
    assert "**Paying for therapy**" in text and "Medicare Part B" in text
    assert any(s.value == "Questions to ask at the first visit" for s in at.subheader)
    child = run(
        {"goal": ["Help my child with handwriting, play or self-care"], "age_group": "Children", "setting": "School"}
    )
    child_text = " ".join(m.value for m in child.markdown).replace("\\", "")
    assert "Schools and early intervention" in child_text and "Medicare Part B" not in child_text
