"""Accessibility: axe-core (from the npm registry, pinned in tests/e2e/package-lock.json)
runs in Chromium on every page in the navigation, and on the decision aid with an
answer shown. Serious or critical violations fail the test, listed rule by rule.
Every page of the navigation is checked in Spanish (?lang=es) too, once per page as it
opens: the markup of the tabs and expanders is the same in both languages (only the words
change), and opening every expander (the Sources page has one per table) more than doubled
the Spanish run. The <html lang> of a Spanish page: see HTML_LANG.

`make test` installs axe-core with `npm ci --prefix tests/e2e` when it is missing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote_plus, urlparse

import pytest
from playwright.sync_api import expect

from tests.conftest import ROOT
from tests.e2e.conftest import open_everything, open_page

pytestmark = pytest.mark.e2e

AXE = ROOT / "tests" / "e2e" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "tests" / "e2e" / "artifacts"
FAILING_IMPACTS = ("serious", "critical")
# Pages in a state the navigation alone does not show: the aid with an answer, and the
# tabs that are not open by default (only the open tab is built).
EXTRA_VIEWS = (
    "?condition=Stroke+%28post-stroke+rehabilitation%29&age_group=Older+adults"
    "&goal=Dress%2C+bathe+and+cook+without+help&goal=Walk+or+climb+stairs+without+pain",
    "populations?view=Charts%3A+who+leads%2C+how+involved",
    *(
        f"careers?section={quote_plus(s)}"
        for s in (
            "Pay",
            "Jobs and growth",
            "Where they work",
            "Over the years",
            "Where sources disagree",
            "Becoming one",
        )
    ),
)
# (rule id, container, reason): violations of that rule inside that container are not
# counted, because the markup is Streamlit's own and the app cannot change it. Keep short.
KNOWN_STREAMLIT_ISSUES: tuple[tuple[str, str, str], ...] = (
    (
        "list",
        "[data-testid='stSidebarNavItems']",
        "Streamlit 1.67 puts each navigation section (a div with its header) directly in the <ul>",
    ),
    (
        "listitem",
        "[data-testid='stSidebarNavItems']",
        "the same markup: the <li> page links sit inside those section divs, not directly in the <ul>",
    ),
)


# WCAG 3.1.1 (language of page): a page shown in Spanish says <html lang="es">.
# Streamlit 1.67 serves one index.html with lang="en" and has no setting for it; the app sets
# it after each run (app_pages/page_language.py). axe-core does not see a mismatch (it checks
# that a lang is present and valid, not that it matches the text), so the test states it:
# language shown -> the <html lang> expected.
HTML_LANG = {"en": "en", "es": "es"}


@pytest.fixture(scope="module")
def axe_script() -> Path:
    if not AXE.exists():
        message = "axe-core is not installed: run 'npm ci --prefix tests/e2e' (make test does)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return AXE


def nav_paths(page, server) -> list[str]:
    """The url path of every page in the sidebar navigation ('' for the default page)."""
    open_page(page, server, "")
    links = page.get_by_test_id("stSidebarNav").locator("a").all()
    paths = [urlparse(link.get_attribute("href")).path.strip("/") for link in links]
    assert len(paths) >= 5, paths
    return paths


def axe_violations(page, axe_script: Path) -> list[dict]:
    """axe-core's violations on the page as it is, minus the known Streamlit ones."""
    page.add_script_tag(path=str(axe_script))
    return page.evaluate(
        """async (known) => {
            const r = await axe.run(document, {resultTypes: ['violations']});
            const excused = (rule, node) => known.some(([id, container]) => {
                if (id !== rule) return false;
                const element = document.querySelector(node.target[0]);
                return element !== null && element.closest(container) !== null;
            });
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.filter(n => !excused(v.id, n)).map(n => ({
                    target: n.target.join(' '),
                    html: n.html.slice(0, 160),
                    data: (n.any[0] || {}).data || null,
                })),
            })).filter(v => v.nodes.length > 0);
        }""",
        [list(k[:2]) for k in KNOWN_STREAMLIT_ISSUES],
    )


