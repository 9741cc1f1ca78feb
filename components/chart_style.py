"""The look every chart shares: the profession colours, the plotly template, fonts and layouts.

One colour source. OT is blue, PT vermillion and "both" green on every chart and badge
(Okabe-Ito, colour-blind safe); the assistants and aides take lighter or neighbouring
palette colours. The same hex values are the Streamlit theme in .streamlit/config.toml
(blueColor, orangeColor, greenColor, chartCategoricalColors), so that badges and charts
agree; tests/unit/test_chart_style.py reads that file and compares. The plotly template
"otpt" carries the palette and font; it is registered once, when this module is first
imported, and every chart's layout names it.

Pure plotly, no Streamlit.
"""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

OT_COLOR = "#0072B2"  # Okabe-Ito blue
PT_COLOR = "#D55E00"  # Okabe-Ito vermillion
BOTH_COLOR = "#009E73"  # Okabe-Ito bluish green
OTA_COLOR = "#56B4E9"  # Okabe-Ito sky blue: a lighter OT
PTA_COLOR = "#E69F00"  # Okabe-Ito orange: a lighter PT
PT_AIDES_COLOR = "#CC79A7"  # Okabe-Ito reddish purple
# The palette in the theme's order (config.toml chartCategoricalColors).
PALETTE = (OT_COLOR, PT_COLOR, BOTH_COLOR, OTA_COLOR, PTA_COLOR, PT_AIDES_COLOR)

PROFESSION_COLORS = {
    "OT": OT_COLOR,
    "PT": PT_COLOR,
    "Both": BOTH_COLOR,
    "OTA": OTA_COLOR,
    "PTA": PTA_COLOR,
}
# The occupation groups of the careers data: groups counted with aides share the assistants' colour.
GROUP_COLORS = {
    "OT": OT_COLOR,
    "PT": PT_COLOR,
    "OTA": OTA_COLOR,
    "PTA": PTA_COLOR,
    "OTA and aides": OTA_COLOR,
    "PTA and aides": PTA_COLOR,
    "PT aides": PT_AIDES_COLOR,
}

# Source tiers: shades of one neutral slate, darkest for the strongest tier, so that
# they never look like a profession's colour. Each bar also carries its number.
TIER_COLORS = {"A": "#2F3B4A", "B": "#7A8CA3", "C": "#D5DCE4"}

TEXT_COLOR = "#1F2328"
GRID = "#E5E5E5"
# Text drawn on a bar: white only on blue and the darkest slate; dark text keeps 4.5:1
# contrast on the others.
TEXT_ON = {
    OT_COLOR: "white",
    PT_COLOR: TEXT_COLOR,
    BOTH_COLOR: TEXT_COLOR,
    OTA_COLOR: TEXT_COLOR,
    PTA_COLOR: TEXT_COLOR,
    TIER_COLORS["A"]: "white",
    TIER_COLORS["B"]: TEXT_COLOR,
    TIER_COLORS["C"]: TEXT_COLOR,
}
TEXT_ON_GROUP = {group: TEXT_ON.get(color, TEXT_COLOR) for group, color in GROUP_COLORS.items()}

FONT = dict(family="Source Sans Pro, sans-serif", size=14, color=TEXT_COLOR)
CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["select2d", "lasso2d"], "responsive": True}

# The house template: the palette and the font. A trace given no colour of its own takes the
# palette's colours in order, so it can never come out in a colour foreign to the app. Every
# layout below names it, rather than relying on plotly's global default, which importing
# Streamlit resets to its own template.
TEMPLATE = "otpt"
if TEMPLATE not in pio.templates:  # registered once per process
    pio.templates[TEMPLATE] = go.layout.Template(layout=dict(colorway=PALETTE, font=FONT))

# A legend under the chart, left-aligned, so that it never covers the title on a phone.
LEGEND_BELOW = dict(orientation="h", yref="container", yanchor="bottom", y=0.0, x=0, xanchor="left", title_text="")
TITLE_WIDTH = 40  # characters per title line: a title must fit a phone's width


def tint(hex_color: str, share: float) -> str:
    """hex_color mixed with white: share 1.0 is the colour itself, 0.0 is white."""
    r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))

    def mix(c: int) -> int:
        return round(255 - (255 - c) * share)

    return f"#{mix(r):02X}{mix(g):02X}{mix(b):02X}"


