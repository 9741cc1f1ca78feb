"""Broken versions of a data table, built from its schema and its real file.

Every case knows the one DataError it must cause: (line, column, words of the problem),
or that the file must be accepted (the UTF-8 BOM). Cases that do not apply to a table
(no "refs" column, no "choice" column) are not generated for it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from components.loader import MAX_FILE_BYTES
from components.schema import TABLES, TableSchema
from tests.reliability.helpers import DATA

BIG_BYTES = 50 * 1024 * 1024  # "a file of 50 MB"
TYPED_KINDS = ("int", "number", "url", "as_of", "codes")
CHOICE_KINDS = ("choice", "choices")
UNEXPECTED = "unexpected_extra"
NOT_UTF8 = b"Caf\xe9 "  # Latin-1 e-acute, what a spreadsheet saving "ANSI" writes
BAD_REF = "ZZ999"
_MARK = "\u2603MARK\u2603"


@dataclass(frozen=True)
class Expect:
    line: int | None
    column: str | None
    problem: str  # words the message must contain


@dataclass(frozen=True)
class BadFile:
    table: str
    case: str
    content: bytes | None  # None: no file at all; b"<dir>": a folder where the file should be
    expect: Expect | None  # None: the file must load exactly like the real one

    @property
    def schema(self) -> TableSchema:
        return TABLES[self.table]

    def write(self, data_dir: Path) -> Path:
        path = data_dir / self.schema.file
        path.unlink()
        if self.content == DIRECTORY:
            path.mkdir()
        elif self.content is not None:
            path.write_bytes(self.content)
        return path


DIRECTORY = b"<dir>"


class _Table:
    """The real file as header + rows, and a way to write it back and find a row's line."""

    def __init__(self, schema: TableSchema):
        self.schema = schema
        self.raw = (DATA / schema.file).read_bytes()
        records = list(csv.reader(io.StringIO(self.raw.decode("utf-8-sig"), newline="")))
        self.header, self.rows = records[0], [r for r in records[1:] if r]
        assert len(self.rows) >= 2, f"{schema.file}: the bad-data cases need at least two rows"
        self.index = {name: i for i, name in enumerate(self.header)}

    def row(self) -> int:
        """The data row every case breaks: the second one (line 3 in a one-line-per-row file)."""
        return 1

    def dump(self, header: list[str] | None, rows: list[list[str]]) -> bytes:
        out = io.StringIO(newline="")
        csv.writer(out, lineterminator="\n").writerows([header, *rows] if header is not None else rows)
        return out.getvalue().encode("utf-8")

    def line_of(self, header: list[str], rows: list[list[str]], row: int) -> int:
        """The file line on which data row `row` starts when written by dump()."""
        before = self.dump(header, rows[:row])
        return before.count(b"\n") + 1

    def with_cell(self, column: str, value: str) -> tuple[bytes, int]:
        rows = [list(r) for r in self.rows]
        rows[self.row()][self.index[column]] = value
        return self.dump(self.header, rows), self.line_of(self.header, rows, self.row())

    def first(self, kinds: tuple[str, ...], required: bool | None = None, skip_id: bool = True) -> str | None:
        for column in self.schema.columns:
            if column.kind in kinds and (required is None or column.required == required):
                if not (skip_id and column.name == self.schema.id_column):
                    return column.name
        return None

    def required_cell_column(self) -> str:
        """A required column other than the id, preferring free text."""
        return (
            self.first(("text",), required=True)
            or next((c.name for c in self.schema.columns if c.required and c.name != self.schema.id_column), None)
            or self.schema.id_column
        )


def _missing(t: _Table):
    return None, Expect(None, None, "the file is missing")


def _directory(t: _Table):
    return DIRECTORY, Expect(None, None, "the file cannot be read")


def _empty(t: _Table):
    return b"", Expect(1, None, "the file is empty")


def _header_only(t: _Table):
    return t.dump(t.header, []), Expect(2, None, "the file has a header but no rows")


