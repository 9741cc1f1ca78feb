"""Unit tests for components/text.py: data values shown as text, never as Markdown or HTML."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from components.text import md_escape, md_link

SPECIALS = set("\\`*_{}[]()#+-.!|~<>$&:=")


def unescape(text: str) -> str:
    """Undo CommonMark backslash escapes of ASCII punctuation."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)


def assert_all_specials_escaped(out: str) -> None:
    """Every Markdown special character in out is preceded by an (unescaped) backslash."""
    i = 0
    while i < len(out):
        if out[i] == "\\":
            assert i + 1 < len(out) and out[i + 1] in SPECIALS, (out, i)
            i += 2
            continue
        assert out[i] not in SPECIALS, (out, i)
        i += 1


@pytest.mark.parametrize(
    "value, expected",
    [
        ("<script>", r"\<script\>"),
        ("<script>alert(1)</script>", r"\<script\>alert\(1\)\</script\>"),
        ("[x](javascript:alert(1))", r"\[x\]\(javascript\:alert\(1\)\)"),
        ("**bold**", r"\*\*bold\*\*"),
        ("_em_", r"\_em\_"),
        ("# heading", r"\# heading"),
        ("`code`", r"\`code\`"),
        ("~~strike~~", r"\~\~strike\~\~"),
        ("$x^2$", r"\$x^2\$"),
        (":red[text]", r"\:red\[text\]"),
        ("a | b", r"a \| b"),
        ("&amp; &lt;", r"\&amp; \&lt;"),
        ("1. item", r"1\. item"),
        ("- item", r"\- item"),
        ("back\\slash", "back\\\\slash"),
        ("plain words", "plain words"),
    ],
)
def test_md_escape_examples(value, expected):
    assert md_escape(value) == expected


@pytest.mark.parametrize("value", ["<script>", "[x](javascript:alert(1))", "**bold**", "<img src=x onerror=alert(1)>"])
def test_md_escape_shows_dangerous_values_literally(value):
    out = md_escape(value)
    assert unescape(out) == value  # rendered, it reads as the original text
    assert_all_specials_escaped(out)
    assert "<" not in out.replace("\\<", "")
    assert "](" not in out


def test_md_escape_newlines_become_spaces():
    assert md_escape("line one\nline two") == "line one line two"
    assert "\n" not in md_escape("a\n\n# b")


def test_md_escape_leaves_no_line_ending():
    out = md_escape("Title\r\n===")
    assert "\r" not in out and "\n" not in out


def test_md_escape_accepts_non_strings():
    assert md_escape(3.5) == r"3\.5"
    assert md_escape(-2) == r"\-2"
    assert md_escape(None) == "None"


@settings(max_examples=300, deadline=None, database=None)
@given(st.text(alphabet=st.sampled_from(sorted(SPECIALS) + list("ab =^'\"%") + ["\u00e9"])))
def test_md_escape_property(value):
    out = md_escape(value)
    assert_all_specials_escaped(out)
    assert unescape(out) == value


# --- md_link -----------------------------------------------------------------------------------


def test_md_link_http_and_https():
    assert md_link("Title", "https://example.org/a?b=1") == "[Title](https://example.org/a?b=1)"
    assert md_link("Title", "http://example.org") == "[Title](http://example.org)"


def test_md_link_escapes_its_label():
    assert md_link("A [b] *c*", "https://example.org") == r"[A \[b\] \*c\*](https://example.org)"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "ftp://example.org",
        "//example.org",
        "example.org",
        "",
        "https://example.org/a b",
        "https://example.org/x)[y](javascript:alert(1)",
        "https://example.org/<script>",
        " https://example.org",
    ],
)
def test_md_link_refuses_non_http_urls(url):
    out = md_link("Title [1]", url)
    assert out == r"Title \[1\]"
    assert "](" not in out


def test_md_link_keeps_a_table_cell_whole():
    # Source links are also written inside Markdown table cells (cards on the populations
    # and sources pages), where a bare "|" would split the cell.
    assert md_link("T", "https://example.org/a|b") == "[T](https://example.org/a%7Cb)"
    row = f"| {md_link('T', 'https://example.org/a|b')} | other |"
    assert row.count("|") == 3
