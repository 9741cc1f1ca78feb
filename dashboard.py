"""Entry point: page configuration, the language switch and routing only. Pages live in app_pages/."""

from pathlib import Path

import streamlit as st

from app_pages.common import language
from app_pages.page_language import mark_page_language
from app_pages.registry import navigation_pages
from components import heap, i18n

# A local icon: Streamlit fetches ":material/..." page icons from a font CDN, and the
# app must make no request beyond its own server.
st.set_page_config(page_icon="app_pages/favicon.png", layout="wide")
# Page-wide accessibility fixes that the theme cannot express (static CSS, see the file).
st.html(Path(__file__).parent / "app_pages" / "accessibility.css")

# The language switch, on every page: bound to ?lang=en|es (the URL holds the option as
# shown, so the options are the codes; their names are the captions). Without ?lang= the
# browser's preferred language decides, then English (components/i18n.resolve_language).
default_language = i18n.resolve_language(None, st.context.locale)
st.sidebar.radio(
    "Language · Idioma",
    options=list(i18n.LANGUAGES),
    captions=[i18n.LANGUAGE_NAMES[code] for code in i18n.LANGUAGES],
    index=i18n.LANGUAGES.index(default_language),
    horizontal=True,
    key="lang",
    bind="query-params",
)
_ = i18n.gettext(language())
# <html lang> as the page is written, for screen readers and translation tools.
mark_page_language(language())

# The pages, their sections, titles, icons and URL paths: app_pages/registry.py.
page = st.navigation(navigation_pages(_))
page.run()
# Once per page and process: the collector stops rescanning what that page's first run
# loaded for good (components/heap.py).
heap.freeze_after_first_run(page.url_path)
