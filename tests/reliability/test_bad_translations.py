"""Broken Spanish data (data/es/<table>.csv): every kind of translation fault once, and
every page once with a broken translation of a table it reads, in Spanish.

The English table is still valid, so the page keeps working: it shows that table in
English and says so in one warning that gives the loader's message (the file, line and
column), with no traceback; everything else it draws is still drawn. The Sources page
also leaves a broken translation out of the fact-base ZIP and says so, in either language.
A representative set, not the cross product: the loader rule per fault is cheap and
always runs; the page runs are marked slow like the English bad-data set.
"""

from __future__ import annotations

import pytest

from app_pages.registry import PAGES
from components.i18n import gettext
from components.schema import TABLES
from components.text import md_escape
from components.translation import load_table_in_or_english
from tests.conftest import run_page
from tests.reliability.badfiles import TRANSLATION_CASES, build_translation
from tests.reliability.helpers import DATA, copy_data, fingerprint
from tests.reliability.test_bad_data import no_leak

BY_NAME = {page.name: page for page in PAGES}
ES = gettext("es")
NOTE = ES("Part of this page is shown in English because a translation file has a problem.")
ZIP_NOTE = ES("The ZIP leaves out the Spanish text of {file} because its translation file has a problem.")
# Every fault kind once, on a table whose file has what the fault needs.
FAULT_TABLES = {
    "bad_id": "goals",
    "empty_cell": "interventions",
    "wrong_item_count": "dimensions",
    "not_utf8": "populations",
    "missing_id_column": "onet_ratings",  # keyed by element_id, not its id column
}
# Every page once (the careers page's "Becoming one" tab reads its tables its own way, and the
# decide page its optional ones): (page, extra URL values, table, fault).
PAGE_CASES = [
    ("decide", {}, "goals", "empty_cell"),
    ("decide", {}, "care_roles", "bad_id"),
    ("compare", {}, "dimensions", "wrong_item_count"),
    ("populations", {}, "populations", "not_utf8"),
    ("interventions", {}, "interventions", "missing_id_column"),
    ("careers", {}, "education", "bad_id"),
    ("careers", {"section": ES("Becoming one")}, "school_path", "empty_cell"),
    ("where", {}, "state_figures", "not_utf8"),
    ("work", {}, "onet_ratings", "bad_id"),
    ("sources", {}, "conflicts", "missing_id_column"),
]
# What a page draws: the same with the broken translation as with the real one.
DRAWN = ("dataframe", "table", "plotly_chart", "download_button", "metric", "subheader")


@pytest.fixture(autouse=True)
def data_folder_untouched():
    before = fingerprint(DATA)
    yield
    assert fingerprint(DATA) == before, "something wrote to data/"


def test_every_fault_kind_is_covered_once():
    assert set(FAULT_TABLES) == set(TRANSLATION_CASES)
    assert {case for *_, case in PAGE_CASES} == set(TRANSLATION_CASES)
    assert {name for name, *_ in PAGE_CASES} == set(BY_NAME)


@pytest.mark.parametrize("case", TRANSLATION_CASES)
def test_the_loader_names_the_translation_file_line_and_column(tmp_path, case):
    """The English table comes back whole, with the one message about the translation."""
    table = FAULT_TABLES[case]
    bad = build_translation(table, case)
    data = copy_data(tmp_path)
    bad.write(data)
    frame, error, problem = load_table_in_or_english(table, data, "es")
    assert error is None
    english, _, _ = load_table_in_or_english(table, data, "en")
    assert frame.equals(english)
    expected = f"{bad.label}, line {bad.expect.line}, column '{bad.expect.column}'"
    assert problem.startswith(expected), problem
    assert bad.expect.problem in problem
    assert len(problem) < 1000
    no_leak(problem, tmp_path)


def _drawn(at) -> dict[str, int]:
    return {kind: len(at.get(kind)) for kind in DRAWN}


@pytest.mark.slow
@pytest.mark.parametrize(("page", "query", "table", "case"), PAGE_CASES)
def test_a_page_shows_a_broken_translation_in_english_with_one_note(tmp_path, page, query, table, case):
    bad = build_translation(table, case)
    query = {"lang": "es", **query}
    real = run_page(BY_NAME[page].path, query)  # the committed data/ (its cache is shared)
    assert not real.exception and not real.error
    data = copy_data(tmp_path)
    bad.write(data)
    copy_before = fingerprint(data)
    expected = load_table_in_or_english(table, data, "es")[2]
    assert expected and expected.startswith(f"{bad.label}, line {bad.expect.line}, column '{bad.expect.column}'")

    at = run_page(BY_NAME[page].path, query, data_dir=data)
    assert not at.exception, f"{page}: {at.exception}"
    assert not at.error, f"{page} stopped: {[e.value for e in at.error]}"
    notes = [w.value for w in at.warning if md_escape(bad.label) in w.value]
    assert len(notes) == 1, f"{page}: {notes}"
    assert notes[0].startswith(NOTE) and notes[0].endswith(md_escape(expected)), notes[0]
    no_leak(notes[0], tmp_path)
    # The rest of the page works: it draws what it draws with the real translation.
    assert at.title[0].value == real.title[0].value
    assert _drawn(at) == _drawn(real), page
    assert fingerprint(data) == copy_before, "the app changed the data folder"


@pytest.mark.slow
def test_the_sources_page_leaves_a_broken_translation_out_of_the_zip_and_says_so(tmp_path):
    """Read in English, the Sources page still reads data/es/ for the ZIP."""
    bad = build_translation("goals", "bad_id")
    data = copy_data(tmp_path)
    bad.write(data)
    expected = load_table_in_or_english("goals", data, "es")[2]
    at = run_page(BY_NAME["sources"].path, data_dir=data)
    assert not at.exception and not at.error
    notes = [w.value for w in at.warning if md_escape(bad.label) in w.value]
    assert len(notes) == 1, notes
    assert notes[0].startswith(
        f"The ZIP leaves out the Spanish text of {TABLES['goals'].file} because its translation file has a problem."
    )
    assert notes[0].endswith(md_escape(expected))
    assert at.get("download_button"), "the ZIP is still offered"
    spanish = run_page(BY_NAME["sources"].path, {"lang": "es"}, data_dir=data)
    notes = [w.value for w in spanish.warning if md_escape(bad.label) in w.value]
    assert len(notes) == 1 and notes[0].startswith(ZIP_NOTE.format(file=TABLES["goals"].file)), notes
