"""Streamlit sessions without a browser, for a server-only concurrency figure.

The browser concurrency figure runs 20 Chromium tabs on the same 2 cores as the
server, so it mostly measures Chromium. Here each session is a WebSocket that speaks
Streamlit's own protocol (the protobufs in `streamlit.proto`), as the 1.67 frontend
does, and a rerun is timed from sending its request until the server's
`script_finished` for that run: the server's work only, nothing drawn.

What the frontend does and this client copies:
- connects to /_stcore/stream with the Origin of the page and the subprotocol list
  ["streamlit", xsrf token, session id]; only the first entry is needed here (the
  XSRF token only guards auth cookies, and a reconnect is never made);
- sends a `rerun_script` BackMsg with a ClientState: on the first run the page's URL
  path as `page_name`, later the `page_script_hash` of the page the server ran (from
  `new_session`, overridden by the `navigation` message of an st.navigation app);
  the query string; the widget states; and the browser's context info;
- a widget change is a rerun whose WidgetStates hold the widget's new value: a
  multiselect sends the formatted options it shows, in order, as `string_array_value`.
No cached message hashes are sent, so the server never answers with `ref_hash`
references (they are counted, in case a future version sends them anyway).
"""

from __future__ import annotations

import asyncio
import hashlib
import random
import statistics
import time
import urllib.request
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import parse_qsl, urlencode

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import connect

STREAM_PATH = "/_stcore/stream"
RUN_TIMEOUT_S = 120


class ProtocolError(RuntimeError):
    """A run that did not finish cleanly: an exception shown, a bad status, a timeout."""


@dataclass
class Run:
    ms: float  # from sending rerun_script to receiving script_finished
    status: str
    deltas: int = 0
    refs: int = 0  # cached-message references (content unknown to this client)
    exceptions: list[str] = field(default_factory=list)
    elements: list = field(default_factory=list)  # Element protos, only when kept
    digest: str = ""  # of every delta except multiselects, only when kept


class ProtocolSession:
    """One app session over one WebSocket; runs are made one at a time."""

    def __init__(self, base_url: str, page: str, keep: bool = False, cookies: bool = False):
        self.base_url = base_url.rstrip("/")
        self.page = page
        self.keep = keep  # keep elements and a digest of each run (for verifying, not under load)
        # cookies=True: load the page over HTTP first and send the cookies it set with
        # the WebSocket, as a browser does. Behind deploy/'s nginx that cookie decides
        # which process serves the session; without it every session from one address
        # would go to one process.
        self.cookies = cookies
        self.ws = None
        self.page_script_hash = ""
        self.query_string = ""

    def _page_cookies(self) -> str:
        with urllib.request.urlopen(f"{self.base_url}/{self.page}", timeout=RUN_TIMEOUT_S) as response:
            jar = SimpleCookie()
            for header in response.headers.get_all("Set-Cookie") or []:
                jar.load(header)
        return "; ".join(f"{name}={morsel.value}" for name, morsel in jar.items())

    async def open(self) -> Run:
        """Connect and make the first run of the page, as a browser tab opening it."""
        headers = {}
        if self.cookies:
            cookie = await asyncio.to_thread(self._page_cookies)
            if cookie:
                headers["Cookie"] = cookie
        self.ws = await connect(
            self.base_url.replace("http", "ws", 1) + STREAM_PATH,
            additional_headers=headers,
            origin=self.base_url,  # same origin as the page, or the server refuses
            subprotocols=["streamlit"],
            proxy=None,  # loopback: never through an HTTP(S)_PROXY from the environment
            max_size=None,  # a run's plotly figures can exceed the 1 MiB default
            ping_interval=None,  # no keepalive timeouts under load; runs have their own
            open_timeout=RUN_TIMEOUT_S,
        )
        return await self._run(page_name=self.page)

    async def set_multiselect(self, widget_id: str, key: str, values: list[str]) -> Run:
        state = WidgetState(id=widget_id)
        state.string_array_value.data[:] = values
        # The browser rewrites a bound widget's URL parameter itself; dropping it is
        # enough here, since a value from the client wins over the URL.
        self.query_string = urlencode(
            [(k, v) for k, v in parse_qsl(self.query_string, keep_blank_values=True) if k != key]
        )
        return await self._run(widgets=[state])

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()

    async def _run(self, page_name: str = "", widgets: list | None = None) -> Run:
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query_string
        state.page_script_hash = self.page_script_hash
        state.page_name = page_name if not self.page_script_hash else ""
        state.widget_states.widgets.extend(widgets or [])
        info = state.context_info
        info.timezone, info.timezone_offset, info.locale = "UTC", 0, "en-US"
        info.url, info.is_embedded, info.color_scheme = f"{self.base_url}/{self.page}", False, "light"
        started = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        try:
            return await asyncio.wait_for(self._until_finished(started), RUN_TIMEOUT_S)
        except TimeoutError:
            raise ProtocolError(f"no script_finished within {RUN_TIMEOUT_S} s") from None

    async def _until_finished(self, started: float) -> Run:
        run = Run(ms=0.0, status="")
        digest = hashlib.sha256()
        while True:
            data = await self.ws.recv()
            msg = ForwardMsg()
            msg.ParseFromString(data)
            kind = msg.WhichOneof("type")
            if kind == "new_session":
                self.page_script_hash = msg.new_session.page_script_hash
            elif kind == "navigation":
                # With st.navigation, new_session names the entry script; this names the page.
                self.page_script_hash = msg.navigation.page_script_hash
            elif kind == "page_info_changed":
                self.query_string = msg.page_info_changed.query_string
            elif kind == "page_not_found":  # the server then runs the default page instead
                raise ProtocolError(f"page not found: {msg.page_not_found.page_name!r}")
            elif kind == "ref_hash":
                run.refs += 1
            elif kind == "delta":
                run.deltas += 1
                element = msg.delta.new_element if msg.delta.HasField("new_element") else None
                if element is not None and element.HasField("exception"):
                    run.exceptions.append(f"{element.exception.type}: {element.exception.message}"[:300])
                if self.keep:
                    if element is not None:
                        run.elements.append(element)
                    if element is None or not element.HasField("multiselect"):
                        digest.update(msg.delta.SerializeToString(deterministic=True))
            elif kind == "script_finished":
                run.ms = (time.perf_counter() - started) * 1000
                run.status = ForwardMsg.ScriptFinishedStatus.Name(msg.script_finished)
                run.digest = digest.hexdigest() if self.keep else ""
                if run.status != "FINISHED_SUCCESSFULLY":
                    raise ProtocolError(f"script finished with {run.status}")
                if run.exceptions:
                    raise ProtocolError(f"the app shows an exception: {run.exceptions[0]}")
                return run


