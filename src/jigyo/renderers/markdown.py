"""Markdown that reads well on GitHub: a file per unit and an index per year.

GitHub tables have no merged cells, so the table is flattened: a 項目 is shown
on its first row only, and a 目標値 merged over several entries is repeated as
〃 (the Japanese ditto mark) on the entries it covers.
"""

from __future__ import annotations

import re

from ..inline import to_markdown
from ..layout import CellView, InitiativeView, YearView
from . import Files
from .templating import render

DITTO = "〃"


def _cell(cell: CellView) -> str:
    parts = [cell.marker + to_markdown(line) for line in cell.lines]
    if cell.number and parts:
        parts[0] = cell.number + parts[0]
    if cell.note:
        parts.append(to_markdown(cell.note))
    return "<br>".join(parts)


def table(initiative: InitiativeView) -> list[tuple[str, str, str]]:
    """Rows of (項目, 内容, 目標値) with merged cells written out."""
    flat: list[tuple[str, str, str]] = []
    target_left = 0  # rows still covered by a merged 目標値 cell
    for row in initiative.rows:
        item = target = ""
        content: list[str] = []
        has_target = False
        for cell in row.cells:
            text = _cell(cell)
            if cell.kind == "item":
                item = text
            elif cell.kind == "target":
                target, has_target, target_left = text, True, cell.rowspan
            elif text:
                content.append(text)
        if not has_target and target_left > 0:
            target = DITTO
        target_left -= 1
        flat.append((item, "<br>".join(content), target))
    return flat


_BLANK_RUNS = re.compile(r"\n{3,}")


def _tidy(text: str) -> bytes:
    return _BLANK_RUNS.sub("\n\n", text).encode()


def render_markdown(years: list[YearView]) -> Files:
    files: Files = {}
    for year in years:
        files[f"{year.year}/index.md"] = _tidy(render("md", "year.md", year=year))
        for unit in year.units:
            files[f"{year.year}/{unit.slug}.md"] = _tidy(
                render("md", "unit.md", year=year, unit=unit, table=table)
            )
    return files
