"""Shared by every test: the one AppTest runner, the real data by default, and the
counters the long sets report at the end of a run.

run_page is a function, not a fixture, because the test files' own small helpers (a
`run(page, query)` per file) call it; import it with `from tests.conftest import run_page`.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]

# Counters that a test adds to as it runs (what it tried, how many); printed once by
# pytest_terminal_summary below, so that no test exists only to print them.
COUNTS: Counter[str] = Counter()


def run_page(
    path: Path | str,
    query: dict | None = None,
    open_all: bool = False,
    data_dir: Path | str | None = None,
) -> AppTest:
    """Run one page script (or dashboard.py) under AppTest and return it.

    query: URL parameters (a list value repeats its key). open_all: also open every lazy
    expander. data_dir: read the data from there (OTPT_DATA_DIR) for this run only; without
    it the environment decides (the real data/, see real_data, unless a test set another).
    """
    at = AppTest.from_file(str(path), default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    previous = os.environ.get("OTPT_DATA_DIR")
    if data_dir is not None:
        os.environ["OTPT_DATA_DIR"] = str(data_dir)
    try:
        at.run()
        return open_expanders(at) if open_all else at
    finally:
        if data_dir is not None:
            if previous is None:
                os.environ.pop("OTPT_DATA_DIR", None)
            else:
                os.environ["OTPT_DATA_DIR"] = previous


def open_expanders(at: AppTest) -> AppTest:
    """Open every expander that builds its content only when open (app_pages.common.lazy_expander).

    Their state is a widget keyed by the page; the element id ends with that key
    ("$$ID-<hash>-<key>"), so setting it in session state is what a click does.
    """
    keys = [e.proto.id.split("-", 2)[2] for e in at.expander if e.proto.id.startswith("$$ID-")]
    for key in keys:
        at.session_state[key] = True
    return at.run() if keys else at


@pytest.fixture(autouse=True)
def real_data(monkeypatch):
    """Every test reads the committed data/ unless it points OTPT_DATA_DIR elsewhere itself."""
    monkeypatch.delenv("OTPT_DATA_DIR", raising=False)


def pytest_terminal_summary(terminalreporter):
    if COUNTS:
        terminalreporter.section("what the long sets tried")
        for label, count in sorted(COUNTS.items()):
            terminalreporter.write_line(f"{label}: {count}")
