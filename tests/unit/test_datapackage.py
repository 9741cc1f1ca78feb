"""The fact base ZIP's datapackage.json (components/datapackage.py): a valid Frictionless
Data Package generated from the schema, whose fields match the CSV headers, and whose
constraints and foreign keys catch broken data (a validator run on tampered copies). The
Spanish text (data/es/) is in the package too, each table a resource keyed to its English one."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from frictionless import validate

from components import datapackage as dp
from components.factbase import ZIP_ROOT, fact_base_zip
from components.loader import load_table, split_list
from components.schema import TABLES
from components.translation import key_column, translatable_columns, translations_for_zip

ROOT = Path(__file__).resolve().parents[2]


def unpack(data: bytes, where: Path) -> Path:
    """The ZIP unpacked into `where`; returns the package's datapackage.json."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        archive.extractall(where)
    return where / ZIP_ROOT / "datapackage.json"


def problems(report) -> list[str]:
    """What a frictionless report found, one line each (for assertion messages)."""
    lines = [f"package: {e.type}: {e.note}" for e in report.errors]
    for task in report.tasks:
        lines += [f"{task.name}: {e.type}: {e.note}" for e in task.errors]
    return lines


def error_types(report) -> set[str]:
    return {e.type for e in report.errors} | {e.type for task in report.tasks for e in task.errors}


@pytest.fixture(scope="module")
def real_frames() -> dict[str, pd.DataFrame]:
    return {name: load_table(name) for name in TABLES}


@pytest.fixture(scope="module")
def real_spanish(real_frames) -> dict[str, pd.DataFrame]:
    tables, problems = translations_for_zip(real_frames, ROOT / "data", "es")
    assert not problems
    return tables


@pytest.fixture(scope="module")
def real_package(real_frames, real_spanish, tmp_path_factory) -> Path:
    readme = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    zipped = fact_base_zip(real_frames, readme, translations={"es": real_spanish})
    return unpack(zipped, tmp_path_factory.mktemp("zip"))


def read_csv_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_the_real_fact_base_zip_is_a_valid_data_package(real_package):
    report = validate(real_package)
    assert report.valid, "\n".join(problems(report)[:20])
    # Every resource was read, the link tables included (foreign keys were checked).
    names = {task.name for task in report.tasks}
    assert set(TABLES) <= names
    assert "populations__source_ids" in names
    # Every Spanish table on disk was read and checked against its English table.
    spanish = {p.stem for p in (ROOT / "data" / "es").glob("*.csv")}
    assert spanish and {f"{name}-es" for name in spanish} <= names


def test_every_schema_field_matches_its_csv_header(real_package):
    package = json.loads(real_package.read_text(encoding="utf-8"))
    base = real_package.parent
    resources = {r["name"]: r for r in package["resources"]}
    for name, table in TABLES.items():
        assert [f["name"] for f in resources[name]["schema"]["fields"]] == list(table.column_names), name
    for resource in package["resources"]:
        header = read_csv_rows(base / resource["path"])[0]
        assert header == [f["name"] for f in resource["schema"]["fields"]], resource["name"]
    # And every CSV in the ZIP is a resource.
    on_disk = {p.relative_to(base).as_posix() for p in base.rglob("*.csv")}
    assert on_disk == {r["path"] for r in package["resources"]}


def test_the_descriptor_says_what_the_schema_says(real_frames):
    package = dp.descriptor(real_frames)
    resources = {r["name"]: r for r in package["resources"]}
    for name, table in TABLES.items():
        schema = resources[name]["schema"]
        assert schema["primaryKey"] == [table.id_column]
        fields = {f["name"]: f for f in schema["fields"]}
        for column in table.columns:
            constraints = fields[column.name].get("constraints", {})
            assert constraints.get("required", False) == (column.required or column.name == table.id_column)
            if column.kind == "choice":
                assert constraints["enum"] == list(column.allowed)
            if column.kind in ("id", "as_of", "codes", "refs", "choices", "list"):
                assert "pattern" in constraints, (name, column.name)
            if column.kind in ("int", "number"):
                assert fields[column.name]["type"] == ("integer" if column.kind == "int" else "number")
            if column.kind == "refs":
                link = resources[f"{name}__{column.name}"]["schema"]
                targets = {fk["reference"]["resource"] for fk in link["foreignKeys"]}
                assert targets == {name, column.ref_table}
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert len(package["sources"]) == len(real_frames["sources"])
    # A resource lists exactly the sources its rows cite.
    cited = {s for cell in real_frames["goals"]["source_ids"] for s in split_list(cell)}
    assert {s["title"].split(":")[0] for s in resources["goals"]["sources"]} == cited


