"""Random bytes and random CSV text into the loader, for every schema.

Whatever the input, parse_table either returns a frame or raises DataError: never any
other exception, and the message is one readable line that points into the file. The
examples are derandomized (the same inputs on every run) and counted in the output.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from components.loader import DataError, parse_table
from components.schema import TABLES, Column, TableSchema

# Long: skipped by the fast layers (-m "not slow and not e2e"), run by `make test`.
pytestmark = pytest.mark.slow

EXAMPLES = 300  # per schema and per strategy
FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)

# One made-up table with a column of every kind, so that kinds no real table uses yet
# (int, number, codes ...) are fuzzed too.
EVERY_KIND = TableSchema(
    name="every_kind",
    file="every_kind.csv",
    id_column="id",
    columns=(
        Column("id", "id", pattern=r"K\d{2}"),
        Column("text", "text"),
        Column("choice", "choice", allowed=("Yes", "No")),
        Column("choices", "choices", required=False, allowed=("a", "b", "c")),
        Column("list", "list", required=False),
        Column("int", "int", required=False),
        Column("number", "number", required=False),
        Column("url", "url", required=False),
        Column("as_of", "as_of", required=False),
        Column("codes", "codes", required=False, pattern=r"[0-9]{5}"),
        Column("refs", "refs", required=False, ref_table="sources"),
    ),
)
SCHEMAS = {**TABLES, EVERY_KIND.name: EVERY_KIND}
KNOWN = {name: {"CL001", "CL002", "X1"} for name in SCHEMAS}
RUNS: dict[str, int] = {}


def _tokens(schema: TableSchema) -> list[str]:
    """Cell values that get past some checks: allowed values, ids of the right shape."""
    words = [
        "",
        " ",
        "CL001",
        "X1",
        "K01",
        "P01",
        "E01",
        "12345",
        "-3",
        "1e3",
        "inf",
        "nan",
        "1_000",
        "\u0663",
        "https://example.org/a",
        "javascript:alert(1)",
        "2021",
        "2023-2033",
        "undated",
        "=1+1",
        "@SUM(A1)",
        "\ufeff",
        "\x00",
        "\u2028",
        "a;b",
        "a;;b",
        ";",
        "a;a",
    ]
    for column in schema.columns:
        words.extend(column.allowed[:4])
        words.append(column.name)
    return words


def csv_text(schema: TableSchema):
    """Text shaped like CSV: sometimes the real header, rows of plausible and hostile cells."""
    cell = st.one_of(
        st.sampled_from(_tokens(schema)),
        st.text(alphabet=st.characters(codec="utf-8"), max_size=12),
        st.text(alphabet=",\";\r\n \t'\\=+-@ab1", max_size=8),
    )
    header = st.one_of(
        st.just(list(schema.column_names)),
        st.permutations(list(schema.column_names)),
        st.lists(st.sampled_from([*schema.column_names, "", "extra", " id "]), max_size=len(schema.columns) + 2),
    )
    rows = st.lists(st.lists(cell, min_size=0, max_size=len(schema.columns) + 2), max_size=6)
    separator = st.sampled_from(["\n", "\r\n", "\r", "\n\n"])

    @st.composite
    def build(draw):
        head, body, end = draw(header), draw(rows), draw(separator)
        # Full rows most of the time, so that cell checks are reached, not only the field count.
        body = [r[: len(head)] + [""] * (len(head) - len(r)) if draw(st.booleans()) else r for r in body]
        lines = [",".join(head)] + [",".join(_quote(c, draw(st.booleans())) for c in r) for r in body]
        text = end.join(lines) + draw(st.sampled_from(["", end]))
        prefix = draw(st.sampled_from(["", "\ufeff", "\ufeff\ufeff", " "]))
        return (prefix + text).encode(draw(st.sampled_from(["utf-8", "utf-8", "utf-16", "latin-1"])), "replace")

    return build()


def _quote(cell: str, quote: bool) -> str:
    return '"' + cell.replace('"', '""') + '"' if quote else cell


def check(schema: TableSchema, raw: bytes) -> None:
    RUNS[schema.name] = RUNS.get(schema.name, 0) + 1
    label = f"data/{schema.file}"
    try:
        frame = parse_table(schema, raw, label, KNOWN)
    except DataError as err:
        message = str(err)
        assert message.startswith(label)
        assert err.line is None or 1 <= err.line <= raw.count(b"\n") + raw.count(b"\r") + 2
        assert err.column is None or isinstance(err.column, str)
        message.encode("utf-8")  # showable: no lone surrogates
        assert "\n" not in message and "\r" not in message, "one line"
        assert len(message) < 1000, f"message too long ({len(message)} chars)"
        return
    # Accepted: the frame has exactly the schema's columns and only valid ids.
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == list(schema.column_names)
    assert frame[schema.id_column].is_unique
    id_column = schema.column(schema.id_column)
    if id_column.kind == "id":
        assert all(re.fullmatch(id_column.pattern, v) for v in frame[schema.id_column])


@pytest.mark.parametrize("name", SCHEMAS)
def test_random_bytes_raise_only_data_error(name):
    schema = SCHEMAS[name]

    @FUZZ
    @given(st.binary(max_size=600))
    def fuzz(raw):
        check(schema, raw)

    fuzz()


@pytest.mark.parametrize("name", SCHEMAS)
def test_random_csv_text_raises_only_data_error(name):
    schema = SCHEMAS[name]

    @FUZZ
    @given(csv_text(schema))
    def fuzz(raw):
        check(schema, raw)

    fuzz()


def test_fuzz_counts(capsys):
    """Runs last in this module (pytest keeps file order): prints how many inputs were tried."""
    total = sum(RUNS.values())
    with capsys.disabled():
        print(f"\nfuzz inputs tried: {total} over {len(RUNS)} schemas ({EXAMPLES} per schema and strategy)")
    assert total >= 2 * EXAMPLES * len(SCHEMAS) or not RUNS
