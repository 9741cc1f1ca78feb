"""Streamlit pages: thin wiring of widgets to the pure functions in components/."""
