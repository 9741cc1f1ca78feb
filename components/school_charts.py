"""Plotly figures for the "Becoming one" view. Each takes a tidy frame from
components/school.py and returns a go.Figure.

Same rules as the other charts: OT blue, PT vermillion, OTA and PTA their lighter tints;
numbers and labels written on the marks, so that colour is never the only cue; every
figure says its period.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.careers_charts import SYMBOLS
from components.chart_style import (
    GRID,
    GROUP_COLORS,
    TEXT_COLOR,
    TEXT_ON_GROUP,
    FigureDraft,
    apply_base_layout,
    tint,
    wrap_label,
)
from components.i18n import N_, Translate, identity
from components.school import money

# Alternate stages of a route in the full colour and a lighter tint of it, so that
# neighbouring stages stay apart; a white line also separates them.
STAGE_TINT = 0.55
STATUS_NAMES = {"All": "Accredited and candidate, counted together"}
STATUS_PATTERNS = {"Accredited": "", "Candidate": "/", "Applicant": ".", "Developing": "x", "All": ""}
KIND_PATTERNS = {"Pay": "", "Debt": "x", "Tuition": "/"}


def bar_label(stage: str) -> str:
    """A stage's label on a bar: without its bracketed detail, which the hover and table keep."""
    import re

    return re.sub(r"\s*\([^)]*\)", "", stage).strip() or stage


def timeline_chart(
    stages: pd.DataFrame, title: str = N_("Years from high school to a licence"), _: Translate = identity
) -> go.Figure:
    """One horizontal bar per route, stacked from its stages (shortest usual length), each
    stage labelled on the bar. Steps with no length in years (an exam, a licence, fieldwork
    inside a degree) are a diamond where the timed stages end, and are listed under the bar."""
    fig = FigureDraft()
    routes = list(dict.fromkeys(stages["route"]))
    timed = stages[stages["length"].notna() & (stages["length"] > 0)]
    for i, row in enumerate(timed.itertuples()):
        base = GROUP_COLORS[row.route]
        position = int((timed["route"].iloc[: i + 1] == row.route).sum())
        color = base if position % 2 else tint(base, STAGE_TINT)
        text_color = TEXT_ON_GROUP.get(row.route, TEXT_COLOR) if color == base else TEXT_COLOR
        fig.add_bar(
            y=[row.route],
            x=[row.length],
            base=[row.start],
            orientation="h",
            width=0.42,
            marker=dict(color=color, line=dict(color="white", width=2)),
            text=[f"{wrap_label(bar_label(row.stage), 24)}<br>{row.length_text}"],
            textposition="inside",
            insidetextanchor="middle",
            textangle=0,
            insidetextfont=dict(color=text_color, size=12),
            name=row.route,
            legendgroup=row.route,
            showlegend=False,
            hovertemplate=f"{row.route}: {row.stage}, {row.length_text}<extra></extra>",
        )
    # Steps with no length of their own (fieldwork inside a degree, an exam, a licence): a
    # diamond where the timed stages end, and the steps in order written under the bar.
    points = stages[stages["length"].isna() | (stages["length"] <= 0)]
    for route in routes:
        part = points[points["route"] == route]
        if part.empty:
            continue
        steps = [
            s + (" (" + _("{n} weeks").format(n=f"{w:g}") + ")" if pd.notna(w) else "")
            for s, w in zip(part["stage"], part["weeks"])
        ]
        end = float(part["start"].max())
        fig.add_scatter(
            y=[route],
            x=[end],
            mode="markers",
            marker=dict(symbol="diamond", size=15, color="white", line=dict(color=GROUP_COLORS[route], width=2.5)),
            name=route,
            showlegend=False,
            cliponaxis=False,
            hovertemplate=f"{route}: " + " → ".join(steps) + "<extra></extra>",
        )
        fig.add_annotation(
            x=0,
            y=route,
            xanchor="left",
            yanchor="top",
            yshift=-40,
            showarrow=False,
            align="left",
            text=wrap_label(_("Within or after the degree:") + " " + " → ".join(steps), 50),  # fits a phone
            font=dict(size=12, color=TEXT_COLOR),
        )
    fig = apply_base_layout(fig, _(title), 150 + 140 * max(1, len(routes)), legend=False)
    fig.update_layout(barmode="overlay", margin=dict(l=10, r=30, b=50))
    end = float((stages["start"] + stages["length"].fillna(0)).max()) if len(stages) else 1.0
    fig.update_xaxes(
        title_text=_("Years after high school (shortest usual path)"),
        gridcolor=GRID,
        dtick=1,
        range=[0, max(end, 1) + 0.6],
        zeroline=False,
    )
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=routes, automargin=True)
    return fig.figure()


