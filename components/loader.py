"""Read and validate the CSV tables in data/.

Pure functions, no Streamlit. `load_table` returns a validated DataFrame or raises
DataError, whose message names the file, the line and the column of the first
problem, in words a non-programmer can act on.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import math
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from components.schema import AS_OF_PATTERN, LIST_KINDS, LIST_SEPARATOR, LOWEST_TIER, TABLES, Column, TableSchema
from components.urls import host_of, normalise_url, parent_domains, url_problem

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
MAX_FILE_BYTES = 5 * 1024 * 1024  # our largest table is far below 1 MB; refuse anything absurd
# Plain ASCII spellings only: int()/float() also accept '1_000' and non-ASCII digits,
# which pandas then refuses with an error that is not ours.
_INT = re.compile(r"[-+]?[0-9]{1,18}")
_NUMBER = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]{1,3})?")
_AS_OF = re.compile(AS_OF_PATTERN)


class LineNumbers(list):
    """The file line of each row, kept in frame.attrs["lines"].

    pandas deep-copies attrs into every frame derived from a frame (each column access,
    filter or sort): with a plain list of a few hundred numbers, that copy made a column
    access ~8x slower, on every rerun of every page. The numbers never change after
    loading, so derived frames share them.
    """

    def __deepcopy__(self, memo):
        return self


class DataError(Exception):
    """A data file that cannot be used, with where the problem is."""

    def __init__(self, file: str, line: int | None, column: str | None, problem: str):
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
        super().__init__(str(self))

    def __str__(self) -> str:
        where = [self.file]
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.column is not None:
            where.append(f"column '{_shown(self.column)}'")
        return f"{', '.join(where)}: {self.problem}"


_SHOWN_CHARS = 80


def _shown(value: object) -> str:
    """A value as a message quotes it: on one line (control characters written as escapes)
    and at most 80 characters, so that one bad cell cannot make the message unreadable."""
    text = "".join(
        ch if ch.isprintable() else (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")
        for ch in str(value)
    )
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "\u2026"


def split_list(cell: str) -> list[str]:
    """Items of a ';'-separated list cell, stripped, empties dropped."""
    if not isinstance(cell, str):
        return []
    return [item.strip() for item in cell.split(LIST_SEPARATOR) if item.strip()]


def _label(data_dir: Path, schema: TableSchema) -> str:
    return f"{data_dir.name}/{schema.file}"


def decode_text(raw: bytes, label: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):  # spreadsheet programs often save UTF-8 with a BOM
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        raise DataError(
            label,
            line,
            _column_at(raw, err.start),
            f"byte 0x{raw[err.start]:02x} is not valid UTF-8; save the file as UTF-8",
        ) from None


def _column_at(raw: bytes, offset: int) -> str | None:
    """The header name of the column that holds the byte at offset, or None if unclear.

    Everything before offset is parsed as CSV (it is valid UTF-8: offset is the first bad
    byte), with a marker where the bad byte is, so that commas and line breaks inside
    quoted cells don't shift the column. A bad byte in the header itself names no column.
    """
    marker = "\ue000"
    try:
        records = list(csv.reader(io.StringIO(raw[:offset].decode("utf-8") + marker, newline="")))
    except csv.Error:
        return None
    records = [r for r in records if r]
    if len(records) < 2:
        return None
    header, last = records[0], records[-1]
    index = len(last) - 1
    return header[index].strip() if index < len(header) else None


def csv_records(text: str, label: str) -> list[tuple[int, list[str]]]:
    """(first line number, fields) for every record, header included."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records = []
    next_line = 1
    try:
        for fields in reader:
            start = next_line
            next_line = reader.line_num + 1
            if fields == [] or all(f.strip() == "" for f in fields) and len(fields) <= 1:
                continue  # blank line
            records.append((start, fields))
    except csv.Error as err:
        # Report the line where the broken record starts (e.g. where a quote opens).
        raise DataError(label, next_line, None, f"the file is not valid CSV ({err})") from None
    return records


@functools.lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern)


