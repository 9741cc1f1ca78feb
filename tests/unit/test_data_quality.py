"""components/data_quality.py and tools/data_report.py: the figures of the data-quality report."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd

from components import data_quality as dq

ROOT = Path(__file__).resolve().parents[2]

SOURCES = pd.DataFrame(
    {
        "source_id": ["S1", "S2", "S3", "S4"],
        "tier": ["A", "B", "C", "C"],
        "as_of": ["2024", "undated", "undated", "2020"],
        "date_kind": ["updated", "", "", ""],
    }
)


def frames() -> dict[str, pd.DataFrame]:
    return {
        "sources": SOURCES,
        "populations": pd.DataFrame({"population_id": ["P01", "P02", "P03"], "source_ids": ["S1", "S3", "S2; S4"]}),
        "conflicts": pd.DataFrame(
            {"conflict_id": ["K01", "K02"], "side_a_source_ids": ["S3", "S3"], "side_b_source_ids": ["S2", "S4"]}
        ),
        "wages_employment": pd.DataFrame({"figure_id": ["W001", "W002"], "source_ids": ["S4", "S1"]}),
    }


def test_coverage_counts_rows_with_a_tier_a_or_b_source_and_lists_the_weak_ones():
    table = dq.coverage({n: f for n, f in frames().items() if n != "sources"}, SOURCES).set_index("Table")
    assert table.loc["populations", "Rows with a tier A or B source"] == 2
    assert table.loc["populations", "Share (%)"] == 66.7
    assert table.loc["populations", "Weakly sourced ids"] == "P02"
    assert table.loc["conflicts", "Weakly sourced ids"] == "K02"  # both sides count
    total = table.loc[dq.CAREGIVER_TOTAL]
    assert (total["Rows"], total["Rows with a tier A or B source"], total["Weakly sourced rows"]) == (5, 3, 2)
    # Other tables are counted after the total, without listing ids.
    assert list(table.index) == ["populations", "conflicts", dq.CAREGIVER_TOTAL, "wages_employment"]
    assert (
        table.loc["wages_employment", "Weakly sourced rows"] == 1
        and table.loc["wages_employment", "Weakly sourced ids"] == ""
    )


def test_source_figures_give_tiers_undated_and_dated_kinds():
    figures = dq.source_figures(SOURCES, frames()).set_index("Figure")
    assert figures.loc["All sources", "Sources"] == 4
    assert [figures.loc[f"Tier {t}", "Sources"] for t in "ABC"] == [1, 1, 2]
    assert (figures.loc["Undated", "Sources"], figures.loc["Undated", "Share (%)"]) == (2, 50.0)
    # S1, S2, S3, S4 are all behind populations or conflicts rows; S2 and S3 are undated.
    assert figures.loc["Behind caregiver-facing rows, undated", "Share (%)"] == 50.0
    assert figures.loc["Date says what it is (published, updated, reviewed, accessed)", "Sources"] == 1


def test_strong_share_is_the_caregiver_total():
    assert dq.strong_share(frames(), SOURCES) == 60.0


def test_report_markdown_has_a_sentence_and_two_tables():
    text = dq.report_markdown(frames(), SOURCES)
    assert text.startswith(
        "60% of the rows in the caregiver-facing tables cite a tier A or B source; 50% of all 4 sources"
    )
    assert "| populations | 3 | 2 | 66.7 | 1 | P02 |" in text
    assert "| Undated | 2 | 50 |" in text


def test_replace_report_rewrites_only_between_the_markers():
    readme = f"# Data\n\nintro\n\n{dq.README_START}\nold figures\n{dq.README_END}\n\n## After\n"
    out = dq.replace_report(readme, "new figures")
    assert out == f"# Data\n\nintro\n\n{dq.README_START}\nnew figures\n{dq.README_END}\n\n## After\n"
    assert dq.replace_report(out, "new figures") == out
    added = dq.replace_report("# Data\n", "figures")
    assert added.endswith(f"## Data quality\n\n{dq.README_START}\nfigures\n{dq.README_END}\n")


def test_the_readme_holds_the_report_markers():
    readme = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    assert readme.count(dq.README_START) == 1 and readme.count(dq.README_END) == 1


def test_the_readme_figures_are_those_of_the_data():
    """data/README.md prints the report of the data it sits beside (`make data-report` after a change)."""
    from components.loader import load_table
    from components.schema import TABLES

    frames = {name: load_table(name) for name in TABLES}
    readme = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    assert dq.replace_report(readme, dq.report_markdown(frames, frames["sources"])) == readme, (
        "data/README.md's data-quality figures are out of date: run `make data-report`"
    )


def test_the_script_prints_the_report_of_a_data_folder(tmp_path):
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "data_report.py"), "--print"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "of the rows in the caregiver-facing tables cite a tier A or B source" in done.stdout
    assert "| Tier A |" in done.stdout


def test_the_script_says_so_when_the_data_does_not_load(tmp_path):
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "data_report.py"), "--data", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1 and "does not load" in done.stderr


def test_link_problems_lists_every_broken_source_not_only_the_first():
    sources = pd.DataFrame(
        {
            "source_id": ["S1", "S2", "S3", "S4", "S5"],
            "url": [
                "https://myfuture.com./jobs",
                "https://example.org/a/",
                "http://example.org/a",
                "https://docslib.org/doc/1",
                "https://example.org/ok",
            ],
            "tier": ["C", "A", "A", "B", "A"],
        }
    )
    problems = dq.link_problems(sources, {"docslib.org": "document copy"})
    assert problems["Id"].tolist() == ["S1", "S3", "S4"]
    assert "ends in a dot" in problems["Problem"].iloc[0]
    assert problems["Problem"].iloc[1] == "the same page as S2"
    assert "copy site docslib.org" in problems["Problem"].iloc[2]
