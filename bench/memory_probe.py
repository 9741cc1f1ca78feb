"""Where the server's memory goes, and what stays after every session has closed.

    .venv/bin/python bench/memory_probe.py                         # RSS, 3 runs, default allocator
    .venv/bin/python bench/memory_probe.py --env MALLOC_ARENA_MAX=2 --env MALLOC_TRIM_THRESHOLD_=131072
    .venv/bin/python bench/memory_probe.py --trace --runs 1        # plus heap snapshots by file and line
    .venv/bin/python bench/memory_probe.py --stats                 # plus allocator statistics, no tracing

Replays the memory part of `make bench` without a browser (the sessions speak
Streamlit's protocol, bench/protocol_load.py), on a fresh server per run:

  idle          the server started, no session yet
  one_session   one session on the filter page (the benchmark's "after 1 session")
  pages_seen    every page and URL-bound tab opened once, each by a session that closes
                again (the benchmark's first session walks every page the same way)
  sessions_open 20 sessions open on the filter page
  after_changes the 20 sessions have made 10 filter changes each, at once
  after_close   every session closed, past the reconnect TTL, expired sessions dropped

RSS is read with psutil. With --trace the server runs under bench/traced_server.py
(tracemalloc, 25 frames) and a snapshot is taken at one_session, pages_seen and
after_close; the report lists the biggest differences by file and line, and the
traced heap's size, so RSS growth can be split into Python objects that are still
referenced (ours or Streamlit's) and memory the allocator keeps but Python freed.
RSS under tracing is inflated by the traces themselves: RSS figures come from runs
without --trace. With --stats (or --trace) the server also reports, at each stage,
glibc malloc's memory in use and freed-but-kept (mallinfo2) and pyarrow's memory pool,
and after the last stage calls malloc_trim(0) and reports RSS again ("after_trim"):
what that gives back was memory the allocator kept, not memory in use. Prints a JSON summary
(medians over the runs) and writes it to --out.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from urllib.parse import quote_plus

import protocol_load
import servers  # bench/servers.py: the Streamlit server, shared with tests/e2e

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
SESSION_TTL = 2  # as in bench.py: closed sessions are dropped within the run
STAGES = ("idle", "one_session", "pages_seen", "sessions_open", "after_changes", "after_close")
SNAPSHOT_STAGES = ("one_session", "pages_seen", "after_close")


def discover(script: str) -> dict:
    out = subprocess.run(
        [sys.executable, str(BENCH / "discover.py"), script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def views(found: dict) -> list[tuple[str, str]]:
    """(path, query string) of every page and every URL-bound tab."""
    out = [(p["url"], "") for p in found["pages"]]
    out += [(p["url"], f"{t['key']}={quote_plus(t['label'])}") for p in found["pages"] for t in p.get("tabs") or []]
    return out


class ProbeServer(servers.StreamlitServer):
    """The app's server (under bench/traced_server.py when tracing), closed sessions dropped
    after SESSION_TTL seconds."""

    def __init__(self, script: str, env: dict[str, str], trace_dir: Path | None, frames: int = 25):
        self.trace_dir = trace_dir
        full_env = dict(env)
        if trace_dir:
            full_env["TRACE_DIR"] = str(trace_dir)
            full_env["TRACE_FRAMES"] = str(frames)
        super().__init__(
            script,
            env=full_env,
            options=["--server.disconnectedSessionTTL", str(SESSION_TTL)],
            launcher=[str(BENCH / "traced_server.py")] if trace_dir else ["-m", "streamlit", "run"],
            log_prefix="memprobe-",
        )

    def wait_healthy(self, timeout: float = 120) -> float:
        return super().wait_healthy(timeout)

    def active_sessions(self) -> float:
        return self.metric("active_sessions") or 0.0

    async def snapshot(self, label: str) -> dict:
        """Ask the traced server for its statistics (and heap snapshot, when tracing)."""
        if not self.trace_dir:
            return {}
        (self.trace_dir / f"{label}.request").touch()
        target = self.trace_dir / f"{label}.json"
        deadline = time.monotonic() + 600
        while not target.exists():
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError(f"no snapshot {label}")
            await asyncio.sleep(0.2)
        out = {
            "stats": {k: round(v, 2) if isinstance(v, float) else v for k, v in json.loads(target.read_text()).items()}
        }
        if (self.trace_dir / f"{label}.snap").exists():
            out["snap"] = str(self.trace_dir / f"{label}.snap")
        return out


async def until_no_sessions(server: ProbeServer, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while server.active_sessions() > 0 and time.monotonic() < deadline:
        await asyncio.sleep(0.2)


async def one_run(
    found: dict, env: dict[str, str], sessions: int, changes_each: int, trace_dir: Path | None, frames: int = 25
) -> dict:
    fpage = next(p for p in found["pages"] if "filter" in p)
    key, default = fpage["filter"]["key"], fpage["filter"]["default"]
    toggles = [o for o in fpage["filter"]["options"] if o not in default][:8]
    server = ProbeServer(found["script"], env, trace_dir, frames)
    rss: dict[str, float] = {}
    snaps: dict[str, str] = {}
    stats: dict[str, dict] = {}

    async def take(label: str) -> None:
        got = await server.snapshot(label)
        if "snap" in got:
            snaps[label] = got["snap"]
        if "stats" in got:
            stats[label] = got["stats"]

    try:
        server.wait_healthy()
        await asyncio.sleep(1)
        rss["idle"] = server.rss_mb()
        print("  idle", flush=True)
        first, _, _ = await protocol_load.open_session(server.url, fpage["url"], key)
        rss["one_session"] = server.rss_mb()
        await take("one_session")
        for path, query in views(found):
            session = protocol_load.ProtocolSession(server.url, path)
            session.query_string = query
            try:
                await session.open()
            finally:
                await session.close()
        await first.close()
        rss["pages_seen"] = server.rss_mb()
        print("  every view seen", flush=True)
        await take("pages_seen")
        opened = [await protocol_load.open_session(server.url, fpage["url"], key) for _ in range(sessions)]
        rss["sessions_open"] = server.rss_mb()

        async def changes(index: int, session, widget_id: str) -> None:
            for value in protocol_load.change_values(default, toggles, changes_each, offset=index):
                await session.set_multiselect(widget_id, key, value)

        await asyncio.gather(*[changes(i, s, w) for i, (s, w, _) in enumerate(opened)])
        rss["after_changes"] = server.rss_mb()
        print("  changes made", flush=True)
        await asyncio.gather(*[s.close() for s, _, _ in opened])
        # As bench.py: every socket gone, past the TTL, then one short session makes the
        # session store drop the expired ones.
        await until_no_sessions(server)
        await asyncio.sleep(SESSION_TTL + 0.5)
        probe = protocol_load.ProtocolSession(server.url, fpage["url"])
        await probe.open()
        await probe.close()
        await until_no_sessions(server)
        await asyncio.sleep(1)
        rss["after_close"] = server.rss_mb()
        await take("after_close")
        if trace_dir:
            await take("trim")
            rss["after_trim"] = server.rss_mb()
    finally:
        server.stop()
    return {
        "rss_mb": {k: round(v, 1) for k, v in rss.items()},
        "kept_after_close_mb": round(rss["after_close"] - rss["one_session"], 1),
        "kept_after_pages_mb": round(rss["after_close"] - rss["pages_seen"], 1),
        "allocator": stats,
        "snapshots": snaps,
    }


def heap_report(snaps: dict[str, str], limit: int = 20) -> dict:
    """Traced heap sizes at each stage and the biggest growths by file and by line."""
    loaded = {k: tracemalloc.Snapshot.load(v) for k, v in snaps.items()}
    skip = [tracemalloc.Filter(False, tracemalloc.__file__), tracemalloc.Filter(False, "<frozen importlib._bootstrap*")]
    loaded = {k: s.filter_traces(skip) for k, s in loaded.items()}
    out: dict = {
        "traced_mb": {k: round(sum(st.size for st in s.statistics("filename")) / 2**20, 2) for k, s in loaded.items()}
    }
    for before, after in (("one_session", "after_close"), ("pages_seen", "after_close"), ("one_session", "pages_seen")):
        if before in loaded and after in loaded:
            for group in ("filename", "lineno"):
                diff = loaded[after].compare_to(loaded[before], group)
                out[f"{before}->{after} by {group}"] = [
                    f"{d.size_diff / 2**10:+9.1f} KiB {d.count_diff:+7d} blocks  "
                    f"{d.traceback[0].filename.replace(str(ROOT) + '/', '')}"
                    + (f":{d.traceback[0].lineno}" if group == "lineno" else "")
                    for d in diff[:limit]
                ]
    if "one_session" in loaded and "after_close" in loaded:
        diff = loaded["after_close"].compare_to(loaded["one_session"], "traceback")
        out["one_session->after_close by traceback (top 5, innermost frame last)"] = [
            [f"{d.size_diff / 2**10:+.1f} KiB {d.count_diff:+d} blocks"]
            + [f"{f.filename.replace(str(ROOT) + '/', '')}:{f.lineno}" for f in d.traceback[-12:]]
            for d in diff[:5]
        ]
    return out


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--script", default="dashboard.py")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--changes-each", type=int, default=10)
    parser.add_argument(
        "--env",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="environment for the server (e.g. MALLOC_ARENA_MAX=2); repeatable",
    )
    parser.add_argument("--trace", action="store_true", help="heap snapshots (tracemalloc) in the server")
    parser.add_argument("--stats", action="store_true", help="allocator statistics and a final malloc_trim, no tracing")
    parser.add_argument("--discovered", type=Path, help="bench/discover.py's JSON, to skip discovering again")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    env = dict(item.split("=", 1) for item in args.env)
    found = (
        json.loads(args.discovered.read_text().strip().splitlines()[-1]) if args.discovered else discover(args.script)
    )
    found["script"] = args.script
    runs = []
    for index in range(args.runs):
        trace_dir = Path(tempfile.mkdtemp(prefix="memprobe-trace-")) if args.trace or args.stats else None
        frames = int(os.environ.get("TRACE_FRAMES", "25")) if args.trace else 0
        run = asyncio.run(one_run(found, env, args.sessions, args.changes_each, trace_dir, frames))
        if run["snapshots"]:
            run["heap"] = heap_report(run["snapshots"])
        runs.append(run)
        print(
            f"run {index + 1}: RSS MB {run['rss_mb']}; kept after close {run['kept_after_close_mb']} MB "
            f"(vs pages seen {run['kept_after_pages_mb']} MB)",
            flush=True,
        )
        for label, values in run["allocator"].items():
            print(f"  {label}: {values}", flush=True)
    summary = {
        "script": args.script,
        "env": env,
        "runs": len(runs),
        "sessions": args.sessions,
        "changes_each": args.changes_each,
        "median_rss_mb": {
            stage: statistics.median(r["rss_mb"][stage] for r in runs)
            for stage in (*STAGES, "after_trim")
            if all(stage in r["rss_mb"] for r in runs)
        },
        "median_kept_after_close_mb": statistics.median(r["kept_after_close_mb"] for r in runs),
        "median_kept_after_pages_mb": statistics.median(r["kept_after_pages_mb"] for r in runs),
        "each_run": runs,
    }
    text = json.dumps(summary, indent=1)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text)


if __name__ == "__main__":
    main()
