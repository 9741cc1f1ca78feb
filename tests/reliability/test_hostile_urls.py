"""Hostile URL query values (app logic, under AppTest) on every page of the navigation.

Unknown keys, repeated keys, a 10 kB value, script-like and percent-encoded values never
raise, are ignored (the page looks exactly as it does with no query at all), and never
reach the page: no element anywhere carries them, as text or as markup.
"""

from __future__ import annotations

import pytest

from app_pages.registry import BY_NAME as PAGES
from tests.conftest import COUNTS, run_page
from tests.reliability.helpers import bound_widget_keys
from tests.reliability.hostile import LONG, MARKERS, UNKNOWN_KEYS, VALUES

# Long: skipped by the fast layers (-m "not slow and not e2e"), run by `make test`.
pytestmark = pytest.mark.slow

TEXT_ELEMENTS = ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success", "metric")


def strings_in(message, depth: int = 0):
    """Every string (and decoded bytes) anywhere inside a protobuf message."""
    for field, value in message.ListFields():
        values = value if field.is_repeated else [value]
        for item in values:
            if isinstance(item, str):
                yield item
            elif isinstance(item, bytes):
                yield item.decode("utf-8", "ignore")
            elif hasattr(item, "ListFields") and depth < 20:
                yield from strings_in(item, depth + 1)


def everything_shown(at) -> str:
    out = []

    def walk(node):
        proto = getattr(node, "proto", None)
        if proto is not None and hasattr(proto, "ListFields"):
            out.extend(strings_in(proto))
        children = getattr(node, "children", None) or {}
        for child in children.values() if isinstance(children, dict) else children:
            walk(child)

    walk(at._tree)
    return "\n".join(out)


def view(at) -> list:
    """What the page shows, comparable between two runs."""
    shown = [(kind, str(e.value)) for kind in TEXT_ELEMENTS for e in at.get(kind)]
    shown += [("dataframe", e.value.to_csv()) for e in at.dataframe]
    shown += [("widget", w.key, repr(w.value)) for w in _widgets(at)]
    return shown


def _widgets(at):
    kinds = (
        "multiselect",
        "radio",
        "selectbox",
        "toggle",
        "checkbox",
        "pills",
        "segmented_control",
        "slider",
        "select_slider",
    )
    return [w for kind in kinds for w in at.get(kind)]


@pytest.fixture(scope="module")
def default_views():
    views = {}
    for name, page in PAGES.items():
        at = run_page(page.path)
        assert not at.exception, at.exception
        views[name] = view(at)
    return views


def check_ignored(name: str, query: dict, default_views) -> None:
    COUNTS["hostile URL values tried under AppTest"] += sum(len(v) for v in query.values())
    COUNTS["page runs with hostile URLs under AppTest"] += 1
    at = run_page(PAGES[name].path, query)
    assert not at.exception, f"{name} {list(query)}: {at.exception}"
    assert not at.error, f"{name}: {[e.value for e in at.error]}"
    assert view(at) == default_views[name], f"{name}: a hostile query changed what the page shows"
    shown = everything_shown(at)
    for marker in MARKERS:
        assert marker not in shown, f"{name}: {marker!r} reached the page"
    assert LONG[:200] not in shown
    # The app drops what it ignored from its own (bound) parameters, once their widget is
    # built: a widget in a tab that is not open (lazy tabs) is checked with its tab open.
    built = built_keys(at)
    unbuilt = [key for key in bound_widget_keys(PAGES[name]) if key not in built]
    assert_dropped(at, [key for key in bound_widget_keys(PAGES[name]) if key in built])
    for tab_key, label in url_tabs(at):
        if not unbuilt:
            break
        opened = run_page(PAGES[name].path, {**query, tab_key: [label]})
        assert not opened.exception and not opened.error, f"{name} with {tab_key}={label}: {opened.exception}"
        shown = everything_shown(opened)
        assert not [m for m in MARKERS if m in shown], f"{name} with {tab_key}={label}: a marker reached the page"
        now_built = [key for key in unbuilt if key in built_keys(opened)]
        assert_dropped(opened, now_built)
        unbuilt = [key for key in unbuilt if key not in now_built]
    assert not unbuilt, f"{name}: bound keys never built in any tab: {unbuilt}"


def built_keys(at) -> set[str]:
    """Keys of the widgets and URL-bound tabs this run built."""
    return {w.key for w in _widgets(at)} | {key for key, _ in url_tabs(at)}


def url_tabs(at) -> list[tuple[str, str]]:
    """(URL key, label) of every tab bound to the URL in this run."""
    tabs = []

    def walk(node):
        if getattr(node, "type", None) == "tab_container" and node.proto.tab_container.query_param_key:
            tabs.extend((node.proto.tab_container.query_param_key, tab.label) for tab in node.children.values())
        for child in (getattr(node, "children", None) or {}).values():
            walk(child)

    walk(at._tree)
    return tabs


def assert_dropped(at, keys) -> None:
    for key in keys:
        kept = at.query_params.get_all(key) if hasattr(at.query_params, "get_all") else at.query_params.get(key, [])
        assert not any(v in VALUES for v in ([kept] if isinstance(kept, str) else kept)), (key, kept)


@pytest.mark.parametrize("value", range(len(VALUES)), ids=lambda i: f"v{i}")
@pytest.mark.parametrize("name", PAGES)
def test_hostile_value_in_every_bound_and_unknown_parameter(name, value, default_views):
    hostile = VALUES[value]
    query = {key: [hostile] for key in (*bound_widget_keys(PAGES[name]), *UNKNOWN_KEYS)}
    check_ignored(name, query, default_views)


@pytest.mark.parametrize("name", PAGES)
def test_repeated_parameters_with_every_hostile_value_at_once(name, default_views):
    query = {key: VALUES * 3 for key in (*bound_widget_keys(PAGES[name]), "unknown")}
    check_ignored(name, query, default_views)
