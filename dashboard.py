"""Entry point: page configuration and routing only. Pages live in app_pages/."""

from pathlib import Path

import streamlit as st

# A local icon: Streamlit fetches ":material/..." page icons from a font CDN, and the
# app must make no request beyond its own server.
st.set_page_config(page_icon="app_pages/favicon.png", layout="wide")
# Page-wide accessibility fixes that the theme cannot express (static CSS, see the file).
st.html(Path(__file__).parent / "app_pages" / "accessibility.css")

# Sections of the sidebar, each a list of pages. url_path values are part of shared links.
pages = {
    "Find the right therapy": [
        st.Page("app_pages/decide.py", title="Which therapy could help?", icon=":material/signpost:", default=True),
    ],
    "Compare the two professions": [
        st.Page(
            "app_pages/compare.py", title="OT and PT side by side", icon=":material/view_column:", url_path="compare"
        ),
        st.Page(
            "app_pages/populations.py",
            title="Patients and conditions",
            icon=":material/groups:",
            url_path="populations",
        ),
        st.Page("app_pages/interventions.py", title="Treatments", icon=":material/healing:", url_path="interventions"),
    ],
    "Careers": [
        st.Page("app_pages/careers.py", title="Training, pay and jobs", icon=":material/school:", url_path="careers"),
        st.Page("app_pages/where.py", title="Jobs by state", icon=":material/map:", url_path="where"),
        st.Page("app_pages/work.py", title="The work itself", icon=":material/work:", url_path="work"),
    ],
    "About the data": [
        st.Page("app_pages/sources.py", title="Sources and open data", icon=":material/menu_book:", url_path="sources"),
    ],
}
st.navigation(pages).run()
