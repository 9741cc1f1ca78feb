"""The fixed values a reader sees, and whether each has a Spanish entry in values.po.

Fixed values are the words the code, not the data rows, decides: the allowed values of the
schema's choice columns and its other value tuples and label dicts (components/schema.py),
and the label dicts of the components that turn a code into words (MEASURE_LABELS,
LEAD_LABELS ...). They are read from the modules themselves, never copied here, so a value
added to the code is missing from the catalogue until someone translates it.

Some schema values are codes, not words: tier letters, state abbreviations, O*NET codes,
O*NET's Y/N flags, and the measure and series codes (a reader sees those through
figures.MEASURE_LABELS, so each code must have a label there instead). So are the column
kinds (schema.KINDS, LIST_KINDS), which only the loader reads.

One word, one catalogue: a value that the code also marks with _() or N_() (a label dict
written with N_(), a word a page passes to _() literally) is extracted by `make messages` into
the UI catalogue, locales/es/LC_MESSAGES/messages.po, and is translated there only; every
other value is in locales/es/LC_MESSAGES/values.po, the UI catalogue's fallback. A value is
missing when neither catalogue has an entry for it (same msgctxt; the UI catalogue has no
contexts), or the entry's msgstr is empty or marked fuzzy. An entry of values.po that the UI
catalogue also has is a problem (two wordings of one word, and the UI one would win), and so
is one that is no current value (stale).

Usage: python tools/values_catalogue.py [--list] [--po PATH] [--ui-po PATH]
Exit status: 0 when every value has one Spanish entry, 1 otherwise.
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEFAULT_PO = ROOT / "locales" / "es" / "LC_MESSAGES" / "values.po"
UI_PO = ROOT / "locales" / "es" / "LC_MESSAGES" / "messages.po"

# Schema constants whose values are codes a reader never sees as words.
SCHEMA_CODES = ("TIERS", "LOWEST_TIER", "ONET_CODES", "AREA_ABBRS", "KINDS", "LIST_KINDS")
# Schema constants of measure and series codes: each needs a label in figures.MEASURE_LABELS.
SCHEMA_MEASURES = (
    "PAY_MEASURES",
    "OUTLOOK_MEASURES",
    "NATIONAL_MEASURES",
    "STATE_MEASURES",
    "SETTING_MEASURES",
    "TREND_SERIES",
)
# Choice columns with codes inline (O*NET's Y/N flags: the pages turn them into sentences).
SCHEMA_CODE_COLUMNS = (("onet_ratings", "recommend_suppress"), ("onet_ratings", "not_relevant"))
# Scalar schema constants that are values (the others are separators and patterns).
SCHEMA_SCALARS = ("OTHER", "ANY_SETTING")

# Label constants of the other modules, and which part a reader sees:
# "value" a string, "items" a tuple of strings, "keys" / "values" of a dict
# (tuple values are read item by item). A third element is the msgctxt, for short
# strings that mean something else elsewhere.
COMPONENT_LABELS: dict[str, tuple[tuple[str, ...], ...]] = {
    "access": (
        ("MISSING", "value"),
        ("TERRITORY_NAMES", "values"),
        ("LEVEL_MEANINGS", "values"),
        ("LEVEL_CODES", "values", "access level letter"),
        ("OT_EVALUATION_WORDS", "values"),
        ("OT_TREATMENT_WORDS", "values"),
    ),
    "careers": (
        ("PERIODS_DIFFER", "value"),
        ("TREND_CHOICES", "keys"),
    ),
    "decide": (("NAMES", "values"), ("SHORT", "values")),
    "figures": (
        ("PROFESSION_ORDER", "items"),
        ("PROFESSION_NAMES", "values"),
        ("NOT_FOUND", "value"),
        ("MEASURE_LABELS", "values"),
        ("MONTH_NAMES", "values"),
        ("TIER_SPEAKERS", "values"),
    ),
    "interventions": (("USE_LABELS", "values"), ("USE_ORDER", "items"), ("PROFESSION_FILTERS", "items")),
    "onet": (("SCALE_WORDS", "values"), ("DOMAIN_WORDS", "values"), ("RIASEC_WORDS", "values")),
    "payment": (("PAYERS_BY_AGE", "keys"), ("PAYERS_BY_AGE", "values"), ("CHILD_AGES", "items")),
    "populations": (
        ("LEAD_LABELS", "values"),
        ("INVOLVEMENT", "values"),
        ("INVOLVEMENT_ORDER", "items"),
        ("SINGLE_LEAD", "values"),
    ),
    "school": (
        ("ROUTE_NAMES", "values"),
        ("NOT_GIVEN", "value"),
        ("INSTITUTION_CHOICES", "items"),
        ("TUITION_MEASURES", "items"),
        ("DEBT_MEASURES", "items"),
        ("FEE_MEASURES", "items"),
        ("SHORT_COST", "values"),
        ("COUNT_MEASURES", "items"),
        ("STATUS_ORDER", "items"),
        ("DEGREE_ORDER", "items"),
        ("SINGLE_DEGREE", "values"),
        ("STATUS_WORDS", "values"),
        ("EXAM_WORDS", "values"),
    ),
    "school_charts": (("STATUS_NAMES", "values"), ("KIND_PATTERNS", "keys")),
    "sourcing": (("WEAK", "value"),),
    "states": (("MISSING", "value"),),
}

Key = tuple[str | None, str]  # (msgctxt, msgid)


def _strings(value: object) -> Iterator[str]:
    """The strings of a label constant's part, tuples read item by item."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _strings(item)


