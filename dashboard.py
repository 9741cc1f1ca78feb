"""Entry point: page configuration and routing only. Pages live in app_pages/."""

import streamlit as st

# A local icon: Streamlit fetches ":material/..." page icons from a font CDN, and the
# app must make no request beyond its own server.
st.set_page_config(page_title="OT or PT?", page_icon="app_pages/favicon.png", layout="wide")

# Sections of the sidebar, each a list of pages. url_path values are part of shared links.
pages = {
    "Compare the two professions": [
        st.Page("app_pages/compare.py", title="OT and PT side by side", icon=":material/view_column:", url_path="compare", default=True),
        st.Page("app_pages/populations.py", title="Patients and conditions", icon=":material/groups:", url_path="populations"),
        st.Page("app_pages/interventions.py", title="Treatments", icon=":material/healing:", url_path="interventions"),
    ],
    # "Careers": [...]  (issue 3: careers, where, the work itself)
    # "About the data": [...]  (issue 4: sources and open data)
}
st.navigation(pages).run()
