"""The dashboard's speed and memory as ratios to the smallest possible Streamlit app.

    make bench                 # or: .venv/bin/python bench/bench.py [--quick]

Measures the dashboard (dashboard.py) and the baseline (bench/baseline_app.py) in the
same run, on loopback servers, in headless Debian Chromium through Playwright, then
through nginx with 2 processes (deploy/run.sh). Prints a table and writes
bench/results/latest.json. See bench/README.md for what each figure means and the
latest figures.

Timing in the browser: bench/instrument.js records Streamlit's run state and DOM
changes with performance.now(); bench/done.js decides when a page is done (run state
idle, every plotly chart drawn). A timed interaction starts at the pointerdown of the
click that commits it, so Playwright's own overhead is not counted. The concurrency
figure is measured a second time without browsers (bench/protocol_load.py), so that
the server's share is known apart from that of 20 Chromium tabs on the same cores.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote_plus

import protocol_load  # bench/protocol_load.py (this script's directory is on sys.path)
import proxy_load  # bench/proxy_load.py: the protocol load through deploy/run.sh's nginx
import psutil
import servers  # bench/servers.py: the Streamlit server and deploy/run.sh, shared with tests/e2e

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
INSTRUMENT = (BENCH / "instrument.js").read_text()
DONE = (BENCH / "done.js").read_text()
VIEWPORT = {"width": 1280, "height": 900}
# Sessions whose browser has gone are kept this many seconds for a reconnect (Streamlit's
# default is 120). Lowered for both apps alike so that "after they close" is measurable.
SESSION_TTL = 2
# Seconds a simulated person pauses before each filter change (uniform, seeded).
THINK_S = (1.0, 3.0)
# The targets of the current work: every view at or under the baseline app, memory a crowd
# leaves after it has gone under 5 MB, p95 under load at most 3x one session's median.
TARGETS = {
    "first_render": 1.0,
    "rerun_filter": 1.0,
    "data_ms": 150,
    "session_mb": 2.0,
    "kept_mb": 5.0,
    "concurrency_p95_x": 3.0,
}


# --------------------------------------------------------------------------- helpers


def median(values):
    return statistics.median(values) if values else None


def p95(values):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered) + 0.5) - 1))]


def chromium_path() -> str:
    for candidate in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/lib/chromium/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    found = shutil.which("chromium")
    if not found:
        raise SystemExit("no Chromium: apt-get install -y chromium (or set CHROMIUM_PATH)")
    return found


class Server(servers.StreamlitServer):
    """One `streamlit run` process on loopback, with the project's config; closed sessions
    are dropped after SESSION_TTL seconds."""

    def __init__(self, script: str, **more):
        """more: StreamlitServer's other options (env, launcher), e.g. for bench/element_cost.py."""
        super().__init__(
            script,
            options=["--server.disconnectedSessionTTL", str(SESSION_TTL)],
            log_prefix="bench-streamlit-",
            **more,
        )
        self.ps = psutil.Process(self.process.pid)

    def wait_healthy(self) -> float:
        """Seconds from the start of the process to a healthy answer (polled every 10 ms)."""
        return super().wait_healthy(timeout=60, interval=0.01)

    def tail(self, chars: int = 4000) -> str:
        return self.output()[-chars:]


def cpu_ticks() -> tuple[int, int]:
    """(steal, total) jiffies of all CPUs since boot, from /proc/stat; (0, 0) where there is none."""
    try:
        fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return 0, 0
    return (fields[7] if len(fields) > 7 else 0), sum(fields[:8])


class LoadMonitor(threading.Thread):
    """CPU used by processes outside this benchmark's own process tree, sampled each second,
    and the share of CPU time the hypervisor gave to other guests (steal): on a virtual
    machine that is load no process list shows, and it slowed whole runs that looked quiet."""

    def __init__(self):
        super().__init__(daemon=True)
        self.stop_event = threading.Event()
        self.samples: list[float] = []  # cores busy with other work
        self.top: dict[str, float] = {}
        self.ticks_at_start = cpu_ticks()

    def ours(self) -> set[int]:
        me = psutil.Process()
        return {me.pid, *(p.pid for p in me.children(recursive=True))}

    def run(self) -> None:
        last: dict[int, tuple[float, str]] = {}
        last_time = time.monotonic()
        while not self.stop_event.wait(1.0):
            now = time.monotonic()
            ours = self.ours()
            current: dict[int, tuple[float, str]] = {}
            busy = 0.0
            for proc in psutil.process_iter(["pid", "name", "cpu_times"]):
                if proc.info["pid"] in ours or proc.info["cpu_times"] is None:
                    continue
                used = proc.info["cpu_times"].user + proc.info["cpu_times"].system
                current[proc.info["pid"]] = (used, proc.info["name"])
                if proc.info["pid"] in last:
                    delta = max(0.0, used - last[proc.info["pid"]][0])
                    busy += delta
                    self.top[proc.info["name"]] = self.top.get(proc.info["name"], 0.0) + delta
            if last:
                self.samples.append(busy / (now - last_time))
            last, last_time = current, now

    def summary(self) -> dict:
        self.stop_event.set()
        top = sorted(self.top.items(), key=lambda kv: -kv[1])[:5]
        steal, total = (now - start for now, start in zip(cpu_ticks(), self.ticks_at_start))
        return {
            "steal_pct": round(100 * steal / total, 1) if total else None,
            "other_cores_mean": round(statistics.fmean(self.samples), 2) if self.samples else None,
            "other_cores_max": round(max(self.samples), 2) if self.samples else None,
            "other_top_cpu_seconds": {name: round(sec, 1) for name, sec in top},
        }


# --------------------------------------------------------------------------- browser


