"""The decision aid's logic: from a situation in plain words to a sourced answer.

Pure pandas, no Streamlit. Which profession fits which goal is data (goals.csv), as
is who usually leads for a condition (populations.csv) and how to get access
(access.csv); this module only combines the rows the user's choices select:

- the goals decide: the answer names every profession a chosen goal points to
  (a goal marked Both points to both); with no goal, the condition's usual lead decides;
- the condition adds what each profession would work on, and says so when it usually
  involves a profession the goals did not name;
- age group and setting pick the access rows and flag goals written for other ages;
- a goal marked Other is led by someone else (care_team.csv names who): the answer names
  that role, and OT or PT where the goal's treatments are theirs;
- an optional state adds that state's direct-access rule (state_access.csv); without one
  the answer gives the national picture; payment.csv rows follow the age and setting.

Every statement in the answer carries the source ids of the row it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from components import access as state_rules
from components import care_team as team
from components import payment as pay
from components.figures import TIER_RANK, period_key
from components.i18n import N_, Translate, identity
from components.loader import split_list
from components.schema import AGE_GROUPS, OTHER, TIERS
from components.sources import cited_ids
from components.sourcing import SOURCING_LABEL, mark, tier_of

NAMES = {"OT": N_("occupational therapy (OT)"), "PT": N_("physical therapy (PT)")}
SHORT = {"OT": "OT", "PT": "PT", "Both": "Both"}
# Rows of populations.csv that say no specific role was found start like this.
NO_ROLE_MARKERS = ("The sources we checked do not describe", "No OT guideline", "No separate PT role", "No OT role")


@dataclass(frozen=True)
class Situation:
    """What the user told the aid; every part is optional."""

    condition: str | None = None  # a population name from populations.csv
    age_group: str | None = None
    setting: str | None = None
    goals: tuple[str, ...] = ()  # goal texts from goals.csv
    state: str | None = None  # a state code from state_access.csv

    @property
    def is_empty(self) -> bool:
        return not self.condition and not self.goals


@dataclass
class Answer:
    verdict: str | None  # "OT", "PT", "Both", or None when nothing was chosen
    headline: str
    reasons: pd.DataFrame  # part, profession, statement, source_ids
    work_on: pd.DataFrame  # profession, statement, in_answer, source_ids
    interventions: pd.DataFrame  # intervention rows used by the chosen goals, plus "for_goals"
    access: pd.DataFrame  # access rows that apply
    goals: pd.DataFrame  # the chosen goal rows
    condition: pd.DataFrame  # the chosen population row (0 or 1 rows)
    notes: list[str] = field(default_factory=list)
    # What happens next (empty when the tables were not given):
    rules: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=RULE_COLUMNS))  # state or national rules
    payment: pd.DataFrame = field(default_factory=pd.DataFrame)  # payment rows for this situation
    others: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=team.OTHERS_COLUMNS))
    led_by_others: dict[str, list[str]] = field(default_factory=dict)  # goal -> roles that lead it
    also_help: tuple[str, ...] = ()  # OT/PT that help with goals someone else leads
    # payment_ids of the rows that are questions to ask, when told by the English table
    # (a translated topic no longer reads "Questions to ask"); None: read the topic.
    question_ids: frozenset[str] | None = None

    @property
    def professions(self) -> tuple[str, ...]:
        return professions_of(self.verdict)

    def source_ids(self) -> list[str]:
        """Every source behind a statement of the answer, in first-seen order."""
        frames = [self.reasons, self.work_on, self.interventions, self.access, self.rules, self.payment, self.others]
        seen: dict[str, None] = {}
        for frame in frames:
            if not frame.empty:
                for source_id in cited_ids(frame):
                    seen.setdefault(source_id, None)
        return list(seen)


RULE_COLUMNS = ["profession", "scope", "statement", "as_of", "source_ids", "note"]


def professions_of(lead: str | None) -> tuple[str, ...]:
    """ "OT" -> ("OT",), "Both" -> ("OT", "PT"), None or "Other" -> ()."""
    if lead is None or lead == OTHER:
        return ()
    return ("OT", "PT") if lead == "Both" else (lead,)


def verdict_for(leads: list[str]) -> str | None:
    """Combine OT/PT/Both values: the union of the professions they name."""
    named = {p for lead in leads for p in professions_of(lead)}
    if named == {"OT", "PT"}:
        return "Both"
    if named:
        return named.pop()
    return None


def _quote(goal: str) -> str:
    return f"“{goal[0].lower()}{goal[1:]}”"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _join(items: list[str], _: Translate = identity) -> str:
    if len(items) <= 1:
        return "".join(items)
    return _("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])


def headline_for(
    verdict: str | None, goal_rows: pd.DataFrame, condition_name: str | None, _: Translate = identity
) -> str:
    """One plain sentence with the answer (in the language of `_`)."""
    names = {p: _(n) for p, n in NAMES.items()}
    if verdict is None:
        return _("Choose a condition or at least one goal to see which therapy could help.")
    if goal_rows.empty:  # the condition alone decided
        if verdict == "Both":
            return _("For {condition}, both {ot} and {pt} usually take part, each with a different focus.").format(
                condition=condition_name, ot=names["OT"], pt=names["PT"]
            )
        return _("For {condition}, {profession} usually leads.").format(
            condition=condition_name, profession=names[verdict]
        )
    by = {
        lead: [_quote(g) for g in goal_rows.loc[goal_rows["profession"] == lead, "goal"]]
        for lead in ("OT", "PT", "Both")
    }
    if verdict == "Both":
        parts = []
        if by["OT"]:
            parts.append(_("{profession} for {goals}").format(profession=names["OT"], goals=_join(by["OT"], _)))
        if by["PT"]:
            parts.append(_("{profession} for {goals}").format(profession=names["PT"], goals=_join(by["PT"], _)))
        if by["Both"]:
            parts.append(_("either or both for {goals}").format(goals=_join(by["Both"], _)))
        return _("Both could help:") + " " + "; ".join(parts) + "."
    return _("{profession} is the usual fit for {goals}.").format(
        profession=_capital(names[verdict]), goals=_join(by[verdict], _)
    )


def _article(role: str) -> str:
    return ("an " if role[:1].lower() in "aeiou" else "a ") + role[:1].lower() + role[1:]


def others_sentence(
    led_by_others: dict[str, list[str]], also_help: dict[str, tuple[str, ...]], _: Translate = identity
) -> str:
    """Who leads each goal that someone other than OT or PT usually leads, and where OT or PT also help."""
    sentences = []
    for goal, roles in led_by_others.items():
        # English puts "a" or "an" before a role; other languages name the role alone.
        named = [_article(r) if _ is identity else r for r in roles]
        who = _join(named, _) if roles else _("another professional, not OT or PT,")
        template = _("{who} usually lead for {goal}") if len(roles) > 1 else _("{who} usually leads for {goal}")
        sentence = _capital(template.format(who=who, goal=_quote(goal)))
        helpers = also_help.get(goal, ())
        if helpers:
            names = _join([_(NAMES[p]) for p in helpers], _)
            sentence += "; " + _("{professions} can also help with it").format(professions=names)
        sentences.append(sentence + ".")
    return " ".join(sentences)


def _helpers(intervention_ids: list[str], used_by: dict[str, str]) -> tuple[str, ...]:
    """OT or PT where a goal's treatments are theirs: a treatment that only one of them uses
    names it; treatments that both use name both only when no treatment is one's alone."""
    users = [used_by[i] for i in intervention_ids if i in used_by]
    alone = {u for u in users if u in ("OT", "PT")}
    named = alone or {p for u in users for p in professions_of(u)}
    return tuple(p for p in ("OT", "PT") if p in named)


