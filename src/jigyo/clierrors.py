"""One place where a command's failure becomes a message and an exit status.

Every command is wrapped in :func:`handles_errors`: the command's body only
does its work and raises; here a :class:`~jigyo.errors.PlanError` is listed
problem by problem, any other :class:`~jigyo.errors.JigyoError` is worded in
the language of the command's ``--lang``, a file the system refuses is named
in a sentence, Ctrl+C ends quietly with status 130, and an exception nobody
expected is reported as a bug in one line instead of a traceback (set
``JIGYO_DEBUG=1`` to see it).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

import typer

from .errors import JigyoError, PlanError
from .failures import os_error_text, show_traceback_if_debugging
from .messages import Lang, message

P = ParamSpec("P")
R = TypeVar("R")

INTERRUPTED = 130
"""The status shells give a program ended by Ctrl+C (128 + SIGINT)."""

_PASSED_ON = (typer.Exit, typer.Abort, typer.TyperException)
"""Signals and usage errors of the command-line library, which it prints itself."""


def _lang(kwargs: dict[str, Any]) -> Lang:
    return "en" if str(kwargs.get("lang", "ja")) == "en" else "ja"


def _say(text: str) -> None:
    typer.echo(text, err=True)


def report(err: JigyoError, lang: Lang) -> None:
    """Print a JigyoError: every located problem then the count, or its one sentence."""
    if isinstance(err, PlanError):
        for found in err.problems:
            _say(found.format(lang))
    _say(err.text(lang))


def handles_errors(*, failure: int = 1, after_plan_error: str | None = None
                   ) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Wrap a command so that every failure is printed for a user and ends with a status.

    `failure` is the command's documented status for a failure (a plan that
    does not load, a file that cannot be written, a bug); an error whose class
    states a higher `exit_code` (a UsageError: 2) keeps its own. A message
    code `after_plan_error` is printed after a plan's problems. The command's
    ``lang`` parameter, if it has one, chooses the language.
    """

    def wrap(command: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(command)
        def run(*args: P.args, **kwargs: P.kwargs) -> R:
            lang = _lang(kwargs)
            try:
                return command(*args, **kwargs)
            except (*_PASSED_ON, BrokenPipeError):  # a closed pipe: typer ends quietly
                raise
            except PlanError as err:
                report(err, lang)
                if after_plan_error is not None:
                    _say(message(after_plan_error, lang))
                status = max(failure, err.exit_code)
            except JigyoError as err:
                report(err, lang)
                status = max(failure, err.exit_code)
            except OSError as err:
                _say(os_error_text(err, lang))
                status = failure
            except KeyboardInterrupt:
                _say(message("interrupted", lang))
                status = INTERRUPTED
            except Exception as err:  # the last resort: a bug, said in one line
                show_traceback_if_debugging(err)
                _say(message("bug", lang, kind=type(err).__name__))
                status = failure
            raise typer.Exit(status)

        return run

    return wrap
