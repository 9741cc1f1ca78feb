"""The fact base ZIP described as a Frictionless Data Package (datapackage.json).

Built from components/schema.py, never written by hand: one tabular resource per table
in the ZIP, with a Table Schema whose field types and constraints say what the loader
checks (required cells, allowed values as `enum`, id and list forms as `pattern`, unique
ids as the primary key), the licence of the compilation and every source it cites.

A Table Schema foreign key compares whole cells, so it cannot say that each id in a
`;`-separated refs cell (source_ids, goal_ids, ...) exists in another table. Each refs
column therefore also gets a link table, data/links/<table>__<column>.csv, one row per
(row id, referenced id), whose foreign keys point at both tables: a validator checks
every reference there.

The data text in other languages (data/<lang>/<table>.csv, components/translation.py) is a
resource of its own per table: the English table's id column (the key a translation is
matched by) as its primary key and as a foreign key to the English table, then the
translated text columns.

Patterns are written so that XML Schema (the Table Schema spec) and Python's `re` (the
frictionless library) read them alike: groups are plain (...), never (?:...), and the
whole pattern is one group, so that an alternation is anchored at both ends.

Pure functions, no Streamlit.
"""

from __future__ import annotations

import json

import pandas as pd

from components.loader import split_list
from components.schema import AS_OF_PATTERN, LIST_KINDS, LIST_SEPARATOR, TABLES, Column, TableSchema
from components.translation import key_column

# The languages a translation can be in, by code, named in the descriptor.
LANGUAGE_NAMES = {"es": "Spanish"}

PACKAGE_NAME = "ot-pt-fact-base"
LICENSES = [
    {
        "name": "CC-BY-4.0",
        "title": "Creative Commons Attribution 4.0 International",
        "path": "https://creativecommons.org/licenses/by/4.0/",
    }
]
LINKS_DIR = "data/links"
# A canonical list cell: items joined by "; " (the loader strips and rejoins them).
_JOIN = f"{LIST_SEPARATOR} "
_ANY_ITEM = f"[^{LIST_SEPARATOR}]+"
# Characters with a meaning in both regex dialects; escaped in allowed values.
_SPECIAL = set("\\|.-^?*+{}()[]")


def portable_pattern(pattern: str) -> str:
    """A whole-cell pattern both XML Schema and Python read alike: (?: groups become plain
    groups, and the whole is one group (frictionless wraps it in ^...$)."""
    return "(" + pattern.replace("(?:", "(") + ")"


def _literal(value: str) -> str:
    return "".join("\\" + ch if ch in _SPECIAL else ch for ch in value)


def _list_of(item: str) -> str:
    """A pattern for a list cell whose every item matches `item`."""
    return f"({item})({_JOIN}({item}))*"


def _item_pattern(column: Column) -> str:
    if column.kind == "choices":
        return "|".join(_literal(v) for v in column.allowed)
    if column.kind == "codes":
        return portable_pattern(column.pattern)
    if column.kind == "refs":
        target = TABLES[column.ref_table]
        return portable_pattern(target.column(target.id_column).pattern)
    return _ANY_ITEM


def field(column: Column, schema: TableSchema) -> dict:
    """The Table Schema field of one column."""
    out: dict = {"name": column.name, "type": "string"}
    if column.description:
        out["description"] = column.description
    constraints: dict = {}
    if column.required or column.name == schema.id_column:
        constraints["required"] = True
    if column.name == schema.id_column or column.name in schema.unique_pages:
        constraints["unique"] = True
    kind = column.kind
    if kind in ("int", "number"):
        out["type"] = "integer" if kind == "int" else "number"
        if column.minimum is not None:
            constraints["minimum"] = column.minimum
        if column.maximum is not None:
            constraints["maximum"] = column.maximum
    elif kind == "id":
        constraints["pattern"] = portable_pattern(column.pattern)
    elif kind == "choice":
        constraints["enum"] = list(column.allowed)
    elif kind in LIST_KINDS:
        constraints["pattern"] = portable_pattern(_list_of(_item_pattern(column)))
        if kind == "refs":
            out["description"] = (
                f"{column.description + '; ' if column.description else ''}ids from {column.ref_table}.csv; "
                f"each one is checked in {LINKS_DIR}/{link_name(schema, column)}.csv"
            )
    elif kind == "url":
        out["format"] = "uri"
    elif kind == "as_of":
        constraints["pattern"] = portable_pattern(AS_OF_PATTERN)
    if constraints:
        out["constraints"] = constraints
    return out


