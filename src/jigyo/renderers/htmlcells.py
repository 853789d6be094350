"""The rows of a site table as HTML, written in Python rather than by Jinja loops.

A 1,000-unit year has about 180,000 table cells; a macro call per cell (with
its two nested `set` blocks and a second macro for the lines) was most of the
site's build time, and even a filter call per cell left Jinja escaping and
wrapping every cell again. `rows_html` writes a table's body as one piece,
exactly what the loop over `cell_html` in templates/html/macros.html wrote,
escaping every value the same way.
"""

from __future__ import annotations

from functools import lru_cache

from markupsafe import Markup, escape

from ..inline import to_html
from ..layout import CellView, RowView


@lru_cache(maxsize=4096)
def _escaped(text: str) -> str:
    """A marker, number, kind or anchor prefix escaped (few distinct values, each escaped once)."""
    return str(escape(text))


def cell_lines(cell: CellView) -> str:
    """The lines of a cell (each in a span, with its marker) and its note."""
    if cell.marker:
        start = f'<span class="line bullet"><span class="marker">{_escaped(cell.marker)}</span>'
    else:
        start = '<span class="line">'
    parts = [f"{start}{to_html(line)}</span>" for line in cell.lines]
    if cell.note:
        parts.append(f'<span class="note">{to_html(cell.note)}</span>')
    return "".join(parts)


def cell_html(cell: CellView, prefix: str = "", columns: int = 2) -> Markup:
    """A `<th>` or `<td>` with its rowspan, colspan and anchor, ending with a newline."""
    return Markup(_cell(cell, prefix, columns))


def rows_html(rows: tuple[RowView, ...], prefix: str = "", columns: int = 2) -> Markup:
    """Every `<tr>` of a table body, each cell followed by a blank line as the template wrote."""
    return Markup("".join(
        "<tr>\n" + "".join(_cell(cell, prefix, columns) + "\n" for cell in row.cells) + "</tr>\n"
        for row in rows))


def _cell(cell: CellView, prefix: str, columns: int) -> str:
    span = f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else ""
    if cell.colspan > 1 and columns > 1:
        span += f' colspan="{cell.colspan}"'
    anchor = f' id="{_escaped(prefix)}{escape(cell.anchor)}"' if cell.anchor else ""
    if cell.kind == "item":
        return f'<th scope="rowgroup" class="item"{span}>{cell_lines(cell)}</th>\n'
    if cell.kind == "name":
        number = f'<span class="number">{_escaped(cell.number)}</span>' if cell.number else ""
        return f'<th scope="row" class="name"{span}{anchor}>{number}{cell_lines(cell)}</th>\n'
    return f'<td class="{_escaped(cell.kind)}"{span}{anchor}>{cell_lines(cell)}</td>\n'
