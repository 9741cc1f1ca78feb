"""deploy/run.sh as a whole: nginx answers only its SERVER_NAMES and refuses foreign
WebSockets, and a Streamlit process killed under open browser sessions is restarted by
supervisord while nginx sends everyone else to the process that is still up.

Skipped locally with a printed reason when nginx is not installed; fails in CI
(CI=true), where .ci/run installs it.
"""

from __future__ import annotations

import asyncio
import base64
import concurrent.futures
import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from bench.servers import Deployment
from bench.servers import http_get as get
from tests.conftest import ROOT
from tests.e2e.conftest import wait_for_app

pytestmark = pytest.mark.e2e

NGINX = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)
if NGINX is None and os.environ.get("CI") != "true":
    REASON = "deploy tests skipped: nginx is not installed (apt-get install -y nginx)"
    print(f"\n*** {REASON} ***")
    pytest.skip(REASON, allow_module_level=True)

NAME = "dash.test"  # the configured public name; resolves nowhere, sent as the Host header
FOREIGN = "attacker.example"
POPULATION = "Serious mental illness"
OTHER = "Low vision (reduced eyesight)"
THIRD = "Spinal cord injury"
PAGE = f"populations?population={POPULATION.replace(' ', '+')}"


@pytest.fixture(scope="module")
def deployment():
    if NGINX is None:
        pytest.fail("CI=true but nginx is not installed: .ci/run must apt-get install nginx")
    deploy = Deployment(2, nginx=NGINX, env={"SERVER_NAMES": f"{NAME} localhost 127.0.0.1"})
    try:
        deploy.wait_healthy()
        yield deploy
    finally:
        deploy.stop()


# --------------------------------------------------------------------------- host allowlist


def handshake(port: int, host: str, origin: str | None) -> str:
    """A WebSocket upgrade request to /_stcore/stream with the given Host and Origin;
    returns the status line, or "closed" when nginx drops the connection unanswered."""
    key = base64.b64encode(os.urandom(16)).decode()
    lines = [
        "GET /_stcore/stream HTTP/1.1",
        f"Host: {host}",
        "Upgrade: websocket",
        "Connection: Upgrade",
        f"Sec-WebSocket-Key: {key}",
        "Sec-WebSocket-Version: 13",
        "Sec-WebSocket-Protocol: streamlit",
    ]
    if origin is not None:
        lines.append(f"Origin: {origin}")
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        data = b""
        while b"\r\n" not in data:
            chunk = sock.recv(4096)
            if not chunk:
                return "closed"
            data += chunk
    return data.split(b"\r\n", 1)[0].decode()


def http_status(port: int, host: str, path: str = "/") -> int | str:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers={"Host": host})
        return connection.getresponse().status
    except (http.client.RemoteDisconnected, ConnectionResetError):
        return "closed"
    finally:
        connection.close()


def test_deploy_answers_only_configured_host_names(deployment):
    port = deployment.port
    assert http_status(port, f"{NAME}:{port}") == 200
    assert http_status(port, NAME) == 200
    assert http_status(port, f"localhost:{port}", "/_stcore/health") == 200
    # Another name pointed at this address (DNS rebinding), or the bare address of a
    # name that is not configured: no answer at all.
    assert http_status(port, f"{FOREIGN}:{port}") == "closed"
    assert http_status(port, f"{FOREIGN}:{port}", "/_stcore/health") == "closed"


def test_deploy_refuses_websocket_with_foreign_host_and_origin(deployment):
    port = deployment.port
    own = f"{NAME}:{port}"
    assert handshake(port, own, f"http://{own}").split()[1] == "101"
    # A page on the attacker's name, rebound to this address: Host and Origin agree.
    assert handshake(port, f"{FOREIGN}:{port}", f"http://{FOREIGN}:{port}") == "closed"
    # The configured Host, but a page of another origin (another site, or any local
    # web app on http://localhost:<port>, which Streamlit itself would accept).
    assert handshake(port, own, f"http://{FOREIGN}").split()[1] == "403"
    assert handshake(port, own, "http://localhost:3000").split()[1] == "403"
    assert handshake(port, f"localhost:{port}", "http://localhost:3000").split()[1] == "403"
    assert handshake(port, own, "null").split()[1] == "403"
    assert handshake(port, own, None).split()[1] == "403"


@pytest.mark.parametrize("names", ["ok.example evil.example;return", "a{b}", "   "])
def test_deploy_refuses_server_names_that_could_change_the_config(names):
    """Names are written into nginx's configuration: anything but a host name stops
    run.sh before it starts a process."""
    done = subprocess.run(
        ["bash", str(ROOT / "deploy" / "run.sh")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "SERVER_NAMES": names, "PYTHON": sys.executable, "NGINX": NGINX or "nginx"},
        timeout=60,
    )
    assert done.returncode == 2, done.stderr
    assert "SERVER_NAMES" in done.stderr