def filter_widget_id(run: Run, key: str) -> str:
    """The multiselect's element id: Streamlit ends an id made with a key with "-<key>"."""
    ids = [e.multiselect.id for e in run.elements if e.HasField("multiselect") and e.multiselect.id.endswith(f"-{key}")]
    if len(ids) != 1:
        raise ProtocolError(f"expected one multiselect with key {key!r} in the first run, found {len(ids)}")
    return ids[0]


def change_values(default: list[str], toggles: list[str], count: int, offset: int = 0) -> list[list[str]]:
    """The browser benchmark's sequence: add an option (at the end, as the widget does),
    then remove it again, the next option after that, starting at option `offset`."""
    values = []
    for i in range(count):
        option = toggles[(offset + i // 2) % len(toggles)]
        values.append(default + [option] if i % 2 == 0 else list(default))
    return values


async def open_session(
    base_url: str, page: str, key: str, keep: bool = False, cookies: bool = False
) -> tuple[ProtocolSession, str, Run]:
    session = ProtocolSession(base_url, page, keep=True, cookies=cookies)  # the first run's elements give the widget id
    try:
        first = await session.open()
        widget_id = filter_widget_id(first, key)
    except BaseException:
        await session.close()
        raise
    session.keep = keep
    return session, widget_id, first


async def verify(
    base_url: str, page: str, key: str, default: list[str], toggles: list[str], cookies: bool = False
) -> dict:
    """One session: a change must run the whole script cleanly and change what is shown.

    Raises ProtocolError otherwise: figures from a client whose changes the app ignores,
    or which only ever shows an error, would mean nothing.
    """
    session, widget_id, first = await open_session(base_url, page, key, keep=True, cookies=cookies)
    try:
        option = toggles[0]
        added = await session.set_multiselect(widget_id, key, default + [option])
        removed = await session.set_multiselect(widget_id, key, list(default))
    finally:
        await session.close()

    def shown(run: Run) -> int:  # how often the option's text appears outside the multiselects
        return sum(e.SerializeToString().count(option.encode()) for e in run.elements if not e.HasField("multiselect"))

    out = {
        "widget_id": widget_id,
        "option": option,
        "deltas": {"first": first.deltas, "added": added.deltas, "removed": removed.deltas},
        "option_shown": {"first": shown(first), "added": shown(added), "removed": shown(removed)},
        "refs": first.refs + added.refs + removed.refs,
        # Not compared with the first run: a download button's deferred file id is new each run.
        "content_changed": added.digest != first.digest and removed.digest != added.digest,
    }
    visible = (
        out["option_shown"]["added"] > out["option_shown"]["removed"]
        or out["deltas"]["added"] != out["deltas"]["removed"]
    )
    if not added.deltas or not out["content_changed"] or not visible:
        raise ProtocolError(f"adding {option!r} to {key!r} did not change what the page shows: {out}")
    return out


async def changes(session: ProtocolSession, widget_id: str, key: str, values: list[list[str]]) -> list[float]:
    return [(await session.set_multiselect(widget_id, key, value)).ms for value in values]


def summary(latencies: list[float]) -> dict:
    ordered = sorted(latencies)
    # Same p95 as bench.py's (nearest rank).
    p95 = ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered) + 0.5) - 1))] if ordered else None
    return {"median": statistics.median(ordered) if ordered else None, "p95": p95, "n": len(ordered)}