async def open_session(browser, url: str, charts: int, errors: list | None = None):
    """A fresh browser context (empty cache and cookies) on url, measured to done.

    Returns (context, page, result) where result["done"] is ms since navigation start.
    """
    context = await browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    await context.add_init_script(INSTRUMENT)
    page = await context.new_page()
    page.set_default_timeout(120_000)
    if errors is not None:
        page.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))
    try:
        await page.goto(url, wait_until="commit")
        result = await page.evaluate(DONE, {"since": 0, "charts": charts, "quietMs": 300, "timeoutMs": 180_000})
        if "error" in result:
            raise RuntimeError(f"first render of {url}: {result}")
    except Exception:
        await context.close()
        raise
    return context, page, result


OPEN_BATCH = 4


async def open_sessions(browser, url: str, charts: int, count: int, errors: list) -> list:
    """count sessions, all open at the end; one that fails to render is an error, not a crash.

    They are opened OPEN_BATCH at a time: 20 fresh tabs parsing ~9 MB of JavaScript at
    once on 2 cores took longer than any timeout; the concurrent figure is the filter
    changes, which all sessions then make at the same time.
    """
    opened = []
    for start in range(0, count, OPEN_BATCH):
        opened += await asyncio.gather(
            *[open_session(browser, url, charts, errors) for _ in range(min(OPEN_BATCH, count - start))],
            return_exceptions=True,
        )
    for item in opened:
        if isinstance(item, BaseException):
            errors.append(f"opening a session: {item}"[:400])
    return [item for item in opened if not isinstance(item, BaseException)]


async def transferred_bytes(page) -> int:
    return await page.evaluate(
        "performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
        ".reduce((sum, e) => sum + (e.transferSize || 0), 0)"
    )


BREAKDOWN: dict[str, list[tuple[float, float]]] = {}


async def timed(page, action, charts: int, label: str | None = None) -> float:
    """ms from the pointerdown of action's committing click until the app is done.

    With a label, also records (until the server's last message, from then to done).
    """
    await page.evaluate("window.__bench.arm()")
    await action()
    result = await page.evaluate(DONE, {"since": "t0", "charts": charts, "quietMs": 300, "timeoutMs": 120_000})
    if "error" in result:
        raise RuntimeError(f"rerun: {result}")
    if result["exceptions"]:
        raise RuntimeError("the app shows an exception")
    if label and result.get("lastMessage") is not None:
        BREAKDOWN.setdefault(label, []).append(
            (result["lastMessage"] - result["start"], result["done"] - result["lastMessage"])
        )
    return result["done"] - result["start"]


