"""Problems found in plan files, located and worded for the people who fix them.

A problem keeps its message code and parameters (from :mod:`jigyo.messages`),
so that the wording is chosen only when it is printed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .messages import Lang, message


@dataclass(frozen=True, order=True)
class Problem:
    """One located mistake in a plan file."""

    path: Path
    line: int
    column: int
    code: str
    params: tuple[tuple[str, object], ...] = field(default=(), compare=False)

    def text(self, lang: Lang = "ja") -> str:
        return message(self.code, lang, **dict(self.params))

    def format(self, lang: Lang = "ja") -> str:
        """The editor-friendly `file:line:column: message` form."""
        return f"{self.path.as_posix()}:{self.line}:{self.column}: {self.text(lang)}"


def problem(path: Path, line: int, column: int, code: str, /, **params: object) -> Problem:
    return Problem(path, line, column, code, tuple(params.items()))
