"""End-to-end: the decision aid and the Sources page in Chromium, as a new user would use them.

Three typical situations are typed in as URLs and by clicking; each must give a
plain, sourced answer, and the URL alone must reproduce it in a fresh browser. The
downloads are opened: the answer CSV, and the ZIP of the whole fact base.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

from components.loader import load_table
from components.schema import TABLES
from tests.conftest import ROOT
from tests.e2e.conftest import open_page, wait_for_app
from tests.unit.test_factbase import same_as_loaded

pytestmark = pytest.mark.e2e
ARTIFACTS = ROOT / "tests" / "e2e" / "artifacts"

CASES = {
    "stroke": (
        {
            "condition": "Stroke (post-stroke rehabilitation)",
            "age_group": "Older adults",
            "goal": ["Dress, bathe and cook without help", "Walk or climb stairs without pain"],
        },
        "Both could help",
    ),
    "autism": (
        {
            "condition": "Autism (autism spectrum disorder)",
            "age_group": "Children",
            "setting": "School",
            "goal": ["Help my child with handwriting, play or self-care"],
        },
        "Occupational therapy (OT) is the usual fit",
    ),
    "knee": (
        {
            "condition": "Sports injuries, including knee ligament (ACL) injury and surgery",
            "age_group": "Adults",
            "goal": ["Get back to a sport", "Manage pain in a joint, the back or a muscle"],
        },
        "Physical therapy (PT) is the usual fit",
    ),
}


def query(values: dict) -> str:
    return "?" + urlencode(values, doseq=True)


def answer_text(page) -> str:
    return (
        page.get_by_test_id("stMarkdown")
        .filter(has_text="usual fit")
        .or_(page.get_by_test_id("stMarkdown").filter(has_text="could help:"))
        .first.inner_text()
    )


def check_answer(page, expected: str) -> str:
    expect(page.locator("h1")).to_have_text("Which therapy could help?")
    headline = answer_text(page)
    assert headline.startswith(expected), headline
    expect(page.get_by_text("This is general information, not medical advice").first).to_be_visible()
    # Sources: named links beside the statements, and the footer.
    links = page.locator("[data-testid='stCaptionContainer'] a[href^='http']")
    expect(links.nth(2)).to_be_attached()  # at least 3, waited for: they come in with the run
    expect(page.get_by_text("Sources for this page.")).to_be_visible()
    return headline


@pytest.mark.parametrize("case", CASES)
def test_each_case_gives_a_sourced_answer_that_its_url_reproduces(browser, server, case):
    values, expected = CASES[case]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    headlines = []
    for width, height, suffix in ((1280, 900, "desktop"), (390, 844, "phone")):
        context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=width < 500)
        page = context.new_page()
        page.set_default_timeout(30_000)
        open_page(page, server, query(values))
        headlines.append(check_answer(page, expected))
        # Nothing sticks out sideways on a phone.
        overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"{overflow}px of horizontal overflow at {width}px"
        page.screenshot(path=str(ARTIFACTS / f"which-therapy_{case}_{suffix}.png"), full_page=True)
        context.close()
    assert headlines[0] == headlines[1]


def test_clicking_an_example_fills_the_url_and_the_url_restores_the_answer(page, server, browser):
    open_page(page, server, "")
    expect(page.get_by_text("Choose a condition, at least one goal")).to_be_visible()
    page.get_by_role("button", name="Knee pain after running").click()
    # The click's run sets the URL before it draws the answer: once the URL says so, the
    # run has started, and 'notRunning' means it has ended (not the state before the click).
    page.wait_for_url("**condition=Sports**")
    wait_for_app(page)
    headline = check_answer(page, "Physical therapy (PT) is the usual fit")
    assert "condition=Sports" in page.url and "goal=" in page.url
    context = browser.new_context()
    other = context.new_page()
    open_page(other, server, page.url.split("/", 3)[3])
    assert answer_text(other) == headline
    context.close()


def test_choosing_a_goal_updates_the_answer_and_the_url(page, server):
    open_page(page, server, "")
    box = page.locator(".st-key-goal input")
    box.click()
    box.fill("Prevent falls")
    page.get_by_role("option", name="Prevent falls").click()
    page.keyboard.press("Escape")
    wait_for_app(page)
    assert answer_text(page).startswith("Both could help")
    assert "goal=Prevent+falls" in page.url or "goal=Prevent%20falls" in page.url


def test_the_answer_download_holds_every_statement_with_its_sources(page, server):
    values, expected = CASES["stroke"]
    open_page(page, server, query(values))
    with page.expect_download() as info:
        page.locator(".st-key-download_answer button").click()
    download = info.value
    assert download.suggested_filename.startswith("which-therapy_stroke")
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"), newline="")))
    assert rows[1]["Part"] == "Answer" and rows[1]["Statement"].startswith(expected)
    statements = [r for r in rows if r["Part"] not in ("Your situation", "Note")]
    assert len(statements) >= 8 and all(r["Sources"] for r in statements)
    assert rows[-1]["Statement"].startswith("This is general information, not medical advice")
    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning")


def test_sources_page_filters_by_tier_in_the_url(page, server):
    open_page(page, server, "sources?tier=A")
    expect(page.locator("h1")).to_have_text("Where does each fact come from?")
    # The source list: the one visible table whose header has a Publisher column (the
    # chart's numbers sit folded in an expander). The grid draws its cells once in view.
    grid = None
    for candidate in page.get_by_test_id("stDataFrame").all():
        if not candidate.is_visible():
            continue
        candidate.scroll_into_view_if_needed()
        expect(candidate.locator("[role='columnheader']").first).to_be_attached()
        if "Publisher" in candidate.locator("[role='columnheader']").all_inner_texts():
            grid = candidate
            break
    assert grid is not None, "no visible table with a Publisher column"
    expect(grid.locator("[role='gridcell']").first).to_be_attached()
    header = grid.locator("[role='columnheader']").all_inner_texts()
    tier = header.index("Tier")
    rows = [
        cells
        for row in grid.locator("[role='row']").all()
        if (cells := row.locator("[role='gridcell']").all_inner_texts())
    ]
    assert rows and {r[tier] for r in rows} == {"A"}
    expect(page.get_by_text("One source says").first).to_be_visible()
    assert page.locator(".js-plotly-plot").count() == 1


def test_the_zip_holds_every_table_matching_data_and_the_notes(page, server):
    open_page(page, server, "sources")
    with page.expect_download() as info:
        page.locator(".st-key-download_zip button").click()
    download = info.value
    assert download.suggested_filename == "ot-pt-fact-base.zip"
    with zipfile.ZipFile(download.path()) as archive:
        names = set(archive.namelist())
        assert "ot-pt-fact-base/LICENSE.txt" in names
        readme = archive.read("ot-pt-fact-base/data/README.md").decode("utf-8")
        assert readme == (ROOT / "data" / "README.md").read_text(encoding="utf-8")
        for name, schema in TABLES.items():
            text = archive.read(f"ot-pt-fact-base/data/{schema.file}").decode("utf-8")
            same_as_loaded(text, load_table(name))
        english = [n for n in names if n.endswith(".csv") and "/links/" not in n and "/es/" not in n]
        assert len(english) == len(TABLES)
        # And the Spanish text of every table that has one (data/es/).
        spanish = {n.rsplit("/", 1)[1] for n in names if "/data/es/" in n}
        assert spanish == {p.name for p in (ROOT / "data" / "es").glob("*.csv")}
        # The Data Package descriptor names every CSV in the ZIP (tables and link tables).
        package = json.loads(archive.read("ot-pt-fact-base/datapackage.json"))
        paths = {f"ot-pt-fact-base/{r['path']}" for r in package["resources"]}
        assert paths == {n for n in names if n.endswith(".csv")}
    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning")


def test_sources_page_fits_a_phone(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    open_page(page, server, "sources")
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"{overflow}px of horizontal overflow at 390px"
    for chart in page.locator(".js-plotly-plot .main-svg").all():
        box = chart.bounding_box()
        assert box is not None and box["width"] <= 390
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "sources_phone.png"), full_page=True)
    context.close()
