"""The careers page's "Becoming one" tab in headless Chromium against the real server: it
opens from the URL with its charts drawn, the kind-of-school filter changes the URL and the
table, and a CSV download equals the rows on screen."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import open_page, wait_for_app
from tests.e2e.test_browser_careers import ARTIFACTS, download, grid, grid_header, grid_rows, query

pytestmark = pytest.mark.e2e

TAB = "careers?section=Becoming+one"


def open_table(page, label: str) -> None:
    """Open a lazy table expander by its label and wait for the rerun that draws its table."""
    details = page.locator("[data-testid='stExpander'] details", has_text=label)
    details.locator("summary").click()
    expect(details.get_by_test_id("stDataFrame").first).to_be_attached(timeout=60_000)
    wait_for_app(page)


def test_the_tab_opens_from_the_url_and_draws_its_charts(page, server):
    open_page(page, server, TAB)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.locator("[data-testid='stAlertContentError']")).to_have_count(0)
    expect(page.get_by_role("tab", name="Becoming one")).to_have_attribute("aria-selected", "true")
    charts = page.locator(".js-plotly-plot")
    expect(charts.first).to_be_attached()
    assert charts.count() >= 5  # years, programs (two), costs, admission, pass rates
    for chart in charts.all():
        chart.scroll_into_view_if_needed()
        expect(chart.locator("g.trace").first).to_be_attached()
    expect(page.get_by_text("Years from high school to a licence")).to_be_visible()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "page_careers_becoming-one.png"), full_page=True)


def test_choosing_private_schools_changes_the_url_and_the_costs(page, server):
    open_page(page, server, TAB + "&profession=PT")
    open_table(page, "Tuition, debt and exam fees as a table")
    before = {row[2] for row in grid_rows(grid(page, "download_school_costs"))}
    assert "Public" in before
    page.locator(".st-key-school_type").get_by_role("radio", name="Private").click()
    # The click's rerun may not have started when the page next reads "notRunning". The browser
    # writes a bound widget's URL at the click, before the rerun; what shows the run has drawn
    # is the table dropping the public rows (a timeout if it never does).
    page.wait_for_url("**school_type=Private**")
    table = grid(page, "download_school_costs")
    expect(table.locator("[role='gridcell']", has_text="Public")).to_have_count(0, timeout=30_000)
    wait_for_app(page)
    assert query(page).get("school_type") == ["Private"]
    assert query(page).get("section") == ["Becoming one"] and query(page).get("profession") == ["PT"]
    after = {row[2] for row in grid_rows(grid(page, "download_school_costs"))}
    assert after <= {"Private", "All"} and "Private" in after


def test_the_costs_download_equals_the_rows_on_screen(page, server):
    open_page(page, server, TAB + "&profession=OT&profession=PT&school_type=Public")
    open_table(page, "Tuition, debt and exam fees as a table")
    table = grid(page, "download_school_costs")
    shown = grid_rows(table)  # scrolls the grid into view first: only then are its headers drawn
    header = grid_header(table)
    name, rows = download(page, "download_school_costs")
    assert name == "careers-school-costs_ot-pt_public.csv"
    assert rows[0][: len(header)] == header and header[:3] == ["Route", "Measure", "Kind of school"]
    assert shown and len(rows) - 1 >= len(shown)
    for on_screen, in_file in zip(shown, rows[1:]):
        assert on_screen[:4] == in_file[:4]  # route, measure, kind of school, residency
        assert on_screen[4].replace("$", "").replace(",", "") == in_file[4]  # dollars as on screen, unformatted
    assert {r[2] for r in rows[1:]} <= {"Public", "All"}


def test_phone_width_keeps_the_tab_charts_inside_the_screen(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    open_page(page, server, TAB)
    charts = page.locator(".js-plotly-plot .main-svg")
    expect(charts.first).to_be_attached()
    for chart in charts.all():
        box = chart.bounding_box()
        assert box is not None and box["width"] <= 390
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "careers_becoming-one_phone.png"), full_page=True)
    context.close()
