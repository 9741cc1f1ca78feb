"""Access by state: may you see a PT (or an OT) without a doctor's referral, state by state.

Pure pandas and plotly, no Streamlit. Reads state_access.csv (one row per state, DC or
territory). A state without a row is missing: nothing is filled in from a neighbour or from
the national picture. Every sentence built here carries the date and the source ids of the
row it comes from.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from components.chart_style import FONT, TEMPLATE, TEXT_COLOR, FigureDraft
from components.i18n import N_, Translate, identity
from components.loader import split_list
from components.schema import PT_ACCESS_LEVELS, STATES
from components.states import TILE_GRID

MISSING = N_("No data")
# Territories sit in the free cells of the tile grid's bottom row, east of Florida
# (Puerto Rico, the Virgin Islands) and west of Texas (Guam, in the Pacific).
ACCESS_GRID = {**TILE_GRID, "PR": (7, 9), "VI": (7, 10), "GU": (7, 1)}
TERRITORY_NAMES = {"PR": "Puerto Rico", "VI": "U.S. Virgin Islands", "GU": "Guam"}

# Okabe-Ito colours not used for the professions (OT blue, PT vermillion, both green), so a
# map of rules never looks like a map of professions; each tile also carries a letter.
LEVEL_COLORS = {"Unrestricted": "#56B4E9", "Provisional": "#E69F00", "Limited": "#CC79A7", MISSING: "#F2F2F2"}
LEVEL_CODES = {"Unrestricted": "U", "Provisional": "P", "Limited": "L", MISSING: "–"}
LEVEL_MEANINGS = {
    "Unrestricted": N_("no limits on seeing a PT without a referral"),
    "Provisional": N_("allowed without a referral, with limits"),
    "Limited": N_("only some care without a referral"),
}
# The column headings of the access table, for the catalogue. Its choice values (Unrestricted,
# Yes, Not required ...) are the schema's: their Spanish is in values.po, one place for each word.
ACCESS_WORDS = (
    N_("State"),
    N_("PT without a referral"),
    N_("Limits"),
    N_("Visit limit"),
    N_("Day limit"),
    N_("Doctor told"),
    N_("PT as of"),
    N_("PT sources"),
    N_("OT evaluation"),
    N_("OT treatment"),
    N_("OT as of"),
    N_("OT sources"),
)
ACCESS_ORDER = {level: i for i, level in enumerate((*PT_ACCESS_LEVELS, MISSING))}


def _filled(value: object) -> bool:
    if value is None or value is pd.NA:
        return False
    if isinstance(value, float) and math.isnan(value):
        return False
    return str(value).strip() != ""


def state_name(code: str, state_access: pd.DataFrame | None = None) -> str:
    """The name for a state code: from the table where it has the row, else the usual name."""
    if state_access is not None:
        found = state_access.loc[state_access["state_code"] == code, "state"]
        if not found.empty:
            return str(found.iloc[0])
    return dict((abbr, name) for name, abbr in STATES).get(code) or TERRITORY_NAMES.get(code, code)


def state_options(state_access: pd.DataFrame) -> list[str]:
    """The state codes the aid offers, ordered by name (states, DC and territories with a row)."""
    rows = state_access.sort_values("state", kind="stable")
    return rows["state_code"].tolist()


def state_row(state_access: pd.DataFrame, code: str | None) -> pd.Series | None:
    if not code:
        return None
    rows = state_access[state_access["state_code"] == code]
    return None if rows.empty else rows.iloc[0]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def pt_limit_parts(row: pd.Series, _: Translate = identity) -> list[str]:
    """The structured limits of a row in words: visit and day caps, notice, experience."""
    parts = []
    if _filled(row.get("pt_visit_limit")):
        n = int(row["pt_visit_limit"])
        template = _("a referral is needed after {n} visit") if n == 1 else _("a referral is needed after {n} visits")
        parts.append(template.format(n=n))
    if _filled(row.get("pt_day_limit")):
        n = int(row["pt_day_limit"])
        template = _("a referral is needed after {n} day") if n == 1 else _("a referral is needed after {n} days")
        parts.append(template.format(n=n))
    if row.get("pt_notify_physician") == "Yes":
        parts.append(_("the physical therapist must tell your doctor"))
    if _filled(row.get("pt_experience_required")):
        parts.append(
            _("the physical therapist needs experience ({experience})").format(experience=row["pt_experience_required"])
        )
    return parts


def pt_rule_sentence(row: pd.Series, _: Translate = identity) -> str:
    """One state's PT direct-access rule in plain words (without the date and source)."""
    state = row["state"]
    level = row["pt_access"]
    limits = str(row["pt_limits"]).strip() if _filled(row.get("pt_limits")) else ""
    parts = pt_limit_parts(row, _)
    detail = limits.rstrip(".") if limits else "; ".join(parts)
    if level == "Unrestricted":
        text = _(
            "In {state}, you can see a physical therapist without a doctor's referral, "
            "with no limits (unrestricted direct access)"
        ).format(state=state)
        return text + (f". {detail[0].upper()}{detail[1:]}." if detail else ".")
    if level == "Provisional":
        text = _(
            "In {state}, you can see a physical therapist without a doctor's referral, "
            "with limits (provisional direct access)"
        ).format(state=state)
        return text + (f": {detail}." if detail else ".")
    text = _(
        "In {state}, you can see a physical therapist without a doctor's referral "
        "only for some care (limited direct access)"
    ).format(state=state)
    return text + (f": {detail}." if detail else ".")


