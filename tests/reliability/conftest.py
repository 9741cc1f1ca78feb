"""Fixtures for the reliability tests: which tables each page reads (found by running it)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from tests.reliability.helpers import copy_data, nav_pages, refs_closure


def run_page(file: Path, data_dir: Path | str | None = None, query: dict | None = None):
    """Run one page script under AppTest, reading data from data_dir (default: data/)."""
    from streamlit.testing.v1 import AppTest

    previous = os.environ.get("OTPT_DATA_DIR")
    if data_dir is not None:
        os.environ["OTPT_DATA_DIR"] = str(data_dir)
    else:
        os.environ.pop("OTPT_DATA_DIR", None)
    try:
        at = AppTest.from_file(str(file), default_timeout=60)
        for key, value in (query or {}).items():
            at.query_params[key] = value
        return at.run()
    finally:
        if previous is None:
            os.environ.pop("OTPT_DATA_DIR", None)
        else:
            os.environ["OTPT_DATA_DIR"] = previous


@pytest.fixture(scope="session")
def page_needs() -> dict[str, set[str]]:
    """Page name -> every table it reads: the names it passes to tables(), seen by running
    the page on a fresh copy of data/ (so nothing comes from the cache), plus what their
    "refs" columns make the loader read first."""
    import streamlit as st

    import app_pages.common as common

    needs: dict[str, set[str]] = {}
    original = common.load_table_or_error
    seen: list[str] = []

    def spy(name, directory):
        seen.append(name)
        return original(name, directory)

    common.load_table_or_error = spy
    try:
        with tempfile.TemporaryDirectory() as tmp:
            data = copy_data(Path(tmp))
            for page in nav_pages():
                seen.clear()
                st.cache_data.clear()
                at = run_page(page.file, data)
                assert not at.exception, f"{page.name}: {at.exception}"
                needs[page.name] = refs_closure(set(seen))
    finally:
        common.load_table_or_error = original
        st.cache_data.clear()
    return needs
