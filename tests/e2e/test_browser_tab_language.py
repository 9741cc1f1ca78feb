"""End-to-end: a tab bound to the URL opens the same tab in either language.

st.tabs keeps the label as shown in the URL (?section=Pay, ?section=Salario); a link made in
one language opened in the other, and the sidebar's language switch, keep the open tab
(app_pages/common.keep_tab_across_languages).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import open_page, wait_for_app

pytestmark = pytest.mark.e2e


def selected_tab(page):
    return page.get_by_role("tab", selected=True)


@pytest.mark.parametrize(
    "query, label",
    [
        ("section=Pay&lang=es", "Salario"),  # an English link opened in Spanish
        ("section=Salario&lang=en", "Pay"),  # a Spanish link opened in English
    ],
)
def test_a_tab_link_opens_the_same_tab_in_the_other_language(page, server, query, label):
    open_page(page, server, f"careers?{query}")
    expect(selected_tab(page)).to_have_text(label)


def test_the_language_switch_keeps_the_open_tab(page, server):
    open_page(page, server, "careers?section=Pay")
    expect(selected_tab(page)).to_have_text("Pay")
    page.get_by_test_id("stSidebar").get_by_text("es", exact=True).click()
    wait_for_app(page)
    expect(page.get_by_role("tab", name="Título y licencia")).to_be_visible()
    expect(selected_tab(page)).to_have_text("Salario")
    assert "lang=es" in page.url
    page.get_by_test_id("stSidebar").get_by_text("en", exact=True).click()
    wait_for_app(page)
    expect(page.get_by_role("tab", name="Degree and license")).to_be_visible()
    expect(selected_tab(page)).to_have_text("Pay")
    # A tab chosen in Spanish, then English: still the same tab.
    page.get_by_test_id("stSidebar").get_by_text("es", exact=True).click()
    wait_for_app(page)
    page.get_by_role("tab", name="Empleos y crecimiento").click()
    wait_for_app(page)
    expect(selected_tab(page)).to_have_text("Empleos y crecimiento")
    page.get_by_test_id("stSidebar").get_by_text("en", exact=True).click()
    wait_for_app(page)
    expect(selected_tab(page)).to_have_text("Jobs and growth")