def test_the_spanish_tables_are_described_as_the_spanish_text_of_their_english_tables(real_frames, real_spanish):
    package = dp.descriptor(real_frames, {"es": real_spanish})
    resources = {r["name"]: r for r in package["resources"]}
    assert "data/es/" in package["description"]
    for name, frame in real_spanish.items():
        table = TABLES[name]
        resource = resources[f"{name}-es"]
        key = key_column(table)
        assert resource["path"] == f"data/es/{table.file}"
        assert "Spanish" in resource["title"] and table.file in resource["title"]
        assert resource["description"].startswith(f"The Spanish text of {table.file}")
        schema = resource["schema"]
        assert schema["primaryKey"] == [key]
        assert schema["foreignKeys"] == [{"fields": [key], "reference": {"resource": name, "fields": [key]}}]
        fields = {f["name"]: f for f in schema["fields"]}
        assert list(fields) == list(frame.columns) and list(fields)[0] == key
        assert fields[key]["constraints"]["required"] and fields[key]["constraints"]["unique"]
        for column in list(fields)[1:]:
            assert column in translatable_columns(table)
            assert fields[column]["type"] == "string"
            # Required where the English column is: the loader asks for text wherever English has some.
            assert fields[column].get("constraints", {}).get("required", False) == table.column(column).required


def test_a_link_table_has_one_row_per_reference(real_frames):
    frame = real_frames["populations"]
    links = dp.link_tables({"populations": frame, "sources": real_frames["sources"]})["populations__source_ids"]
    assert list(links.columns) == ["population_id", "source_id"]
    assert len(links) == sum(len(split_list(cell)) for cell in frame["source_ids"])
    first = frame.iloc[0]
    assert links[links["population_id"] == first["population_id"]]["source_id"].tolist() == split_list(
        first["source_ids"]
    )


def test_patterns_read_alike_in_both_dialects():
    """An alternation is anchored as a whole (frictionless wraps patterns in ^...$)."""
    pattern = dp.portable_pattern(r"[0-9]{5}|[A-Z][0-9]{4}")
    assert "(?:" not in dp.portable_pattern(r"(?:a|b)c")
    assert re.match(f"^{pattern}$", "97110") and re.match(f"^{pattern}$", "G0283")
    assert not re.match(f"^{pattern}$", "97110x") and not re.match(f"^{pattern}$", "xG0283")


# --- Broken packages must fail --------------------------------------------------------------


@pytest.fixture
def small_package(real_frames, real_spanish, tmp_path) -> Path:
    """A ZIP of two real tables (sources and dimensions) and the Spanish text of dimensions,
    unpacked: fast to validate."""
    frames = {"sources": real_frames["sources"], "dimensions": real_frames["dimensions"]}
    spanish = {"dimensions": real_spanish["dimensions"]}
    return unpack(fact_base_zip(frames, "# readme", translations={"es": spanish}), tmp_path)


def edit_csv(path: Path, change) -> None:
    rows = read_csv_rows(path)
    change(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows(rows)


def test_the_small_package_is_valid(small_package):
    report = validate(small_package)
    assert report.valid, "\n".join(problems(report)[:20])


def test_a_reference_to_a_missing_source_fails_validation(small_package):
    links = small_package.parent / "data" / "links" / "dimensions__source_ids.csv"
    edit_csv(links, lambda rows: rows.__setitem__(1, [rows[1][0], "ZZ999"]))
    report = validate(small_package)
    assert not report.valid
    assert "foreign-key" in error_types(report), problems(report)


def test_a_source_removed_from_sources_fails_validation(small_package):
    links = read_csv_rows(small_package.parent / "data" / "links" / "dimensions__source_ids.csv")
    cited = links[1][1]
    edit_csv(
        small_package.parent / "data" / "sources.csv", lambda rows: rows.remove(next(r for r in rows if r[0] == cited))
    )
    report = validate(small_package)
    assert "foreign-key" in error_types(report), problems(report)


def test_a_value_outside_the_schema_fails_validation(small_package):
    """A tier that is not A, B or C; an id of the wrong form; a repeated id."""

    def spoil(rows):
        header = rows[0]
        rows[1][header.index("tier")] = "D"
        rows[2][header.index("source_id")] = "not-an-id"
        rows[4][0] = rows[3][0]

    edit_csv(small_package.parent / "data" / "sources.csv", spoil)
    report = validate(small_package)
    assert {"constraint-error", "primary-key"} <= error_types(report), problems(report)
    notes = " ".join(problems(report))
    assert '"enum"' in notes and '"pattern"' in notes


def test_a_spanish_row_for_an_id_the_english_table_lacks_fails_validation(small_package):
    spanish = small_package.parent / "data" / "es" / "dimensions.csv"
    edit_csv(spanish, lambda rows: rows[1].__setitem__(0, "no-such-row"))
    report = validate(small_package)
    assert not report.valid
    assert "foreign-key" in error_types(report), problems(report)
    assert any(task.name == "dimensions-es" and task.errors for task in report.tasks)


def test_an_empty_spanish_cell_where_the_column_is_required_fails_validation(small_package):
    spanish = small_package.parent / "data" / "es" / "dimensions.csv"

    def spoil(rows):
        rows[1][rows[0].index("summary")] = ""
        rows[3][0] = rows[2][0]  # a row translated twice

    edit_csv(spanish, spoil)
    report = validate(small_package)
    assert {"constraint-error", "primary-key"} <= error_types(report), problems(report)
    assert '"required"' in " ".join(problems(report))
