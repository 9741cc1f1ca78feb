"""The careers pages under AppTest: filters and URL parameters change what is
shown, empty choices guide the user, unknown URL values are ignored, the charts carry the
right professions, the map is a tile grid with no geographic trace, every O*NET view
credits O*NET, and a broken careers file stops only the pages that need it."""

from __future__ import annotations

import json
import math
import re
import shutil

import pytest
from streamlit.testing.v1 import AppTest

from app_pages.registry import BY_NAME
from components.loader import load_table
from components.text import md_escape
from tests.conftest import run_page
from tests.test_pages import NEEDS, PAGES, ROOT

CAREERS_FILES = (
    "wages_employment.csv",
    "work_settings.csv",
    "state_figures.csv",
    "workforce_trends.csv",
    "onet_ratings.csv",
    "onet_tasks.csv",
    "onet_interests.csv",
    "onet_occupations.csv",
)
CREDIT = "O\\*NET 30\\.0 Database by USDOL/ETA, used under the CC BY 4\\.0 license"


CAREERS_SECTIONS = (
    "Degree and license",
    "Pay",
    "Jobs and growth",
    "Where they work",
    "Over the years",
    "Where sources disagree",
)


def run(page: str, query: dict | None = None, section: str | None = None) -> AppTest:
    """The page with these URL parameters, every table expander open; on careers, one tab."""
    query = dict(query or {})
    if section:
        query["section"] = section
    return run_page(PAGES[page], query, open_all=True)


def every_section(query: dict | None = None) -> list[AppTest]:
    """The careers page once per tab (only the open tab is built)."""
    return [run("careers", query, section) for section in CAREERS_SECTIONS]


def frame_with(at: AppTest, *columns: str):
    """The one st.dataframe that has all these columns (AppTest does not expose table keys)."""
    matches = [d.value for d in at.dataframe if set(columns) <= set(d.value.columns)]
    assert len(matches) == 1, f"expected one table with columns {columns!r}, found {len(matches)}"
    return matches[0]


def figures_column(table) -> str:
    """The state table's figure column: its name carries the unit, e.g. 'Figure (jobs)'."""
    (name,) = [c for c in table.columns if c.startswith("Figure")]
    return name


