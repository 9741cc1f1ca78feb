"""The data in another language: parallel translation tables, checked and swapped in.

Pure pandas, no Streamlit. A table's translation is data/<lang>/<table>.csv (for example
data/es/populations.csv): its first column is the English table's id column (same name),
then one column per translated text column, with the English column's name. Only text
and list columns can be translated; choices, ids, numbers, dates and URLs stay as they are.

The loader rule: a translation whose ids differ from the English table's, or with an
empty cell where the English table has text, is a DataError naming the file, line and
column. A table with no translation file is shown in English.

What a page does with a broken translation (load_table_in_or_english): the English table is
valid, so the page shows it in English and says which translation file has which problem;
only a problem in the English table stops the page. The fact-base ZIP leaves a broken
translation out (translations_for_zip).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from components.i18n import SOURCE_LANGUAGE
from components.loader import MAX_FILE_BYTES, DataError, csv_records, decode_text, load_table, split_list
from components.schema import LIST_SEPARATOR, TABLES, TableSchema

TRANSLATABLE_KINDS = ("text", "list")
# Tables whose rows repeat one element (a rating per profession and scale) are translated
# once per element: their translation is keyed by this column instead of the id column.
KEY_COLUMNS = {"onet_ratings": "element_id", "onet_interests": "element_id"}

# Lists of words readers search with: a translation carries every English item in its own
# language and may add the words its readers use (e.g. "derrame" beside "ACV" for a stroke).
SEARCH_WORD_COLUMNS = {("populations", "aliases")}


def key_column(schema: TableSchema) -> str:
    return KEY_COLUMNS.get(schema.name, schema.id_column)


def translation_path(name: str, data_dir: Path | str, lang: str) -> Path:
    return Path(data_dir) / lang / TABLES[name].file


def translatable_columns(schema: TableSchema) -> tuple[str, ...]:
    return tuple(c.name for c in schema.columns if c.kind in TRANSLATABLE_KINDS)


def parse_translation(schema: TableSchema, raw: bytes, label: str, english: pd.DataFrame) -> pd.DataFrame:
    """Validate a translation file against the English table; the translated cells, one row
    per id, in the English table's order (index: the id)."""
    if len(raw) > MAX_FILE_BYTES:
        raise DataError(label, None, None, f"the file is {len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,}")
    records = csv_records(decode_text(raw, label), label)
    if not records:
        raise DataError(label, 1, None, f"the file is empty; expected a header row starting with {schema.id_column}")
    header_line, header = records[0]
    header = [h.strip() for h in header]
    id_column = key_column(schema)
    if header[0] != id_column:
        raise DataError(label, header_line, header[0] or "(blank)", f"the first column must be {id_column}")
    allowed = translatable_columns(schema)
    seen: set[str] = set()
    for name in header[1:]:
        if name in seen or name == id_column:
            raise DataError(label, header_line, name, "this column appears twice in the header")
        seen.add(name)
        if name not in allowed:
            raise DataError(
                label,
                header_line,
                name or "(blank)",
                "not a text column of the English table; translatable: " + ", ".join(allowed),
            )
    if len(header) < 2:
        raise DataError(label, header_line, None, "no translated column; expected some of: " + ", ".join(allowed))

    # One English row per key (rows that repeat a key carry the same text: the first is checked).
    english_rows: dict[str, dict] = {}
    for key, row in zip(english[id_column], english.to_dict("records")):
        english_rows.setdefault(str(key), row)
    cells: dict[str, dict[str, str]] = {}
    for line, fields in records[1:]:
        if len(fields) != len(header):
            raise DataError(label, line, None, f"the row has {len(fields)} cells; the header has {len(header)}")
        row = dict(zip(header, (f.strip() for f in fields)))
        key = row[id_column]
        if key not in english_rows:
            raise DataError(label, line, id_column, f"'{key}' is not an id of the English table {schema.file}")
        if key in cells:
            raise DataError(label, line, id_column, f"'{key}' is translated twice")
        source = english_rows[key]
        for name in header[1:]:
            english_text = str(source.get(name, "") or "")
            if english_text.strip() and not row[name]:
                raise DataError(label, line, name, "the translation is empty; the English table has text here")
            if schema.column(name).kind == "list" and english_text.strip():
                want, got = len(split_list(english_text)), len(split_list(row[name]))
                if (schema.name, name) in SEARCH_WORD_COLUMNS:
                    if got < want:
                        raise DataError(
                            label, line, name, f"the translation has {got} items; the English cell has {want} (or more)"
                        )
                elif want != got:
                    raise DataError(label, line, name, f"the translation has {got} items; the English cell has {want}")
        cells[key] = {name: row[name] for name in header[1:]}
    missing = [key for key in english_rows if key not in cells]
    if missing:
        shown = ", ".join(missing[:5]) + (" …" if len(missing) > 5 else "")
        raise DataError(
            label, (records[-1][0] + 1) if len(records) > 1 else header_line + 1, id_column, f"no row for: {shown}"
        )
    frame = pd.DataFrame.from_dict(cells, orient="index", columns=header[1:])
    frame.index.name = id_column
    return frame.reindex(list(english_rows))


