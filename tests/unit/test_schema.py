"""Unit tests for components/schema.py: a column or table that cannot be checked is refused when it is made."""

from __future__ import annotations

import pytest

from components import schema
from components.schema import KINDS, TABLES, Column, TableSchema, build_registry


def test_a_misspelt_kind_is_refused():
    # An unknown kind used to skip every check: this column accepted 'ZZZ'.
    with pytest.raises(ValueError, match="unknown kind 'choise'"):
        Column("tier", "choise", allowed=("A", "B"))


@pytest.mark.parametrize(
    ("kind", "missing"),
    [("choice", "allowed"), ("choices", "allowed"), ("id", "pattern"), ("codes", "pattern"), ("refs", "ref_table")],
)
def test_a_kind_without_what_it_needs_is_refused(kind, missing):
    with pytest.raises(ValueError, match=f"a '{kind}' column needs {missing}"):
        Column("x", kind)


@pytest.mark.parametrize(
    ("kind", "extra"),
    [
        ("text", {"allowed": ("A",)}),
        ("list", {"pattern": r"\d"}),
        ("choice", {"allowed": ("A",), "ref_table": "sources"}),
        ("text", {"minimum": 0}),
        ("as_of", {"maximum": 1}),
    ],
)
def test_an_attribute_the_kind_never_reads_is_refused(kind, extra):
    with pytest.raises(ValueError, match="is only read for"):
        Column("x", kind, **extra)


def test_other_self_checks():
    with pytest.raises(ValueError, match="distinct"):
        Column("x", "choice", allowed=("A", "A"))
    with pytest.raises(ValueError, match="above maximum"):
        Column("x", "int", minimum=5, maximum=1)
    with pytest.raises(Exception, match="unterminated|missing"):
        Column("x", "id", pattern="[A-Z")


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_can_be_made_with_what_it_needs(kind):
    needs = {"choice": {"allowed": ("A",)}, "choices": {"allowed": ("A",)}, "id": {"pattern": "A"}}
    needs |= {"codes": {"pattern": "A"}, "refs": {"ref_table": "sources"}}
    assert Column("x", kind, **needs.get(kind, {})).kind == kind


def test_a_table_whose_rules_name_a_missing_column_is_refused():
    columns = (Column("id", "id", pattern="A"), Column("a"))
    with pytest.raises(ValueError, match="'b', which is not one of its columns"):
        TableSchema("t", "t.csv", "id", columns, unique_together=(("a", "b"),))
    with pytest.raises(ValueError, match="'row_id'"):
        TableSchema("t", "t.csv", "row_id", columns)
    with pytest.raises(ValueError, match="appears twice"):
        TableSchema("t", "t.csv", "id", (*columns, Column("a")))


def test_the_registry_refuses_a_reference_to_an_unknown_table_and_a_name_used_twice():
    cites = TableSchema("t", "t.csv", "id", (Column("id", "id", pattern="A"), Column("r", "refs", ref_table="nope")))
    with pytest.raises(ValueError, match="no table named 'nope'"):
        build_registry(schema.COPY_DOMAINS, cites)
    with pytest.raises(ValueError, match="share a name"):
        build_registry(schema.COPY_DOMAINS, schema.COPY_DOMAINS)


def test_every_table_is_registered_once_under_its_name():
    assert all(name == table.name for name, table in TABLES.items())
    assert len({t.file for t in TABLES.values()}) == len(TABLES)
    assert set(schema.SCHOOL_TABLES) <= set(TABLES.values())
