"""AppTest helpers shared by the page tests."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest


def run_page(path: Path, query: dict | None = None, open_all: bool = False) -> AppTest:
    """Run one page with these URL parameters; open_all also opens every lazy expander."""
    at = AppTest.from_file(str(path), default_timeout=30)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    return open_expanders(at) if open_all else at


def open_expanders(at: AppTest) -> AppTest:
    """Open every expander that builds its content only when open (app_pages.common.lazy_expander).

    Their state is a widget keyed by the page; the element id ends with that key
    ("$$ID-<hash>-<key>"), so setting it in session state is what a click does.
    """
    keys = [e.proto.id.split("-", 2)[2] for e in at.expander if e.proto.id.startswith("$$ID-")]
    for key in keys:
        at.session_state[key] = True
    return at.run() if keys else at
