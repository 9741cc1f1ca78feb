"""Browser tests: a real `streamlit run dashboard.py` server and Debian's Chromium.

The server is started the way the README's `make run` starts it (same entry point
and config), on a free loopback port, by bench/servers.py (shared with the benchmark).
Chromium comes from Debian's package, never from `playwright install`; set CHROMIUM_PATH
to use another binary. Without a Chromium the tests are skipped locally with a printed
reason, but fail in CI (CI=true), where .ci/run installs it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from bench.servers import StreamlitServer

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/lib/chromium/chromium", "/usr/bin/chromium-browser")


def chromium_path() -> str | None:
    configured = os.environ.get("CHROMIUM_PATH")
    if configured:
        return configured if Path(configured).exists() else None
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    return shutil.which("chromium")


def pytest_collection_modifyitems(config, items):
    # Browser tests are slow too: `-m "not slow"` leaves them out with the long reliability sets.
    for item in items:
        if "e2e" in item.keywords:
            item.add_marker(pytest.mark.slow)
    if chromium_path() or os.environ.get("CI") == "true":
        return
    reason = (
        "browser tests skipped: no Chromium found (install Debian's package with "
        "'apt-get install -y chromium' or set CHROMIUM_PATH)"
    )
    print(f"\n*** {reason} ***")
    for item in items:
        if "e2e" in item.keywords:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def server():
    srv = StreamlitServer()
    try:
        srv.wait_healthy()
        yield srv
    finally:
        srv.stop()


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        pytest.fail("CI=true but no Chromium found: .ci/run must install Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


def wait_for_app(page) -> None:
    """Wait until Streamlit has connected, finished its script run and drawn everything.

    The same signals as Streamlit's own e2e suite: the app's connection and script
    state attributes, and no skeleton placeholders left.
    """
    from playwright.sync_api import expect

    page.wait_for_selector("[data-testid='stApp'][data-test-connection-state='CONNECTED']")
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']")
    # Generous: under load (CI, benchmarks running beside) the first draw can take a while.
    # On a fresh load the app says 'notRunning' before the server has reported its first
    # run; the app-wide skeleton stays until that run draws.
    expect(page.get_by_test_id("stAppSkeleton")).to_have_count(0, timeout=30_000)
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=30_000)
    # Elements of the previous run fade (stale) until the new run replaces them.
    expect(page.locator("[data-stale='true']")).to_have_count(0, timeout=30_000)


def open_page(page, server, path: str) -> None:
    page.goto(f"{server.url}/{path}")
    wait_for_app(page)


def open_everything(page, tabs: bool = False, visit=None) -> None:
    """Open every expander (and, with tabs=True, visit every tab), waiting for each rerun.

    Most expanders build their table only when opened (app_pages.common.lazy_expander),
    so each click reruns the page; the next one is looked up afresh after that run.
    visit: called with no argument once everything in view is open (after the page's
    expanders, then after each tab's): only the open tab is built, so what a test reads
    of a tab must be read while it is open.
    """
    from playwright.sync_api import expect

    every = page.locator("[data-testid='stExpander'] details")
    for _ in range(100):  # a bound, in case a page ever re-closed its expanders
        states = [d.get_attribute("open") is not None for d in every.all()]
        if all(states):
            break
        details = every.nth(states.index(False))
        details.locator("summary").click()
        # Every expander of the app holds a table: once it is drawn, the rerun is done.
        expect(details.get_by_test_id("stDataFrame").first).to_be_attached(timeout=60_000)
        wait_for_app(page)
    if visit is not None:
        visit()
    if tabs:
        for index in range(page.get_by_role("tab").count()):
            tab = page.get_by_role("tab").nth(index)
            tab.click()
            expect(tab).to_have_attribute("aria-selected", "true")
            # The open tab's content is built by the rerun the click starts.
            panel = tab.get_attribute("aria-controls")
            panel = page.locator(f"[id='{panel}']") if panel else page.get_by_role("tabpanel")
            expect(panel.locator("[data-testid='stElementContainer']").first).to_be_attached(timeout=60_000)
            wait_for_app(page)
            open_everything(page, visit=visit)
