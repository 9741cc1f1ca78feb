"""tools/import_careers.py: the 'doubtful' flag follows the reference's own verdict on a row,
not any mention of the word 'suspect' in its note."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from components.loader import load_table

_SPEC = importlib.util.spec_from_file_location(
    "import_careers", Path(__file__).resolve().parents[2] / "tools" / "import_careers.py"
)
import_careers = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(import_careers)


@pytest.mark.parametrize(
    "note, period, expected",
    [
        # The reference's verdict on this row, as a clause of its own: doubtful.
        ("suspect value; conflicts with $96,790", "May 2023", "doubtful"),
        ("U.S. row; suspect (below BLS median $96,370)", "May 2023", "doubtful"),
        ("Suspect: below the May 2023 median ($96,370). Prefer healthjob.org value", "May 2023", "doubtful"),
        # The label of the period is what the reference doubts.
        ("", "labeled 'BLS OEWS 2024' (employment equals CareerOneStop 2023 figure - label doubtful)", "doubtful"),
        # Row Y026: the note prefers this figure over another that it calls suspect, in brackets.
        # A word match on "suspect" flagged it; the figure the reference prefers is not doubtful.
        ("preferred over healthguideusa $93,491 (below median; suspect)", "not stated (consistent with May 2023)", ""),
        ("verbatim copy of a BLS page", "May 2021", ""),
    ],
)
def test_flag_follows_the_reference_verdict_on_the_row(note, period, expected):
    assert import_careers.flag_for(note, period) == expected


def test_clauses_split_outside_brackets_only():
    assert import_careers.top_level_clauses("a (b; c); D") == ["a (b; c)", "d"]


def test_row_y026_in_the_data_is_not_flagged_and_the_figure_it_was_preferred_over_is():
    trends = load_table("workforce_trends").set_index("point_id")
    assert trends.loc["Y026", "flag"] == ""
    assert trends.loc["Y027", "flag"] == "doubtful"