def load_translation(name: str, data_dir: Path | str, english: pd.DataFrame, lang: str) -> pd.DataFrame | None:
    """The checked translation of table `name` into `lang`, or None when it has no file."""
    path = translation_path(name, data_dir, lang)
    label = f"{Path(data_dir).name}/{lang}/{TABLES[name].file}"
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return None
    except OSError as err:
        raise DataError(label, None, None, f"the file cannot be read ({err.strerror})") from None
    return parse_translation(TABLES[name], raw, label, english)


def translate_table(english: pd.DataFrame, translation: pd.DataFrame | None, name: str) -> pd.DataFrame:
    """The English table `name` with its translated text columns swapped in (same rows, same
    columns, same order); cells the English table leaves empty stay empty."""
    if translation is None:
        return english
    frame = english.copy()
    ids = frame[key_column(TABLES[name])].astype(str)
    for column in translation.columns:
        swapped = ids.map(translation[column])
        frame[column] = frame[column].where(frame[column].astype(str).str.strip() == "", swapped)
    return frame


def value_map(english: pd.DataFrame, translated: pd.DataFrame, column: str) -> dict[str, str]:
    """English text -> its translation for one column, matched by row (same ids, same order)."""
    return dict(zip(english[column], translated[column]))


def load_table_in(name: str, data_dir: Path | str, lang: str) -> pd.DataFrame:
    """The validated table in a language: English, or with its translation swapped in when
    data/<lang>/ has one (checked by the rule above)."""
    english = load_table(name, data_dir)
    if lang == SOURCE_LANGUAGE:
        return english
    return translate_table(english, load_translation(name, data_dir, english, lang), name)


def load_table_in_or_english(
    name: str, data_dir: Path | str, lang: str
) -> tuple[pd.DataFrame | None, str | None, str | None]:
    """(frame, error, translation_problem).

    error: the English table's problem (frame is None: the table can't be shown).
    translation_problem: the translation file's problem; frame is then the English table,
    so the page keeps working in English and shows this message beside it.
    """
    try:
        english = load_table(name, data_dir)
    except DataError as err:
        return None, str(err), None
    if lang == SOURCE_LANGUAGE:
        return english, None, None
    try:
        translation = load_translation(name, data_dir, english, lang)
    except DataError as err:
        return english, None, str(err)
    return translate_table(english, translation, name), None, None


def translation_table(name: str, translation: pd.DataFrame) -> pd.DataFrame:
    """A checked translation as a published table: the key column first, then the translated
    columns; list cells written the loader's way (items joined by "; ")."""
    schema = TABLES[name]
    frame = translation.reset_index()
    for column in translation.columns:
        if schema.column(column).kind == "list":
            frame[column] = [f"{LIST_SEPARATOR} ".join(split_list(cell)) for cell in frame[column].tolist()]
    return frame.fillna("").astype(str)


def translations_for_zip(
    frames: dict[str, pd.DataFrame], data_dir: Path | str, lang: str
) -> tuple[dict[str, pd.DataFrame], dict[str, str]]:
    """The valid translations of these (English, validated) tables into `lang`, as published
    tables by name, and the problem of each translation that has one (left out)."""
    tables: dict[str, pd.DataFrame] = {}
    problems: dict[str, str] = {}
    for name in frames:
        try:
            translation = load_translation(name, data_dir, frames[name], lang)
        except DataError as err:
            problems[name] = str(err)
            continue
        if translation is not None:
            tables[name] = translation_table(name, translation)
    return tables, problems


def load_table_in_or_error(name: str, data_dir: Path | str, lang: str) -> tuple[pd.DataFrame | None, str | None]:
    """(frame, None) when the table and its translation are valid, else (None, the message)."""
    try:
        return load_table_in(name, data_dir, lang), None
    except DataError as err:
        return None, str(err)
