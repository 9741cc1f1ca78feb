"""The work itself: the O*NET profiles of OT and PT side by side, biggest differences first,
with interests (RIASEC) and the top tasks of each."""

import pandas as pd
import streamlit as st

from app_pages.careers_common import chart, numbers, onet_credit
from app_pages.common import sources_footer, tables
from components import onet
from components.careers_charts import dumbbell_chart, riasec_chart
from components.export import download_name
from components.schema import ONET_DOMAINS
from components.text import md_escape

SHOW_OPTIONS = ("10", "20", "All")

st.title("How does the daily work of an OT and a PT differ?")
ratings, tasks, interests, occupations, sources = tables(
    "onet_ratings", "onet_tasks", "onet_interests", "onet_occupations", "sources"
)

with st.container(border=True):
    domains = st.multiselect(
        "What to compare",
        options=list(ONET_DOMAINS),
        default=["Skills"],
        key="domain",
        bind="query-params",
        placeholder="Choose one or more, e.g. Skills",
        help="Skills: what they are good at doing. Knowledge: what they need to know. Abilities: lasting "
        "capacities such as strength or reasoning. Work activities: what they do. Work styles: personal traits.",
    )
    left, right = st.columns(2)
    scale = left.radio(
        "Rating",
        options=["Importance", "Level"],
        captions=["How important it is to the job (1 to 5)", "How much of it the job needs (0 to 7)"],
        key="scale",
        bind="query-params",
        horizontal=True,
    )
    show = right.radio(
        "How many items",
        options=list(SHOW_OPTIONS),
        captions=["The 10 biggest differences", "The 20 biggest", "Every item"],
        key="show",
        bind="query-params",
        horizontal=True,
    )

if not domains:
    st.info(
        "Choose at least one thing to compare above, for example *Skills* or *Work Activities*.",
        icon=":material/touch_app:",
    )
    st.stop()
domains = tuple(onet.domain_order(domains))
scale = scale or "Importance"
if scale == "Level" and domains == ("Work Styles",):
    st.caption("Work styles are rated for importance only, so importance is shown.")
    scale = "Importance"
rated = tuple(d for d in domains if scale in onet.scales_for(d))

profile = onet.profile(ratings, rated, scale)
st.markdown(f"**{md_escape(onet.summary_sentence(profile, rated, scale))}**")
if len(rated) < len(domains):
    st.caption("Work styles have no level rating, so they are left out of this view.")

shown = profile if show == "All" else profile.head(int(show or 10))
low, high = onet.SCALE_RANGES[scale]
chart(
    dumbbell_chart(shown, scale, (low, high), f"OT and PT, {scale.lower()}: biggest differences first"),
    key="chart_profile",
)
st.caption(
    f"Each row: OT (blue dot) and PT (vermillion square) on {md_escape(onet.SCALE_WORDS[scale])}; the number at the "
    "right is OT minus PT. The ratings come from job analysts and workers, not from a test of any one person."
)
onet_credit()
numbers(
    onet.profile_table(shown, scale),
    file_name=download_name("work_profile", domains, scale, show or "10"),
    key="download_profile",
)
if (shown["caution"] != "").any():
    st.caption("Some items carry an O*NET caution (for example, rated not relevant): see the table.")

st.subheader("What kind of work suits each: interests")
riasec = onet.interests(interests)
points = onet.high_points(interests)
st.markdown(
    "**Both are mainly *Social* (helping and caring for people), then *Investigative* (working out problems).** "
    f"O*NET's interest code: OT {md_escape(', '.join(points['OT']))}; PT {md_escape(', '.join(points['PT']))}."
)
chart(riasec_chart(riasec), key="chart_riasec")
onet_credit()
numbers(
    pd.DataFrame(
        {
            "Interest": riasec["interest"],
            "What it means": riasec["meaning"],
            "OT score (1-7)": riasec["OT"],
            "PT score (1-7)": riasec["PT"],
        }
    ),
    file_name="work_interests.csv",
    key="download_interests",
)

st.subheader("What each does most: the top tasks")
count = 8
ot_col, pt_col = st.columns(2)
top = {}
for column, profession, badge in ((ot_col, "OT", ":blue-badge[OT]"), (pt_col, "PT", ":orange-badge[PT]")):
    top[profession] = onet.top_tasks(tasks, profession, count)
    with column.container(border=True):
        st.markdown(f"{badge} **The {count} most important of {int((tasks['profession'] == profession).sum())} tasks**")
        st.markdown(
            "\n".join(
                f"1. {md_escape(row.task)} (importance {row.importance:.2f} of 5)"
                for row in top[profession].itertuples()
            )
        )
onet_credit()
task_view = onet.tasks_table(pd.concat([top["OT"], top["PT"]], ignore_index=True))
numbers(task_view, file_name="work_top_tasks.csv", key="download_tasks", label="The top tasks as a table")

st.subheader("How much preparation")
zone_cols = st.columns(2)
for column, row in zip(zone_cols, occupations.itertuples()):
    with column.container(border=True):
        st.markdown(
            f"**{md_escape(row.title)}**: job zone {md_escape(row.job_zone)} of 5, "
            f"{md_escape(row.job_zone_name.split(': ')[-1].lower())}"
        )
        st.caption(md_escape(row.description))
st.caption("What job zone 5 means: " + md_escape(occupations["education"].iloc[0]))
onet_credit()

sources_footer(pd.concat([ratings[["source_ids"]], tasks[["source_ids"]]], ignore_index=True), sources, "work")
