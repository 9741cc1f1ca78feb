"""Sessions are isolated, and a page survives a server restart.

- Two browser contexts (two people) use the same page with different filters at the same
  time, changing them in turn: each always sees only its own choices.
- The server is stopped and started again on the same port under an open page: the page
  reconnects by itself and shows the same view, and reloading its URL gives it again.
Every wait is on Streamlit's own state attributes (connection and script state), never a
fixed sleep.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest

from bench.servers import StreamlitServer, free_port
from tests.reliability.helpers import open_app, settle

pytestmark = pytest.mark.e2e

SMI = "Serious mental illness"
LOW_VISION = "Low vision (reduced eyesight)"
SPINAL = "Spinal cord injury"
STATE = "[data-testid='stApp']"


def selected(page, key: str = "population") -> list[str]:
    """The options shown as chosen in a multiselect (its 'Remove <option>' buttons)."""
    labels = page.locator(f".st-key-{key}").get_by_role("button", name=re.compile("^Remove ")).all()
    return sorted(b.get_attribute("aria-label").removeprefix("Remove ") for b in labels)


def shown_populations(page) -> list[str]:
    """The populations on the page's cards: each card starts with its name in bold."""
    bold = page.get_by_test_id("stMarkdown").locator("strong").all_inner_texts()
    return sorted(text for text in bold if text in (SMI, LOW_VISION, SPINAL))


def in_url(page, key: str = "population") -> list[str]:
    return sorted(parse_qs(urlparse(page.url).query).get(key, []))


def choose(page, option: str, key: str = "population") -> None:
    box = page.locator(f".st-key-{key} input")
    box.click()
    box.fill(option)
    page.get_by_role("option", name=option).first.click()
    page.keyboard.press("Escape")
    settle(page)


def assert_view(page, expected: list[str]) -> None:
    from playwright.sync_api import expect

    expected = sorted(expected)
    # The cards are drawn after the run ends: wait for each card's name, and for the
    # others to be gone, before comparing.
    for name in (SMI, LOW_VISION, SPINAL):
        card = page.get_by_test_id("stMarkdown").locator("strong").get_by_text(name, exact=True)
        expect(card).to_have_count(1 if name in expected else 0)
    assert selected(page) == expected
    assert in_url(page) == expected
    assert shown_populations(page) == expected


def test_two_sessions_at_once_never_see_each_others_filters(browser, server):
    one, two = browser.new_context(), browser.new_context()
    try:
        a, b = one.new_page(), two.new_page()
        open_app(a, server.url, f"populations?population={SMI}")
        open_app(b, server.url, f"populations?population={LOW_VISION}")
        assert_view(a, [SMI])
        assert_view(b, [LOW_VISION])

        choose(a, SPINAL)  # A changes its filter while B's page is open
        assert_view(a, [SMI, SPINAL])
        b.reload()
        settle(b)
        assert_view(b, [LOW_VISION])  # B's rerun is not affected by A's choice

        choose(b, SMI)  # B picks A's first choice; A must not gain or lose anything
        assert_view(b, [LOW_VISION, SMI])
        assert_view(a, [SMI, SPINAL])  # nothing of B's was pushed into A's open page
        choose(a, "Adults", key="age")  # a rerun of A's own session: both of its rows are for adults
        assert_view(a, [SMI, SPINAL])
        assert in_url(a, "age") == ["Adults"] and in_url(b, "age") == []
    finally:
        one.close()
        two.close()


def test_page_reconnects_after_a_server_restart_and_shows_the_same_view(browser):
    port = free_port()
    first = StreamlitServer(port=port)
    second = None
    context = browser.new_context()
    try:
        first.wait_healthy()
        page = context.new_page()
        open_app(page, first.url, f"populations?population={SMI}")
        choose(page, LOW_VISION)
        assert_view(page, [LOW_VISION, SMI])
        url = page.url

        first.stop()
        page.wait_for_selector(f"{STATE}:not([data-test-connection-state='CONNECTED'])", timeout=60_000)

        second = StreamlitServer(port=port)  # the restarted server takes the same port
        assert second.port == port
        second.wait_healthy()
        settle(page)  # reconnected by itself: CONNECTED, script run finished
        assert page.url == url
        assert_view(page, [LOW_VISION, SMI])

        page.reload()  # and the URL alone gives the same view from the new server
        settle(page)
        assert_view(page, [LOW_VISION, SMI])
    finally:
        context.close()
        first.stop()
        if second is not None:
            second.stop()