def check_views(
    page, server, axe_script, views: list[str], lang: str, expanders: bool = True
) -> tuple[list[str], dict[str, str]]:
    """axe-core on each view in one language (with every expander open, unless expanders is
    False): the failures, one line per rule and view, and each view's browser-tab title.
    Writes the whole report as an artifact."""
    report, failures, titles = {}, [], {}
    for view in views:
        open_page(page, server, view if lang == "en" else f"{view}{'&' if '?' in view else '?'}lang={lang}")
        titles[view] = page.title()
        try:  # set by the app's script once the run has drawn it, so waited for
            expect(page.locator("html")).to_have_attribute("lang", HTML_LANG[lang], timeout=10_000)
        except AssertionError:
            html_lang = page.evaluate("document.documentElement.lang")
            failures.append(f"/{view}: <html lang={html_lang!r}> where {HTML_LANG[lang]!r} is expected (see HTML_LANG)")
        if expanders:
            open_everything(page)
        violations = axe_violations(page, axe_script)
        report[view or "/"] = {
            "serious_or_critical": [v for v in violations if v["impact"] in FAILING_IMPACTS],
            "other": [
                {"id": v["id"], "impact": v["impact"], "nodes": len(v["nodes"])}
                for v in violations
                if v["impact"] not in FAILING_IMPACTS
            ],
        }
        for v in report[view or "/"]["serious_or_critical"]:
            targets = "; ".join(n["target"] for n in v["nodes"][:5])
            failures.append(
                f"/{view}: {v['impact']} {v['id']} ({v['help']}) at {targets} {v['nodes'][0]['data'] or ''}"
            )
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    name = "axe_report.json" if lang == "en" else f"axe_report_{lang}.json"
    (ARTIFACTS / name).write_text(json.dumps(report, indent=2), encoding="utf-8")
    return failures, titles


def test_axe_finds_no_serious_or_critical_violation_on_any_page(page, server, axe_script):
    views = [*nav_paths(page, server), *EXTRA_VIEWS]
    failures, titles = check_views(page, server, axe_script, views, "en")
    assert not failures, "axe-core found serious or critical violations:\n" + "\n".join(failures)
    # Every page has its own title in the browser tab (WCAG 2.4.2).
    nav_titles = [titles[v] for v in views if v not in EXTRA_VIEWS]
    assert len(set(nav_titles)) == len(nav_titles), titles


def test_axe_finds_no_serious_or_critical_violation_on_any_spanish_page(page, server, axe_script):
    views = nav_paths(page, server)
    failures, titles = check_views(page, server, axe_script, views, "es", expanders=False)
    assert not failures, "axe-core found serious or critical violations in Spanish:\n" + "\n".join(failures)
    assert len(set(titles.values())) == len(views), titles


WIDGETS = ".stSelectbox, .stMultiSelect, .stRadio, .stSlider, .stTextInput, .stNumberInput, .stDateInput, .stTextArea"


def test_every_chart_has_a_table_and_every_widget_a_visible_label(page, server):
    problems = []
    for view in nav_paths(page, server):
        open_page(page, server, view)
        charts = page.locator(".stPlotlyChart").count()
        # The numbers as a table: an expander saying so (its table is built when opened),
        # or a table on the page itself (the state map's sortable table).
        tables = (
            page.get_by_test_id("stExpander").locator("summary").filter(has_text="table").count()
            + page.get_by_test_id("stDataFrame").count()
        )
        if charts and not tables:
            problems.append(f"/{view}: {charts} chart(s) and no table with their numbers")
        for widget in page.locator(WIDGETS).all():
            label = widget.get_by_test_id("stWidgetLabel")
            if label.count() == 0 or not label.first.is_visible() or not label.first.inner_text().strip():
                problems.append(f"/{view}: a widget without a visible label: {widget.inner_text()[:60]!r}")
        for box in page.locator(".stCheckbox").all():  # checkboxes and toggles carry their label inside
            if not box.inner_text().strip():
                problems.append(f"/{view}: a checkbox or toggle without a visible label")
    assert not problems, "\n".join(problems)
