"""Unit tests for components/charts.py: fixed colours, values, titles, matrix text, label wrapping."""

from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from components import charts
from components.chart_style import BOTH_COLOR, OT_COLOR, PT_COLOR, wrap_label

PLAIN_WORDS = re.compile(r"[A-Z][A-Za-z ,-]*[A-Za-z]")  # no tags, underscores, digits or codes


def test_palette_is_the_documented_one():
    assert (OT_COLOR, PT_COLOR) == ("#0072B2", "#D55E00")
    assert len({OT_COLOR, PT_COLOR, BOTH_COLOR}) == 3


def bars_by_profession(fig: go.Figure) -> dict[str, go.Bar]:
    """Traces keyed by which profession their legend name is about: 'OT', 'PT' or 'Both'."""
    out = {}
    for trace in fig.data:
        assert trace.type == "bar"
        words = set(re.findall(r"[A-Za-z]+", trace.name))
        key = {"OT"} & words or {"PT"} & words or ({"Both"} if words & {"Both", "both"} else set())
        assert len(key) == 1, trace.name
        out[key.pop()] = trace
    return out


def bar_values(trace: go.Bar) -> dict[str, int]:
    return {y: int(x) for y, x in zip(trace.y, trace.x)}


def bar_text(trace: go.Bar) -> dict[str, object]:
    return {y: (None if t is None or pd.isna(t) else int(t)) for y, t in zip(trace.y, trace.text)}


def assert_plain_titles(fig: go.Figure, with_axes: bool = True) -> None:
    title = fig.layout.title.text
    assert title and PLAIN_WORDS.fullmatch(title), title
    if with_axes:
        for axis in (fig.layout.xaxis, fig.layout.yaxis):
            assert axis.title.text and PLAIN_WORDS.fullmatch(axis.title.text), axis.title.text


# --- lead_by_category_chart --------------------------------------------------------------------

LEAD_COUNTS = pd.DataFrame(
    {
        "category": ["Brain and nerves"] * 3 + ["Hand and arm"] * 3,
        "usual_lead": ["OT", "PT", "Both"] * 2,
        "populations": [1, 3, 2, 4, 0, 0],
    }
)


@pytest.mark.parametrize(
    "counts",
    [
        LEAD_COUNTS,
        LEAD_COUNTS.iloc[::-1].reset_index(drop=True),
        LEAD_COUNTS.sample(frac=1, random_state=3).reset_index(drop=True),
    ],
    ids=["ordered", "reversed", "shuffled"],
)
def test_lead_chart_colours_and_values_whatever_the_row_order(counts):
    fig = charts.lead_by_category_chart(counts)
    bars = bars_by_profession(fig)
    assert set(bars) == {"OT", "PT", "Both"}
    assert bars["OT"].marker.color == OT_COLOR
    assert bars["PT"].marker.color == PT_COLOR
    assert bars["Both"].marker.color == BOTH_COLOR
    assert bar_values(bars["OT"]) == {"Brain and nerves": 1, "Hand and arm": 4}
    assert bar_values(bars["PT"]) == {"Brain and nerves": 3, "Hand and arm": 0}
    assert bar_values(bars["Both"]) == {"Brain and nerves": 2, "Hand and arm": 0}
    for trace in bars.values():
        assert trace.orientation == "h"


@pytest.mark.parametrize("present", [("OT",), ("PT",), ("Both",), ("PT", "Both")])
def test_lead_chart_keeps_ot_and_pt_colours_when_some_leads_are_absent(present):
    counts = LEAD_COUNTS[LEAD_COUNTS["usual_lead"].isin(present)]
    bars = bars_by_profession(charts.lead_by_category_chart(counts))
    assert bars["OT"].marker.color == OT_COLOR
    assert bars["PT"].marker.color == PT_COLOR
    assert bars["Both"].marker.color == BOTH_COLOR
    for lead, trace in bars.items():
        assert len(trace.x) == (2 if lead in present else 0)


def test_lead_chart_text_shows_counts_and_hides_zeros():
    bars = bars_by_profession(charts.lead_by_category_chart(LEAD_COUNTS))
    assert bar_text(bars["OT"]) == {"Brain and nerves": 1, "Hand and arm": 4}
    assert bar_text(bars["PT"]) == {"Brain and nerves": 3, "Hand and arm": None}