OT_EVALUATION_WORDS = {"Not required": N_("needs no referral"), "Required": N_("needs a referral")}
OT_TREATMENT_WORDS = {
    "Not required": N_("needs no referral"),
    "Required": N_("needs a referral"),
    "Required for some treatment": N_("needs a referral for some kinds of treatment"),
}


def ot_rule_sentence(row: pd.Series, _: Translate = identity) -> str | None:
    """One state's OT referral rule in plain words, or None where our sources give none."""
    evaluation = row.get("ot_referral_evaluation")
    treatment = row.get("ot_referral_treatment")
    parts = []
    if _filled(evaluation):
        parts.append(_("an evaluation {rule}").format(rule=_(OT_EVALUATION_WORDS[evaluation])))
    if _filled(treatment):
        parts.append(_("treatment {rule}").format(rule=_(OT_TREATMENT_WORDS[treatment])))
    if not parts:
        return None
    return _("For occupational therapy in {state}:").format(state=row["state"]) + " " + _(" and ").join(parts) + "."


def dated(as_of: str, _: Translate = identity) -> str:
    """'As of 2025-07.', 'Undated.', or nothing when there is no date column."""
    if not as_of:
        return ""
    return _("Undated.") if as_of == "undated" else _("As of {date}.").format(date=as_of)


def national_picture(state_access: pd.DataFrame, _: Translate = identity) -> str:
    """The national picture from the table: how many jurisdictions allow which level."""
    if state_access.empty:
        return _("Our sources give no state rules for direct access to physical therapy.")
    counts = state_access["pt_access"].value_counts()
    words = {
        "Unrestricted": _("with no limits"),
        "Provisional": _("with limits such as a cap on visits or days or telling your doctor"),
        "Limited": _("only for some care"),
    }
    parts = [f"{int(counts[level])} {words[level]}" for level in PT_ACCESS_LEVELS if counts.get(level, 0)]
    where = _jurisdictions(state_access, _)
    head = _(
        "All {where} in our table let you see a physical therapist without a doctor's referral in some form:"
    ).format(where=where)
    return head + " " + "; ".join(parts) + ". " + _("Rules differ by state: choose a state to see its rule.")


def _jurisdictions(state_access: pd.DataFrame, _: Translate = identity) -> str:
    """'50 states, DC and 2 territories', from the codes in the table."""
    codes = set(state_access["state_code"])
    state_codes = {abbr for _, abbr in STATES}
    n_states = len(codes & state_codes - {"DC"})
    n_other = len(codes - state_codes)
    parts = []
    if n_states:
        parts.append(_("one state") if n_states == 1 else _("{n} states").format(n=n_states))
    if "DC" in codes:
        parts.append("DC")
    if n_other:
        parts.append(_("one territory") if n_other == 1 else _("{n} territories").format(n=n_other))
    return ", ".join(parts[:-1]) + _(" and ") + parts[-1] if len(parts) > 1 else "".join(parts)


def national_sources(state_access: pd.DataFrame, share: float = 0.1) -> str:
    """The source ids behind the national picture: those that cover many states (at least
    `share` of the rows, such as a national list), once each; each state's own sources are
    in its row. With no such source, every row's."""
    counts: dict[str, int] = {}
    for cell in state_access["pt_source_ids"]:
        for source_id in split_list(cell):
            counts[source_id] = counts.get(source_id, 0) + 1
    wide = [s for s, n in counts.items() if n >= max(2, share * len(state_access))]
    return "; ".join(wide or counts)


def national_dates(state_access: pd.DataFrame, _: Translate = identity) -> str:
    """The range of dates of the state rows, e.g. 'Rows dated 2024-06 to 2025-07-01.'"""
    dates = sorted(d for d in state_access["pt_as_of"] if d != "undated")
    if not dates:
        return _("Undated.")
    if dates[0] == dates[-1]:
        return _("As of {date}.").format(date=dates[0])
    return _("Rows dated {start} to {end}.").format(start=dates[0], end=dates[-1])


def ot_coverage(state_access: pd.DataFrame) -> int:
    """How many rows give an OT rule."""
    return int(sum(1 for _, row in state_access.iterrows() if ot_rule_sentence(row)))


