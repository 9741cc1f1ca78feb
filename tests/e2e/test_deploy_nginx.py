"""The scale-out set-up: deploy/run.sh with 2 Streamlit processes behind Debian's nginx.

Loads the dashboard through nginx in Chromium, changes a filter (the WebSocket works
through the proxy), checks that the big JavaScript assets arrive gzip-encoded with a
long cache lifetime, and that downloads work in several browsers at once (each browser
sticks to the process that holds its session). Skipped locally with a printed reason
when nginx is not installed; fails in CI (CI=true), where .ci/run installs it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from bench.servers import Deployment
from bench.servers import http_get as get
from tests.e2e.conftest import wait_for_app

pytestmark = pytest.mark.e2e

NGINX = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)
if NGINX is None and os.environ.get("CI") != "true":
    REASON = "nginx deploy test skipped: nginx is not installed (apt-get install -y nginx)"
    print(f"\n*** {REASON} ***")
    pytest.skip(REASON, allow_module_level=True)

POPULATION = "Serious mental illness"
OTHER = "Low vision (reduced eyesight)"


@pytest.fixture(scope="module")
def deployment():
    if NGINX is None:
        pytest.fail("CI=true but nginx is not installed: .ci/run must apt-get install nginx")
    deploy = Deployment(2, nginx=NGINX)
    try:
        deploy.wait_healthy(timeout=120)
        yield deploy.url
    finally:
        deploy.stop()


def test_health_checks_pass_through_nginx_and_for_each_process(deployment):
    assert get(f"{deployment}/_stcore/health") == b"ok"
    assert get(f"{deployment}/_backends/0/health") == b"ok"
    assert get(f"{deployment}/_backends/1/health") == b"ok"


def test_dashboard_through_nginx_websocket_filter_and_gzipped_assets(browser, deployment):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60_000)
    responses = []
    page.on("response", lambda response: responses.append(response))
    try:
        # The charts tab: the plotly bundle, the biggest asset, loads only with a chart.
        page.goto(
            f"{deployment}/populations?population={POPULATION.replace(' ', '+')}"
            "&view=Charts%3A+who+leads%2C+how+involved"
        )
        wait_for_app(page)
        expect(page.get_by_test_id("stException")).to_have_count(0)
        expect(page.locator(".js-plotly-plot .main-svg").first).to_be_visible()
        expect(page.get_by_text(f"For {POPULATION}")).to_be_visible()

        # A filter change is a message over the WebSocket and a rerun in the process.
        box = page.locator(".st-key-population input")
        box.click()
        box.fill(OTHER)
        page.get_by_role("option", name=OTHER).first.click()
        page.keyboard.press("Escape")
        wait_for_app(page)
        expect(page.get_by_text("Of the 2 populations shown")).to_be_visible()
        expect(page.get_by_test_id("stException")).to_have_count(0)

        scripts = [r for r in responses if r.url.endswith(".js") and "/static/" in r.url and r.ok]
        big = [r for r in scripts if len(r.body()) > 1_000_000]
        assert any("PlotlyChart" in r.url for r in big), [r.url for r in scripts]
        for response in big:
            headers = response.all_headers()
            assert headers.get("content-encoding") == "gzip", (response.url, headers)
            assert int(headers["content-length"]) < len(response.body()) / 2, response.url
            assert "max-age=31536000" in headers.get("cache-control", ""), (response.url, headers)
    finally:
        context.close()


def test_each_browser_sticks_to_one_process_downloads_work(browser, deployment):
    """A download is served from memory by the process that holds the session, so it
    only works when every request of that browser reaches the same process."""
    contexts = [browser.new_context(accept_downloads=True) for _ in range(3)]
    try:
        routes = set()
        for context in contexts:
            page = context.new_page()
            page.set_default_timeout(60_000)
            page.goto(f"{deployment}/populations?population={POPULATION.replace(' ', '+')}")
            wait_for_app(page)
            with page.expect_download() as info:
                page.locator(".st-key-download_populations button").click()
            body = Path(info.value.path()).read_text(encoding="utf-8")
            assert POPULATION in body
            routes |= {c["value"] for c in context.cookies() if c["name"] == "st_route"}
        assert len(routes) == 3, "each browser gets its own routing cookie"
    finally:
        for context in contexts:
            context.close()