def wrap_label(text: str, width: int = 34) -> str:
    """Break a long axis label onto lines of at most ~width characters."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "<br>".join(lines)


def bar_layout(title: str, x_title: str, y_title: str, rows: int) -> dict:
    """The layout of a horizontal bar chart with one bar per row, as the dict go.Figure(layout=...) takes."""
    return dict(
        template=TEMPLATE,
        title=dict(text=title, x=0, xanchor="left"),
        font=FONT,
        barmode="stack",
        height=max(300, 150 + 34 * rows),
        margin=dict(l=10, r=10, t=60, b=100),
        legend=dict(LEGEND_BELOW, traceorder="normal"),
        plot_bgcolor="white",
        paper_bgcolor="white",
        xaxis=dict(title_text=x_title, gridcolor=GRID, zeroline=False, dtick=1, rangemode="tozero"),
        yaxis=dict(title_text=y_title, autorange="reversed", automargin=True),
    )


def _merge(target: dict, changes: dict) -> dict:
    """changes merged into target as plotly's update does: nested dicts merge, anything else replaces."""
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            _merge(target[key], value)
        else:
            target[key] = value
    return target


class FigureDraft:
    """A chart under construction, built into a go.Figure by one constructor call.

    It takes the calls the chart functions make on a figure (add_bar, add_trace, add_shape,
    add_annotation, update_layout, update_xaxes, update_yaxes) and keeps their validated
    result as plain dicts: on a built figure each update_* goes through plotly's relayout
    machinery and cost 5-25 ms, ~0.1 s for one careers chart in every rerun; the same
    properties given to the constructor cost ~3 ms. Each call is still checked by plotly's
    own classes, so a misspelt property fails at once, as it did on a figure.
    """

    def __init__(self) -> None:
        self.data: list = []
        self.layout: dict = {}
        self.shapes: list[dict] = []
        self.annotations: list[dict] = []
        self.template: str | None = None

    def add_trace(self, trace) -> FigureDraft:
        self.data.append(trace)
        return self

    def add_bar(self, **properties) -> FigureDraft:
        return self.add_trace(go.Bar(**properties))

    def add_scatter(self, **properties) -> FigureDraft:
        return self.add_trace(go.Scatter(**properties))

    def add_heatmap(self, **properties) -> FigureDraft:
        return self.add_trace(go.Heatmap(**properties))

    def add_shape(self, **properties) -> FigureDraft:
        self.shapes.append(go.layout.Shape(**properties).to_plotly_json())
        return self

    def add_annotation(self, **properties) -> FigureDraft:
        self.annotations.append(go.layout.Annotation(**properties).to_plotly_json())
        return self

    def update_layout(self, **properties) -> FigureDraft:
        # The template by name: its whole content would otherwise be copied into the layout.
        template = properties.pop("template", None)
        if template is not None:
            self.template = template
        _merge(self.layout, go.Layout(**properties).to_plotly_json())
        return self

    def update_xaxes(self, **properties) -> FigureDraft:
        _merge(self.layout.setdefault("xaxis", {}), go.layout.XAxis(**properties).to_plotly_json())
        return self

    def update_yaxes(self, **properties) -> FigureDraft:
        _merge(self.layout.setdefault("yaxis", {}), go.layout.YAxis(**properties).to_plotly_json())
        return self

    def figure(self) -> go.Figure:
        layout = dict(self.layout)
        if self.template is not None:
            layout["template"] = self.template
        if self.shapes:
            layout["shapes"] = self.shapes
        if self.annotations:
            layout["annotations"] = self.annotations
        return go.Figure(data=self.data, layout=layout)


def apply_base_layout(fig: FigureDraft | go.Figure, title: str, height: int, legend: bool = True):
    """The shared frame of a careers or school chart: a title wrapped to a phone's width (the
    chart grows by a line for each extra title line), the font, white ground, legend below."""
    title = wrap_label(title, TITLE_WIDTH)
    lines = title.count("<br>") + 1
    fig.update_layout(
        template=TEMPLATE,
        title=dict(text=title, x=0, xanchor="left", font=dict(size=16)),
        font=FONT,
        height=height + 22 * (lines - 1),
        margin=dict(l=10, r=20, t=50 + 22 * lines, b=80 if legend else 40),
        showlegend=legend,
        legend=LEGEND_BELOW,
        plot_bgcolor="white",
        paper_bgcolor="white",
        hoverlabel=dict(font=dict(family=FONT["family"])),
    )
    return fig