def _check_cell(column: Column, value: str) -> str | None:
    """The problem with one non-empty cell, or None."""
    kind = column.kind
    if kind == "text":
        return None
    if kind == "id" and not _compiled(column.pattern).fullmatch(value):
        return f"'{_shown(value)}' is not a valid id (expected the form {column.pattern})"
    if kind == "choice" and value not in column.allowed:
        return f"'{_shown(value)}' is not one of: {', '.join(column.allowed)}"
    if kind in LIST_KINDS:
        items = [item.strip() for item in value.split(LIST_SEPARATOR)]
        if any(item == "" for item in items):
            return f"'{_shown(value)}' has an empty item between ';' separators"
        if len(set(items)) != len(items):
            return f"'{_shown(value)}' lists the same item twice"
        if kind == "choices":
            bad = [i for i in items if i not in column.allowed]
            if bad:
                return f"'{_shown(bad[0])}' is not one of: {', '.join(column.allowed)}"
        if kind == "codes":
            bad = [i for i in items if not _compiled(column.pattern).fullmatch(i)]
            if bad:
                return f"'{_shown(bad[0])}' is not a billing code (5 digits, or a letter and 4 digits)"
    if kind == "int" and not _INT.fullmatch(value):
        return f"'{_shown(value)}' is not a whole number (digits only, at most 18)"
    if kind == "number":
        if not _NUMBER.fullmatch(value) or float(value) in (float("inf"), float("-inf")):
            return f"'{_shown(value)}' is not a finite number (e.g. 96370 or 46.33)"
    if kind in ("int", "number"):
        if column.minimum is not None and float(value) < column.minimum:
            return f"'{_shown(value)}' is below the smallest allowed value, {column.minimum:g}"
        if column.maximum is not None and float(value) > column.maximum:
            return f"'{_shown(value)}' is above the largest allowed value, {column.maximum:g}"
    if kind == "url":
        problem = url_problem(value)
        if problem:
            return f"'{_shown(value)}' {problem}"
    if kind == "as_of" and not _AS_OF.fullmatch(value):
        return f"'{_shown(value)}' is not a year, a date (YYYY-MM-DD), a span (YYYY-YYYY) or 'undated'"
    return None


def _check_sources_hygiene(
    schema: TableSchema,
    values: dict[str, list[str]],
    lines: list[int],
    label: str,
    copy_domains: dict[str, str] | None,
    pages: dict[str, str] | None,
) -> None:
    """Rules on links, so that each fact rests on one identifiable original page: one id per
    page, copies only tier C, a date kind needs a date, and the two sides of a disagreement
    are not one page."""
    for column in schema.unique_pages:
        first: dict[str, tuple[int, str]] = {}
        for i, line in enumerate(lines):
            page = normalise_url(values[column][i])
            if page in first:
                other_line, other_id = first[page]
                raise DataError(
                    label,
                    line,
                    column,
                    f"'{_shown(values[column][i])}' is the same page as {other_id} on line {other_line} "
                    "(ignoring http/https, www., a trailing slash and the case of the host); cite one id for one page",
                )
            first[page] = (line, values[schema.id_column][i])
    if schema.copy_domain_tier and copy_domains:
        url_column, tier_column, table = schema.copy_domain_tier
        for i, line in enumerate(lines):
            tier = values[tier_column][i]
            if tier == LOWEST_TIER:
                continue
            found = parent_domains(host_of(values[url_column][i])).intersection(copy_domains)
            domain = next((d for d in copy_domains if d in found), None) if found else None
            if domain:
                raise DataError(
                    label,
                    line,
                    tier_column,
                    f"'{tier}': the page is on {domain} ({copy_domains[domain]}, listed in {table}.csv), "
                    f"a copy of others' pages, so it can only be tier {LOWEST_TIER}; "
                    "cite the original page for a higher tier",
                )
    if schema.kind_needs_date:
        kind_column, date_column = schema.kind_needs_date
        for i, line in enumerate(lines):
            if values[kind_column][i] and values[date_column][i] in ("", "undated"):
                raise DataError(
                    label,
                    line,
                    kind_column,
                    f"'{_shown(values[kind_column][i])}' names the kind of a date, but {date_column} is "
                    f"'{values[date_column][i]}'; give the date or leave {kind_column} empty",
                )
    for side_a, side_b in schema.distinct_pages:
        for i, line in enumerate(lines):
            a_ids, b_ids = split_list(values[side_a][i]), split_list(values[side_b][i])
            for b in b_ids:
                for a in a_ids:
                    same_id = a == b
                    same_page = pages is not None and a in pages and pages.get(a) == pages.get(b)
                    if same_id or same_page:
                        what = "is also on" if same_id else f"is the same page as {a} on"
                        raise DataError(
                            label,
                            line,
                            side_b,
                            f"'{b}' {what} {side_a}: the two sides of a disagreement must rest on different pages",
                        )


