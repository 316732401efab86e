"""Everything a user can cause derives from :class:`PlanError`; the command line turns it into clean lines.

Data problems are collected for a whole run (:class:`ProblemLog`) and raised together as one
:class:`DataError`, printed as ``file:line: field: message``; other failures a user can cause (a template
asking for a UI string the catalogue lacks, a fatal warning, a search index that could not be written)
are :class:`BuildFailed`. Anything else is a bug and may end in a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class PlanError(Exception):
    """The base of every error a user of the generator can cause (bad data, bad content, bad settings)."""

    def lines(self) -> list[str]:
        """What the command line prints, one line each."""
        return [f"build failed: {self}"]


@dataclass(frozen=True, order=True)
class Problem:
    """One problem found in the data, located as precisely as the loader can."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field or '(file)'}: {self.message}"


class DataError(PlanError):
    """The data or content cannot be used; carries every problem of the run."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]


@dataclass
class ProblemLog:
    """Collects problems during a load so that one run reports all of them."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, file: str, line: int, field_path: str, message: str) -> None:
        self.problems.append(Problem(file, line, field_path, message))

    def raise_if_any(self) -> None:
        if self.problems:
            raise DataError(self.problems)


class BuildFailed(PlanError):
    """A build step other than data loading failed (fatal warnings, charts, search indexing, settings)."""


class MissingTranslation(BuildFailed):
    """A template asked for a UI string that ``theme/i18n.yaml`` lacks in one language."""


class WorkbookError(PlanError):
    """A workbook to import has problems: one line each (``<file>!<sheet>!<cell>: field: message``), in the
    workbook's order (sheet by sheet, row by row)."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))

    def lines(self) -> list[str]:
        return list(self.problems)
