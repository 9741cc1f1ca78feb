"""CSV export of exactly what a table view shows, safe to open in a spreadsheet.

RFC 4180 quoting, UTF-8, CRLF line ends. String cells that a spreadsheet would read
as a formula (first character = + - @ tab CR LF) get a leading apostrophe (OWASP
CSV injection guidance). Numbers are written as numbers, so -3 stays -3.
"""

from __future__ import annotations

import csv
import io
import math
import re

import pandas as pd

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")


def escape_cell(value: object) -> object:
    """The cell as it should be written: strings that start a formula get a ' prefix."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def _plain(value: object) -> object:
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        return _plain(value.item())
    return value


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """The frame as CSV bytes: header, then every row, escaped."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([escape_cell(str(c)) for c in frame.columns])
    for row in frame.itertuples(index=False, name=None):
        writer.writerow([escape_cell(_plain(v)) for v in row])
    return buffer.getvalue().encode("utf-8")


def slug(text: str, max_length: int = 40) -> str:
    """A short, file-name-safe form of a label: 'Stroke (post-stroke)' -> 'stroke-post-stroke'."""
    text = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return text[:max_length].rstrip("-") or "all"


def download_name(view: str, *filters: tuple[str, ...] | str) -> str:
    """A file name that says the view and its filters, e.g. populations_stroke_adults.csv."""
    parts = [slug(view)]
    for value in filters:
        values = (value,) if isinstance(value, str) else tuple(value)
        if not values:
            continue
        if len(values) > 3:
            parts.append(f"{len(values)}-selected")
        else:
            parts.append("-".join(slug(v, 24) for v in values))
    name = "_".join(parts)[:150].rstrip("_-")
    return f"{name}.csv"
