"""Print, as JSON, what the benchmark needs to know about a Streamlit app's pages.

The dashboard's pages come from app_pages/registry.py, the list its st.navigation is built
from; another app's (the baseline's) are the ones its st.navigation receives. Each page is
run under AppTest (no server, no browser), in the order of the navigation, and recorded
with its URL path, title and how many plotly charts it draws with its default filters; for
the page with the population filter, that widget's options and default; each page's tabs
that are bound to the URL (only the open tab is built, so each tab's charts are counted with
the tab open); and the first download button.
So pages added to the registry later are measured without editing the benchmark.

    python bench/discover.py dashboard.py
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

FILTER_KEY = "population"
ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class NavItem:
    url: str  # "" for the default page
    title: str
    default: bool
    script: Path | None  # None: a callable page defined in the entry point


def discover(script: Path) -> dict:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(script.resolve()), default_timeout=60)
    found = []
    for item in navigation_of(script, at):
        entry = {"url": item.url, "title": item.title, "default": item.default, "charts": None}
        if item.script is not None:
            run = AppTest.from_file(str(script.resolve()), default_timeout=60)
            run.run()
            if not item.default:
                run.switch_page(str(item.script.relative_to(script.resolve().parent)))
                run.run()
        elif item.default:
            run = at
        else:
            found.append(entry)  # a callable page that is not the default: counted in the browser
            continue
        if run.exception:
            raise SystemExit(f"page {item.title!r} raised: {run.exception[0].message}")
        entry["charts"] = len(run.get("plotly_chart"))
        entry["tabs"] = url_tabs(run, item.script or script)
        try:
            widget = run.multiselect(key=FILTER_KEY)
            entry["filter"] = {"key": FILTER_KEY, "options": list(widget.options), "default": list(widget.value)}
        except KeyError:
            pass
        downloads = [b for b in run.get("download_button") if getattr(b, "key", None)]
        if downloads:
            entry["download"] = downloads[0].key
        found.append(entry)
    return {"script": str(script), "pages": found}


def navigation_of(script: Path, at) -> list[NavItem]:
    """The app's pages in navigation order. The dashboard's: its page registry. Another
    app's: what its st.navigation is given when `at` runs the entry point (run here once)."""
    if script.resolve() == ROOT / "dashboard.py":
        sys.path.insert(0, str(ROOT))
        from app_pages.registry import PAGES

        at.run()
        return [NavItem(p.url_path, p.title, p.default, p.path) for p in PAGES]

    import streamlit as st

    captured = []
    real_navigation = st.navigation

    def recording_navigation(pages, *args, **kwargs):
        captured.append(pages)
        return real_navigation(pages, *args, **kwargs)

    st.navigation = recording_navigation
    try:
        at.run()
    finally:
        st.navigation = real_navigation
    if not captured:
        raise SystemExit(f"{script} never called st.navigation")
    pages = captured[-1]
    flat = [page for section in (pages.values() if isinstance(pages, dict) else [pages]) for page in section]
    return [
        NavItem(p.url_path, p.title, bool(p._default), p._page if isinstance(p._page, Path) else None) for p in flat
    ]


def url_tabs(run, page_script: Path) -> list[dict]:
    """The tabs of a page that are bound to the URL, each with the charts it draws when open
    (the page's own script run with the tab in its URL)."""
    from streamlit.testing.v1 import AppTest

    containers = [
        node
        for node in walk(run._tree)
        if getattr(node, "type", None) == "tab_container" and node.proto.tab_container.query_param_key
    ]
    found = []
    for container in containers:
        key = container.proto.tab_container.query_param_key
        labels = [child.label for child in container.children.values()]
        for label in labels[1:]:  # the first is the default view, measured as the page itself
            view = AppTest.from_file(str(page_script.resolve()), default_timeout=60)
            view.query_params[key] = label
            view.run()
            found.append({"key": key, "label": label, "charts": len(view.get("plotly_chart"))})
    return found


def walk(node):
    for child in getattr(node, "children", {}).values():
        yield child
        yield from walk(child)


if __name__ == "__main__":
    print(json.dumps(discover(Path(sys.argv[1]))))
