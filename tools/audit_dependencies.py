"""Audit the locked dependencies (uv.lock: every group, every platform) for known vulnerabilities.

Runs pip-audit against each vulnerability source in turn (PyPI's JSON API, then OSV) and
uses the first one that can actually audit the packages. Exit status:
  0  no known vulnerability, or no source reachable (then it says so, loudly: the audit
     did NOT run, and why), so that CI without that network access still passes;
  1  a known vulnerability in a pinned package (listed, with the fixed versions).

A source "reachable" but answering nothing useful counts as unreachable: pip-audit itself
exits 0 when every lookup fails ("Dependency not found on PyPI and could not be
audited"), which would otherwise read as a clean audit.

Usage: python tools/audit_dependencies.py [uv.lock | requirements.txt]
A uv.lock is read directly (no uv needed): each package it pins from a registry becomes one
`name==version` line for pip-audit.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVICES = ("pypi", "osv")


def pins_from_uv_lock(lock_text: str) -> list[str]:
    """`name==version` for every package uv.lock takes from a registry (the project itself,
    which has no registry source, is not a dependency)."""
    lock = tomllib.loads(lock_text)
    return sorted(
        f"{package['name']}=={package['version']}"
        for package in lock.get("package", [])
        if "registry" in package.get("source", {})
    )


def run_pip_audit(requirements: Path, service: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pip_audit",
            "-r",
            str(requirements),
            "--no-deps",
            "--disable-pip",
            "--progress-spinner",
            "off",
            "--format",
            "json",
            "--vulnerability-service",
            service,
            "--timeout",
            "20",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:300] if lines else "(no output)"


def audit(
    requirements: Path, runner: Callable[[Path, str], subprocess.CompletedProcess] = run_pip_audit
) -> tuple[int, list[str]]:
    """(exit status, lines to print)."""
    out: list[str] = []
    tried: list[str] = []
    for service in SERVICES:
        result = runner(requirements, service)
        try:
            report = json.loads(result.stdout)
            dependencies = report["dependencies"]
        except (ValueError, KeyError, TypeError):
            tried.append(f"{service}: unreachable ({_last_line(result.stderr)})")
            continue
        audited = [d for d in dependencies if "skip_reason" not in d]
        if not audited:
            reason = dependencies[0]["skip_reason"] if dependencies else "no packages in the report"
            tried.append(
                f"{service}: answered, but not one of {len(dependencies)} packages could be audited ({reason})"
            )
            continue
        vulnerable = [(d, v) for d in audited for v in d.get("vulns", [])]
        skipped = len(dependencies) - len(audited)
        out.append(
            f"dependency audit ({service}): {len(audited)} of {len(dependencies)} pinned packages audited"
            + (f", {skipped} could not be" if skipped else "")
        )
        if vulnerable:
            for dependency, vuln in vulnerable:
                fixes = ", ".join(vuln.get("fix_versions") or []) or "no fixed version yet"
                out.append(
                    f"  VULNERABLE {dependency['name']}=={dependency['version']}: {vuln['id']} (fixed in: {fixes})"
                )
            return 1, out
        out.append("  no known vulnerability")
        return 0, out
    out.append(
        "*** DEPENDENCY AUDIT NOT RUN: no vulnerability source could audit the locked dependencies"
        " from this network ***"
    )
    out.extend(f"  tried {line}" for line in tried)
    return 0, out


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else ROOT / "uv.lock"
    if source.name != "uv.lock":
        status, lines = audit(source)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            requirements = Path(tmp) / "requirements.txt"
            requirements.write_text("\n".join(pins_from_uv_lock(source.read_text(encoding="utf-8"))) + "\n")
            status, lines = audit(requirements)
    print("\n".join(lines))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
