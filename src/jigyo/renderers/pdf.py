"""The printed plan: one A4 PDF per year, typeset by Typst.

The Jinja template templates/typst/year.typ writes the year as Typst code in
which every piece of plan text is a string literal (see :mod:`typst_text`);
templates/typst/jigyo.typ holds the page layout (column widths included) and
templates/typst/pages.typ fills a unit's pages, keeping table rows together as
printed plans do; here a table is only cut into the bands a page may not split.
Typst runs in a child process bounded in time and memory (:mod:`typst_child`),
so the other formats stay as fast as before and a pathological plan cannot
stall the build. Before a PDF is written, every character is checked against
the chosen font: a PDF with a missing glyph is never produced.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import jinja2

from ..fonts import FONT_SETTING, FontChoice, FontUnavailable, find_fonts, missing_characters
from ..layout import CellView, RowView, YearView
from . import Files
from .skipped import FormatSkipped
from .templating import environment, folder
from .typst_child import OUT_OF_MEMORY
from .typst_text import Code, inline, plain, string

TYPST_TEMPLATES = folder("typst")
_CHILD = Path(__file__).with_name("typst_child.py")

TIMEOUT_SETTING = "JIGYO_PDF_TIMEOUT"
MEMORY_SETTING = "JIGYO_PDF_MEMORY"
COMPILE_SECONDS = 60
"""The longest a PDF compile may run (the real year takes about a second and a half)."""
COMPILE_MEGABYTES = 2048
"""The address space a PDF compile may use, in MB (the real year needs about 500)."""


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


def _limit(setting: str, default: int) -> int:
    """A positive whole number from the environment variable `setting`, else `default`."""
    value = os.environ.get(setting, "").strip()
    if not value:
        return default
    if not value.isdigit() or int(value) <= 0:
        raise FormatSkipped("pdf_limit_setting", setting=setting, value=value)
    return int(value)


def compile_pdf(source: str, fonts: FontChoice) -> bytes:
    """Typeset in a child process, bounded in time and memory; fonts only from the chosen folders.

    A pathological plan (a line of megabytes, a table of tens of thousands of
    rows) makes Typst run for minutes and grow without bound; the child is
    stopped at the limits and the PDF skipped with a message, the other formats
    are still written.
    """
    seconds = _limit(TIMEOUT_SETTING, COMPILE_SECONDS)
    megabytes = _limit(MEMORY_SETTING, COMPILE_MEGABYTES)
    params = {
        "root": str(TYPST_TEMPLATES),
        "font_paths": fonts.folders,
        "sys_inputs": {"body-font": fonts.body.family, "heading-font": fonts.heading.family},
        "memory": megabytes * 1024 * 1024,
    }
    try:
        done = subprocess.run(
            [sys.executable, "-I", str(_CHILD), json.dumps(params)],
            input=source.encode(), capture_output=True, timeout=seconds, check=False,
            # few malloc arenas: each reserves 64 MB of address space per thread,
            # which on a many-core machine would count against the cap
            env={**os.environ, "MALLOC_ARENA_MAX": "2"},
        )
    except subprocess.TimeoutExpired as err:
        raise FormatSkipped("pdf_compile_timeout", seconds=seconds, setting=TIMEOUT_SETTING) from err
    if done.returncode == 0 and done.stdout.startswith(b"%PDF"):
        return done.stdout
    if done.returncode in (OUT_OF_MEMORY, -signal.SIGABRT, -signal.SIGKILL, -signal.SIGSEGV):
        raise FormatSkipped("pdf_compile_memory", megabytes=megabytes, setting=MEMORY_SETTING)
    detail = done.stderr.decode("utf-8", "replace").strip() or f"status {done.returncode}"
    raise FormatSkipped("pdf_compile_failed", detail=detail)


def compile_each(documents: Iterable[tuple[str, YearView, Callable[[], str]]]) -> Files:
    """File name → PDF for each (name, year, Typst source); raises FormatSkipped when this
    machine cannot make them (no Japanese font, a character the font lacks, a failed compile)."""
    jobs = list(documents)
    if not jobs:
        return {}
    try:
        fonts = find_fonts()
    except FontUnavailable as err:
        raise FormatSkipped.because(err) from err
    files: Files = {}
    for name, year, make_source in jobs:
        source = make_source()
        files[name] = compile_pdf(source, _covering(source, year, fonts))
    return files


def render_pdf(years: list[YearView]) -> Files:
    """`<year>.pdf` for every year; raises FormatSkipped when this machine cannot make it."""
    return compile_each((f"{year.name}.pdf", year, partial(typst_source, year))
                        for year in years)