def programs_chart(
    latest: pd.DataFrame, title: str = N_("Programs by degree level (newest count)"), _: Translate = identity
) -> go.Figure:
    """Programs per route and degree, stacked by accreditation status (a pattern per status),
    each bar labelled with its count and the date of the count."""
    fig = FigureDraft()
    labels = list(dict.fromkeys(latest["label"]))
    shown = set()
    for row in latest.itertuples():
        color = GROUP_COLORS[row.route]
        pattern = STATUS_PATTERNS.get(row.status, "")
        fig.add_bar(
            y=[row.label],
            x=[row.programs],
            orientation="h",
            marker=dict(
                color=color,
                line=dict(color="white", width=1),
                pattern=dict(shape=pattern, fgcolor="white", size=7, solidity=0.35, fillmode="overlay"),
            ),
            text=[f"{row.programs:,} {_(row.status).lower() if row.status != 'All' else ''}".strip()],
            textposition="inside",
            insidetextanchor="middle",
            cliponaxis=False,
            insidetextfont=dict(color=TEXT_ON_GROUP.get(row.route, TEXT_COLOR), size=12),
            name=_(STATUS_NAMES.get(row.status, row.status)),
            legendgroup=row.status,
            showlegend=row.status not in shown,
            hovertemplate=f"{row.label}: {row.programs:,} {_(row.status).lower()} ({row.as_of_label})<extra></extra>",
        )
        shown.add(row.status)
    fig = apply_base_layout(fig, _(title), 140 + 48 * max(1, len(labels)))
    # A segment too narrow for its number shows it on hover and in the table.
    fig.update_layout(barmode="stack", uniformtext=dict(minsize=11, mode="hide"), margin=dict(l=10, r=20, b=120))
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=labels, automargin=True)
    fig.update_xaxes(title_text=_("Programs"), gridcolor=GRID, rangemode="tozero")
    return fig.figure()


def _lines(
    frame: pd.DataFrame, x: str, y: str, series: str, route: str, text: list[str], hover: list[str]
) -> FigureDraft:
    fig = FigureDraft()
    for name in dict.fromkeys(frame[series]):
        mask = (frame[series] == name).tolist()
        part = frame[mask]
        r = part[route].iloc[0]
        fig.add_scatter(
            x=part[x],
            y=part[y],
            mode="lines+markers+text",
            name=name,
            line=dict(color=GROUP_COLORS[r], width=2.5, dash="solid" if r in ("OT", "PT") else "dot"),
            marker=dict(symbol=SYMBOLS[r], size=10, color=GROUP_COLORS[r]),
            text=[t for t, m in zip(text, mask) if m],
            textposition="top center",
            textfont=dict(color=TEXT_COLOR, size=12),
            cliponaxis=False,
            hovertemplate=[h + "<extra></extra>" for h, m in zip(hover, mask) if m],
        )
    return fig


def program_trend_chart(
    trend: pd.DataFrame, title: str = N_("Programs over the years"), _: Translate = identity
) -> go.Figure:
    """Program counts by date, one line per route, degree and status."""
    text = [f"{v:,}" for v in trend["programs"]]
    hover = [f"{s}: {v:,} ({a})" for s, v, a in zip(trend["series"], trend["programs"], trend["as_of_label"])]
    fig = _lines(trend, "date", "programs", "series", "route", text, hover)
    fig = apply_base_layout(fig, _(title), 420)
    fig.update_xaxes(title_text=_("Date of the count"), gridcolor=GRID)
    fig.update_yaxes(title_text=_("Programs"), gridcolor=GRID, rangemode="tozero", automargin=True, title_standoff=10)
    return fig.figure()


