"""What each chart of a view costs in its first render: the view drawn whole, and drawn
with some of its charts left out, against the baseline app, in one run.

    .venv/bin/python bench/element_cost.py --view 'careers?section=Becoming+one' --charts 7 \\
        --leave-out '*' --leave-out chart_school_exam --runs 7

For the view and each `--leave-out` (comma-separated chart keys, `*` for every chart) a
server is started (bench/without_charts.py draws nothing for those keys) and warmed by
one render; then each server's view is rendered `--runs` times, each in a fresh browser
context (empty HTTP cache: the "first render, warm" of bench.py), the variants taken in
turn so that a noisy stretch of the machine falls on all of them alike. Prints the median
per variant, what leaving the charts out saved, and the ratio to the baseline app's page
(one chart), which is also measured without its chart. Not part of the tests; see bench/README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
from pathlib import Path

from without_charts import chart_keys  # bench/without_charts.py: the launcher's own reading of the list

import bench  # bench/bench.py: the same instrumentation, done rule, browser and server set-up


def start(script: str, leave_out: str | None) -> bench.Server:
    server = (
        bench.Server(script, env={"LEAVE_OUT_CHARTS": leave_out}, launcher=("bench/without_charts.py",))
        if leave_out
        else bench.Server(script)
    )
    server.wait_healthy()
    return server


async def main(args) -> dict:
    from playwright.async_api import async_playwright

    variants = [
        {"label": "whole view", "script": "dashboard.py", "url": args.view, "keys": None, "charts": args.charts}
    ]
    for keys in args.leave_out:
        left_out = chart_keys(keys)
        variants.append(
            {
                "label": f"without {keys}",
                "script": "dashboard.py",
                "url": args.view,
                "keys": keys,
                "charts": 0 if "*" in left_out else args.charts - len(left_out),
            }
        )
    # The baseline without its one chart too: what a chart costs there (mostly loading plotly.js).
    variants.append(
        {
            "label": "baseline app without its chart",
            "script": "bench/baseline_app.py",
            "url": "",
            "keys": "*",
            "charts": 0,
        }
    )
    variants.append({"label": "baseline app", "script": "bench/baseline_app.py", "url": "", "keys": None, "charts": 1})
    started = [start(v["script"], v["keys"]) for v in variants]
    try:
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=bench.chromium_path(), headless=True)
            for variant, server in zip(variants, started):  # warm: the server has shown the view once
                context, _page, _result = await bench.open_session(
                    browser, f"{server.url}/{variant['url']}", variant["charts"]
                )
                await context.close()
                variant["runs"] = []
            for _ in range(args.runs):
                for variant, server in zip(variants, started):
                    context, _page, result = await bench.open_session(
                        browser, f"{server.url}/{variant['url']}", variant["charts"]
                    )
                    variant["runs"].append(round(result["done"]))
                    await context.close()
            await browser.close()
    finally:
        for server in started:
            server.stop()
    whole = bench.median(variants[0]["runs"])
    base = bench.median(variants[-1]["runs"])
    print(f"\n{args.view}: first render warm, median of {args.runs} (fresh context each)")
    for variant in variants:
        value = bench.median(variant["runs"])
        saved = (
            "" if variant is variants[0] or variant["script"] != "dashboard.py" else f"  saves {whole - value:6.0f} ms"
        )
        print(
            f"  {variant['label'][:60]:60} charts {variant['charts']}  {value:6.0f} ms  {value / base:5.2f}x{saved}"
            f"  runs {variant['runs']}"
        )
    return {"view": args.view, "runs": args.runs, "variants": variants}


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--view", required=True, help="path and query of the view, e.g. 'careers?section=Pay'")
    parser.add_argument("--charts", type=int, required=True, help="plotly charts the whole view draws")
    parser.add_argument("--leave-out", action="append", default=[], help="chart keys to leave out, comma-separated")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--out", type=Path, help="write the runs as JSON here")
    return parser.parse_args(argv)


if __name__ == "__main__":
    arguments = parse_args()
    figures = asyncio.run(main(arguments))
    if arguments.out:
        arguments.out.write_text(json.dumps(figures, indent=2))
