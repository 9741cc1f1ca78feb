"""Server hardening, against a real `streamlit run` server:

- a WebSocket to /_stcore/stream from a foreign Origin is refused with 403, the
  same-origin one is accepted;
- a page that raises shows the user the error's type only: no message, traceback or path;
- on every page of the navigation, the browser requests nothing from any host but the
  app's own server (no telemetry, fonts, CDNs or images), even with expanders and tabs open.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from app_pages.registry import PAGES
from bench.servers import StreamlitServer
from tests.conftest import ROOT
from tests.e2e.conftest import open_everything
from tests.reliability.helpers import open_app, settle

pytestmark = pytest.mark.e2e

FOREIGN_ORIGINS = [
    "https://evil.example.invalid",
    "http://evil.example.invalid",
    "http://127.0.0.1.evil.example.invalid",
    "null",  # sandboxed iframes and file:// pages
]


def stream_url(server) -> str:
    return server.url.replace("http://", "ws://") + "/_stcore/stream"


@pytest.mark.parametrize("origin", FOREIGN_ORIGINS)
def test_websocket_from_a_foreign_origin_is_refused(server, origin):
    with pytest.raises(InvalidStatus) as refused:
        with connect(stream_url(server), origin=origin, subprotocols=["streamlit"], proxy=None, open_timeout=10):
            pass
    assert refused.value.response.status_code == 403


def test_websocket_from_the_same_origin_is_accepted(server):
    with connect(stream_url(server), origin=server.url, subprotocols=["streamlit"], proxy=None, open_timeout=10) as ws:
        assert ws.subprotocol == "streamlit"
        assert ws.response.status_code == 101


def test_an_error_shows_no_message_traceback_or_path(browser):
    srv = StreamlitServer("tests/reliability/boom_app.py")
    try:
        srv.wait_healthy()
        context = browser.new_context()
        page = context.new_page()
        open_app(page, srv.url, "")
        shown = page.get_by_test_id("stException")
        expect(shown).to_have_count(1)
        text = shown.inner_text()
        assert text.startswith("RuntimeError")  # the type, so that users can report it
        html = page.content()
        for secret in ("SECRET-DETAIL", "token=abc123", "Traceback", "boom_app", str(ROOT), "hidden.py", 'File "'):
            assert secret not in html, f"{secret!r} shown to the user"
        context.close()
        # The details are in the server's log for the people who run it.
        assert "SECRET-DETAIL" in srv.output()
    finally:
        srv.stop()


def _open_everything(page) -> None:
    """Open every expander and tab, so that nothing loads only on demand unseen."""
    open_everything(page, tabs=True)
    settle(page)


@pytest.mark.parametrize("nav", PAGES, ids=lambda p: p.url_path or "default")
def test_no_request_to_any_other_host(browser, server, nav):
    context = browser.new_context()
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    page.on("websocket", lambda ws: requested.append(ws.url))
    open_app(page, server.url, nav.url_path)
    _open_everything(page)
    page.mouse.move(400, 400)
    context.close()
    own = urlparse(server.url).netloc
    foreign = [
        u for u in requested if urlparse(u).scheme not in ("data", "blob", "about") and urlparse(u).netloc != own
    ]
    assert any(urlparse(u).path.endswith("/_stcore/stream") for u in requested), "the app's own WebSocket was not seen"
    assert foreign == [], f"{nav.url_path or 'default page'} called other hosts: {sorted(set(foreign))}"
