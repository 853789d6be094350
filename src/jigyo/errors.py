"""The errors jigyo raises for a user to read: one hierarchy, worded from the catalogue.

Every error a user can cause is a :class:`JigyoError`. It carries a message
code and parameters, not a sentence, so the command line words it in the
language asked for (``--lang``) and chooses the exit status in one place.
"""

from __future__ import annotations

from .messages import Lang, Msg, message
from .problems import Problem


class JigyoError(Exception):
    """A failure the user can act on; `exit_code` is what the command line returns."""

    exit_code = 1

    def __init__(self, code: str, /, **params: object) -> None:
        super().__init__(code)
        self.msg = Msg(code, tuple(params.items()))

    def text(self, lang: Lang = "ja") -> str:
        return message(self.msg.code, lang, **dict(self.msg.params))

    def __str__(self) -> str:
        return self.text("ja")


class PlanError(JigyoError):
    """Plans cannot be used; carries every located problem found, sorted."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("problem_count", count=len(problems))
        self.problems = sorted(problems)


class UsageError(JigyoError):
    """The command was called with words it cannot act on (exit status 2)."""

    exit_code = 2
