"""One-off import: build the careers tables from the project's reference files.

Reads ../shared/reference/workforce/*.csv and SOURCES.md, and ../shared/reference/onet/*.csv
(the raw fact bases, never read by the app or the tests), and writes:

  data/wages_employment.csv   national pay, employment and projections
  data/work_settings.csv      where they work: shares of jobs, pay and employment by industry
  data/state_figures.csv      state figures (only what a source gave; nothing filled in)
  data/workforce_trends.csv   national (and one Connecticut) series by year
  data/onet_ratings.csv       O*NET 30.0 skills, knowledge, abilities, work activities, work styles
  data/onet_tasks.csv         O*NET tasks with importance and relevance
  data/onet_interests.csv     O*NET RIASEC interests
  data/onet_occupations.csv   O*NET title, description and job zone

and APPENDS to data/sources.csv one row per workforce URL (WF001... in the order of the
reference's source inventory S1...), the O*NET sources (ON001...), and the clinical sources
the careers rows cite (CL001, CL056, CL057: the APTA/ACAPT and HRSA workforce projections,
with the ids tools/import_clinical_sources.py gives them) if they are missing. Rows already
in data/sources.csv are never changed, so running the tool again changes nothing.

Nothing is estimated: values are copied as the reference gives them. The only things added
are our readings, each in its own column: a machine-readable `period` for the period as
printed (`period_stated` = "no" when the source does not state it), plain profession codes,
one unit per measure, and `flag` = "doubtful" where the reference's own verdict on the row
calls its value suspect or its label doubtful (flag_for). Run from the project root: python tools/import_careers.py
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path
from urllib.parse import urlparse

REFERENCE = Path("../shared/reference")
DATA = Path("data")

PROFESSIONS = {
    "Occupational Therapists": "OT",
    "Occupational Therapy Assistants": "OTA",
    "Physical Therapists": "PT",
    "Physical Therapist Assistants": "PTA",
    "Physical Therapist Aides": "PT aides",
    "Occupational Therapy Assistants and Aides": "OTA and aides",
    "Physical Therapist Assistants and Aides": "PTA and aides",
}

# Reference measure names -> ours. Category measures (education, experience, training) are
# not numbers: they are carried as facts in data/education.csv instead.
NATIONAL_MEASURES = {
    "oews_employment": "oews_employment",
    "number_of_jobs_ep": "ep_jobs",
    "median_annual_wage": "median_annual_wage",
    "median_hourly_wage": "median_hourly_wage",
    "mean_annual_wage": "mean_annual_wage",
    "mean_hourly_wage": "mean_hourly_wage",
    "annual_wage_p10": "annual_wage_p10",
    "annual_wage_p25": "annual_wage_p25",
    "annual_wage_p50_median": "annual_wage_p50",
    "annual_wage_p75": "annual_wage_p75",
    "annual_wage_p90": "annual_wage_p90",
    "hourly_wage_p10": "hourly_wage_p10",
    "hourly_wage_p25": "hourly_wage_p25",
    "hourly_wage_p50_median": "hourly_wage_p50",
    "hourly_wage_p75": "hourly_wage_p75",
    "hourly_wage_p90": "hourly_wage_p90",
    "projected_employment": "projected_employment",
    "projected_change_pct": "projected_change_pct",
    "projected_change_numeric": "projected_change_jobs",
    "annual_openings": "annual_openings",
}
STATE_MEASURES = {
    "employment": "oews_employment",
    "annual_mean_wage": "mean_annual_wage",
    "hourly_mean_wage": "mean_hourly_wage",
    "hourly_median_wage": "median_hourly_wage",
    "hourly_wage_p10": "hourly_wage_p10",
    "hourly_wage_p25": "hourly_wage_p25",
    "hourly_wage_p75": "hourly_wage_p75",
    "hourly_wage_p90": "hourly_wage_p90",
    "annual_mean_wage_rank": "mean_annual_wage_rank",
    "employment_per_1000_jobs": "jobs_per_1000",
    "location_quotient": "location_quotient",
    "projection_base_employment": "projection_base_employment",
    "projected_employment": "projected_employment",
    "projected_change_pct": "projected_change_pct",
    "projected_change_numeric": "projected_change_jobs",
    "projected_annual_openings": "annual_openings",
}
SETTING_MEASURES = {
    "share_of_jobs": "share_of_jobs",
    "share_of_employment": "share_of_employment",
    "share_of_survey_respondents": "share_of_survey_respondents",
    "percent_of_industry_employment": "share_of_industry_jobs",
    "employment": "oews_employment",
    "annual_mean_wage": "mean_annual_wage",
    "hourly_mean_wage": "mean_hourly_wage",
    "median_annual_wage": "median_annual_wage",
    "hourly_median_wage": "median_hourly_wage",
}
TREND_SERIES = {
    "median_annual_wage": "median_annual_wage",
    "median_hourly_wage": "median_hourly_wage",
    "mean_annual_wage": "mean_annual_wage",
    "annual_wage_p10": "annual_wage_p10",
    "annual_wage_p25": "annual_wage_p25",
    "annual_wage_p75": "annual_wage_p75",
    "annual_wage_p90": "annual_wage_p90",
    "oews_employment": "oews_employment",
    "ep_number_of_jobs": "ep_jobs",
    "ep_number_of_jobs_alt": "jobs_measure_unclear",
    "projected_10yr_growth_pct": "projected_change_pct",
    "projected_annual_openings": "annual_openings",
    "projected_employment_target_year": "projected_employment",
    "acs_workforce": "acs_workers",
    "acs_average_salary": "acs_mean_annual_pay",
    "acs_share_women": "acs_share_women",
    "acs_average_age": "acs_mean_age",
    "fte_supply_baseline_forecast": "fte_supply",
    "fte_demand_baseline_forecast": "fte_demand",
    "fte_supply_minus_demand_baseline": "fte_supply_minus_demand",
    "fte_pct_gap_baseline": "fte_gap_pct",
}


def unit_for(measure: str) -> str:
    """One unit per measure (the reference spells some units several ways)."""
    if measure.endswith("annual_wage") or "annual_wage_p" in measure or measure == "acs_mean_annual_pay":
        return "USD per year"
    if "hourly_wage" in measure:
        return "USD per hour"
    if measure.endswith("_rank"):
        return "rank among 50 states and DC"
    if measure in (
        "share_of_jobs",
        "share_of_employment",
        "share_of_survey_respondents",
        "share_of_industry_jobs",
        "projected_change_pct",
        "acs_share_women",
        "fte_gap_pct",
    ):
        return "percent"
    if measure == "annual_openings":
        return "openings per year"
    if measure == "jobs_per_1000":
        return "jobs per 1,000 jobs"
    if measure == "location_quotient":
        return "ratio to the U.S. share"
    if measure == "acs_workers":
        return "workers"
    if measure == "acs_mean_age":
        return "years"
    if measure.startswith("fte_"):
        return "full-time equivalents"
    return "jobs"


PROJECTION_MEASURES = ("projected_change_pct", "projected_change_jobs", "annual_openings")
MONTHS = {"May": "05"}


def period_for(measure: str, printed: str) -> tuple[str, str]:
    """(period, stated): our reading of a printed reference period.

    period is an as-of value: YYYY-MM for a survey month, YYYY for a year, YYYY-YYYY for a
    projection decade, or 'undated'. stated is 'no' when the source does not state it and
    the reference infers it (the printed text then says so).
    """
    text = printed.strip()
    stated = "no" if text.lower().startswith("not stated") else "yes"
    span = re.search(r"\b((?:19|20)\d{2})\s*[-–]\s*((?:19|20)?\d{2})\b", text)
    if span and (measure in PROJECTION_MEASURES or measure in ("projected_employment", "projection_base_employment")):
        start, end = span.group(1), span.group(2)
        if len(end) == 2:
            end = start[:2] + end
        return f"{start}-{end}", stated
    year_only = re.fullmatch(r"((?:19|20)\d{2})(?: \(as labeled\))?", text)
    if measure == "projected_employment" and year_only:  # the target year of a 10-year projection
        end = int(year_only.group(1))
        return f"{end - 10}-{end}", stated
    if measure == "projection_base_employment" and year_only:
        start = int(year_only.group(1))
        return f"{start}-{start + 10}", stated
    as_of = re.search(r"as_of ((?:19|20)\d{2})-(\d{2})", text)
    if as_of:
        return f"{as_of.group(1)}-{as_of.group(2)}", stated
    month = re.search(r"\b(May) ((?:19|20)\d{2})\b", text)
    if month:
        return f"{month.group(2)}-{MONTHS[month.group(1)]}", stated
    year = re.search(r"\b((?:19|20)\d{2})\b", text)
    if year:
        return year.group(1), stated
    return "undated", "no"


def top_level_clauses(text: str) -> list[str]:
    """The note's clauses, split on ';' outside brackets, each stripped and lower-cased.

    The reference writes its verdict on a row as a clause of its own ("suspect value; conflicts
    with $96,790"); a bracket holds a remark about another figure ("preferred over
    healthguideusa $93,491 (below median; suspect)"), which says nothing against this row.
    """
    clauses, depth, current = [], 0, []
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]" and depth:
            depth -= 1
        if char == ";" and depth == 0:
            clauses.append("".join(current))
            current = []
        else:
            current.append(char)
    clauses.append("".join(current))
    return [c.strip().lower() for c in clauses if c.strip()]


def flag_for(note: str, reference_period: str = "") -> str:
    """'doubtful' where the reference itself casts doubt on this row, else ''.

    Two places say so: the note's verdict clause (a top-level clause that opens with
    "suspect", the reference's word for a value it does not trust) and the period label
    (the reference ends a label it does not trust with "label doubtful"). A remark in
    brackets is about another figure and never flags this one.
    """
    verdict = any(re.match(r"suspect\b", clause) for clause in top_level_clauses(note))
    label = re.search(r"\blabel doubtful\b", reference_period.lower()) is not None
    return "doubtful" if verdict or label else ""


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write(name: str, fields: list[str], rows: list[dict]) -> None:
    path = DATA / name
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows):4d} rows to {path}")


def number(text: str) -> str:
    """The reference's numeric value as written, without float noise (27.00 -> 27)."""
    value = float(text)
    return str(int(value)) if value.is_integer() else repr(value)


# --- sources --------------------------------------------------------------------------------

PUBLISHERS = {
    "bls.gov": "U.S. Bureau of Labor Statistics",
    "careeronestop.org": "CareerOneStop (U.S. Department of Labor)",
    "onetonline.org": "O*NET OnLine (USDOL/ETA)",
    "ctdol.state.ct.us": "Connecticut Department of Labor",
    "deed.state.mn.us": "Minnesota Department of Employment and Economic Development (DEED)",
    "projectionscentral.org": "Projections Central (state labor market information offices)",
    "datausa.io": "Data USA",
    "archive.org": "Internet Archive",
}
TYPE_TIER = {
    "BLS (official)": ("A", ""),
    "U.S. DOL CareerOneStop (official)": ("A", ""),
    "O*NET OnLine (official)": ("A", ""),
    "State LMI agency (official)": ("A", "State labor market information office"),
    "Projections Central (state LMI consortium)": ("A", "Consortium of state labor market information offices"),
    "third-party copy of a BLS page": ("C", "Copy of a BLS page hosted by a third party"),
    "third-party citing BLS": ("C", "Third party citing BLS"),
    "third-party, not BLS data": ("C", "Third party, not BLS data"),
}
KINDS = {
    "BLS (official)": "BLS page",
    "U.S. DOL CareerOneStop (official)": "CareerOneStop page",
    "O*NET OnLine (official)": "O*NET OnLine page",
    "State LMI agency (official)": "State labor market page",
    "Projections Central (state LMI consortium)": "Projections page",
    "third-party copy of a BLS page": "Copy of a BLS page",
    "third-party citing BLS": "Page citing BLS figures",
    "third-party, not BLS data": "Page with figures",
}
OFFICIAL_TITLES = {
    "https://www.bls.gov/ooh/healthcare/occupational-therapists.htm": (
        "Occupational Outlook Handbook: Occupational Therapists"
    ),
    "http://stats.bls.gov/ooh/healthcare/print/physical-therapists.htm": (
        "Occupational Outlook Handbook: Physical Therapists (2014-24 edition, print page)"
    ),
    "https://blsmon1.bls.gov/oes/2019/may/oes291122.htm": (
        "Occupational Employment and Wages, May 2019: Occupational Therapists (29-1122)"
    ),
    "https://www.bls.gov/oes/2019/may/oes312011.htm": (
        "Occupational Employment and Wages, May 2019: Occupational Therapy Assistants (31-2011)"
    ),
    "https://blsmon1.bls.gov/oes/2020/may/oes312021.htm": (
        "Occupational Employment and Wages, May 2020: Physical Therapist Assistants (31-2021)"
    ),
}
EXTRA_NOTES = {
    "https://dbpia.nl.go.kr/view-large/509923534": (
        "Third party, not BLS data: a published PT supply and demand forecast table (FTE)"
    ),
    "https://datausa.io/profile/soc/physical-therapists?redirect=true": (
        "Third party, not BLS data: Census American Community Survey figures via Data USA"
    ),
    "https://www.verywellhealth.com/where-do-occupational-therapists-work-2510016": (
        "Third party reporting an AOTA member survey (not representative, not BLS data)"
    ),
}


def publisher_for(url: str) -> str:
    host = (urlparse(url).hostname or "").removeprefix("www.").rstrip(".")
    parts = host.split(".")
    for n in range(len(parts)):
        if ".".join(parts[n:]) in PUBLISHERS:
            return PUBLISHERS[".".join(parts[n:])]
    return host


def title_for(url: str, profession_words: str, kind: str) -> str:
    if url in OFFICIAL_TITLES:
        return OFFICIAL_TITLES[url]
    parsed = urlparse(url)
    host = (parsed.hostname or "").removeprefix("www.").rstrip(".")
    if "careeronestop.org" in host:
        kind = "Current employment" if "CurrentEmployment" in parsed.path else "Projected employment"
        return f"{kind} by state: {profession_words}"
    if "onetonline.org" in host:
        return f"O*NET OnLine local trends: {profession_words}"
    if "ctdol" in host:
        return f"Occupational employment and wages in Connecticut: {profession_words}"
    if "deed.state.mn.us" in host:
        return f"Occupational employment and wages in Minnesota: {profession_words}"
    if "projectionscentral.org" in host:
        return f"Long-term occupational projections by state: {profession_words}"
    # The page's own words from its address where they read as a title, else a plain description.
    segments = [s for s in parsed.path.split("/") if s]
    words = re.sub(r"\.(html?|php|aspx?|cfm|json)$", "", segments[-1]) if segments else ""
    words = [w for w in re.split(r"[-_+ ]+|%20", words) if w and not re.search(r"\d", w)]
    if len(words) >= 3 and all(len(w) > 1 for w in words):
        text = " ".join(words)
        return text[0].upper() + text[1:]
    return f"{kind} on {profession_words}"


def workforce_sources(existing: dict[str, str], used: dict[str, dict]) -> list[dict]:
    """New source rows, WF001... in the order of the reference's inventory (S1...)."""
    inventory = re.findall(
        r"^\*\*S(\d+)\.\*\* <([^>]*)>\s*\n_Source type:_ (.+)$",
        (REFERENCE / "workforce" / "SOURCES.md").read_text(encoding="utf-8"),
        re.M,
    )
    rows = []
    for number_text, url, source_type in inventory:
        source_id = f"WF{int(number_text):03d}"
        if source_id in existing.values():
            continue
        tier, note = TYPE_TIER[source_type.strip()]
        note = EXTRA_NOTES.get(url, note)
        info = used[url]
        years = sorted(info["years"])
        rows.append(
            {
                "source_id": source_id,
                "publisher": publisher_for(url),
                "title": title_for(url, info["professions"], KINDS[source_type.strip()]),
                "url": url,
                "as_of": years[-1] if years else "undated",
                "tier": tier,
                "note": note,
            }
        )
    return rows


ONET_SOURCES = [
    {
        "source_id": "ON001",
        "publisher": "O*NET Resource Center (USDOL/ETA)",
        "title": "O*NET 30.0 Database (August 2025), text files",
        "url": "https://www.onetcenter.org/dl_files/database/db_30_0_text/",
        "as_of": "2025-08",
        "tier": "A",
        "note": "Includes information from the O*NET 30.0 Database by the U.S. Department of Labor, Employment and "
        "Training Administration (USDOL/ETA), used under the CC BY 4.0 license "
        "(https://creativecommons.org/licenses/by/4.0/). O*NET is a trademark of USDOL/ETA. USDOL/ETA has not "
        "approved, endorsed or tested these extracts. OT ratings are dated 08/2021, PT ratings 08/2020.",
    },
    {
        "source_id": "ON002",
        "publisher": "GitHub: dot-org-ai/graph.org.ai",
        "title": "Copy of the O*NET 30.0 text files (.source/ONET/*.tsv)",
        "url": "https://github.com/dot-org-ai/graph.org.ai",
        "as_of": "2025-08",
        "tier": "C",
        "note": "Copy of the O*NET 30.0 Database files from which the values were read (commits 72664c2b and "
        "6f333d75). Skills and Knowledge were checked field by field against a separate copy of O*NET 29.3 "
        "with no mismatch. O*NET data: CC BY 4.0, USDOL/ETA.",
    },
    {
        "source_id": "ON003",
        "publisher": "GitHub: eugene-maina72/Phase_5_Capstone_Project-SmartPath",
        "title": "Copy of the O*NET 29.3 Database (May 2025): Task Statements",
        "url": "https://github.com/eugene-maina72/Phase_5_Capstone_Project-SmartPath",
        "as_of": "2025-05",
        "tier": "C",
        "note": "Copy of O*NET 29.3 files; used for the wording of the task statements only (the 30.0 file was not "
        "readable). All 41 task ids, texts and types match the O*NET 30.0-derived task pages. O*NET data: "
        "CC BY 4.0, USDOL/ETA.",
    },
]
CLINICAL_IDS = ("CL001", "CL056", "CL057")  # ACAPT (APTA surplus) and HRSA (PT shortage)


def clinical_sources(existing: dict[str, str]) -> list[dict]:
    """CL rows the careers rows cite, rebuilt by the clinical import tool in a scratch copy."""
    import subprocess
    import tempfile

    missing = [i for i in CLINICAL_IDS if i not in existing.values()]
    if not missing:
        return []
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "main"
        (root / "data").mkdir(parents=True)
        (Path(scratch) / "shared").symlink_to(REFERENCE.parent.resolve())
        subprocess.run(
            [sys.executable, str(Path(__file__).resolve().parent / "import_clinical_sources.py")],
            cwd=root,
            check=True,
            capture_output=True,
        )
        rebuilt = read(root / "data" / "sources.csv")
    return [r for r in rebuilt if r["source_id"] in missing]


# --- the tables -----------------------------------------------------------------------------


def source_year(series: str, year: str) -> str:
    """The year a trend point tells us about its source's date: a projection's base year."""
    if series == "projected_employment":
        return str(int(year) - 10)
    if series.startswith("fte_"):
        return ""  # forecast years say nothing about when the table was published
    return year


def main() -> int:
    workforce = REFERENCE / "workforce"
    sources_path = DATA / "sources.csv"
    existing = {r["url"]: r["source_id"] for r in read(sources_path) if r["source_id"].startswith(("WF", "ON", "CL"))}
    inventory = dict(
        (url, f"WF{int(n):03d}")
        for n, url in re.findall(
            r"^\*\*S(\d+)\.\*\* <([^>]*)>", (workforce / "SOURCES.md").read_text(encoding="utf-8"), re.M
        )
    )
    used: dict[str, dict] = {}

    def cite(row: dict, period: str) -> str:
        info = used.setdefault(row["source_url"], {"years": set(), "names": []})
        year = re.match(r"(?:19|20)\d{2}", period)
        if year:
            info["years"].add(year.group(0))
        name = row["profession"]
        if name not in info["names"]:
            info["names"].append(name)
        return inventory[row["source_url"]]

    national = []
    for row in read(workforce / "national.csv"):
        if row["measure"] not in NATIONAL_MEASURES:
            continue
        measure = NATIONAL_MEASURES[row["measure"]]
        period, stated = period_for(measure, row["reference_period"])
        national.append(
            {
                "figure_id": f"W{len(national) + 1:03d}",
                "profession": PROFESSIONS[row["profession"]],
                "soc_code": row["soc_code"],
                "measure": measure,
                "value": number(row["value"]),
                "unit": unit_for(measure),
                "value_as_printed": row["value_as_printed"],
                "reference_period": row["reference_period"],
                "period": period,
                "period_stated": stated,
                "flag": flag_for(row["note"]),
                "note": row["note"],
                "source_ids": cite(row, period),
            }
        )

    settings = []
    for row in read(workforce / "settings.csv"):
        measure = SETTING_MEASURES[row["measure"]]
        period, stated = period_for(measure, row["reference_period"])
        settings.append(
            {
                "setting_id": f"S{len(settings) + 1:03d}",
                "profession": PROFESSIONS[row["profession"]],
                "soc_code": row["soc_code"],
                "geography": "United States" if row["geography"] == "US" else row["geography"],
                "setting": row["setting"],
                "measure": measure,
                "value": number(row["value"]),
                "unit": unit_for(measure),
                "value_as_printed": row["value_as_printed"],
                "reference_period": row["reference_period"],
                "period": period,
                "period_stated": stated,
                "source_section": row["table_or_section"],
                "note": row["note"],
                "source_ids": cite(row, period),
            }
        )

    states = []
    for row in read(workforce / "states.csv"):
        measure = STATE_MEASURES[row["measure"]]
        period, stated = period_for(measure, row["reference_period"])
        if "not stated" in row["reference_period"].lower():
            stated = "no"
        states.append(
            {
                "figure_id": f"T{len(states) + 1:03d}",
                "profession": PROFESSIONS[row["profession"]],
                "soc_code": row["soc_code"],
                "state": row["state"],
                "state_abbr": row["state_abbr"],
                "measure": measure,
                "value": number(row["value"]),
                "unit": unit_for(measure),
                "value_as_printed": row["value_as_printed"],
                "reference_period": row["reference_period"],
                "period": period,
                "period_stated": stated,
                "flag": flag_for(row["note"], row["reference_period"]),
                "note": row["note"],
                "source_ids": cite(row, period),
            }
        )

    trends = []
    for row in read(workforce / "timeseries.csv"):
        series = TREND_SERIES[row["series"]]
        printed = row["period_as_printed"]
        trends.append(
            {
                "point_id": f"Y{len(trends) + 1:03d}",
                "profession": PROFESSIONS[row["profession"]],
                "soc_code": row["soc_code"],
                "geography": "United States" if row["geography"] == "US" else row["geography"],
                "series": series,
                "year": row["year"],
                "value": number(row["value"]),
                "unit": unit_for(series),
                "value_as_printed": row["value_as_printed"],
                "reference_period": printed,
                "period_stated": "no" if "not stated" in printed.lower() else "yes",
                "flag": flag_for(row["note"]),
                "note": row["note"],
                "source_ids": cite(row, source_year(series, row["year"])),
            }
        )

    for info in used.values():
        info["professions"] = " and ".join(n.lower() for n in info["names"][:2]) + (
            " and others" if len(info["names"]) > 2 else ""
        )

    write("wages_employment.csv", list(national[0]), national)
    write("work_settings.csv", list(settings[0]), settings)
    write("state_figures.csv", list(states[0]), states)
    write("workforce_trends.csv", list(trends[0]), trends)
    onet()

    new_sources = workforce_sources(existing, used)
    new_sources += [r for r in ONET_SOURCES if r["source_id"] not in existing.values()]
    new_sources += clinical_sources(existing)
    if new_sources:
        fields = ["source_id", "publisher", "title", "url", "as_of", "tier", "note"]
        text = sources_path.read_text(encoding="utf-8")
        with sources_path.open("a", encoding="utf-8", newline="") as handle:
            if not text.endswith("\n"):
                handle.write("\n")
            csv.DictWriter(handle, fieldnames=fields, lineterminator="\n").writerows(new_sources)
    print(f"appended {len(new_sources)} sources to {sources_path}")
    return 0


# --- O*NET ----------------------------------------------------------------------------------

ONET_PROFESSIONS = {"29-1122.00": "OT", "29-1123.00": "PT"}
ONET_CITE = "ON001; ON002"


def onet_date(text: str) -> str:
    month, year = text.split("/")
    return f"{year}-{month}"


def onet() -> None:
    folder = REFERENCE / "onet"
    ratings = []
    for row in read(folder / "ratings.csv"):
        ratings.append(
            {
                "rating_id": f"R{len(ratings) + 1:03d}",
                "profession": ONET_PROFESSIONS[row["onet_soc_code"]],
                "onet_soc_code": row["onet_soc_code"],
                "domain": row["domain"],
                "element_id": row["element_id"],
                "element_name": row["element_name"],
                "scale": {"IM": "Importance", "LV": "Level"}[row["scale_id"]],
                "value": row["data_value"],
                "n": row["n"],
                "standard_error": row["standard_error"],
                "lower_ci": row["lower_ci"],
                "upper_ci": row["upper_ci"],
                "recommend_suppress": row["recommend_suppress"],
                "not_relevant": row["not_relevant"],
                "data_date": onet_date(row["date"]),
                "domain_source": row["domain_source"],
                "source_ids": ONET_CITE,
            }
        )
    write("onet_ratings.csv", list(ratings[0]), ratings)

    tasks = []
    for row in read(folder / "tasks.csv"):
        tasks.append(
            {
                "task_id": row["task_id"],
                "profession": ONET_PROFESSIONS[row["onet_soc_code"]],
                "onet_soc_code": row["onet_soc_code"],
                "task": row["task"],
                "task_type": row["task_type"],
                "importance": row["importance_im"],
                "relevance_pct": row["relevance_rt_pct"],
                "incumbents_responding": row["incumbents_responding"],
                "data_date": onet_date(row["ratings_date"]),
                "domain_source": row["ratings_domain_source"],
                "source_ids": "ON001; ON002; ON003",
            }
        )
    write("onet_tasks.csv", list(tasks[0]), tasks)

    interests = []
    for row in read(folder / "interests.csv"):
        profession = ONET_PROFESSIONS[row["onet_soc_code"]]
        high_point = row["scale_id"] == "IH"
        code = f"H{'ghi'.index(row['element_id'][-1]) + 1}" if high_point else row["element_name"][0]
        interests.append(
            {
                "interest_id": f"{profession}-{code}",
                "profession": profession,
                "onet_soc_code": row["onet_soc_code"],
                "element_id": row["element_id"],
                "element_name": row["element_name"],
                "scale": "Interest high-point" if high_point else "Occupational interest",
                "value": row["data_value"],
                "high_point_interest": row["high_point_interest"],
                "data_date": onet_date(row["date"]),
                "domain_source": row["domain_source"],
                "source_ids": ONET_CITE,
            }
        )
    write("onet_interests.csv", list(interests[0]), interests)

    described = {r["onet_soc_code"]: r for r in read(folder / "occupations.csv")}
    occupations = []
    for row in read(folder / "job_zone.csv"):
        occupations.append(
            {
                "onet_soc_code": row["onet_soc_code"],
                "profession": ONET_PROFESSIONS[row["onet_soc_code"]],
                "title": described[row["onet_soc_code"]]["title"],
                "description": described[row["onet_soc_code"]]["description"],
                "job_zone": row["job_zone"],
                "job_zone_name": row["job_zone_name"],
                "education": row["education"],
                "experience": row["experience"],
                "job_training": row["job_training"],
                "examples": row["examples"],
                "svp_range": row["svp_range"],
                "data_date": onet_date(row["date"]),
                "source_ids": ONET_CITE,
            }
        )
    write("onet_occupations.csv", list(occupations[0]), occupations)


if __name__ == "__main__":
    sys.exit(main())
