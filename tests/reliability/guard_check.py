"""Prove that each reliability test guards something. For each protection,
remove it in a throw-away copy of the tree, run the tests that guard it, and expect them
to FAIL. The working tree is never touched.

Usage (from the project root):
    .venv/bin/python tests/reliability/guard_check.py            # every protection
    .venv/bin/python tests/reliability/guard_check.py bom cors_off
Each line reads "FAILS as it must" or "!!! STILL PASSES" (a test that guards nothing).
"""

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SRC = Path(__file__).resolve().parents[2]
DST = Path(tempfile.mkdtemp(prefix="guard-check-")) / "tree"
PY = sys.executable


def sync():
    if DST.exists():
        shutil.rmtree(DST)
    shutil.copytree(
        SRC,
        DST,
        ignore=shutil.ignore_patterns(
            ".venv",
            ".venv-tools",
            ".git",
            "node_modules",
            "__pycache__",
            ".hypothesis",
            ".pytest_cache",
            "artifacts",
            "bench",
        ),
    )


def sub(path, old, new, count=1):
    p = DST / path
    s = p.read_text()
    assert s.count(old) >= 1, (path, old)
    p.write_text(s.replace(old, new) if count is None else s.replace(old, new, count))


def replace_decode():
    p = DST / "components/loader.py"
    s = p.read_text()
    a = s.index("def decode_text(")
    b = s.index("def _column_at(")
    # The loader's decoder at that commit, which let csv.Error escape.
    old = subprocess.run(
        ["git", "show", "77b441e:components/loader.py"], cwd=SRC, capture_output=True, text=True, check=True
    ).stdout
    old = old[old.index("def _decode(") : old.index("def _records(")].replace("def _decode(", "def decode_text(")
    p.write_text(s[:a] + old + s[b:])


