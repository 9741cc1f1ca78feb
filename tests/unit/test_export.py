"""Unit tests for components/export.py: exact CSV bytes, formula escaping, file names."""

from __future__ import annotations

import csv
import io

import numpy as np
import pandas as pd
import pytest

from components.export import FORMULA_TRIGGERS, download_name, escape_cell, slug, to_csv_bytes

# --- escape_cell -------------------------------------------------------------------------------


@pytest.mark.parametrize("trigger", ["=", "+", "-", "@", "\t", "\r", "\n"])
def test_escape_cell_prefixes_every_formula_trigger(trigger):
    assert escape_cell(trigger + "1+1") == "'" + trigger + "1+1"


def test_formula_triggers_are_exactly_the_owasp_list():
    assert set(FORMULA_TRIGGERS) == {"=", "+", "-", "@", "\t", "\r", "\n"}


@pytest.mark.parametrize("value", ["plain", "a=1", "1-2", "'=already", " =SUM(A1)", ""])
def test_escape_cell_leaves_other_strings_alone(value):
    assert escape_cell(value) == value


@pytest.mark.parametrize("value", [-3, -2.5, 0, None])
def test_escape_cell_leaves_non_strings_alone(value):
    assert escape_cell(value) is value


# --- to_csv_bytes: exact bytes ---------------------------------------------------------------


def test_simple_frame_exact_bytes():
    frame = pd.DataFrame({"name": ["Stroke", "Autism"], "lead": ["PT", "OT"]})
    assert to_csv_bytes(frame) == b"name,lead\r\nStroke,PT\r\nAutism,OT\r\n"


def test_index_is_not_written():
    frame = pd.DataFrame({"a": ["x"]}, index=[42])
    assert to_csv_bytes(frame) == b"a\r\nx\r\n"


@pytest.mark.parametrize(
    "cell, written",
    [
        ('=HYPERLINK("http://x")', b'"\'=HYPERLINK(""http://x"")"'),
        ("+1", b"'+1"),
        ("-1", b"'-1"),
        ("@SUM(A1)", b"'@SUM(A1)"),
        ("\tx", b"'\tx"),
        ("\rx", b'"\'\rx"'),
        ("\nx", b'"\'\nx"'),
    ],
    ids=["equals", "plus", "minus", "at", "tab", "cr", "lf"],
)
def test_formula_cells_are_prefixed_in_the_bytes(cell, written):
    frame = pd.DataFrame({"k": ["a"], "v": [cell]})
    assert to_csv_bytes(frame) == b"k,v\r\na," + written + b"\r\n"


def test_rfc4180_quoting_of_comma_quote_and_newline():
    frame = pd.DataFrame({"c": ["a,b", 'say "hi"', "line1\nline2", "cr\r\nlf", "plain"], "n": [1, 2, 3, 4, 5]})
    assert to_csv_bytes(frame) == (
        b'c,n\r\n"a,b",1\r\n"say ""hi""",2\r\n"line1\nline2",3\r\n"cr\r\nlf",4\r\nplain,5\r\n'
    )


def test_numbers_are_written_as_numbers():
    frame = pd.DataFrame({"i": [-3, 0, 7], "f": [2.5, 3.0, -1.5]})
    assert frame["i"].dtype == "int64" and frame["f"].dtype == "float64"
    assert to_csv_bytes(frame) == b"i,f\r\n-3,2.5\r\n0,3\r\n7,-1.5\r\n"


def test_python_and_numpy_number_objects_in_an_object_column():
    frame = pd.DataFrame(
        {"v": pd.Series([-3, 2.5, 3.0, np.int64(-4), np.float64(6.0)], dtype=object), "k": list("abcde")}
    )
    assert to_csv_bytes(frame) == b"v,k\r\n-3,a\r\n2.5,b\r\n3,c\r\n-4,d\r\n6,e\r\n"


def test_missing_values_are_written_empty():
    frame = pd.DataFrame(
        {
            "f": [1.5, float("nan")],
            "o": pd.Series(["x", None], dtype=object),
            "s": pd.array(["y", None], dtype="string"),
            "i": pd.array([None, 2], dtype="Int64"),
        }
    )
    assert to_csv_bytes(frame) == b"f,o,s,i\r\n1.5,x,y,\r\n,,,2\r\n"


def test_lone_missing_value_is_quoted_so_the_row_is_not_lost():
    frame = pd.DataFrame({"x": [1.0, float("nan")]})
    out = to_csv_bytes(frame)
    assert out == b'x\r\n1\r\n""\r\n'
    assert list(csv.reader(io.StringIO(out.decode(), newline=""))) == [["x"], ["1"], [""]]


