"""How strongly each row of the caregiver-facing tables is sourced.

Pure pandas, no Streamlit. A row is strongly sourced when it cites at least one tier A or
B source (official or primary; health system or university). A row that cites only tier C
sources stays, but carries the mark "weakly sourced" on screen and in its CSV download.
"""

from __future__ import annotations

import pandas as pd

from components.loader import split_list

STRONG_TIERS = ("A", "B")
WEAK = "weakly sourced"
SOURCING_COLUMN = "sourcing"
SOURCING_LABEL = "Sourcing"
# The tables the decision aid and the clinical pages show, and the columns holding their sources.
CAREGIVER_TABLES: dict[str, tuple[str, ...]] = {
    "dimensions": ("source_ids",),
    "populations": ("source_ids",),
    "interventions": ("source_ids",),
    "goals": ("source_ids",),
    "access": ("source_ids",),
    "conflicts": ("side_a_source_ids", "side_b_source_ids"),
}


def tier_of(sources: pd.DataFrame) -> dict[str, str]:
    return dict(zip(sources["source_id"].tolist(), sources["tier"].tolist()))


def cites_strong(cells, tiers: dict[str, str]) -> bool:
    """True when any id in the given source_ids cells is tier A or B."""
    return any(tiers.get(source_id) in STRONG_TIERS for cell in cells for source_id in split_list(cell))


def strong_rows(frame: pd.DataFrame, sources: pd.DataFrame, columns: tuple[str, ...] = ("source_ids",)) -> list[bool]:
    """For each row of frame: does it cite at least one tier A or B source?"""
    tiers = tier_of(sources)
    return [cites_strong(cells, tiers) for cells in zip(*(frame[c].tolist() for c in columns))]


def with_sourcing(
    frame: pd.DataFrame, sources: pd.DataFrame, columns: tuple[str, ...] = ("source_ids",)
) -> pd.DataFrame:
    """frame plus a 'sourcing' column: 'weakly sourced' where no source is tier A or B, else ''."""
    out = frame.copy()
    out[SOURCING_COLUMN] = (
        ["" if strong else WEAK for strong in strong_rows(frame, sources, columns)] if len(frame) else []
    )
    return out


def sourcing_of(row) -> str:
    """The row's mark ('' or 'weakly sourced'); '' when the frame was not marked."""
    return getattr(row, SOURCING_COLUMN, "") or ""


def with_sourcing_label(columns: dict[str, str], frame: pd.DataFrame) -> dict[str, str]:
    """A table view's {column: label} plus the 'Sourcing' column when frame carries one."""
    return {**columns, SOURCING_COLUMN: SOURCING_LABEL} if SOURCING_COLUMN in frame else columns


def mark(cells, tiers: dict[str, str]) -> str:
    """'weakly sourced' when none of the ids in the cell (or cells) is tier A or B, else ''."""
    if isinstance(cells, str):
        cells = (cells,)
    return "" if cites_strong(cells, tiers) else WEAK
