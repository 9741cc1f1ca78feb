"""Hostile URLs in the browser on every page of the navigation.

Every bound parameter and a set of unknown ones, each repeated with every script-like,
odd and percent-encoded value, then a 10 kB value: the page loads without an error, no
dialog fires, no injected code runs (the payloads set window.__xss), no injected element
exists, and none of the payloads appears anywhere in the page's HTML.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from app_pages.registry import PAGES
from tests.conftest import COUNTS
from tests.reliability.helpers import bound_widget_keys, open_app
from tests.reliability.hostile import LONG, MARKERS, ODD, PERCENT_ENCODED, SCRIPT_LIKE, query_string

pytestmark = pytest.mark.e2e

INJECTED = (
    "img[src='x'], iframe[srcdoc], svg[onload], [onerror], [onload], a[href^='javascript:'], a[href*='evil.example']"
)


def load_and_check(browser, server, nav, query: str, values: int) -> None:
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_app(page, server.url, f"{nav.url_path}?{query}")
    COUNTS["hostile URLs opened in Chromium"] += 1
    COUNTS["hostile values carried by those URLs"] += values
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.locator("[data-testid='stAlertContentError']")).to_have_count(0)
    expect(page.locator("h1")).to_have_count(1)
    assert dialogs == []
    for frame in page.frames:
        assert frame.evaluate("() => window.__xss") is None, f"injected code ran in {frame.url}"
    assert page.locator(INJECTED).count() == 0, page.locator(INJECTED).first.evaluate("e => e.outerHTML")
    html = page.content()
    for marker in MARKERS:
        assert marker not in html, f"{marker!r} reached the page's HTML"
    assert LONG[:100] not in html
    context.close()


def keys_for(nav) -> list[str]:
    return list(bound_widget_keys(nav)) or ["unknown_key"]


@pytest.mark.parametrize("nav", PAGES, ids=lambda p: p.url_path or "default")
def test_script_like_odd_and_percent_encoded_values_repeated(browser, server, nav):
    values = [*SCRIPT_LIKE, *ODD, *PERCENT_ENCODED]
    keys = keys_for(nav)
    load_and_check(browser, server, nav, query_string(keys, values), len(keys) * len(values) + 7)


@pytest.mark.parametrize("nav", PAGES, ids=lambda p: p.url_path or "default")
def test_a_10_kb_value(browser, server, nav):
    key = keys_for(nav)[0]
    load_and_check(browser, server, nav, query_string([key], [LONG]), 1 + 7)
