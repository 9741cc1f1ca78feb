"""Plotly figures for the careers pages. Each takes a tidy frame from
components/careers.py, states.py or onet.py and returns a go.Figure.

Same rules as components/charts.py: one colour per profession everywhere (OT blue, PT
vermillion, OTA and PTA lighter: components/chart_style.py), numbers written on the marks so that colour is never the
only cue, and every mark labelled with its period. The state map is a tile grid drawn as a
heatmap: no geographic trace, so nothing is fetched from a map server.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

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
from components.i18n import Translate, identity
from components.states import NAME_OF, TILE_GRID

SYMBOLS = {
    "OT": "circle",
    "PT": "square",
    "OTA": "diamond",
    "PTA": "triangle-up",
    "OTA and aides": "diamond-open",
    "PTA and aides": "triangle-up-open",
    "PT aides": "x",
}


def _money(value: float) -> str:
    return f"${value:,.0f}"


def short_number(value: float, unit: str) -> str:
    """A compact label for a map tile: 24.2k, $114k, 12%, 1.16."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if unit == "USD per year":
        return f"${value / 1000:.0f}k"
    if unit == "USD per hour":
        return f"${value:.0f}"
    if unit == "percent":
        return f"{value:g}%"
    if unit in ("ratio to the U.S. share", "jobs per 1,000 jobs"):
        return f"{value:.2f}"
    if unit == "rank among 50 states and DC":
        return f"#{int(value)}"
    if value >= 10000:
        return f"{value / 1000:.0f}k"
    if value >= 1000:
        return f"{value / 1000:.1f}k"
    return f"{value:,.0f}"


# --- pay ------------------------------------------------------------------------------------


def pay_range_chart(
    ranges: pd.DataFrame,
    title: str = "How pay spreads: 10th to 90th percentile, middle half, median",
    _: Translate = identity,
) -> go.Figure:
    """Per profession and period: a thin line from the 10th to the 90th percentile, a thick bar
    for the middle half (25th-75th) where given, and a mark at the median, all labelled."""
    fig = FigureDraft()
    labels = [wrap_label(f"{p} · {t}", 14) for p, t in zip(ranges["profession"], ranges["period_label"])]
    shown = set()
    for label, row in zip(labels, ranges.itertuples()):
        color = GROUP_COLORS[row.profession]
        first = row.profession not in shown
        shown.add(row.profession)
        fig.add_scatter(
            x=[row.p10, row.p90],
            y=[label, label],
            mode="lines+markers+text",
            line=dict(color=color, width=3),
            marker=dict(symbol="line-ns", size=14, line=dict(width=3, color=color)),
            text=[_money(row.p10), _money(row.p90)],
            textposition="bottom center",
            textfont=dict(size=12, color=TEXT_COLOR),
            cliponaxis=False,
            name=row.profession,
            legendgroup=row.profession,
            showlegend=first,
            hovertemplate="%{y}: %{x:$,.0f}<extra>" + _("10th / 90th percentile") + "</extra>",
        )
        if not (math.isnan(row.p25) or math.isnan(row.p75)):
            fig.add_bar(
                y=[label],
                x=[row.p75 - row.p25],
                base=[row.p25],
                orientation="h",
                width=0.3,
                marker=dict(color=tint(color, 0.55), line=dict(color=color, width=1.5)),
                name=row.profession,
                legendgroup=row.profession,
                showlegend=False,
                customdata=[[row.p25, row.p75]],
                hovertemplate="%{y}: "
                + _("middle half {low} to {high}").format(low="%{customdata[0]:$,.0f}", high="%{customdata[1]:$,.0f}")
                + "<extra></extra>",
            )
        fig.add_scatter(
            x=[row.p50],
            y=[label],
            mode="markers",
            marker=dict(symbol="diamond", size=13, color="white", line=dict(color=TEXT_COLOR, width=2)),
            name=row.profession,
            legendgroup=row.profession,
            showlegend=False,
            hovertemplate="%{y}: " + _("median {amount}").format(amount="%{x:$,.0f}") + "<extra></extra>",
        )
        # Above the bar, clear of it: a text mark would sit on the bar's edge.
        fig.add_annotation(
            x=row.p50,
            y=label,
            yshift=22,
            text=_("median {amount}").format(amount=_money(row.p50)),
            showarrow=False,
            font=dict(size=12, color=TEXT_COLOR),
        )
    fig = apply_base_layout(fig, title, 170 + 84 * len(ranges))
    fig.update_layout(barmode="overlay", margin=dict(l=10, r=30, b=80))
    # Rows top to bottom, with room under the last row for its labels.
    fig.update_yaxes(range=[len(labels) - 0.35, -0.7], automargin=True, categoryorder="array", categoryarray=labels)
    low = float(ranges["p10"].min()) if len(ranges) else 0
    high = float(ranges["p90"].max()) if len(ranges) else 1
    pad = (high - low) * 0.18 or 10000
    fig.update_xaxes(
        title_text=_("Pay per year (US dollars)"),
        tickprefix="$",
        tickformat="~s",
        gridcolor=GRID,
        range=[max(0, low - pad), high + pad],
        automargin=True,
        title_standoff=12,
    )
    return fig.figure()


