"""One-off import: build data/sources.csv rows for the clinical fact base.

Reads ../shared/reference/clinical/SOURCES.md (the raw fact base, never read by
the app or the tests) and writes one row per URL with a stable id (CL001...).
Kept in the repository so that anyone can see how the sources table was made.
Run from the project root: python tools/import_clinical_sources.py
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path
from urllib.parse import urlparse

REFERENCE = Path("../shared/reference/clinical/SOURCES.md")
OUT = Path("data/sources.csv")

# Organisation behind a web host; anything not listed keeps its host name.
PUBLISHERS = {
    "bls.gov": "U.S. Bureau of Labor Statistics",
    "aota.org": "American Occupational Therapy Association (AOTA)",
    "apta.org": "American Physical Therapy Association (APTA)",
    "choosept.com": "American Physical Therapy Association (APTA), ChoosePT",
    "acoteonline.org": "Accreditation Council for Occupational Therapy Education (ACOTE)",
    "capteonline.org": "Commission on Accreditation in Physical Therapy Education (CAPTE)",
    "fsbpt.org": "Federation of State Boards of Physical Therapy (FSBPT)",
    "nbcot.org": "National Board for Certification in Occupational Therapy (NBCOT)",
    "hrsa.gov": "U.S. Health Resources and Services Administration (HRSA)",
    "cms.gov": "U.S. Centers for Medicare & Medicaid Services (CMS)",
    "onetonline.org": "O*NET OnLine (USDOL/ETA)",
    "onetcenter.org": "O*NET Resource Center (USDOL/ETA)",
    "mynextmove.org": "My Next Move (USDOL/ETA)",
    "careeronestop.org": "CareerOneStop (U.S. Department of Labor)",
    "stroke.org": "American Stroke Association",
    "clevelandclinic.org": "Cleveland Clinic",
    "nih.gov": "U.S. National Institutes of Health",
    "ninds.nih.gov": "National Institute of Neurological Disorders and Stroke",
    "nationalmssociety.org": "National Multiple Sclerosis Society",
    "informedhealth.org": "IQWiG (InformedHealth.org)",
    "asht.org": "American Society of Hand Therapists",
    "htcc.org": "Hand Therapy Certification Commission",
    "childwelfare.gov": "Child Welfare Information Gateway (U.S. HHS)",
    "mayoclinic.org": "Mayo Clinic",
    "mayo.edu": "Mayo Clinic College of Medicine and Science",
    "webmd.com": "WebMD",
    "verywellhealth.com": "Verywell Health",
    "webpt.com": "WebPT",
    "parkinson.org": "Parkinson's Foundation",
    "msdmanuals.com": "MSD Manuals",
    "research.aota.org": "American Journal of Occupational Therapy (AOTA)",
    "journals.lww.com": "Wolters Kluwer journals",
    "acapt.org": "American Council of Academic Physical Therapy (ACAPT)",
}

YEAR = re.compile(r"\b(19|20)\d{2}\b")


def publisher_for(url: str) -> str:
    host = (urlparse(url).hostname or "").removeprefix("www.")
    parts = host.split(".")
    for n in range(len(parts)):
        if ".".join(parts[n:]) in PUBLISHERS:
            return PUBLISHERS[".".join(parts[n:])]
    return host


def main() -> int:
    tier = None
    rows = []
    seen = set()
    for line in REFERENCE.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"## Tier ([ABC])", line)
        if heading:
            tier = heading.group(1)
            continue
        if line.startswith("## "):
            tier = None
        if tier is None or not line.startswith("| ") or line.startswith("| Source") or line.startswith("|---"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        title, url = cells[0], cells[1]
        if url in seen:
            continue
        seen.add(url)
        # The year in the title, else a dated URL path (/2021/02/23/), else undated.
        year = YEAR.search(title) or re.search(r"/((?:19|20)\d{2})/", url)
        rows.append(
            {
                "source_id": f"CL{len(rows) + 1:03d}",
                "publisher": publisher_for(url),
                "title": title,
                "url": url,
                "as_of": (year.group(1) if year.re is not YEAR else year.group(0)) if year else "undated",
                "tier": tier,
                "note": "",
            }
        )
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} sources to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
