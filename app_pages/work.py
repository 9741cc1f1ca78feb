"""The work itself: the O*NET profiles of OT and PT side by side, biggest differences first,
with interests (RIASEC) and the top tasks of each."""

import pandas as pd
import streamlit as st

from app_pages.careers_common import chart, numbers, onet_credit
from app_pages.common import accept_english_values, language, sources_footer, tables, translator
from components import onet
from components.careers_charts import dumbbell_chart, riasec_chart
from components.export import download_name
from components.i18n import N_
from components.schema import ONET_DOMAINS
from components.text import md_escape

SHOW_OPTIONS = ("10", "20", "All")
N_("All")

lang = language()
_ = translator(lang)
st.title(_("How does the daily work of an OT and a PT differ?"))
ratings, tasks, occupations, sources = tables("onet_ratings", "onet_tasks", "onet_occupations", "sources", lang=lang)
# Interests are found by their English names (RIASEC); the page shows them through `_`.
(interests,) = tables("onet_interests")
accept_english_values("domain", list(ONET_DOMAINS), {d: _(d) for d in ONET_DOMAINS}, multiple=True)
accept_english_values("scale", ["Importance", "Level"], {s: _(s) for s in ("Importance", "Level")})
accept_english_values("show", list(SHOW_OPTIONS), {s: _(s) for s in SHOW_OPTIONS})

with st.container(border=True):
    domains = st.multiselect(
        _("What to compare"),
        options=list(ONET_DOMAINS),
        format_func=_,
        default=["Skills"],
        key="domain",
        bind="query-params",
        placeholder=_("Choose one or more, e.g. Skills"),
        help=_(
            "Skills: what they are good at doing. Knowledge: what they need to know. Abilities: lasting "
            "capacities such as strength or reasoning. Work activities: what they do. Work styles: personal traits."
        ),
    )
    left, right = st.columns(2)
    scale = left.radio(
        _("Rating"),
        options=["Importance", "Level"],
        format_func=_,
        captions=[_("How important it is to the job (1 to 5)"), _("How much of it the job needs (0 to 7)")],
        key="scale",
        bind="query-params",
        horizontal=True,
    )
    show = right.radio(
        _("How many items"),
        options=list(SHOW_OPTIONS),
        format_func=_,
        captions=[_("The 10 biggest differences"), _("The 20 biggest"), _("Every item")],
        key="show",
        bind="query-params",
        horizontal=True,
    )

if not domains:
    st.info(
        _("Choose at least one thing to compare above, for example *Skills* or *Work Activities*."),
        icon=":material/touch_app:",
    )
    st.stop()
domains = tuple(onet.domain_order(domains))
scale = scale or "Importance"
if scale == "Level" and domains == ("Work Styles",):
    st.caption(_("Work styles are rated for importance only, so importance is shown."))
    scale = "Importance"
rated = tuple(d for d in domains if scale in onet.scales_for(d))

profile = onet.profile(ratings, rated, scale, _)
st.markdown(f"**{md_escape(onet.summary_sentence(profile, rated, scale, _))}**")
if len(rated) < len(domains):
    st.caption(_("Work styles have no level rating, so they are left out of this view."))

shown = profile if show == "All" else profile.head(int(show or 10))
low, high = onet.SCALE_RANGES[scale]
chart(
    dumbbell_chart(
        shown, scale, (low, high), _("OT and PT, {scale}: biggest differences first").format(scale=_(scale).lower()), _
    ),
    key="chart_profile",
)
st.caption(
    _(
        "Each row: OT (blue dot) and PT (vermillion square) on {scale}; the number at the right is OT minus PT. "
        "The ratings come from job analysts and workers, not from a test of any one person."
    ).format(scale=md_escape(_(onet.SCALE_WORDS[scale])))
)
onet_credit()
numbers(
    onet.profile_table(shown, scale, _),
    file_name=download_name(_("work_profile"), tuple(_(d) for d in domains), _(scale), _(show or "10")),
    key="download_profile",
)
if (shown["caution"] != "").any():
    st.caption(_("Some items carry an O*NET caution (for example, rated not relevant): see the table."))

st.subheader(_("What kind of work suits each: interests"))
riasec = onet.interests(interests, _)
points = onet.high_points(interests)
st.markdown(
    _("**Both are mainly *Social* (helping and caring for people), then *Investigative* (working out problems).**")
    + " "
    + _("O*NET's interest code: OT {ot}; PT {pt}.").format(
        ot=md_escape(", ".join(_(p) for p in points["OT"])), pt=md_escape(", ".join(_(p) for p in points["PT"]))
    )
)
chart(riasec_chart(riasec, _), key="chart_riasec")
onet_credit()
numbers(
    pd.DataFrame(
        {
            _("Interest"): riasec["interest"],
            _("What it means"): riasec["meaning"],
            _("OT score (1-7)"): riasec["OT"],
            _("PT score (1-7)"): riasec["PT"],
        }
    ),
    file_name=_("work_interests") + ".csv",
    key="download_interests",
)

st.subheader(_("What each does most: the top tasks"))
count = 8
ot_col, pt_col = st.columns(2)
top = {}
for column, profession, badge in ((ot_col, "OT", ":blue-badge[OT]"), (pt_col, "PT", ":orange-badge[PT]")):
    top[profession] = onet.top_tasks(tasks, profession, count)
    with column.container(border=True):
        total = int((tasks["profession"] == profession).sum())
        st.markdown(
            f"{badge} **" + _("The {count} most important of {total} tasks").format(count=count, total=total) + "**"
        )
        st.markdown(
            "\n".join(
                f"1. {md_escape(row.task)} " + _("(importance {value} of 5)").format(value=f"{row.importance:.2f}")
                for row in top[profession].itertuples()
            )
        )
onet_credit()
task_view = onet.tasks_table(pd.concat([top["OT"], top["PT"]], ignore_index=True), _)
numbers(task_view, file_name=_("work_top_tasks") + ".csv", key="download_tasks", label=_("The top tasks as a table"))

st.subheader(_("How much preparation"))
zone_cols = st.columns(2)
for column, row in zip(zone_cols, occupations.itertuples()):
    with column.container(border=True):
        st.markdown(
            f"**{md_escape(row.title)}**: "
            + _("job zone {zone} of 5, {name}").format(
                zone=md_escape(row.job_zone), name=md_escape(row.job_zone_name.split(": ")[-1].lower())
            )
        )
        st.caption(md_escape(row.description))
st.caption(_("What job zone 5 means:") + " " + md_escape(occupations["education"].iloc[0]))
onet_credit()

sources_footer(
    pd.concat([ratings[["source_ids"]], tasks[["source_ids"]]], ignore_index=True), sources, "work", lang=lang
)
