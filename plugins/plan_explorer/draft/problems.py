"""What a draft reports: problems that stop it (nothing is written) and notes for the person who goes on.

Every problem is one line naming the Word file and where in it (paragraph N, table N row R column C), never a
traceback: ``plan.docx: table 3 row 4 (目标年): '12亿' is not a number``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import PlanError


class DraftError(PlanError):
    """The draft cannot be completed: every problem found, one line each; nothing was written."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))

    def lines(self) -> list[str]:
        return list(self.problems)


@dataclass
class DraftLog:
    """Problems (the draft fails) and notes (what needs a person), each already located in the Word file."""

    file: str
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def problem(self, where: str, message: str) -> None:
        self.problems.append(f"{self.file}: {where}: {message}" if where else f"{self.file}: {message}")

    def note(self, where: str, message: str) -> None:
        self.notes.append(f"{where}: {message}" if where else message)

    def raise_if_any(self) -> None:
        if self.problems:
            raise DraftError(self.problems)
