"""CSV export properties: for any table of strings and numbers, the CSV export
reads back (with Python's csv module, as a spreadsheet would split it) to exactly the
rows shown, apart from the apostrophe that escapes a formula, and no string cell starts
with a formula trigger."""

from __future__ import annotations

import csv
import io
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from components.export import FORMULA_TRIGGERS, to_csv_bytes

# Long: skipped by the fast layers (-m "not slow and not e2e"), run by `make test`.
pytestmark = pytest.mark.slow

EXAMPLES = 300
PROPS = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Text that a spreadsheet would take for a formula, or that breaks naive CSV writers.
HOSTILE = st.sampled_from(
    [
        '=HYPERLINK("http://example.invalid","click")',
        "+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(1,2)",
        "\t=1+1",
        "\r=1+1",
        "\n=1+1",
        "=1+1\n",
        "a,b",
        '"quoted"',
        "'already",
        " =1",
        "",
        "-",
        "=",
    ]
)
TEXT = st.one_of(
    HOSTILE, st.text(max_size=20), st.builds(lambda t, s: t + s, st.sampled_from(FORMULA_TRIGGERS), st.text(max_size=8))
)
INTS = st.integers(min_value=-(10**15), max_value=10**15)
FLOATS = st.floats(allow_nan=False, allow_infinity=False, width=64)


@st.composite
def frames(draw):
    rows = draw(st.integers(min_value=0, max_value=8))
    n_columns = draw(st.integers(min_value=1, max_value=5))
    names = draw(st.lists(TEXT, min_size=n_columns, max_size=n_columns, unique=True))
    data, kinds = {}, {}
    for name in names:
        kind = draw(st.sampled_from(["str", "int", "float", "mixed"]))
        if kind == "str":
            values = pd.array(draw(st.lists(st.one_of(TEXT, st.none()), min_size=rows, max_size=rows)), dtype="str")
        elif kind == "int":
            values = np.array(draw(st.lists(INTS, min_size=rows, max_size=rows)), dtype="int64")
        elif kind == "float":
            values = np.array(
                draw(st.lists(st.one_of(FLOATS, st.just(math.nan)), min_size=rows, max_size=rows)), dtype="float64"
            )
        else:
            values = pd.array(draw(st.lists(st.one_of(TEXT, INTS, FLOATS), min_size=rows, max_size=rows)), dtype=object)
        data[name], kinds[name] = values, kind
    return pd.DataFrame(data), kinds


def read_back(raw: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))


def unescape(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_TRIGGERS) else cell


def is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def same_number(cell: str, value) -> bool:
    return float(cell) == float(value) if not isinstance(value, (int, np.integer)) else int(cell) == int(value)


@PROPS
@given(frames())
def test_export_reads_back_to_the_rows_shown(case):
    frame, kinds = case
    rows = read_back(to_csv_bytes(frame))
    assert [unescape(c) for c in rows[0]] == [str(c) for c in frame.columns]
    assert len(rows) == len(frame) + 1
    for shown, written in zip(frame.itertuples(index=False, name=None), rows[1:]):
        assert len(written) == len(shown)
        for value, cell in zip(shown, written):
            if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
                assert cell == ""
            elif isinstance(value, str):
                assert unescape(cell) == value
            else:
                assert same_number(cell, value), (cell, value)


@PROPS
@given(frames())
def test_no_string_cell_starts_with_a_formula_trigger(case):
    frame, kinds = case
    rows = read_back(to_csv_bytes(frame))
    for cell in rows[0]:
        assert not cell.startswith(FORMULA_TRIGGERS), cell
    for shown, written in zip(frame.itertuples(index=False, name=None), rows[1:]):
        for value, cell in zip(shown, written):
            if cell.startswith(FORMULA_TRIGGERS):
                # Only a real number may start with "-" or "+": a spreadsheet reads it as that number.
                assert not isinstance(value, str) and is_number(cell), (value, cell)
