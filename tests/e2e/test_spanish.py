"""End-to-end: the Spanish edition in Chromium.

?lang=es opens a page in Spanish (title, navigation); the sidebar switch changes the
language and keeps the question; a choice made in Spanish keeps lang in the URL; with no
?lang=, a browser that prefers Spanish gets Spanish (Streamlit's st.context.locale).
No English UI string is left on any page, in any tab or opened expander (the catalogue's
English source strings, looked up by tests/e2e/english_text.py); a Spanish download holds
the rows and Spanish headers of the table on screen.
"""

from __future__ import annotations

from urllib.parse import quote_plus

import pytest
from playwright.sync_api import expect

from app_pages.registry import PAGES
from components.export import download_name
from components.figures import period_label
from components.i18n import gettext
from tests.e2e.conftest import open_everything, open_page, wait_for_app
from tests.e2e.english_text import english_leftovers, english_phrases, kept_in_english
from tests.e2e.test_browser_careers import download, grid, grid_header, grid_rows

pytestmark = pytest.mark.e2e
TITLE_ES = "¿Qué terapia podría ayudar?"
TITLE_EN = "Which therapy could help?"
ES = gettext("es")


def title(page):
    return page.get_by_test_id("stHeading").locator("h1").first


def test_lang_es_opens_the_aid_in_spanish_and_the_switch_keeps_the_question(page, server):
    open_page(page, server, "?lang=es")
    expect(title(page)).to_have_text(TITLE_ES)
    # Screen readers pick their voice from <html lang> (app_pages/page_language.py).
    expect(page.locator("html")).to_have_attribute("lang", "es")
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
    expect(page.locator("html")).to_have_attribute("lang", "en")
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


# The decide page's main content is its answer: checked with one shown, as well as empty.
ANSWER = (
    "?condition=Stroke+%28post-stroke+rehabilitation%29&age_group=Older+adults"
    "&goal=Dress%2C+bathe+and+cook+without+help&goal=Walk+or+climb+stairs+without+pain"
)
TEXT_VIEWS = {entry.name: entry.url_path for entry in PAGES} | {"decide-answer": ANSWER}


def visible_text(page) -> str:
    """What a reader sees: the main area and the sidebar, with the charts' own text (axis
    titles, labels and legends are SVG text)."""
    parts = [page.get_by_test_id("stMain").inner_text(), page.get_by_test_id("stSidebar").inner_text()]
    parts += page.locator("[data-testid='stMain'] .js-plotly-plot svg text").all_text_contents()
    return "\n".join(parts)


@pytest.mark.parametrize("path", TEXT_VIEWS.values(), ids=TEXT_VIEWS.keys())
def test_no_english_ui_string_is_left_on_a_spanish_page(page, server, path):
    """Every tab of the page (careers ?section=, populations ?view=) with its expanders open:
    no catalogue string whose Spanish differs shows in English, nor a missing-value mark."""
    open_page(page, server, f"{path}{'&' if '?' in path else '?'}lang=es")
    phrases, names = english_phrases(), kept_in_english()
    found: dict[str, set[str]] = {}

    def check() -> None:
        # A page that failed shows little text, and none of it English: that must not pass.
        expect(page.get_by_test_id("stException")).to_have_count(0)
        expect(page.locator("[data-testid='stAlertContentError']")).to_have_count(0)
        selected = page.get_by_role("tab", selected=True)
        where = selected.first.inner_text() if selected.count() else "the page"
        for text in english_leftovers(visible_text(page), phrases, names):
            found.setdefault(text, set()).add(where)

    open_everything(page, tabs=True, visit=check)
    assert "lang=es" in page.url
    assert not found, f"/{path} in Spanish shows English UI text:\n" + "\n".join(
        f"  {text!r} (in {', '.join(sorted(where))})" for text, where in sorted(found.items())
    )


def test_the_spanish_populations_download_equals_the_table_on_screen(page, server):
    open_page(
        page,
        server,
        "populations?lang=es&population=Serious+mental+illness&population=Low+vision+%28reduced+eyesight%29"
        "&population=Diabetes+%28a+long-term+illness%29",
    )
    table = grid(page, "download_populations")
    shown = grid_rows(table)  # scrolls the grid into view first: only then are its headers drawn
    header = grid_header(table)
    name, rows = download(page, "download_populations")
    assert name.startswith(ES("populations") + "_") and name.endswith(".csv")
    # The grid only puts the columns in view into its accessible tree: compare those.
    visible = len(header)
    assert visible >= 3 and rows[0][:visible] == header
    assert header[:2] == [ES("Population"), ES("Category")] and header[0] != "Population"
    assert [row[:visible] for row in rows[1:]] == [row[:visible] for row in shown]
    assert len(rows) - 1 == len(shown) == 3
    assert "Serious mental illness" not in {row[0] for row in shown}  # the rows' text is the translation


def test_the_spanish_careers_downloads_equal_the_tables_on_screen(page, server):
    # The quick facts (a static table: every cell is in the page).
    open_page(page, server, "careers?lang=es&profession=OT&profession=PT")
    table = page.locator("[data-testid='stTable']").first
    header = [h.strip() for h in table.locator("thead th").all_inner_texts()]
    body = [[c.strip() for c in row.locator("th, td").all_inner_texts()] for row in table.locator("tbody tr").all()]
    name, rows = download(page, "download_quick_facts")
    assert name == download_name(ES("careers_quick_facts"), ("OT", "PT")) == "carreras-datos-basicos_ot-pt.csv"
    assert rows[0] == [ES("Fact"), "OT", "PT"] and header[1:] == ["OT", "PT"]
    assert rows[1:] == body
    # The states table (a grid; missing figures stay missing, named in Spanish).
    # A Spanish link holds the options as shown in Spanish.
    measure, period = ES("Average (mean) pay per year"), period_label("2023-05", _=ES)
    open_page(page, server, f"where?lang=es&occupation=OT&measure={quote_plus(measure)}&period={quote_plus(period)}")
    table = grid(page, "download_states")
    shown = grid_rows(table)
    header = grid_header(table)
    name, rows = download(page, "download_states")
    assert name == download_name(ES("states"), "OT", "mean_annual_wage", "2023-05")
    visible = len(header)
    assert visible >= 3 and rows[0][:visible] == header and header[0] == ES("State")
    assert len(rows) - 1 == 51
    for on_screen, in_file in zip(shown, rows[1:]):
        assert on_screen[0] == in_file[0] and on_screen[2] == in_file[2]
        assert (on_screen[1] == "") == (in_file[1] == "")
    assert any(row[2] == ES("No figure found") for row in rows[1:])
