"""Print, as JSON, what the benchmark needs to know about a Streamlit app's pages.

Runs the app's entry point under AppTest (no server, no browser) and records the pages
that st.navigation was given, in the order of the navigation, with their URL path,
title and how many plotly charts each draws with its default filters; for the page with
the population filter, that widget's options and default; each page's tabs that are
bound to the URL (only the open tab is built, so each tab's charts are counted with the
tab open); and the first download button.
So pages added to dashboard.py later are measured without editing the benchmark.

    python bench/discover.py dashboard.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

FILTER_KEY = "population"


def discover(script: Path) -> dict:
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    captured = []
    real_navigation = st.navigation

    def recording_navigation(pages, *args, **kwargs):
        captured.append(pages)
        return real_navigation(pages, *args, **kwargs)

    st.navigation = recording_navigation
    at = AppTest.from_file(str(script.resolve()), default_timeout=60).run()
    if not captured:
        raise SystemExit(f"{script} never called st.navigation")
    pages = captured[-1]
    flat = [page for section in (pages.values() if isinstance(pages, dict) else [pages]) for page in section]
    found = []
    for page in flat:
        source = getattr(page, "_page", None)
        entry = {"url": page.url_path, "title": page.title, "default": bool(page._default), "charts": None}
        if isinstance(source, Path):
            run = AppTest.from_file(str(script.resolve()), default_timeout=60)
            run.run()
            if not page._default:
                run.switch_page(str(source.relative_to(script.resolve().parent)))
                run.run()
        elif page._default:
            run = at
        else:
            found.append(entry)  # a callable page that is not the default: counted in the browser
            continue
        if run.exception:
            raise SystemExit(f"page {page.title!r} raised: {run.exception[0].message}")
        entry["charts"] = len(run.get("plotly_chart"))
        entry["tabs"] = url_tabs(run, source if isinstance(source, Path) else script)
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
