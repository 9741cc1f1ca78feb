"""End-to-end: the real server in headless Chromium, as a user would use it."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from bench.servers import StreamlitServer
from tests.conftest import ROOT
from tests.e2e.conftest import open_everything, open_page, wait_for_app

pytestmark = pytest.mark.e2e

# url path -> plotly charts drawn (populations draws its chart in its second tab)
PAGES = {
    "": 0,
    "compare": 0,
    "populations": 0,
    "populations?view=Charts%3A+who+leads%2C+how+involved": 1,
    "interventions": 1,
    "sources": 1,
}
LOW_VISION = "Low vision (reduced eyesight)"
ARTIFACTS = ROOT / "tests" / "e2e" / "artifacts"


def grid_rows(page, index: int = -1) -> list[list[str]]:
    """The cells of a st.dataframe as the browser shows them (its accessible grid)."""
    grid = page.get_by_test_id("stDataFrame").nth(index)
    grid.scroll_into_view_if_needed()
    expect(grid.locator("[role='gridcell']").first).to_be_attached()
    rows = []
    for row in grid.locator("[role='row']").all():
        cells = row.locator("[role='gridcell']").all_inner_texts()
        if cells:
            rows.append(cells)
    return rows


def grid_header(page, index: int = -1) -> list[str]:
    grid = page.get_by_test_id("stDataFrame").nth(index)
    return grid.locator("[role='columnheader']").all_inner_texts()


def main_table_index(page) -> int:
    """Index of the page's main table: the one just before its download button."""
    # The expanders below it (chart numbers, sources) build their tables only when
    # opened, so on a fresh view the main table is the last one drawn.
    return -1


def choose(page, key: str, option: str) -> None:
    """Pick an option in the multiselect with this key, as a user would: type, then Enter."""
    box = page.locator(f".st-key-{key} input")
    box.click()
    box.fill(option)
    page.get_by_role("option", name=option).first.click()
    page.keyboard.press("Escape")
    wait_for_app(page)


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_with_its_charts(page, server, path):
    open_page(page, server, path)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.locator("[data-testid='stAlertContentError']")).to_have_count(0)
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator(".js-plotly-plot .main-svg").first if PAGES[path] else page.locator("h1")).to_be_visible()
    assert page.locator(".js-plotly-plot").count() == PAGES[path]
    for chart in page.locator(".js-plotly-plot").all():
        expect(chart.locator(".main-svg").first).to_be_attached()
        assert chart.locator("g.trace, g.hm, .heatmaplayer image").count() > 0, "chart has no drawn traces"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(
        path=str(ARTIFACTS / f"page_{path.split('?')[0] or 'which-therapy'}{'_charts' if 'view=' in path else ''}.png"),
        full_page=True,
    )


def test_choosing_a_population_changes_table_and_url_and_the_url_restores_it(page, server, browser):
    open_page(page, server, "populations?population=Serious+mental+illness")
    assert [r[0] for r in grid_rows(page, main_table_index(page))] == ["Serious mental illness"]

    choose(page, "population", LOW_VISION)
    # The grid redraws after the run: wait for the new row, not a fixed time.
    grid = page.get_by_test_id("stDataFrame").nth(main_table_index(page))
    grid.scroll_into_view_if_needed()
    expect(grid.locator("[role='gridcell']", has_text=LOW_VISION).first).to_be_attached()
    rows = grid_rows(page, main_table_index(page))
    assert sorted(r[0] for r in rows) == [LOW_VISION, "Serious mental illness"]
    assert "population=Low+vision" in page.url or "population=Low%20vision" in page.url
    expect(page.get_by_text("Of the 2 populations shown")).to_be_visible()

    # The same URL in a fresh browser context (no shared state) shows the same view.
    context = browser.new_context()
    other = context.new_page()
    other.goto(page.url)
    wait_for_app(other)
    assert sorted(r[0] for r in grid_rows(other, main_table_index(other))) == [LOW_VISION, "Serious mental illness"]
    context.close()


def test_download_equals_the_rows_on_screen(page, server):
    open_page(
        page,
        server,
        "populations?population=Serious+mental+illness&population=Low+vision+%28reduced+eyesight%29&population=Diabetes+%28a+long-term+illness%29",
    )
    shown = grid_rows(page, main_table_index(page))
    header = grid_header(page, main_table_index(page))
    with page.expect_download() as info:
        page.locator(".st-key-download_populations button").click()
    download = info.value
    assert download.suggested_filename.startswith("populations_")
    assert download.suggested_filename.endswith(".csv")
    body = Path(download.path()).read_bytes()
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))
    # The grid only puts the columns in view into its accessible tree, so compare
    # those: the same header, then the same rows cell by cell, in the same order.
    visible = len(header)
    assert visible >= 3
    assert rows[0][:visible] == header
    assert [row[:visible] for row in rows[1:]] == [row[:visible] for row in shown]
    assert len(rows) - 1 == len(shown) == 3
    # Clicking the download does not rerun the app (on_click="ignore").
    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning")


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    """A server over a copy of data/ where one cell starts like a spreadsheet formula."""
    data = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / "populations.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
    fields = list(rows[0])
    target = next(r for r in rows if r["population"] == "Serious mental illness")
    target["lead_note"] = '=HYPERLINK("http://example.invalid","click")'
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    srv = StreamlitServer(data_dir=str(data))
    try:
        srv.wait_healthy()
        yield srv
    finally:
        srv.stop()


def test_downloaded_csv_escapes_formulas(page, hostile_server):
    open_page(page, hostile_server, "populations?population=Serious+mental+illness")
    with page.expect_download() as info:
        page.locator(".st-key-download_populations button").click()
    text = Path(info.value.path()).read_text(encoding="utf-8")
    assert '\'=HYPERLINK(""http://example.invalid"",""click"")' in text
    for row in csv.reader(io.StringIO(text, newline="")):
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row)


def test_pages_make_no_request_to_any_other_host(browser, server):
    context = browser.new_context()
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for path in PAGES:
        open_page(page, server, path)
        # Open the expanders and tabs too: nothing inside may call out either.
        open_everything(page, tabs=True)
    context.close()
    own = urlparse(server.url).netloc
    foreign = [
        u for u in requested if urlparse(u).scheme in ("http", "https", "ws", "wss") and urlparse(u).netloc != own
    ]
    assert requested, "no request was recorded at all"
    assert foreign == []


def test_navigation_between_pages(page, server):
    open_page(page, server, "")
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Treatments").click()
    wait_for_app(page)
    expect(page.locator("h1")).to_have_text("Which treatments does each profession use?")
    assert page.url.endswith("/interventions")


def test_phone_width_keeps_charts_inside_the_screen(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    open_page(page, server, "populations")
    for chart in page.locator(".js-plotly-plot .main-svg").all():
        box = chart.bounding_box()
        assert box is not None and box["width"] <= 390
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "populations_phone.png"), full_page=True)
    context.close()