def _is_str_tuple(value: object) -> bool:
    return isinstance(value, tuple) and bool(value) and all(isinstance(v, str) for v in value)


def _is_pair_tuple(value: object) -> bool:
    return (
        isinstance(value, tuple)
        and bool(value)
        and all(isinstance(v, tuple) and len(v) == 2 and all(isinstance(s, str) for s in v) for v in value)
    )


def _is_str_dict(value: object) -> bool:
    return isinstance(value, dict) and bool(value) and all(isinstance(v, str) for v in value.values())


def schema_values() -> tuple[dict[Key, list[str]], list[str]]:
    """Values of components/schema.py: {(None, value): [where]}, and problems (a measure
    code without a label)."""
    from components import figures, schema

    found: dict[Key, list[str]] = {}

    def add(value: str, where: str) -> None:
        places = found.setdefault((None, value), [])
        if where not in places:
            places.append(where)

    codes: set[str] = set()
    for name in SCHEMA_CODES + SCHEMA_MEASURES:
        codes.update(_strings(getattr(schema, name)))
    problems = [
        f"schema.{name}: {code!r} has no label in figures.MEASURE_LABELS"
        for name in SCHEMA_MEASURES
        for code in getattr(schema, name)
        if code not in figures.MEASURE_LABELS
    ]

    for name, value in vars(schema).items():
        if not name.isupper() or name.startswith("_") or name in SCHEMA_CODES + SCHEMA_MEASURES:
            continue
        where = f"schema.{name}"
        if isinstance(value, str):
            if name in SCHEMA_SCALARS:
                add(value, where)
        elif _is_str_tuple(value):
            for v in value:
                add(v, where)
        elif _is_pair_tuple(value):  # (name, abbreviation): the abbreviation is a code
            for v, _abbr in value:
                add(v, where)
        elif _is_str_dict(value):  # label dicts keyed by codes (TIER_LABELS)
            for v in value.values():
                add(v, where)

    # "undated", the one word an as-of cell may hold.
    for word in re.findall(r"[a-z]{3,}", schema.AS_OF_PATTERN):
        add(word, "schema.AS_OF_PATTERN")

    # Every choice column's allowed values, named by table and column when no constant holds them.
    for table in schema.TABLES.values():
        for column in table.columns:
            if column.kind not in ("choice", "choices") or (table.name, column.name) in SCHEMA_CODE_COLUMNS:
                continue
            for v in column.allowed:
                if v in codes:
                    continue
                if (None, v) not in found:
                    add(v, f"schema.{table.name.upper()}.{column.name}")
    return found, problems


