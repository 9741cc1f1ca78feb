"""`streamlit run` with some plotly charts left out, for bench/element_cost.py.

    LEAVE_OUT_CHARTS=chart_school_exam,chart_school_path python bench/without_charts.py dashboard.py ...
    LEAVE_OUT_CHARTS='*' ...   # every chart

Every chart of the dashboard is drawn by `st.plotly_chart` with a key; this launcher
replaces that function, before the app is imported, by one that draws nothing for the
listed keys, then runs `streamlit run` in this process. The page is otherwise the same
script, so the difference in render time is what those charts cost. A measuring tool
only: the app itself never reads LEAVE_OUT_CHARTS.
"""

from __future__ import annotations

import os
import sys


def chart_keys(listed: str) -> set[str]:
    """The keys in a LEAVE_OUT_CHARTS value ("a,b", or "*" for every chart)."""
    return {key.strip() for key in listed.split(",") if key.strip()}


def main() -> None:
    leave_out = chart_keys(os.environ.get("LEAVE_OUT_CHARTS", ""))
    sys.path.insert(0, os.getcwd())  # as `streamlit run` from the project root would see it
    import streamlit as st
    from streamlit.web import cli

    draw = st.plotly_chart

    def plotly_chart(figure_or_data, *args, key=None, **kwargs):
        if "*" in leave_out or key in leave_out:
            return None
        return draw(figure_or_data, *args, key=key, **kwargs)

    st.plotly_chart = plotly_chart
    sys.argv = ["streamlit", "run", *sys.argv[1:]]
    cli.main(prog_name="streamlit")


if __name__ == "__main__":
    main()