def filter_actions(page, key: str, options: list[str], count: int, offset: int = 0):
    """count actions alternating: add an option to the multiselect, then remove it again."""
    actions = []
    for i in range(count):
        option = options[(offset + i // 2) % len(options)]
        if i % 2 == 0:

            async def prepare(option=option):
                box = page.locator(f".st-key-{key} input")
                await box.click()
                await box.fill(option)

            async def commit(option=option):
                await page.get_by_role("option", name=option, exact=True).click()

            async def after():
                await page.keyboard.press("Escape")
        else:

            async def prepare():
                pass

            async def commit(option=option):
                await page.locator(f".st-key-{key}").get_by_role("button", name=f"Remove {option}", exact=True).click()

            async def after():
                pass

        actions.append((prepare, commit, after))
    return actions


async def filter_changes(page, key, options, count, charts, offset=0, label=None) -> list[float]:
    latencies = []
    for prepare, commit, after in filter_actions(page, key, options, count, offset):
        await prepare()
        latencies.append(await timed(page, commit, charts, label))
        await after()
    return latencies


async def nav_link(page, title: str):
    links = page.get_by_test_id("stSidebarNavLink")
    for _ in range(2):
        for index in range(await links.count()):
            link = links.nth(index)
            text = (await link.inner_text()).strip()
            if text == title or text.endswith("\n" + title) or text.endswith(title) and len(text) - len(title) < 40:
                return link
        more = page.get_by_test_id("stSidebarNavViewButton")
        if await more.count():
            await more.first.click()
    raise RuntimeError(f"no sidebar link titled {title!r}")


# --------------------------------------------------------------------------- sections


def tab_views(pages: list[dict]) -> list[dict]:
    """A page's other tabs, each as a view of its own: only the open tab is built, so a
    tab that is not open by default has its own first render (e.g. careers?section=Pay)."""
    return [
        {
            "url": f"{page['url']}?{tab['key']}={quote_plus(tab['label'])}",
            "title": f"{page['title']}: {tab['label']}",
            "charts": tab["charts"],
            "tab_of": page["url"],
        }
        for page in pages
        for tab in page.get("tabs") or []
    ]


def discover(script: str) -> dict:
    out = subprocess.run([sys.executable, str(BENCH / "discover.py"), script], cwd=ROOT, capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"discovering the pages of {script} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


DATA_CODE = {
    "dashboard": (
        "import time\n"
        "from components.loader import load_table_or_error\n"
        "from components.schema import TABLES\n"
        "t = time.perf_counter()\n"
        "for name in TABLES:\n"
        "    frame, error = load_table_or_error(name)\n"
        "    assert error is None, error\n"
        "print((time.perf_counter() - t) * 1000)\n"
    ),
    "baseline": (
        "import time\n"
        "from bench.baseline_app import frame\n"
        "t = time.perf_counter()\n"
        "frame()\n"
        "print((time.perf_counter() - t) * 1000)\n"
    ),
}


def data_load(app: str, runs: int) -> dict:
    """Load and validate every table in a fresh interpreter (imports not counted)."""
    values = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", DATA_CODE[app]], cwd=ROOT, capture_output=True, text=True, check=True
        )
        values.append(float(out.stdout.strip().splitlines()[-1]))
    return {"median": median(values), "runs": [round(v, 1) for v in values]}


async def first_renders(browser, app: dict, cold_runs: int, warm_runs: int) -> dict:
    """Per page: cold = first session on a freshly started server; warm = a new browser
    context (empty HTTP cache) on a server that has shown the page before."""
    starts, cold, warm = [], {}, {}
    for page_info in app["views"]:
        charts = page_info["charts"] or 0
        cold_values, warm_values = [], []
        for _ in range(cold_runs):
            server = Server(app["script"])
            try:
                starts.append(server.wait_healthy() * 1000)
                context, _, result = await open_session(browser, f"{server.url}/{page_info['url']}", charts)
                cold_values.append(result["done"])
                await context.close()
                for _ in range(warm_runs if not warm_values else 0):
                    context, _, result = await open_session(browser, f"{server.url}/{page_info['url']}", charts)
                    warm_values.append(result["done"])
                    await context.close()
            finally:
                server.stop()
        cold[page_info["url"]] = median(cold_values)
        warm[page_info["url"]] = median(warm_values)
        print(
            f"  {app['name']:9} /{page_info['url']:<16} first render cold {median(cold_values):7.0f} ms"
            f"  warm {median(warm_values):7.0f} ms",
            flush=True,
        )
    return {
        "start_to_health_ms": {"median": median(starts), "runs": [round(v) for v in starts]},
        "first_render_cold_ms": cold,
        "first_render_warm_ms": warm,
    }


async def interaction(
    browser, app: dict, changes: int, switches: int, downloads: int, sessions: int, changes_each: int
) -> dict:
    """Rerun latencies, download, memory and concurrency on one long-lived server."""
    fpage = app["filter_page"]
    key, options, charts = fpage["filter"]["key"], app["toggles"], fpage["charts"] or 0
    url = f"{{base}}/{fpage['url']}"
    server = Server(app["script"])
    out: dict = {}
    try:
        server.wait_healthy()
        rss = {"idle": server.rss_mb()}
        errors: list[str] = []
        context, page, first = await open_session(browser, url.format(base=server.url), charts, errors)
        out["transferred_bytes_first_load"] = await transferred_bytes(page)
        rss["one_session"] = server.rss_mb()

        label = f"{app['name']} filter"
        latencies = await filter_changes(page, key, options, changes, charts, label=label)
        out["rerun_filter_ms"] = {
            "median": median(latencies),
            "p95": p95(latencies),
            "n": len(latencies),
            "samples": [round(v) for v in latencies],
            "until_last_server_message_median": median([a for a, _ in BREAKDOWN.get(label, [])]),
            "after_last_server_message_median": median([b for _, b in BREAKDOWN.get(label, [])]),
        }
        print(
            f"  {app['name']:9} rerun after filter change: median {median(latencies):.0f} ms,"
            f" p95 {p95(latencies):.0f} ms"
            f" (until the server's last message"
            f" {out['rerun_filter_ms']['until_last_server_message_median'] or 0:.0f} ms,"
            f" then {out['rerun_filter_ms']['after_last_server_message_median'] or 0:.0f} ms in the browser)",
            flush=True,
        )

        # The same changes on each of the filter page's other tabs (only the open tab is
        # built, so each tab has its own rerun cost).
        out["rerun_filter_tabs_ms"] = {}
        for view in [v for v in app["views"] if v.get("tab_of") == fpage["url"]]:
            await page.goto(f"{server.url}/{view['url']}", wait_until="commit")
            await page.evaluate(DONE, {"since": 0, "charts": view["charts"] or 0, "quietMs": 300, "timeoutMs": 90_000})
            tab_ms = await filter_changes(page, key, options, changes, view["charts"] or 0)
            out["rerun_filter_tabs_ms"][view["url"]] = {
                "median": median(tab_ms),
                "p95": p95(tab_ms),
                "n": len(tab_ms),
                "samples": [round(v) for v in tab_ms],
            }
            print(
                f"  {app['name']:9} rerun after filter change on /{view['url']}: median {median(tab_ms):.0f} ms,"
                f" p95 {p95(tab_ms):.0f} ms",
                flush=True,
            )
        await page.goto(url.format(base=server.url), wait_until="commit")
        await page.evaluate(DONE, {"since": 0, "charts": charts, "quietMs": 300, "timeoutMs": 90_000})

        # Page switches, round the navigation: each click renders the next page.
        pages = app["pages"]
        start_index = pages.index(fpage)
        switch_ms, switch_errors = [], []
        for i in range(switches):
            target = pages[(start_index + 1 + i) % len(pages)]
            link = await nav_link(page, target["title"])
            try:
                switch_ms.append(await timed(page, link.click, target["charts"] or 0, f"{app['name']} switch"))
            except RuntimeError as exc:  # the app's error, reported as a figure; start afresh
                switch_errors.append(f"to /{target['url']}: {exc}"[:400])
                print(f"  {app['name']:9} page switch to /{target['url']} failed: {str(exc)[:200]}", flush=True)
                await page.goto(url.format(base=server.url), wait_until="commit")
                await page.evaluate(DONE, {"since": 0, "charts": charts, "quietMs": 300, "timeoutMs": 90_000})
        parts = BREAKDOWN.get(f"{app['name']} switch", [])
        out["rerun_page_switch_ms"] = {
            "median": median(switch_ms),
            "p95": p95(switch_ms),
            "n": len(switch_ms),
            "samples": [round(v) for v in switch_ms],
            "errors": switch_errors,
            "until_last_server_message_median": median([a for a, _ in parts]),
            "after_last_server_message_median": median([b for _, b in parts]),
        }
        print(f"  {app['name']:9} rerun after page switch: median {median(switch_ms):.0f} ms", flush=True)
        # Every page has now run once in this process: its imports and cached tables are
        # loaded. Memory kept after the crowd below is also read against this point, so
        # that this one-time cost is not mistaken for what sessions leave behind.
        rss["pages_seen"] = server.rss_mb()

        # Download: click to the file on disk, on the filter page.
        await page.goto(url.format(base=server.url), wait_until="commit")
        await page.evaluate(DONE, {"since": 0, "charts": charts, "quietMs": 300, "timeoutMs": 90_000})
        download_ms = []
        for _ in range(downloads):
            button = page.locator(f".st-key-{fpage['download']} button")
            t0 = time.perf_counter()
            async with page.expect_download() as info:
                await button.click()
            download = await info.value
            await download.path()
            download_ms.append((time.perf_counter() - t0) * 1000)
            await download.delete()
        out["download_ms"] = {
            "median": median(download_ms),
            "n": len(download_ms),
            "samples": [round(v) for v in download_ms],
        }
        await context.close()

        # Memory with many sessions, then concurrency: all sessions change filters at once.
        contexts_pages = await open_sessions(browser, url.format(base=server.url), charts, sessions, errors)
        rss["sessions_open"] = server.rss_mb()
        out["active_sessions_seen"] = server.metric("active_sessions")

        async def one(index, page):
            try:
                return await filter_changes(
                    page, key, options, changes_each, charts, offset=index, label=f"{app['name']} concurrent"
                )
            except Exception as exc:  # an error is a figure here, not a crash
                errors.append(f"session {index}: {exc}")
                return []

        results = await asyncio.gather(*[one(i, p) for i, (_, p, _) in enumerate(contexts_pages)])
        all_latencies = [v for r in results for v in r]
        for _, page_, _ in contexts_pages:
            if await page_.get_by_test_id("stException").count():
                errors.append("exception shown")
        rss["after_concurrency"] = server.rss_mb()
        out["concurrency"] = {
            "sessions": sessions,
            "changes_each": changes_each,
            "errors": len(errors),
            "error_samples": errors[:5],
            "median": median(all_latencies),
            "p95": p95(all_latencies),
            "n": len(all_latencies),
            "until_last_server_message_median": median([a for a, _ in BREAKDOWN.get(f"{app['name']} concurrent", [])]),
            "after_last_server_message_median": median([b for _, b in BREAKDOWN.get(f"{app['name']} concurrent", [])]),
        }
        print(
            f"  {app['name']:9} {sessions} sessions x {changes_each} changes: errors {len(errors)}, "
            f"median {median(all_latencies) or 0:.0f} ms, p95 {p95(all_latencies) or 0:.0f} ms",
            flush=True,
        )
        for context, _, _ in contexts_pages:
            await context.close()
        # Closed tabs: wait for the server to see every socket gone, then past the
        # reconnect TTL; one short probe session makes the store drop expired sessions.
        deadline = time.monotonic() + 60
        while (server.metric("active_sessions") or 0) > 0 and time.monotonic() < deadline:
            await asyncio.sleep(0.2)
        await asyncio.sleep(SESSION_TTL + 0.5)
        probe, _, _ = await open_session(browser, url.format(base=server.url), charts)
        await probe.close()
        while (server.metric("active_sessions") or 0) > 0 and time.monotonic() < deadline:
            await asyncio.sleep(0.2)
        rss["after_close"] = server.rss_mb()
        out["rss_mb"] = {k: round(v, 1) for k, v in rss.items()}
        out["sessions_opened"] = len(contexts_pages)
        out["per_session_mb"] = (rss["sessions_open"] - rss["one_session"]) / max(1, len(contexts_pages) - 1)
        # The same, counted from the point where every page has run once: the figure above
        # also holds the other pages' one-time imports and caches (see pages_seen).
        out["per_session_after_pages_mb"] = (rss["sessions_open"] - rss["pages_seen"]) / max(1, len(contexts_pages) - 1)
        out["retained_after_close_mb"] = rss["after_close"] - rss["one_session"]
        out["retained_after_close_vs_pages_mb"] = rss["after_close"] - rss["pages_seen"]
        print(f"  {app['name']:9} RSS MB {out['rss_mb']}, per extra session {out['per_session_mb']:.2f} MB", flush=True)
    except Exception:
        print(f"--- the {app['name']} server's log:\n{server.tail()}", flush=True)
        raise
    finally:
        server.stop()
    return out


async def protocol_concurrency(app: dict, single_changes: int, sessions: int, changes_each: int) -> dict:
    """The concurrency figure without browsers, on a fresh server of its own.

    With 20 Chromium tabs on the server's 2 cores, the browser figure mostly measures
    the browsers. Here bench/protocol_load.py speaks Streamlit's WebSocket protocol:
    the same filter and options, timed from the rerun request to the server's
    script_finished, so the figure is the server's alone.
    """
    fpage = app["filter_page"]
    key, default, toggles = fpage["filter"]["key"], fpage["filter"]["default"], app["toggles"]
    server = Server(app["script"])
    cpu_before = time.process_time()
    try:
        server.wait_healthy()
        # A client whose changes the app ignores would time nothing: check one first.
        verified = await protocol_load.verify(server.url, fpage["url"], key, default, toggles)
        one = await protocol_load.single(server.url, fpage["url"], key, default, toggles, single_changes)
        many = await protocol_load.concurrent(
            server.url,
            fpage["url"],
            key,
            default,
            toggles,
            sessions,
            changes_each,
            server_cpu=lambda: sum(server.ps.cpu_times()[:2]),
        )
        # The same sessions as people: each pauses THINK_S seconds (random, seeded) before
        # a change, as someone reading the page would. The target is judged on this one;
        # back to back (above), one process is a queue and no app meets it (bench/README.md).
        users = await protocol_load.concurrent(
            server.url,
            fpage["url"],
            key,
            default,
            toggles,
            sessions,
            changes_each,
            server_cpu=lambda: sum(server.ps.cpu_times()[:2]),
            think_s=THINK_S,
        )
    except Exception:
        print(f"--- the {app['name']} server's log:\n{server.tail()}", flush=True)
        raise
    finally:
        server.stop()
    ratio = many["p95"] / one["median"] if many["p95"] is not None and one["median"] else None
    users_ratio = users["p95"] / one["median"] if users["p95"] is not None and one["median"] else None
    out = {
        "verified": verified,
        "single": one,
        "concurrent": many,
        "p95_over_single_median": ratio,
        "users": users,
        "users_p95_over_single_median": users_ratio,
        # The client shares the 2 cores with the server: its own CPU, to see that it stays small.
        "client_cpu_s": round(time.process_time() - cpu_before, 1),
    }
    print(
        f"  {app['name']:9} server only (protocol client): 1 session x {one['n']} changes"
        f" median {one['median']:.0f} ms;"
        f" {sessions} x {changes_each} at once: errors {many['errors']},"
        f" median {many['median'] or 0:.0f} ms,"
        f" p95 {many['p95'] or 0:.0f} ms ({ratio or 0:.1f}x the single median);"
        f" with {THINK_S[0]:g}-{THINK_S[1]:g} s pauses:"
        f" errors {users['errors']}, median {users['median'] or 0:.0f} ms, p95 {users['p95'] or 0:.0f} ms"
        f" ({users_ratio or 0:.1f}x)",
        flush=True,
    )
    return out


async def through_nginx(browser, app: dict, renders: int, sessions: int, changes_each: int) -> dict:
    """deploy/run.sh with 2 processes: first render and bytes vs one direct server, and concurrency."""
    if not shutil.which("nginx") and not Path("/usr/sbin/nginx").exists():
        print("  nginx not installed (apt-get install -y nginx): skipped", flush=True)
        return {"skipped": "nginx not installed"}
    fpage = app["filter_page"]
    key, options, charts = fpage["filter"]["key"], app["toggles"], fpage["charts"] or 0
    deploy = servers.Deployment(2, env={"STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL": str(SESSION_TTL)})
    direct = Server(app["script"])
    out: dict = {}
    try:
        proxy = deploy.url
        deploy.wait_healthy(timeout=120)
        direct.wait_healthy()
        # Warm every process (each imports pandas and plotly on its first run), directly.
        for base in [f"http://127.0.0.1:{deploy.worker_port(i)}" for i in range(2)] + [direct.url]:
            context, _, _ = await open_session(browser, f"{base}/{fpage['url']}", charts)
            await context.close()
        figures = {"nginx": [], "direct": []}
        sizes = {"nginx": [], "direct": []}
        for _ in range(renders):
            for name, base in (("nginx", proxy), ("direct", direct.url)):
                context, page, result = await open_session(browser, f"{base}/{fpage['url']}", charts)
                figures[name].append(result["done"])
                sizes[name].append(await transferred_bytes(page))
                await context.close()
        out["first_render_warm_ms"] = {k: median(v) for k, v in figures.items()}
        out["transferred_bytes_first_load"] = {k: median(v) for k, v in sizes.items()}
        print(
            f"  nginx: first render {out['first_render_warm_ms']['nginx']:.0f} ms vs direct "
            f"{out['first_render_warm_ms']['direct']:.0f} ms; "
            f"bytes {out['transferred_bytes_first_load']['nginx']:,} vs "
            f"{out['transferred_bytes_first_load']['direct']:,}",
            flush=True,
        )
        direct.stop()

        errors: list[str] = []
        contexts_pages = await open_sessions(browser, f"{proxy}/{fpage['url']}", charts, sessions, errors)

        async def one(index, page):
            try:
                return await filter_changes(page, key, options, changes_each, charts, offset=index)
            except Exception as exc:
                errors.append(f"session {index}: {exc}")
                return []

        results = await asyncio.gather(*[one(i, p) for i, (_, p, _) in enumerate(contexts_pages)])
        latencies = [v for r in results for v in r]
        backends = deploy.streamlit_processes()
        out["concurrency"] = {
            "sessions": sessions,
            "changes_each": changes_each,
            "errors": len(errors),
            "error_samples": errors[:5],
            "median": median(latencies),
            "p95": p95(latencies),
            "n": len(latencies),
            "backend_rss_mb": [round(p.memory_info().rss / 2**20, 1) for p in backends],
        }
        print(
            f"  nginx: {sessions} sessions x {changes_each} changes over 2 processes: errors {len(errors)}, "
            f"median {median(latencies) or 0:.0f} ms, p95 {p95(latencies) or 0:.0f} ms",
            flush=True,
        )
        for context, _, _ in contexts_pages:
            await context.close()
    finally:
        direct.stop()
        deploy.stop()
    return out


async def through_nginx_load(apps: dict, people: list[int], changes_each: int) -> dict:
    """bench/proxy_load.py: protocol sessions through nginx, one Streamlit process per core;
    the dashboard, then the baseline app behind the same set-up (APP=...), so that the target
    can be read against what the smallest Streamlit app does on the same machine."""
    print(f"through nginx under load (deploy/run.sh, {os.cpu_count()} processes, protocol client)", flush=True)
    if not shutil.which("nginx") and not Path("/usr/sbin/nginx").exists():
        print("  nginx not installed (apt-get install -y nginx): skipped", flush=True)
        return {"skipped": "nginx not installed"}
    out = {}
    for name in ("dashboard", "baseline"):
        app = apps[name]
        print(f"  {name}", flush=True)
        out[name] = await proxy_load.measure(
            app["filter_page"], app["toggles"], os.cpu_count() or 1, people, changes_each, env={"APP": app["script"]}
        )
    return out


# --------------------------------------------------------------------------- report


def machine() -> dict:
    cpu = ""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    version = subprocess.run([chromium_path(), "--version"], capture_output=True, text=True).stdout.strip()
    import streamlit

    return {
        "cpu": cpu or platform.processor(),
        "cores": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "streamlit": streamlit.__version__,
        "chromium": version,
    }


def fmt(value, unit=""):
    if value is None:
        return "—"
    if isinstance(value, float) and abs(value) < 10:
        return f"{value:.2f}{unit}"
    return f"{value:,.0f}{unit}"


def table(results: dict) -> tuple[str, list[dict]]:
    d, b = results["apps"]["dashboard"], results["apps"]["baseline"]
    rows = []

    def row(label, dv, bv, target=None, met=None, unit=" ms"):
        ratio = dv / bv if dv is not None and bv else None
        rows.append(
            {
                "figure": label,
                "dashboard": dv,
                "baseline": bv,
                "ratio": ratio,
                "target": target,
                "met": met,
                "unit": unit,
            }
        )

    row(
        "data: cold load + validation, all tables",
        d["data_ms"]["median"],
        b["data_ms"]["median"],
        f"< {TARGETS['data_ms']} ms",
        d["data_ms"]["median"] < TARGETS["data_ms"],
    )
    row("server start to /_stcore/health", d["start_to_health_ms"]["median"], b["start_to_health_ms"]["median"])
    b_cold = b["first_render_cold_ms"][b["pages"][0]["url"]]
    b_warm = b["first_render_warm_ms"][b["pages"][0]["url"]]
    for kind, base in (("cold", b_cold), ("warm", b_warm)):
        for page in d.get("views", d["pages"]):
            value = d[f"first_render_{kind}_ms"][page["url"]]
            ratio = value / base if value and base else None
            row(
                f"first render {kind}: /{page['url']}",
                value,
                base,
                f"<= {TARGETS['first_render']}x",
                ratio is not None and ratio <= TARGETS["first_render"],
            )
    rf_d, rf_b = d["rerun_filter_ms"], b["rerun_filter_ms"]
    ratio = rf_d["median"] / rf_b["median"]
    row(
        f"rerun after filter change, median (n={rf_d['n']})",
        rf_d["median"],
        rf_b["median"],
        f"<= {TARGETS['rerun_filter']}x",
        ratio <= TARGETS["rerun_filter"],
    )
    row("rerun after filter change, p95", rf_d["p95"], rf_b["p95"])
    for view, figures in d.get("rerun_filter_tabs_ms", {}).items():
        ratio = figures["median"] / rf_b["median"]
        row(
            f"rerun after filter change on /{view}, median (n={figures['n']})",
            figures["median"],
            rf_b["median"],
            f"<= {TARGETS['rerun_filter']}x",
            ratio <= TARGETS["rerun_filter"],
        )
    row(
        f"rerun after page switch, median (n={d['rerun_page_switch_ms']['n']})",
        d["rerun_page_switch_ms"]["median"],
        b["rerun_page_switch_ms"]["median"],
    )
    row("rerun after page switch, p95", d["rerun_page_switch_ms"]["p95"], b["rerun_page_switch_ms"]["p95"])
    row(
        "page switches that ended in an error",
        len(d["rerun_page_switch_ms"].get("errors", [])),
        len(b["rerun_page_switch_ms"].get("errors", [])),
        "0",
        not d["rerun_page_switch_ms"].get("errors"),
        unit="",
    )
    row("download: click to file", d["download_ms"]["median"], b["download_ms"]["median"])
    for key, label in (
        ("idle", "idle"),
        ("one_session", "after 1 session"),
        ("sessions_open", f"with {d['concurrency']['sessions']} sessions open"),
        ("after_concurrency", "after the concurrent changes"),
        ("after_close", "after they close"),
    ):
        row(f"server RSS {label}", d["rss_mb"][key], b["rss_mb"][key], unit=" MB")
    for label, key, target in (
        ("server memory per additional session", "per_session_mb", "session_mb"),
        (
            "server memory per additional session (from 1 session that has seen every page)",
            "per_session_after_pages_mb",
            "session_mb",
        ),
        ("memory kept after all sessions closed (vs 1 session)", "retained_after_close_mb", "kept_mb"),
        (
            "memory kept after all sessions closed (vs 1 session that has seen every page)",
            "retained_after_close_vs_pages_mb",
            "kept_mb",
        ),
    ):
        if key in d and key in b:  # the newer figures are missing from older runs' JSON
            row(label, d[key], b[key], f"< {TARGETS[target]} MB", d[key] < TARGETS[target], unit=" MB")
    c_d, c_b = d["concurrency"], b["concurrency"]
    label = f"{c_d['sessions']} sessions x {c_d['changes_each']} changes"
    row(f"{label}: errors", c_d["errors"], c_b["errors"], "0", c_d["errors"] == 0, unit="")
    row(f"{label}: median", c_d["median"], c_b["median"])
    limit = TARGETS["concurrency_p95_x"] * rf_d["median"]
    row(
        f"{label}: p95 (target vs own 1-session median)",
        c_d["p95"],
        c_b["p95"],
        f"<= {fmt(limit)} ms",
        c_d["p95"] is not None and c_d["p95"] <= limit,
    )
    p_d, p_b = d.get("protocol_concurrency"), b.get("protocol_concurrency")
    if p_d and p_b:  # absent from results written before the protocol client existed
        one_d, one_b, many_d, many_b = p_d["single"], p_b["single"], p_d["concurrent"], p_b["concurrent"]
        row(
            f"rerun after filter change, server only (protocol client, 1 session x {one_d['n']}): median",
            one_d["median"],
            one_b["median"],
        )
        x = TARGETS["concurrency_p95_x"]

        def cell(c, ratio):
            return f"{c['errors']} / {fmt(c['median'])} / {fmt(c['p95'])} ms ({fmt(ratio, 'x')})"

        rows.append(
            {
                "figure": f"{many_d['sessions']} sessions x {many_d['changes_each']} changes back to back, server only "
                "(protocol client): errors / median / p95 (p95 / own 1-session median)",
                "dashboard": cell(many_d, p_d["p95_over_single_median"]),
                "baseline": cell(many_b, p_b["p95_over_single_median"]),
                "ratio": None,
                "target": None,
                "met": None,
                "unit": "",
            }
        )
        if "users" in p_d and "users" in p_b:
            u_d, u_b = p_d["users"], p_b["users"]
            think = "-".join(f"{t:g}" for t in (u_d.get("think_s") or THINK_S))
            rows.append(
                {
                    "figure": f"{u_d['sessions']} people x {u_d['changes_each']} changes, each pausing {think} s "
                    "before a change, server only: errors / median / p95 (p95 / own 1-session median)",
                    "dashboard": cell(u_d, p_d["users_p95_over_single_median"]),
                    "baseline": cell(u_b, p_b["users_p95_over_single_median"]),
                    "ratio": None,
                    "target": f"0 errors, p95 <= {x:g}x own 1-session median",
                    "met": u_d["errors"] == 0
                    and p_d["users_p95_over_single_median"] is not None
                    and p_d["users_p95_over_single_median"] <= x,
                    "unit": "",
                }
            )
    row(
        "bytes transferred, first load of the filter page",
        d["transferred_bytes_first_load"],
        b["transferred_bytes_first_load"],
        unit=" B",
    )
    n = results.get("nginx", {})
    if "first_render_warm_ms" in n:
        rows.append(
            {
                "figure": "nginx, 2 processes: first render warm (vs direct)",
                "dashboard": n["first_render_warm_ms"]["nginx"],
                "baseline": n["first_render_warm_ms"]["direct"],
                "ratio": n["first_render_warm_ms"]["nginx"] / n["first_render_warm_ms"]["direct"],
                "target": None,
                "met": None,
                "unit": " ms",
                "columns": ("nginx", "direct"),
            }
        )
        rows.append(
            {
                "figure": "nginx, 2 processes: bytes transferred, first load (vs direct)",
                "dashboard": n["transferred_bytes_first_load"]["nginx"],
                "baseline": n["transferred_bytes_first_load"]["direct"],
                "ratio": n["transferred_bytes_first_load"]["nginx"] / n["transferred_bytes_first_load"]["direct"],
                "target": None,
                "met": None,
                "unit": " B",
                "columns": ("nginx", "direct"),
            }
        )
        c = n["concurrency"]
        rows.append(
            {
                "figure": f"nginx: {c['sessions']} sessions x {c['changes_each']} changes: errors / median / p95",
                "dashboard": f"{c['errors']} / {fmt(c['median'])} / {fmt(c['p95'])} ms",
                "baseline": f"direct: {c_d['errors']} / {fmt(c_d['median'])} / {fmt(c_d['p95'])} ms",
                "ratio": None,
                "target": f"0 errors, p95 <= {fmt(limit)} ms",
                "met": c["errors"] == 0 and c["p95"] is not None and c["p95"] <= limit,
                "unit": "",
            }
        )
    if "dashboard" in results.get("proxy_load", {}):
        rows.extend(proxy_load.rows(results["proxy_load"]["dashboard"], results["proxy_load"].get("baseline")))
    lines = ["| figure | dashboard | baseline | ratio | target | met |", "|---|---:|---:|---:|---|---|"]
    for r in rows:
        dv = r["dashboard"] if isinstance(r["dashboard"], str) else fmt(r["dashboard"], r["unit"])
        bv = r["baseline"] if isinstance(r["baseline"], str) else fmt(r["baseline"], r["unit"])
        if "columns" in r:
            dv, bv = f"{r['columns'][0]}: {dv}", f"{r['columns'][1]}: {bv}"
        met = "" if r["met"] is None else ("yes" if r["met"] else "**no**")
        lines.append(
            f"| {r['figure']} | {dv} | {bv} | {fmt(r['ratio'], 'x') if r['ratio'] is not None else ''}"
            f" | {r['target'] or ''} | {met} |"
        )
    return "\n".join(lines), rows


# --------------------------------------------------------------------------- main


async def main(args) -> dict:
    from playwright.async_api import async_playwright

    monitor = LoadMonitor()
    monitor.start()
    started = datetime.datetime.now().astimezone()
    commit = (
        os.environ.get("BENCH_COMMIT")
        or subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
    )
    results: dict = {
        "date": started.isoformat(timespec="seconds"),
        "commit": commit,
        "machine": machine(),
        "loadavg_start": os.getloadavg(),
        "settings": vars(args),
        "apps": {},
    }
    apps = {}
    for name, script in (("dashboard", "dashboard.py"), ("baseline", "bench/baseline_app.py")):
        found = discover(script)
        fpage = next(p for p in found["pages"] if "filter" in p)
        toggles = [o for o in fpage["filter"]["options"] if o not in fpage["filter"]["default"]][:8]
        apps[name] = {
            "name": name,
            "script": script,
            "pages": found["pages"],
            "filter_page": fpage,
            "toggles": toggles,
            "views": found["pages"] + tab_views(found["pages"]),
        }
        print(f"{name}: pages {[('/' + p['url'], p['charts']) for p in found['pages']]}", flush=True)

    for name in apps:
        results["apps"][name] = {"pages": apps[name]["pages"], "views": apps[name]["views"]}
    if args.only == "proxy-load":
        results["proxy_load"] = await through_nginx_load(apps, args.proxy_people, args.changes_each)
        return results
    if not args.only:
        print("data: cold load and validation in fresh processes", flush=True)
        for name in apps:
            results["apps"][name]["data_ms"] = data_load(name, args.data_runs)
            print(f"  {name:9} {results['apps'][name]['data_ms']}", flush=True)

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=chromium_path(), headless=True)
        print("first render of every page (fresh browser context each)", flush=True)
        for name, app in ({} if args.only else apps).items():
            results["apps"][name].update(await first_renders(browser, app, args.cold_runs, args.warm_runs))
        print("reruns, download, memory and concurrency", flush=True)
        for name, app in apps.items():
            results["apps"][name].update(
                await interaction(
                    browser, app, args.changes, args.switches, args.downloads, args.sessions, args.changes_each
                )
            )
            # Cheap (no browser, about 20 s), so also run with --only interaction.
            results["apps"][name]["protocol_concurrency"] = await protocol_concurrency(
                app, args.changes, args.sessions, args.changes_each
            )
        if not args.no_nginx and not args.only:
            print("through nginx (deploy/run.sh, 2 processes)", flush=True)
            results["nginx"] = await through_nginx(
                browser, apps["dashboard"], args.nginx_renders, args.sessions, args.changes_each
            )
        await browser.close()
    if not args.no_nginx and not args.only:
        results["proxy_load"] = await through_nginx_load(apps, args.proxy_people, args.changes_each)
    results["loadavg_end"] = os.getloadavg()
    results["other_load"] = monitor.summary()
    results["duration_s"] = round((datetime.datetime.now().astimezone() - started).total_seconds())
    return results


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="few repetitions, for developing the benchmark")
    parser.add_argument("--data-runs", type=int, default=7)
    parser.add_argument("--cold-runs", type=int, default=2, help="fresh servers per page")
    parser.add_argument("--warm-runs", type=int, default=3, help="fresh browser contexts per page on a warm server")
    parser.add_argument("--changes", type=int, default=20, help="filter changes in one session (>= 10)")
    parser.add_argument("--switches", type=int, default=12, help="page switches in one session")
    parser.add_argument("--downloads", type=int, default=5)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--changes-each", type=int, default=10)
    parser.add_argument("--nginx-renders", type=int, default=3)
    parser.add_argument("--no-nginx", action="store_true")
    parser.add_argument(
        "--proxy-people",
        type=int,
        nargs="+",
        default=[20, 50],
        help="crowd sizes for the load through nginx (bench/proxy_load.py)",
    )
    parser.add_argument(
        "--only",
        choices=["interaction", "proxy-load"],
        help="while developing: only reruns, memory, concurrency; or only the load through nginx",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help="where the JSON goes (default bench/results/latest.json; a partial run (--only) writes only here)",
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.data_runs, args.cold_runs, args.warm_runs, args.changes, args.switches = 3, 1, 1, 10, 6
        args.downloads, args.nginx_renders = 2, 1
    return args


def update_readme(path: Path = RESULTS / "latest.json") -> None:
    """Copy the figures of a finished run into bench/README.md (between the markers)."""
    outcome = json.loads(path.read_text())
    text, _ = table(outcome)
    m, load = outcome["machine"], outcome["other_load"]
    block = (
        f"Run of {outcome['date']} (commit {outcome.get('commit') or '?'}), {outcome['duration_s']} s: "
        f"{m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB, "
        f"{m['os']}; Python {m['python']}, Streamlit {m['streamlit']}, {m['chromium']}. Other processes on the "
        f"machine used {load['other_cores_mean']} cores on average (max {load['other_cores_max']}"
        + (f"; the hypervisor took {load['steal_pct']}% of CPU time for other guests" if load.get("steal_pct") else "")
        + f"; load average "
        f"{outcome['loadavg_start'][0]:.1f} at the start, {outcome['loadavg_end'][0]:.1f} at the end). Settings: "
        + ", ".join(
            f"{k.replace('_', '-')} {v}"
            for k, v in outcome["settings"].items()
            if k
            in (
                "data_runs",
                "cold_runs",
                "warm_runs",
                "changes",
                "switches",
                "downloads",
                "sessions",
                "changes_each",
                "nginx_renders",
            )
        )
        + f".\n\n{text}\n"
    )
    readme = BENCH / "README.md"
    content = readme.read_text()
    start, end = "<!-- figures:start -->", "<!-- figures:end -->"
    head, rest = content.split(start, 1)
    _, tail = rest.split(end, 1)
    readme.write_text(f"{head}{start}\n{block}{end}{tail}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--update-readme"]:
        update_readme()
        raise SystemExit(0)
    arguments = parse_args()
    outcome = asyncio.run(main(arguments))
    if arguments.only:
        print(json.dumps(outcome["apps"], indent=1, default=str)[:6000])
        if "proxy_load" in outcome:
            print(json.dumps(outcome["proxy_load"], indent=1, default=str)[:6000])
        # Never over latest.json: --update-readme reads it and needs a whole run.
        if arguments.out:
            arguments.out.parent.mkdir(parents=True, exist_ok=True)
            arguments.out.write_text(json.dumps(outcome, indent=2, default=str))
            print(f"\nwritten to {arguments.out}")
        raise SystemExit(0)
    text, rows = table(outcome)
    outcome["table"] = rows
    arguments.out = arguments.out or RESULTS / "latest.json"
    arguments.out.parent.mkdir(parents=True, exist_ok=True)
    arguments.out.write_text(json.dumps(outcome, indent=2, default=str))
    print()
    print(
        f"{outcome['date']} on {outcome['machine']['cpu']} ({outcome['machine']['cores']} cores), "
        f"{outcome['machine']['chromium']}; load average {outcome['loadavg_start'][0]:.2f} -> "
        f"{outcome['loadavg_end'][0]:.2f}; "
        f"other processes used {outcome['other_load']['other_cores_mean']} cores on average "
        f"(max {outcome['other_load']['other_cores_max']}), CPU time stolen by the hypervisor "
        f"{outcome['other_load'].get('steal_pct')}%, {outcome['duration_s']} s"
    )
    print(text)
    print(f"\nwritten to {arguments.out}")