def _check_row_rules(schema: TableSchema, row: dict[str, str], line: int, label: str) -> None:
    """The table's rules between the cells of one row: cells needed together, one of a group."""
    for triggers, needed in schema.required_with:
        filled = [name for name in triggers if row[name] != ""]
        if filled:
            for name in needed:
                if row[name] == "":
                    raise DataError(label, line, name, f"this cell is needed because '{filled[0]}' is filled")
    for group in schema.at_least_one:
        if all(row[name] == "" for name in group):
            raise DataError(label, line, group[0], f"fill at least one of: {', '.join(group)}")


def _check_across_rows(schema: TableSchema, values: dict[str, list[str]], lines: list[int], label: str) -> None:
    """The table's rules that span rows: unique column groups, columns that determine others,
    and column groups of which each row fills at least one."""
    for group in schema.unique_together:
        first: dict[tuple[str, ...], int] = {}
        for i, line in enumerate(lines):
            key = tuple(values[name][i] for name in group)
            if any(cell == "" for cell in key):
                continue
            if key in first:
                raise DataError(
                    label,
                    line,
                    group[0],
                    f"the combination {' / '.join(key)} of {', '.join(group)} is already on line {first[key]}; "
                    "it may appear once",
                )
            first[key] = line
    for source, target in schema.determines:
        seen: dict[str, tuple[str, int]] = {}
        for i, line in enumerate(lines):
            key, value = values[source][i], values[target][i]
            if key == "":
                continue
            if key in seen and seen[key][0] != value:
                raise DataError(
                    label,
                    line,
                    target,
                    f"'{_shown(value)}' differs from '{_shown(seen[key][0])}' on line {seen[key][1]}; "
                    f"rows with {source} '{_shown(key)}' must all have the same {target}",
                )
            seen.setdefault(key, (value, line))


def _columns_if_valid(
    schema: TableSchema, header: list[str], records: list[tuple[int, list[str]]], known_ids: dict[str, set[str]] | None
) -> dict[str, list[str]] | None:
    """Every column's cells (stripped, lists in their canonical spelling) when no cell, row
    rule or id is wrong; None at the first sign of a problem, and then the row-by-row check
    finds the first problem in the file's order and words it.

    Column by column, each distinct value checked once: a choice column of 2,000 cells has
    a handful of values. A cold load of every table went from ~30,000 cell checks to ~5,000.
    """
    rows = [fields for _, fields in records[1:]]
    width = len(header)
    if any(len(fields) != width for fields in rows):
        return None
    cells_at = list(zip(*rows))
    values: dict[str, list[str]] = {}
    for column in schema.columns:
        cells = [cell.strip() for cell in cells_at[header.index(column.name)]]
        distinct = set(cells)
        if column.required and "" in distinct:
            return None
        distinct.discard("")
        if column.kind != "text":
            known = (known_ids or {}).get(column.ref_table, set()) if column.kind == "refs" else None
            canonical = {}
            for value in distinct:
                if _check_cell(column, value) is not None:
                    return None
                if known is not None and any(ref not in known for ref in split_list(value)):
                    return None
                if column.kind in LIST_KINDS:
                    canonical[value] = f"{LIST_SEPARATOR} ".join(split_list(value))
            if canonical:
                cells = [canonical.get(cell, cell) for cell in cells]
        values[column.name] = cells
    ids = values[schema.id_column]
    if len(set(ids)) != len(ids):
        return None
    if schema.required_with or schema.at_least_one:
        for i in range(len(rows)):
            try:
                _check_row_rules(schema, {name: cells[i] for name, cells in values.items()}, 0, "")
            except DataError:
                return None
    return values