def access_view(state_access: pd.DataFrame) -> pd.DataFrame:
    """Every state and DC (missing ones included, as missing), then the territories with a row:
    the table under the map, one row per jurisdiction."""
    by_code = state_access.set_index("state_code")
    codes = [abbr for _, abbr in STATES] + [c for c in state_access["state_code"] if c not in {a for _, a in STATES}]
    out = []
    for code in codes:
        if code in by_code.index:
            row = by_code.loc[code]
            full = row.copy()
            full["state_code"] = code
            out.append(
                {
                    "state_code": code,
                    "State": row["state"],
                    "PT without a referral": row["pt_access"],
                    "Limits": row["pt_limits"] or "; ".join(pt_limit_parts(full)),
                    "Visit limit": row["pt_visit_limit"],
                    "Day limit": row["pt_day_limit"],
                    "Doctor told": row["pt_notify_physician"],
                    "PT as of": row["pt_as_of"],
                    "PT sources": row["pt_source_ids"],
                    "OT evaluation": row["ot_referral_evaluation"],
                    "OT treatment": row["ot_referral_treatment"],
                    "OT as of": row["ot_as_of"],
                    "OT sources": row["ot_source_ids"],
                }
            )
        else:
            out.append({"state_code": code, "State": state_name(code), "PT without a referral": MISSING})
    frame = pd.DataFrame(out)
    for column in ("Visit limit", "Day limit"):
        frame[column] = pd.to_numeric(frame.get(column)).astype("Int64")
    return frame.fillna({c: "" for c in frame.columns if c not in ("Visit limit", "Day limit")})


def access_table(view: pd.DataFrame, _: Translate = identity) -> pd.DataFrame:
    """The view as shown and downloaded (without the internal code column); headers and
    fixed words (levels, yes/no, referral rules) in the language of `_`."""
    table = view.drop(columns=["state_code"]).reset_index(drop=True)
    if _ is identity:
        return table
    for column in ("PT without a referral", "Doctor told", "OT evaluation", "OT treatment"):
        if column in table:
            table[column] = table[column].map(lambda cell: _(cell) if cell else cell)
    return table.rename(columns={name: _(name) for name in table.columns})


def access_counts(view: pd.DataFrame) -> dict[str, int]:
    counts = view["PT without a referral"].value_counts()
    return {level: int(counts.get(level, 0)) for level in (*PT_ACCESS_LEVELS, MISSING)}


def access_tile_map(view: pd.DataFrame, title: str, highlight: str | None = None, _: Translate = identity) -> go.Figure:
    """The tile grid of the Jobs-by-state map, one colour and one letter per access level;
    states without a row are light grey with a dash. The legend names every level."""
    rows = 1 + max(r for r, _ in ACCESS_GRID.values())
    cols = 1 + max(c for _, c in ACCESS_GRID.values())
    fig = FigureDraft()
    present = set(view["PT without a referral"])
    for level in [lv for lv in (*PT_ACCESS_LEVELS, MISSING) if lv in present]:
        z = [[None] * cols for _ in range(rows)]
        text = [[""] * cols for _ in range(rows)]
        hover = [[""] * cols for _ in range(rows)]
        for code, name, shown in zip(view["state_code"], view["State"], view["PT without a referral"]):
            if code not in ACCESS_GRID or shown != level:
                continue
            r, c = ACCESS_GRID[code]
            z[r][c] = 0
            text[r][c] = f"{code}<br>{LEVEL_CODES[level]}"
            hover[r][c] = f"{name}: {_(level)}" if level != MISSING else f"{name}: " + _("no rule in our sources")
        color = LEVEL_COLORS[level]
        fig.add_heatmap(
            z=z,
            text=text,
            customdata=hover,
            texttemplate="%{text}",
            textfont=dict(size=11, color="#555555" if level == MISSING else TEXT_COLOR),
            colorscale=[[0, color], [1, color]],
            showscale=False,
            xgap=3,
            ygap=3,
            hoverongaps=False,
            hovertemplate="%{customdata}<extra></extra>",
            name=_(level),
        )
        # Heatmaps have no legend entry of their own: a square marker off the grid stands in.
        label = f"{LEVEL_CODES[level]} {_(level)}" + (
            f": {_(LEVEL_MEANINGS[level])}" if level in LEVEL_MEANINGS else " " + _("in our sources")
        )
        fig.add_scatter(
            x=[None],
            y=[None],
            mode="markers",
            name=label,
            showlegend=True,
            marker=dict(symbol="square", size=14, color=color, line=dict(color="#888888", width=1)),
        )
    if highlight and highlight in ACCESS_GRID:
        r, c = ACCESS_GRID[highlight]
        fig.add_shape(type="rect", x0=c - 0.5, x1=c + 0.5, y0=r - 0.5, y1=r + 0.5, line=dict(color=TEXT_COLOR, width=4))
    fig.update_layout(
        template=TEMPLATE,
        title=dict(text=title, x=0, xanchor="left", font=dict(size=16)),
        font=FONT,
        height=560,
        margin=dict(l=5, r=5, t=60, b=10),
        plot_bgcolor="white",
        paper_bgcolor="white",
        showlegend=True,
        legend=dict(orientation="h", yanchor="top", y=-0.02, x=0, xanchor="left", title_text="", font=dict(size=13)),
    )
    fig.update_xaxes(visible=False, range=[-0.6, cols - 0.4], constrain="domain")
    fig.update_yaxes(visible=False, autorange="reversed", scaleanchor="x", scaleratio=1, constrain="domain")
    return fig.figure()