def test_lead_chart_titles_are_plain_words():
    fig = charts.lead_by_category_chart(LEAD_COUNTS)
    assert_plain_titles(fig)
    assert fig.layout.barmode == "stack"


def test_lead_chart_of_empty_counts_still_has_ot_and_pt():
    empty = pd.DataFrame(
        {
            "category": pd.Series(dtype="str"),
            "usual_lead": pd.Series(dtype="str"),
            "populations": pd.Series(dtype="int64"),
        }
    )
    bars = bars_by_profession(charts.lead_by_category_chart(empty))
    assert bars["OT"].marker.color == OT_COLOR and bars["PT"].marker.color == PT_COLOR


# --- use_split_chart ---------------------------------------------------------------------------

SPLIT = pd.DataFrame(
    {
        "category": ["Exercise and movement"] * 3 + ["Sensory"] * 3,
        "use": ["Mainly OT", "Both", "Mainly PT"] * 2,
        "interventions": [0, 2, 5, 3, 1, 0],
    }
)


@pytest.mark.parametrize(
    "split",
    [SPLIT, SPLIT.iloc[::-1].reset_index(drop=True), SPLIT.sample(frac=1, random_state=7).reset_index(drop=True)],
    ids=["ordered", "reversed", "shuffled"],
)
def test_use_split_chart_colours_and_values(split):
    bars = bars_by_profession(charts.use_split_chart(split))
    assert set(bars) == {"OT", "PT", "Both"}
    assert bars["OT"].marker.color == OT_COLOR
    assert bars["PT"].marker.color == PT_COLOR
    assert bars["Both"].marker.color == BOTH_COLOR
    assert bar_values(bars["OT"]) == {"Exercise and movement": 0, "Sensory": 3}
    assert bar_values(bars["Both"]) == {"Exercise and movement": 2, "Sensory": 1}
    assert bar_values(bars["PT"]) == {"Exercise and movement": 5, "Sensory": 0}
    assert bar_text(bars["PT"]) == {"Exercise and movement": 5, "Sensory": None}


@pytest.mark.parametrize("present", [("Mainly OT",), ("Mainly PT",), ("Both",)])
def test_use_split_chart_keeps_colours_when_some_uses_are_absent(present):
    bars = bars_by_profession(charts.use_split_chart(SPLIT[SPLIT["use"].isin(present)]))
    assert bars["OT"].marker.color == OT_COLOR
    assert bars["PT"].marker.color == PT_COLOR
    assert bars["Both"].marker.color == BOTH_COLOR


def test_use_split_chart_titles_are_plain_words():
    assert_plain_titles(charts.use_split_chart(SPLIT))


def test_chart_height_grows_with_categories():
    many = pd.DataFrame(
        {
            "category": [f"Category {c}" for c in "ABCDEFGHIJKL" for _ in range(3)],
            "use": ["Mainly OT", "Both", "Mainly PT"] * 12,
            "interventions": [1] * 36,
        }
    )
    assert charts.use_split_chart(many).layout.height > charts.use_split_chart(SPLIT).layout.height


# --- wrap_label --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, width, expected",
    [
        ("Stroke", 34, "Stroke"),
        ("", 34, ""),
        ("one two three", 7, "one two<br>three"),
        ("one two three", 8, "one two<br>three"),
        ("one two three", 13, "one two three"),
        ("a supercalifragilistic b", 5, "a<br>supercalifragilistic<br>b"),
        ("  spaced   out  ", 34, "spaced out"),
    ],
)
def test_wrap_label_examples(text, width, expected):
    assert wrap_label(text, width) == expected


@settings(max_examples=300, deadline=None, database=None)
@given(
    words=st.lists(st.text(alphabet="abcdefghij()-,", min_size=1, max_size=15), min_size=0, max_size=12),
    width=st.integers(min_value=1, max_value=40),
)
def test_wrap_label_never_exceeds_width_except_single_long_words(words, width):
    text = " ".join(words)
    lines = wrap_label(text, width).split("<br>")
    for line in lines:
        assert len(line) <= width or " " not in line
    assert " ".join(lines).split() == words  # nothing lost, order kept
    for first, second in zip(lines, lines[1:]):
        # a line is only broken when the next word would not fit
        assert len(first) + 1 + len(second.split()[0]) > width
