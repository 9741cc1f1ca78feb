"""End-to-end: what happens next in the decision aid, in Chromium.

Typing another name for a condition ("ALS") in the condition box finds it; choosing a state
shows that state's direct-access rule with its date and source, and the URL alone brings it
back; the answer downloads as a PDF whose text holds the headline, the state rule and the
sources, and whose first page poppler draws without error.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

from components.decide import search_conditions
from components.loader import load_table
from tests.conftest import ROOT
from tests.e2e.conftest import open_page, wait_for_app

pytestmark = pytest.mark.e2e
ARTIFACTS = ROOT / "tests" / "e2e" / "artifacts"
WALK = "Walk or climb stairs without pain"
STROKE = "Stroke (post-stroke rehabilitation)"


def poppler() -> bool:
    if shutil.which("pdftotext") and shutil.which("pdftoppm"):
        return True
    if os.environ.get("CI") == "true":
        pytest.fail("CI=true but pdftotext/pdftoppm are missing: .ci/run must install poppler-utils")
    pytest.skip("poppler-utils (pdftotext, pdftoppm) is not installed")


def state_row(code: str):
    rows = load_table("state_access")
    return rows[rows["state_code"] == code].iloc[0]


def choose(page, label: str, typed: str, option: str) -> None:
    """Type into a selectbox as a person would, then click the option."""
    box = page.get_by_test_id("stSelectbox").filter(has_text=label)
    box.locator("input").click()
    page.keyboard.type(typed)
    page.get_by_role("option", name=option, exact=True).click()
    wait_for_app(page)


def rule_card(page, state: str):
    return (
        page.get_by_test_id("stVerticalBlock")
        .filter(has=page.get_by_text(f"In {state}, you can see a physical therapist"))
        .last
    )


@pytest.mark.parametrize("typed", ["ALS", "rotator cuff", "hip fracture"])
def test_typing_another_name_finds_the_condition(page, server, typed):
    populations = load_table("populations")
    found = search_conditions(populations, typed)
    assert found, f"populations.csv has no condition for {typed!r} yet"
    from components.decide import condition_labels

    label = condition_labels(populations)[found[0]]
    open_page(page, server, "")
    box = page.get_by_test_id("stSelectbox").filter(has_text="Condition or group of patients")
    box.locator("input").click()
    page.keyboard.type(typed)
    option = page.get_by_role("option", name=label, exact=True)
    expect(option).to_be_visible()
    option.click()
    wait_for_app(page)
    expect(box.locator("input")).to_have_value(label)
    assert "condition=" in page.url
    expect(page.get_by_role("heading", name=f"What each would work on for {found[0]}")).to_be_visible()


def test_choosing_a_state_shows_its_rule_with_date_and_source_and_the_url_brings_it_back(page, server, browser):
    ohio = state_row("OH")
    open_page(page, server, "?" + urlencode({"goal": [WALK]}, doseq=True))
    expect(page.get_by_text("Rules differ by state").first).to_be_visible()  # the national picture first
    choose(page, "State (optional)", "Ohi", "Ohio")
    card = rule_card(page, "Ohio")
    expect(card).to_be_visible()
    caption = card.get_by_test_id("stCaptionContainer").first
    expect(caption).to_contain_text(f"As of {ohio['pt_as_of']}.")
    assert caption.locator("a[href^='http']").count() >= 1  # the source, as a link
    assert "state=Ohio" in page.url
    rule = card.get_by_test_id("stMarkdown").first.inner_text()

    context = browser.new_context()
    other = context.new_page()
    other.set_default_timeout(30_000)
    open_page(other, server, page.url.split("/", 3)[3])
    expect(rule_card(other, "Ohio")).to_be_visible()
    assert rule_card(other, "Ohio").get_by_test_id("stMarkdown").first.inner_text() == rule
    context.close()


def test_the_answer_downloads_as_a_pdf_that_holds_headline_state_rule_and_sources(page, server, tmp_path):
    poppler()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    values = {
        "condition": STROKE,
        "age_group": "Older adults",
        "state": "New York",
        "goal": ["Dress, bathe and cook without help", WALK],
    }
    open_page(page, server, "?" + urlencode(values, doseq=True))
    headline = page.get_by_test_id("stMarkdown").filter(has_text="Both could help").first.inner_text()
    expect(rule_card(page, "New York")).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "which-therapy_state_desktop.png"), full_page=True)

    with page.expect_download() as info:
        page.get_by_role("button", name="Download this answer (PDF)").click()
    download = info.value
    assert download.suggested_filename == "which-therapy_stroke-post-stroke-rehab_new-york.pdf"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    assert path.read_bytes().startswith(b"%PDF-")

    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, timeout=60
    ).stdout
    text = " ".join(text.decode("utf-8").split())
    assert " ".join(headline.split()) in text
    new_york = state_row("NY")
    assert "In New York, you can see a physical therapist without a doctor's referral" in text
    assert f"As of {new_york['pt_as_of']}." in text
    sources = load_table("sources").set_index("source_id")
    for source_id in new_york["pt_source_ids"].split("; "):
        assert f"[{source_id}] {sources.loc[source_id, 'publisher']}" in text
    assert "Questions to ask at the first visit" in text and "not medical advice" in text

    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True, timeout=60).stdout
    assert int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:"))) <= 2

    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", str(path), str(ARTIFACTS / "which-therapy_pdf_page")],
        check=True,
        capture_output=True,
        timeout=60,
    )
    pages = list(ARTIFACTS.glob("which-therapy_pdf_page*.png"))
    assert pages and all(p.stat().st_size > 10_000 for p in pages)
