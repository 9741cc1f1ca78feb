"""Which therapy could help? The decision aid: a situation in plain words -> OT, PT or both.

All the reasoning is in components/decide.py and the data it reads (goals.csv,
populations.csv, interventions.csv, access.csv); this page only asks and shows.
Every input is bound to the URL, so the address bar always holds the whole question.
"""

import pandas as pd
import streamlit as st

from app_pages.common import NOT_ADVICE, sources_footer, table_with_download, tables, weak_badge
from components import decide as aid
from components.export import download_name, to_csv_bytes
from components.schema import AGE_GROUPS, SETTINGS
from components.sources import source_links
from components.sourcing import mark, tier_of, with_sourcing
from components.text import md_escape

BADGES = {"OT": ":blue-badge[OT]", "PT": ":orange-badge[PT]", "Both": ":green-badge[OT and PT]"}
# Worked examples a new visitor can try with one click (labels are the situation in words).
EXAMPLES = {
    "Stroke, 70 years old, wants to dress and walk again": {
        "condition": "Stroke (post-stroke rehabilitation)",
        "age": "Older adults",
        "setting": None,
        "goal": ["Dress, bathe and cook without help", "Walk or climb stairs without pain"],
    },
    "Child with autism, handwriting": {
        "condition": "Autism (autism spectrum disorder)",
        "age": "Children",
        "setting": "School",
        "goal": ["Help my child with handwriting, play or self-care"],
    },
    "Knee pain after running": {
        "condition": "Sports injuries, including knee ligament (ACL) injury and surgery",
        "age": "Adults",
        "setting": "Outpatient clinic",
        "goal": ["Manage pain in a joint, the back or a muscle", "Get back to a sport"],
    },
}


def use_example(values: dict) -> None:
    # Setting a bound widget's session state also updates the URL.
    for key, value in values.items():
        st.session_state[key] = value


st.title("Which therapy could help?")
goals, populations, interventions, access, sources = tables("goals", "populations", "interventions", "access", "sources")
# Rows that cite no tier A or B source are shown with a "weakly sourced" mark.
tiers = tier_of(sources)
st.markdown(
    "Describe the situation: a condition, an age, a place and what the person hopes to do. "
    "Every part is optional. You will see whether **occupational therapy (OT)**, "
    "**physical therapy (PT)** or both usually help, why, and how to get started, "
    "with a source for every statement."
)

with st.container(border=True):
    condition = st.selectbox(
        "Condition or group of patients (optional)",
        options=populations["population"].tolist(),
        index=None,
        key="condition",
        bind="query-params",
        placeholder="Type to search, for example stroke, autism or knee",
    )
    left, right = st.columns(2)
    age = left.selectbox(
        "Age group (optional)",
        options=list(AGE_GROUPS),
        index=None,
        key="age_group",
        bind="query-params",
        placeholder="Any age",
        help="Older adults means about 65 and over.",
    )
    setting = right.selectbox(
        "Where would therapy happen? (optional)",
        options=list(SETTINGS),
        index=None,
        key="setting",
        bind="query-params",
        placeholder="Anywhere",
    )
    chosen_goals = st.multiselect(
        "What does the person want to do again? (choose one or more)",
        options=goals["goal"].tolist(),
        key="goal",
        bind="query-params",
        placeholder="For example: walk or climb stairs without pain",
    )

situation = aid.Situation(condition=condition, age_group=age, setting=setting, goals=tuple(chosen_goals))

if situation.is_empty:
    st.info(
        "Choose a condition, at least one goal, or both, to see which therapy could help. "
        "Or start from one of these examples:",
        icon=":material/touch_app:",
    )
    for number, (label, values) in enumerate(EXAMPLES.items()):
        st.button(label, key=f"example_{number}", on_click=use_example, args=(values,), icon=":material/lightbulb:")
    st.caption(NOT_ADVICE)
    st.stop()

answer = aid.decide(situation, goals, populations, interventions, access)

# 1. The answer in one sentence, and who could help, side by side.
st.subheader("The answer")
st.markdown(f"**{md_escape(answer.headline)}**")
ot_card, pt_card = st.columns(2)
for card, profession in ((ot_card, "OT"), (pt_card, "PT")):
    name = aid.NAMES[profession][0].upper() + aid.NAMES[profession][1:]
    with card.container(border=True):
        if profession in answer.professions:
            st.markdown(f"{BADGES[profession]} **{name} could help.**")
        else:
            st.markdown(f"{BADGES[profession]} {name} is not the usual fit for what you chose.")
st.info(NOT_ADVICE, icon=":material/medical_information:")
for note in answer.notes:
    st.warning(md_escape(note), icon=":material/info:")

