"""The server-only load figure through nginx: deploy/run.sh with one process per core.

    .venv/bin/python bench/proxy_load.py                  # 20 and 50 people, WORKERS = cores
    .venv/bin/python bench/proxy_load.py --people 20 --workers 2 --out /tmp/proxy.json

Also run by `make bench` (bench/bench.py, unless --no-nginx). Each simulated person is
a bench/protocol_load.py session, opened as a browser opens the page: a GET of the
page through nginx first (nginx answers with its routing cookie), then the WebSocket
with that cookie, so the sessions spread over the processes as browsers do. Then:

  1. one session checks that a filter change reruns the page and changes what it shows;
  2. one session makes 20 changes back to back: the single-session median, through
     the proxy (the reference for the target);
  3. for each crowd size: that many sessions, opened 10 at a time, each making 10
     changes and pausing 1-3 s (uniform, seeded) before each, all at once. Errors,
     median and p95 from the rerun request to script_finished, p95 over the single
     median (target: <= 3x with 0 errors), and the CPU each process used.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import protocol_load  # bench/protocol_load.py (this script's directory is on sys.path)
import servers  # bench/servers.py: deploy/run.sh on free ports, shared with tests/e2e

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
THINK_S = (1.0, 3.0)
TARGET_X = 3.0


async def measure(
    fpage: dict,
    toggles: list[str],
    workers: int,
    people: list[int],
    changes_each: int,
    single_changes: int = 20,
    env: dict | None = None,
) -> dict:
    key, default, path = fpage["filter"]["key"], fpage["filter"]["default"], fpage["url"]
    deploy = servers.Deployment(workers, env=env)
    out: dict = {"workers": workers, "think_s": THINK_S, "changes_each": changes_each, "crowds": {}}
    try:
        deploy.wait_healthy()
        url = deploy.url
        # Each process imports pandas and plotly on its first run: warm them all directly.
        for i in range(workers):
            session = protocol_load.ProtocolSession(f"http://127.0.0.1:{deploy.worker_port(i)}", path)
            await session.open()
            await session.close()
        out["verified"] = await protocol_load.verify(url, path, key, default, toggles, cookies=True)
        out["single"] = await protocol_load.single(url, path, key, default, toggles, single_changes, cookies=True)
        reference = out["single"]["median"]
        for count in people:
            before = deploy.cpu_seconds_by_worker()
            crowd = await protocol_load.concurrent(
                url, path, key, default, toggles, count, changes_each, think_s=THINK_S, cookies=True, open_at_once=10
            )
            after = deploy.cpu_seconds_by_worker()
            wall = crowd["wall_s"] or 1
            crowd["cores_busy_by_worker"] = {
                i: round((after.get(i, 0) - before.get(i, 0)) / wall, 2) for i in sorted(after)
            }
            crowd["p95_over_single_median"] = crowd["p95"] / reference if crowd["p95"] and reference else None
            crowd["met"] = (
                crowd["errors"] == 0
                and crowd["p95_over_single_median"] is not None
                and crowd["p95_over_single_median"] <= TARGET_X
            )
            out["crowds"][str(count)] = crowd
            print(
                f"  through nginx, {workers} processes, {count} people x {changes_each} changes pausing "
                f"{THINK_S[0]:g}-{THINK_S[1]:g} s: errors {crowd['errors']}, median {crowd['median'] or 0:.0f} ms, "
                f"p95 {crowd['p95'] or 0:.0f} ms ({crowd['p95_over_single_median'] or 0:.2f}x the single median "
                f"{reference:.0f} ms); cores busy per process {crowd['cores_busy_by_worker']}",
                flush=True,
            )
    finally:
        deploy.stop()
    return out


def _figure(result: dict, count: str) -> str:
    crowd, single = result["crowds"][count], result["single"]["median"]
    return (
        f"{crowd['errors']} / {crowd['median'] or 0:,.0f} / {crowd['p95'] or 0:,.0f} ms "
        f"({crowd['p95_over_single_median'] or 0:.2f}x of {single:,.0f} ms)"
    )


def rows(result: dict, baseline: dict | None = None) -> list[dict]:
    """Table rows for bench.py's report; baseline: the same measure of the baseline app, if run."""
    out = []
    for count, crowd in result["crowds"].items():
        out.append(
            {
                "figure": f"through nginx, {result['workers']} processes (one per core): {count} people x "
                f"{crowd['changes_each']} changes pausing {'-'.join(f'{t:g}' for t in result['think_s'])} s, "
                "server only: errors / median / p95 (p95 / single-session median through nginx)",
                "dashboard": _figure(result, count),
                "baseline": _figure(baseline, count) if baseline and count in baseline.get("crowds", {}) else "",
                "ratio": None,
                "target": f"0 errors, p95 <= {TARGET_X:g}x",
                "met": crowd["met"],
                "unit": "",
            }
        )
    return out


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=os.cpu_count(), help="Streamlit processes (default: cores)")
    parser.add_argument("--people", type=int, nargs="+", default=[20, 50])
    parser.add_argument("--changes-each", type=int, default=10)
    parser.add_argument("--discovered", type=Path, help="bench/discover.py's JSON, to skip discovering again")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    if args.discovered:
        found = json.loads(args.discovered.read_text().strip().splitlines()[-1])
    else:
        done = subprocess.run(
            [sys.executable, str(BENCH / "discover.py"), "dashboard.py"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        found = json.loads(done.stdout.strip().splitlines()[-1])
    fpage = next(p for p in found["pages"] if "filter" in p)
    toggles = [o for o in fpage["filter"]["options"] if o not in fpage["filter"]["default"]][:8]
    result = asyncio.run(measure(fpage, toggles, args.workers, args.people, args.changes_each))
    text = json.dumps(result, indent=1, default=str)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text)
    for row in rows(result):
        print(f"| {row['figure']} | {row['dashboard']} | {row['target']} | {'yes' if row['met'] else 'no'} |")


if __name__ == "__main__":
    main()