def _ages(cell: str) -> set[str]:
    return set(split_list(cell))


def _age_order(age: str) -> int:
    return AGE_GROUPS.index(age) if age in AGE_GROUPS else len(AGE_GROUPS)


def select_goals(goals: pd.DataFrame, chosen: tuple[str, ...] | list[str]) -> pd.DataFrame:
    """The chosen goal rows, in the order the user chose them; unknown texts are ignored."""
    position = {g: i for i, g in enumerate(chosen)}
    rows = goals[goals["goal"].isin(list(chosen))].copy()
    rows["_order"] = rows["goal"].map(position)
    return rows.sort_values("_order", kind="stable").drop(columns="_order").reset_index(drop=True)


def select_access(
    access: pd.DataFrame, professions: tuple[str, ...], setting: str | None, ages: set[str]
) -> pd.DataFrame:
    """Access rows for these professions: every 'Any setting' row, plus the chosen setting's.

    Rows written for certain ages apply when they share an age with `ages`; with no
    known age, rows for a specific setting still apply but 'Any setting' rows tied to
    an age (such as early intervention) do not.
    """
    if not professions:
        return access.iloc[0:0]
    wanted = set(professions)
    keep = []
    for row in access.itertuples():
        row_professions = set(professions_of(row.profession))
        if not row_professions & wanted:
            keep.append(False)
            continue
        if row.setting != "Any setting" and row.setting != setting:
            keep.append(False)
            continue
        row_ages = _ages(row.age_groups)
        if row_ages:
            if ages:
                keep.append(bool(row_ages & ages))
            else:
                keep.append(row.setting != "Any setting")
            continue
        keep.append(True)
    return access.loc[keep].reset_index(drop=True)


