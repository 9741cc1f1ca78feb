"""The data-quality report: how strongly the data is sourced and how well its sources are dated.

Pure pandas, no Streamlit. Shown on the Sources page, printed by `make data-report`
(tools/data_report.py) and written into data/README.md between two marker comments.
"""

from __future__ import annotations

import pandas as pd

from components.i18n import N_
from components.loader import split_list
from components.schema import TABLES, TIERS
from components.sourcing import CAREGIVER_TABLES, STRONG_TIERS, strong_rows

README_START = "<!-- data-report:start (written by `make data-report`; do not edit by hand) -->"
README_END = "<!-- data-report:end -->"
# Headings and fixed cells stay English here (the report in data/README.md is English);
# N_() marks them for the catalogue, and the Sources page shows them through _().
CAREGIVER_TOTAL = N_("caregiver-facing tables together")
COVERAGE_COLUMNS = [
    N_("Table"),
    N_("Rows"),
    N_("Rows with a tier A or B source"),
    N_("Share (%)"),
    N_("Weakly sourced rows"),
    N_("Weakly sourced ids"),
]
SOURCE_COLUMNS = [N_("Figure"), N_("Sources"), N_("Share (%)")]


def source_columns(name: str) -> tuple[str, ...]:
    """The columns of a table that cite sources.csv."""
    return tuple(c.name for c in TABLES[name].columns if c.kind == "refs" and c.ref_table == "sources")


