"""Shared helpers for the reliability tests: which data tables each page needs, the URL
keys a page binds, copies of data/ with one file broken, and a fingerprint of data/ to prove
that nothing writes to it.

Everything is derived from the code (the page registry app_pages/registry.py, the TABLES
registry, the pages themselves), so pages and tables added later are covered without edits.
"""

from __future__ import annotations

import ast
import hashlib
import os
import shutil
from pathlib import Path

from app_pages.registry import PageEntry
from components.loader import tables_read_for
from components.schema import TABLES

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"


def _literal(node: ast.AST | None, default=None):
    try:
        return ast.literal_eval(node) if node is not None else default
    except ValueError:
        return default


def refs_closure(names: set[str]) -> set[str]:
    """names plus every table the loader reads to validate them (refs, the copy-domain list)."""
    return {table for name in names if name in TABLES for table in tables_read_for(name)}


def bound_widget_keys(page: PageEntry) -> tuple[str, ...]:
    """Keys of the widgets on a page that are bound to URL query parameters."""
    keys = []
    for node in ast.walk(ast.parse(page.path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            kwargs = {k.arg: k.value for k in node.keywords}
            if _literal(kwargs.get("bind")) == "query-params":
                key = _literal(kwargs.get("key"))
                if isinstance(key, str):
                    keys.append(key)
    return tuple(keys)


def copy_data(target_parent: Path) -> Path:
    """A copy of data/ named "data" (so messages read "data/<file>") under target_parent."""
    target = target_parent / "data"
    shutil.copytree(DATA, target)
    return target


def fingerprint(folder: Path) -> dict[str, str]:
    """sha256 of every file under folder, by relative path (also catches new files)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def in_ci() -> bool:
    return os.environ.get("CI") == "true"


def settle(page, timeout_ms: int = 60_000) -> None:
    """Like tests/e2e/conftest.py's wait_for_app, with room for a loaded CI machine: the
    app connected, its script run finished and no skeleton placeholder left."""
    from playwright.sync_api import expect

    page.wait_for_selector("[data-testid='stApp'][data-test-connection-state='CONNECTED']", timeout=timeout_ms)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout_ms)
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=timeout_ms)


def open_app(page, base_url: str, path: str, timeout_ms: int = 60_000) -> None:
    page.goto(f"{base_url}/{path}", timeout=timeout_ms)
    settle(page, timeout_ms)
