"""Every kind of broken data file, for every table in TABLES.

For each (table, case) the loader raises one DataError naming the file, line and column;
every page that needs the table shows exactly that message (and no chart, table or
download built from bad data); pages that don't need it keep working; and nothing is
ever written to data/. A UTF-8 BOM is the one "bad" case that must be accepted, and read
exactly like the file without it.
"""

from __future__ import annotations

import os

import pandas as pd
import pytest

from app_pages.registry import PAGES
from components.loader import DataError, load_table
from components.schema import TABLES
from components.text import md_escape
from tests.conftest import run_page
from tests.reliability.badfiles import applicable, build
from tests.reliability.helpers import DATA, ROOT, copy_data, fingerprint, refs_closure

# Long: skipped by the fast layers (-m "not slow and not e2e"), run by `make test`.
pytestmark = pytest.mark.slow

CASES = applicable()
# The page side, for every table, with the kinds of fault that reach a page differently: a
# file-level fault (missing), a cell-level one naming line and column (a wrong type), the one
# accepted case (a BOM, read as the real file) and a broken reference where the table has
# one. Which fault it is changes only the loader's message, checked for every case above and
# shown by the pages as it is; running every page for all 14 kinds (373 cases) took about
# ten of CI's minutes for no path the cases below leave untried.
PAGE_CASES = [(t, c) for t, c in CASES if c in ("missing_file", "wrong_type", "utf8_bom", "unresolved_source_id")]
PAGE_MESSAGE = "This page can't be shown because one of its data files has a problem."


@pytest.fixture(autouse=True)
def data_folder_untouched():
    before = fingerprint(DATA)
    yield
    assert fingerprint(DATA) == before, "something wrote to data/"


def broken_copy(tmp_path, table: str, case: str):
    bad = build(table, case)
    data = copy_data(tmp_path)
    bad.write(data)
    return bad, data


def no_leak(message: str, tmp_path) -> None:
    """A message for users: no traceback, no absolute path of ours or of the test's."""
    assert "Traceback" not in message
    for path in (str(tmp_path), str(ROOT), os.path.expanduser("~")):
        assert path not in message.replace("\\", ""), f"absolute path {path} in {message!r}"


@pytest.mark.parametrize(("table", "case"), CASES)
def test_loader_names_file_line_and_column(tmp_path, table, case):
    bad, data = broken_copy(tmp_path, table, case)
    if bad.expect is None:  # the BOM: accepted, and read exactly like the real file
        frame = load_table(table, data)
        real = load_table(table, DATA)
        assert list(frame.columns) == list(TABLES[table].column_names)
        pd.testing.assert_frame_equal(frame, real)
        return
    with pytest.raises(DataError) as info:
        load_table(table, data)
    err = info.value
    assert (err.file, err.line, err.column) == (f"data/{TABLES[table].file}", bad.expect.line, bad.expect.column)
    assert bad.expect.problem in err.problem
    message = str(err)
    assert message.startswith(f"data/{TABLES[table].file}")
    if err.line is not None:
        assert f"line {err.line}" in message
    if err.column is not None:
        assert f"column '{err.column}'" in message
    assert len(message) < 1000, "one clear message, not a wall of text"
    no_leak(message, tmp_path)
    # Tables that reference this one (their source ids, say) stop with the same message.
    for other in TABLES:
        if other != table and table in refs_closure({other}):
            with pytest.raises(DataError) as again:
                load_table(other, data)
            assert str(again.value) == message


@pytest.mark.parametrize(("table", "case"), PAGE_CASES)
def test_pages_that_need_the_table_show_the_one_message(tmp_path, page_needs, page_optional, table, case):
    bad, data = broken_copy(tmp_path, table, case)
    copy_before = fingerprint(data)
    needing = [p for p in PAGES if table in page_needs[p.name]]
    if not needing:
        pytest.skip(f"no page reads {table} yet")
    expected = None if bad.expect is None else str(_loader_error(table, data))
    for page in needing:
        at = run_page(page.path, data_dir=data)
        assert not at.exception, f"{page.name}: {at.exception}"
        if table in page_optional[page.name]:
            # A table that adds a part to the page: the page still works, and one warning
            # gives the loader's message.
            assert not at.error, f"{page.name}: {[e.value for e in at.error]}"
            assert at.title, page.name
            warned = [w.value for w in at.warning if w.value.startswith("Part of this page can't be shown")]
            if expected is None:
                assert warned == [], f"{page.name}: {warned}"
            else:
                assert len(warned) == 1 and warned[0].endswith(md_escape(expected)), f"{page.name}: {warned}"
                no_leak(warned[0], tmp_path)
            continue
        if expected is None:  # BOM: the page works as with the real file
            assert not at.error, f"{page.name}: {[e.value for e in at.error]}"
            assert at.title, page.name
            continue
        assert len(at.error) == 1, f"{page.name}: expected one error, got {[e.value for e in at.error]}"
        shown = at.error[0].value
        assert shown.startswith(PAGE_MESSAGE)
        assert shown.endswith(md_escape(expected)), f"{page.name} shows {shown!r}, the loader says {expected!r}"
        no_leak(shown, tmp_path)
        # Nothing built from the bad data: no chart, no table, no download, no metric.
        for kind in ("plotly_chart", "dataframe", "download_button", "metric"):
            assert not at.get(kind), f"{page.name} still shows a {kind} from a broken {table}"
    assert fingerprint(data) == copy_before, "the app changed the (broken) data folder"


def _loader_error(table, data) -> DataError:
    with pytest.raises(DataError) as info:
        load_table(table, data)
    return info.value


# The pages that don't need a table never open it, so whichever way it is broken they work
# the same: checked with it missing (a page that opened it would show the error; garbage
# bytes instead gave the same outcome on every run and cost 27 more runs of every page).
@pytest.mark.parametrize("case", ["missing_file"])
@pytest.mark.parametrize("table", list(TABLES))
def test_other_pages_keep_working(tmp_path, page_needs, table, case):
    _, data = broken_copy(tmp_path, table, case)
    others = [p for p in PAGES if table not in page_needs[p.name]]
    for page in others:
        at = run_page(page.path, data_dir=data)
        assert not at.exception, f"{page.name}: {at.exception}"
        assert not at.error, f"{page.name} does not need {table} but shows {[e.value for e in at.error]}"
        assert at.title, f"{page.name} shows nothing"


def test_every_table_is_read_by_some_page(page_needs):
    """A table no page reads would be checked through the loader only: the page tests above
    would never show how its bad data reaches a visitor."""
    unread = set(TABLES) - set().union(*page_needs.values())
    assert not unread, f"tables no page reads: {sorted(unread)}"


@pytest.mark.parametrize("table", list(TABLES)[:1] + list(TABLES)[-1:])
def test_a_huge_file_is_refused_without_reading_it_all(tmp_path, table):
    """The 50 MB file is refused having read at most the limit, not all 50 MB."""
    import tracemalloc

    from components.loader import MAX_FILE_BYTES

    _, data = broken_copy(tmp_path, table, "file_of_50_mb")
    tracemalloc.start()
    try:
        with pytest.raises(DataError, match="the limit is"):
            load_table(table, data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2 * MAX_FILE_BYTES, f"peak {peak:,} bytes while refusing a 50 MB file"
