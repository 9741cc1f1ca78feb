"""The careers pages in headless Chromium against the real server: every chart
draws (the state map included) with no request leaving the server, a state and a
profession filter change the view and the URL, and downloads equal what the screen shows."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from tests.conftest import ROOT
from tests.e2e.conftest import open_everything, open_page, wait_for_app

pytestmark = pytest.mark.e2e

# url path -> plotly charts drawn; the careers page draws only its open tab's charts
PAGES = {
    "careers": 0,
    "careers?section=Pay": 1,
    "careers?section=Jobs+and+growth": 3,
    "careers?section=Where+they+work": 1,
    "careers?section=Over+the+years": 1,
    "where": 1,
    "work": 2,
}


def artifact_name(path: str) -> str:
    return path.replace("?section=", "_").replace("+", "-").lower()


ARTIFACTS = ROOT / "tests" / "e2e" / "artifacts"


def grid(page, key: str):
    """The st.dataframe just before the download button with this key (table_with_download
    puts them together; dataframes carry no key class of their own)."""
    return (
        page.locator(f".st-key-{key}")
        .locator("xpath=preceding-sibling::div[.//div[@data-testid='stDataFrame']][1]")
        .get_by_test_id("stDataFrame")
    )


def grid_header(frame) -> list[str]:
    return frame.locator("[role='columnheader']").all_inner_texts()


def grid_rows(frame) -> list[list[str]]:
    frame.scroll_into_view_if_needed()
    expect(frame.locator("[role='gridcell']").first).to_be_attached()
    rows = []
    for row in frame.locator("[role='row']").all():
        cells = row.locator("[role='gridcell']").all_inner_texts()
        if cells:
            rows.append(cells)
    return rows


def download(page, key: str) -> tuple[str, list[list[str]]]:
    with page.expect_download() as info:
        page.locator(f".st-key-{key} button").click()
    body = Path(info.value.path()).read_text(encoding="utf-8")
    return info.value.suggested_filename, list(csv.reader(io.StringIO(body, newline="")))


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


@pytest.mark.parametrize("path", PAGES)
def test_each_careers_page_draws_its_charts(page, server, path):
    open_page(page, server, path)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.locator("[data-testid='stAlertContentError']")).to_have_count(0)
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator(".js-plotly-plot")).to_have_count(PAGES[path])
    for chart in page.locator(".js-plotly-plot").all():
        chart.scroll_into_view_if_needed()
        expect(chart.locator(".main-svg").first).to_be_attached()
        assert chart.locator("g.trace, g.hm, .heatmaplayer image").count() > 0, "chart has no drawn traces"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"page_{artifact_name(path)}.png"), full_page=True)


def test_a_careers_tab_is_in_the_url_and_draws_only_its_charts(page, server):
    open_page(page, server, "careers?profession=OT&profession=PT")
    expect(page.locator(".js-plotly-plot")).to_have_count(0)
    page.get_by_role("tab", name="Jobs and growth").click()
    wait_for_app(page)
    expect(page.locator(".js-plotly-plot")).to_have_count(3)
    assert query(page).get("section") == ["Jobs and growth"] and query(page).get("profession") == ["OT", "PT"]
    # The URL alone brings back the same tab in a fresh page.
    url = page.url
    page.goto("about:blank")
    page.goto(url)
    wait_for_app(page)
    expect(page.get_by_role("tab", name="Jobs and growth")).to_have_attribute("aria-selected", "true")
    expect(page.locator(".js-plotly-plot")).to_have_count(3)


def test_the_state_map_draws_offline_as_tiles(page, server):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    open_page(page, server, "where")
    chart = page.locator(".js-plotly-plot").first
    expect(chart.locator(".heatmaplayer image, g.hm").first).to_be_attached()
    # Every state's tile carries its abbreviation as text: 51 labels, drawn with no map server.
    labels = chart.locator("g.heatmap-label text").evaluate_all(
        "els => els.map(e => e.getAttribute('data-unformatted') || '')"
    )
    abbreviations = {label.split("<br>")[0] for label in labels if label}
    assert len(abbreviations) == 51
    assert {"CA", "TX", "NY", "AK", "HI", "DC", "ME", "FL"} <= abbreviations
    assert chart.locator(".geolayer > *").count() == 0  # plotly's geo layer stays empty: no map outlines
    own = urlparse(server.url).netloc
    assert requested and all(
        urlparse(u).netloc == own for u in requested if urlparse(u).scheme in ("http", "https", "ws", "wss")
    )


def test_careers_pages_make_no_request_to_any_other_host(browser, server):
    context = browser.new_context()
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ("careers", "where?occupation=OT&state=Texas", "work?domain=Abilities&scale=Level&show=All"):
        open_page(page, server, path)
        open_everything(page, tabs=True)
    context.close()
    own = urlparse(server.url).netloc
    foreign = [
        u for u in requested if urlparse(u).scheme in ("http", "https", "ws", "wss") and urlparse(u).netloc != own
    ]
    assert requested and foreign == []


def test_choosing_a_state_changes_the_view_and_the_url(page, server, browser):
    open_page(page, server, "where")
    expect(page.get_by_text("Every figure we have for")).to_have_count(0)
    box = page.locator(".st-key-state input")
    box.click()
    box.fill("Texas")
    page.get_by_role("option", name="Texas").first.click()
    wait_for_app(page)
    assert query(page).get("state") == ["Texas"]
    expect(page.get_by_role("heading", name="Every figure we have for Texas")).to_be_visible()
    # The map marks the state, and the look-up table lists its figures.
    expect(page.locator(".js-plotly-plot .annotation-text", has_text="Outlined: Texas")).to_have_count(1)
    rows = grid_rows(grid(page, "download_state_detail"))
    assert len(rows) > 5

    # The same URL in a fresh browser context shows the same view.
    context = browser.new_context()
    other = context.new_page()
    other.goto(page.url)
    wait_for_app(other)
    expect(other.get_by_role("heading", name="Every figure we have for Texas")).to_be_visible()
    context.close()


def test_choosing_a_profession_on_the_map_changes_the_table_and_the_url(page, server):
    open_page(page, server, "where")
    table = grid(page, "download_states")
    before = grid_rows(table)
    assert len(before) > 10 and all(row[1] for row in before)  # PT: a figure for every state shown
    page.locator(".st-key-occupation").get_by_text("OT", exact=True).click()
    wait_for_app(page)
    assert query(page).get("occupation") == ["OT"]
    expect(page.get_by_text("have no figure in our sources").first).to_be_visible()
    table = grid(page, "download_states")
    table.scroll_into_view_if_needed()
    # The grid redraws after the run: wait for the new rows, not a fixed time.
    expect(table.locator("[role='gridcell']", has_text="No figure found").first).to_be_attached()
    after = grid_rows(table)
    assert any(row[1] == "" and row[2] == "No figure found" for row in after)  # missing stays missing


def test_removing_a_profession_on_careers_changes_the_quick_facts_and_the_url(page, server):
    open_page(page, server, "careers")
    header = page.locator("[data-testid='stTable'] thead th").first.locator("xpath=..").locator("th").all_inner_texts()
    assert [h.strip() for h in header][1:5] == ["OT", "OTA", "PT", "PTA"]
    page.get_by_role("button", name="Remove OTA").click()
    wait_for_app(page)
    page.get_by_role("button", name="Remove PTA").click()
    wait_for_app(page)
    assert query(page).get("profession") == ["OT", "PT"]
    expect(page.locator("[data-testid='stTable']").first.locator("thead th")).to_have_count(3)  # Fact, OT, PT
    header = page.locator("[data-testid='stTable']").first.locator("thead th").all_inner_texts()
    assert [h.strip() for h in header][1:] == ["OT", "PT"]


def test_the_states_download_equals_the_table_on_screen(page, server):
    open_page(page, server, "where?occupation=OT&measure=Average+%28mean%29+pay+per+year&period=May+2023")
    table = grid(page, "download_states")
    shown = grid_rows(table)  # scrolls the grid into view first: only then are its headers drawn
    header = grid_header(table)
    name, rows = download(page, "download_states")
    assert name == "states_ot_mean-annual-wage_2023-05.csv"
    visible = len(header)
    assert visible >= 3 and rows[0][:visible] == header
    # The grid only renders the rows in view: compare those, cell by cell, after the header.
    assert len(rows) - 1 == 51
    for on_screen, in_file in zip(shown, rows[1:]):
        assert on_screen[0] == in_file[0]
        assert on_screen[2] == in_file[2]
        assert (on_screen[1] == "") == (in_file[1] == "")
    assert sum(1 for r in rows[1:] if r[1] == "") == 25
    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning")


def test_the_quick_facts_download_equals_the_table_on_screen(page, server):
    open_page(page, server, "careers?profession=OT&profession=PT")
    table = page.locator("[data-testid='stTable']").first
    header = [h.strip() for h in table.locator("thead th").all_inner_texts()]
    body = [[c.strip() for c in row.locator("th, td").all_inner_texts()] for row in table.locator("tbody tr").all()]
    name, rows = download(page, "download_quick_facts")
    assert name == "careers-quick-facts_ot-pt.csv"
    assert rows[0] == ["Fact", "OT", "PT"] and header[1:] == ["OT", "PT"]
    assert rows[1:] == body


def test_phone_width_keeps_careers_charts_inside_the_screen(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    for path in PAGES:
        open_page(page, server, path)
        for chart in page.locator(".js-plotly-plot .main-svg").all():
            box = chart.bounding_box()
            assert box is not None and box["width"] <= 390, path
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{artifact_name(path)}_phone.png"), full_page=True)
    context.close()
