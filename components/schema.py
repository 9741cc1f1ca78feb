"""The schema of every table in data/: one place that says what a valid row is.

Each table is a CSV file with a header row. The loader (components/loader.py)
checks every file against its TableSchema and raises DataError naming the file,
line and column of the first problem it finds.
"""

from __future__ import annotations

from dataclasses import dataclass

LIST_SEPARATOR = ";"  # list cells hold items separated by ";" (spaces around it are ignored)

# --- Allowed values, shared by the schema, the filters and the charts -----------------

PROFESSIONS = ("OT", "PT")
PROFESSIONS_WITH_ASSISTANTS = ("OT", "OTA", "PT", "PTA")
LEADS = ("OT", "PT", "Both")
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
)

# Where care happens, in the decision aid's words (issue 4).
SETTINGS = ("Hospital", "Home", "School", "Outpatient clinic", "Work")
ANY_SETTING = "Any setting"
ACCESS_TOPICS = ("Referral and direct access", "Where to find them")

# as-of values: a year, year-month or date, a span of years ("2023-2033"), or "undated".
AS_OF_PATTERN = (
    r"(?:undated|(?:19|20)\d{2}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?"
    r"|(?:19|20)\d{2}-(?:19|20)\d{2})"
)


# --- Column and table definitions ---------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One column: its name, kind and the rule its cells follow.

    kinds: "text" (any non-empty text), "id" (matches `pattern`), "choice" (one of
    `allowed`), "choices" (a ";" list, each one of `allowed`), "list" (a ";" list of
    non-empty text items), "int", "number", "url" (http or https), "as_of"
    (AS_OF_PATTERN), "codes" (a ";" list matching `pattern`), "refs" (a ";" list
    of ids that must exist in the id column of table `ref_table`).
    "int" and "number" cells may also be bounded by `minimum` and `maximum` (inclusive).
    """

    name: str
    kind: str = "text"
    required: bool = True
    allowed: tuple[str, ...] = ()
    pattern: str = ""
    description: str = ""
    ref_table: str = ""
    minimum: float | None = None
    maximum: float | None = None


@dataclass(frozen=True)
class TableSchema:
    """A table and its rules across rows.

    unique_together: column groups whose combined values may appear on one row only
    (rows with an empty cell in the group are not checked).
    determines: (a, b) pairs: every row with the same value in column a has the same
    value in column b (for example a measure always has the same unit).
    """

    name: str
    file: str
    id_column: str
    columns: tuple[Column, ...]
    description: str = ""
    unique_together: tuple[tuple[str, ...], ...] = ()
    determines: tuple[tuple[str, str], ...] = ()

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
        Column("tier", "choice", allowed=TIERS, description="A official/primary, B health system/university, C other"),
        Column("note", required=False, description="caveats, e.g. 'copy of a BLS page'"),
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
        Column("seed_population", "choice", required=False, allowed=SEED_POPULATIONS,
               description="the starting article's wording, where it names this population"),
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
        Column("billing_codes", "codes", required=False, pattern=r"[0-9]{5}|[A-Z][0-9]{4}",
               description="CPT or HCPCS codes separated by ';'"),
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

# --- Decision aid and open data (issue 4) --------------------------------------------------

GOALS = TableSchema(
    name="goals",
    file="goals.csv",
    id_column="goal_id",
    description="Goals in a patient's or caregiver's words, and which profession usually works on each, with why.",
    columns=(
        Column("goal_id", "id", pattern=r"G\d{2}"),
        Column("goal", description="the goal as a patient or caregiver would say it"),
        Column("profession", "choice", allowed=LEADS, description="who usually works on it: OT, PT or Both"),
        Column("age_groups", "choices", required=False, allowed=AGE_GROUPS,
               description="ages the goal is written for; empty means any age"),
        Column("reason", description="why, in one or two plain sentences of our own"),
        Column("intervention_ids", "refs", ref_table="interventions",
               description="ids from interventions.csv, separated by ';'"),
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
        Column("age_groups", "choices", required=False, allowed=AGE_GROUPS,
               description="ages the statement is about; empty means any age"),
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
        Column("related_rows", "list", required=False,
               description="ids of rows in other tables that record the conflict, e.g. E53; E74"),
    ),
)

# Every table the app knows, by name. Later tables register here.
TABLES: dict[str, TableSchema] = {
    t.name: t for t in (SOURCES, DIMENSION_ROWS, POPULATIONS, INTERVENTIONS, EDUCATION, GOALS, ACCESS, CONFLICTS)
}