# --- jobs, outlook, settings -----------------------------------------------------------------


def labelled_bars(
    frame: pd.DataFrame,
    label: str,
    value: str,
    group: str,
    text: list[str],
    title: str,
    x_title: str,
    hover_unit: str,
    patterned: pd.Series | None = None,
    _: Translate = identity,
) -> go.Figure:
    """Horizontal bars in frame order, one colour per group, each with its own text label:
    inside the bar where it fits, else just after it (the axis leaves room for it)."""
    fig = FigureDraft()
    shown = set()
    labels = [wrap_label(str(v), 20) for v in frame[label]]
    for i, row in enumerate(frame.itertuples()):
        key = getattr(row, group)
        color = GROUP_COLORS[key]
        pattern = "/" if patterned is not None and bool(patterned.iloc[i]) else ""
        fig.add_bar(
            y=[labels[i]],
            x=[getattr(row, value)],
            orientation="h",
            marker=dict(
                color=color, pattern=dict(shape=pattern, fgcolor="white", size=7, solidity=0.3, fillmode="overlay")
            ),
            text=[text[i]],
            textposition="auto",
            cliponaxis=False,
            insidetextanchor="end",
            insidetextfont=dict(color=TEXT_ON_GROUP.get(key, TEXT_COLOR), size=12),
            outsidetextfont=dict(color=TEXT_COLOR, size=12),
            name=_(key),
            legendgroup=key,
            showlegend=key not in shown,
            hovertemplate="%{y}: " + text[i].replace("<br>", " · ") + f"<extra>{hover_unit}</extra>",
        )
        shown.add(key)
    fig = apply_base_layout(fig, title, 130 + 48 * len(frame), legend=False)  # the labels name each bar's profession
    fig.update_layout(barmode="overlay", margin=dict(l=10, r=20, b=50))
    fig.update_yaxes(autorange="reversed", automargin=True, categoryorder="array", categoryarray=labels)
    top = float(frame[value].max()) if len(frame) else 1.0
    fig.update_xaxes(title_text=x_title, gridcolor=GRID, range=[0, top * 1.45], nticks=5)
    return fig.figure()


def jobs_chart(
    counts: pd.DataFrame, title: str = "How many jobs: two different counts, shown apart", _: Translate = identity
) -> go.Figure:
    """The two employment counts side by side for each profession: two bars, never one line."""
    # Translated outside the f-string: Babel does not look inside one (Python 3.11).
    frame = counts.assign(
        label=[
            f"{p}: " + (_("number of jobs") if m == "ep_jobs" else _("payroll jobs"))
            for p, m in zip(counts["profession"], counts["measure"])
        ]
    )
    text = [f"{v:,.0f}<br>{t}" for v, t in zip(frame["value"], frame["period_label"])]
    return labelled_bars(
        frame,
        "label",
        "value",
        "profession",
        text,
        title,
        _("Jobs"),
        _("jobs"),
        patterned=frame["measure"] == "oews_employment",
        _=_,
    )


