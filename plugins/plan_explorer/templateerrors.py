"""A template that fails is a problem of the theme, located like a data problem: ``file:line: (template): message``.

Jinja raises a syntax error with the template's file and line; a runtime error (an undefined name, a filter given
the wrong type) carries them only in its traceback, where Jinja puts a frame for the template line that ran. Either
becomes a :class:`TemplateFailed`, one line, which the command line prints and the dev server shows over the open
pages (and survives: the site stays as it was until the template is fixed).
"""

from __future__ import annotations

import traceback
from pathlib import Path

from jinja2 import TemplateSyntaxError

from .errors import BuildFailed


class TemplateFailed(BuildFailed):
    """A template could not be compiled or rendered; its one line names the template's file and line."""

    def lines(self) -> list[str]:
        return [str(self)]


def template_failure(exc: BaseException, templates: Path) -> TemplateFailed:
    """``exc``, raised while compiling or rendering a template of the folder ``templates``, as one located line."""
    if isinstance(exc, TemplateSyntaxError):
        where = f"{_shown(exc.filename or exc.name or '?', templates)}:{exc.lineno}"
        return TemplateFailed(f"{where}: (template): {exc.message}")
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if _within(f.filename, templates)]
    message = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    if not frames:
        return TemplateFailed(f"{templates.name}: (template): {message}")
    frame = frames[-1]  # the template line that ran last: where the error surfaced
    return TemplateFailed(f"{_shown(frame.filename, templates)}:{frame.lineno}: (template): {message}")


def _within(filename: str, templates: Path) -> bool:
    try:
        Path(filename).resolve().relative_to(templates.resolve())
    except (ValueError, OSError):
        return False
    return True


def _shown(filename: str, templates: Path) -> str:
    """The template's file as the theme's folder names it: ``theme/templates/project.html``."""
    try:
        return Path(filename).resolve().relative_to(templates.resolve().parent.parent).as_posix()
    except (ValueError, OSError):
        return filename