def plain(markdown: str) -> str:
    """Markdown as a reader sees it: escapes and bold markers removed."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("**", "")


def specs(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def trace_names(spec: dict) -> set[str]:
    return {t.get("name") for t in spec["data"] if t.get("name")}


def quick_facts(at: AppTest):
    tables = [t for t in at.table if "Median pay" in list(t.value.index)]
    assert len(tables) == 1
    return tables[0].value


# --- Careers ----------------------------------------------------------------------------------


def test_careers_default_shows_all_four_professions_in_the_handbook_form():
    at = run("careers")
    assert not at.exception and not at.error
    facts = quick_facts(at)
    assert list(facts.columns) == ["OT", "OTA", "PT", "PTA"]
    assert facts.loc["Median pay", "OT"].startswith("$") and "tier" in facts.loc["Median pay", "OT"]
    assert re.search(r"(19|20)\d\d", facts.loc["Median pay", "PT"])  # every cell carries its date
    assert "Median pay, official figures first" in at.markdown[0].value
    # The first tab (degree and license) has no chart; the six charts are spread over
    # the other tabs, and only the open tab's are built.
    assert not at.get("plotly_chart")
    assert [len(s.get("plotly_chart")) for s in every_section()] == [0, 1, 3, 1, 1, 0]


def tier_a_in_data(profession: str, measure: str) -> bool:
    from components.figures import with_tier

    national = with_tier(load_table("wages_employment"), load_table("sources"))
    return bool(
        ((national["profession"] == profession) & (national["measure"] == measure) & (national["tier"] == "A")).any()
    )


def test_quick_facts_show_tier_a_median_pay_and_number_of_jobs_for_ot_and_pt():
    facts = quick_facts(run("careers", {"profession": ["OT", "PT"]}))
    missing = []
    for fact, measure in (
        ("Median pay", "median_annual_wage"),
        ("Number of jobs (BLS projections; includes self-employed)", "ep_jobs"),
    ):
        for profession in ("OT", "PT"):
            if not tier_a_in_data(profession, measure):
                missing.append(f"{profession} {measure}")
                continue
            shown = facts.loc[fact, profession].split(" · a third party")[0].split(" · not the same period")[0]
            assert shown.endswith(" · tier A"), (fact, profession, facts.loc[fact, profession])
    assert len(missing) < 4  # OT has official pay and jobs figures
    if missing:
        pytest.skip("data/ has no tier-A figure yet for: " + ", ".join(missing))


def test_no_quick_fact_shows_a_weaker_tier_where_the_data_has_a_tier_a_figure():
    from components.careers import QUICK_FACT_ROWS
    from components.figures import FALLBACK_GROUP, with_tier

    national = with_tier(load_table("wages_employment"), load_table("sources"))
    facts = quick_facts(run("careers"))
    checked = 0
    for label, kind, measure in QUICK_FACT_ROWS:
        if kind != "national":
            continue
        for profession in facts.columns:
            rows = national[(national["profession"] == profession) & (national["measure"] == measure)]
            if rows.empty and profession in FALLBACK_GROUP:
                rows = national[
                    (national["profession"] == FALLBACK_GROUP[profession]) & (national["measure"] == measure)
                ]
            if (rows["tier"] == "A").any():
                shown = facts.loc[label, profession].split(" · a third party")[0].split(" · not the same period")[0]
                assert shown.endswith(" · tier A"), (label, profession, facts.loc[label, profession])
                checked += 1
    assert checked >= 8  # OT has tier-A pay, jobs and outlook figures at least


def test_profession_filter_from_the_url_narrows_every_view():
    sections = dict(zip(CAREERS_SECTIONS, every_section({"profession": ["OT", "PT"]})))
    for at in sections.values():
        assert list(quick_facts(at).columns) == ["OT", "PT"]
        for spec in specs(at):
            names = trace_names(spec)
            assert names <= {"OT", "PT"}, names
    jobs = frame_with(sections["Jobs and growth"], "Figure", "Value")
    assert set(jobs["Profession"]) == {"OT", "PT"}
    pay = frame_with(sections["Pay"], "Median (half earn more)")
    assert set(pay["Profession"]) == {"OT", "PT"} and (pay["Period"] != "").all()


def test_changing_the_profession_filter_changes_the_quick_facts():
    at = run("careers")
    at.multiselect(key="profession").set_value(["PTA"]).run()
    assert list(quick_facts(at).columns) == ["PTA"]
    assert "PTA $68,380 (May 2025, tier C)" in plain(at.markdown[0].value)


def test_unknown_professions_in_the_url_are_ignored():
    at = run("careers", {"profession": ["PT", "Surgeon", "<b>x</b>"]})
    assert not at.exception
    assert list(quick_facts(at).columns) == ["PT"]


def test_empty_profession_choice_guides_and_draws_nothing():
    at = run("careers", {"profession": [""]})
    assert "Choose at least one profession" in at.info[0].value
    assert not at.get("plotly_chart")


def test_the_two_job_counts_are_two_measures_on_the_chart():
    at = run("careers", {"profession": ["OT"]}, section="Jobs and growth")
    jobs = next(s for s in specs(at) if "Two counts" in s["layout"]["title"]["text"].replace("<br>", " "))
    labels = [t["y"][0] for t in jobs["data"]]
    assert labels == ["OT: number of jobs", "OT: payroll jobs"]


def test_trend_choice_changes_the_series_and_keeps_projection_decades_apart():
    at = run("careers", {"trend": ["Number of jobs (BLS projections)"]}, section="Over the years")
    trend = frame_with(at, "On the chart")
    assert set(trend["Value"].str.endswith("jobs")) == {True}
    at.radio(key="trend").set_value("Projected growth over 10 years").run()
    trend = frame_with(at, "On the chart")
    assert "First year of the projection" in trend.columns and trend["Value"].str.endswith("%").all()


def test_conflicts_show_both_sides_hrsa_shortage_and_apta_surplus():
    at = run("careers", section="Where sources disagree")
    text = " ".join(m.value for m in at.markdown)
    assert "HRSA projection" in text and "APTA projection" in text
    assert "shortage" in text and "surplus" in text
    conflicts = frame_with(at, "Question")
    ot_jobs = conflicts[conflicts["Question"].str.startswith("OT: Payroll jobs")]
    assert sorted(ot_jobs["Figure"]) == ["144,840 jobs", "144,850 jobs"]
    at = run("careers", {"profession": ["OTA"]}, section="Where sources disagree")
    assert "HRSA projection" not in " ".join(m.value for m in at.markdown)


def test_pass_rates_are_labelled_as_kinds_that_do_not_compare():
    at = run("careers")
    assert "not comparable" in at.warning[0].value
    rates = next(t.value for t in at.table if "Kind of rate" in t.value.columns)
    assert {"New-graduate rate (NBCOT)", "Ultimate rate, after any number of attempts (FSBPT)"} <= set(
        rates["Kind of rate"]
    )


def test_careers_downloads_are_named_after_the_filters():
    buttons = [b for at in every_section({"profession": ["OT", "PT"]}) for b in at.get("download_button")]
    assert all(b.proto.ignore_rerun for b in buttons)
    assert len(buttons) >= 7


# --- Where ------------------------------------------------------------------------------------


def test_where_default_is_pt_jobs_for_all_51_states_on_a_tile_grid():
    at = run("where")
    assert not at.exception and not at.error
    table = frame_with(at, "In words")
    assert len(table) == 51 and table["Figure (jobs)"].notna().all()
    (spec,) = specs(at)
    assert {t["type"] for t in spec["data"]} == {"heatmap"}
    assert "figures for 51 of 51" in plain(at.markdown[0].value)


def test_where_profession_and_measure_from_the_url_show_missing_states_as_missing():
    at = run("where", {"occupation": ["OT"], "measure": ["Average (mean) pay per year"], "period": ["May 2023"]})
    table = frame_with(at, "In words")
    assert len(table) == 51
    figure = figures_column(table)
    assert figure == "Figure (USD per year)"
    missing = table[table[figure].isna()]
    assert len(missing) == 25 and set(missing["In words"]) == {"No figure found"}
    assert "Texas" in set(missing["State"])
    assert not (table[figure] == 0).any()
    assert "26 of 51" in plain(at.markdown[0].value) and "25 have no figure" in plain(at.markdown[0].value)
    national = next(plain(c.value) for c in at.caption if "United States, same source" in plain(c.value))
    assert "$93,491 a year" in national and "doubtful" in national  # the suspect U.S. mean says so


def test_where_changing_profession_resets_measure_and_period_to_what_exists():
    at = run("where", {"measure": ["Location quotient (1 = the U.S. share of jobs)"], "period": ["May 2021"]})
    assert "location quotient" in plain(at.markdown[0].value)
    at.radio(key="occupation").set_value("OT").run()
    assert not at.exception
    assert plain(at.markdown[0].value).startswith("OT, payroll jobs, May 2023")


def test_where_state_lookup_highlights_the_state_and_lists_its_figures():
    at = run("where", {"state": ["Texas"]})
    detail = frame_with(at, "Measure", "Figure")
    assert len(detail) > 5 and set(detail["Profession"]) >= {"OT", "PT"}
    (spec,) = specs(at)
    assert [a["text"] for a in spec["layout"]["annotations"]] == ["Outlined: Texas"]
    assert any(s.get("type") == "rect" for s in spec["layout"].get("shapes", []))


def test_where_ignores_unknown_url_values():
    at = run("where", {"occupation": ["Dentist"], "measure": ["Nope"], "state": ["Atlantis"]})
    assert not at.exception and not at.error
    assert plain(at.markdown[0].value).startswith("PT, payroll jobs")
    assert len(frame_with(at, "In words")) == 51


def test_where_period_menu_never_mixes_years_on_the_map():
    at = run("where", {"period": ["May 2012"]})
    table = frame_with(at, "In words")
    periods = set(table.loc[table[figures_column(table)].notna(), "As the source gives the period"])
    assert periods and all("2012" in p for p in periods)


# --- The work itself ----------------------------------------------------------------------------


def test_work_default_compares_skills_largest_difference_first_with_credit():
    at = run("work")
    assert not at.exception and not at.error
    profile = frame_with(at, "Difference (OT minus PT)")
    assert len(profile) == 10
    gaps = [abs(d) for d in profile["Difference (OT minus PT)"]]
    assert gaps == sorted(gaps, reverse=True)
    captions = " ".join(c.value for c in at.caption)
    assert captions.count(CREDIT) == 4  # the profile, interests, tasks and job zone views
    assert len(at.get("plotly_chart")) == 2


def test_work_domain_scale_and_count_come_from_the_url():
    at = run("work", {"domain": ["Abilities", "Knowledge"], "scale": ["Level"], "show": ["All"]})
    profile = frame_with(at, "Difference (OT minus PT)")
    assert len(profile) == 52 + 33 and set(profile["Domain"]) == {"Abilities", "Knowledge"}
    assert "PT level" in profile.columns


def test_work_styles_have_no_level_so_importance_is_shown():
    at = run("work", {"domain": ["Work Styles"], "scale": ["Level"]})
    assert "importance only" in " ".join(c.value for c in at.caption)
    assert "PT importance" in frame_with(at, "Difference (OT minus PT)").columns


def test_work_empty_domain_guides():
    at = run("work", {"domain": [""]})
    assert "Choose at least one thing to compare" in at.info[0].value
    assert not at.get("plotly_chart")


def test_work_shows_riasec_and_the_top_tasks_of_each():
    at = run("work")
    interests = frame_with(at, "What it means")
    assert list(interests["Interest"]) == [
        "Realistic",
        "Investigative",
        "Artistic",
        "Social",
        "Enterprising",
        "Conventional",
    ]
    assert interests.set_index("Interest").loc["Social", "OT score (1-7)"] == pytest.approx(6.13)
    tasks = frame_with(at, "Task (O*NET wording)")
    assert tasks.groupby("Profession").size().to_dict() == {"OT": 8, "PT": 8}
    assert math.isclose(tasks.iloc[0]["Importance (1-5)"], 4.77)


# --- a broken careers file stops only the pages that need it -----------------------------------


@pytest.fixture
def broken(tmp_path, monkeypatch):
    def make(file: str) -> str:
        target = tmp_path / "data"
        shutil.copytree(ROOT / "data", target)
        lines = (target / file).read_text(encoding="utf-8").splitlines(keepends=True)
        lines[2] = "not an id" + lines[2][lines[2].index(",") :]
        (target / file).write_text("".join(lines), encoding="utf-8")
        monkeypatch.setenv("OTPT_DATA_DIR", str(target))
        return lines[0].split(",")[0]

    return make


@pytest.mark.slow  # runs pages on a broken copy of data/: long, like tests/reliability
@pytest.mark.parametrize("file", CAREERS_FILES)
def test_a_broken_careers_file_stops_only_the_pages_that_need_it(broken, file):
    first_column = broken(file)
    for page in ("careers", "where", "work", "populations"):
        at = run(page)
        assert not at.exception, (page, at.exception)
        if file in NEEDS[page]:
            assert len(at.error) == 1, page
            message = at.error[0].value
            assert md_escape(f"data/{file}, line 3, column '{first_column}'") in message
            assert not at.get("plotly_chart")
        else:
            assert not at.error, f"{page} does not need {file}"


def test_every_careers_file_is_needed_by_some_page():
    needed = set().union(*NEEDS.values())
    assert set(CAREERS_FILES) <= needed
    assert [p.file for p in BY_NAME.values()].count("app_pages/careers.py") == 1