def outlook_chart(outlook: pd.DataFrame, column: str, title: str | None = None, _: Translate = identity) -> go.Figure:
    """Projected growth (%) or openings per year, one bar per profession and projection decade."""
    frame = outlook.dropna(subset=[column])
    frame = frame.assign(label=[f"{_(p)} · {t}" for p, t in zip(frame["profession"], frame["period_label"])])
    if column == "growth_pct":
        text = [f"{v:g}%" for v in frame[column]]
        return labelled_bars(
            frame,
            "label",
            column,
            "profession",
            text,
            title or _("Projected job growth over 10 years"),
            _("Growth over the decade (%)"),
            _("growth"),
            _=_,
        )
    text = [_("{amount} a year").format(amount=f"{v:,.0f}") for v in frame[column]]
    return labelled_bars(
        frame,
        "label",
        column,
        "profession",
        text,
        title or _("Job openings each year, on average"),
        _("Openings per year"),
        _("openings"),
        _=_,
    )


def settings_chart(shares: pd.DataFrame, _: Translate = identity) -> go.Figure:
    """Small multiples: for each profession, its share of jobs by employer type, largest first."""
    groups = [p for p in dict.fromkeys(shares["profession"])]
    titles = [
        _("{profession}: share of jobs, {period}").format(
            profession=p, period=shares.loc[shares["profession"] == p, "period_label"].iloc[0]
        )
        for p in groups
    ]
    counts = [int((shares["profession"] == p).sum()) for p in groups]
    fig = make_subplots(
        rows=len(groups),
        cols=1,
        subplot_titles=titles,
        vertical_spacing=0.12 if len(groups) > 1 else 0.1,
        row_heights=counts,
    )
    for i, profession in enumerate(groups, start=1):
        part = shares[shares["profession"] == profession]
        color = GROUP_COLORS[profession]
        fig.add_bar(
            y=[wrap_label(s, 24) for s in part["setting"]],
            x=part["share"],
            orientation="h",
            marker_color=color,
            text=[f"{v:g}%" for v in part["share"]],
            textposition="outside",
            textfont=dict(color=TEXT_COLOR),
            cliponaxis=False,
            name=profession,
            showlegend=False,
            hovertemplate="%{y}: %{x}%<extra>" + profession + "</extra>",
            row=i,
            col=1,
        )
        fig.update_yaxes(autorange="reversed", automargin=True, row=i, col=1)
        fig.update_xaxes(
            range=[0, max(40, float(shares["share"].max()) * 1.25)],
            ticksuffix="%",
            gridcolor=GRID,
            nticks=4,
            row=i,
            col=1,
        )
    fig = apply_base_layout(fig, _("Where they work"), 110 + 72 * sum(counts) + 70 * len(groups), legend=False)
    # Panel titles end at the panel's right edge: on a phone the left is taken by the labels.
    fig.update_annotations(font=dict(size=14, color=TEXT_COLOR), x=1, xanchor="right")
    return fig


# --- trends -----------------------------------------------------------------------------------


def trend_chart(points: pd.DataFrame, title: str, unit: str, _: Translate = identity) -> go.Figure:
    """One line per profession through the points chosen for the chart, each point labelled
    with its value at the line's last point and its source year on hover."""
    fig = FigureDraft()
    on = points[points["on_chart"]]
    # End labels name the line and its last value; from the highest line down they go above,
    # then below, and so on, so that two close lines never print on top of each other.
    last = on.sort_values("year").groupby("profession")["value"].last().sort_values(ascending=False)
    position = {p: ("top right" if i % 2 == 0 else "bottom right") for i, p in enumerate(last.index)}
    for profession in dict.fromkeys(on["profession"]):
        part = on[on["profession"] == profession].sort_values("year")
        color = GROUP_COLORS[profession]
        text = [""] * len(part)
        if len(part):
            text[-1] = f"{profession} {short_number(float(part['value'].iloc[-1]), unit)}"
        fig.add_scatter(
            x=part["year"],
            y=part["value"],
            mode="lines+markers+text",
            name=profession,
            line=dict(color=color, width=2.5, dash="solid" if profession in ("OT", "PT") else "dot"),
            marker=dict(symbol=SYMBOLS.get(profession, "circle"), size=9, color=color),
            text=text,
            textposition=position[profession],
            textfont=dict(color=TEXT_COLOR, size=12),
            cliponaxis=False,
            customdata=list(zip(part["reference_period"], part["tier"])),
            hovertemplate="%{x}: %{y:,}<br>%{customdata[0]} · "
            + _("tier {tier}").format(tier="%{customdata[1]}")
            + "<extra>"
            + profession
            + "</extra>",
        )
    fig = apply_base_layout(fig, title, 440)
    years = on["year"] if len(on) else pd.Series([2020])
    fig.update_xaxes(title_text=_("Year"), dtick=2, gridcolor=GRID, range=[int(years.min()) - 1, int(years.max()) + 3])
    prefix = "$" if unit.startswith("USD") else ""
    suffix = "%" if unit == "percent" else ""
    fig.update_yaxes(
        title_text=_(unit),
        tickprefix=prefix,
        ticksuffix=suffix,
        tickformat=",",
        gridcolor=GRID,
        rangemode="tozero",
        automargin=True,
    )
    fig.update_layout(margin=dict(l=10, r=30, b=80))
    return fig.figure()


