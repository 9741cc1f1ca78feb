"""End-to-end: the Spanish edition in Chromium.

?lang=es opens a page in Spanish (title, navigation); the sidebar switch changes the
language and keeps the question; a choice made in Spanish keeps lang in the URL; with no
?lang=, a browser that prefers Spanish gets Spanish (Streamlit's st.context.locale).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import open_page, wait_for_app

pytestmark = pytest.mark.e2e
TITLE_ES = "¿Qué terapia podría ayudar?"
TITLE_EN = "Which therapy could help?"


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


def test_an_untranslated_page_says_so_and_a_translated_one_is_spanish(page, server):
    open_page(page, server, "work?lang=es")
    expect(page.get_by_text("Esta página todavía no está traducida")).to_be_visible()
    open_page(page, server, "compare?lang=es")
    expect(title(page)).to_have_text("¿En qué se diferencian la terapia ocupacional y la fisioterapia?")


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
