"""Renderers: each turns year views into files (relative path → bytes)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

Files = dict[str, bytes]
"""Output files of one renderer, keyed by POSIX path relative to its folder."""


class FileSink(Protocol):
    """Where a renderer puts its files as it makes them: in memory (:class:`Collected`), or
    a staging folder's writer (jigyo.fsutil.FolderWriter), so that a large output is never
    held whole."""

    def __setitem__(self, path: str, data: bytes) -> None: ...

    def __len__(self) -> int: ...

    def stream(self, path: str, chunks: Iterable[str]) -> None:
        """A file given as pieces of text, written as UTF-8 while they are made."""


class Collected(dict[str, bytes]):
    """Files kept in memory (a renderer's result when nothing is written yet)."""

    def stream(self, path: str, chunks: Iterable[str]) -> None:
        self[path] = "".join(chunks).encode()
