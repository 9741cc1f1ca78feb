"""Plotly figure builders. Each takes a tidy frame and returns a go.Figure.

OT and PT keep one colour each on every chart, "both" a third (the colours, font and
shared layouts are in components/chart_style.py). Bars carry their numbers as text so
that colour is never the only cue.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.chart_style import (
    BOTH_COLOR,
    OT_COLOR,
    PROFESSION_COLORS,
    PT_COLOR,
    TEXT_COLOR,
    TEXT_ON,
    TIER_COLORS,
    bar_layout,
)
from components.i18n import Translate, identity
from components.interventions import USE_ORDER
from components.populations import LEAD_LABELS
from components.schema import TIER_LABELS


def stacked_bars(
    frame: pd.DataFrame,
    category: str,
    group: str,
    value: str,
    groups: dict[str, tuple[str, str]],
    title: str,
    x_title: str,
    unit: str,
    y_title: str = "Category",
) -> go.Figure:
    """Stacked horizontal bars, one trace per group, in the order of `groups`.

    groups maps a value of frame[group] to (legend label, colour). Bars carry their
    count as text; zero segments carry none.
    """
    # Plain lists and one go.Figure call: building from pandas Series with add_bar and
    # then update_layout/update_xaxes/update_yaxes validated everything several times and
    # cost ~25 ms a chart on every rerun; this builds the same figure in ~3 ms.
    categories, groups_of, values = frame[category].tolist(), frame[group].tolist(), frame[value].tolist()
    traces = []
    for key, (label, color) in groups.items():
        ys = [c for c, g in zip(categories, groups_of) if g == key]
        xs = [v for v, g in zip(values, groups_of) if g == key]
        traces.append(
            go.Bar(
                name=label,
                y=ys,
                x=xs,
                orientation="h",
                marker_color=color,
                text=[v if v > 0 else None for v in xs],
                textposition="inside",
                insidetextfont=dict(color=TEXT_ON[color]),
                hovertemplate="%{y}: %{x} " + unit + "<extra>" + label + "</extra>",
            )
        )
    rows = len(set(categories))
    return go.Figure(data=traces, layout=bar_layout(title, x_title, y_title, rows))


def lead_by_category_chart(counts: pd.DataFrame, _: Translate = identity) -> go.Figure:
    """Per category, how many populations OT leads, PT leads, both share (words in the
    language of `_`; the categories as the frame gives them)."""
    groups = {lead: (_(LEAD_LABELS[lead]), PROFESSION_COLORS[lead]) for lead in ("OT", "Both", "PT")}
    return stacked_bars(
        counts,
        "category",
        "usual_lead",
        "populations",
        groups,
        _("Who usually leads, by category"),
        _("Number of populations"),
        _("populations"),
        _("Category"),
    )


# Involvement levels as tints of the profession's colour; dark text stays readable on all.
def use_split_chart(split: pd.DataFrame, _: Translate = identity) -> go.Figure:
    """Per category, interventions used mainly by OT, by both, mainly by PT (words in the
    language of `_`; the categories as the frame gives them)."""
    groups = dict(zip(USE_ORDER, zip((_(u) for u in USE_ORDER), (OT_COLOR, BOTH_COLOR, PT_COLOR))))
    return stacked_bars(
        split,
        "category",
        "use",
        "interventions",
        groups,
        _("How the interventions split between OT and PT"),
        _("Number of interventions"),
        _("interventions"),
        _("Category"),
    )


def tier_chart(counts: pd.DataFrame, _: Translate = identity) -> go.Figure:
    """Per table, how many distinct sources of each tier it cites (columns table, tier, sources)."""
    groups = {tier: (_(TIER_LABELS[tier]), color) for tier, color in TIER_COLORS.items()}
    fig = stacked_bars(
        counts,
        "table",
        "tier",
        "sources",
        groups,
        _("Sources behind each table, by tier"),
        _("Number of sources"),
        _("sources"),
    )
    fig.update_xaxes(dtick=None)
    fig.update_yaxes(title_text=_("Table"))
    # An outline keeps the lightest segment visible against the white background (3:1).
    fig.update_traces(marker_line_color=TEXT_COLOR, marker_line_width=1)
    return fig
