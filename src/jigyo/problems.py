"""Problems found in plan files, located and worded for the people who fix them.

A problem keeps its message code and parameters (from :mod:`jigyo.messages`),
so that the wording is chosen only when it is printed. Its severity says
whether the plans can still be used: an error stops every command, a warning
(something skipped, such as a stray folder) is reported and the work goes on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .messages import Lang, message

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One located mistake in a plan file."""

    path: Path
    line: int
    column: int
    code: str
    params: tuple[tuple[str, object], ...] = field(default=(), compare=False)
    severity: Severity = field(default="error", compare=False)

    def text(self, lang: Lang = "ja") -> str:
        body = message(self.code, lang, **dict(self.params))
        return message("warning_prefix", lang) + body if self.severity == "warning" else body

    def format(self, lang: Lang = "ja") -> str:
        """The editor-friendly `file:line:column: message` form."""
        return f"{self.path.as_posix()}:{self.line}:{self.column}: {self.text(lang)}"


def problem(path: Path, line: int, column: int, code: str, /, **params: object) -> Problem:
    return Problem(path, line, column, code, tuple(params.items()))


def warning(path: Path, line: int, column: int, code: str, /, **params: object) -> Problem:
    """A problem that is reported but does not stop the work."""
    return Problem(path, line, column, code, tuple(params.items()), "warning")