def _role_described(text: str) -> bool:
    return not text.startswith(NO_ROLE_MARKERS)


def decide(
    situation: Situation,
    goals: pd.DataFrame,
    populations: pd.DataFrame,
    interventions: pd.DataFrame,
    access: pd.DataFrame,
    state_access: pd.DataFrame | None = None,
    payment: pd.DataFrame | None = None,
    care_team: pd.DataFrame | None = None,
    care_roles: pd.DataFrame | None = None,
    _: Translate = identity,
    role_texts: pd.DataFrame | None = None,
    payment_topics: pd.DataFrame | None = None,
) -> Answer:
    """The answer for a situation, built only from the rows it selects. The tables of what
    happens next are optional: without them the answer has no state rule, payment or team.

    `_` gives the sentences in another language (the tables are then that language's, with
    the same ids); role_texts: the English populations table, whose wording tells a role
    that the sources do not describe (NO_ROLE_MARKERS), whatever language is shown;
    payment_topics: the English payment table, whose topics tell the questions to ask."""
    goal_rows = select_goals(goals, situation.goals)
    therapy_goals = goal_rows[goal_rows["profession"] != OTHER]
    other_goals = goal_rows[goal_rows["profession"] == OTHER]
    condition = populations[populations["population"] == (situation.condition or "")].reset_index(drop=True)
    condition_name = condition["population"].iloc[0] if not condition.empty else None
    condition_lead = condition["usual_lead"].iloc[0] if not condition.empty else None

    if not therapy_goals.empty:
        verdict = verdict_for(therapy_goals["profession"].tolist())
    else:
        verdict = verdict_for([condition_lead]) if condition_lead else None
    professions = professions_of(verdict)

    # Goals someone else leads: the roles care_team names, and OT or PT where the goal's
    # treatments are theirs.
    led_by_others: dict[str, list[str]] = {}
    also_help_by_goal: dict[str, tuple[str, ...]] = {}
    used_by = dict(zip(interventions["intervention_id"], interventions["used_by"]))
    for row in other_goals.itertuples():
        roles = (
            team.leads_for_goal(care_team, care_roles, row.goal_id)
            if care_team is not None and care_roles is not None
            else []
        )
        led_by_others[row.goal] = roles
        also_help_by_goal[row.goal] = _helpers(split_list(row.intervention_ids), used_by)
    also_help = tuple(
        p for p in ("OT", "PT") if any(p in h for h in also_help_by_goal.values()) and p not in professions
    )

    notes: list[str] = []
    reasons = []
    for row in goal_rows.itertuples():
        reasons.append(
            {
                "part": _("Goal: {goal}").format(goal=row.goal),
                "profession": row.profession,
                "statement": row.reason,
                "source_ids": row.source_ids,
            }
        )
    if not condition.empty:
        row = condition.iloc[0]
        lead_text = {
            "OT": _("Occupational therapy usually leads for this condition."),
            "PT": _("Physical therapy usually leads for this condition."),
            "Both": _("Both professions usually take part for this condition."),
        }[row["usual_lead"]]
        statement = lead_text + (f" {row['lead_note']}." if row["lead_note"] else "")
        reasons.append(
            {
                "part": _("Condition: {condition}").format(condition=row["population"]),
                "profession": row["usual_lead"],
                "statement": statement.replace("..", "."),
                "source_ids": row["source_ids"],
            }
        )
        extra = [p for p in professions_of(condition_lead) if p not in professions]
        for p in extra:
            notes.append(
                _(
                    "For {condition}, {profession} also usually takes part, "
                    "even though the goals you chose point elsewhere."
                ).format(condition=row["population"], profession=_(NAMES[p]))
            )

    # What each profession would work on, from the condition's row.
    work_on = []
    if not condition.empty:
        row = condition.iloc[0]
        wording = row
        if role_texts is not None:
            english = role_texts[role_texts["population_id"] == row["population_id"]]
            wording = english.iloc[0] if not english.empty else row
        for p, column in (("OT", "ot_role"), ("PT", "pt_role")):
            in_answer = p in professions or p in professions_of(condition_lead)
            if in_answer or _role_described(wording[column]):
                work_on.append(
                    {"profession": p, "statement": row[column], "in_answer": in_answer, "source_ids": row["source_ids"]}
                )

    # Ages: flag goals and the condition written for other ages.
    if situation.age_group:
        for row in goal_rows.itertuples():
            ages = _ages(row.age_groups)
            if ages and situation.age_group not in ages:
                notes.append(
                    _("The goal {goal} is written for {ages}; you chose {age}.").format(
                        goal=_quote(row.goal),
                        ages=_join([_(a) for a in sorted(ages, key=_age_order)], _).lower(),
                        age=_(situation.age_group).lower(),
                    )
                )
        if not condition.empty:
            ages = _ages(condition["age_groups"].iloc[0])
            if ages and situation.age_group not in ages:
                notes.append(
                    _("Our sources describe {condition} mainly in {ages}, not {age}.").format(
                        condition=condition_name,
                        ages=_join([_(a) for a in sorted(ages, key=_age_order)], _).lower(),
                        age=_(situation.age_group).lower(),
                    )
                )

    # The treatments behind the chosen goals, with the goals that name them.
    used_for: dict[str, list[str]] = {}
    for row in goal_rows.itertuples():
        for intervention_id in split_list(row.intervention_ids):
            used_for.setdefault(intervention_id, []).append(row.goal)
    chosen_interventions = interventions[interventions["intervention_id"].isin(list(used_for))].copy()
    chosen_interventions["_order"] = chosen_interventions["intervention_id"].map({k: i for i, k in enumerate(used_for)})
    chosen_interventions = chosen_interventions.sort_values("_order", kind="stable").drop(columns="_order")
    chosen_interventions["for_goals"] = chosen_interventions["intervention_id"].map(lambda i: "; ".join(used_for[i]))
    chosen_interventions = chosen_interventions.reset_index(drop=True)

    if situation.age_group:
        reference_ages = {situation.age_group}
    elif not condition.empty:
        reference_ages = _ages(condition["age_groups"].iloc[0])
    else:
        reference_ages = set()
    access_rows = select_access(access, professions + also_help, situation.setting, reference_ages)

    if led_by_others and verdict is None:
        headline = others_sentence(led_by_others, also_help_by_goal, _)
    elif led_by_others:
        headline = (
            headline_for(verdict, therapy_goals, condition_name, _)
            + " "
            + others_sentence(led_by_others, also_help_by_goal, _)
        )
    else:
        headline = headline_for(verdict, therapy_goals, condition_name, _)

    rules = state_rules_for(situation.state, state_access, professions + also_help, _)
    if rules.empty and state_access is not None and situation.state:
        notes.append(
            _("Our sources give no direct-access rule for {state}.").format(
                state=state_rules.state_name(situation.state)
            )
        )
    payment_rows = (
        pay.payment_for(payment, professions + also_help, situation.age_group, situation.setting)
        if payment is not None
        else pd.DataFrame()
    )
    others = (
        team.others_who_may_help(
            care_team, care_roles, condition["population_id"].iloc[0] if not condition.empty else None, goal_rows
        )
        if care_team is not None and care_roles is not None
        else pd.DataFrame(columns=team.OTHERS_COLUMNS)
    )

    return Answer(
        verdict=verdict,
        headline=headline,
        reasons=pd.DataFrame(reasons, columns=["part", "profession", "statement", "source_ids"]),
        work_on=pd.DataFrame(work_on, columns=["profession", "statement", "in_answer", "source_ids"]),
        interventions=chosen_interventions,
        access=access_rows,
        goals=goal_rows,
        condition=condition,
        notes=notes,
        rules=rules,
        payment=payment_rows,
        others=others,
        led_by_others=led_by_others,
        also_help=also_help,
        question_ids=(
            frozenset(payment_topics.loc[payment_topics["topic"].map(is_question), "payment_id"])
            if payment_topics is not None
            else None
        ),
    )


