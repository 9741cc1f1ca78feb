"""Languages of the dashboard: English (the source text) and Spanish.

Pure Python, no Streamlit. UI strings are written in English in the code and marked
with `_()` (or `ngettext()`); the Spanish catalogue is the gettext PO file
locales/es/LC_MESSAGES/messages.po, kept up to date with Babel (`make messages`).
The PO file is read at run time with Babel and cached, so no compiled .mo file is kept
in the repository. A message with no Spanish text yet, or one marked fuzzy, shows in
English (the completeness test in tests/unit/test_i18n.py fails on either).

Which language: the URL's `lang` (en or es) first, then the browser's preferred
language (Streamlit's `st.context.locale`, e.g. "es-US"), then English.
"""

from __future__ import annotations

import gettext as _stdlib_gettext
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

from babel.messages.pofile import read_po

LANGUAGES = ("en", "es")
SOURCE_LANGUAGE = "en"
LANGUAGE_NAMES = {"en": "English", "es": "Español"}
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "messages"
# The fixed values of the schema and the label dicts (tools/values_catalogue.py keeps it
# complete): looked up when the UI catalogue has no entry for a text.
VALUES_DOMAIN = "values"

Translate = Callable[[str], str]


def resolve_language(url_value: object = None, browser_locale: object = None) -> str:
    """The language to show: the URL's value if it is one we have, else the browser's
    preferred language if we have it ("es-MX" -> "es"), else English."""
    if isinstance(url_value, str) and url_value.strip().lower() in LANGUAGES:
        return url_value.strip().lower()
    if isinstance(browser_locale, str) and browser_locale:
        primary = browser_locale.replace("_", "-").split("-")[0].strip().lower()
        if primary in LANGUAGES:
            return primary
    return SOURCE_LANGUAGE


def catalogue_path(lang: str, locale_dir: Path = LOCALE_DIR, domain: str = DOMAIN) -> Path:
    return Path(locale_dir) / lang / "LC_MESSAGES" / f"{domain}.po"


class CatalogueTranslations(_stdlib_gettext.NullTranslations):
    """gettext lookups over a Babel catalogue read from a PO file. Empty and fuzzy
    messages are left out, so they fall back (to the fallback catalogue, then to the English
    source text); so are messages with a context (msgctxt), which plain gettext never asks."""

    def __init__(self, po_path: Path):
        super().__init__()
        with open(po_path, "rb") as handle:
            catalog = read_po(handle)
        self._plural = _stdlib_gettext.c2py(catalog.plural_expr)
        self._singular: dict[str, str] = {}
        self._plurals: dict[str, tuple[str, ...]] = {}
        for message in catalog:
            if not message.id or message.fuzzy or message.context:
                continue
            if isinstance(message.id, (tuple, list)):
                forms = tuple(message.string or ())
                if forms and all(forms):
                    self._plurals[message.id[0]] = forms
            elif message.string:
                self._singular[message.id] = message.string

    def gettext(self, message: str) -> str:
        found = self._singular.get(message)
        if found is not None:
            return found
        return self._fallback.gettext(message) if self._fallback else message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        forms = self._plurals.get(singular)
        if forms is None:
            if self._fallback:
                return self._fallback.ngettext(singular, plural, n)
            return singular if n == 1 else plural
        index = self._plural(n)
        return forms[index] if index < len(forms) else forms[-1]


@lru_cache(maxsize=8)
def translations(lang: str, locale_dir: str = str(LOCALE_DIR)) -> _stdlib_gettext.NullTranslations:
    """The cached translations of one language; English (or an unknown code) is the identity."""
    if lang == SOURCE_LANGUAGE or lang not in LANGUAGES:
        return _stdlib_gettext.NullTranslations()
    found = CatalogueTranslations(catalogue_path(lang, Path(locale_dir)))
    values = catalogue_path(lang, Path(locale_dir), VALUES_DOMAIN)
    if values.exists():
        found.add_fallback(CatalogueTranslations(values))
    return found


def gettext(lang: str) -> Translate:
    """The `_` of a language: English text in, the text in that language out."""
    return translations(lang).gettext


def ngettext(lang: str) -> Callable[[str, str, int], str]:
    """The plural-aware lookup of a language: (singular, plural, n) -> text."""
    return translations(lang).ngettext


def identity(text: str) -> str:
    """The `_` of English, the default of every function that builds sentences."""
    return text


def N_(text: str) -> str:
    """Marks a constant for extraction without translating it where it is defined (the
    page translates it when it shows it)."""
    return text


def msgid_of(value: object, msgids: Sequence[str], lang: str) -> str | None:
    """The msgid (English text) of the choice that a URL value names in any of our
    languages: its English msgid or its translation. None when it names none of `msgids`.
    A label of `lang` itself wins over a look-alike in another language."""
    if not isinstance(value, str) or not value:
        return None
    shown = gettext(lang)
    for msgid in msgids:
        if value == shown(msgid):
            return msgid
    for other in LANGUAGES:
        found = gettext(other)
        for msgid in msgids:
            if value == found(msgid):
                return msgid
    return None


def label_in(value: object, msgids: Sequence[str], lang: str) -> str | None:
    """The label, in `lang`, of the choice that a URL value names in any of our languages
    (its English msgid or its translation), or None when it names none of `msgids`.

    Widgets whose options are translated labels (st.tabs) keep the label as shown in the
    URL (?section=Pay, ?section=Salario): this maps a link made in one language, or the
    state left by a switch of language, onto the label the widget shows now."""
    msgid = msgid_of(value, msgids, lang)
    return None if msgid is None else gettext(lang)(msgid)
