"""The strings of a plan, each able to say where any of its characters was typed.

The reader keeps the line and column where each value starts. A finding is
at a character inside a string, so the offset inside the value is mapped back
onto the file's text by walking the source and the value side by side: for a
plain or quoted scalar on one line and for a literal block (`|`) the position
is exact; in a folded block (`>`), a plain or quoted scalar over several lines
or a double-quoted escape it is the nearest character the walk could match.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..yamlread import Document, Path_

_SKIPPED = " \t\r\n'\"\\"
"""What the source may hold that the value does not: indentation, breaks, quotes, escapes."""


@dataclass(frozen=True)
class Text:
    """One string value of a plan file, with the key it was written under."""

    doc: Document
    where: Path_
    value: str
    key: str
    """The nearest mapping key (`name`, `target`, `bullets`…): what kind of text this is."""

    def at(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) in the file of the character at `offset` in the value."""
        line, column = self.doc.position(self.where)
        source = self.doc.text
        starts = _line_starts(source)
        start = starts[line - 1] + column - 1
        i = _locate(source, _body_start(source, start), self.value, offset)
        line = bisect_right(starts, i)
        return line, i - starts[line - 1] + 1

    @property
    def file(self) -> str:
        return self.doc.path.as_posix()


@lru_cache(maxsize=16)
def _line_starts(source: str) -> list[int]:
    """Where each line of a file starts: found once per file, not walked per finding."""
    return [0, *(found.end() for found in _BREAK.finditer(source))]


_BREAK = re.compile("\n")


def _body_start(source: str, start: int) -> int:
    """Where the value's first character may be: after a quote or a block header."""
    first = source[start:start + 1]
    if first in ("'", '"'):
        return start + 1
    if first in ("|", ">"):
        end = source.find("\n", start)
        return len(source) if end < 0 else end + 1
    return start


def _locate(source: str, at: int, value: str, offset: int) -> int:
    """Walk `value` over `source` from `at` up to `offset`, skipping what folding removed:
    the index in `source`."""
    i = at
    for j in range(min(offset, len(value))):
        char = value[j]
        while i < len(source) and source[i] != char and source[i] in _SKIPPED \
                and not (char in " \n" and source[i] in " \n"):
            i += 1
        if i < len(source) and (source[i] == char or (char in " \n" and source[i] in " \n")):
            i += 1
    while i < len(source) and source[i] in _SKIPPED and (offset >= len(value)
                                                         or source[i] != value[offset]):
        i += 1
    return i


_NOT_TEXT = frozenset({"id", "units", "fiscal_year", "numbering", "numbered", "span",
                       "commissioned", "draft", "approved", "published"})
"""Keys whose values are identifiers, numbers or switches, not wording."""


def texts(doc: Document) -> Iterator[Text]:
    """Every string of a document in file order, with the key it belongs to."""
    stack: list[tuple[Any, Path_, str]] = [(doc.data, (), "")]
    while stack:  # iterative: the data may be as deep as the limits allow
        node, where, key = stack.pop()
        if isinstance(node, str):
            yield Text(doc, where, node, key)
        elif isinstance(node, dict):
            stack.extend((value, (*where, k), k) for k, value in reversed(node.items())
                         if k not in _NOT_TEXT or isinstance(value, (dict, list)))
        elif isinstance(node, list):
            stack.extend((value, (*where, i), key) for i, value in reversed(list(enumerate(node))))
