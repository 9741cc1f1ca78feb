"""English UI text left on a page shown in Spanish: the phrases to look for, and the look-up.

Pure Python (no browser): the browser test (tests/e2e/test_spanish_text.py) collects a
page's visible text and asks `english_leftovers`; tests/unit/test_english_text.py proves
that the look-up finds a catalogue string and passes the Spanish.

The phrases are the English source strings of the catalogues (messages.po, values.po) whose
Spanish differs from the English: each msgid is cut into the pieces a reader sees (Markdown
marks and {placeholders} removed, split where a placeholder or a line break stands), and a
piece is kept only when it is long enough to be unambiguous English (see `_kept`). Text that
stays in English by design is removed from the page text before the look-up (`kept_in_english`).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = tuple(ROOT / "locales" / "es" / "LC_MESSAGES" / f"{domain}.po" for domain in ("messages", "values"))
SOURCES = ROOT / "data" / "sources.csv"
# What a table shows for a missing value when nothing replaces it: English in any language.
MISSING_MARKS = ("None", "nan", "NaN", "<NA>")
# A piece needs this many words, one of them an English word of this many letters that is not
# an abbreviation (OT, PT, NBCOT, DPT stay as they are in Spanish): 'PT aides' is found,
# 'OT', 'Pay' or 'Medicare' alone are not (too short to tell languages apart).
MIN_WORDS = 2
MIN_WORD_LETTERS = 4

_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_DIRECTIVE = re.compile(r":[a-z-]+\[([^\]]*)\]")  # :small[...], :blue-badge[...]
# Emphasis marks next to a word, not the star inside a name ('O*NET').
_MARKS = re.compile(r"(?<!\w)(?:\*{1,2}|`|~~)(?=\S)|(?<=\S)(?:\*{1,2}|`|~~)(?!\w)")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_EDGES = " \t.,;:!?¿¡()·-–—\"'"


@dataclass(frozen=True)
class Phrase:
    text: str  # the piece as a reader sees it
    msgid: str  # the catalogue entry it comes from

    @property
    def pattern(self) -> re.Pattern:
        return _pattern(self.text)


@cache
def _pattern(text: str) -> re.Pattern:
    # Whole words only, same case (a sentence may start with a capital the msgid lacks).
    first, rest = text[0], text[1:]
    head = f"[{re.escape(first.lower())}{re.escape(first.upper())}]" if first.isalpha() else re.escape(first)
    body = r"\s+".join(re.escape(word) for word in rest.split(" ")) if rest else ""
    return re.compile(rf"(?<![\w]){head}{body}(?![\w])")


def normalise(text: str) -> str:
    """Collapse every run of white space (line breaks, no-break spaces) into one space."""
    return " ".join(text.replace("\u00a0", " ").split())


def pieces(msgid: str) -> list[str]:
    """What a reader sees of a msgid: Markdown removed, cut at placeholders and line breaks."""
    text = _DIRECTIVE.sub(r"\1", _LINK.sub(r"\1", msgid))
    text = _MARKS.sub("", text)
    found = []
    for line in _PLACEHOLDER.sub("\n", text).splitlines():
        piece = normalise(line.lstrip(" #-")).strip(_EDGES)
        if piece:
            found.append(piece)
    return found


def _kept(piece: str, spanish: str) -> bool:
    """Long enough to be English beyond doubt, and not also part of the Spanish text."""
    words = _WORD.findall(piece)
    if len(words) < MIN_WORDS or "_" in piece or "/" in piece.split(" ")[0]:
        return False  # one word, a file name ('careers_school_path') or a path
    if not any(len(w) >= MIN_WORD_LETTERS and not w.isupper() for w in words):
        return False  # only abbreviations and short words ('OT and PT', 'PT 3')
    return piece not in spanish  # a name the Spanish keeps too ('Medicare Part B')


def english_phrases(catalogues: tuple[Path, ...] = CATALOGUES) -> tuple[Phrase, ...]:
    """The English pieces of every translated catalogue entry whose Spanish differs."""
    entries: list[tuple[str, str]] = []
    spanish: list[str] = []
    for path in catalogues:
        with open(path, "rb") as handle:
            catalogue = read_po(handle)
        for message in catalogue:
            if not message.id or message.fuzzy:
                continue
            ids = message.id if isinstance(message.id, (tuple, list)) else (message.id,)
            strings = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
            if not all(strings):
                continue
            spanish.extend(strings)
            for msgid in ids:
                if msgid not in strings:
                    entries.append((msgid, ids[0]))
    spanish_text = "\n".join(normalise(s) for s in spanish)
    phrases = {}
    for msgid, key in entries:
        for piece in pieces(msgid):
            if piece not in phrases and _kept(piece, spanish_text):
                phrases[piece] = Phrase(piece, key)
    return tuple(phrases.values())


def kept_in_english(path: Path = SOURCES) -> tuple[str, ...]:
    """Texts shown in English in both languages, on purpose (longest first, so a title goes
    before a name inside it):
    - the sources' publishers and titles: citations, shown as published so that anyone can
      find the page (the Sources page says so in Spanish);
    - the data dictionary's description of each table (components/schema.py), shown with the
      table on the Sources page: the fact base is published in English (its ZIP, its
      datapackage.json and data/README.md use the same words)."""
    from components.schema import TABLES

    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    names = {normalise(row[c]) for row in rows for c in ("publisher", "title") if row.get(c, "").strip()}
    names |= {normalise(table.description) for table in TABLES.values() if table.description}
    return tuple(sorted(names, key=len, reverse=True))


def english_leftovers(text: str, phrases: tuple[Phrase, ...], keep_as_is: tuple[str, ...] = ()) -> list[str]:
    """The English UI strings found in a page's visible text, each once, in catalogue order,
    with the marks tables show for a missing value. keep_as_is: texts removed first (what
    stays in English on purpose, `kept_in_english`)."""
    text = normalise(text)
    for name in keep_as_is:
        text = text.replace(name, " ")
    found = [phrase.text for phrase in phrases if phrase.pattern.search(text)]
    found += [
        f"{mark} (a missing value)"
        for mark in MISSING_MARKS
        if re.search(rf"(?<![\w<]){re.escape(mark)}(?![\w>])", text)
    ]
    return found