def _not_utf8(t: _Table):
    column = t.required_cell_column()
    text, line = t.with_cell(column, _MARK + t.rows[t.row()][t.index[column]])
    return text.replace(_MARK.encode(), NOT_UTF8), Expect(line, column, "byte 0xe9 is not valid UTF-8")


def _bom(t: _Table):
    return b"\xef\xbb\xbf" + t.raw.removeprefix(b"\xef\xbb\xbf"), None


def _missing_column(t: _Table):
    column = t.required_cell_column()
    keep = [i for i, name in enumerate(t.header) if name != column]
    header = [t.header[i] for i in keep]
    rows = [[r[i] for i in keep] for r in t.rows]
    return t.dump(header, rows), Expect(1, column, "required column is missing from the header")


def _unexpected_column(t: _Table):
    return t.dump([*t.header, UNEXPECTED], [[*r, "x"] for r in t.rows]), Expect(1, UNEXPECTED, "unexpected column")


def _wrong_type(t: _Table):
    column = t.first(TYPED_KINDS)
    if column is None:  # no typed column: a bad id is the "wrong type" this table can have
        column = t.schema.id_column
        text, line = t.with_cell(column, "not an id!")
        return text, Expect(line, column, "'not an id!' is not a valid id")
    text, line = t.with_cell(column, "twelve")
    return text, Expect(line, column, "'twelve' is not")


def _not_allowed(t: _Table):
    column = t.first(CHOICE_KINDS)
    if column is None:
        return None
    text, line = t.with_cell(column, "Not An Allowed Value")
    return text, Expect(line, column, "'Not An Allowed Value' is not one of")


def _duplicate_id(t: _Table):
    id_column = t.schema.id_column
    first_line = t.line_of(t.header, t.rows, t.row() - 1)
    text, line = t.with_cell(id_column, t.rows[t.row() - 1][t.index[id_column]])
    return text, Expect(line, id_column, f"is already used on line {first_line}")


def _unresolved_ref(t: _Table):
    column = t.first(("refs",))
    if column is None:
        return None
    ref_table = t.schema.column(column).ref_table
    text, line = t.with_cell(column, BAD_REF)
    return text, Expect(line, column, f"'{BAD_REF}' is not an id in {TABLES[ref_table].file}")


def _empty_required(t: _Table):
    column = t.required_cell_column()
    text, line = t.with_cell(column, "  ")
    return text, Expect(line, column, "this required cell is empty")


