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


def _drawn(fig) -> None:
    """The same calls on a figure or a FigureDraft (every kind FigureDraft takes)."""
    fig.add_bar(x=[1, 2], y=["a", "b"], orientation="h", marker_color=OT_COLOR, name="OT")
    fig.add_scatter(x=[1, 2], y=[3, 4], mode="lines", line=dict(color=PT_COLOR, dash="dot"))
    fig.add_heatmap(z=[[1, None]], showscale=False)
    fig.add_shape(type="rect", x0=0, x1=1, y0=0, y1=1, line=dict(width=4))
    fig.add_annotation(text="note", x=1, y=1, showarrow=False)
    chart_style.apply_base_layout(fig, "A title long enough to be wrapped onto a second line", 300)
    fig.update_layout(barmode="overlay", margin=dict(l=5, b=70))  # merges with the base margin
    fig.update_xaxes(title_text="x", range=[0, 3])
    fig.update_xaxes(gridcolor=chart_style.GRID)  # a second call merges, not replaces
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=["a", "b"], title_standoff=10)


def test_a_figure_draft_builds_the_same_figure_as_updating_a_figure():
    figure = go.Figure()
    _drawn(figure)
    draft = chart_style.FigureDraft()
    _drawn(draft)
    assert draft.figure().to_plotly_json() == figure.to_plotly_json()


def test_a_figure_draft_rejects_a_misspelt_property_at_once():
    draft = chart_style.FigureDraft()
    for call in (
        lambda: draft.update_layout(heigth=3),
        lambda: draft.update_xaxes(tittle_text="x"),
        lambda: draft.add_bar(colour="red"),
    ):
        try:
            call()
        except ValueError:
            continue
        raise AssertionError("a misspelt property was accepted")


def test_the_data_stamp_changes_when_a_data_file_changes(tmp_path):
    from app_pages.common import data_stamp

    (tmp_path / "es").mkdir()
    (tmp_path / "a.csv").write_text("id\nX1\n")
    (tmp_path / "es" / "a.csv").write_text("id\nX1\n")
    (tmp_path / "notes.txt").write_text("not data")
    before = data_stamp(str(tmp_path))
    assert len(before) == 2 and data_stamp(str(tmp_path)) == before
    (tmp_path / "es" / "a.csv").write_text("id\nX1\nX2\n")
    assert data_stamp(str(tmp_path)) != before