# --- the state map ----------------------------------------------------------------------------


def tile_map(
    view: pd.DataFrame,
    profession: str,
    title: str,
    unit: str,
    highlight: str | None = None,
    _: Translate = identity,
) -> go.Figure:
    """The 50 states and DC as equal squares in a grid, shaded by the figure; states with no
    figure are light grey with a dash. Each tile says its state and its value."""
    rows = 1 + max(r for r, _c in TILE_GRID.values())
    cols = 1 + max(c for _r, c in TILE_GRID.values())
    z = [[None] * cols for _row in range(rows)]
    text = [[""] * cols for _row in range(rows)]
    z_missing = [[None] * cols for _row in range(rows)]
    text_missing = [[""] * cols for _row in range(rows)]
    hover = [[""] * cols for _row in range(rows)]
    for row in view.itertuples():
        r, c = TILE_GRID[row.state_abbr]
        if math.isnan(row.value):
            z_missing[r][c] = 0
            text_missing[r][c] = f"{row.state_abbr}<br>–"
            hover[r][c] = _("{state}: no figure found in our sources").format(state=_(row.state))
        else:
            z[r][c] = row.value
            text[r][c] = f"{row.state_abbr}<br>{short_number(row.value, unit)}"
            hover[r][c] = f"{_(row.state)}: {row.shown}"
    color = GROUP_COLORS[profession]
    reverse = unit == "rank among 50 states and DC"  # rank 1 (best-paid) gets the strongest colour
    scale = [[0, tint(color, 0.12)], [1, color]]
    fig = FigureDraft()
    fig.add_heatmap(
        z=z_missing,
        text=text_missing,
        customdata=hover,
        texttemplate="%{text}",
        textfont=dict(size=10, color="#555555"),
        colorscale=[[0, "#F2F2F2"], [1, "#F2F2F2"]],
        showscale=False,
        xgap=3,
        ygap=3,
        hoverongaps=False,
        hovertemplate="%{customdata}<extra></extra>",
        name=_("No figure found"),
    )
    fig.add_heatmap(
        z=z,
        text=text,
        customdata=hover,
        texttemplate="%{text}",
        textfont=dict(size=10),
        colorscale=scale,
        reversescale=reverse,
        xgap=3,
        ygap=3,
        hoverongaps=False,
        hovertemplate="%{customdata}<extra></extra>",
        name=_(profession),
        # A horizontal colour key under the grid leaves the full width to the tiles on a phone.
        colorbar=dict(
            title=dict(text=_(unit), side="top"),
            orientation="h",
            x=0,
            xanchor="left",
            y=-0.02,
            yanchor="top",
            thickness=10,
            len=0.6,
            outlinewidth=0,
            tickprefix="$" if unit.startswith("USD") else "",
            ticksuffix="%" if unit == "percent" else "",
        ),
    )
    if highlight and highlight in TILE_GRID:
        r, c = TILE_GRID[highlight]
        fig.add_shape(type="rect", x0=c - 0.5, x1=c + 0.5, y0=r - 0.5, y1=r + 0.5, line=dict(color=TEXT_COLOR, width=4))
        # Named in the free corner under the grid, so the label never covers another tile.
        fig.add_annotation(
            x=1,
            y=0,
            xref="paper",
            yref="paper",
            xanchor="right",
            yanchor="top",
            text=_("Outlined: {state}").format(state=_(NAME_OF[highlight])),
            showarrow=False,
            font=dict(size=13, color=TEXT_COLOR),
            bgcolor="white",
        )
    fig = apply_base_layout(fig, title, 520, legend=False)
    fig.update_layout(margin=dict(l=5, r=5, b=70))
    fig.update_xaxes(visible=False, range=[-0.6, cols - 0.4], constrain="domain")
    fig.update_yaxes(visible=False, autorange="reversed", scaleanchor="x", scaleratio=1, constrain="domain")
    return fig.figure()


