"""Problems found in plan files, located and worded for the people who fix them.

A problem keeps its message code and parameters (from :mod:`jigyo.messages`),
so that the wording is chosen only when it is printed. Its severity says
whether the plans can still be used: an error stops every command, a warning
(something skipped, such as a stray folder) is reported and the work goes on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .messages import Lang, message

Severity = Literal["error", "warning"]

# Plan text cannot hold control characters (the reader refuses them), but a
# file or folder name can: shown as escapes, it cannot drive the terminal of
# whoever reads the report.
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """`text` with control characters written as escapes (\\x1b, \\u202e)."""
    return _INVISIBLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


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
        params = {k: visible(v) if isinstance(v, str) else v for k, v in self.params}
        body = message(self.code, lang, **params)
        return message("warning_prefix", lang) + body if self.severity == "warning" else body

    def format(self, lang: Lang = "ja") -> str:
        """The editor-friendly `file:line:column: message` form."""
        return f"{visible(self.path.as_posix())}:{self.line}:{self.column}: {self.text(lang)}"


def problem(path: Path, line: int, column: int, code: str, /, **params: object) -> Problem:
    return Problem(path, line, column, code, tuple(params.items()))


def warning(path: Path, line: int, column: int, code: str, /, **params: object) -> Problem:
    """A problem that is reported but does not stop the work."""
    return Problem(path, line, column, code, tuple(params.items()), "warning")
