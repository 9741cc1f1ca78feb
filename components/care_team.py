"""The care team beyond OT and PT: who else may help for a condition or a goal, and why.

Pure pandas, no Streamlit. Reads care_team.csv (who helps for which condition or goal) and
care_roles.csv (what each role does). A goal whose profession is "Other" is led by the
roles its care_team rows name.
"""

from __future__ import annotations

import pandas as pd

from components.loader import split_list

OTHERS_COLUMNS = ["role_id", "role", "what_they_do", "reason", "applies_to", "source_ids"]


def _merge_ids(*cells: str) -> str:
    seen: dict[str, None] = {}
    for cell in cells:
        for source_id in split_list(cell):
            seen.setdefault(source_id, None)
    return "; ".join(seen)


def others_who_may_help(
    care_team: pd.DataFrame,
    care_roles: pd.DataFrame,
    population_id: str | None,
    goals: pd.DataFrame,
) -> pd.DataFrame:
    """One row per care_team row that names the condition or one of the chosen goals:
    the role, what it does, why here, what it is for, and the sources of both rows.
    Condition rows first, then goal rows in the order the goals were chosen."""
    roles = care_roles.set_index("role_id")
    goal_text = dict(zip(goals["goal_id"], goals["goal"])) if not goals.empty else {}
    goal_order = list(goal_text)
    found = []
    for row in care_team.itertuples():
        role_ids = split_list(row.role_id)
        if not role_ids or role_ids[0] not in roles.index:
            continue
        role = roles.loc[role_ids[0]]
        populations = split_list(row.population_ids)
        goal_ids = [g for g in split_list(row.goal_ids) if g in goal_text]
        if population_id and population_id in populations:
            order = (0, 0)
            target = "the condition"
        elif goal_ids:
            order = (1, min(goal_order.index(g) for g in goal_ids))
            target = "; ".join(goal_text[g] for g in goal_ids)
        else:
            continue
        found.append(
            (
                order,
                {
                    "role_id": role_ids[0],
                    "role": role["role"],
                    "what_they_do": role["what_they_do"],
                    "reason": row.reason,
                    "applies_to": target,
                    "source_ids": _merge_ids(row.source_ids, role["source_ids"]),
                },
            )
        )
    found.sort(key=lambda item: item[0])
    frame = pd.DataFrame([item for _, item in found], columns=OTHERS_COLUMNS)
    # The same role for the condition and for a goal: keep both reasons, as one entry each.
    return frame.drop_duplicates(subset=["role_id", "reason"]).reset_index(drop=True)


def leads_for_goal(care_team: pd.DataFrame, care_roles: pd.DataFrame, goal_id: str) -> list[str]:
    """The roles that care_team names for a goal, in table order, once each."""
    roles = dict(zip(care_roles["role_id"], care_roles["role"]))
    named: dict[str, None] = {}
    for row in care_team.itertuples():
        if goal_id in split_list(row.goal_ids):
            for role_id in split_list(row.role_id):
                if role_id in roles:
                    named.setdefault(roles[role_id], None)
    return list(named)
