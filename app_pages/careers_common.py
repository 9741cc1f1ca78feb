"""Streamlit glue shared by the three careers pages: a chart's numbers as a
downloadable table, and the O*NET credit. No data logic lives here."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app_pages.common import language, lazy_expander, table_with_download, translator
from components.chart_style import CONFIG
from components.i18n import N_
from components.onet import CREDIT
from components.text import md_escape

ONET_LICENSE = "https://creativecommons.org/licenses/by/4.0/"
NUMBERS_LABEL = N_("The numbers behind this chart, as a table")


def chart(figure, key: str) -> None:
    st.plotly_chart(figure, width="stretch", config=CONFIG, key=key, theme=None)


def numbers(
    view: pd.DataFrame,
    file_name: str,
    key: str,
    label: str | None = None,
    expanded: bool = False,
    column_config: dict | None = None,
) -> None:
    """The same numbers as the chart, in a table with a download of exactly those rows.
    label: already in the reader's language (the default is translated here)."""
    lang = language()
    label = label or translator(lang)(NUMBERS_LABEL)
    with lazy_expander(label, key=f"{key}_open", expanded=expanded) as shown:
        if shown:
            table_with_download(view, file_name=file_name, key=key, column_config=column_config, lang=lang)


def onet_credit() -> None:
    """The attribution every view showing O*NET data carries (CC BY 4.0 asks for it)."""
    lang = language()
    _ = translator(lang)
    st.caption(
        _("Source: {credit} ([license]({url})).").format(credit=md_escape(_(CREDIT)), url=ONET_LICENSE)
        + " "
        + _(
            "OT ratings were collected in August 2021 and PT ratings in August 2020; interests in November 2023. "
            "USDOL/ETA has not approved or endorsed this page."
        )
    )
