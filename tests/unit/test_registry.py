"""app_pages/registry.py: the one page list is well formed (dashboard.py, the tests and the
benchmark all read it)."""

from __future__ import annotations

from app_pages.registry import BY_NAME, PAGES


def test_one_default_page_listed_first_at_the_root():
    assert [p.default for p in PAGES].count(True) == 1
    assert PAGES[0].default and PAGES[0].url_path == ""


def test_every_other_page_has_its_own_url_path():
    paths = [p.url_path for p in PAGES[1:]]
    assert all(paths) and len(set(paths)) == len(paths)
    assert all("/" not in path and path == path.lower() for path in paths)


def test_every_page_script_exists_and_is_listed_once():
    assert all(p.path.is_file() and p.file.startswith("app_pages/") for p in PAGES)
    assert len(BY_NAME) == len(PAGES)


def test_the_pages_of_a_section_are_listed_together():
    """st.navigation lists sections in the order they first appear."""
    sections = [p.section for p in PAGES]
    runs = [s for i, s in enumerate(sections) if i == 0 or sections[i - 1] != s]
    assert len(runs) == len(set(runs))


def test_titles_and_icons_are_set():
    assert all(p.title and p.icon.startswith(":material/") for p in PAGES)
    assert len({p.title for p in PAGES}) == len(PAGES)