def state_rules_for(
    code: str | None, state_access: pd.DataFrame | None, professions: tuple[str, ...], _: Translate = identity
) -> pd.DataFrame:
    """The direct-access rules to show: the chosen state's PT rule and OT rule (where our
    sources give one), or without a state the national picture from the whole table."""
    if state_access is None or state_access.empty:
        return pd.DataFrame(columns=RULE_COLUMNS)
    rows = []
    row = state_rules.state_row(state_access, code)
    if row is not None:
        rows.append(
            {
                "profession": "PT",
                "scope": row["state"],
                "statement": state_rules.pt_rule_sentence(row, _),
                "as_of": row["pt_as_of"],
                "source_ids": row["pt_source_ids"],
                "note": row.get("note", ""),
            }
        )
        ot_sentence = state_rules.ot_rule_sentence(row, _)
        if ot_sentence:
            rows.append(
                {
                    "profession": "OT",
                    "scope": row["state"],
                    "statement": ot_sentence,
                    "as_of": row["ot_as_of"],
                    "source_ids": row["ot_source_ids"],
                    "note": "",
                }
            )
    elif not code:
        dates = sorted(d for d in state_access["pt_as_of"] if d != "undated")
        rows.append(
            {
                "profession": "PT",
                "scope": _("United States"),
                "statement": state_rules.national_picture(state_access, _),
                "as_of": (
                    (dates[0] if dates[0] == dates[-1] else _("{start} to {end}").format(start=dates[0], end=dates[-1]))
                    if dates
                    else "undated"
                ),
                "source_ids": state_rules.national_sources(state_access),
                "note": "",
            }
        )
    return pd.DataFrame(rows, columns=RULE_COLUMNS)