def test_deploy_configured_name_runs_a_session_over_the_websocket(deployment):
    """A whole session through the proxy under a configured name: the script runs and a
    filter change reruns it (bench/protocol_load.py speaks Streamlit's protocol)."""
    sys.path.insert(0, str(ROOT / "bench"))
    import protocol_load

    async def session():
        # The client sends Host 127.0.0.1:<port> (a configured name) and the same Origin.
        return await protocol_load.verify(deployment.url, "populations", "population", [POPULATION], [OTHER])

    # In a thread of its own: Playwright's sync API may already run an event loop here.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        result = pool.submit(asyncio.run, session()).result()
    assert result["content_changed"]


# --------------------------------------------------------------------------- a dead process


def worker_of(context, deployment) -> int:
    """Which process this browser's cookie routes to (nginx's loopback-only route check)."""
    response = context.request.get(f"{deployment.url}/_backends/route")
    assert response.ok, response.status
    upstream = response.headers["x-upstream"].split(",")[-1].strip()
    return int(upstream.rsplit(":", 1)[1]) - deployment.base_port


def add_population(page, name: str) -> None:
    box = page.locator(".st-key-population input")
    box.click()
    box.fill(name)
    page.get_by_role("option", name=name).first.click()
    page.keyboard.press("Escape")
    wait_for_app(page)


def shows_both(page) -> None:
    expect(page.get_by_text("Of the 2 populations shown")).to_be_visible(timeout=60_000)
    expect(page.get_by_test_id("stException")).to_have_count(0)


def new_visitor(browser, deployment) -> int:
    """A fresh browser loads the page through nginx; returns the process it was routed to."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.set_default_timeout(60_000)
        response = page.goto(f"{deployment.url}/{PAGE}")
        assert response is not None and response.ok, response and response.status
        wait_for_app(page)
        expect(page.get_by_text(f"For {POPULATION}")).to_be_visible()
        expect(page.get_by_test_id("stException")).to_have_count(0)
        return worker_of(context, deployment)
    finally:
        context.close()


def test_deploy_survives_a_killed_worker(browser, deployment):
    # Open sessions until each of the two processes holds at least two.
    sessions: dict[int, list] = {0: [], 1: []}
    contexts = []
    try:
        for _ in range(16):
            if all(len(v) >= 2 for v in sessions.values()):
                break
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            contexts.append(context)
            page = context.new_page()
            page.set_default_timeout(60_000)
            page.goto(f"{deployment.url}/{PAGE}")
            wait_for_app(page)
            worker = worker_of(context, deployment)
            if len(sessions[worker]) >= 2:
                continue
            add_population(page, OTHER)  # the view is now in the URL: two populations
            shows_both(page)
            sessions[worker].append(page)
        assert all(len(v) >= 2 for v in sessions.values()), {k: len(v) for k, v in sessions.items()}

        victim, survivor = 0, 1
        old_pid = deployment.worker_pid(victim)
        assert old_pid is not None
        os.kill(old_pid, signal.SIGKILL)
        killed_at = time.monotonic()
        # Watch its health from the moment it died (a thread, so the browser checks
        # below do not delay the reading).
        back = threading.Event()
        back_at: list[float] = []

        def watch() -> None:
            while not back.is_set() and time.monotonic() < killed_at + 90:
                if deployment.worker_pid(victim) not in (None, old_pid) and deployment.backend_healthy(victim):
                    back_at.append(time.monotonic())
                    back.set()
                time.sleep(0.1)  # polling a health endpoint

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()

        # New visitors are served while the process is down or starting again.
        routed = [new_visitor(browser, deployment) for _ in range(3)]
        assert all(worker in (0, 1) for worker in routed)

        # Sessions on the other process never noticed: still connected, still working.
        for page in sessions[survivor]:
            expect(page.locator("[data-testid='stApp']")).to_have_attribute("data-test-connection-state", "CONNECTED")
            shows_both(page)
            add_population(page, THIRD)
            expect(page.get_by_text("Of the 3 populations shown")).to_be_visible(timeout=60_000)
            expect(page.get_by_test_id("stException")).to_have_count(0)

        # Sessions on the dead process reconnect to a fresh session (on whichever process
        # is up), which rebuilds their view from the URL: both populations again.
        for page in sessions[victim]:
            wait_for_app(page)
            shows_both(page)
            assert "population=" in page.url and "Low+vision" in page.url.replace("%20", "+")
            # And it works: a change reruns the script.
            add_population(page, THIRD)
            expect(page.get_by_text("Of the 3 populations shown")).to_be_visible(timeout=60_000)
            expect(page.get_by_test_id("stException")).to_have_count(0)

        # supervisord started it again: a new process, healthy on its own port.
        watcher.join(95)
        assert back_at, f"worker {victim} not back within 90 s:\n{deployment.output()}"
        new_pid = deployment.worker_pid(victim)
        assert new_pid not in (None, old_pid)
        print(
            f"\nworker {victim} healthy again {back_at[0] - killed_at:.1f} s after SIGKILL (pid {old_pid} -> {new_pid})"
        )

        # nginx takes it back in: fresh browsers are routed to it again once its
        # fail_timeout has passed, and are served there.
        deadline = time.monotonic() + 90
        while new_visitor(browser, deployment) != victim:
            assert time.monotonic() < deadline, "nginx never routed a new browser to the restarted process"
        assert get(f"{deployment.url}/_backends/{victim}/health") == b"ok"
    finally:
        for context in contexts:
            context.close()
