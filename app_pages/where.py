"""Where: state figures for OT, PT and their assistants on a tile-grid map (drawn locally,
no map server) and in a sortable table, with states that have no figure shown as missing."""

import pandas as pd
import streamlit as st

from app_pages.careers_common import chart, numbers
from app_pages.common import accept_english_values, language, sources_footer, table_with_download, tables, translator
from components import states
from components.careers_charts import tile_map
from components.export import download_name
from components.figures import MEASURE_LABELS, PROFESSION_NAMES, format_value, period_label
from components.text import md_escape

lang = language()
_ = translator(lang)
st.title(_("In which states are the jobs, and what do they pay?"))
figures, sources = tables("state_figures", "sources", lang=lang)

groups = states.professions(figures)
# The URL holds the option as shown ('Auxiliares de PT'): a link made in English still opens.
accept_english_values("occupation", groups, {g: _(g) for g in groups})
accept_english_values("state", list(states.STATE_NAMES), {s: _(s) for s in states.STATE_NAMES})


def _reset_below(*keys: str) -> None:
    # A new profession or measure has other periods: drop the old choice so the default applies.
    for key in keys:
        st.session_state.pop(key, None)


with st.container(border=True):
    left, middle = st.columns([1, 2])
    with left:
        profession = st.radio(
            _("Profession"),
            options=groups,
            format_func=_,
            captions=[_(PROFESSION_NAMES[g]) for g in groups],
            index=groups.index("PT") if "PT" in groups else 0,  # the one with a figure for every state
            key="occupation",
            bind="query-params",
            on_change=_reset_below,
            args=("measure", "period"),
        )
    profession = profession or groups[0]
    measure_options = states.measures(figures, profession)
    accept_english_values(
        "measure",
        measure_options,
        {m: _(MEASURE_LABELS[m]) for m in measure_options},
        english={m: MEASURE_LABELS[m] for m in measure_options},
    )
    with middle:
        measure = st.selectbox(
            _("Figure to show"),
            options=measure_options,
            format_func=lambda m: _(MEASURE_LABELS[m]),
            key="measure",
            bind="query-params",
            on_change=_reset_below,
            args=("period",),
        )
        measure = measure if measure in measure_options else measure_options[0]
        found_periods = states.periods(figures, profession, measure)
        period_options = [p for p, _ in found_periods]
        accept_english_values(
            "period",
            period_options,
            {p: period_label(p, _=_) for p in period_options},
            english={p: period_label(p) for p in period_options},
        )
        period = st.selectbox(
            _("Period (one period at a time: years are never mixed on the map)"),
            options=period_options,
            format_func=lambda p: period_label(p, _=_),
            key="period",
            bind="query-params",
            help=_("The periods are listed with the best-covered first."),
        )
        period = period if period in period_options else period_options[0]
        st.caption(
            _("States and DC with a figure, by period:")
            + " "
            + md_escape("; ".join(f"{period_label(p, _=_)}: {n}" for p, n in found_periods))
        )
    state = st.selectbox(
        _("Look up a state (optional)"),
        options=list(states.STATE_NAMES),
        format_func=_,
        index=None,
        key="state",
        bind="query-params",
        placeholder=_("Choose a state to see every figure we have for it"),
    )

view = states.state_view(figures, sources, profession, measure, period, _)
shown = view.dropna(subset=["value"])
stated = "no" if len(shown) and (shown["period_stated"] == "no").all() else "yes"  # per-row dates are in the table
st.markdown(f"**{md_escape(states.summary_sentence(view, profession, measure, period, stated, _))}**")

unit = shown["unit"].iloc[0] if not shown.empty else ""
abbr = dict(zip(states.STATE_NAMES, states.STATE_ABBRS)).get(state)
chart(
    tile_map(
        view,
        profession,
        f"{_(profession)}: {_(MEASURE_LABELS[measure])}, {period_label(period, _=_)}",
        unit,
        highlight=abbr,
        _=_,
    ),
    key="chart_map",
)
st.caption(
    _(
        "Each square is a state, placed roughly where it lies. **Grey squares with a dash have no figure in our "
        "sources** for this profession and period: they are missing, not zero, and nothing is estimated."
    )
    + " "
    + (_("Some sources list only their top or bottom states, or one region.") + " " if len(shown) < 51 else "")
    + (_("Rank 1 is the best-paid state in the source's list.") + " " if measure == "mean_annual_wage_rank" else "")
)
national = states.national_value(figures, sources, profession, measure, period)
if national is not None:
    doubt = (
        " " + _("Our reference marks this figure as doubtful:") + " " + md_escape(national["note"])
        if national["flag"] == "doubtful"
        else ""
    )
    st.caption(
        _("United States, same source and period: {value} (tier {tier}).").format(
            value=md_escape(format_value(national["value"], national["unit"], _)), tier=md_escape(national["tier"])
        )
        + doubt
    )

prior = states.prior_period(figures, profession, measure, period)
prior_view = states.state_view(figures, sources, profession, measure, prior, _) if prior else None
if prior_view is not None:
    st.caption(
        _(
            "For comparison, the table also gives {period} (the period before, from the same kind of survey): "
            "figures for {count} of 51 states and DC."
        ).format(period=md_escape(period_label(prior, _=_)), count=int(prior_view["value"].notna().sum()))
    )

st.subheader(_("The table (click a column to sort)"))
table_view = states.view_table(view, unit, prior_view, prior or "", _)
table_with_download(
    table_view,
    file_name=download_name(_("states"), profession, measure, period),
    key="download_states",
    column_config={table_view.columns[1]: st.column_config.NumberColumn(format="localized")},
    lang=lang,
)
cited = [view[view["source_ids"] != ""]]
if prior_view is not None:
    cited.append(prior_view[prior_view["source_ids"] != ""])

if state:
    st.subheader(_("Every figure we have for {state}").format(state=md_escape(_(state))))
    detail = states.state_detail(figures, sources, state, _)
    if detail.empty:
        st.info(_("Our sources give no figure for {state}.").format(state=md_escape(_(state))), icon=":material/info:")
    else:
        table_with_download(
            detail, file_name=download_name(_("state"), _(state)), key="download_state_detail", lang=lang
        )
        cited.append(detail.rename(columns={_("Sources"): "source_ids"}))

numbers(
    states.coverage(figures, _),
    file_name=_("states_coverage") + ".csv",
    key="download_coverage",
    label=_("Which figures cover how many states"),
)

sources_footer(pd.concat([c[["source_ids"]] for c in cited], ignore_index=True), sources, "where", lang=lang)