ANSWER_COLUMNS = [N_("Part"), N_("Profession"), N_("Statement"), N_("Sources")]


def strongest_first(cell: str, sources: pd.DataFrame) -> str:
    """The ids of a source_ids cell, strongest tier first (A, B, C) and, within a tier,
    newest first; ids not in sources keep their place at the end."""
    ids = split_list(cell)
    info = {
        s: (t, a) for s, t, a in zip(sources["source_id"].tolist(), sources["tier"].tolist(), sources["as_of"].tolist())
    }

    def key(item: tuple[int, str]):
        position, source_id = item
        tier, as_of = info.get(source_id, ("", ""))
        year, month = period_key(as_of)
        return (TIER_RANK.get(tier, len(TIERS)), -year, -month, position)

    return "; ".join(source_id for _, source_id in sorted(enumerate(ids), key=key))


def answer_table(
    answer: Answer,
    situation: Situation,
    not_advice: str,
    sources: pd.DataFrame | None = None,
    _: Translate = identity,
) -> pd.DataFrame:
    """The whole answer as one table (what the download gives): every statement with its sources.

    With `sources`, each statement's sources are listed strongest first and a 'Sourcing'
    column marks a statement that cites no tier A or B source as weakly sourced."""
    table = _answer_rows(answer, situation, not_advice, _)
    if sources is None:
        return table
    tiers = tier_of(sources)
    table["Sources"] = [strongest_first(cell, sources) for cell in table["Sources"]]
    table[SOURCING_LABEL] = [_(mark(cell, tiers)) if cell else "" for cell in table["Sources"]]
    return table


