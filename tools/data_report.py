"""Print the data-quality report and write it into data/README.md (`make data-report`).

The figures come from components/data_quality.py, the same functions the Sources page
uses: share of rows per table that cite a tier A or B source, sources per tier, undated
sources, weakly sourced rows. Run from the project root:

    python tools/data_report.py            print the report and refresh data/README.md
    python tools/data_report.py --print    print only
    python tools/data_report.py --data DIR read another data folder (prints only)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from components.data_quality import link_problems, replace_report, report_markdown  # noqa: E402
from components.loader import DATA_DIR, DataError, load_table  # noqa: E402
from components.schema import TABLES  # noqa: E402


def print_link_problems(data: Path) -> None:
    """Every source that breaks a clean-link rule, read as plain text (the loader names only the first)."""
    try:
        sources = pd.read_csv(data / "sources.csv", dtype=str, keep_default_na=False)
        domains = pd.read_csv(data / "copy_domains.csv", dtype=str, keep_default_na=False)
    except (OSError, ValueError):
        return
    problems = link_problems(sources, dict(zip(domains["domain"], domains["kind"])))
    for row in problems.itertuples():
        print(f"  {row.Id}: {row.Problem} ({row.URL})", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--print", dest="print_only", action="store_true", help="print, do not write data/README.md")
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="the data folder (default: data/)")
    args = parser.parse_args(argv)
    try:
        frames = {name: load_table(name, args.data) for name in TABLES}
    except DataError as err:
        print(f"The data does not load, so there is no report: {err}", file=sys.stderr)
        print_link_problems(Path(args.data))
        return 1
    report = report_markdown(frames, frames["sources"])
    print(report)
    if not args.print_only and Path(args.data).resolve() == DATA_DIR.resolve():
        readme = DATA_DIR / "README.md"
        text = readme.read_text(encoding="utf-8")
        updated = replace_report(text, report)
        if updated != text:
            readme.write_text(updated, encoding="utf-8")
            print(f"\nwrote the report into {readme.relative_to(DATA_DIR.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
