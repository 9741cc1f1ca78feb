"""The careers page's "Becoming one" tab under AppTest: it opens from the URL, draws its
charts on the real data, the route and kind-of-school filters change what is shown, the
pass-rate measure never mixes first-time and ultimate rates, every download equals its
table, and a broken school file stops only its own section."""

from __future__ import annotations

import json
import re
import shutil

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from components.text import md_escape
from tests.conftest import run_page
from tests.test_pages import PAGES, ROOT

SECTION = "Becoming one"


def run(query: dict | None = None) -> AppTest:
    return run_page(PAGES["careers"], {"section": SECTION, **(query or {})}, open_all=True)


def titles(at: AppTest) -> list[str]:
    return [json.loads(c.proto.spec)["layout"]["title"]["text"].replace("<br>", " ") for c in at.get("plotly_chart")]


def spec(at: AppTest, title_start: str) -> dict:
    found = [
        json.loads(c.proto.spec)
        for c in at.get("plotly_chart")
        if json.loads(c.proto.spec)["layout"]["title"]["text"].replace("<br>", " ").startswith(title_start)
    ]
    assert len(found) == 1, (title_start, titles(at))
    return found[0]


def table(at: AppTest, *columns: str) -> pd.DataFrame:
    matches = [d.value for d in at.dataframe if set(columns) <= set(d.value.columns)]
    assert len(matches) == 1, f"expected one table with columns {columns!r}, found {len(matches)}"
    return matches[0]


def sentences(at: AppTest) -> list[str]:
    """The summary sentences: one markdown bullet per route, starting 'OT:' (escaped)."""
    return [m.value for m in at.markdown if re.match(r"- (OT|OTA|PT|PTA)\\:", m.value)]


def test_tab_opens_from_the_url_and_draws_every_chart():
    at = run()
    assert not at.exception and not at.error
    shown = titles(at)
    for start in (
        "Years from high school to a licence",
        "Programs by degree level",
        "Programs over the years",
        "What school costs",
        "Acceptance rate, by admission cycle",
    ):
        assert any(t.startswith(start) for t in shown), (start, shown)
    assert any(t.endswith(", by year") for t in shown)  # the pass-rate chart
    assert [s[:5] for s in sentences(at)] == ["- OT\\", "- OTA", "- PT\\", "- PTA"]
    assert at.query_params["section"] in (SECTION, [SECTION])


def test_other_tabs_do_not_build_the_school_view():
    at = run_page(PAGES["careers"], {"section": "Pay"})
    assert not any(t.startswith("Years from high school") for t in titles(at))


def test_timeline_has_each_route_and_labels_its_stages():
    at = run()
    figure = spec(at, "Years from high school to a licence")
    bars = [t for t in figure["data"] if t["type"] == "bar"]
    assert {b["y"][0] for b in bars} == {"OT", "OTA", "PT", "PTA"}
    assert all(b["text"][0] for b in bars)
    stages = table(at, "Stage", "Years (shortest)")
    assert set(stages["Route"]) == {"OT", "OTA", "PT", "PTA"}
    # the timed stages on the chart are the table's rows with a length
    assert len(bars) == int((stages["Years (shortest)"].notna() | stages["Years (longest)"].notna()).sum())


def test_route_filter_from_the_url_narrows_every_view():
    at = run({"profession": ["OT", "OTA"]})
    assert not at.exception and not at.error
    assert [s.split("\\:")[0] for s in sentences(at)] == ["- OT", "- OTA"]
    for columns in (("Stage", "Years (shortest)"), ("Accreditor", "Programs"), ("Measured by", "US dollars")):
        assert set(table(at, *columns)["Route"]) <= {"OT", "OTA"}
    bars = [t for t in spec(at, "Years from high school")["data"] if t["type"] == "bar"]
    assert {b["y"][0] for b in bars} == {"OT", "OTA"}


def test_changing_the_route_filter_changes_what_is_shown():
    at = run()
    before = set(table(at, "Accreditor", "Programs")["Route"])
    at.multiselect(key="profession").set_value(["PT"]).run()
    assert not at.exception
    assert before == {"OT", "OTA", "PT", "PTA"}
    assert set(table(at, "Accreditor", "Programs")["Route"]) == {"PT"}


def test_public_private_filter_is_in_the_url_and_narrows_the_costs():
    at = run({"school_type": "Private"})
    assert not at.exception
    costs = table(at, "Measured by", "US dollars")
    assert set(costs["Kind of school"]) <= {"Private", "All"} and "Private" in set(costs["Kind of school"])
    at.segmented_control(key="school_type").set_value("Public").run()
    costs = table(at, "Measured by", "US dollars")
    assert set(costs["Kind of school"]) <= {"Public", "All"} and "Public" in set(costs["Kind of school"])


def test_cost_chart_sets_costs_against_median_pay_with_periods():
    at = run()
    figure = spec(at, "What school costs")
    pay = [t for t in figure["data"] if t["name"] == "Pay"]
    assert pay and all("Median pay per year (" in t["y"][0].replace("<br>", " ") for t in pay)
    used = table(at, "Median pay per year (US dollars)")
    ot = used[used["Route"] == "OT"].iloc[0]
    assert ot["Source tier"] == "A"  # official first, though a newer third-party OT figure exists
    assert ot["Period"] == "May 2023"


