"""The downloaded file in a real spreadsheet: a server over a copy of data/ whose
cells start like formulas; the CSV the browser downloads from the page, opened by
LibreOffice with formula evaluation on, has no formula in any cell, and every hostile
value arrives as text."""

from __future__ import annotations

import csv
import shutil

import pytest

from bench.servers import StreamlitServer
from tests.conftest import ROOT
from tests.reliability.helpers import open_app
from tests.reliability.spreadsheet import formulas, open_in_spreadsheet, soffice

pytestmark = pytest.mark.e2e

# The loader strips spaces, tabs and line breaks around a cell, so data cells cannot start
# with them; the unit-level check (tests/reliability/test_spreadsheet.py) covers those.
HOSTILE = {
    "Serious mental illness": ("lead_note", '=HYPERLINK("http://example.invalid","click")'),
    "Low vision (reduced eyesight)": ("lead_note", "+cmd|' /C calc'!A0"),
    "Spinal cord injury": ("lead_note", "-2+3"),
}
BODY_SYSTEM = "@SUM(1,2)"


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    data = tmp_path_factory.mktemp("hostile-cells") / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / "populations.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        if row["population"] in HOSTILE:
            column, value = HOSTILE[row["population"]]
            row[column] = value
            row["body_system"] = BODY_SYSTEM
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    srv = StreamlitServer(data_dir=str(data))
    try:
        srv.wait_healthy()
        yield srv
    finally:
        srv.stop()


def test_downloaded_csv_has_no_formula_in_libreoffice(browser, hostile_server, tmp_path):
    soffice()  # skip locally / fail in CI before starting the browser work
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    query = "&".join(f"population={name.replace(' ', '+').replace('(', '%28').replace(')', '%29')}" for name in HOSTILE)
    open_app(page, hostile_server.url, f"populations?{query}")
    with page.expect_download() as info:
        page.locator(".st-key-download_populations button").click()
    downloaded = tmp_path / "download.csv"
    shutil.copy(info.value.path(), downloaded)
    context.close()

    text = downloaded.read_text(encoding="utf-8")
    for _, value in HOSTILE.values():
        assert value.replace('"', '""') in text, "the hostile cell is in the download"

    rows = open_in_spreadsheet(downloaded, tmp_path)
    assert formulas(rows) == []
    cells = [cell.text for row in rows for cell in row]
    for _, value in [*HOSTILE.values(), ("body_system", BODY_SYSTEM)]:
        assert "'" + value in cells, f"{value!r} is not a text cell of the spreadsheet"
