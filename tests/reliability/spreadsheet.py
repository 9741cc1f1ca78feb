"""LibreOffice headless as the real spreadsheet program: open a CSV the way a user's
spreadsheet does (formulas evaluated) and report every cell of the result.

Debian's `libreoffice-calc-nogui` provides `soffice`; .ci/run installs it. Without it the
tests that need it are skipped locally with a printed reason, and fail in CI (CI=true).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.reliability.helpers import in_ci

TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
# CSV import options: comma, double quote, UTF-8, from line 1, standard cells, en-US,
# quoted fields not forced to text, detect special numbers, ..., and token 13 "evaluate
# formulas" = true: what a user who opens the file gets, made explicit.
CSV_IMPORT = "CSV:44,34,76,1,,1033,false,true,false,false,false,-1,true"


def soffice() -> str:
    """Path of soffice, or skip (locally) / fail (CI) with the reason printed."""
    found = os.environ.get("SOFFICE_PATH") or shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    reason = (
        "LibreOffice not found: install Debian's package with "
        "'apt-get install -y libreoffice-calc-nogui' (or set SOFFICE_PATH)"
    )
    if in_ci():
        pytest.fail(f"CI=true but {reason}; .ci/run must install it")
    print(f"\n*** spreadsheet check skipped: {reason} ***")
    pytest.skip(reason)


@dataclass(frozen=True)
class Cell:
    text: str
    value_type: str | None
    formula: str | None


def open_in_spreadsheet(csv_path: Path, workdir: Path) -> list[list[Cell]]:
    """Convert csv_path with LibreOffice to flat ODS (.fods) and return its rows of cells."""
    out = workdir / "converted"
    profile = workdir / "lo-profile"  # a private profile: no state shared between runs
    result = subprocess.run(
        [
            soffice(),
            "--headless",
            "--norestore",
            "--nolockcheck",
            f"-env:UserInstallation={profile.as_uri()}",
            f"--infilter={CSV_IMPORT}",
            "--convert-to",
            "fods",
            "--outdir",
            str(out),
            str(csv_path),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    converted = out / (csv_path.stem + ".fods")
    assert converted.exists(), f"LibreOffice did not convert the file:\n{result.stdout}\n{result.stderr}"
    return read_fods(converted)


def read_fods(path: Path) -> list[list[Cell]]:
    rows = []
    for row in ET.parse(path).getroot().iter(f"{{{TABLE_NS}}}table-row"):
        cells = []
        for cell in row.iter(f"{{{TABLE_NS}}}table-cell"):
            text = "\n".join("".join(p.itertext()) for p in cell.iter(f"{{{TEXT_NS}}}p"))
            repeat = int(cell.get(f"{{{TABLE_NS}}}number-columns-repeated", "1"))
            item = Cell(text, cell.get(f"{{{OFFICE_NS}}}value-type"), cell.get(f"{{{TABLE_NS}}}formula"))
            cells.extend([item] * min(repeat, 64))
        while cells and not cells[-1].text and cells[-1].formula is None:
            cells.pop()
        if cells:
            rows.append(cells)
    return rows


def formulas(rows: list[list[Cell]]) -> list[str]:
    return [c.formula for row in rows for c in row if c.formula is not None]
