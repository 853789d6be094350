"""Unit files read once in one command when several have the same bytes: the two sides
of a diff, where most files are untouched (a year and its copy, a revision and the
working tree).

Each side gets its own Document (its path in messages); the model is shared, so the
differ sees an untouched unit as the same object on both sides. A file read with a
problem is never shared.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from .yamlread import Document

if TYPE_CHECKING:
    from .limits import Limits
    from .model import Unit
    from .problems import Problem

    Read = tuple[Document | None, Unit | None, list[Problem]]


class KeptFiles(Protocol):
    """Unit files read before in this process, given again (the loader's one seam for
    SameBytes and the preview's reuse.Reuse)."""

    def unit_file(self, path: Path, raw: bytes | None, limits: Limits,
                  read: Callable[[bytes | None], Read]) -> Read:
        """The file at `path` (its bytes given, or read from disk) as `read(bytes)` reads
        and validates it; a file that cannot be read, or one over the size limit, goes to
        `read(None)`, which reads it the usual way and says what is wrong."""
        ...

Stamp = tuple[int, int, int, int]
"""Size, inode, modification and change times (ns) of a file: a save changes them."""


def bytes_of(path: Path, limits: Limits, stamp: Stamp | None = None,
             known: bytes = b"") -> tuple[Stamp, bytes | None]:
    """A unit file's stamp and bytes (`known` while its stamp is still `stamp`); no bytes
    for a file over the size limit or one that cannot be read: the usual reader says why."""
    try:
        info = path.stat()
        now = (info.st_size, info.st_ino, info.st_mtime_ns, info.st_ctime_ns)
        if stamp is not None and now == stamp:
            return now, known
        return now, path.read_bytes() if info.st_size <= limits.file_bytes else None
    except OSError:
        return (0, 0, 0, 0), None


class SameBytes:
    """The units of one command by their bytes and limits."""

    def __init__(self) -> None:
        self._read: dict[tuple[bytes, Limits], tuple[Document, Unit]] = {}

    def unit_file(self, path: Path, raw: bytes | None, limits: Limits,
                  read: Callable[[bytes | None], Read]) -> Read:
        """See :class:`KeptFiles`."""
        if raw is None:
            raw = bytes_of(path, limits)[1]
            if raw is None:
                return read(None)
        kept = self._read.get((raw, limits))
        if kept is not None:
            first, unit = kept
            return Document(path, first.data, first.text, first.limits), unit, []
        doc, model, problems = read(raw)
        if doc is not None and model is not None and not problems:
            self._read[(raw, limits)] = (doc, model)
        return doc, model, problems
