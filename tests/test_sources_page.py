"""The Sources page under AppTest: every source with its usage, filters bound to the
URL, the conflicts with both sides, and a download for every table and the ZIP."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from streamlit.testing.v1 import AppTest

from app_pages.registry import BY_NAME
from components.loader import load_table
from components.schema import TABLES
from components.text import md_escape
from tests.conftest import ROOT, run_page

PAGE = BY_NAME["sources"].path


def run(query: dict | None = None, open_all: bool = False) -> AppTest:
    return run_page(PAGE, query, open_all)


def source_list(at: AppTest):
    matches = [d.value for d in at.dataframe if "Rows citing it (all tables)" in d.value.columns]
    assert len(matches) == 1
    return matches[0]


def test_page_lists_every_source_with_publisher_title_link_date_tier_and_usage():
    at = run()
    assert not at.exception and not at.error
    assert at.title[0].value == "Where does each fact come from?"
    shown = source_list(at)
    sources = load_table("sources")
    assert len(shown) == len(sources)
    for column in (
        "Id",
        "Publisher",
        "Title",
        "Link",
        "As of",
        "Tier",
        "Rows citing it (all tables)",
        "Rows in populations",
        "Rows in goals",
    ):
        assert column in shown.columns
    assert (shown["Rows citing it (all tables)"] > 0).all()  # every source is cited somewhere
    assert "sources" in at.markdown[0].value and "tier A" in at.markdown[0].value


def test_tier_filter_from_the_url():
    at = run({"tier": ["A"]})
    assert at.multiselect(key="tier").value == ["A"]
    assert set(source_list(at)["Tier"]) == {"A"}


def test_table_filter_keeps_sources_that_table_uses_and_its_count_column():
    at = run({"table": ["goals"]})
    shown = source_list(at)
    assert (shown["Rows in goals"] > 0).all()
    assert "Rows in populations" not in shown.columns
    chart = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert {trace["name"] for trace in chart["data"]} == {
        "A: official or primary",
        "B: health system or university",
        "C: other (commercial, blog, copy of a page)",
    }


def test_unknown_url_values_are_ignored():
    at = run({"tier": ["Z", "B"], "table": ["nope", "<b>"]})
    assert not at.exception
    assert at.multiselect(key="tier").value == ["B"]
    assert at.multiselect(key="table").value == []


def test_filters_that_exclude_everything_explain_why():
    at = run({"tier": ["C"], "table": ["goals"]})
    goals_sources = set(s.strip() for cell in load_table("goals")["source_ids"] for s in cell.split(";"))
    tier_c = set(load_table("sources").query("tier == 'C'")["source_id"])
    if goals_sources & tier_c:
        assert set(source_list(at)["Tier"]) == {"C"}
    else:
        assert "No source matches" in at.warning[0].value


def test_conflicts_show_both_sides_with_sources():
    at = run()
    conflicts = load_table("conflicts")
    # One card per conflict: its question, then both sides next to each other in a
    # table, each side with its own linked sources.
    cards = [m.value for m in at.markdown if "| One source says | Another source says |" in m.value]
    assert len(cards) == len(conflicts)
    for card, row in zip(cards, conflicts.itertuples()):
        assert card.startswith(f"**{md_escape(row.question)}**")
        assert md_escape(row.side_a) in card and md_escape(row.side_b) in card
        assert card.count(":small[Sources: [") == 2


def test_every_table_and_the_zip_can_be_downloaded_without_rerun():
    # Closed, the table expanders build nothing (they are lazy); opened, each has its download.
    # Shown without opening anything: the source list, the two data-quality tables and the ZIP.
    assert [b.proto.label for b in run().get("download_button")] == ["Download this table (CSV)"] * 3 + [
        "Download the whole fact base (ZIP)"
    ]
    at = run(open_all=True)
    buttons = at.get("download_button")
    keys = {b.proto.id for b in buttons}
    labels = [b.proto.label for b in buttons]
    assert "Download the whole fact base (ZIP)" in labels
    # one per table, plus the source list, the two data-quality tables and the conflicts table
    assert len(buttons) >= len(TABLES) + 5
    assert all(b.proto.ignore_rerun for b in buttons)
    assert len(keys) == len(buttons)


def test_a_broken_table_stops_this_page_with_one_clear_message(tmp_path, monkeypatch):
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    lines = (target / "conflicts.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2] = "not an id" + lines[2][lines[2].index(",") :]
    (target / "conflicts.csv").write_text("".join(lines), encoding="utf-8")
    monkeypatch.setenv("OTPT_DATA_DIR", str(target))
    at = run()
    assert not at.exception
    assert len(at.error) == 1 and "conflicts" in at.error[0].value and "line 3" in at.error[0].value


# --- data quality and weakly sourced rows ---------------------------------------------------------


def all_sources_tier_c(tmp_path, monkeypatch) -> Path:
    """A copy of data/ in which every source is tier C, so every row is weakly sourced."""
    import csv
    import io

    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    rows = list(csv.reader(io.StringIO((target / "sources.csv").read_text(encoding="utf-8"), newline="")))
    tier = rows[0].index("tier")
    for row in rows[1:]:
        row[tier] = "C"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    (target / "sources.csv").write_text(out.getvalue(), encoding="utf-8")
    monkeypatch.setenv("OTPT_DATA_DIR", str(target))
    return target


def test_the_data_quality_section_shows_the_figures_with_downloads():
    from components import data_quality as dq

    at = run()
    assert not at.exception
    assert "How strong are the sources?" in [h.value for h in at.subheader]
    frames = {name: load_table(name) for name in TABLES}
    expected = dq.strong_share(frames, frames["sources"])
    assert any(f"{expected:g}% of the rows a caregiver reads" in m.value for m in at.markdown)
    coverage = [d.value for d in at.dataframe if list(d.value.columns) == dq.COVERAGE_COLUMNS]
    assert len(coverage) == 1
    assert coverage[0].set_index("Table").loc[dq.CAREGIVER_TOTAL, "Share (%)"] == expected
    figures = [d.value for d in at.dataframe if list(d.value.columns) == dq.SOURCE_COLUMNS]
    assert len(figures) == 1 and figures[0].set_index("Figure").loc["All sources", "Sources"] == len(frames["sources"])
    keys = {b.proto.id.rsplit("-", 1)[-1] for b in at.get("download_button")}
    assert {"download_data_quality", "download_data_quality_sources"} <= keys


def test_a_conflict_with_only_tier_c_sources_is_marked_weakly_sourced(tmp_path, monkeypatch):
    conflict_cards = lambda at: [m.value for m in at.markdown if "One source says" in m.value]  # noqa: E731
    strong = {card for card in conflict_cards(run()) if "weakly sourced" not in card}
    assert strong  # with the real data, some conflicts rest on tier A or B sources and carry no mark
    all_sources_tier_c(tmp_path, monkeypatch)
    at = run(open_all=True)
    cards = conflict_cards(at)
    assert cards and all(":red-badge[weakly sourced]" in card for card in cards)
    table = [d.value for d in at.dataframe if "Their sources" in d.value.columns]
    assert len(table) == 1 and set(table[0]["Sourcing"]) == {"weakly sourced"}
