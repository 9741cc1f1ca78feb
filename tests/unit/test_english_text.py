"""The look-up behind the browser test that no English UI string is left on a Spanish page
(tests/e2e/english_text.py): it finds a catalogue string in a page's text, passes the
Spanish, and leaves alone what is the same in both languages or a source's own name."""

from __future__ import annotations

from components.i18n import gettext
from tests.e2e.english_text import english_leftovers, english_phrases, kept_in_english, pieces

ES = gettext("es")


def test_an_english_catalogue_string_in_a_spanish_page_is_found():
    phrases = english_phrases()
    page = f"{ES('Jobs by state')}\nProfesión\nPT\nPT aides\nOTA y auxiliares\n{ES('Figure to show')}"
    assert english_leftovers(page, phrases) == ["PT aides"]
    # A sentence whose msgid has Markdown and placeholders is found as the reader sees it.
    sentence = (
        "Projections are for 10 years; each bar is labelled with its decade. Groups named and aides\n"
        "are counted together with aides by their source."
    )
    assert [p[:30] for p in english_leftovers(sentence, phrases)] == ["Projections are for 10 years; "]
    found = english_leftovers("Nuestras fuentes no dan cifras for the routes you chose.", phrases)
    assert "for the routes you chose" in found


def test_the_spanish_of_the_catalogue_itself_passes():
    phrases = english_phrases()
    assert english_leftovers(f"{ES('Which therapy could help?')} {ES('PT aides')} OT PT OTA PTA 2023", phrases) == []
    projections = ES(
        "Projections are for 10 years; each bar is labelled with its decade. Groups named *and aides* "
        "are counted together with aides by their source."
    )
    assert projections.startswith("Las proyecciones") and english_leftovers(projections, phrases) == []


def test_short_names_numbers_and_strings_the_same_in_both_languages_are_not_looked_for():
    texts = {phrase.text for phrase in english_phrases()}
    assert {"OT", "PT", "Pay", "Texas", "NBCOT", "2023"}.isdisjoint(texts)
    assert "PT aides" in texts and "Jobs by state" in texts


def test_a_missing_value_shown_as_none_is_english():
    assert english_leftovers("Estado\tValor\nTexas\tNone", ()) == ["None (a missing value)"]
    assert english_leftovers("Ninguno\tNonet\tnan\t<NA>", ()) == ["nan (a missing value)", "<NA> (a missing value)"]


def test_the_sources_own_names_and_the_data_dictionary_stay_in_english():
    from components.schema import TABLES

    title = next(name for name in kept_in_english() if "physical therapy" in name)
    phrases = english_phrases()
    assert "physical therapy" in english_leftovers(title, phrases)  # without the exception, it would fail
    assert english_leftovers(f"{ES('Sources:')} {title}", phrases, kept_in_english()) == []
    described = TABLES["populations"].description
    assert english_leftovers(described, phrases) and not english_leftovers(described, phrases, kept_in_english())


def test_pieces_are_what_a_reader_sees():
    assert pieces("Task (O*NET wording) and **bold** `code` [link](https://x.test) :small[tiny] {n} more") == [
        "Task (O*NET wording) and bold code link tiny",
        "more",
    ]


def test_every_dataframe_shows_a_missing_value_as_an_empty_cell():
    """Streamlit draws a missing value as the English word 'None' on the grid's canvas, which the
    browser test cannot read: every st.dataframe of the pages sets its placeholder instead."""
    import ast

    from tests.e2e.english_text import ROOT

    calls = []
    for path in sorted((ROOT / "app_pages").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "dataframe":
                given = {k.arg: k.value for k in node.keywords}
                ok = isinstance(given.get("placeholder"), ast.Name) and given["placeholder"].id == "EMPTY_CELL"
                calls.append((f"{path.name}:{node.lineno}", ok))
    assert len(calls) >= 4
    assert all(ok for _, ok in calls), [where for where, ok in calls if not ok]
