"""A page that fails on purpose, run by tests/e2e/test_reliability_server.py with the
project's .streamlit/config.toml, to see what a user sees when a page raises."""

import streamlit as st

st.title("A page that fails")
raise RuntimeError("SECRET-DETAIL in /work/main/components/hidden.py, token=abc123")