async def single(
    base_url: str, page: str, key: str, default: list[str], toggles: list[str], count: int, cookies: bool = False
) -> dict:
    """One session making `count` changes one after the other."""
    session, widget_id, _ = await open_session(base_url, page, key, cookies=cookies)
    try:
        latencies = await changes(session, widget_id, key, change_values(default, toggles, count))
    finally:
        await session.close()
    return {**summary(latencies), "samples": [round(v, 1) for v in latencies]}


async def concurrent(
    base_url: str,
    page: str,
    key: str,
    default: list[str],
    toggles: list[str],
    sessions: int,
    changes_each: int,
    server_cpu=None,
    think_s: tuple[float, float] | None = None,
    cookies: bool = False,
    open_at_once: int | None = None,
) -> dict:
    """`sessions` sessions opened first (not timed), then all making their changes at once.

    think_s=None: each session sends its next change as soon as the last one finished (a
    stress test: every session always waits on a run, so latency is about sessions /
    throughput). think_s=(low, high): before each change a session pauses a random time
    in that range (fixed seed per session), as a person reading the page would.

    An error (a session that cannot open, an exception shown, a timeout) is counted and
    ends that session, as in the browser figure; it does not end the measurement.
    server_cpu, if given, returns the CPU seconds the server has used so far: read
    around the changes, it shows how many cores the server kept busy. cookies: see
    ProtocolSession. open_at_once: open the sessions that many at a time (default: all).
    """
    errors: list[str] = []
    opened: list = []
    step = open_at_once or sessions
    for start in range(0, sessions, step):
        opened += await asyncio.gather(
            *[open_session(base_url, page, key, cookies=cookies) for _ in range(start, min(sessions, start + step))],
            return_exceptions=True,
        )
    for item in opened:
        if isinstance(item, BaseException):
            errors.append(f"opening a session: {item!r}"[:400])
    ready = [item for item in opened if not isinstance(item, BaseException)]

    async def one(index: int, session: ProtocolSession, widget_id: str) -> list[float]:
        latencies: list[float] = []
        pauses = random.Random(index)
        try:
            for value in change_values(default, toggles, changes_each, offset=index):
                if think_s:
                    await asyncio.sleep(pauses.uniform(*think_s))
                latencies.append((await session.set_multiselect(widget_id, key, value)).ms)
        except Exception as exc:  # an error is a figure here, not a crash
            errors.append(f"session {index}: {exc!r}"[:400])
        return latencies

    cpu_before = server_cpu() if server_cpu else None
    started = time.perf_counter()
    try:
        results = await asyncio.gather(*[one(i, s, w) for i, (s, w, _) in enumerate(ready)])
        wall = time.perf_counter() - started
        cpu = server_cpu() - cpu_before if server_cpu else None
    finally:
        await asyncio.gather(*[s.close() for s, _, _ in ready], return_exceptions=True)
    latencies = [v for r in results for v in r]
    return {
        **summary(latencies),
        "sessions": sessions,
        "changes_each": changes_each,
        "think_s": think_s,
        "errors": len(errors),
        "error_samples": errors[:5],
        "wall_s": round(wall, 2),
        # Runs finished per second: with every session always waiting on a run, the
        # latency is about sessions / throughput (Little's law).
        "runs_per_s": round(len(latencies) / wall, 2) if wall else None,
        "server_cores_busy": round(cpu / wall, 2) if cpu is not None and wall else None,
    }
