"""Which therapy could help? The decision aid: a situation in plain words -> OT, PT or both.

All the reasoning is in components/decide.py and the data it reads (goals.csv,
populations.csv, interventions.csv, access.csv, and for what happens next
state_access.csv, payment.csv, care_team.csv, care_roles.csv); this page only asks and shows.
Every input is bound to the URL, so the address bar always holds the whole question.
"""

import datetime as dt

import pandas as pd
import streamlit as st

from app_pages.careers_common import chart
from app_pages.common import (
    EMPTY_CELL,
    NOT_ADVICE,
    accept_english_values,
    language,
    lazy_expander,
    optional_tables,
    quiet_table,
    sources_footer,
    table_with_download,
    tables,
    translator,
    weak_badge,
)
from components import access as state_rules
from components import decide as aid
from components import payment as pay
from components.answer_pdf import answer_pdf, pdf_file_name
from components.export import download_name, to_csv_bytes
from components.i18n import N_
from components.schema import AGE_GROUPS, SETTINGS
from components.sources import source_links
from components.sourcing import mark, tier_of, with_sourcing
from components.text import md_escape

lang = language()
_ = translator(lang)
BADGES = {
    "OT": ":blue-badge[OT]",
    "PT": ":orange-badge[PT]",
    "Both": ":green-badge[" + _("OT and PT") + "]",
    "Other": ":gray-badge[" + _("Others") + "]",
}
# Worked examples a new visitor can try with one click (labels are the situation in words;
# the values are the English options, whatever the language shown).
EXAMPLES = {
    N_("Stroke, 70 years old, wants to dress and walk again"): {
        "condition": "Stroke (post-stroke rehabilitation)",
        "age": "Older adults",
        "setting": None,
        "goal": ["Dress, bathe and cook without help", "Walk or climb stairs without pain"],
    },
    N_("Child with autism, handwriting"): {
        "condition": "Autism (autism spectrum disorder)",
        "age": "Children",
        "setting": "School",
        "goal": ["Help my child with handwriting, play or self-care"],
    },
    N_("Knee pain after running"): {
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


st.title(_("Which therapy could help?"))
# The options and the URL values are the English rows (so a language switch keeps every
# choice); what is shown, and the answer, use the tables in the chosen language.
goals_en, populations_en = tables("goals", "populations")
payment_en = quiet_table("payment")  # its problem, if any, is shown once below
state_access_en = quiet_table("state_access")
goals, populations, interventions, access, sources = tables(
    "goals", "populations", "interventions", "access", "sources", lang=lang
)
goal_text = dict(zip(goals_en["goal"], goals["goal"]))
condition_text = dict(zip(populations_en["population"], populations["population"]))
# Rows that cite no tier A or B source are shown with a "weakly sourced" mark.
tiers = tier_of(sources)
# What happens next: a problem in one of these files hides its part of the answer only.
state_access, payment, care_roles, care_team = optional_tables(
    "state_access", "payment", "care_roles", "care_team", lang=lang
)
if care_roles is None:
    care_team = None
shown_labels = aid.condition_labels(populations)
condition_labels = {english: shown_labels[condition_text[english]] for english in populations_en["population"]}
# A bound selectbox keeps its option's label in the URL, and the label carries the aliases.
# Links made before (or by other pages) name the bare condition: take those as the choice.
asked = st.query_params.get("condition")
if asked in condition_labels and st.session_state.get("condition") is None:
    st.session_state["condition"] = asked
# Links made in English (or before the Spanish edition) keep working in Spanish.
accept_english_values("age_group", list(AGE_GROUPS), {age: _(age) for age in AGE_GROUPS})
accept_english_values("setting", list(SETTINGS), {place: _(place) for place in SETTINGS})
accept_english_values("goal", goals_en["goal"].tolist(), goal_text, multiple=True)
st.markdown(
    _(
        "Describe the situation: a condition, an age, a place and what the person hopes to do. "
        "Every part is optional. You will see whether **occupational therapy (OT)**, "
        "**physical therapy (PT)** or both usually help, why, and how to get started, "
        "with a source for every statement."
    )
)

with st.container(border=True):
    condition = st.selectbox(
        _("Condition or group of patients (optional)"),
        options=populations_en["population"].tolist(),
        # Other names and abbreviations are part of the label, so typing "ALS" finds the row;
        # "contains" matches the typed letters as they are, no fuzzy guessing.
        format_func=lambda name: condition_labels.get(name, name),
        filter_mode="contains",
        index=None,
        key="condition",
        bind="query-params",
        placeholder=_("Type to search, for example stroke, ALS, autism or knee"),
    )
    left, middle, right = st.columns(3)
    age = left.selectbox(
        _("Age group (optional)"),
        options=list(AGE_GROUPS),
        format_func=_,
        index=None,
        key="age_group",
        bind="query-params",
        placeholder=_("Any age"),
        help=_("Older adults means about 65 and over."),
    )
    setting = middle.selectbox(
        _("Where would therapy happen? (optional)"),
        options=list(SETTINGS),
        format_func=_,
        index=None,
        key="setting",
        bind="query-params",
        placeholder=_("Anywhere"),
    )
    # The state's name is what the URL holds (?state=Ohio); the answer works with its code.
    # The English name is the option (the URL value Jobs by state shares); the name is shown
    # in the chosen language.
    state_codes = state_rules.state_options(state_access_en) if state_access_en is not None else []
    code_of = {state_rules.state_name(code, state_access_en): code for code in state_codes}
    state_shown = {name: state_rules.state_name(code, state_access) for name, code in code_of.items()}
    accept_english_values("state", list(code_of), state_shown)
    state_name = right.selectbox(
        _("State (optional)"),
        options=list(code_of),
        format_func=lambda name: state_shown.get(name, name),
        index=None,
        key="state",
        bind="query-params",
        placeholder=_("Any state"),
        help=_("Whether you need a doctor's referral to see a therapist depends on the state."),
    )
    state = code_of.get(state_name)
    chosen_goals = st.multiselect(
        _("What does the person want to do again? (choose one or more)"),
        options=goals_en["goal"].tolist(),
        format_func=lambda goal: goal_text.get(goal, goal),
        key="goal",
        bind="query-params",
        placeholder=_("For example: walk or climb stairs without pain"),
    )

# The answer is built on the tables in the chosen language, so the situation names their rows.
situation = aid.Situation(
    condition=condition_text.get(condition) if condition else None,
    age_group=age,
    setting=setting,
    goals=tuple(goal_text.get(goal, goal) for goal in chosen_goals),
    state=state,
)
not_advice = _(NOT_ADVICE)

if situation.is_empty:
    st.info(
        _(
            "Choose a condition, at least one goal, or both, to see which therapy could help. "
            "Or start from one of these examples:"
        ),
        icon=":material/touch_app:",
    )
    for number, (label, values) in enumerate(EXAMPLES.items()):
        st.button(_(label), key=f"example_{number}", on_click=use_example, args=(values,), icon=":material/lightbulb:")
    st.caption(not_advice)
    st.stop()

answer = aid.decide(
    situation,
    goals,
    populations,
    interventions,
    access,
    state_access,
    payment,
    care_team,
    care_roles,
    _=_,
    role_texts=populations_en,
    payment_topics=payment_en,
)

# 1. The answer in one sentence, and who could help, side by side.
st.subheader(_("The answer"))
st.markdown(f"**{md_escape(answer.headline)}**")
ot_card, pt_card = st.columns(2)
for card, profession in ((ot_card, "OT"), (pt_card, "PT")):
    name = _(aid.NAMES[profession])
    name = name[0].upper() + name[1:]
    with card.container(border=True):
        if profession in answer.professions:
            st.markdown(f"{BADGES[profession]} **" + _("{name} could help.").format(name=name) + "**")
        elif profession in answer.also_help:
            st.markdown(
                f"{BADGES[profession]} "
                + _("**{name} can also help**, alongside the professional who leads.").format(name=name)
            )
        else:
            st.markdown(
                f"{BADGES[profession]} " + _("{name} is not the usual fit for what you chose.").format(name=name)
            )
st.info(not_advice, icon=":material/medical_information:")
for note in answer.notes:
    st.warning(md_escape(note), icon=":material/info:")

# 2. Why: one reason per goal, and the condition's usual lead, each with its sources.
st.subheader(_("Why"))
sources_word = _("Sources:")
for row in answer.reasons.itertuples():
    with st.container(border=True):
        st.markdown(
            f"{BADGES[row.profession]} **{md_escape(row.part)}**{weak_badge(mark(row.source_ids, tiers), lang)}  \n"
            f"{md_escape(row.statement)}"
        )
        st.caption(f"{sources_word} {source_links(row.source_ids, sources, _)}")

# 3. What each profession would work on for this condition.
if not answer.work_on.empty:
    st.subheader(
        _("What each would work on for {condition}").format(condition=md_escape(answer.condition["population"].iloc[0]))
    )
    columns = st.columns(len(answer.work_on))
    for column, row in zip(columns, answer.work_on.itertuples()):
        with column.container(border=True):
            lead_in = "" if row.in_answer else _("May also help:") + " "
            weak = weak_badge(mark(row.source_ids, tiers), lang)
            st.markdown(f"{BADGES[row.profession]} {lead_in}{md_escape(row.statement)}{weak}")
            st.caption(f"{sources_word} {source_links(row.source_ids, sources, _)}")

# 4. The treatments involved, as rows of the treatments table.
if not answer.interventions.empty:
    st.subheader(_("Treatments that may be involved"))
    lines = [
        f"- {BADGES[row.used_by]} **{md_escape(row.intervention)}**: {md_escape(row.description)}"
        f"{weak_badge(mark(row.source_ids, tiers), lang)}"
        for row in answer.interventions.itertuples()
    ]
    st.markdown("\n".join(lines))
    st.caption(_("From the treatments table, where each one has its billing codes and sources."))
    headers = {
        "intervention_id": _("Id"),
        "intervention": _("Treatment"),
        "used_by": _("Used by"),
        "for_goals": _("For your goal"),
        "description": _("What it involves"),
        "billing_codes": _("Billing codes"),
        "source_ids": _("Sources"),
        "sourcing": _("Sourcing"),
    }
    treatments = with_sourcing(answer.interventions, sources)
    treatments["sourcing"] = treatments["sourcing"].map(lambda cell: _(cell) if cell else cell)
    treatments = treatments.rename(columns=headers)[list(headers.values())]
    with st.expander(_("These treatments as a table, with billing codes and sources")):
        table_with_download(
            treatments,
            file_name=download_name(_("which-therapy-treatments"), condition or (), chosen_goals),
            key="download_answer_treatments",
            lang=lang,
        )

# 5. How to get started: the state's referral rule, where to find each profession, paying.
st.subheader(_("How to get started"))
TOPIC_HEADINGS = {
    "Referral and direct access": _("Do you need a referral?"),
    "Where to find them": _("Where to find them"),
}
if not answer.rules.empty:
    scope = answer.rules["scope"].iloc[0]
    st.markdown(
        "**" + _("Do you need a referral in {state}?").format(state=md_escape(scope)) + "**"
        if state
        else "**" + _("Do you need a referral? It depends on the state") + "**"
    )
    for row in answer.rules.itertuples():
        with st.container(border=True, key=f"state_rule_{row.profession}"):
            st.markdown(f"{BADGES[row.profession]} {md_escape(row.statement)}")
            note = f" {md_escape(row.note)}" if row.note else ""
            st.caption(
                f"{md_escape(state_rules.dated(row.as_of, _))}{note} {sources_word} "
                f"{source_links(row.source_ids, sources, _)}"
            )
    if state and "OT" in answer.professions + answer.also_help and "OT" not in answer.rules["profession"].tolist():
        st.caption(_("Our sources give no OT referral rule for {state}.").format(state=md_escape(scope)))
if answer.access.empty and answer.rules.empty:
    st.caption(_("Our sources say nothing about access for this answer."))
for topic, rows in answer.access.groupby("topic", sort=False):
    heading = TOPIC_HEADINGS.get(topic, topic)
    if topic == "Referral and direct access" and not answer.rules.empty:
        heading = _("Across the country")
    st.markdown(f"**{md_escape(heading)}**")
    for row in rows.itertuples():
        with st.container(border=True):
            st.markdown(
                f"{BADGES[row.profession]} {md_escape(row.statement)}{weak_badge(mark(row.source_ids, tiers), lang)}"
            )
            date = md_escape(state_rules.dated(row.as_of, _))
            note = f" {md_escape(row.note)}" if row.note else ""
            st.caption(f"{date}{note} {sources_word} {source_links(row.source_ids, sources, _)}")
paying = aid.payment_to_show(answer)
if not paying.empty:
    st.markdown("**" + _("Paying for therapy") + "**")
    for payer, rows in paying.groupby("payer", sort=False):
        with st.container(border=True):
            lines = [f"**{md_escape(payer)}**"]
            for _index, row in rows.iterrows():
                lines.append(
                    f"- {md_escape(row['topic'])}: {md_escape(pay.statement_with_amount(row, _))} "
                    f"({md_escape(state_rules.dated(row['as_of'], _))} {sources_word} "
                    f"{source_links(row['source_ids'], sources, _)})"
                )
            st.markdown("\n".join(lines))
    st.caption(
        _(
            "Every amount is for the year shown; amounts change every year. "
            "All payers are under “Paying for therapy” below."
        )
    )
st.caption(
    _(
        "Rules differ from state to state and between insurers, so the clinic, your insurer or a doctor "
        "can tell you what applies to you."
    )
)

# 6. Others who may help, beyond OT and PT.
if not answer.others.empty:
    st.subheader(_("Others who may help"))
    for role, rows in answer.others.groupby("role", sort=False):
        with st.container(border=True):
            st.markdown(f"**{md_escape(role)}**: {md_escape(rows['what_they_do'].iloc[0])}")
            for row in rows.itertuples():
                target = (
                    ""
                    if row.applies_to == "the condition"
                    else " " + _("(for “{goal}”)").format(goal=md_escape(goal_text.get(row.applies_to, row.applies_to)))
                )
                st.markdown(f"- {md_escape(row.reason)}{target}")
                st.caption(f"{sources_word} {source_links(row.source_ids, sources, _)}")

# 7. Questions for the first visit.
questions = aid.questions_to_ask(answer, _)
st.subheader(_("Questions to ask at the first visit"))
if (questions["source_ids"] == "").all():
    st.caption(_("General questions written by us, not taken from a source."))
st.markdown(
    "\n".join(
        f"- {md_escape(row.question)}" + (f" ({source_links(row.source_ids, sources, _)})" if row.source_ids else "")
        for row in questions.itertuples()
    )
)

# 8. Paying for therapy, every payer, and direct access in every state.
if payment is not None:
    with lazy_expander(_("Paying for therapy: Medicare, Medicaid, schools and insurance"), key="paying_open") as shown:
        if shown:
            st.markdown(
                _(
                    "What each payer covers and what it asks for, with the year of every amount. "
                    "Ask your plan or the clinic what applies to you."
                )
            )
            paying_table = pay.payment_table(payment)
            paying_table = paying_table.rename(columns={name: _(name) for name in paying_table.columns})
            table_with_download(
                paying_table,
                file_name=_("which-therapy_paying.csv"),
                key="download_paying",
                column_config={
                    _("Amount (USD)"): st.column_config.NumberColumn(format="$%,.0f"),
                    _("Amount's year"): st.column_config.NumberColumn(format="%d"),
                },
                lang=lang,
            )
if state_access is not None:
    with lazy_expander(
        _("Seeing a physical therapist without a referral, state by state (map and table)"), key="states_open"
    ) as shown:
        if shown:
            view = state_rules.access_view(state_access)
            counts = state_rules.access_counts(view)
            st.markdown(
                md_escape(state_rules.national_picture(state_access, _))
                + " "
                + md_escape(state_rules.national_dates(state_access, _))
            )
            chart(
                state_rules.access_tile_map(view, _("Seeing a PT without a referral"), highlight=state, _=_),
                key="chart_access_map",
            )
            missing = counts[state_rules.MISSING]
            st.caption(
                _(
                    "Each square is a state, placed roughly where it lies; the letter and the colour both give the "
                    "rule (U unrestricted: {u}; P provisional: {p}; L limited: {l})."
                ).format(u=int(counts["Unrestricted"]), p=int(counts["Provisional"]), l=int(counts["Limited"]))
                + " "
                + (
                    _("Grey squares with a dash ({n}) have no rule in our sources: missing, not guessed.").format(
                        n=int(missing)
                    )
                    + " "
                    if missing
                    else ""
                )
                + (_("The chosen state is outlined.") + " " if state else "")
                + _("Each state's sources and dates are in the table.")
            )
            table_with_download(
                state_rules.access_table(view, _),
                file_name=download_name(_("direct-access-by-state")),
                key="download_access_states",
                lang=lang,
            )

# 9. The whole answer as a PDF, a table and a download, and the rows behind it.
st.subheader(_("Save or share this answer"))
st.markdown(
    _(
        "The address in your browser holds all your choices: copy it to send this answer to someone. "
        "The download has every statement above with its sources."
    )
)
answer_rows = aid.answer_table(answer, situation, not_advice, sources, _)
weak_rows = bool((answer_rows["Sourcing"] != "").any())
# OT and PT are the same in both languages; "Both" and "Other" are words.
answer_rows["Profession"] = answer_rows["Profession"].replace({"Both": _("Both"), "Other": _("Other")})
answer_rows = answer_rows.rename(columns={name: _(name) for name in answer_rows.columns})
save_pdf, save_csv = st.columns(2)
save_pdf.download_button(
    _("Download this answer (PDF)"),
    # Built when clicked: one or two printed pages to take to the appointment.
    data=lambda: answer_pdf(answer, situation, sources, not_advice, made_on=dt.date.today(), _=_),
    file_name=pdf_file_name(situation, _),
    mime="application/pdf",
    on_click="ignore",
    key="download_answer_pdf",
    icon=":material/picture_as_pdf:",
    type="primary",
)
save_csv.download_button(
    _("Download this answer (CSV)"),
    data=to_csv_bytes(answer_rows),
    file_name=download_name(_("which-therapy"), condition or (), age or (), setting or (), chosen_goals),
    mime="text/csv",
    on_click="ignore",
    key="download_answer",
    icon=":material/download:",
)
with st.expander(_("This answer as a table")):
    st.dataframe(answer_rows, hide_index=True, width="stretch", key="answer_table", placeholder=EMPTY_CELL)
with st.expander(_("The data rows behind this answer")):
    if not answer.goals.empty:
        st.markdown(_("**Goals** (from goals.csv)"))
        table_with_download(
            with_sourcing(answer.goals, sources),
            file_name="which-therapy_goals.csv",
            key="download_rows_goals",
            lang=lang,
        )
    if not answer.condition.empty:
        st.markdown(_("**Condition** (from populations.csv)"))
        table_with_download(
            with_sourcing(answer.condition, sources),
            file_name="which-therapy_condition.csv",
            key="download_rows_condition",
            lang=lang,
        )
    if not answer.access.empty:
        st.markdown(_("**Access** (from access.csv)"))
        table_with_download(
            with_sourcing(answer.access, sources),
            file_name="which-therapy_access.csv",
            key="download_rows_access",
            lang=lang,
        )
    chosen_state = state_rules.state_row(state_access, state) if state_access is not None else None
    if chosen_state is not None:
        st.markdown(_("**State rule** (from state_access.csv)"))
        table_with_download(
            chosen_state.to_frame().T,
            file_name=download_name("which-therapy_state", state),
            key="download_rows_state",
            lang=lang,
        )
    if not answer.payment.empty:
        st.markdown(_("**Paying** (from payment.csv)"))
        table_with_download(
            answer.payment, file_name="which-therapy_payment.csv", key="download_rows_payment", lang=lang
        )
    if not answer.others.empty:
        st.markdown(_("**Others who may help** (from care_team.csv and care_roles.csv)"))
        table_with_download(answer.others, file_name="which-therapy_care-team.csv", key="download_rows_team", lang=lang)

cited = pd.DataFrame({"source_ids": ["; ".join(answer.source_ids())]})
sources_footer(cited, sources, _("which-therapy"), weak_shown=weak_rows, lang=lang)
