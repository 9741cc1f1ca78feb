"""Safe text for Streamlit markdown: data values are shown as text, never as markup."""

from __future__ import annotations

import re

# Characters that mean something in (GitHub-flavoured) Markdown, plus < and > so that
# nothing in the data can even look like a tag.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$&:=])")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]+")


def md_escape(text: object) -> str:
    """Backslash-escape every Markdown special character in a data value."""
    # A data value is one line: a line break could start a heading or a list.
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _LINE_BREAKS.sub(" ", str(text)))


def md_link(title: object, url: str) -> str:
    """A Markdown link whose label is escaped; url must be http(s) (the loader checks it)."""
    if not re.fullmatch(r"https?://[^\s()<>]+", url):
        return md_escape(title)
    # Links also sit in Markdown table cells, where a bare "|" would end the cell.
    return f"[{md_escape(title)}]({url.replace('|', '%7C')})"