def _answer_rows(answer: Answer, situation: Situation, not_advice: str, _: Translate = identity) -> pd.DataFrame:
    rows = [
        {"Part": _("Your situation"), "Profession": "", "Statement": describe(situation, _), "Sources": ""},
        {
            "Part": _("Answer"),
            "Profession": SHORT.get(answer.verdict or "", ""),
            "Statement": answer.headline,
            "Sources": "; ".join(cited_ids(answer.reasons)) if not answer.reasons.empty else "",
        },
    ]
    for row in answer.reasons.itertuples():
        rows.append(
            {
                "Part": _("Why: {part}").format(part=row.part),
                "Profession": row.profession,
                "Statement": row.statement,
                "Sources": row.source_ids,
            }
        )
    for row in answer.work_on.itertuples():
        part = _("What it would work on") if row.in_answer else _("May also help with")
        rows.append({"Part": part, "Profession": row.profession, "Statement": row.statement, "Sources": row.source_ids})
    for row in answer.interventions.itertuples():
        rows.append(
            {
                "Part": _("Treatment ({id})").format(id=row.intervention_id),
                "Profession": row.used_by,
                "Statement": f"{row.intervention}: {row.description}",
                "Sources": row.source_ids,
            }
        )
    for row in answer.access.itertuples():
        rows.append(
            {
                "Part": _("Access: {topic}").format(topic=_(row.topic)),
                "Profession": row.profession,
                "Statement": row.statement,
                "Sources": row.source_ids,
            }
        )
    for row in answer.rules.itertuples():
        rows.append(
            {
                "Part": _("Referral rule: {scope}").format(scope=row.scope),
                "Profession": row.profession,
                "Statement": " ".join(t for t in (row.statement, state_rules.dated(row.as_of, _), row.note) if t),
                "Sources": row.source_ids,
            }
        )
    for _index, row in payment_to_show(answer).iterrows():
        rows.append(
            {
                "Part": _("Paying: {payer}, {topic}").format(payer=row["payer"], topic=row["topic"]),
                "Profession": row["profession"],
                "Statement": f"{pay.statement_with_amount(row, _)} {state_rules.dated(row['as_of'], _)}",
                "Sources": row["source_ids"],
            }
        )
    for row in answer.others.itertuples():
        rows.append(
            {
                "Part": _("Others who may help: {role}").format(role=row.role),
                "Profession": "",
                "Statement": row.reason,
                "Sources": row.source_ids,
            }
        )
    for row in questions_to_ask(answer, _).itertuples():
        part = _("Question to ask") if row.source_ids else _("Question to ask (written by us)")
        rows.append({"Part": part, "Profession": "", "Statement": row.question, "Sources": row.source_ids})
    for note in answer.notes:
        rows.append({"Part": _("Note"), "Profession": "", "Statement": note, "Sources": ""})
    rows.append({"Part": _("Note"), "Profession": "", "Statement": not_advice, "Sources": ""})
    return pd.DataFrame(rows, columns=ANSWER_COLUMNS)


