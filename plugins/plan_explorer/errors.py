"""Data errors: one exception base, collected per run, printed as ``file:line: field: message``."""

from __future__ import annotations

from dataclasses import dataclass, field


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


class DataError(Exception):
    """Raised when the data cannot be loaded; carries every problem of the run."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass
class ProblemLog:
    """Collects problems during a load so that one run reports all of them."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, file: str, line: int, field_path: str, message: str) -> None:
        self.problems.append(Problem(file, line, field_path, message))

    def raise_if_any(self) -> None:
        if self.problems:
            raise DataError(self.problems)


class BuildFailed(Exception):
    """A build step other than data loading failed (warnings when fatal, search indexing)."""
