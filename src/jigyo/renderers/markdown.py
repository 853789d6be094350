"""Markdown that reads well on GitHub: a file per unit and an index per year.

GitHub tables have no merged cells, so the table is written out flat by the
view (`InitiativeView.flat`: a 項目 on its first row only, a merged 目標値
repeated as 〃). Every value is escaped here: names and labels as plain text,
plan text as inline Markdown with HTML and unsafe links neutralised. The
year's contents link to the ids GitHub gives the unit files' headings.
"""

from __future__ import annotations

import re

from ..inline import markdown_text, to_markdown
from ..layout import CellView, FlatRow, UnitView, YearView
from . import Collected, Files, FileSink
from .mdanchors import github_slug, heading_ids, heading_text
from .templating import render


def _cell(cell: CellView | None) -> str:
    if cell is None:
        return ""
    mark = markdown_text(cell.marker)
    parts = [mark + to_markdown(line) for line in cell.lines]
    if cell.number and parts:
        parts[0] = markdown_text(cell.number) + parts[0]
    if cell.note:
        parts.append(to_markdown(cell.note))
    return "<br>".join(parts)


def row_cells(row: FlatRow) -> tuple[str, ...]:
    """(項目, 内容, 目標値, extra columns…) of one table row as Markdown cell text."""
    content = [text for text in (_cell(c) for c in row.content) if text]
    target = (_cell(row.target),) if row.target_column else ()
    return (_cell(row.item), "<br>".join(content), *target, *(_cell(c) for c in row.extra))


_BLANK_RUNS = re.compile(r"\n{3,}")


def _tidy(text: str) -> str:
    return _BLANK_RUNS.sub("\n\n", text)


def _anchors(unit: UnitView, page: str) -> dict[str, str]:
    """The GitHub id of each 取り組み's heading in its unit's page, by the 取り組み's anchor."""
    ids: dict[str, str] = {}
    for text, slug in heading_ids(page):
        ids.setdefault(text, slug)
    texts = {ini.anchor: heading_text(to_markdown(ini.heading)) for ini in unit.initiatives}
    return {anchor: ids.get(text) or github_slug(text) for anchor, text in texts.items()}


def render_markdown(years: list[YearView]) -> Files:
    files = Collected()
    write_markdown(years, files)
    return files


def write_markdown(years: list[YearView], files: FileSink) -> None:
    """Each unit's page, then its year's index, put into `files` as they are made."""
    helpers = {"plain": markdown_text, "cells": row_cells}
    for year in years:
        anchors: dict[str, dict[str, str]] = {}
        for unit in year.units:
            page = _tidy(render("md", "unit.md", year=year, unit=unit, **helpers))
            files[f"{year.name}/{unit.slug}.md"] = page.encode()
            anchors[unit.slug] = _anchors(unit, page)
        files[f"{year.name}/index.md"] = _tidy(
            render("md", "year.md", year=year, anchors=anchors, **helpers)).encode()
