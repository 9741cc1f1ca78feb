"""The app's pages, in navigation order: the one list that dashboard.py builds its
st.navigation from, and that the tests and the benchmark read.

url_path, title and icon are part of what visitors see and share (links, bookmarks):
change them only on purpose. The default page has no url_path: it is the site's root.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from components.i18n import N_

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class PageEntry:
    section: str  # the sidebar heading the page is listed under
    file: str  # the page script, relative to the project root (as st.Page takes it)
    title: str
    icon: str
    url_path: str = ""  # "" only for the default page, as in the browser's address
    default: bool = False

    @property
    def path(self) -> Path:
        return ROOT / self.file

    @property
    def name(self) -> str:
        """The script's stem, e.g. "compare": how the tests name a page."""
        return self.path.stem


PAGES: tuple[PageEntry, ...] = (
    PageEntry(
        N_("Find the right therapy"),
        "app_pages/decide.py",
        N_("Which therapy could help?"),
        ":material/signpost:",
        default=True,
    ),
    PageEntry(
        N_("Compare the two professions"),
        "app_pages/compare.py",
        N_("OT and PT side by side"),
        ":material/view_column:",
        "compare",
    ),
    PageEntry(
        N_("Compare the two professions"),
        "app_pages/populations.py",
        N_("Patients and conditions"),
        ":material/groups:",
        "populations",
    ),
    PageEntry(
        N_("Compare the two professions"),
        "app_pages/interventions.py",
        N_("Treatments"),
        ":material/healing:",
        "interventions",
    ),
    PageEntry(
        N_("Careers"),
        "app_pages/careers.py",
        N_("Training, pay and jobs"),
        ":material/school:",
        "careers",
    ),
    PageEntry(N_("Careers"), "app_pages/where.py", N_("Jobs by state"), ":material/map:", "where"),
    PageEntry(N_("Careers"), "app_pages/work.py", N_("The work itself"), ":material/work:", "work"),
    PageEntry(
        N_("About the data"), "app_pages/sources.py", N_("Sources and open data"), ":material/menu_book:", "sources"
    ),
)

BY_NAME: dict[str, PageEntry] = {page.name: page for page in PAGES}


def navigation_pages(translate: Callable[[str], str] = str) -> dict[str, list]:
    """Sections of the sidebar, each a list of st.Page, for st.navigation; section names and
    titles shown through `translate` (the `_` of the chosen language)."""
    import streamlit as st

    sections: dict[str, list] = {}
    for page in PAGES:
        extra = {"url_path": page.url_path} if page.url_path else {}
        sections.setdefault(translate(page.section), []).append(
            st.Page(page.file, title=translate(page.title), icon=page.icon, default=page.default, **extra)
        )
    return sections