def _checked_row_by_row(
    schema: TableSchema,
    header: list[str],
    records: list[tuple[int, list[str]]],
    label: str,
    known_ids: dict[str, set[str]] | None,
) -> tuple[dict[str, list[str]], LineNumbers]:
    """Every column's cells, as _columns_if_valid; raises DataError at the first problem in
    the file's order (line by line, left to right within a line)."""
    values: dict[str, list[str]] = {}
    plan = []
    for column in schema.columns:
        values[column.name] = []
        known = (known_ids or {}).get(column.ref_table, set()) if column.kind == "refs" else None
        is_list = column.kind in LIST_KINDS
        plan.append((header.index(column.name), column, column.kind != "text", is_list, known, values[column.name]))
    row_rules = bool(schema.required_with or schema.at_least_one)
    id_values = values[schema.id_column]
    width = len(header)
    ids: dict[str, int] = {}
    for line, fields in records[1:]:
        if len(fields) != width:
            column = header[len(fields)] if len(fields) < width else f"(extra field {len(fields)})"
            raise DataError(label, line, column, f"the row has {len(fields)} fields; the header has {width}")
        for position, column, checked, is_list, known, values_of in plan:
            value = fields[position].strip()
            if value == "":
                if column.required:
                    raise DataError(label, line, column.name, "this required cell is empty")
            elif checked:
                problem = _check_cell(column, value)
                if problem:
                    raise DataError(label, line, column.name, problem)
                if known is not None:
                    for ref in split_list(value):
                        if ref not in known:
                            raise DataError(
                                label, line, column.name, f"'{_shown(ref)}' is not an id in {column.ref_table}.csv"
                            )
                if is_list:
                    value = f"{LIST_SEPARATOR} ".join(split_list(value))  # one canonical spelling
            values_of.append(value)
        if row_rules:
            _check_row_rules(schema, {name: cells[-1] for name, cells in values.items()}, line, label)
        row_id = id_values[-1]
        if row_id in ids:
            raise DataError(
                label,
                line,
                schema.id_column,
                f"'{_shown(row_id)}' is already used on line {ids[row_id]}; ids must be unique",
            )
        ids[row_id] = line

    return values, LineNumbers(ids.values())


def parse_table(
    schema: TableSchema,
    raw: bytes,
    label: str,
    known_ids: dict[str, set[str]] | None = None,
    copy_domains: dict[str, str] | None = None,
    pages: dict[str, str] | None = None,
) -> pd.DataFrame:
    """Validate the bytes of one CSV file against its schema; return a typed DataFrame.

    known_ids maps a referenced table's name to its ids (for "refs" columns); copy_domains
    maps a copy site's domain to its kind (schema.copy_domain_tier); pages maps a source id
    to its normalised URL (schema.distinct_pages).
    """
    if len(raw) > MAX_FILE_BYTES:
        raise DataError(label, None, None, f"the file is {len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,}")
    records = csv_records(decode_text(raw, label), label)
    if not records:
        raise DataError(label, 1, None, f"the file is empty; expected a header row: {','.join(schema.column_names)}")

    header_line, header = records[0]
    header = [h.strip() for h in header]
    seen: set[str] = set()
    for name in header:
        if name in seen:
            raise DataError(label, header_line, name, "this column appears twice in the header")
        seen.add(name)
        if name not in schema.column_names:
            raise DataError(
                label,
                header_line,
                name or "(blank)",
                "unexpected column; expected only: " + ", ".join(schema.column_names),
            )
    for name in schema.column_names:
        if name not in seen:
            raise DataError(label, header_line, name, "required column is missing from the header")
    if len(records) == 1:
        raise DataError(label, header_line + 1, None, "the file has a header but no rows")

    values = _columns_if_valid(schema, header, records, known_ids)
    if values is not None:
        lines = LineNumbers(line for line, _ in records[1:])
    else:
        values, lines = _checked_row_by_row(schema, header, records, label, known_ids)
    _check_across_rows(schema, values, lines, label)
    _check_sources_hygiene(schema, values, lines, label, copy_domains, pages)
    # Typed columns made from the checked cells directly (an empty cell is missing): half
    # the time of building a text frame and converting its columns with pandas.
    data: dict[str, object] = {}
    for column in schema.columns:
        cells = values[column.name]
        if column.kind == "int":
            data[column.name] = pd.array([int(cell) if cell else None for cell in cells], dtype="Int64")
        elif column.kind == "number":
            data[column.name] = np.array([float(cell) if cell else math.nan for cell in cells], dtype="float64")
        else:
            data[column.name] = _text_array(cells)
    frame = pd.DataFrame(data)
    frame.attrs["lines"] = lines
    return frame


# pandas' default dtype for text ("str"), as pd.DataFrame would infer it for a list of strings.
_TEXT_DTYPE = pd.Series(["text"]).dtype


def _text_array(cells: list[str]) -> object:
    """A text column of the dtype pandas infers, made by pyarrow in one call: a third of the
    time pandas takes to infer and convert it (~270 text columns in a cold load)."""
    if getattr(_TEXT_DTYPE, "storage", None) != "pyarrow":
        return cells
    return pd.arrays.ArrowStringArray(pa.array(cells, type=pa.large_string()), dtype=_TEXT_DTYPE)


# Referenced tables (validated), by the content of every file their validation read.
# sources.csv is cited by nearly every table: without this, loading all tables
# validated it once per citing table (17 times), a third of a cold load.
_REFERENCED: dict[tuple, pd.DataFrame] = {}


