"""The UI strings of both languages, from one catalogue (``theme/i18n.yaml``).

A key missing a language is a data error at load time; a key a template asks for that the
catalogue lacks is a build error — never a silent fallback to the other language. Strings name the plan's
years and period by placeholder (``{base_year}年基数``), filled from the plan's data, so the theme holds no year.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import MissingTranslation, ProblemLog
from .model.yamlsource import format_path, read_yaml

LANGS = ("zh", "en")
HTML_LANG = {"zh": "zh-CN", "en": "en"}
OTHER = {"zh": "en", "en": "zh"}


class _Kept(dict[str, Any]):
    """Values for a string's placeholders; one not given stays as written (``{count}`` filled in by scripts)."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class Catalogue:
    """``{key: {zh: …, en: …}}`` with a checked lookup."""

    def __init__(self, strings: dict[str, dict[str, str]], defaults: dict[str, dict[str, Any]] | None = None):
        self.strings = strings
        self.defaults = defaults or {lang: {} for lang in LANGS}  # by language: the plan's years, period name …

    def with_defaults(self, defaults: dict[str, dict[str, Any]]) -> Catalogue:
        """The same strings, their placeholders such as ``{target_year}`` filled from ``defaults`` (per language)."""
        return Catalogue(self.strings, defaults)

    def has(self, key: str) -> bool:
        return key in self.strings

    def get(self, key: str, lang: str, **values: Any) -> str:
        try:
            text = self.strings[key][lang]
        except KeyError:
            raise MissingTranslation(f"theme/i18n.yaml has no '{key}' in '{lang}'") from None
        if "{" not in text:
            return text
        try:
            return text.format_map(_Kept({**self.defaults[lang], **values}))
        except (IndexError, ValueError) as exc:
            raise MissingTranslation(
                f"theme/i18n.yaml: '{key}' ({lang}) is not a valid text with placeholders: {exc}"
            ) from None

    def bound(self, lang: str) -> Translator:
        return Translator(self, lang)


class Translator:
    """``t('key')`` for templates, bound to one language."""

    def __init__(self, catalogue: Catalogue, lang: str):
        self.catalogue = catalogue
        self.lang = lang
        self._plain: dict[str, str] = {}  # texts asked for without values (most: a page asks for ~100)

    def __call__(self, key: str, **values: Any) -> str:
        if values:
            return self.catalogue.get(key, self.lang, **values)
        if key not in self._plain:
            self._plain[key] = self.catalogue.get(key, self.lang)
        return self._plain[key]

    def has(self, key: str) -> bool:
        return self.catalogue.has(key)


def load_catalogue(path: Path, log: ProblemLog, display: str = "theme/i18n.yaml") -> Catalogue:
    doc = read_yaml(path, display, log)
    strings: dict[str, dict[str, str]] = {}
    if doc is None:
        return Catalogue(strings)
    if not isinstance(doc.data, dict):
        log.add(display, 1, "(file)", "must be a mapping of key: {zh, en}")
        return Catalogue(strings)
    for key, entry in doc.data.items():
        if not isinstance(entry, dict):
            log.add(display, doc.line_of((key,)), str(key), "must be {zh: …, en: …}")
            continue
        for extra in sorted(set(entry) - set(LANGS), key=str):
            log.add(
                display,
                doc.line_of((key,)),
                format_path((key, extra)),
                "unknown field (quote a text that contains a comma)",
            )
        for lang in LANGS:
            if not isinstance(entry.get(lang), str) or not entry[lang].strip():
                name = "Chinese" if lang == "zh" else "English"
                log.add(display, doc.line_of((key,)), format_path((key, lang)), f"missing {name} text")
        strings[str(key)] = entry
    return Catalogue(strings)


@dataclass(frozen=True)
class Locale:
    """What a page's language decides beyond its strings, so that templates never test ``lang == 'zh'``: its tag
    for ``hreflang``/``lang`` and Open Graph, how a list is joined, and whether it is the plan's own language (the
    other one shows the original beside a translation)."""

    code: str  # zh, en: the catalogue's and the data's key
    html: str  # its tag in lang and hreflang attributes
    og: str  # og:locale
    list_sep: str  # between the items of a list in running text
    original: bool  # the plan's own language (its text is the original, the other language's a translation)

    @property
    def other(self) -> Locale:
        return LOCALES[OTHER[self.code]]

    def join(self, items: Iterable[str]) -> str:
        return self.list_sep.join(items)

    def prefix(self, of: Locale) -> str:
        """The id prefix of the other language's copy of a block shown beside this page's own (none for its own)."""
        return "" if of.code == self.code else f"{of.code}-"


#: by language code, in the site's order (the first is the plan's own language and the default of hreflang)
LOCALES = {
    "zh": Locale("zh", HTML_LANG["zh"], "zh_CN", "、", original=True),
    "en": Locale("en", HTML_LANG["en"], "en_US", "; ", original=False),
}
