"""Entry point: page configuration and routing only. Pages live in app_pages/."""

from pathlib import Path

import streamlit as st

from app_pages.registry import navigation_pages

# A local icon: Streamlit fetches ":material/..." page icons from a font CDN, and the
# app must make no request beyond its own server.
st.set_page_config(page_icon="app_pages/favicon.png", layout="wide")
# Page-wide accessibility fixes that the theme cannot express (static CSS, see the file).
st.html(Path(__file__).parent / "app_pages" / "accessibility.css")

# The pages, their sections, titles, icons and URL paths: app_pages/registry.py.
st.navigation(navigation_pages()).run()
