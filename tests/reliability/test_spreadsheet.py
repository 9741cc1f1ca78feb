"""A real spreadsheet: our CSV export, opened by LibreOffice with formula
evaluation on, contains no formula: every hostile cell arrives as plain text.

A control converts the same cells written without our escaping and must find formulas,
so the check cannot pass by failing to see them.
"""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from components.export import to_csv_bytes
from tests.reliability.spreadsheet import formulas, open_in_spreadsheet

# Long: skipped by the fast layers (-m "not slow and not e2e"), run by `make test`.
pytestmark = pytest.mark.slow

HOSTILE = [
    '=HYPERLINK("http://example.invalid","click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1,2)",
    "=1+1",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    "=cmd|' /C notepad'!'A1'",
]
FRAME = pd.DataFrame(
    {
        "Hostile text": HOSTILE,
        "Number": [-3, 2.5, 0, 7, -1, 1, 2, 3, 4],
        "=Header": ["plain"] * len(HOSTILE),
    }
)


def test_libreoffice_finds_no_formula_in_our_export(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(to_csv_bytes(FRAME))
    rows = open_in_spreadsheet(path, tmp_path)
    assert formulas(rows) == []
    # Every hostile value is there, as text (with its escaping apostrophe), in its own row.
    texts = [row[0].text for row in rows[1:]]
    assert len(texts) == len(HOSTILE)
    for shown, value in zip(texts, HOSTILE):
        assert shown.replace("\n", "").lstrip("'").strip() == value.strip(), (shown, value)
    assert all(row[0].value_type == "string" for row in rows[1:])
    # Numbers stay numbers (not escaped into text): -3 is still -3.
    assert rows[1][1].value_type == "float" and rows[1][1].text == "-3"
    assert rows[0][2].value_type == "string" and not rows[0][2].formula


def test_control_unescaped_csv_does_give_formulas(tmp_path):
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows([list(FRAME.columns), *FRAME.itertuples(index=False)])
    path = tmp_path / "unescaped.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    found = formulas(open_in_spreadsheet(path, tmp_path))
    assert any("HYPERLINK" in f for f in found), found