# 2. Why: one reason per goal, and the condition's usual lead, each with its sources.
st.subheader("Why")
for row in answer.reasons.itertuples():
    with st.container(border=True):
        st.markdown(
            f"{BADGES[row.profession]} **{md_escape(row.part)}**{weak_badge(mark(row.source_ids, tiers))}  \n"
            f"{md_escape(row.statement)}"
        )
        st.caption(f"Sources: {source_links(row.source_ids, sources)}")

# 3. What each profession would work on for this condition.
if not answer.work_on.empty:
    st.subheader(f"What each would work on for {md_escape(answer.condition['population'].iloc[0])}")
    columns = st.columns(len(answer.work_on))
    for column, row in zip(columns, answer.work_on.itertuples()):
        with column.container(border=True):
            lead_in = "" if row.in_answer else "May also help: "
            st.markdown(f"{BADGES[row.profession]} {lead_in}{md_escape(row.statement)}{weak_badge(mark(row.source_ids, tiers))}")
            st.caption(f"Sources: {source_links(row.source_ids, sources)}")

# 4. The treatments involved, as rows of the treatments table.
if not answer.interventions.empty:
    st.subheader("Treatments that may be involved")
    lines = [
        f"- {BADGES[row.used_by]} **{md_escape(row.intervention)}**: {md_escape(row.description)}"
        f"{weak_badge(mark(row.source_ids, tiers))}"
        for row in answer.interventions.itertuples()
    ]
    st.markdown("\n".join(lines))
    st.caption("From the treatments table, where each one has its billing codes and sources.")
    treatments = with_sourcing(answer.interventions, sources).rename(
        columns={
            "intervention_id": "Id",
            "intervention": "Treatment",
            "used_by": "Used by",
            "description": "What it involves",
            "for_goals": "For your goal",
            "billing_codes": "Billing codes",
            "source_ids": "Sources",
            "sourcing": "Sourcing",
        }
    )[["Id", "Treatment", "Used by", "For your goal", "What it involves", "Billing codes", "Sources", "Sourcing"]]
    with st.expander("These treatments as a table, with billing codes and sources"):
        table_with_download(
            treatments,
            file_name=download_name("which-therapy-treatments", condition or (), chosen_goals),
            key="download_answer_treatments",
        )

# 5. How to get started: referral, direct access and where to find each profession.
st.subheader("How to get started")
TOPIC_HEADINGS = {"Referral and direct access": "Do you need a referral?", "Where to find them": "Where to find them"}
if answer.access.empty:
    st.caption("Our sources say nothing about access for this answer.")
for topic, rows in answer.access.groupby("topic", sort=False):
    st.markdown(f"**{md_escape(TOPIC_HEADINGS.get(topic, topic))}**")
    for row in rows.itertuples():
        with st.container(border=True):
            st.markdown(f"{BADGES[row.profession]} {md_escape(row.statement)}{weak_badge(mark(row.source_ids, tiers))}")
            date = "Undated." if row.as_of == "undated" else f"As of {md_escape(row.as_of)}."
            note = f" {md_escape(row.note)}" if row.note else ""
            st.caption(f"{date}{note} Sources: {source_links(row.source_ids, sources)}")
st.caption(
    "Rules differ from state to state and between insurers, so the clinic, your insurer or a doctor "
    "can tell you what applies to you."
)

# 6. The whole answer as a table and a download, and the rows behind it.
st.subheader("Save or share this answer")
st.markdown(
    "The address in your browser holds all your choices: copy it to send this answer to someone. "
    "The download has every statement above with its sources."
)
answer_rows = aid.answer_table(answer, situation, NOT_ADVICE, sources)
st.download_button(
    "Download this answer (CSV)",
    data=to_csv_bytes(answer_rows),
    file_name=download_name("which-therapy", condition or (), age or (), setting or (), chosen_goals),
    mime="text/csv",
    on_click="ignore",
    key="download_answer",
    icon=":material/download:",
    type="primary",
)
with st.expander("This answer as a table"):
    st.dataframe(answer_rows, hide_index=True, width="stretch", key="answer_table")
with st.expander("The data rows behind this answer"):
    if not answer.goals.empty:
        st.markdown("**Goals** (from goals.csv)")
        table_with_download(with_sourcing(answer.goals, sources), file_name="which-therapy_goals.csv", key="download_rows_goals")
    if not answer.condition.empty:
        st.markdown("**Condition** (from populations.csv)")
        table_with_download(with_sourcing(answer.condition, sources), file_name="which-therapy_condition.csv", key="download_rows_condition")
    if not answer.access.empty:
        st.markdown("**Access** (from access.csv)")
        table_with_download(with_sourcing(answer.access, sources), file_name="which-therapy_access.csv", key="download_rows_access")

cited = pd.DataFrame({"source_ids": ["; ".join(answer.source_ids())]})
sources_footer(cited, sources, "which-therapy", weak_shown=bool((answer_rows["Sourcing"] != "").any()))