def ref_columns(schema: TableSchema, names: set[str]) -> list[Column]:
    """The refs columns of a table whose referenced table is among `names` (in the ZIP)."""
    return [c for c in schema.columns if c.kind == "refs" and c.ref_table in names]


def link_name(schema: TableSchema, column: Column) -> str:
    return f"{schema.name}__{column.name}"


def _link_fields(schema: TableSchema, column: Column) -> tuple[str, str]:
    """The two column names of a link table: the row's id, and the referenced id."""
    target_id = TABLES[column.ref_table].id_column
    if target_id == schema.id_column:
        target_id = f"{column.ref_table}_{target_id}"
    return schema.id_column, target_id


def link_table(schema: TableSchema, column: Column, frame: pd.DataFrame) -> pd.DataFrame:
    """One row per (row id, referenced id) of a refs column, in the table's row order."""
    own, target = _link_fields(schema, column)
    rows = [
        (row_id, ref)
        for row_id, cell in zip(frame[schema.id_column].tolist(), frame[column.name].tolist())
        for ref in split_list(cell)
    ]
    return pd.DataFrame(rows, columns=[own, target], dtype="object")


def link_tables(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Every link table of the tables in `frames`, by resource name."""
    out = {}
    for name in sorted(frames):
        schema = TABLES[name]
        for column in ref_columns(schema, set(frames)):
            out[link_name(schema, column)] = link_table(schema, column, frames[name])
    return out


def _source_entries(sources: pd.DataFrame | None, ids: set[str] | None = None) -> list[dict]:
    """Data Package `sources`: title and web address of each source (all, or those in `ids`)."""
    if sources is None:
        return []
    rows = zip(sources["source_id"].tolist(), sources["publisher"].tolist(), sources["title"].tolist())
    urls = sources["url"].tolist()
    return [
        {"title": f"{source_id}: {publisher}: {title}", "path": url}
        for (source_id, publisher, title), url in zip(rows, urls)
        if ids is None or source_id in ids
    ]


def _cited(schema: TableSchema, frame: pd.DataFrame) -> set[str]:
    columns = [c.name for c in schema.columns if c.kind == "refs" and c.ref_table == "sources"]
    return {s for column in columns for cell in frame[column].tolist() for s in split_list(cell)}


_DIALECT = {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"', "doubleQuote": True, "header": True}


def _resource(name: str, path: str, description: str, table_schema: dict) -> dict:
    return {
        "profile": "tabular-data-resource",
        "name": name,
        "path": path,
        "description": description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": _DIALECT,
        "schema": table_schema,
    }


def translation_name(name: str, lang: str) -> str:
    """The resource name of table `name`'s translation into `lang`, e.g. populations-es."""
    return f"{name}-{lang}"


def translation_path(name: str, lang: str) -> str:
    return f"data/{lang}/{TABLES[name].file}"


def translation_resource(name: str, lang: str, frame: pd.DataFrame) -> dict:
    """The resource of one translation table (components/translation.translation_table):
    its key is a primary key and a foreign key to the English table; a translated cell is
    required where the English column is (the loader asks for text wherever the English
    cell has some)."""
    schema = TABLES[name]
    language = LANGUAGE_NAMES.get(lang, lang)
    key = key_column(schema)
    key_field = field(schema.column(key), schema)
    key_field["constraints"] = {**key_field.get("constraints", {}), "required": True, "unique": True}
    key_field["description"] = f"the {key} of the row of {schema.file} this text translates"
    fields = [key_field]
    for column_name in frame.columns[1:]:
        column = schema.column(column_name)
        text_field: dict = {
            "name": column_name,
            "type": "string",
            "description": f"{column_name} of {schema.file} in {language}; empty only where the English cell is empty",
        }
        constraints: dict = {}
        if column.required:
            constraints["required"] = True
        if column.kind == "list":
            constraints["pattern"] = portable_pattern(_list_of(_ANY_ITEM))
        if constraints:
            text_field["constraints"] = constraints
        fields.append(text_field)
    resource = _resource(
        translation_name(name, lang),
        translation_path(name, lang),
        f"The {language} text of {schema.file} (resource {name}): one row per {key} of that table, "
        f"with its text columns in {language}. The dashboard shows them in place of the English text "
        f"when the reader chooses {language}; every other column is in {schema.file}.",
        {
            "fields": fields,
            "primaryKey": [key],
            "missingValues": [""],
            "foreignKeys": [{"fields": [key], "reference": {"resource": name, "fields": [key]}}],
        },
    )
    return {"title": f"{schema.file} in {language}", **resource}


def descriptor(frames: dict[str, pd.DataFrame], translations: dict[str, dict[str, pd.DataFrame]] | None = None) -> dict:
    """The datapackage.json of a ZIP holding these tables (and their link tables), and the
    translations of some of them: language -> table name -> translation table.

    Paths are relative to the ZIP's top folder, where datapackage.json lies.
    """
    names = set(frames)
    sources = frames.get("sources")
    resources = []
    for name in sorted(frames):
        schema = TABLES[name]
        table_schema: dict = {
            "fields": [field(c, schema) for c in schema.columns],
            "primaryKey": [schema.id_column],
            "missingValues": [""],
        }
        resource = _resource(name, f"data/{schema.file}", schema.description, table_schema)
        cited = _cited(schema, frames[name])
        if cited and sources is not None:
            resource["sources"] = _source_entries(sources, cited)
        resources.append(resource)
    for name in sorted(frames):
        schema = TABLES[name]
        for column in ref_columns(schema, names):
            own, target = _link_fields(schema, column)
            target_schema = TABLES[column.ref_table]
            fields = [
                {**field(schema.column(schema.id_column), schema), "name": own},
                {**field(target_schema.column(target_schema.id_column), target_schema), "name": target},
            ]
            for f in fields:
                f["constraints"] = {k: v for k, v in f["constraints"].items() if k != "unique"}
            link = link_name(schema, column)
            resources.append(
                _resource(
                    link,
                    f"{LINKS_DIR}/{link}.csv",
                    f"The ids in {name}.csv's {column.name} cells, one row per (row, referenced id), "
                    f"so that each reference to {column.ref_table}.csv is a checked foreign key.",
                    {
                        "fields": fields,
                        "primaryKey": [own, target],
                        "missingValues": [""],
                        "foreignKeys": [
                            {"fields": [own], "reference": {"resource": name, "fields": [schema.id_column]}},
                            {
                                "fields": [target],
                                "reference": {"resource": column.ref_table, "fields": [target_schema.id_column]},
                            },
                        ],
                    },
                )
            )
    for lang in sorted(translations or {}):
        for name in sorted(translations[lang]):
            if name in frames:
                resources.append(translation_resource(name, lang, translations[lang][name]))
    package = {
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME,
        "title": "OT or PT? - the fact base behind the dashboard",
        "description": (
            "Every table the dashboard reads, as the app validated it, with the sources each row cites. "
            "data/README.md is the data dictionary; LICENSE.txt says the terms. Text cells that a spreadsheet "
            "would read as a formula begin with an apostrophe. The links/ tables spell out the ';'-separated "
            "id lists of the refs columns, one row per reference, so that each is a checked foreign key."
            + "".join(
                f" data/{lang}/ holds the {LANGUAGE_NAMES.get(lang, lang)} text of the tables: one resource per "
                "table, matched to the English rows by id."
                for lang in sorted(translations or {})
            )
        ),
        "licenses": LICENSES,
        "resources": resources,
    }
    if sources is not None:
        package["sources"] = _source_entries(sources)
    return package


def descriptor_bytes(
    frames: dict[str, pd.DataFrame], translations: dict[str, dict[str, pd.DataFrame]] | None = None
) -> bytes:
    """datapackage.json as bytes: key order fixed, so equal data gives equal bytes."""
    return (json.dumps(descriptor(frames, translations), indent=2, ensure_ascii=False) + "\n").encode("utf-8")
