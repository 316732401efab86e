"""Where pages live: one language-independent path per page, ``/`` for zh and ``/en/`` for en."""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import HTML_LANG, OTHER


def lang_prefix(lang: str) -> str:
    return "en/" if lang == "en" else ""


def output_name(lang: str, path: str) -> str:
    """The file a page is written to, e.g. ``en/projects/x/index.html``; ``path`` ends with ``/``."""
    if path.endswith(".html"):
        return lang_prefix(lang) + path
    return f"{lang_prefix(lang)}{path}index.html"


def relative(from_dir: str, target: str) -> str:
    """A link from the page whose directory is ``from_dir`` to the site path ``target``."""
    depth = from_dir.count("/")
    up = "../" * depth
    return (up + target) or "./"


@dataclass(frozen=True)
class PageAddress:
    """The address of one page in one language, and how to link from it."""

    lang: str
    path: str  # language-independent, '' for home, 'projects/x/' for an entity
    siteurl: str = ""

    @property
    def dir(self) -> str:
        name = output_name(self.lang, self.path)
        return name.rsplit("/", 1)[0] + "/" if "/" in name else ""

    @property
    def html_lang(self) -> str:
        return HTML_LANG[self.lang]

    @property
    def other_lang(self) -> str:
        return OTHER[self.lang]

    def url(self, path: str, lang: str | None = None) -> str:
        """Relative link to ``path`` in ``lang`` (default: this page's language)."""
        return relative(self.dir, lang_prefix(lang or self.lang) + path)

    def static(self, asset: str) -> str:
        return relative(self.dir, asset)

    def absolute(self, lang: str | None = None) -> str:
        """Canonical URL of this page (root-relative when SITEURL is empty)."""
        return f"{self.siteurl}/{lang_prefix(lang or self.lang)}{self.path}"

    def counterpart(self) -> str:
        return self.url(self.path, self.other_lang)