def _share(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def _coverage_row(name: str, frame: pd.DataFrame, sources: pd.DataFrame) -> dict:
    strong = strong_rows(frame, sources, source_columns(name))
    weak_ids = [str(i) for i, ok in zip(frame[TABLES[name].id_column], strong) if not ok]
    return {
        "Table": name,
        "Rows": len(frame),
        "Rows with a tier A or B source": sum(strong),
        "Share (%)": _share(sum(strong), len(frame)),
        "Weakly sourced rows": len(weak_ids),
        # Listed for the tables a caregiver reads; the careers tables are counted only.
        "Weakly sourced ids": "; ".join(weak_ids) if name in CAREGIVER_TABLES else "",
    }


def coverage(frames: dict[str, pd.DataFrame], sources: pd.DataFrame) -> pd.DataFrame:
    """One row per table that cites sources: its rows, how many cite a tier A or B source, and
    which do not ('weakly sourced'). The caregiver-facing tables come first, then their
    total, then the other tables."""
    caregiver = [_coverage_row(n, frames[n], sources) for n in CAREGIVER_TABLES if n in frames]
    others = [
        _coverage_row(n, f, sources)
        for n, f in frames.items()
        if n not in CAREGIVER_TABLES and n in TABLES and source_columns(n)
    ]
    rows = caregiver
    if caregiver:
        n_rows = sum(r["Rows"] for r in caregiver)
        n_strong = sum(r["Rows with a tier A or B source"] for r in caregiver)
        rows = caregiver + [
            {
                "Table": CAREGIVER_TOTAL,
                "Rows": n_rows,
                "Rows with a tier A or B source": n_strong,
                "Share (%)": _share(n_strong, n_rows),
                "Weakly sourced rows": n_rows - n_strong,
                "Weakly sourced ids": "",
            }
        ]
    return pd.DataFrame(rows + others, columns=COVERAGE_COLUMNS)


def cited_by(frames: dict[str, pd.DataFrame], names) -> set[str]:
    """Every source id the given tables cite."""
    return {
        source_id
        for name in names
        if name in frames
        for column in source_columns(name)
        for cell in frames[name][column]
        for source_id in split_list(cell)
    }


def source_figures(sources: pd.DataFrame, frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Sources per tier, how many are undated (overall and among those behind caregiver-facing
    rows), and how many dates say what they are (published, updated, reviewed)."""
    total = len(sources)
    rows = [{"Figure": N_("All sources"), "Sources": total, "Share (%)": 100.0 if total else 0.0}]
    for tier in TIERS:
        n = int((sources["tier"] == tier).sum())
        rows.append({"Figure": f"Tier {tier}", "Sources": n, "Share (%)": _share(n, total)})
    undated = sources["as_of"] == "undated"
    rows.append(
        {"Figure": N_("Undated"), "Sources": int(undated.sum()), "Share (%)": _share(int(undated.sum()), total)}
    )
    clinical = sources["source_id"].isin(cited_by(frames, CAREGIVER_TABLES))
    n_clinical = int(clinical.sum())
    n_clinical_undated = int((clinical & undated).sum())
    rows.append(
        {"Figure": N_("Behind caregiver-facing rows"), "Sources": n_clinical, "Share (%)": _share(n_clinical, total)}
    )
    rows.append(
        {
            "Figure": N_("Behind caregiver-facing rows, undated"),
            "Sources": n_clinical_undated,
            "Share (%)": _share(n_clinical_undated, n_clinical),
        }
    )
    if "date_kind" in sources:
        kinds = int((sources["date_kind"].fillna("") != "").sum())
        rows.append(
            {
                "Figure": N_("Date says what it is (published, updated, reviewed, accessed)"),
                "Sources": kinds,
                "Share (%)": _share(kinds, total),
            }
        )
    return pd.DataFrame(rows, columns=SOURCE_COLUMNS)


def strong_share(frames: dict[str, pd.DataFrame], sources: pd.DataFrame) -> float:
    """Share (%) of the caregiver-facing rows that cite a tier A or B source."""
    table = coverage({n: f for n, f in frames.items() if n in CAREGIVER_TABLES}, sources)
    total = table[table["Table"] == CAREGIVER_TOTAL]
    return float(total["Share (%)"].iloc[0]) if not total.empty else 0.0


def _markdown_table(frame: pd.DataFrame) -> str:
    def cell(value) -> str:
        text = f"{value:g}" if isinstance(value, float) else str(value)
        return text.replace("|", "\\|")

    lines = ["| " + " | ".join(frame.columns) + " |", "|" + "---|" * len(frame.columns)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join(lines)


def report_markdown(frames: dict[str, pd.DataFrame], sources: pd.DataFrame) -> str:
    """The report as Markdown: a sentence, the table coverage and the source figures."""
    table = coverage(frames, sources)
    figures = source_figures(sources, frames)
    share = strong_share(frames, sources)
    undated = figures.loc[figures["Figure"] == "Undated", "Share (%)"].iloc[0]
    tiers = " or ".join(STRONG_TIERS)
    return "\n".join(
        [
            f"{share:g}% of the rows in the caregiver-facing tables cite a tier {tiers} source; "
            f"{undated:g}% of all {len(sources)} sources are undated.",
            "",
            "Rows that cite a tier A or B source, by table:",
            "",
            _markdown_table(table),
            "",
            "Sources by tier and date:",
            "",
            _markdown_table(figures),
        ]
    )


def replace_report(readme: str, report: str) -> str:
    """readme with the text between the report markers replaced by report (markers added
    at the end, under a heading, when missing)."""
    block = f"{README_START}\n{report}\n{README_END}"
    if README_START in readme and README_END in readme:
        head, rest = readme.split(README_START, 1)
        _, tail = rest.split(README_END, 1)
        return head + block + tail
    return readme.rstrip("\n") + "\n\n## Data quality\n\n" + block + "\n"


def link_problems(sources: pd.DataFrame, copy_domains: dict[str, str]) -> pd.DataFrame:
    """Every source row that breaks a clean-link rule (the loader stops at the first one):
    its id, URL and the problem. sources may be unvalidated (read as plain text)."""
    from components.urls import host_of, normalise_url, on_domain, url_problem

    rows, first = [], {}
    for source_id, url, tier in zip(sources["source_id"], sources["url"], sources["tier"]):
        url = str(url).strip()
        problem = url_problem(url)
        if problem:
            rows.append({"Id": source_id, "URL": url, "Problem": problem})
        page = normalise_url(url)
        if page in first:
            rows.append({"Id": source_id, "URL": url, "Problem": f"the same page as {first[page]}"})
        first.setdefault(page, source_id)
        domain = next((d for d in copy_domains if on_domain(host_of(url), d)), None)
        if domain and tier != "C":
            rows.append(
                {"Id": source_id, "URL": url, "Problem": f"tier {tier} on the copy site {domain}; only C is allowed"}
            )
    return pd.DataFrame(rows, columns=["Id", "URL", "Problem"])
