"""The loader rules the careers tables need, each through parse_table:
number bounds, unique column groups, and one column determining another."""

from __future__ import annotations

import pytest

from components.loader import DataError, parse_table
from components.schema import Column, TableSchema

FIGURES = TableSchema(
    name="figures",
    file="figures.csv",
    id_column="figure_id",
    columns=(
        Column("figure_id", "id", pattern=r"F\d"),
        Column("measure"),
        Column("unit"),
        Column("period", required=False),
        Column("value", "number", minimum=0, maximum=100),
        Column("rank", "int", required=False, minimum=1),
    ),
    unique_together=(("measure", "period"),),
    determines=(("measure", "unit"),),
)
LABEL = "data/figures.csv"
HEADER = "figure_id,measure,unit,period,value,rank"


def parse(*rows: str):
    return parse_table(FIGURES, ("\n".join((HEADER, *rows)) + "\n").encode(), LABEL)


def where(err: DataError) -> tuple:
    return err.file, err.line, err.column


def test_valid_rows_pass_and_bounds_are_inclusive():
    frame = parse("F1,share,percent,2023,0,1", "F2,share,percent,2024,100,", "F3,pay,USD,2023,55.5,2")
    assert list(frame["value"]) == [0, 100, 55.5]


@pytest.mark.parametrize(
    "row, column, words",
    [
        ("F1,share,percent,2023,-0.5,", "value", "below the smallest allowed value, 0"),
        ("F1,share,percent,2023,100.01,", "value", "above the largest allowed value, 100"),
        ("F1,share,percent,2023,5,0", "rank", "below the smallest allowed value, 1"),
    ],
)
def test_numbers_outside_their_bounds_are_refused(row, column, words):
    with pytest.raises(DataError) as info:
        parse(row)
    assert where(info.value) == (LABEL, 2, column)
    assert words in str(info.value)


def test_a_repeated_column_group_names_both_lines():
    with pytest.raises(DataError) as info:
        parse("F1,share,percent,2023,5,", "F2,pay,USD,2023,6,", "F3,share,percent,2023,7,")
    assert where(info.value) == (LABEL, 4, "measure")
    assert "share / 2023" in str(info.value) and "line 2" in str(info.value)


def test_rows_with_an_empty_cell_in_the_group_are_not_compared():
    frame = parse("F1,share,percent,,5,", "F2,share,percent,,6,")
    assert len(frame) == 2


def test_a_column_that_determines_another_must_agree_on_every_row():
    with pytest.raises(DataError) as info:
        parse("F1,share,percent,2023,5,", "F2,share,percent of jobs,2024,6,")
    assert where(info.value) == (LABEL, 3, "unit")
    message = str(info.value)
    assert "'percent of jobs' differs from 'percent' on line 2" in message
    assert "measure 'share'" in message
