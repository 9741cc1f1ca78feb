"""Every page under Streamlit's AppTest: runs cleanly, filters change what is shown,
URL parameters seed the view, unknown URL values are ignored, and a broken data
file shows one clear message on the pages that need it (and only there)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from app_pages.registry import PAGES as REGISTRY
from tests.conftest import ROOT, run_page

# Pages with a test file of their own (their checks differ: the aid shows a download only
# once it answers, the sources page reads every table).
OWN_TEST_FILE = {"decide": "tests/test_decide_page.py", "sources": "tests/test_sources_page.py"}
PAGES = {p.name: p.path for p in REGISTRY if p.name not in OWN_TEST_FILE}
# Which data files each page needs (a broken one must stop that page only).
NEEDS = {
    "compare": {"dimensions.csv", "education.csv", "sources.csv"},
    "populations": {"populations.csv", "sources.csv"},
    "interventions": {"interventions.csv", "sources.csv"},
    "careers": {"wages_employment.csv", "work_settings.csv", "workforce_trends.csv", "education.csv", "sources.csv"},
    "where": {"state_figures.csv", "sources.csv"},
    "work": {"onet_ratings.csv", "onet_tasks.csv", "onet_interests.csv", "onet_occupations.csv", "sources.csv"},
}


def run(page: str, query: dict | None = None, open_all: bool = False) -> AppTest:
    return run_page(PAGES[page], query, open_all)


def test_every_page_of_the_navigation_is_tested():
    assert set(PAGES) | set(OWN_TEST_FILE) == {p.name for p in REGISTRY}
    assert set(NEEDS) == set(PAGES), "say which data files a new page needs"


@pytest.mark.parametrize("page", PAGES)
def test_page_runs_without_exception_or_error(page):
    at = run(page)
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert at.title[0].value.endswith("?")  # titles ask the page's question


def test_entry_point_routes_to_the_default_page():
    at = run_page(ROOT / "dashboard.py")
    assert not at.exception
    # The decision aid is the first page a visitor sees; compare is at /compare.
    assert at.title[0].value == "Which therapy could help?"


# The main table of each page, found by a column only it has (AppTest does not expose
# dataframe keys).
MAIN_COLUMN = {
    "download_populations": "What OT typically works on",
    "download_interventions": "What it involves",
    "download_compare": "Key points",
}


def table(at: AppTest, key: str):
    matches = [d.value for d in at.dataframe if MAIN_COLUMN[key] in d.value.columns]
    assert len(matches) == 1, f"expected one main table with column {MAIN_COLUMN[key]}"
    return matches[0]


def test_populations_default_view_is_the_article_populations():
    at = run("populations")
    shown = table(at, "download_populations")
    assert len(shown) == 9
    assert "Stroke" in " ".join(shown["Population"])


def test_changing_population_filter_changes_table_and_summary():
    at = run("populations")
    before = table(at, "download_populations")
    stroke = next(p for p in before["Population"] if p.startswith("Stroke"))
    at.multiselect(key="population").set_value([stroke]).run()
    after = table(at, "download_populations")
    assert list(after["Population"]) == [stroke]
    assert "For Stroke" in at.markdown[0].value


def test_url_parameter_seeds_population_filter():
    at = run("populations", {"population": ["Serious mental illness"]})
    shown = table(at, "download_populations")
    assert list(shown["Population"]) == ["Serious mental illness"]
    assert list(shown["Who usually leads"]) == ["OT"]


def test_unknown_url_value_is_ignored():
    at = run("populations", {"population": ["Serious mental illness", "<script>alert(1)</script>", "Nope"]})
    assert not at.exception
    assert list(table(at, "download_populations")["Population"]) == ["Serious mental illness"]


def test_age_and_category_filters_narrow_the_rows():
    at = run("populations", {"age": ["Infants and toddlers"]})
    shown = table(at, "download_populations")
    assert 0 < len(shown) < 9
    assert all("Infants and toddlers" in ages for ages in shown["Age groups"])
    at = run("populations", {"category": ["Mental health"]})
    assert set(table(at, "download_populations")["Category"]) == {"Mental health"}


def test_empty_selection_shows_guidance_not_a_chart():
    at = run("populations", {"population": [""]})
    assert not at.exception
    assert "Choose at least one population" in at.info[0].value
    assert not at.get("plotly_chart")


def test_filters_that_exclude_everything_explain_why():
    at = run("populations", {"population": ["Serious mental illness"], "age": ["Infants and toddlers"]})
    assert "None of the populations you chose" in at.warning[0].value
    assert not at.get("plotly_chart")


POPULATION_CHARTS = "Charts: who leads, how involved"  # the populations page's second tab


def test_populations_tabs_build_only_the_open_view():
    # The default tab answers "who does what" in words; the charts are one click away
    # and are neither built nor sent until that tab is open.
    at = run("populations")
    assert not at.get("plotly_chart")
    cards = [m.value for m in at.markdown if ":blue-badge[OT] occupational therapy" in m.value]
    assert len(cards) == len(table(at, "download_populations"))
    at = run("populations", {"view": POPULATION_CHARTS})
    assert len(at.get("plotly_chart")) == 1  # who leads; how involved is a Markdown table
    assert [m for m in at.markdown if m.value.startswith("| Population | :blue-badge[OT]")]
    assert not [m for m in at.markdown if m.value.startswith("**") and ":blue-badge[OT] occupational" in m.value]
    assert len(table(at, "download_populations")) == len(cards)  # the table stays under both views


def test_populations_charts_carry_both_professions():
    import json

    at = run("populations", {"view": POPULATION_CHARTS})
    charts = at.get("plotly_chart")
    assert len(charts) == 1
    lead_names = {trace["name"] for trace in json.loads(charts[0].proto.spec)["data"]}
    assert {"OT usually leads", "PT usually leads", "Both share the lead"} <= lead_names
    (involvement,) = [m.value for m in at.markdown if m.value.startswith("| Population |")]
    assert ":blue-badge[OT] occupational therapy" in involvement and ":orange-badge[PT] physical therapy" in involvement
    rows = involvement.splitlines()[2:]
    assert len(rows) == len(table(at, "download_populations"))
    assert any(":blue-badge[" in r for r in rows) and any(":orange-badge[" in r for r in rows)


def test_interventions_filters_change_the_table():
    at = run("interventions")
    all_rows = table(at, "download_interventions")
    at.radio(key="used_by").set_value("OT").run()
    ot_rows = table(at, "download_interventions")
    assert 0 < len(ot_rows) < len(all_rows)
    assert set(ot_rows["Used by"]) <= {"OT", "Both"}


def test_interventions_url_seeds_category_and_article_toggle():
    at = run("interventions", {"treatment_category": ["Evaluation"]})
    assert set(table(at, "download_interventions")["Category"]) == {"Evaluation"}
    at = run("interventions", {"named_in_article": ["true"]})
    shown = table(at, "download_interventions")
    assert len(shown) > 0 and all(shown["Named in the starting article as"] != "")


def test_compare_dimension_filter_and_url():
    at = run("compare", {"dimension": ["Core focus"]})
    shown = table(at, "download_compare")
    assert set(shown["Dimension"]) == {"Core focus"}
    assert set(shown["Profession"]) >= {"OT", "PT"}
    at.multiselect(key="dimension").set_value(["Educational requirements", "Treatment goals"]).run()
    assert set(table(at, "download_compare")["Dimension"]) == {"Educational requirements", "Treatment goals"}


def test_compare_empty_dimension_selection_guides():
    at = run("compare", {"dimension": [""]})
    assert "Choose at least one dimension" in at.info[0].value


@pytest.mark.parametrize("page", PAGES)
def test_download_buttons_do_not_rerun(page):
    at = run(page, open_all=True)
    buttons = at.get("download_button")
    assert buttons, "every table view has a download button"
    assert all(b.proto.ignore_rerun for b in buttons)


@pytest.fixture
def broken_data(tmp_path, monkeypatch):
    """A copy of data/ in which one named file gets a bad value on a known line."""

    def make(file: str) -> Path:
        target = tmp_path / "data"
        shutil.copytree(ROOT / "data", target)
        lines = (target / file).read_text(encoding="utf-8").splitlines(keepends=True)
        header = lines[0].rstrip("\n").split(",")
        # Line 3 of the file: break its id cell (the first column) with a bad id.
        first_comma = lines[2].index(",")
        lines[2] = "not an id" + lines[2][first_comma:]
        (target / file).write_text("".join(lines), encoding="utf-8")
        monkeypatch.setenv("OTPT_DATA_DIR", str(target))
        return target, header[0]

    return make


@pytest.mark.slow  # runs pages on a broken copy of data/: long, like tests/reliability
@pytest.mark.parametrize(
    "file", ["populations.csv", "interventions.csv", "dimensions.csv", "education.csv", "sources.csv"]
)
def test_broken_file_shows_clear_message_on_pages_that_need_it(broken_data, file):
    _, first_column = broken_data(file)
    for page in PAGES:
        at = run(page)
        assert not at.exception, at.exception
        if file in NEEDS[page]:
            assert len(at.error) == 1
            message = at.error[0].value
            assert file.replace(".", "\\.") in message or file in message
            assert "line 3" in message
            assert first_column.replace("_", "\\_") in message or first_column in message
            assert "Traceback" not in message
            assert not at.get("plotly_chart")
        else:
            assert not at.error, f"{page} does not need {file} and must keep working"


def test_filter_keys_are_unique_across_pages():
    """A key bound to the URL on two pages with different widget types crashed a page
    switch (the aid's age selectbox fed a string to the populations multiselect)."""
    import re

    # Shared on purpose: the same widget type with the same values (state names), so a state
    # chosen in the aid is the one looked up on Jobs by state (checked by switching below).
    shared = {"state": {"decide.py", "where.py"}}
    keys: dict[str, str] = {}
    for page in sorted((ROOT / "app_pages").glob("*.py")):
        for key in re.findall(r'key="([a-z_]+)",\s*\n\s*bind="query-params"', page.read_text(encoding="utf-8")):
            if key in shared:
                assert page.name in shared[key], f"URL key '{key}' is bound on {page.name}"
                continue
            assert key not in keys, f"URL key '{key}' is bound on both {keys[key]} and {page.name}"
            keys[key] = page.name
    assert {"population", "age", "age_group", "condition"} <= set(keys)


@pytest.mark.parametrize("state", ["New York", "U.S. Virgin Islands"])
def test_a_state_chosen_in_the_aid_survives_a_switch_to_jobs_by_state(state):
    at = run_page(ROOT / "dashboard.py", {"state": state, "goal": "Walk or climb stairs without pain"})
    assert not at.exception
    at.switch_page("app_pages/where.py").run()
    assert not at.exception, at.exception
    assert not at.error
    if state == "New York":
        assert at.selectbox(key="state").value == state


def test_switching_from_the_aid_to_populations_keeps_working():
    at = run_page(ROOT / "dashboard.py", {"age_group": "Older adults"})
    assert not at.exception
    at.switch_page("app_pages/populations.py").run()
    assert not at.exception, at.exception


def test_weakly_sourced_rows_are_marked_on_screen_and_in_the_tables(tmp_path, monkeypatch):
    from tests.test_sources_page import all_sources_tier_c

    # With the real data, the article's populations all cite a tier A or B source: no mark.
    at = run("populations")
    assert not any("weakly sourced" in m.value for m in at.markdown)
    assert not any("Weakly sourced* marks" in c.value for c in at.caption)  # nothing to explain
    assert set(table(at, "download_populations")["Sourcing"]) == {""}
    all_sources_tier_c(tmp_path, monkeypatch)
    at = run("populations")
    cards = [m.value for m in at.markdown if "| :blue-badge[OT] occupational therapy" in m.value]
    assert cards and all(":red-badge[weakly sourced]" in card for card in cards)
    assert set(table(at, "download_populations")["Sourcing"]) == {"weakly sourced"}
    assert any("Weakly sourced* marks" in c.value for c in at.caption)  # the footer says what the mark means
    assert set(table(run("interventions"), "download_interventions")["Sourcing"]) == {"weakly sourced"}
    compare = run("compare", open_all=True)
    assert any(":red-badge[weakly sourced]" in m.value for m in compare.markdown)
