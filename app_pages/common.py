"""Streamlit glue shared by the pages: cached data, the data-error message,
table + CSV download, and the sources footer. No data logic lives here."""

from __future__ import annotations

import os
from collections.abc import Sequence
from contextlib import contextmanager

import pandas as pd
import streamlit as st

from components import i18n
from components.chart_style import CONFIG as CHART_CONFIG
from components.export import to_csv_bytes
from components.i18n import N_
from components.loader import DATA_DIR
from components.sources import sources_for, tier_legend, tier_summary
from components.text import md_escape
from components.translation import load_table_in_or_english


def language() -> str:
    """The language of this run: the sidebar switch (bound to ?lang=), else the URL, else
    the browser's preferred language, else English (components/i18n.resolve_language)."""
    chosen = st.session_state.get("lang")
    if chosen in i18n.LANGUAGES:
        return chosen
    return i18n.resolve_language(st.query_params.get("lang"), st.context.locale)


def translator(lang: str | None = None) -> i18n.Translate:
    """The `_` of this run's language."""
    return i18n.gettext(lang or language())


# What a table cell shows for a missing value: nothing, as in the CSV download (Streamlit's
# default is the word "None", English and a programmer's word on every page).
EMPTY_CELL = ""

# The on-screen mark of a row that cites no tier A or B source (components/sourcing.py).
WEAK_BADGE = ":red-badge[weakly sourced]"


WEAK_NOTE = N_(
    "*Weakly sourced* marks a statement that no official, professional, health-system or university "
    "source (tier A or B) backs in our data: only other sites (tier C) say it."
)


def weak_badge(mark: str, lang: str | None = None) -> str:
    """' :red-badge[weakly sourced]' for a weakly sourced row, else ''."""
    if not mark:
        return ""
    _ = translator(lang)
    label = _("weakly sourced")
    return f" :red-badge[{label}]"


NOT_ADVICE = N_(
    "This is general information, not medical advice. A doctor or therapist who knows "
    "the person decides what care is right."
)


def data_dir() -> str:
    # Tests point the app at a copy of data/ with a broken file through this variable.
    return os.environ.get("OTPT_DATA_DIR", str(DATA_DIR))


def data_stamp(directory: str) -> tuple[tuple[str, int, int], ...]:
    """The data files as they are now (name, size, modification time): part of the key of a
    shared view, so that a view is computed again when a file changes."""
    stamp = []
    translations = [os.path.join(directory, lang) for lang in i18n.LANGUAGES if lang != i18n.SOURCE_LANGUAGE]
    for folder in (directory, *translations):
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError:
            continue
        for entry in entries:
            if entry.name.endswith(".csv") and entry.is_file():
                info = entry.stat()
                stamp.append((entry.path, info.st_size, info.st_mtime_ns))
    return tuple(stamp)


def shared_view(function):
    """Cache a page's computed views (tables and plotly figures) once per process for all
    sessions, with st.cache_resource: st.cache_data unpickled a copy on every rerun, and
    unpickling a plotly figure validates it all again (~50 ms per careers chart). The views
    are read-only: pages draw them and derive new frames, never change them in place. Callers
    pass data_stamp(directory) so a changed file is not served from the cache."""
    return st.cache_resource(show_spinner=False, max_entries=64)(function)


@st.cache_data(show_spinner=False, max_entries=64)
def load_cached(
    name: str, directory: str, lang: str = i18n.SOURCE_LANGUAGE
) -> tuple[pd.DataFrame | None, str | None, str | None]:
    """(frame, error, translation problem): components/translation.load_table_in_or_english.
    Read and validate once per process, data folder and language; small hashable arguments only."""
    return load_table_in_or_english(name, directory, lang)


def translation_note(problem: str, lang: str | None = None) -> None:
    """Say that a table is shown in English because its translation file has a problem (the
    loader's message names the file, line and column); the page goes on."""
    _ = translator(lang)
    st.warning(
        _("Part of this page is shown in English because a translation file has a problem.")
        + "\n\n"
        + md_escape(problem),
        icon=":material/translate:",
    )


def tables(*names: str, lang: str = i18n.SOURCE_LANGUAGE) -> tuple[pd.DataFrame, ...]:
    """The validated tables this page needs (in `lang` where data/<lang>/ has a valid
    translation, else in English with a note); on a data problem, say so plainly and stop."""
    frames = []
    for name in names:
        frame, error, problem = load_cached(name, data_dir(), lang)
        if problem is not None:
            translation_note(problem, lang)
        if error is not None:
            _ = translator(lang)
            st.error(
                _("This page can't be shown because one of its data files has a problem. Other pages may still work.")
                + "\n\n"
                + md_escape(error),
                icon=":material/error:",
            )
            st.stop()
        frames.append(frame)
    return tuple(frames)


def optional_tables(*names: str, lang: str = i18n.SOURCE_LANGUAGE) -> tuple[pd.DataFrame | None, ...]:
    """Tables that add to a page without being needed for it: on a data problem, say so in
    one warning and give None for that table, so the rest of the page still works."""
    frames = []
    shown: set[str] = set()
    for name in names:
        frame, error, problem = load_cached(name, data_dir(), lang)
        if problem is not None:
            translation_note(problem, lang)
        if error is not None and error not in shown:  # a missing table also breaks those that cite it
            shown.add(error)
            _ = translator(lang)
            st.warning(
                _("Part of this page can't be shown because one of its data files has a problem.")
                + "\n\n"
                + md_escape(error),
                icon=":material/warning:",
            )
        frames.append(frame)
    return tuple(frames)


