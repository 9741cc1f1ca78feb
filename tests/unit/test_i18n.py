"""The UI languages: which language a visit gets, the Spanish catalogue is complete, and
the lookups behave like gettext (English in, Spanish out, English when untranslated)."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from components import i18n
from tools import values_catalogue

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "locales" / "es" / "LC_MESSAGES" / "messages.po"


@pytest.mark.parametrize(
    "url, browser, expected",
    [
        ("es", None, "es"),
        ("en", "es-MX", "en"),  # the URL wins over the browser
        (None, "es-US", "es"),
        (None, "es", "es"),
        (None, "es_419", "es"),
        (None, "fr-FR", "en"),  # a language we don't have: English
        ("de", "es-ES", "es"),  # an unknown URL value is ignored
        ("ES ", None, "es"),
        ("", "", "en"),
        (None, None, "en"),
        (["es"], 3, "en"),  # not text at all
    ],
)
def test_language_resolution(url, browser, expected):
    assert i18n.resolve_language(url, browser) == expected


def _source_messages() -> dict[str, list[str]]:
    """Every msgid that babel.cfg's files mark, with where it is (what `make messages` extracts)."""
    with open(ROOT / "babel.cfg", encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    found: dict[str, list[str]] = {}
    for filename, line, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords={"_": None, "N_": None, "ngettext": (1, 2), "gettext": None}
    ):
        if "node_modules" in filename or filename.startswith(("tests", ".venv")):
            continue
        ids = message if isinstance(message, tuple) else (message,)
        found.setdefault(ids[0], []).append(f"{filename}:{line}")
    return found


def test_every_marked_string_has_a_spanish_translation():
    with open(PO, "rb") as handle:
        catalogue = read_po(handle)
    translated = {}
    for message in catalogue:
        if not message.id:
            continue
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        translated[key] = bool(all(strings)) and not message.fuzzy
    sources = _source_messages()
    assert sources, "no marked strings found: is babel.cfg right?"
    missing = {m: where for m, where in sources.items() if not translated.get(m)}
    assert not missing, "Strings without a Spanish msgstr (run `make messages`, then translate):\n" + "\n".join(
        f"  {where[0]}: {m!r}" for m, where in missing.items()
    )


def test_a_missing_or_fuzzy_message_fails_the_check(tmp_path):
    po = tmp_path / "es" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n"Language: es\\n"\n\n'
        'msgid "Hello"\nmsgstr "Hola"\n\n'
        'msgid "Empty"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Guess"\nmsgstr "Adivinanza"\n',
        encoding="utf-8",
    )
    lookup = i18n.CatalogueTranslations(po)
    assert lookup.gettext("Hello") == "Hola"
    assert lookup.gettext("Empty") == "Empty"  # untranslated: the English shows
    assert lookup.gettext("Guess") == "Guess"  # fuzzy: never shown as if checked
    assert lookup.gettext("Unknown") == "Unknown"


def test_spanish_lookups_and_english_identity():
    _ = i18n.gettext("es")
    assert _("Which therapy could help?") == "¿Qué terapia podría ayudar?"
    assert _("occupational therapy (OT)") == "terapia ocupacional (OT)"
    assert i18n.gettext("en")("Which therapy could help?") == "Which therapy could help?"
    assert i18n.gettext("xx")("Treatments") == "Treatments"
    assert i18n.translations("es") is i18n.translations("es")  # read once, cached


def test_ngettext_falls_back_to_english_plural_rule():
    n_ = i18n.ngettext("es")
    assert n_("one apple", "{n} apples", 1) == "one apple"
    assert n_("one apple", "{n} apples", 3) == "{n} apples"


def test_every_fixed_value_has_one_spanish_entry():
    """Every value of the schema and of the label constants (read from the modules by
    tools/values_catalogue.py, not listed here) is translated once: in values.po, or in
    messages.po when the code marks it with _() or N_() itself, never in both."""
    values, problems = values_catalogue.all_values()
    assert len(values) > 300, "the schema's values were not found"
    missing, in_both, stale = values_catalogue.check(
        values,
        values_catalogue.read_catalogue(values_catalogue.DEFAULT_PO),
        values_catalogue.read_catalogue(values_catalogue.UI_PO),
    )
    assert not problems
    assert not missing, "Fixed values without Spanish (add them to values.po):\n" + "\n".join(
        f"  {msgid!r} ({', '.join(values[(context, msgid)])})" for context, msgid in missing
    )
    assert not in_both, f"In both messages.po and values.po (keep the messages.po entry): {in_both}"
    assert not stale, f"Entries of values.po that are no current value: {stale}"