def _huge(t: _Table):
    body = t.dump(None, t.rows)
    assert BIG_BYTES > MAX_FILE_BYTES
    head = t.dump(t.header, [])
    return head + body * (BIG_BYTES // len(body) + 1), Expect(None, None, f"the limit is {MAX_FILE_BYTES:,}")


CASES: dict[str, Callable] = {
    "missing_file": _missing,
    "a_folder_not_a_file": _directory,
    "empty_file": _empty,
    "header_only": _header_only,
    "not_utf8": _not_utf8,
    "utf8_bom": _bom,
    "missing_column": _missing_column,
    "unexpected_column": _unexpected_column,
    "wrong_type": _wrong_type,
    "value_not_allowed": _not_allowed,
    "duplicate_id": _duplicate_id,
    "unresolved_source_id": _unresolved_ref,
    "empty_required_cell": _empty_required,
    "file_of_50_mb": _huge,
}

_tables: dict[str, _Table] = {}


def build(table: str, case: str) -> BadFile | None:
    """The broken file for this table and case, or None when the case does not apply."""
    if table not in _tables:
        _tables[table] = _Table(TABLES[table])
    made = CASES[case](_tables[table])
    if made is None:
        return None
    content, expect = made
    return BadFile(table, case, content, expect)


def applicable() -> list[tuple[str, str]]:
    """Every (table, case) that applies, over the whole registry."""
    return [
        (t, c)
        for t in TABLES
        for c in CASES
        if c not in ("value_not_allowed", "unresolved_source_id") or _applies(t, c)
    ]


def _applies(table: str, case: str) -> bool:
    kinds = {c.kind for c in TABLES[table].columns}
    return bool(kinds & set(CHOICE_KINDS)) if case == "value_not_allowed" else "refs" in kinds


# --- Broken translations (data/es/<table>.csv) ------------------------------------------------
# A translation's own faults (components/translation.py): an id the English table lacks, an
# empty cell where English has text, a list with another number of items, bytes that are not
# UTF-8, and a header without the id column first. The English table stays valid, so a page
# shows it in English with the loader's message (app_pages/common.translation_note).

TRANSLATION_CASES = ("bad_id", "empty_cell", "wrong_item_count", "not_utf8", "missing_id_column")
NO_SUCH_ID = "no-such-id-zz"


@dataclass(frozen=True)
class BadTranslation:
    table: str
    case: str
    lang: str
    content: bytes
    expect: Expect

    @property
    def label(self) -> str:
        return f"data/{self.lang}/{TABLES[self.table].file}"

    def write(self, data_dir: Path) -> Path:
        path = data_dir / self.lang / TABLES[self.table].file
        path.write_bytes(self.content)
        return path


class _TranslationFile(_Table):
    """The real data/<lang>/<table>.csv as header + rows (the _Table helpers work on it)."""

    def __init__(self, table: str, lang: str):
        from components.translation import key_column

        self.schema = TABLES[table]
        self.key = key_column(self.schema)
        self.raw = (DATA / lang / self.schema.file).read_bytes()
        records = list(csv.reader(io.StringIO(self.raw.decode("utf-8-sig"), newline="")))
        self.header, self.rows = records[0], [r for r in records[1:] if r]
        assert len(self.rows) >= 2, f"{lang}/{self.schema.file}: the cases need at least two rows"
        self.index = {name: i for i, name in enumerate(self.header)}

    def filled_column(self, kinds: tuple[str, ...] = ("text", "list")) -> str:
        """The first translated column whose cell in the broken row has text (for a list, one
        whose items are counted: not a list of search words)."""
        from components.translation import SEARCH_WORD_COLUMNS

        return next(
            name
            for name in self.header[1:]
            if self.schema.column(name).kind in kinds
            and (self.schema.name, name) not in SEARCH_WORD_COLUMNS
            and self.rows[self.row()][self.index[name]].strip()
        )


def _bad_id(t: _TranslationFile):
    text, line = t.with_cell(t.key, NO_SUCH_ID)
    return text, Expect(line, t.key, f"'{NO_SUCH_ID}' is not an id of the English table")


def _empty_cell(t: _TranslationFile):
    column = t.filled_column()
    text, line = t.with_cell(column, "")
    return text, Expect(line, column, "the translation is empty; the English table has text here")


def _wrong_item_count(t: _TranslationFile):
    from components.loader import split_list

    column = t.filled_column(("list",))
    items = split_list(t.rows[t.row()][t.index[column]])
    assert len(items) >= 2, f"{t.schema.file}: {column} needs two items in the broken row"
    text, line = t.with_cell(column, items[0])
    return text, Expect(line, column, f"the translation has 1 items; the English cell has {len(items)}")


def _translation_not_utf8(t: _TranslationFile):
    column = t.filled_column()
    text, line = t.with_cell(column, _MARK + t.rows[t.row()][t.index[column]])
    return text.replace(_MARK.encode(), NOT_UTF8), Expect(line, column, "byte 0xe9 is not valid UTF-8")


def _missing_id_column(t: _TranslationFile):
    header = t.header[1:]
    rows = [r[1:] for r in t.rows]
    return t.dump(header, rows), Expect(1, header[0], f"the first column must be {t.key}")


_TRANSLATION_BUILDERS: dict[str, Callable] = {
    "bad_id": _bad_id,
    "empty_cell": _empty_cell,
    "wrong_item_count": _wrong_item_count,
    "not_utf8": _translation_not_utf8,
    "missing_id_column": _missing_id_column,
}


def build_translation(table: str, case: str, lang: str = "es") -> BadTranslation:
    """The broken translation file of this table for this case."""
    content, expect = _TRANSLATION_BUILDERS[case](_TranslationFile(table, lang))
    return BadTranslation(table, case, lang, content, expect)
