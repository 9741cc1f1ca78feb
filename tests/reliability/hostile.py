"""Hostile URL query values, shared by the AppTest and the browser tests.

The script-like values set window.__xss instead of calling alert(), so that a browser
test can check both that no dialog fires and that no injected code ran at all.
"""

from __future__ import annotations

from urllib.parse import quote

LONG = "A" * 10_240  # 10 kB

SCRIPT_LIKE = [
    "<script>window.__xss=1</script>",
    "javascript:window.__xss=1",
    '"><img src=x onerror="window.__xss=1">',
    "'><svg/onload=window.__xss=1>",
    '</textarea><iframe srcdoc="<script>parent.__xss=1</script>">',
    "[click](javascript:window.__xss=1)",
    "![x](https://evil.example.invalid/x.png)",
    '<a href="https://evil.example.invalid">link</a>',
    "**bold** _it_ `code` # heading",
    ":red[danger] :material/warning:",
    "$\\href{javascript:window.__xss=1}{x}$",
    "{{7*7}}",
    "' OR '1'='1",
    "../../../../etc/passwd",
    '=HYPERLINK("https://evil.example.invalid","x")',
]
ODD = [
    "\x00",
    "\u202eevil",  # right-to-left override
    "\ufeffbom",
    "\U0001f600",
    "\r\nSet-Cookie: x=1",
    "  ",
]
# Values that arrive still percent-encoded (the client encoded them twice).
PERCENT_ENCODED = [
    "%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E",
    "%22%3E%3Cimg%20src%3Dx%20onerror%3Dwindow.__xss%3D1%3E",
    "%00",
    "%FF%FE",
    "%E2%80%AE",
    "%25%32%35",
]
VALUES = [*SCRIPT_LIKE, *ODD, *PERCENT_ENCODED, LONG]
UNKNOWN_KEYS = ["utm_source", "__proto__", "constructor", "<script>", "x" * 300, "page", "session_id"]

# Words that must never appear in a page's HTML: they only come from the payloads above.
MARKERS = ["__xss", "evil.example", "onerror=", "<script>window", "srcdoc="]


def query_string(keys: list[str], values: list[str] = VALUES) -> str:
    """keys, each repeated with every value (repeated parameters), plus the unknown keys."""
    parts = [f"{quote(k, safe='')}={quote(v, safe='')}" for k in keys for v in values]
    parts += [f"{quote(k, safe='')}={quote(values[0], safe='')}" for k in UNKNOWN_KEYS]
    return "&".join(parts)