def test_the_fixed_values_check_fails_on_a_missing_or_doubled_word():
    values = {(None, "Home"): ["schema.SETTINGS"], (None, "Both"): ["schema.LEADS"], ("letter", "U"): ["x"]}
    catalogue = {(None, "Home"): "Hogar", ("letter", "U"): "S", (None, "Gone"): "Ido"}
    ui = {(None, "Both"): "Ambas", (None, "Home"): "En casa"}
    missing, in_both, stale = values_catalogue.check(values, catalogue, ui)
    assert (missing, in_both, stale) == ([], [(None, "Home")], [(None, "Gone")])
    missing, _, _ = values_catalogue.check(values, {("letter", "U"): "S"}, {})
    assert missing == [(None, "Home"), (None, "Both")]
    # the UI catalogue has no contexts: a context value is found in values.po only
    missing, _, _ = values_catalogue.check(values, {}, {(None, "U"): "S", (None, "Home"): "x", (None, "Both"): "y"})
    assert missing == [("letter", "U")]


def test_placeholders_survive_translation():
    """A msgstr keeps exactly the {names} of its msgid, so str.format never fails."""
    import re

    with open(PO, "rb") as handle:
        catalogue = read_po(handle)
    for message in catalogue:
        if message.id and isinstance(message.id, str) and message.string:
            assert set(re.findall(r"{[^{}]*}", message.id)) == set(re.findall(r"{[^{}]*}", message.string)), message.id


def test_the_values_catalogue_is_the_fallback(tmp_path):
    """A text the UI catalogue lacks is looked up in values.po (the schema's fixed values);
    the UI catalogue wins where both have it; entries with a context are never used."""
    folder = tmp_path / "es" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n"Language: es\\n"\n\n'
    (folder / "messages.po").write_text(header + 'msgid "Home"\nmsgstr "En casa"\n', encoding="utf-8")
    (folder / "values.po").write_text(
        header + 'msgid "Home"\nmsgstr "Hogar"\n\nmsgid "Vision"\nmsgstr "Vista"\n\n'
        'msgctxt "letter"\nmsgid "U"\nmsgstr "S"\n',
        encoding="utf-8",
    )
    _ = i18n.translations("es", str(tmp_path)).gettext
    assert (_("Home"), _("Vision"), _("U"), _("Other")) == ("En casa", "Vista", "U", "Other")


def test_the_real_values_catalogue_translates_fixed_values():
    _ = i18n.gettext("es")
    assert _("Skills") == "Habilidades"  # only in values.po
    assert _("Pennsylvania") == "Pensilvania"


def test_no_marked_string_hides_inside_an_f_string():
    """Babel reads an f-string as one token on Python 3.11: a _("...") inside it is never
    extracted, so it would stay English with no test noticing."""
    import ast

    hidden = []
    for path in sorted([*ROOT.glob("app_pages/*.py"), *ROOT.glob("components/*.py"), ROOT / "dashboard.py"]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                for call in ast.walk(node):
                    if (
                        isinstance(call, ast.Call)
                        and isinstance(call.func, ast.Name)
                        and call.func.id in ("_", "N_", "ngettext")
                        and call.args
                        and isinstance(call.args[0], ast.Constant)
                    ):
                        hidden.append(f"{path.relative_to(ROOT)}:{call.lineno}: {call.args[0].value!r}")
    assert not hidden, "Marked strings inside f-strings (take them out of the f-string):\n" + "\n".join(hidden)


SECTIONS = ("Degree and license", "Pay", "Jobs and growth")


@pytest.mark.parametrize(
    "value, lang, expected",
    [
        ("Pay", "es", "Salario"),  # an English link opened in Spanish
        ("Salario", "en", "Pay"),  # a Spanish link opened in English
        ("Salario", "es", "Salario"),
        ("Pay", "en", "Pay"),
        ("Título y licencia", "en", "Degree and license"),
        ("Degree and license", "es", "Título y licencia"),
        ("Over the years", "es", None),  # not one of these tabs
        ("pay", "es", None),  # labels are matched exactly, as Streamlit does
        ("", "es", None),
        (None, "es", None),
        (["Pay"], "es", None),
    ],
)
def test_a_tab_label_in_either_language_maps_to_the_current_one(value, lang, expected):
    assert i18n.label_in(value, SECTIONS, lang) == expected


def test_a_label_of_the_current_language_wins_over_a_look_alike(tmp_path, monkeypatch):
    """Where a Spanish label is spelled like another choice's English text, the language
    being shown decides: the widget never jumps to the other choice."""
    spanish = {"General": "Ficha", "Ficha": "General"}  # two choices whose labels swap
    monkeypatch.setattr(i18n, "gettext", lambda lang: (lambda m: spanish.get(m, m)) if lang == "es" else i18n.identity)
    assert i18n.label_in("General", ("General", "Ficha"), "es") == "General"
    assert i18n.label_in("General", ("General", "Ficha"), "en") == "General"


def test_msgid_of_names_the_english_option_of_a_label_in_any_language():
    options = ("Importance", "Level")
    assert i18n.msgid_of("Nivel", options, "en") == "Level"
    assert i18n.msgid_of("Level", options, "es") == "Level"
    assert i18n.msgid_of("Nivel", options, "es") == "Level"
    assert i18n.msgid_of("Niveau", options, "es") is None