M = {
    "bom": (
        lambda: sub("components/loader.py", 'if raw.startswith(b"\\xef\\xbb\\xbf"):', "if False:"),
        ["tests/reliability/test_bad_data.py", "-k", "utf8_bom"],
    ),
    "abs_label": (
        lambda: sub(
            "components/loader.py", 'return f"{data_dir.name}/{schema.file}"', "return str(data_dir / schema.file)"
        ),
        [
            "tests/reliability/test_bad_data.py",
            "-k",
            "sources and (missing_file or duplicate)",
            "tests/reliability/test_config.py",
        ],
    ),
    "size_limit": (
        lambda: (sub("components/loader.py", "if len(raw) > MAX_FILE_BYTES:", "if False:", None)),
        ["tests/reliability/test_bad_data.py", "-k", "50_mb or huge"],
    ),
    "read_all": (
        lambda: sub("components/loader.py", "raw = handle.read(MAX_FILE_BYTES + 1)", "raw = handle.read()", None),
        ["tests/reliability/test_bad_data.py", "-k", "huge"],
    ),
    "no_stop": (
        lambda: sub(
            "app_pages/common.py", "            st.stop()\n", "            frames.append(None)\n            continue\n"
        ),
        ["tests/reliability/test_bad_data.py", "-k", "pages and (populations-missing_file or sources-wrong_type)"],
    ),
    "no_escape_error": (
        lambda: sub("app_pages/common.py", "+ md_escape(error)", "+ error"),
        [
            "tests/reliability/test_bad_data.py",
            "-k",
            "pages and populations-missing_column",
            "tests/reliability/test_no_html.py",
        ],
    ),
    "no_dup_check": (
        lambda: sub("components/loader.py", "        if row_id in ids:\n", "        if False:\n"),
        ["tests/reliability/test_bad_data.py", "-k", "duplicate_id"],
    ),
    "old_decode": (lambda: replace_decode(), ["tests/reliability/test_fuzz.py", "-x"]),
    "no_shown": (
        lambda: sub(
            "components/loader.py",
            "    return text if len(text) <= _SHOWN_CHARS else",
            "    return str(value)\n    return text if len(text) <= _SHOWN_CHARS else",
        ),
        ["tests/reliability/test_fuzz.py", "-k", "csv_text"],
    ),
    "no_ref_check": (
        lambda: sub(
            "components/loader.py", "                        if ref not in known:", "                        if False:"
        ),
        ["tests/reliability/test_bad_data.py", "-k", "unresolved"],
    ),
    "records_csv_error": (
        lambda: sub("components/loader.py", "    except csv.Error as err:", "    except ValueError as err:"),
        ["tests/reliability/test_fuzz.py", "-x"],
    ),
    "no_csv_escape": (
        lambda: sub(
            "components/export.py", "if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):", "if False:"
        ),
        [
            "tests/reliability/test_export_props.py",
            "tests/reliability/test_spreadsheet.py",
            "tests/e2e/test_reliability_export.py",
        ],
    ),
    "echo_query": (
        lambda: sub(
            "app_pages/populations.py",
            "st.title(",
            'st.caption(" ".join(st.query_params.get_all("population")))\nst.title(',
            1,
        ),
        [
            "tests/reliability/test_hostile_urls.py",
            "-k",
            "populations",
            "tests/e2e/test_reliability_urls.py",
            "-k",
            "populations",
        ],
    ),
    "echo_query_html": (
        lambda: sub(
            "app_pages/populations.py",
            "st.title(",
            'st.markdown(" ".join(st.query_params.get_all("population")), unsafe_allow_html=True)\nst.title(',
            1,
        ),
        ["tests/reliability/test_no_html.py", "tests/e2e/test_reliability_urls.py", "-k", "populations"],
    ),
    "unescaped_markdown": (
        lambda: sub("app_pages/populations.py", 'f"**{md_escape(row.population)}**', 'f"**{row.population}**'),
        ["tests/reliability/test_no_html.py"],
    ),
    "cors_off": (
        lambda: sub(".streamlit/config.toml", "enableCORS = true", "enableCORS = false"),
        ["tests/reliability/test_config.py", "tests/e2e/test_reliability_server.py", "-k", "websocket"],
    ),
    "error_details": (
        lambda: sub(".streamlit/config.toml", 'showErrorDetails = "type"', 'showErrorDetails = "full"'),
        ["tests/reliability/test_config.py", "tests/e2e/test_reliability_server.py", "-k", "error"],
    ),
    "telemetry_on": (
        lambda: sub(".streamlit/config.toml", "gatherUsageStats = false", "gatherUsageStats = true"),
        ["tests/reliability/test_config.py", "tests/e2e/test_reliability_server.py", "-k", "populations and request"],
    ),
    "shared_state": (
        lambda: sub(
            "app_pages/populations.py",
            "selected = pop.filter_populations(",
            "_everyone = st.cache_resource(lambda: set())()\n_everyone.update(chosen)\n"
            "chosen = sorted(_everyone)\nselected = pop.filter_populations(",
            1,
        ),
        ["tests/e2e/test_reliability_sessions.py", "-k", "two_sessions"],
    ),
    "unbound_url": (
        lambda: sub(
            "app_pages/populations.py",
            '        key="population",\n        bind="query-params",',
            '        key="population",',
        ),
        ["tests/e2e/test_reliability_sessions.py", "-k", "restart"],
    ),
    "audit_blind": (
        lambda: sub("tools/audit_dependencies.py", "        if not audited:\n", "        if False:\n"),
        ["tests/reliability/test_dependencies.py"],
    ),
    "audit_no_vulns": (
        lambda: sub("tools/audit_dependencies.py", "        if vulnerable:\n", "        if False:\n"),
        ["tests/reliability/test_dependencies.py"],
    ),
    "audit_not_in_ci": (
        lambda: sub(".ci/run", ".venv/bin/python tools/audit_dependencies.py uv.lock", "true"),
        ["tests/reliability/test_dependencies.py"],
    ),
}


def run(name):
    sync()
    mutate, args = M[name]
    mutate()
    t = time.time()
    r = subprocess.run(
        [PY, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly", *args],
        cwd=DST,
        capture_output=True,
        text=True,
        timeout=3000,
    )
    tail = [
        line
        for line in r.stdout.splitlines()
        if line.startswith(("FAILED", "ERROR")) or " passed" in line or " failed" in line
    ]
    verdict = "FAILS as it must" if r.returncode != 0 else "!!! STILL PASSES"
    print(f"== {name}: {verdict} (rc={r.returncode}, {time.time() - t:.0f}s)")
    for line in tail[:6] + (tail[-1:] if len(tail) > 6 else []):
        print("   ", line[:220])
    sys.stdout.flush()


if __name__ == "__main__":
    try:
        for name in sys.argv[1:] or M:
            run(name)
    finally:
        shutil.rmtree(DST.parent, ignore_errors=True)