def test_pass_rate_measures_are_never_mixed():
    at = run()
    measures = at.radio(key="exam_measure").options
    assert len(measures) >= 2
    for measure in measures:
        at.radio(key="exam_measure").set_value(measure).run()
        assert not at.exception
        rates = table(at, "Passed (%)")
        assert set(rates["Measure"]) == {measure}
        figure = spec(at, f"{measure}, by year")
        plotted = sorted(v for t in figure["data"] for v in t["text"])  # each point is labelled with its rate
        assert plotted == sorted(f"{v:g}%" for v in rates["Passed (%)"])


def test_unknown_url_values_are_ignored():
    at = run({"school_type": "Castle", "exam_measure": "Nope"})
    assert not at.exception and not at.error
    assert any(t.endswith(", by year") for t in titles(at))


def test_prerequisites_and_observation_hours_are_in_words():
    at = run({"profession": ["PT"]})
    asks = [m.value for m in at.markdown if m.value.startswith("- PT prerequisite")]
    assert len(asks) == 1
    shown = re.sub(r"\\(.)", r"\1", asks[0])  # as a reader sees it: markdown escapes removed
    assert "PT observation hours" in shown
    assert "PT prerequisite: Statistics (1 course)" in shown


def test_every_table_of_the_tab_has_its_own_download():
    # The bytes of a download are made on click (checked against the screen by the browser
    # tests); here: one download per table, none of which reruns the page.
    at = run({"profession": ["OT", "PT"]})
    buttons = [b for b in at.get("download_button") if "download_school_" in b.proto.id]
    keys = {b.proto.id.rsplit("-", 1)[-1] for b in buttons}
    assert keys == {
        "download_school_path",
        "download_school_programs",
        "download_school_costs",
        "download_school_pay",
        "download_school_admission",
        "download_school_exam",
        "download_school_renewal",
    }
    assert all(b.proto.ignore_rerun for b in buttons)
    tables = [d for d in at.dataframe if "Sources" in d.value.columns]  # the footer's table has "Id" instead
    assert len(tables) == len(buttons)


@pytest.fixture
def broken(tmp_path, monkeypatch):
    def make(file: str) -> None:
        target = tmp_path / "data"
        shutil.copytree(ROOT / "data", target)
        lines = (target / file).read_text(encoding="utf-8").splitlines(keepends=True)
        lines[2] = "not an id" + lines[2][lines[2].index(",") :]
        (target / file).write_text("".join(lines), encoding="utf-8")
        monkeypatch.setenv("OTPT_DATA_DIR", str(target))

    return make


@pytest.mark.slow  # runs pages on a broken copy of data/: long, like tests/reliability
@pytest.mark.parametrize("file, first_column", [("school_path.csv", "stage_id"), ("exam_results.csv", "row_id")])
def test_a_broken_school_file_stops_only_its_section(broken, file, first_column):
    broken(file)
    at = run()
    assert not at.exception
    assert len(at.error) == 1
    assert md_escape(f"data/{file}, line 3, column '{first_column}'") in at.error[0].value
    assert any(t.startswith("Programs by degree level") for t in titles(at))  # the rest still draws
    other = run_page(PAGES["careers"], {"section": "Pay"})
    assert not other.error  # the other tabs never read the school files


# --- Jobs by state: every profession's rows, the newest period, the period before ------------------


def test_where_draws_every_profession_on_its_newest_best_covered_period():
    from components import states
    from components.loader import load_table

    figures = load_table("state_figures")
    for profession in states.professions(figures):
        at = run_page(PAGES["where"], {"occupation": profession})
        assert not at.exception and not at.error, profession
        measure = states.measures(figures, profession)[0]
        period = states.default_period(figures, profession, measure)
        assert at.selectbox(key="period").value == period, profession
        assert len(table(at, "In words")) == 51


def test_where_table_compares_with_the_period_before():
    from components import states
    from components.figures import period_label
    from components.loader import load_table

    figures, sources = load_table("state_figures"), load_table("sources")
    prior = states.prior_period(figures, "OT", "mean_annual_wage", "2023-05")
    assert prior is not None
    label = period_label(prior)
    at = run_page(PAGES["where"], {"occupation": "OT", "measure": "Average (mean) pay per year", "period": "May 2023"})
    view = table(at, "In words")
    now, before = view["Figure (USD per year)"], view[f"{label} (USD per year)"]
    expected = states.state_view(figures, sources, "OT", "mean_annual_wage", prior)
    assert before.notna().sum() == expected["value"].notna().sum() > 0
    change = view[f"Change since {label} (%)"]
    assert change.isna().equals(now.isna() | before.isna())  # missing in either period stays missing
    both = now.notna() & before.notna()
    assert ((now[both] / before[both] - 1) * 100).round(1).equals(change[both])
    assert any(label in c.value and "the period before" in c.value for c in at.caption)