def cost_chart(
    bars: pd.DataFrame,
    title: str = N_("What school costs and graduates owe, against a year's median pay"),
    _: Translate = identity,
) -> go.Figure:
    """Per route: median pay (solid), graduate debt (crossed) and tuition (striped), each bar
    labelled with its amount; the label names the period and who measured it."""
    fig = FigureDraft()
    labels = [wrap_label(f"{r} · {i}", 38) for r, i in zip(bars["route"], bars["item"])]
    shown = set()
    for label, row in zip(labels, bars.itertuples()):
        color = GROUP_COLORS[row.route]
        fig.add_bar(
            y=[label],
            x=[row.value],
            orientation="h",
            marker=dict(
                color=color,
                pattern=dict(shape=KIND_PATTERNS[row.kind], fgcolor="white", size=8, solidity=0.35, fillmode="overlay"),
            ),
            text=[money(row.value)],
            textposition="auto",
            insidetextanchor="end",
            cliponaxis=False,
            insidetextfont=dict(color=TEXT_ON_GROUP.get(row.route, TEXT_COLOR), size=12),
            outsidetextfont=dict(color=TEXT_COLOR, size=12),
            name=row.kind,
            legendgroup=row.kind,
            showlegend=row.kind not in shown,
            hovertemplate=f"{row.route} · {row.item}: {money(row.value)}, "
            + _("measured by {who}").format(who=row.measured_by)
            + "<extra></extra>",
        )
        shown.add(row.kind)
    lines = sum(label.count("<br>") + 1 for label in labels)
    fig = apply_base_layout(fig, _(title), 150 + 24 * lines + 16 * max(1, len(bars)))
    fig.update_layout(barmode="overlay", bargap=0.25)
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=labels, automargin=True)
    top = float(bars["value"].max()) if len(bars) else 1.0
    fig.update_xaxes(title_text=_("US dollars"), tickprefix="$", tickformat="~s", gridcolor=GRID, range=[0, top * 1.2])
    return fig.figure()


def admission_chart(counts: pd.DataFrame, measure: str, title: str, _: Translate = identity) -> go.Figure:
    """One admission measure (e.g. applicants, or acceptance rate) by cycle, one line per route
    and service, each point labelled."""
    part = counts[counts["measure"] == measure].copy()
    part["series"] = [f"{r} · {s}" for r, s in zip(part["route"], part["service"])]
    percent = measure == "Acceptance rate"
    text = [f"{v:g}%" if percent else f"{v:,.0f}" for v in part["value"]]
    hover = [f"{s}, {c}: {t}" for s, c, t in zip(part["series"], part["cycle"], text)]
    fig = _lines(part, "cycle", "value", "series", "route", text, hover)
    fig = apply_base_layout(fig, title, 400)
    fig.update_xaxes(title_text=_("Admission cycle"), type="category", gridcolor=GRID)
    fig.update_yaxes(
        title_text=_("Accepted (%)") if percent else _(measure),
        gridcolor=GRID,
        rangemode="tozero",
        range=[0, 105] if percent else None,
        automargin=True,
        title_standoff=10,
    )
    return fig.figure()


def exam_chart(series: pd.DataFrame, measure: str, _: Translate = identity) -> go.Figure:
    """One pass-rate measure by period (never first-time and ultimate together), one line per
    route and group of takers, each point labelled."""
    text = [f"{v:g}%" for v in series["value_pct"]]
    hover = [f"{s}, {p}: {t}" for s, p, t in zip(series["series"], series["period_label"], text)]
    fig = _lines(series, "period_label", "value_pct", "series", "route", text, hover)
    fig = apply_base_layout(fig, _("{measure}, by year").format(measure=_(measure)), 420)
    low = float(series["value_pct"].min()) if len(series) else 0.0
    fig.update_xaxes(
        title_text=_("Year or class"),
        type="category",
        gridcolor=GRID,
        categoryorder="array",
        categoryarray=sorted(set(series["period_label"]), key=_year_of),
    )
    fig.update_yaxes(
        title_text=_("Passed (%)"), gridcolor=GRID, range=[max(0.0, low - 10), 103], automargin=True, title_standoff=10
    )
    return fig.figure()


def _year_of(label: str) -> tuple:
    import re

    found = re.findall(r"(?:19|20)\d{2}", label)
    return (int(found[-1]) if found else 0, label)
