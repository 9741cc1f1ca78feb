"""The floor the benchmark measures the dashboard against: the smallest Streamlit app
that does what a dashboard page does.

One multiselect, a 10-row table filtered by it, one plotly bar chart and one download
button, with the dashboard's own config (.streamlit/config.toml is read from the
working directory, which the benchmark sets to the project root). The page is mounted
twice under st.navigation so that a page switch can be timed the same way as in the
dashboard; both pages show the same content.
"""

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

NAMES = [f"Group {letter}" for letter in "ABCDEFGHIJ"]
DEFAULT = NAMES[:5]


def frame() -> pd.DataFrame:
    """The whole 10-row table; also timed by the benchmark's data figure."""
    return pd.DataFrame({"population": NAMES, "OT": range(10), "PT": range(10, 0, -1)})


def page() -> None:
    st.title("Baseline")
    data = frame()
    chosen = st.multiselect("Populations", options=NAMES, default=DEFAULT, key="population")
    view = data[data["population"].isin(chosen)]
    st.dataframe(view, hide_index=True)
    figure = go.Figure(go.Bar(x=view["population"], y=view["OT"]))
    st.plotly_chart(figure, key="chart")
    st.download_button(
        "Download (CSV)",
        data=view.to_csv(index=False),
        file_name="baseline.csv",
        mime="text/csv",
        on_click="ignore",
        key="download",
    )


def first() -> None:
    page()


def second() -> None:
    page()


if __name__ == "__main__":
    st.navigation([st.Page(first, title="First", default=True), st.Page(second, title="Second")]).run()
