"""The printed plan: one A4 PDF per year, typeset by Typst.

The Jinja template templates/typst/year.typ writes the year as Typst code in
which every piece of plan text is a string literal (see :mod:`typst_text`);
templates/typst/jigyo.typ holds the page layout (column widths included) and
templates/typst/pages.typ fills a unit's pages, keeping table rows together as
printed plans do; here a table is only cut into the bands a page may not split.
A year is compiled in two passes, a large one in parts joined
(:mod:`pdf_parts`), so that its memory stays bounded; year.typ (one document,
the same pages) is what a project's own templates replace and what the
reference tests keep. Typst runs in child processes bounded in time and memory
(:mod:`typst_run`), so the other formats stay as fast as before and a
pathological plan cannot stall the build. Before a PDF is written, every character is checked against
the chosen font: a PDF with a missing glyph is never produced.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import jinja2

from ..fonts import FONT_SETTING, FontChoice, FontUnavailable, find_fonts, missing_characters
from ..layout import CellView, RowView, YearView
from . import Files
from .pdf_parts import compile_year
from .skipped import FormatSkipped
from .templating import environment
from .templating import source as template_file
from .typst_run import MEMORY_SETTING, TIMEOUT_SETTING, TYPST_TEMPLATES, compile_pdf
from .typst_text import Code, inline, plain, string

__all__ = ["MEMORY_SETTING", "TIMEOUT_SETTING", "TYPST_TEMPLATES", "compile_pdf", "render_pdf",
           "typst_source"]


@dataclass(frozen=True)
class Band:
    """Consecutive rows of one 項目 that no page break may cut (a merged cell spans them)."""

    group: int
    rows: int
    cells: tuple[CellView, ...]


@dataclass(frozen=True)
class PrintedTable:
    """A table as jigyo.typ fills it into pages: the 項目 cells and the bands of rows."""

    items: tuple[CellView, ...]
    bands: tuple[Band, ...]


def printed_table(rows: tuple[RowView, ...]) -> PrintedTable:
    """Split a table into bands: a page may break between bands, never inside one."""
    items: list[CellView] = []
    bands: list[Band] = []
    cells: list[CellView] = []
    start = 0
    reach = 0  # the first row not covered by a merged cell begun so far
    for index, row in enumerate(rows):
        for cell in row.cells:
            if cell.kind == "item":
                items.append(cell)
            else:
                cells.append(cell)
                reach = max(reach, index + cell.rowspan)
        last_of_group = index + 1 == len(rows) or rows[index + 1].group != row.group
        if reach <= index + 1 or last_of_group:
            bands.append(Band(len(items) - 1, index + 1 - start, tuple(cells)))
            cells, start = [], index + 1
    return PrintedTable(tuple(items), tuple(bands))


def _finalize(value: Any) -> str:
    """Jinja's output hook: plain text becomes a Typst string literal, never markup."""
    if isinstance(value, Code):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if value is None:
        return "none"
    if isinstance(value, str):
        return string(value)
    raise TypeError(f"cannot place {type(value).__name__} in a Typst document")


def _environment() -> jinja2.Environment:
    # no autoescape: escaping is done by _finalize, which makes every value a literal
    return environment("typst", autoescape=False, finalize=_finalize,
                       filters={"inline": inline, "plain": plain,
                                "printed_table": printed_table})


def typst_source(year: YearView) -> str:
    """The year as a Typst document (imports jigyo.typ from the template folder)."""
    return _environment().get_template("year.typ").render(year=year)


def _locate(year: YearView, char: str) -> str:
    """Where a character first occurs in the year's files, as path:line:column."""
    paths: list[Path] = [year.source.path] + [u.path for u in year.source.units]
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            continue
        index = text.find(char)
        if index >= 0:
            line = text.count("\n", 0, index) + 1
            column = index - (text.rfind("\n", 0, index) + 1) + 1
            return f"{path.as_posix()}:{line}:{column}"
    return year.source.path.parent.as_posix()


def _covering(source: str, year: YearView, fonts: FontChoice) -> FontChoice:
    """The font choice that has every character of `source`, or FormatSkipped naming the first gap."""
    options = [fonts, FontChoice(fonts.body, fonts.body), FontChoice(fonts.heading, fonts.heading)]
    for option in options:
        if not missing_characters(source, option.body) and (
            option.heading == option.body or not missing_characters(source, option.heading)
        ):
            return option
    char = missing_characters(source, fonts.body)[0]
    raise FormatSkipped("pdf_missing_glyph", location=_locate(year, char), char=char,
                        codepoint=f"{ord(char):04X}", family=fonts.body.family, setting=FONT_SETTING)


def compile_each(documents: Iterable[tuple[str, YearView, Callable[[], str]]]) -> Files:
    """File name → PDF for each (name, year, Typst source); raises FormatSkipped when this
    machine cannot make them (no Japanese font, a character the font lacks, a failed compile)."""
    jobs = list(documents)
    if not jobs:
        return {}
    fonts = _fonts()
    files: Files = {}
    for name, year, make_source in jobs:
        source = make_source()
        files[name] = compile_pdf(source, _covering(source, year, fonts))
    return files


def _fonts() -> FontChoice:
    try:
        return find_fonts()
    except FontUnavailable as err:
        raise FormatSkipped.because(err) from err


_PARTS_TEMPLATES = ("year.typ", "unit.typ", "plan.typ", "part.typ", "preamble.typ", "cover.typ",
                    "policy.typ", "blocks.typ")


def render_pdf(years: list[YearView]) -> Files:
    """`<year>.pdf` for every year; raises FormatSkipped when this machine cannot make it.

    A year is measured and placed in two passes (:mod:`pdf_parts`), unless the
    project replaces a template of the year: its year.typ is then compiled as
    it is, in one pass.
    """
    if not years:
        return {}
    fonts = _fonts()
    files: Files = {}
    own = all(template_file("typst", name) == TYPST_TEMPLATES / name for name in _PARTS_TEMPLATES)
    for year in years:
        choose = partial(_covering, year=year, fonts=fonts)
        if own:
            files[f"{year.name}.pdf"] = compile_year(_environment(), year, choose)
        else:
            text = typst_source(year)
            files[f"{year.name}.pdf"] = compile_pdf(text, choose(text))
    return files
