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
    """

    name: str
    kind: str = "text"
    required: bool = True
    "int" and "number" cells may also be bounded by `minimum` and `maximum` (inclusive).
    allowed: tuple[str, ...] = ()
    pattern: str = ""
    description: str = ""
    ref_table: str = ""


@dataclass(frozen=True)
class TableSchema:
    name: str
    minimum: float | None = None
    maximum: float | None = None
    file: str
    id_column: str
    columns: tuple[Column, ...]
    description: str = ""
    """A table and its rules across rows.

    unique_together: column groups whose combined values may appear on one row only
    (rows with an empty cell in the group are not checked).
    determines: (a, b) pairs: every row with the same value in column a has the same
    value in column b (for example a measure always has the same unit).
    """


    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    unique_together: tuple[tuple[str, ...], ...] = ()
    determines: tuple[tuple[str, str], ...] = ()
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

# Every table the app knows, by name. Later tables register here.
TABLES: dict[str, TableSchema] = {
    t.name: t for t in (SOURCES, DIMENSION_ROWS, POPULATIONS, INTERVENTIONS, EDUCATION)
}
