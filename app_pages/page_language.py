"""The page's language for browsers and screen readers: `<html lang>` follows the switch.

Streamlit serves one index.html with `<html lang="en">`, so a Spanish page was read
aloud with English pronunciation rules (WCAG 2.2 success criterion 3.1.1, Language of
Page, level A). A custom component (Streamlit's components v2: its script runs in the
page itself, not in an iframe) sets the attribute after each run. The script is static;
the only thing it receives is a language code from i18n.LANGUAGES.
"""

from __future__ import annotations

import streamlit as st

from components import i18n

# Registered once per process (module import), not on every run.
_SET_LANG = st.components.v2.component(
    "page_language",
    js="""
export default function ({ data }) {
  const lang = data && data.lang;
  if (typeof lang === "string" && /^[a-z]{2}$/.test(lang)) {
    document.documentElement.lang = lang;
  }
}
""",
)


def mark_page_language(lang: str) -> None:
    """Mount the component (in the sidebar, where it takes no room) for this run's language."""
    if lang in i18n.LANGUAGES:
        with st.sidebar:
            _SET_LANG(data={"lang": lang}, key="page_language")
