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

from .messages import MESSAGES, Lang, Msg, msg

DEBUG_VARIABLE = "JIGYO_DEBUG"

_SAME = {"EPERM": "EACCES", "EWOULDBLOCK": "EAGAIN"}


def os_reason_msg(err: OSError) -> Msg:
    """Why the system refused, as a short phrase worded when printed."""
    name = errno.errorcode.get(err.errno or 0, "")
    code = f"os_{_SAME.get(name, name)}"
    if code in MESSAGES:
        return msg(code)
    return msg("os_other", number=err.errno if err.errno is not None else "?")


def os_reason(err: OSError, lang: Lang = "ja") -> str:
    """Why the system refused, as a short phrase."""
    return os_reason_msg(err).text(lang)


def _shown(path: object) -> str:
    text = os.fsdecode(path) if isinstance(path, bytes | str) else str(path)
    return text if text.isprintable() else text.encode("unicode_escape").decode("ascii")


def os_error_msg(err: OSError) -> Msg:
    """A sentence naming the path the system refused (if it said one), and why."""
    path = err.filename if err.filename is not None else err.filename2
    if path is None:
        return msg("os_error", reason=os_reason_msg(err))
    return msg("os_error_path", path=_shown(path), reason=os_reason_msg(err))


def os_error_text(err: OSError, lang: Lang = "ja") -> str:
    """:func:`os_error_msg`, worded in `lang`."""
    return os_error_msg(err).text(lang)


def show_traceback_if_debugging(err: BaseException) -> None:
    """Print the traceback of `err` to stderr when JIGYO_DEBUG=1 is set."""
    if os.environ.get(DEBUG_VARIABLE) == "1":
        traceback.print_exception(err, file=sys.stderr)