def describe(situation: Situation, _: Translate = identity) -> str:
    """The situation in words, e.g. 'Stroke (...); older adults; at home; goals: dress ...'."""
    parts = []
    if situation.condition:
        parts.append(_("condition: {value}").format(value=situation.condition))
    if situation.age_group:
        parts.append(_("age: {value}").format(value=_(situation.age_group)))
    if situation.setting:
        parts.append(_("setting: {value}").format(value=_(situation.setting)))
    if situation.state:
        parts.append(_("state: {value}").format(value=state_rules.state_name(situation.state)))
    if situation.goals:
        parts.append(_("goals: {value}").format(value="; ".join(situation.goals)))
    return ", ".join(parts) if parts else _("nothing chosen")


# Questions for the first visit when our payment rows give none (labelled "written by us").
GENERIC_QUESTIONS = (
    N_("What will we work on first, and how will we know that it is helping?"),
    N_("How often will the sessions be, and for how many weeks?"),
    N_("What should we practise at home between visits?"),
    N_("Do we need a doctor's referral or a signed plan of care for the visits to be paid?"),
    N_("What will each visit cost us, and is there a yearly limit on visits or spending?"),
    N_("Who else should be on the team, and how do we reach them?"),
)
QUESTION_TOPIC = "Questions to ask"


def is_question(topic: str) -> bool:
    """A payment row that is a question to ask (its topic is "Questions to ask" or "Ask ...")."""
    topic = str(topic).casefold()
    return topic == QUESTION_TOPIC.casefold() or topic.startswith("ask ")


def _questions(answer: Answer) -> pd.Series:
    """Which of the answer's payment rows are questions to ask."""
    if answer.question_ids is not None and "payment_id" in answer.payment:
        return answer.payment["payment_id"].isin(answer.question_ids)
    return answer.payment["topic"].map(is_question)


def payment_to_show(answer: Answer) -> pd.DataFrame:
    """The answer's payment rows without those listed as questions to ask."""
    if answer.payment.empty:
        return answer.payment
    return answer.payment[~_questions(answer)]


def questions_to_ask(answer: Answer, _: Translate = identity) -> pd.DataFrame:
    """Questions for the first visit: this answer's payment rows whose topic is "Questions to
    ask" or starts with "Ask" (with sources), else our own generic questions (no source)."""
    if not answer.payment.empty:
        sourced = answer.payment[_questions(answer)]
        if not sourced.empty:
            return pd.DataFrame(
                {"question": sourced["statement"].tolist(), "source_ids": sourced["source_ids"].tolist()}
            )
    return pd.DataFrame({"question": [_(q) for q in GENERIC_QUESTIONS], "source_ids": [""] * len(GENERIC_QUESTIONS)})


def condition_label(name: str, aliases: str) -> str:
    """The condition as the search box lists it: its name, then the other words people use
    that the name does not already hold, so that typing an alias (ALS, rotator cuff) finds it:
    'Stroke (post-stroke rehabilitation) — CVA, brain attack'. (No linking word such as
    'also': its letters would match what people type, e.g. 'als'.)"""
    words = [w for w in split_list(aliases) if w.casefold() not in name.casefold()]
    return f"{name} — {', '.join(words)}" if words else name


def condition_labels(populations: pd.DataFrame) -> dict[str, str]:
    """Population name -> label shown in the search box."""
    return {
        name: condition_label(name, aliases) for name, aliases in zip(populations["population"], populations["aliases"])
    }


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text.casefold())


def search_conditions(populations: pd.DataFrame, query: str) -> list[str]:
    """Conditions whose name or an alias contains the query's words as whole words, in the
    same order (no fuzzy guessing): 'ALS' finds the row with the alias ALS, never 'falls'."""
    wanted = _words(query)
    if not wanted:
        return []
    found = []
    for name, aliases in zip(populations["population"], populations["aliases"]):
        for text in (name, *split_list(aliases)):
            words = _words(text)
            if any(words[i : i + len(wanted)] == wanted for i in range(len(words) - len(wanted) + 1)):
                found.append(name)
                break
    return found