def quiet_table(name: str, lang: str = i18n.SOURCE_LANGUAGE) -> pd.DataFrame | None:
    """A table, or None on a data problem, without a message (for a page that reports the
    same table's problem elsewhere); in English where its translation has a problem."""
    return load_cached(name, data_dir(), lang)[0]


def chart_with_table(figure, numbers: pd.DataFrame, key: str, lang: str | None = None) -> None:
    """A chart, then the same numbers as a table for anyone who can't read the chart."""
    _ = translator(lang)
    st.plotly_chart(figure, width="stretch", config=CHART_CONFIG, key=key, theme=None)
    with lazy_expander(_("The chart numbers as a table"), key=f"{key}_open") as shown:
        if shown:
            st.dataframe(numbers, hide_index=True, width="stretch", key=f"{key}_numbers", placeholder=EMPTY_CELL)


@contextmanager
def lazy_expander(label: str, key: str, expanded: bool = False):
    """An expander whose content is built only while it is open (yields whether it is).
    The label is plain text (escaped here).

    A closed expander's tables were still sent and drawn on every rerun; on the
    populations page they cost ~20 ms of each filter change, on the Sources page 16
    full tables. Opening one reruns the page once to draw its content.
    """
    with st.expander(md_escape(label), expanded=expanded, key=key, on_change="rerun") as box:
        yield bool(box.open)


def table_with_download(
    view: pd.DataFrame, file_name: str, key: str, column_config: dict | None = None, lang: str | None = None
) -> None:
    """The table as shown on screen, and a download of exactly those rows and columns."""
    st.dataframe(
        view,
        hide_index=True,
        width="stretch",
        column_config=column_config,
        key=f"{key}_table",
        placeholder=EMPTY_CELL,
    )
    csv_download(view, file_name, key, lang)


def csv_download(view: pd.DataFrame, file_name: str, key: str, lang: str | None = None) -> None:
    """A download of exactly the rows and columns of `view` as CSV (formula injection escaped)."""
    _ = translator(lang)
    st.download_button(
        _("Download this table (CSV)"),
        # Made when clicked, not on every rerun: the CSV of every table on a page cost
        # up to ~0.2 s a run (the Sources page) and was kept in memory per session.
        data=lambda: to_csv_bytes(view),
        file_name=file_name,
        mime="text/csv",
        on_click="ignore",
        key=key,
        icon=":material/download:",
    )


def sources_footer(
    frame: pd.DataFrame,
    sources: pd.DataFrame,
    view: str,
    column: str = "source_ids",
    weak_shown: bool = False,
    lang: str | None = None,
) -> None:
    """Sources and as-of dates for what is on the page: small, but always there. weak_shown:
    the page shows a 'weakly sourced' mark, which the footer then explains."""
    lang = lang or i18n.SOURCE_LANGUAGE
    _ = translator(lang)
    st.divider()
    st.caption(
        _("Sources for this page.")
        + f" {md_escape(tier_summary(frame, sources, _))} "
        + _("Tiers:")
        + f" {md_escape(tier_legend(_))}"
        + (f" {_(WEAK_NOTE)}" if weak_shown else "")
    )
    with lazy_expander(_("Show the sources, with links and dates"), key=f"sources_{view}_open") as shown:
        if shown:
            listed = sources_for(frame, sources, column, _)
            link = _("Link")
            table_with_download(
                listed,
                file_name=_("sources") + f"_{view}.csv",
                key=f"download_sources_{view}",
                column_config={link: st.column_config.LinkColumn(link)},
                lang=lang,
            )


def accept_english_values(
    key: str,
    options: list[str],
    labels: dict[str, str],
    multiple: bool = False,
    english: dict[str, str] | None = None,
) -> None:
    """Let a link made in one language open in another: a widget bound to the URL keeps
    the option as shown (?goal=<label>), so a value in another language would be dropped as
    unknown. Where the URL holds options by their English text, or by the catalogue's label
    in another language (a Spanish link opened in English), and the widget has no choice
    yet, they are taken as the choice before the widget is drawn.
    english: the English text of options shown as something else than themselves (a code
    shown as a label: 'mean_annual_wage' -> 'Average (mean) pay per year')."""
    if st.session_state.get(key):
        return
    asked = st.query_params.get_all(key)
    shown = set(labels.values())
    if not asked or all(value in shown for value in asked):
        return
    by_english = {(english or {}).get(option, option): option for option in options}
    lang = language()
    chosen = [by_english[value] if value in by_english else i18n.msgid_of(value, options, lang) for value in asked]
    if all(option is not None for option in chosen):
        st.session_state[key] = chosen if multiple else chosen[0]


def keep_tab_across_languages(key: str, msgids: Sequence[str], lang: str) -> None:
    """Open the same tab in either language. st.tabs bound to the URL keeps the label as
    shown (?section=Pay, ?section=Salario) and has no format_func, and a bound parameter
    can only be set through st.session_state. So, before the tabs are drawn: a label of the
    other language, left in the session by the language switch or brought by a link made in
    that language, becomes the same tab's label in this one (components/i18n.label_in)."""
    labels = {i18n.gettext(lang)(msgid) for msgid in msgids}
    held = st.session_state.get(key)
    if held in labels:
        return
    asked = held if held is not None else st.query_params.get(key)
    label = i18n.label_in(asked, msgids, lang)
    if label is not None and label != asked:
        st.session_state[key] = label
