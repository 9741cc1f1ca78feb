"""components/chart_style.py: one colour source for charts and the Streamlit theme, one template."""

from __future__ import annotations

import tomllib
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio

from components import chart_style
from components.chart_style import BOTH_COLOR, OT_COLOR, PALETTE, PT_COLOR, TEMPLATE

THEME = tomllib.loads((Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml").read_text())["theme"]


def test_chart_colours_are_the_theme_colours():
    # Badges (:blue-badge[OT]) take the theme's colours, charts take chart_style's: they must agree.
    assert (OT_COLOR, PT_COLOR, BOTH_COLOR) == (THEME["blueColor"], THEME["orangeColor"], THEME["greenColor"])
    assert list(PALETTE) == THEME["chartCategoricalColors"]


def test_the_template_carries_the_theme_palette_and_every_chart_layout_names_it():
    assert list(pio.templates[TEMPLATE].layout.colorway) == THEME["chartCategoricalColors"]
    assert go.Figure(layout=chart_style.bar_layout("t", "x", "y", 2)).layout.template == pio.templates[TEMPLATE]
    fig = chart_style.apply_base_layout(go.Figure(), "t", 300)
    assert list(fig.layout.template.layout.colorway) == THEME["chartCategoricalColors"]


def test_every_profession_and_group_colour_comes_from_the_palette():
    colours = {*chart_style.PROFESSION_COLORS.values(), *chart_style.GROUP_COLORS.values()}
    assert colours <= set(PALETTE)
    assert chart_style.GROUP_COLORS["OT"] == OT_COLOR and chart_style.GROUP_COLORS["PT"] == PT_COLOR


def test_tint_mixes_with_white():
    assert chart_style.tint(OT_COLOR, 1.0) == OT_COLOR
    assert chart_style.tint(OT_COLOR, 0.0) == "#FFFFFF"
