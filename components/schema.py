"""The schema of every table in data/: one place that says what a valid row is.

Each table is a CSV file with a header row. The loader (components/loader.py)
checks every file against its TableSchema and raises DataError naming the file,
line and column of the first problem it finds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, get_args

LIST_SEPARATOR = ";"  # list cells hold items separated by ";" (spaces around it are ignored)

# --- Allowed values, shared by the schema, the filters and the charts -----------------

PROFESSIONS = ("OT", "PT")
PROFESSIONS_WITH_ASSISTANTS = ("OT", "OTA", "PT", "PTA")
LEADS = ("OT", "PT", "Both")
# A goal that someone other than OT or PT usually leads (care_team.csv names who).
OTHER = "Other"
GOAL_PROFESSIONS = (*LEADS, OTHER)
TIERS = ("A", "B", "C")
TIER_LABELS = {
    "A": "A: official or primary",
    "B": "B: health system or university",
    "C": "C: other (commercial, blog, copy of a page)",
}

DIMENSIONS = (
    "Core focus",
    "Treatment goals",
    "Patient populations",
    "Therapeutic interventions",
    "Educational requirements",
)

AGE_GROUPS = ("Infants and toddlers", "Children", "Teenagers", "Adults", "Older adults")

POPULATION_CATEGORIES = (
    "Brain and nerves",
    "Memory and thinking",
    "Child development",
    "Developmental disabilities",
    "Bones, joints and muscles",
    "Sports injuries",
    "Hand and arm",
    "Balance, dizziness and falls",
    "Heart and lungs",
    "Cancer and lymphedema",
    "Skin and wounds",
    "Pelvic health",
    "Long-term pain",
    "Mental health",
    "Work and driving",
    "Vision",
    "Hospital stay",
    "Chronic illness",
)

# The populations named by the article this dashboard started from, in its order.
SEED_POPULATIONS = (
    "Children with autism",
    "Adults with traumatic brain injury",
    "Seniors with dementia",
    "People recovering from sports injuries",
    "Stroke survivors",
    "People with chronic pain such as arthritis",
    "People with developmental disabilities",
    "People with mental health conditions",
    "People with chronic illness",
)

INTERVENTION_CATEGORIES = (
    "Evaluation",
    "Exercise and movement",
    "Daily-living training",
    "Thinking and memory",
    "Sensory",
    "Splints, braces and prostheses",
    "Mobility equipment",
    "Balance and dizziness",
    "Heat, cold, water and electrical",
    "Hands-on (manual) therapy",
    "Home and work changes",
    "Education",
    "Specialty care",
)

EDUCATION_TOPICS = (
    "Entry degree",
    "Program length",
    "Clinical education",
    "Accreditor",
    "Accredited programs",
    "Licensing exam",
    "Exam format",
    "Exam fee",
    "Pass rate",
    "Licensure",
    "Licensure compact",
    "Continuing education",
    "Specialty certification",
    "Direct access and referral",
    "Workforce outlook",  # projections of supply and demand (HRSA, APTA)
)

# Where care happens, in the decision aid's words.
SETTINGS = ("Hospital", "Home", "School", "Outpatient clinic", "Work")
ANY_SETTING = "Any setting"
ACCESS_TOPICS = ("Referral and direct access", "Where to find them")

# What a source's date is, as its page states it (empty: undated, or the year the source describes).
DATE_KINDS = ("published", "updated", "reviewed", "accessed")

# as-of values: a year, year-month or date, a span of years ("2023-2033"), or "undated".
AS_OF_PATTERN = (
    r"(?:undated|(?:19|20)\d{2}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?"
    r"|(?:19|20)\d{2}-(?:19|20)\d{2})"
)


# --- Column and table definitions ---------------------------------------------------------


# The kinds of column the loader knows (components/loader.py checks a cell by its column's kind).
Kind = Literal["text", "id", "choice", "choices", "list", "int", "number", "url", "as_of", "codes", "refs"]
KINDS: tuple[str, ...] = get_args(Kind)
LIST_KINDS: tuple[str, ...] = ("choices", "list", "codes", "refs")  # cells that are LIST_SEPARATOR lists
# What each kind needs filled in on its Column, and the kinds each optional attribute is read by.
_NEEDS: dict[str, tuple[str, ...]] = {
    "id": ("pattern",),
    "codes": ("pattern",),
    "choice": ("allowed",),
    "choices": ("allowed",),
    "refs": ("ref_table",),
}
_READ_BY: dict[str, tuple[str, ...]] = {
    "allowed": ("choice", "choices"),
    "pattern": ("id", "codes"),
    "ref_table": ("refs",),
    "minimum": ("int", "number"),
    "maximum": ("int", "number"),
}


@dataclass(frozen=True)
class Column:
    """One column: its name, kind and the rule its cells follow.

    kinds: "text" (any non-empty text), "id" (matches `pattern`), "choice" (one of
    `allowed`), "choices" (a ";" list, each one of `allowed`), "list" (a ";" list of
    non-empty text items), "int", "number", "url" (http or https), "as_of"
    (AS_OF_PATTERN), "codes" (a ";" list matching `pattern`), "refs" (a ";" list
    of ids that must exist in the id column of table `ref_table`).
    "int" and "number" cells may also be bounded by `minimum` and `maximum` (inclusive).

    A column checks itself when it is made: an unknown kind, a kind without what it needs
    (a choice without allowed values, an id without a pattern, refs without a table) or an
    attribute its kind never reads raises ValueError, so a typo cannot switch a check off.
    """

    name: str
    kind: Kind = "text"
    required: bool = True
    allowed: tuple[str, ...] = ()
    pattern: str = ""
    description: str = ""
    ref_table: str = ""
    minimum: float | None = None
    maximum: float | None = None

    def __post_init__(self) -> None:
        where = f"column '{self.name}'"
        if self.kind not in KINDS:
            raise ValueError(f"{where}: unknown kind {self.kind!r}; the kinds are {', '.join(KINDS)}")
        for attribute in _NEEDS.get(self.kind, ()):
            if not getattr(self, attribute):
                raise ValueError(f"{where}: a {self.kind!r} column needs {attribute}")
        for attribute, kinds in _READ_BY.items():
            if getattr(self, attribute) not in ((), "", None) and self.kind not in kinds:
                raise ValueError(f"{where}: {attribute} is only read for {', '.join(kinds)} columns, not {self.kind!r}")
        if len(set(self.allowed)) != len(self.allowed) or "" in self.allowed:
            raise ValueError(f"{where}: allowed values must be distinct and non-empty")
        if self.pattern:
            re.compile(self.pattern)  # a broken pattern fails here, not on the first cell it meets
        if self.minimum is not None and self.maximum is not None and self.minimum > self.maximum:
            raise ValueError(f"{where}: minimum {self.minimum:g} is above maximum {self.maximum:g}")


@dataclass(frozen=True)
class TableSchema:
    """A table and its rules across rows.

    unique_together: column groups whose combined values may appear on one row only
    (rows with an empty cell in the group are not checked).
    determines: (a, b) pairs: every row with the same value in column a has the same
    value in column b (for example a measure always has the same unit).
    required_with: (triggers, needed) pairs: on a row where any trigger column is filled,
    every needed column must be filled too (an amount needs its year).
    at_least_one: column groups of which each row fills at least one.
    """

    name: str
    file: str
    id_column: str
    columns: tuple[Column, ...]
    description: str = ""
    unique_together: tuple[tuple[str, ...], ...] = ()
    determines: tuple[tuple[str, str], ...] = ()
    # Source hygiene, so that each fact rests on one identifiable original page. unique_pages:
    # url columns in which two rows may not name the same page (components/urls.normalise_url).
    # copy_domain_tier: (url column, tier column, table of copy domains): a row whose URL is on
    # such a domain can only be tier C. distinct_pages: pairs of refs columns (to sources) whose
    # sources may not be one page. kind_needs_date: (kind column, date column): a date's kind
    # needs a date.
    unique_pages: tuple[str, ...] = ()
    copy_domain_tier: tuple[str, str, str] = ()
    distinct_pages: tuple[tuple[str, str], ...] = ()
    kind_needs_date: tuple[str, str] = ()
    required_with: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()
    at_least_one: tuple[tuple[str, ...], ...] = ()

    def __post_init__(self) -> None:
        names = [c.name for c in self.columns]
        if len(set(names)) != len(names):
            raise ValueError(f"table '{self.name}': a column name appears twice")
        named = [self.id_column, *self.unique_pages, *self.copy_domain_tier[:2], *self.kind_needs_date]
        for group in (*self.unique_together, *self.determines, *self.distinct_pages, *self.at_least_one):
            named.extend(group)
        for triggers, needed in self.required_with:
            named.extend((*triggers, *needed))
        unknown = [n for n in named if n not in names]
        if unknown:
            raise ValueError(f"table '{self.name}': its rules name '{unknown[0]}', which is not one of its columns")

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)


SOURCE_IDS = Column("source_ids", "refs", ref_table="sources", description="ids from sources.csv, separated by ';'")

SOURCES = TableSchema(
    name="sources",
    file="sources.csv",
    id_column="source_id",
    description="Every source cited anywhere in data/.",
    columns=(
        Column("source_id", "id", pattern=r"[A-Z]{2}\d{3}", description="stable id, e.g. CL001"),
        Column("publisher", description="organisation behind the page (or its host name)"),
        Column("title", description="what the page or document is"),
        Column("url", "url"),
        Column("as_of", "as_of", description="year or date the source describes, or 'undated'"),
        Column(
            "date_kind",
            "choice",
            required=False,
            allowed=DATE_KINDS,
            description="what the as_of date is, as the page states it: published, updated, reviewed or accessed; "
            "empty when the page is undated or as_of is the year the source describes",
        ),
        Column("tier", "choice", allowed=TIERS, description="A official/primary, B health system/university, C other"),
        Column("note", required=False, description="caveats, e.g. 'copy of a BLS page'"),
    ),
    unique_pages=("url",),
    copy_domain_tier=("url", "tier", "copy_domains"),
    kind_needs_date=("date_kind", "as_of"),
)

COPY_DOMAIN_KINDS = ("document copy", "slide copy", "archive copy", "mirror", "aggregator", "content farm")
LOWEST_TIER = TIERS[-1]

COPY_DOMAINS = TableSchema(
    name="copy_domains",
    file="copy_domains.csv",
    id_column="domain",
    description="Sites that host copies of other publishers' pages, or content farms: a source on one "
    "(or on a subdomain of one) can only be tier C.",
    columns=(
        Column(
            "domain",
            "id",
            pattern=r"[a-z0-9-]+(?:\.[a-z0-9-]+)+",
            description="host name in lower case, without www.; its subdomains count too",
        ),
        Column("kind", "choice", allowed=COPY_DOMAIN_KINDS, description="what the site does with others' pages"),
        Column("why", description="why a page there is not the original, in one plain sentence"),
    ),
)

DIMENSION_ROWS = TableSchema(
    name="dimensions",
    file="dimensions.csv",
    id_column="row_id",
    description="The five dimensions of the starting article, one row per dimension and profession.",
    columns=(
        Column("row_id", "id", pattern=r"[a-z-]+-(ot|pt|both)"),
        Column("dimension", "choice", allowed=DIMENSIONS),
        Column("profession", "choice", allowed=(*PROFESSIONS, "Both")),
        Column("summary", description="one or two plain sentences"),
        Column("key_points", "list", description="short points separated by ';'"),
        SOURCE_IDS,
    ),
)

POPULATIONS = TableSchema(
    name="populations",
    file="populations.csv",
    id_column="population_id",
    description="Patient populations and conditions: what each profession does and who usually leads.",
    columns=(
        Column("population_id", "id", pattern=r"P\d{2}"),
        Column("population", description="plain name, medical term in brackets where useful"),
        Column(
            "aliases",
            "list",
            required=False,
            description="other words and abbreviations the condition search finds, separated by ';' "
            "(e.g. ALS; Lou Gehrig's disease)",
        ),
        Column(
            "seed_population",
            "choice",
            required=False,
            allowed=SEED_POPULATIONS,
            description="the starting article's wording, where it names this population",
        ),
        Column("age_groups", "choices", allowed=AGE_GROUPS),
        Column("category", "choice", allowed=POPULATION_CATEGORIES),
        Column("body_system", description="body system(s) mainly involved"),
        Column("ot_role", description="what OT typically works on"),
        Column("pt_role", description="what PT typically works on"),
        Column("usual_lead", "choice", allowed=LEADS),
        Column("lead_note", required=False, description="nuance on who leads, e.g. 'PT joins for gross-motor needs'"),
        SOURCE_IDS,
    ),
)

INTERVENTIONS = TableSchema(
    name="interventions",
    file="interventions.csv",
    id_column="intervention_id",
    description="Treatments and services, who uses them and their billing code where a source gives one.",
    columns=(
        Column("intervention_id", "id", pattern=r"I\d{2}"),
        Column("intervention", description="plain name"),
        Column("category", "choice", allowed=INTERVENTION_CATEGORIES),
        Column("used_by", "choice", allowed=LEADS),
        Column("used_by_note", required=False, description="nuance, e.g. 'PT more often'"),
        Column(
            "billing_codes",
            "codes",
            required=False,
            pattern=r"[0-9]{5}|[A-Z][0-9]{4}",
            description="CPT or HCPCS codes separated by ';'",
        ),
        Column("code_note", required=False),
        Column("description", description="what it involves, in our own words"),
        Column("seed_named", required=False, description="the starting article's wording, where it names this"),
        SOURCE_IDS,
    ),
)

EDUCATION = TableSchema(
    name="education",
    file="education.csv",
    id_column="fact_id",
    description="Education, exams and licensure for OT, OTA, PT and PTA.",
    columns=(
        Column("fact_id", "id", pattern=r"E\d{2,3}"),
        Column("profession", "choice", allowed=PROFESSIONS_WITH_ASSISTANTS),
        Column("topic", "choice", allowed=EDUCATION_TOPICS),
        Column("attribute", description="what the value is"),
        Column("value", description="the fact, with its unit"),
        Column("as_of", description="reference period as the source gives it, or 'undated'"),
        Column("note", required=False),
        SOURCE_IDS,
    ),
)

# --- Decision aid and open data ------------------------------------------------------------

GOALS = TableSchema(
    name="goals",
    file="goals.csv",
    id_column="goal_id",
    description="Goals in a patient's or caregiver's words, and which profession usually works on each, with why.",
    columns=(
        Column("goal_id", "id", pattern=r"G\d{2}"),
        Column("goal", description="the goal as a patient or caregiver would say it"),
        Column(
            "profession",
            "choice",
            allowed=GOAL_PROFESSIONS,
            description="who usually works on it: OT, PT, Both, or Other "
            "(another profession leads; care_team.csv names it)",
        ),
        Column(
            "age_groups",
            "choices",
            required=False,
            allowed=AGE_GROUPS,
            description="ages the goal is written for; empty means any age",
        ),
        Column("reason", description="why, in one or two plain sentences of our own"),
        Column(
            "intervention_ids",
            "refs",
            ref_table="interventions",
            description="ids from interventions.csv, separated by ';'",
        ),
        SOURCE_IDS,
    ),
)

ACCESS = TableSchema(
    name="access",
    file="access.csv",
    id_column="access_id",
    description="How to get to OT or PT: referral and direct access, and where each profession works.",
    columns=(
        Column("access_id", "id", pattern=r"A\d{2}"),
        Column("profession", "choice", allowed=LEADS),
        Column("setting", "choice", allowed=(ANY_SETTING, *SETTINGS)),
        Column(
            "age_groups",
            "choices",
            required=False,
            allowed=AGE_GROUPS,
            description="ages the statement is about; empty means any age",
        ),
        Column("topic", "choice", allowed=ACCESS_TOPICS),
        Column("statement", description="what the sources say, in our own words"),
        Column("as_of", "as_of"),
        Column("note", required=False),
        SOURCE_IDS,
    ),
)

CONFLICTS = TableSchema(
    name="conflicts",
    file="conflicts.csv",
    id_column="conflict_id",
    description="Questions on which our sources disagree, with both sides and their sources.",
    columns=(
        Column("conflict_id", "id", pattern=r"K\d{2}"),
        Column("question", description="the question the sources answer differently"),
        Column("side_a", description="one answer"),
        Column("side_a_source_ids", "refs", ref_table="sources", description="sources of side A"),
        Column("side_b", description="the other answer"),
        Column("side_b_source_ids", "refs", ref_table="sources", description="sources of side B"),
        Column("note", required=False, description="what may explain the difference"),
        Column(
            "related_rows",
            "list",
            required=False,
            description="ids of rows in other tables that record the conflict, e.g. E53; E74",
        ),
    ),
    distinct_pages=(("side_a_source_ids", "side_b_source_ids"),),
)


# --- Careers --------------------------------------------------------------------------------
# Pay, jobs, outlook, settings and states (from the workforce reference) and the O*NET 30.0
# work profile. Built by tools/import_careers.py; documented in data/README.md.

# Occupation groups as the sources report them: the four professions, and groups that some
# sources only give combined (assistants with aides) or separately (PT aides).
WORKFORCE_GROUPS = ("OT", "OTA", "PT", "PTA", "OTA and aides", "PTA and aides", "PT aides")
SOC_CODE_PATTERN = r"\d{2}-\d{4}(?:/\d{2}-\d{4})?"

# Measures. Two employment counts are kept apart everywhere: oews_employment (the OEWS wage
# survey: wage and salary jobs, excludes the self-employed) and ep_jobs (the BLS projections
# base count the handbook calls "number of jobs": includes the self-employed).
PAY_MEASURES = (
    "median_annual_wage",
    "median_hourly_wage",
    "mean_annual_wage",
    "mean_hourly_wage",
    "annual_wage_p10",
    "annual_wage_p25",
    "annual_wage_p50",
    "annual_wage_p75",
    "annual_wage_p90",
    "hourly_wage_p10",
    "hourly_wage_p25",
    "hourly_wage_p50",
    "hourly_wage_p75",
    "hourly_wage_p90",
)
OUTLOOK_MEASURES = ("projected_employment", "projected_change_pct", "projected_change_jobs", "annual_openings")
NATIONAL_MEASURES = ("oews_employment", "ep_jobs", *PAY_MEASURES, *OUTLOOK_MEASURES)
STATE_MEASURES = (
    "oews_employment",
    "mean_annual_wage",
    "mean_hourly_wage",
    "median_hourly_wage",
    "hourly_wage_p10",
    "hourly_wage_p25",
    "hourly_wage_p75",
    "hourly_wage_p90",
    "mean_annual_wage_rank",
    "jobs_per_1000",
    "location_quotient",
    "projection_base_employment",
    *OUTLOOK_MEASURES,
)
SETTING_MEASURES = (
    "share_of_jobs",
    "share_of_employment",
    "share_of_survey_respondents",
    "share_of_industry_jobs",
    "oews_employment",
    "mean_annual_wage",
    "mean_hourly_wage",
    "median_annual_wage",
    "median_hourly_wage",
)
TREND_SERIES = (
    "median_annual_wage",
    "median_hourly_wage",
    "mean_annual_wage",
    "annual_wage_p10",
    "annual_wage_p25",
    "annual_wage_p75",
    "annual_wage_p90",
    "oews_employment",
    "ep_jobs",
    "jobs_measure_unclear",
    "projected_change_pct",
    "annual_openings",
    "projected_employment",
    "acs_workers",
    "acs_mean_annual_pay",
    "acs_share_women",
    "acs_mean_age",
    "fte_supply",
    "fte_demand",
    "fte_supply_minus_demand",
    "fte_gap_pct",
)
UNITS = (
    "USD per year",
    "USD per hour",
    "jobs",
    "percent",
    "openings per year",
    "rank among 50 states and DC",
    "jobs per 1,000 jobs",
    "ratio to the U.S. share",
    "workers",
    "years",
    "full-time equivalents",
)
YES_NO = ("yes", "no")
FLAGS = ("doubtful",)

# The 50 states and DC (the state map), then the national row and territories some sources give.
STATES = (
    ("Alabama", "AL"),
    ("Alaska", "AK"),
    ("Arizona", "AZ"),
    ("Arkansas", "AR"),
    ("California", "CA"),
    ("Colorado", "CO"),
    ("Connecticut", "CT"),
    ("Delaware", "DE"),
    ("District of Columbia", "DC"),
    ("Florida", "FL"),
    ("Georgia", "GA"),
    ("Hawaii", "HI"),
    ("Idaho", "ID"),
    ("Illinois", "IL"),
    ("Indiana", "IN"),
    ("Iowa", "IA"),
    ("Kansas", "KS"),
    ("Kentucky", "KY"),
    ("Louisiana", "LA"),
    ("Maine", "ME"),
    ("Maryland", "MD"),
    ("Massachusetts", "MA"),
    ("Michigan", "MI"),
    ("Minnesota", "MN"),
    ("Mississippi", "MS"),
    ("Missouri", "MO"),
    ("Montana", "MT"),
    ("Nebraska", "NE"),
    ("Nevada", "NV"),
    ("New Hampshire", "NH"),
    ("New Jersey", "NJ"),
    ("New Mexico", "NM"),
    ("New York", "NY"),
    ("North Carolina", "NC"),
    ("North Dakota", "ND"),
    ("Ohio", "OH"),
    ("Oklahoma", "OK"),
    ("Oregon", "OR"),
    ("Pennsylvania", "PA"),
    ("Rhode Island", "RI"),
    ("South Carolina", "SC"),
    ("South Dakota", "SD"),
    ("Tennessee", "TN"),
    ("Texas", "TX"),
    ("Utah", "UT"),
    ("Vermont", "VT"),
    ("Virginia", "VA"),
    ("Washington", "WA"),
    ("West Virginia", "WV"),
    ("Wisconsin", "WI"),
    ("Wyoming", "WY"),
)
OTHER_AREAS = (("United States", "US"), ("Puerto Rico", "PR"), ("Virgin Islands", "VI"))
AREA_NAMES = tuple(name for name, _ in (*STATES, *OTHER_AREAS))
AREA_ABBRS = tuple(abbr for _, abbr in (*STATES, *OTHER_AREAS))

ONET_CODES = ("29-1122.00", "29-1123.00")
ONET_DOMAINS = ("Skills", "Knowledge", "Abilities", "Work Activities", "Work Styles")
ONET_DOMAIN_SOURCES = ("Analyst", "Incumbent", "Occupational Expert", "Machine Learning")
RIASEC = ("Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional")

_PROFESSION_GROUP = Column(
    "profession", "choice", allowed=WORKFORCE_GROUPS, description="OT, OTA, PT, PTA or a combined group"
)
_SOC = Column("soc_code", "id", pattern=SOC_CODE_PATTERN, description="Standard Occupational Classification code(s)")
_VALUE = Column("value", "number", minimum=0, description="the number, in `unit`")
_UNIT = Column("unit", "choice", allowed=UNITS, description="one unit per measure")
_PRINTED = Column("value_as_printed", description="the figure exactly as the source prints it")
_REFERENCE_PERIOD = Column("reference_period", description="the period as the source gives it (or says it does not)")
_PERIOD = Column(
    "period",
    "as_of",
    description="our reading of the period: YYYY-MM, YYYY, a projection decade YYYY-YYYY, or 'undated'",
)
_PERIOD_STATED = Column(
    "period_stated",
    "choice",
    allowed=YES_NO,
    description="'no' when the source does not state the period and `period` is inferred",
)
_FLAG = Column(
    "flag",
    "choice",
    required=False,
    allowed=FLAGS,
    description="'doubtful' where the reference calls the value suspect or its label doubtful",
)
_NOTE = Column("note", required=False)
_ONET_PROFESSION = Column("profession", "choice", allowed=PROFESSIONS)
_ONET_CODE = Column(
    "onet_soc_code", "choice", allowed=ONET_CODES, description="O*NET-SOC code: 29-1122.00 OT, 29-1123.00 PT"
)
_ONET_DATE = Column("data_date", "as_of", description="when O*NET collected the rating (YYYY-MM)")
_ONET_DOMAIN_SOURCE = Column("domain_source", "choice", allowed=ONET_DOMAIN_SOURCES, description="who gave the rating")

WAGES_EMPLOYMENT = TableSchema(
    name="wages_employment",
    file="wages_employment.csv",
    id_column="figure_id",
    description="National pay, employment and projections, one figure per row, with its measure, unit and period.",
    columns=(
        Column("figure_id", "id", pattern=r"W\d{3}"),
        _PROFESSION_GROUP,
        _SOC,
        Column("measure", "choice", allowed=NATIONAL_MEASURES),
        _VALUE,
        _UNIT,
        _PRINTED,
        _REFERENCE_PERIOD,
        _PERIOD,
        _PERIOD_STATED,
        _FLAG,
        _NOTE,
        SOURCE_IDS,
    ),
    unique_together=(("profession", "measure", "period", "source_ids"),),
    determines=(("measure", "unit"), ("profession", "soc_code")),
)

WORK_SETTINGS = TableSchema(
    name="work_settings",
    file="work_settings.csv",
    id_column="setting_id",
    description="Where they work: shares of jobs by employer type, and pay and employment by industry.",
    columns=(
        Column("setting_id", "id", pattern=r"S\d{3}"),
        _PROFESSION_GROUP,
        _SOC,
        Column("geography", "choice", allowed=AREA_NAMES),
        Column("setting", description="the employer type or industry, in the source's words"),
        Column("measure", "choice", allowed=SETTING_MEASURES),
        _VALUE,
        _UNIT,
        _PRINTED,
        _REFERENCE_PERIOD,
        _PERIOD,
        _PERIOD_STATED,
        Column("source_section", description="the table or section of the source"),
        _NOTE,
        SOURCE_IDS,
    ),
    unique_together=(("profession", "geography", "setting", "measure", "period", "source_ids"),),
    determines=(("measure", "unit"), ("profession", "soc_code")),
)

STATE_FIGURES = TableSchema(
    name="state_figures",
    file="state_figures.csv",
    id_column="figure_id",
    description="State figures: only those a source gave. A state with no row has no figure; nothing is filled in.",
    columns=(
        Column("figure_id", "id", pattern=r"T\d{3}"),
        _PROFESSION_GROUP,
        _SOC,
        Column(
            "state",
            "choice",
            allowed=AREA_NAMES,
            description="a state, DC, a territory, or 'United States' for the national row",
        ),
        Column("state_abbr", "choice", allowed=AREA_ABBRS),
        Column("measure", "choice", allowed=STATE_MEASURES),
        _VALUE,
        _UNIT,
        _PRINTED,
        _REFERENCE_PERIOD,
        _PERIOD,
        _PERIOD_STATED,
        _FLAG,
        _NOTE,
        SOURCE_IDS,
    ),
    unique_together=(("profession", "state", "measure", "period", "source_ids"),),
    determines=(("measure", "unit"), ("state", "state_abbr"), ("state_abbr", "state"), ("profession", "soc_code")),
)

WORKFORCE_TRENDS = TableSchema(
    name="workforce_trends",
    file="workforce_trends.csv",
    id_column="point_id",
    description="Series by year: pay, the two employment counts, projections, and other series, each point sourced.",
    columns=(
        Column("point_id", "id", pattern=r"Y\d{3}"),
        _PROFESSION_GROUP,
        _SOC,
        Column("geography", "choice", allowed=AREA_NAMES),
        Column("series", "choice", allowed=TREND_SERIES),
        Column(
            "year",
            "int",
            minimum=1990,
            maximum=2050,
            description="the year the point is for; a projection's first year (projected_employment: its target year)",
        ),
        Column("value", "number", description="the number, in `unit` (a supply-minus-demand gap may be negative)"),
        _UNIT,
        _PRINTED,
        _REFERENCE_PERIOD,
        _PERIOD_STATED,
        _FLAG,
        _NOTE,
        SOURCE_IDS,
    ),
    unique_together=(("profession", "geography", "series", "year", "source_ids"),),
    determines=(("series", "unit"), ("profession", "soc_code")),
)

ONET_RATINGS = TableSchema(
    name="onet_ratings",
    file="onet_ratings.csv",
    id_column="rating_id",
    description="O*NET 30.0 ratings: skills, knowledge, abilities, work activities (importance 1-5, level 0-7) "
    "and work styles (importance).",
    columns=(
        Column("rating_id", "id", pattern=r"R\d{3}"),
        _ONET_PROFESSION,
        _ONET_CODE,
        Column("domain", "choice", allowed=ONET_DOMAINS),
        Column("element_id", "id", pattern=r"\d(?:\.[A-Za-z0-9]+)+", description="O*NET content model id"),
        Column("element_name", description="O*NET's name for the skill, knowledge area, ability, activity or style"),
        Column("scale", "choice", allowed=("Importance", "Level"), description="Importance (1-5) or Level (0-7)"),
        Column("value", "number", minimum=0, maximum=7),
        Column("n", "int", required=False, minimum=0, description="number of raters"),
        Column("standard_error", "number", required=False, minimum=0),
        Column("lower_ci", "number", required=False, description="lower bound of the 95% confidence interval"),
        Column("upper_ci", "number", required=False, description="upper bound of the 95% confidence interval"),
        Column(
            "recommend_suppress",
            "choice",
            required=False,
            allowed=("Y", "N"),
            description="O*NET advises not to use the value when Y",
        ),
        Column(
            "not_relevant",
            "choice",
            required=False,
            allowed=("Y", "N"),
            description="Y when raters called the element not relevant (level rows)",
        ),
        _ONET_DATE,
        _ONET_DOMAIN_SOURCE,
        SOURCE_IDS,
    ),
    unique_together=(("onet_soc_code", "element_id", "scale"),),
    determines=(("element_id", "element_name"), ("element_id", "domain"), ("onet_soc_code", "profession")),
)

ONET_TASKS = TableSchema(
    name="onet_tasks",
    file="onet_tasks.csv",
    id_column="task_id",
    description="O*NET task statements with importance (1-5) and relevance (share of raters who do the task).",
    columns=(
        Column("task_id", "id", pattern=r"\d{3,6}", description="O*NET task id"),
        _ONET_PROFESSION,
        _ONET_CODE,
        Column("task", description="the task statement (O*NET wording)"),
        Column("task_type", "choice", allowed=("Core", "Supplemental")),
        Column("importance", "number", minimum=1, maximum=5),
        Column(
            "relevance_pct",
            "number",
            minimum=0,
            maximum=100,
            description="percent of raters who said the task is relevant",
        ),
        Column("incumbents_responding", "int", required=False, minimum=0),
        _ONET_DATE,
        _ONET_DOMAIN_SOURCE,
        SOURCE_IDS,
    ),
    determines=(("onet_soc_code", "profession"),),
)

ONET_INTERESTS = TableSchema(
    name="onet_interests",
    file="onet_interests.csv",
    id_column="interest_id",
    description="O*NET RIASEC interest scores (1-7) and interest high-points.",
    columns=(
        Column(
            "interest_id",
            "id",
            pattern=r"(?:OT|PT)-(?:[RIASEC]|H[123])",
            description="profession, then R I A S E C or H1-H3",
        ),
        _ONET_PROFESSION,
        _ONET_CODE,
        Column("element_id", "id", pattern=r"\d(?:\.[A-Za-z0-9]+)+"),
        Column("element_name", description="an interest (Realistic ... Conventional) or a high-point"),
        Column("scale", "choice", allowed=("Occupational interest", "Interest high-point")),
        Column("value", "number", minimum=0, maximum=7, description="interest score 1-7, or the high-point's code 0-6"),
        Column(
            "high_point_interest",
            "choice",
            required=False,
            allowed=(*RIASEC, "No high point available"),
            description="the interest a high-point code stands for",
        ),
        _ONET_DATE,
        _ONET_DOMAIN_SOURCE,
        SOURCE_IDS,
    ),
    unique_together=(("onet_soc_code", "element_id"),),
    determines=(("onet_soc_code", "profession"),),
)

ONET_OCCUPATIONS = TableSchema(
    name="onet_occupations",
    file="onet_occupations.csv",
    id_column="onet_soc_code",
    description="The two O*NET occupations: title, description and job zone.",
    columns=(
        Column("onet_soc_code", "choice", allowed=ONET_CODES),
        _ONET_PROFESSION,
        Column("title"),
        Column("description", description="O*NET's description of the occupation"),
        Column(
            "job_zone", "int", minimum=1, maximum=5, description="1 (little preparation) to 5 (extensive preparation)"
        ),
        Column("job_zone_name"),
        Column("education", description="the job zone's education text"),
        Column("experience", description="the job zone's experience text"),
        Column("job_training", description="the job zone's training text"),
        Column("examples", description="example occupations in the job zone"),
        Column("svp_range", description="specific vocational preparation range"),
        _ONET_DATE,
        SOURCE_IDS,
    ),
)

# --- What happens next: access by state, paying for therapy, the care team -----------------

PT_ACCESS_LEVELS = ("Unrestricted", "Provisional", "Limited")
YES_NO_TITLE = ("Yes", "No")
OT_REFERRAL_EVALUATION = ("Not required", "Required")
OT_REFERRAL_TREATMENT = ("Not required", "Required", "Required for some treatment")
PAYERS = (
    "Medicare Part B",
    "Medicare home health",
    "Medicare Advantage",
    "Medicaid",
    "Schools and early intervention",
    "Private insurance",
)
_OT_FIELDS = ("ot_referral_evaluation", "ot_referral_treatment", "ot_as_of", "ot_source_ids")

STATE_ACCESS = TableSchema(
    name="state_access",
    file="state_access.csv",
    id_column="state_code",
    description="One row per state, DC or territory: may you see a PT without a referral, and does OT need one.",
    columns=(
        Column("state_code", "id", pattern=r"[A-Z]{2}", description="postal code, e.g. OH, DC, PR"),
        Column("state", description="the state's, DC's or territory's name"),
        Column(
            "pt_access",
            "choice",
            allowed=PT_ACCESS_LEVELS,
            description="PT direct access: Unrestricted, Provisional (allowed with limits) or Limited (only some care)",
        ),
        Column("pt_limits", required=False, description="the limits in plain words"),
        Column(
            "pt_visit_limit", "int", required=False, minimum=1, description="visits allowed before a referral is needed"
        ),
        Column(
            "pt_day_limit", "int", required=False, minimum=1, description="days allowed before a referral is needed"
        ),
        Column(
            "pt_notify_physician",
            "choice",
            required=False,
            allowed=YES_NO_TITLE,
            description="Yes when the PT must tell the person's doctor",
        ),
        Column(
            "pt_experience_required", required=False, description="experience the PT needs to treat without referral"
        ),
        Column("pt_as_of", "as_of", description="date the PT rule is stated for"),
        Column("pt_source_ids", "refs", ref_table="sources", description="sources of the PT columns"),
        Column(
            "ot_referral_evaluation",
            "choice",
            required=False,
            allowed=OT_REFERRAL_EVALUATION,
            description="whether an OT evaluation needs a referral",
        ),
        Column(
            "ot_referral_treatment",
            "choice",
            required=False,
            allowed=OT_REFERRAL_TREATMENT,
            description="whether OT treatment needs a referral",
        ),
        Column(
            "ot_as_of",
            "as_of",
            required=False,
            description="date the OT rule is stated for (needed when any OT column is filled)",
        ),
        Column(
            "ot_source_ids",
            "refs",
            required=False,
            ref_table="sources",
            description="sources of the OT columns (needed when any OT column is filled)",
        ),
        Column("note", required=False),
    ),
    required_with=((_OT_FIELDS, ("ot_as_of", "ot_source_ids")),),
)

PAYMENT = TableSchema(
    name="payment",
    file="payment.csv",
    id_column="payment_id",
    description="Paying for therapy: Medicare, Medicaid, schools and early intervention, private insurance.",
    columns=(
        Column("payment_id", "id", pattern=r"M\d{2}"),
        Column("payer", "choice", allowed=PAYERS),
        Column("profession", "choice", allowed=LEADS, description="OT, PT or Both"),
        Column("topic", description="a short label, e.g. Plan of care, Coinsurance, KX threshold, Questions to ask"),
        Column("statement", description="what the sources say, in plain words of our own"),
        Column(
            "amount_usd",
            "number",
            required=False,
            minimum=0,
            description="an amount in US dollars, where the row has one",
        ),
        Column(
            "amount_year",
            "int",
            required=False,
            minimum=1990,
            maximum=2050,
            description="the year the amount applies to (needed with an amount)",
        ),
        Column("as_of", "as_of"),
        SOURCE_IDS,
        Column("note", required=False),
    ),
    required_with=((("amount_usd",), ("amount_year",)),),
)

CARE_ROLES = TableSchema(
    name="care_roles",
    file="care_roles.csv",
    id_column="role_id",
    description="Other professions on the care team besides OT and PT, and what each does.",
    columns=(
        Column("role_id", "id", pattern=r"R\d{2}"),
        Column("role", description="e.g. Speech-language pathologist"),
        Column("what_they_do", description="in plain words of our own"),
        SOURCE_IDS,
    ),
)

CARE_TEAM = TableSchema(
    name="care_team",
    file="care_team.csv",
    id_column="team_id",
    description="Who else usually helps, for a condition or a goal, and why.",
    columns=(
        Column("team_id", "id", pattern=r"T\d{3}"),
        Column("role_id", "refs", ref_table="care_roles", description="the role, from care_roles.csv"),
        Column(
            "population_ids",
            "refs",
            required=False,
            ref_table="populations",
            description="conditions this applies to, from populations.csv",
        ),
        Column(
            "goal_ids", "refs", required=False, ref_table="goals", description="goals this applies to, from goals.csv"
        ),
        Column("reason", description="why this role helps here, in plain words of our own"),
        SOURCE_IDS,
    ),
    at_least_one=(("population_ids", "goal_ids"),),
)

# --- Becoming one: the school path ------------------------------------------------------------
# Programs, the path from high school to a licence, cost and debt, admission, exam results and
# licence renewal, for the four routes. Documented in data/README.md.

ROUTES = PROFESSIONS_WITH_ASSISTANTS
ACCREDITORS = ("ACOTE", "CAPTE")
PROGRAM_DEGREES = (
    "Entry-level OTD",
    "Entry-level master's",
    "OTA associate",
    "OTA bachelor's",
    "DPT",
    "PTA associate",
    "All",
)
PROGRAM_STATUSES = ("Accredited", "Candidate", "Applicant", "Developing", "All")
COST_MEASURES = (
    "Tuition and fees per year",
    "Tuition and fees whole program",
    "Graduate debt mean",
    "Graduate debt median",
    "Exam fee",
    "Exam retake fee",
)
INSTITUTION_TYPES = ("Public", "Private", "All")
RESIDENCIES = ("Resident", "Non-resident", "All")
ADMISSION_SERVICES = ("PTCAS", "OTCAS", "Other")
ADMISSION_MEASURES = (
    "Applicants",
    "Applications",
    "Accepted applicants",
    "Acceptance rate",
    "Observation hours",
    "Prerequisite",
)
EXAMS = ("NBCOT OTR", "NBCOT COTA", "NPTE PT", "NPTE PTA")
EXAM_MEASURES = ("First-time pass rate", "Ultimate pass rate", "New graduates passing within one year")
RENEWAL_TOPICS = ("Continuing education", "Renewal period", "Certification renewal")

_ROUTE = Column("route", "choice", allowed=ROUTES, description="OT, OTA, PT or PTA")
_SCHOOL_AS_OF = Column("as_of", "as_of", description="the date or period the source gives for the figure")

SCHOOL_PROGRAMS = TableSchema(
    name="school_programs",
    file="school_programs.csv",
    id_column="row_id",
    description="Counts of accredited and developing programs by route, degree and status, "
    "each with the date of the count.",
    columns=(
        Column("row_id", "id", pattern=r"SP\d{3}"),
        _ROUTE,
        Column("accreditor", "choice", allowed=ACCREDITORS, description="ACOTE (OT, OTA) or CAPTE (PT, PTA)"),
        Column(
            "degree",
            "choice",
            allowed=PROGRAM_DEGREES,
            description="the degree level; 'All' for a count over every level",
        ),
        Column(
            "status",
            "choice",
            allowed=PROGRAM_STATUSES,
            description="accreditation status; 'All' for a count over every status",
        ),
        Column("programs", "int", minimum=0, description="number of programs"),
        Column(
            "students", "int", required=False, minimum=0, description="students enrolled, where the source gives it"
        ),
        _SCHOOL_AS_OF,
        SOURCE_IDS,
        _NOTE,
    ),
    unique_together=(("route", "degree", "status", "as_of", "source_ids"),),
    determines=(("route", "accreditor"),),
)

SCHOOL_PATH = TableSchema(
    name="school_path",
    file="school_path.csv",
    id_column="stage_id",
    description="The path from high school to a licence for each route, one stage per row in order.",
    columns=(
        Column("stage_id", "id", pattern=r"SS\d{3}"),
        _ROUTE,
        Column("stage_order", "int", minimum=1, description="1 for the first stage after high school, then 2, 3 ..."),
        Column("stage", description="short label, e.g. Bachelor's degree, Fieldwork, NBCOT exam, State licence"),
        Column("years_min", "number", required=False, minimum=0, description="shortest usual length in years"),
        Column("years_max", "number", required=False, minimum=0, description="longest usual length in years"),
        Column("weeks", "number", required=False, minimum=0, description="weeks of fieldwork or clinical education"),
        Column("detail", description="what the stage involves, in plain words"),
        _SCHOOL_AS_OF,
        SOURCE_IDS,
        _NOTE,
    ),
    unique_together=(("route", "stage_order"),),
)

SCHOOL_COSTS = TableSchema(
    name="school_costs",
    file="school_costs.csv",
    id_column="row_id",
    description="Tuition and fees, graduate debt and exam fees, with the period and who measured them.",
    columns=(
        Column("row_id", "id", pattern=r"SC\d{3}"),
        _ROUTE,
        Column("measure", "choice", allowed=COST_MEASURES),
        Column(
            "institution_type",
            "choice",
            allowed=INSTITUTION_TYPES,
            description="Public, Private, or All when not split",
        ),
        Column("residency", "choice", allowed=RESIDENCIES, description="Resident, Non-resident, or All when not split"),
        Column("value_usd", "number", minimum=0, description="US dollars"),
        Column("period", "as_of", description="the class year, academic year or year the figure is for"),
        Column("measured_by", description="who measured it, e.g. CAPTE annual survey, AOTA, the exam owner"),
        SOURCE_IDS,
        _NOTE,
    ),
    unique_together=(("route", "measure", "institution_type", "residency", "period", "source_ids"),),
)

ADMISSIONS = TableSchema(
    name="admissions",
    file="admissions.csv",
    id_column="row_id",
    description="Applicants, applications and acceptance by admission cycle; prerequisites and observation hours.",
    columns=(
        Column("row_id", "id", pattern=r"SA\d{3}"),
        _ROUTE,
        Column("service", "choice", allowed=ADMISSION_SERVICES, description="the application service, or Other"),
        Column("cycle", description="admission cycle, e.g. 2021-22"),
        Column("measure", "choice", allowed=ADMISSION_MEASURES),
        Column("value", "number", required=False, minimum=0, description="the number, in `unit`"),
        Column("unit", required=False, description="people, %, hours"),
        Column("text", required=False, description="the prerequisite or statement in words"),
        SOURCE_IDS,
        _NOTE,
    ),
    at_least_one=(("value", "text"),),
)

EXAM_RESULTS = TableSchema(
    name="exam_results",
    file="exam_results.csv",
    id_column="row_id",
    description="Licensing exam pass rates by year. First-time and ultimate pass rates are different measures.",
    columns=(
        Column("row_id", "id", pattern=r"SX\d{3}"),
        _ROUTE,
        Column("exam", "choice", allowed=EXAMS),
        Column("measure", "choice", allowed=EXAM_MEASURES),
        Column("group", description="who took it, e.g. graduates of US programs"),
        Column("period", "as_of", description="the year or class year"),
        Column("value_pct", "number", minimum=0, maximum=100, description="percent who passed"),
        Column("takers", "int", required=False, minimum=0, description="how many took it"),
        SOURCE_IDS,
        _NOTE,
    ),
    unique_together=(("route", "exam", "measure", "group", "period", "source_ids"),),
    determines=(("exam", "route"),),
)

LICENCE_RENEWAL = TableSchema(
    name="licence_renewal",
    file="licence_renewal.csv",
    id_column="row_id",
    description="Keeping a licence or certification: continuing education and renewal periods, "
    "national or for a sample of states.",
    columns=(
        Column("row_id", "id", pattern=r"SL\d{3}"),
        _ROUTE,
        Column(
            "state_code",
            "choice",
            required=False,
            allowed=AREA_ABBRS,
            description="the state; empty for national rules",
        ),
        Column("topic", "choice", allowed=RENEWAL_TOPICS),
        Column("statement", description="the rule in plain words"),
        Column("hours", "number", required=False, minimum=0, description="continuing education hours"),
        Column("period_years", "number", required=False, minimum=0, description="the renewal period in years"),
        _SCHOOL_AS_OF,
        SOURCE_IDS,
        _NOTE,
    ),
)

SCHOOL_TABLES = (SCHOOL_PROGRAMS, SCHOOL_PATH, SCHOOL_COSTS, ADMISSIONS, EXAM_RESULTS, LICENCE_RENEWAL)


# --- The registry ------------------------------------------------------------------------------


def build_registry(*tables: TableSchema) -> dict[str, TableSchema]:
    """Tables by name, refusing a name used twice and a reference to a table not in the registry
    (a misspelt table name would otherwise only fail when the table is loaded)."""
    registry = {t.name: t for t in tables}
    if len(registry) != len(tables):
        raise ValueError("two tables share a name")
    for table in tables:
        named = [(c.name, c.ref_table) for c in table.columns if c.kind == "refs"]
        if table.copy_domain_tier:
            named.append((table.copy_domain_tier[0], table.copy_domain_tier[2]))
        for column, target in named:
            if target not in registry:
                raise ValueError(f"table '{table.name}', column '{column}': no table named '{target}'")
    return registry


# Every table the app knows, by name, in one place and in this order (the sources page, the
# fact base ZIP and the data report list tables in it). A new table is added here.
TABLES: dict[str, TableSchema] = build_registry(
    SOURCES,
    COPY_DOMAINS,
    DIMENSION_ROWS,
    POPULATIONS,
    INTERVENTIONS,
    EDUCATION,
    GOALS,
    ACCESS,
    CONFLICTS,
    WAGES_EMPLOYMENT,
    WORK_SETTINGS,
    STATE_FIGURES,
    WORKFORCE_TRENDS,
    ONET_RATINGS,
    ONET_TASKS,
    ONET_INTERESTS,
    ONET_OCCUPATIONS,
    STATE_ACCESS,
    PAYMENT,
    CARE_ROLES,
    CARE_TEAM,
    *SCHOOL_TABLES,
)
