"""The fixed words of the schema (choices shown to readers), marked for the catalogue.

Pure Python. These are values of choice columns and column headings: the data keeps them in
English, and a page shows them through `_()`. Listing them here with N_() is what puts them in
the catalogue (pybabel reads literal strings only); tests/unit/test_i18n.py checks that every
value of the schema is listed."""

from components.i18n import N_

AGE_GROUPS = (
    N_("Infants and toddlers"),
    N_("Children"),
    N_("Teenagers"),
    N_("Adults"),
    N_("Older adults"),
)
SETTINGS = (
    N_("Hospital"),
    N_("Home"),
    N_("School"),
    N_("Outpatient clinic"),
    N_("Work"),
    N_("Any setting"),
)
DATE_KINDS = (
    N_("published"),
    N_("updated"),
    N_("reviewed"),
    N_("accessed"),
)
TIER_LABELS = (
    N_("A: official or primary"),
    N_("B: health system or university"),
    N_("C: other (commercial, blog, copy of a page)"),
)
POPULATION_CATEGORIES = (
    N_("Brain and nerves"),
    N_("Memory and thinking"),
    N_("Child development"),
    N_("Developmental disabilities"),
    N_("Bones, joints and muscles"),
    N_("Sports injuries"),
    N_("Hand and arm"),
    N_("Balance, dizziness and falls"),
    N_("Heart and lungs"),
    N_("Cancer and lymphedema"),
    N_("Skin and wounds"),
    N_("Pelvic health"),
    N_("Long-term pain"),
    N_("Mental health"),
    N_("Work and driving"),
    N_("Vision"),
    N_("Hospital stay"),
    N_("Chronic illness"),
)
INTERVENTION_CATEGORIES = (
    N_("Evaluation"),
    N_("Exercise and movement"),
    N_("Daily-living training"),
    N_("Thinking and memory"),
    N_("Sensory"),
    N_("Splints, braces and prostheses"),
    N_("Mobility equipment"),
    N_("Balance and dizziness"),
    N_("Heat, cold, water and electrical"),
    N_("Hands-on (manual) therapy"),
    N_("Home and work changes"),
    N_("Education"),
    N_("Specialty care"),
)
DIMENSIONS = (
    N_("Core focus"),
    N_("Treatment goals"),
    N_("Patient populations"),
    N_("Therapeutic interventions"),
    N_("Educational requirements"),
)
ACCESS_TOPICS = (
    N_("Referral and direct access"),
    N_("Where to find them"),
)
SOURCE_COLUMNS = (
    N_("Id"),
    N_("Tier"),
    N_("Publisher"),
    N_("Title"),
    N_("As of"),
    N_("Link"),
)

EDUCATION_TOPICS = (
    N_("Entry degree"),
    N_("Program length"),
    N_("Clinical education"),
    N_("Accreditor"),
    N_("Accredited programs"),
    N_("Licensing exam"),
    N_("Exam format"),
    N_("Exam fee"),
    N_("Pass rate"),
    N_("Licensure"),
    N_("Licensure compact"),
    N_("Continuing education"),
    N_("Specialty certification"),
    N_("Direct access and referral"),
    N_("Workforce outlook"),
)
LEADS = (N_("Both"), N_("Other"))
PAYMENT_COLUMNS = (
    N_("Payer"),
    N_("For"),
    N_("Topic"),
    N_("What it means"),
    N_("Amount (USD)"),
    N_("Amount's year"),
    N_("As of"),
    N_("Note"),
    N_("Sources"),
)
ANSWER_COLUMNS = (N_("Part"), N_("Profession"), N_("Statement"), N_("Sources"), N_("Sourcing"))
MARKS = (N_("weakly sourced"),)

# Column headings and fixed cells of the Sources page's tables (components/factbase.py,
# components/data_quality.py).
SOURCES_PAGE = (
    N_("Rows citing it (all tables)"),
    N_("Rows in {table}"),
    N_("Note"),
    N_("Table"),
    N_("Rows"),
    N_("Rows with a tier A or B source"),
    N_("Share (%)"),
    N_("Weakly sourced rows"),
    N_("Weakly sourced ids"),
    N_("caregiver-facing tables together"),
    N_("Figure"),
    N_("All sources"),
    N_("Tier {tier}"),
    N_("Undated"),
    N_("Behind caregiver-facing rows"),
    N_("Behind caregiver-facing rows, undated"),
    N_("Date says what it is (published, updated, reviewed, accessed)"),
    N_("Question"),
    N_("One source says"),
    N_("Its sources"),
    N_("Another source says"),
    N_("Their sources"),
    N_("Rows that record it"),
    N_("File"),
    N_("What it holds"),
    N_("Columns"),
)

ALL = frozenset(
    (
        *AGE_GROUPS,
        *SETTINGS,
        *DATE_KINDS,
        *TIER_LABELS,
        *POPULATION_CATEGORIES,
        *INTERVENTION_CATEGORIES,
        *DIMENSIONS,
        *ACCESS_TOPICS,
        *SOURCE_COLUMNS,
        *EDUCATION_TOPICS,
        *LEADS,
        *PAYMENT_COLUMNS,
        *ANSWER_COLUMNS,
        *MARKS,
    )
)
