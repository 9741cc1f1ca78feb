"""Fixtures for the reliability tests: which tables each page reads (found by running it)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from app_pages.registry import PAGES
from tests.conftest import run_page
from tests.reliability.helpers import copy_data, refs_closure

# Page name -> the tables it reads only through optional_tables() (and what their "refs"
# columns read that the page does not also need): filled by page_needs.
PAGE_OPTIONAL: dict[str, set[str]] = {}


@pytest.fixture(scope="session")
def page_needs() -> dict[str, set[str]]:
    """Page name -> every table it reads: the names it passes to tables() or optional_tables(),
    seen by running the page on a fresh copy of data/ (so nothing comes from the cache), plus
    what their "refs" columns make the loader read first."""
    import streamlit as st

    import app_pages.common as common

    needs: dict[str, set[str]] = {}
    original = common.load_table_in_or_english
    original_optional = common.optional_tables
    original_quiet = common.quiet_table
    seen: list[str] = []
    optional_seen: list[str] = []
    in_optional = [False]

    def spy(name, directory, lang):
        (optional_seen if in_optional[0] else seen).append(name)
        return original(name, directory, lang)

    def optional_spy(*names, **options):
        in_optional[0] = True
        try:
            return original_optional(*names, **options)
        finally:
            in_optional[0] = False

    common.load_table_in_or_english = spy

    def quiet_spy(*args, **options):  # a table read without a message: its page warns through optional_tables
        in_optional[0] = True
        try:
            return original_quiet(*args, **options)
        finally:
            in_optional[0] = False

    common.optional_tables = optional_spy  # pages import it afresh on every run
    common.quiet_table = quiet_spy
    try:
        with tempfile.TemporaryDirectory() as tmp:
            data = copy_data(Path(tmp))
            for page in PAGES:
                seen.clear()
                optional_seen.clear()
                st.cache_data.clear()
                at = run_page(page.path, data_dir=data)
                assert not at.exception, f"{page.name}: {at.exception}"
                required = refs_closure(set(seen))
                needs[page.name] = required | refs_closure(set(optional_seen))
                PAGE_OPTIONAL[page.name] = refs_closure(set(optional_seen)) - required
    finally:
        common.load_table_in_or_english = original
        common.optional_tables = original_optional
        common.quiet_table = original_quiet
        st.cache_data.clear()
    return needs


@pytest.fixture(scope="session")
def page_optional(page_needs) -> dict[str, set[str]]:
    """Page name -> tables it shows a part from when they are valid and warns about otherwise."""
    return PAGE_OPTIONAL