# --- O*NET ------------------------------------------------------------------------------------


def dumbbell_chart(
    profile: pd.DataFrame, scale: str, value_range: tuple[float, float], title: str, _: Translate = identity
) -> go.Figure:
    """One row per item, largest OT-PT difference at the top: an OT dot, a PT square, a line
    between them, and the difference written at the right."""
    labels = [wrap_label(name, 16) for name in profile["element_name"]]  # narrow: a phone needs room for the dots
    line_x, line_y = [], []
    for label, ot, pt in zip(labels, profile["OT"], profile["PT"]):
        line_x += [ot, pt, None]
        line_y += [label, label, None]
    fig = FigureDraft()
    fig.add_scatter(
        x=line_x, y=line_y, mode="lines", line=dict(color="#9AA0A6", width=3), hoverinfo="skip", showlegend=False
    )
    for profession in ("OT", "PT"):
        color = GROUP_COLORS[profession]
        fig.add_scatter(
            x=profile[profession],
            y=labels,
            mode="markers",
            name=profession,
            marker=dict(symbol=SYMBOLS[profession], size=13, color=color, line=dict(color="white", width=1)),
            hovertemplate="%{y}: %{x:.2f}<extra>" + profession + " " + _(scale).lower() + "</extra>",
        )
    diffs = [f"{d:+.2f}" for d in profile["difference"]]
    low, high = value_range
    fig.add_scatter(
        x=[high + 0.65] * len(labels),
        y=labels,
        mode="text",
        text=diffs,
        textfont=dict(color=TEXT_COLOR, size=12),
        showlegend=False,
        hoverinfo="skip",
        cliponaxis=False,
    )
    fig = apply_base_layout(fig, title, 150 + 42 * len(profile))
    fig.update_layout(margin=dict(l=10, r=60, b=80))
    fig.update_yaxes(autorange="reversed", automargin=True, categoryorder="array", categoryarray=labels, gridcolor=GRID)
    # The axis runs past the scale to make room for the OT-minus-PT column; ticks stop at the scale's end.
    fig.update_xaxes(
        title_text=_("{scale}, {low} to {high}").format(scale=_(scale), low=low, high=high),
        range=[low - 0.2, high + 1.0],
        tickvals=list(range(int(low), int(high) + 1)),
        gridcolor=GRID,
    )
    fig.add_annotation(
        x=high + 0.65,
        y=1,
        yref="paper",
        yanchor="bottom",
        text="OT − PT",
        showarrow=False,
        font=dict(size=12, color=TEXT_COLOR),
    )
    return fig.figure()


def riasec_chart(interests: pd.DataFrame, _: Translate = identity) -> go.Figure:
    """RIASEC interest scores (1-7), OT and PT side by side for each of the six interests."""
    fig = FigureDraft()
    for profession in ("OT", "PT"):
        color = GROUP_COLORS[profession]
        fig.add_bar(
            y=interests["interest"],
            x=interests[profession],
            orientation="h",
            name=profession,
            marker=dict(
                color=color,
                pattern=dict(
                    shape="" if profession == "OT" else "/", fgcolor="white", size=7, solidity=0.3, fillmode="overlay"
                ),
            ),
            text=[f"{v:.2f}" for v in interests[profession]],
            textposition="outside",
            cliponaxis=False,
            textfont=dict(color=TEXT_COLOR, size=12),
            hovertemplate="%{y}: %{x:.2f}<extra>" + profession + "</extra>",
        )
    fig = apply_base_layout(fig, _("Interests (RIASEC): what kind of work suits each"), 470)
    fig.update_layout(barmode="group", margin=dict(l=10, r=50, b=80))
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(title_text=_("Interest score (1 to 7)"), range=[0, 7.6], dtick=1, gridcolor=GRID)
    return fig.figure()