def test_default_str_dtype_columns_are_escaped():
    frame = pd.DataFrame({"a": ["=1", "-2", "ok"], "b": ["@x", "+y", None]})
    assert str(frame["a"].dtype) in ("str", "string", "object")  # pandas 3 default: str
    assert to_csv_bytes(frame) == b"a,b\r\n'=1,'@x\r\n'-2,'+y\r\nok,\r\n"


def test_string_dtype_columns_are_escaped():
    frame = pd.DataFrame({"a": ["=1", "-2", None], "b": ["@x", "+y", "ok"]}, dtype="string")
    assert str(frame["a"].dtype) == "string"
    assert to_csv_bytes(frame) == b"a,b\r\n'=1,'@x\r\n'-2,'+y\r\n,ok\r\n"


def test_header_cells_are_escaped_too():
    frame = pd.DataFrame({"=cmd": ["a"], "-x": ["b"], "a,b": ["c"], 7: ["d"]})
    assert to_csv_bytes(frame) == b"'=cmd,'-x,\"a,b\",7\r\na,b,c,d\r\n"


def test_non_ascii_utf8_round_trip():
    text = "Caf\u00e9 \u2013 \u00e4rzte \u2713 \u65e5\u672c \U0001f600"
    frame = pd.DataFrame({"t\u00eftle": [text]})
    out = to_csv_bytes(frame)
    assert not out.startswith(b"\xef\xbb\xbf")
    assert out == ("t\u00eftle\r\n" + text + "\r\n").encode("utf-8")
    back = pd.read_csv(io.BytesIO(out), encoding="utf-8")
    assert back.columns.tolist() == ["t\u00eftle"]
    assert back.iloc[0, 0] == text


def test_round_trip_through_csv_reader_keeps_escaped_values():
    frame = pd.DataFrame({"a": ["x,y", "=1", 'q"q'], "b": [1, -2, 3.5]})
    rows = list(csv.reader(io.StringIO(to_csv_bytes(frame).decode("utf-8"), newline="")))
    assert rows == [["a", "b"], ["x,y", "1"], ["'=1", "-2"], ['q"q', "3.5"]]


def test_empty_frame_writes_only_the_header():
    frame = pd.DataFrame({"a": pd.Series([], dtype="str"), "b": pd.Series([], dtype="int64")})
    assert to_csv_bytes(frame) == b"a,b\r\n"


# --- slug and download_name --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Stroke survivors", "stroke-survivors"),
        ("Stroke (post-stroke)", "stroke-post-stroke"),
        ("  Heat, cold & water!  ", "heat-cold-water"),
        ("Caf\u00e9", "caf"),
        ("!!!", "all"),
        ("", "all"),
    ],
)
def test_slug(text, expected):
    assert slug(text) == expected


def test_slug_length_cap_does_not_end_with_a_dash():
    assert slug("a" * 50) == "a" * 40
    assert slug("abc def", max_length=4) == "abc"
    assert len(slug("word " * 30)) <= 40


def test_download_name_example():
    assert download_name("populations", ("Stroke survivors",)) == "populations_stroke-survivors.csv"


def test_download_name_several_filters_and_values():
    assert (
        download_name("populations", ("Stroke survivors", "Autism"), ("Adults",), ())
        == "populations_stroke-survivors-autism_adults.csv"
    )


def test_download_name_accepts_plain_string_filters():
    assert download_name("treatments", (), "OT", "named-in-article") == "treatments_ot_named-in-article.csv"


def test_download_name_drops_empty_filters():
    assert download_name("populations", (), (), []) == "populations.csv"
    assert download_name("compare", ()) == "compare.csv"


def test_download_name_summarises_more_than_three_values():
    assert download_name("populations", ("a", "b", "c")) == "populations_a-b-c.csv"
    assert download_name("populations", ("a", "b", "c", "d")) == "populations_4-selected.csv"
    assert download_name("populations", ("Adults",), tuple("abcdefghij")) == "populations_adults_10-selected.csv"


def test_download_name_length_is_capped():
    filters = [(f"A very long category name number {i}", f"Another long value {i}") for i in range(20)]
    name = download_name("populations", *filters)
    assert name.endswith(".csv")
    assert len(name) <= 150 + len(".csv")
    assert not name[: -len(".csv")].endswith(("_", "-"))
    assert name.startswith("populations_a-very-long-category-nam-another-long-value-0_a-very")


def test_download_name_each_value_slug_is_capped():
    name = download_name("v", ("x" * 100,))
    assert name == "v_" + "x" * 24 + ".csv"


def test_download_name_is_file_name_safe():
    name = download_name("Pop/ula:tions", ("a/b\\c", "..", "<x>"))
    stem = name[: -len(".csv")]
    assert set(stem) <= set("abcdefghijklmnopqrstuvwxyz0123456789-_")