def component_values() -> dict[Key, list[str]]:
    """Values of the label constants in COMPONENT_LABELS: {(msgctxt, value): [where]}."""
    found: dict[Key, list[str]] = {}
    for module_name, constants in COMPONENT_LABELS.items():
        module = importlib.import_module(f"components.{module_name}")
        for name, part, *context in constants:
            value = getattr(module, name)
            if part == "keys":
                value = tuple(value.keys())
            elif part == "values":
                value = tuple(value.values())
            where = f"{module_name}.{name}"
            for v in _strings(value):
                places = found.setdefault((context[0] if context else None, v), [])
                if where not in places:
                    places.append(where)
    return found


def all_values() -> tuple[dict[Key, list[str]], list[str]]:
    """Every fixed value, with where it comes from (schema first), and any problems."""
    found, problems = schema_values()
    for key, places in component_values().items():
        found.setdefault(key, []).extend(p for p in places if p not in found.get(key, []))
    return found, problems


def read_catalogue(po_path: Path) -> dict[Key, str]:
    """{(msgctxt, msgid): msgstr} of the catalogue's translated, non-fuzzy entries."""
    try:
        from babel.messages.pofile import read_po
    except ImportError:
        sys.exit("values_catalogue: Babel is needed to read the catalogue (pip install babel)")
    with open(po_path, "rb") as handle:
        catalog = read_po(handle)
    return {
        (message.context, message.id): message.string
        for message in catalog
        if message.id and isinstance(message.id, str) and message.string and not message.fuzzy
    }


def _label(key: Key) -> str:
    context, msgid = key
    return f"[{context}] {msgid!r}" if context else repr(msgid)


def check(
    values: dict[Key, list[str]], catalogue: dict[Key, str], ui: dict[Key, str]
) -> tuple[list[Key], list[Key], list[Key]]:
    """(missing, in_both, stale): values with no Spanish in either catalogue, entries of the
    values catalogue that the UI catalogue also translates, and entries of the values
    catalogue that are no current value."""
    ui_ids = {msgid for context, msgid in ui if context is None}
    missing = [key for key in values if key not in catalogue and not (key[0] is None and key[1] in ui_ids)]
    in_both = [key for key in catalogue if key[0] is None and key[1] in ui_ids]
    stale = [key for key in catalogue if key not in values]
    return missing, in_both, stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--po", type=Path, default=DEFAULT_PO, help="the Spanish values catalogue")
    parser.add_argument("--ui-po", type=Path, default=UI_PO, help="the Spanish UI catalogue (make messages)")
    parser.add_argument("--list", action="store_true", help="print every fixed value and where it comes from")
    args = parser.parse_args(argv)

    values, problems = all_values()
    catalogue = read_catalogue(args.po) if args.po.exists() else {}
    ui = read_catalogue(args.ui_po) if args.ui_po.exists() else {}
    if args.list:
        for key, places in values.items():
            print(f"{_label(key)}\t{', '.join(places)}\t{catalogue.get(key) or ui.get(key, '')}")
    missing, in_both, stale = check(values, catalogue, ui)
    in_ui = sum(1 for key in values if key not in catalogue and key not in missing)
    print(
        f"{len(values)} fixed values; {len(values) - len(missing) - in_ui} translated in {args.po.name}, "
        f"{in_ui} in {args.ui_po.name}."
    )
    for key in missing:
        print(f"missing: {_label(key)} ({', '.join(values[key])})")
    for key in in_both:
        print(f"in both catalogues (keep it in {args.ui_po.name} only): {_label(key)}")
    for key in stale:
        print(f"not a current value (stale entry?): {_label(key)}")
    for problem in problems:
        print(f"problem: {problem}")
    return 1 if missing or in_both or stale or problems or not args.po.exists() else 0


if __name__ == "__main__":
    sys.exit(main())