def _dependencies(schema: TableSchema) -> list[str]:
    """The tables validating this one reads: those its refs columns name, and its copy-domain list."""
    names = [c.ref_table for c in schema.columns if c.kind == "refs"]
    if schema.copy_domain_tier:
        names.append(schema.copy_domain_tier[2])
    return list(dict.fromkeys(names))


def tables_read_for(name: str) -> list[str]:
    """The table and every table it depends on, directly or not (each once)."""
    order: list[str] = []
    pending = [name]
    while pending:
        table = pending.pop()
        if table in order:
            continue
        order.append(table)
        pending.extend(_dependencies(TABLES[table]))
    return order


def _file_digest(path: Path) -> bytes | None:
    """A digest of the file's bytes; None if it is missing, unreadable or too big."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError:
        return None
    if len(raw) > MAX_FILE_BYTES:
        return None
    return hashlib.blake2b(raw, digest_size=16).digest()


def _content_key(name: str, data_dir: Path, digests: dict[str, bytes | None]) -> tuple | None:
    """A digest of every file validating `name` reads; None if one is missing, unreadable or too big.

    digests: the files already read during this one load (a table's references are looked up
    again for each table that cites them)."""
    key = []
    for table in tables_read_for(name):
        if table not in digests:
            digests[table] = _file_digest(data_dir / TABLES[table].file)
        if digests[table] is None:
            return None
        key.append((table, digests[table]))
    return (str(data_dir.resolve()), tuple(key))


def _referenced(name: str, data_dir: Path, loading: tuple[str, ...], digests: dict[str, bytes | None]) -> pd.DataFrame:
    """Table `name`, validated (with its own references) once per content. Callers only read it."""
    key = _content_key(name, data_dir, digests)
    frame = _REFERENCED.get(key) if key is not None else None
    if frame is None:
        frame = _load(name, data_dir, loading, digests)
        if key is not None:
            if len(_REFERENCED) >= 64:
                _REFERENCED.clear()
            _REFERENCED[key] = frame
    return frame


def load_table(name: str, data_dir: Path | str = DATA_DIR) -> pd.DataFrame:
    """Read and validate data_dir/<table>.csv and every table it references.

    A table whose files are unchanged is parsed once per process, whether asked for itself or
    as another table's reference (sources.csv is referenced by nearly every table); each
    caller gets its own copy (a shallow one: with pandas' copy-on-write, a change made to it
    copies the data it touches and never reaches the shared frame)."""
    return _referenced(name, Path(data_dir), (), {}).copy(deep=False)


def _load(name: str, data_dir: Path, _loading: tuple[str, ...], digests: dict[str, bytes | None]) -> pd.DataFrame:
    """Read and validate one table; _loading: the tables whose validation asked for it;
    digests: as for _content_key."""
    schema = TABLES[name]
    label = _label(data_dir, schema)
    known: dict[str, set[str]] = {}
    for column in schema.columns:
        if column.kind == "refs" and column.ref_table not in known:
            if column.ref_table in _loading or column.ref_table == name:
                raise DataError(label, None, column.name, f"circular reference to {column.ref_table}")
            referenced = _referenced(column.ref_table, data_dir, (*_loading, name), digests)
            known[column.ref_table] = frozenset(referenced[TABLES[column.ref_table].id_column].tolist())
    copy_domains = None
    if schema.copy_domain_tier:
        domains = _referenced(schema.copy_domain_tier[2], data_dir, (*_loading, name), digests)
        copy_domains = dict(zip(domains["domain"].tolist(), domains["kind"].tolist()))
    pages = None
    if schema.distinct_pages:
        cited = _referenced("sources", data_dir, (*_loading, name), digests)
        pages = {i: normalise_url(u) for i, u in zip(cited["source_id"].tolist(), cited["url"].tolist())}
    path = data_dir / schema.file
    try:
        # Never read more than the limit (plus one byte, to know it is over): a huge file
        # put in data/ by mistake must not fill the server's memory before it is refused.
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            size = path.stat().st_size
            raise DataError(label, None, None, f"the file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
    except FileNotFoundError:
        raise DataError(label, None, None, "the file is missing") from None
    except OSError as err:
        raise DataError(label, None, None, f"the file cannot be read ({err.strerror})") from None
    return parse_table(schema, raw, label, known, copy_domains, pages)


def load_table_or_error(name: str, data_dir: Path | str = DATA_DIR) -> tuple[pd.DataFrame | None, str | None]:
    """(frame, None) when the table is valid, else (None, the message for the user)."""
    try:
        return load_table(name, data_dir), None
    except DataError as err:
        return None, str(err)
