"""Failures that are not in the user's plan: what the system refused, and jigyo's own bugs.

An :class:`OSError` carries an English ``strerror`` from the system; the
reasons a clerk meets (not found, no permission, disk full, port in use…)
are worded from the catalogue instead, with the error number as a fallback.
A bug is said in one line; its traceback is printed only when the
environment asks for it (``JIGYO_DEBUG=1``), for whoever fixes it.
"""

from __future__ import annotations

import errno
import os
import sys
import traceback

from .messages import MESSAGES, Lang, message

DEBUG_VARIABLE = "JIGYO_DEBUG"

_SAME = {"EPERM": "EACCES", "EWOULDBLOCK": "EAGAIN"}


def os_reason(err: OSError, lang: Lang = "ja") -> str:
    """Why the system refused, as a short phrase."""
    name = errno.errorcode.get(err.errno or 0, "")
    code = f"os_{_SAME.get(name, name)}"
    if code in MESSAGES:
        return message(code, lang)
    return message("os_other", lang, number=err.errno if err.errno is not None else "?")


def _shown(path: object) -> str:
    text = os.fsdecode(path) if isinstance(path, bytes | str) else str(path)
    return text if text.isprintable() else text.encode("unicode_escape").decode("ascii")


def os_error_text(err: OSError, lang: Lang = "ja") -> str:
    """A sentence naming the path the system refused (if it said one), and why."""
    path = err.filename if err.filename is not None else err.filename2
    if path is None:
        return message("os_error", lang, reason=os_reason(err, lang))
    return message("os_error_path", lang, path=_shown(path), reason=os_reason(err, lang))


def show_traceback_if_debugging(err: BaseException) -> None:
    """Print the traceback of `err` to stderr when JIGYO_DEBUG=1 is set."""
    if os.environ.get(DEBUG_VARIABLE) == "1":
        traceback.print_exception(err, file=sys.stderr)
