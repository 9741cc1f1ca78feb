"""End-to-end: the Spanish edition in Chromium.

?lang=es opens a page in Spanish (title, navigation); the sidebar switch changes the
language and keeps the question; a choice made in Spanish keeps lang in the URL; with no
?lang=, a browser that prefers Spanish gets Spanish (Streamlit's st.context.locale).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from app_pages.registry import PAGES
from components.i18n import gettext
from tests.e2e.conftest import open_page, wait_for_app

pytestmark = pytest.mark.e2e
TITLE_ES = "¿Qué terapia podría ayudar?"
TITLE_EN = "Which therapy could help?"
ES = gettext("es")


def title(page):
    return page.get_by_test_id("stHeading").locator("h1").first


def test_lang_es_opens_the_aid_in_spanish_and_the_switch_keeps_the_question(page, server):
    open_page(page, server, "?lang=es")
    expect(title(page)).to_have_text(TITLE_ES)
    nav = page.get_by_test_id("stSidebarNav")
    expect(nav.get_by_text("Pacientes y afecciones")).to_be_visible()
    expect(nav.get_by_text("Fuentes y datos abiertos")).to_be_visible()
    # A worked example, chosen in Spanish: the answer shows and the URL keeps lang.
    page.get_by_role("button", name="Niño con autismo, escritura a mano").click()
    wait_for_app(page)
    expect(page.get_by_text("Terapia ocupacional (OT) podría ayudar.")).to_be_visible()
    assert "lang=es" in page.url and "condition=" in page.url
    # The switch: English, the same question.
    page.get_by_test_id("stSidebar").get_by_text("en", exact=True).click()
    wait_for_app(page)
    expect(title(page)).to_have_text(TITLE_EN)
    expect(page.get_by_text("Occupational therapy (OT) could help.")).to_be_visible()
    assert "condition=" in page.url


@pytest.mark.parametrize("entry", PAGES, ids=lambda entry: entry.name)
def test_every_page_opens_in_spanish_with_lang_es(page, server, entry):
    """Each page of the navigation: its heading differs from the English one, its navigation
    title is the catalogue's Spanish, and the URL keeps lang."""
    open_page(page, server, f"{entry.url_path}?lang=en")
    english_heading = title(page).inner_text()
    open_page(page, server, f"{entry.url_path}?lang=es")
    spanish_heading = title(page).inner_text()
    assert spanish_heading and spanish_heading != english_heading
    nav = page.get_by_test_id("stSidebarNav")
    expect(nav.get_by_text(ES(entry.title), exact=True)).to_be_visible()
    assert "lang=es" in page.url


def test_a_browser_that_prefers_spanish_gets_spanish(browser, server):
    context = browser.new_context(locale="es-US", viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.set_default_timeout(30_000)
        open_page(page, server, "")
        expect(title(page)).to_have_text(TITLE_ES)
        open_page(page, server, "?lang=en")  # the URL wins over the browser
        expect(title(page)).to_have_text(TITLE_EN)
    finally:
        context.close()
