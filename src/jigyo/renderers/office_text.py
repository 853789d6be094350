"""Plan text for the office formats (Excel, Word): plain text that XML can carry.

Workbooks and Word documents show text, not Markdown: inline **strong**,
*emphasis* and `code` keep their words, a link keeps its text and shows its
address in parentheses. Characters XML cannot hold (control characters) are
dropped, so a stray one in a plan never breaks the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..inline import text_parser
from ..layout import CellText, CellView, RowView

if TYPE_CHECKING:
    from markdown_it.token import Token

KIND_COLUMN = {"item": 0, "name": 1, "content": 1, "target": 3, "extra": 4}
"""The grid column each kind of printed cell starts in (内容 spans columns 1–2)."""


@dataclass(frozen=True)
class Placed:
    """A printed cell placed in a grid of cells (a Word table, worksheet rows)."""

    row: int
    """0 for the table's first body row."""
    column: int
    span: int
    view: CellView


def placed(rows: tuple[RowView, ...], columns: int) -> Iterator[Placed]:
    """Each cell of the printed table at the next free column, merged over its spans."""
    taken: set[tuple[int, int]] = set()
    for r, row in enumerate(rows):
        for view in row.cells:
            column = KIND_COLUMN[view.kind]
            while (r, column) in taken and column < columns - 1:
                column += 1
            span = min(view.colspan, columns - column)
            if view.kind == "target":
                column, span = KIND_COLUMN["target"], 1
            taken.update((r + dr, column + dc)
                         for dr in range(view.rowspan) for dc in range(span))
            yield Placed(r, column, span, view)


_MARKDOWN = re.compile(r"[*_`\[\]\\&<!]")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """`text` without the characters an XML document may not contain."""
    return _NOT_XML.sub("", text)


def _words(tokens: list[Token]) -> str:
    out: list[str] = []
    links: list[str] = []
    for token in tokens:
        if token.type in ("text", "code_inline"):
            out.append(token.content)
        elif token.type == "softbreak":
            out.append(" ")
        elif token.type == "hardbreak":
            out.append("\n")
        elif token.type == "link_open":
            links.append(str(token.attrs.get("href", "")))
        elif token.type == "link_close" and links:
            href = links.pop()
            out.append(f" ({href})" if href else "")
        elif token.type not in ("strong_open", "strong_close", "em_open", "em_close"):
            out.append(token.content)
    return "".join(out)


@lru_cache(maxsize=65536)
def plain(text: str) -> str:
    """One piece of plan text with its inline Markdown turned into plain words."""
    if _MARKDOWN.search(text):
        tokens = text_parser().parseInline(text)
        children = tokens[0].children if tokens and tokens[0].children is not None else []
        text = _words(children)
    return xml_safe(text)


def cell_lines(cell: CellText | CellView) -> list[str]:
    """The printed lines of a cell: each after its mark (・), inline Markdown as words."""
    return [cell.marker + plain(line) for line in cell.lines]


def printed_cell(cell: CellView) -> str:
    """A table cell as printed: the number before the first line, the note below."""
    lines = cell_lines(cell)
    if cell.number:
        lines = [cell.number + (lines[0] if lines else ""), *lines[1:]]
    if cell.note:
        lines.append(plain(cell.note))
    return "\n".join(lines)
