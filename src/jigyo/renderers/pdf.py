"""The printed plan: one A4 PDF per year, typeset by Typst.

The Jinja template templates/typst/year.typ writes the year as Typst code in
which every piece of plan text is a string literal (see :mod:`typst_text`);
templates/typst/jigyo.typ holds the page layout. The Typst compiler is imported
only here, when a PDF is built, so the other formats stay as fast as before.
Before a PDF is written, every character is checked against the chosen font:
a PDF with a missing glyph is never produced.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from ..fonts import FontChoice, FontUnavailable, find_fonts, missing_characters
from ..layout import CellView, RowView, YearView
from . import Files
from .skipped import FormatSkipped
from .templating import TEMPLATES
from .typst_text import Code, inline, string

TYPST_TEMPLATES = TEMPLATES / "typst"

KEEP_LINES = 30
"""A table row estimated taller than this many lines may break across pages.

A row kept whole that is taller than a page would run off its bottom, so rows
that may not fit are left breakable; every other row moves to the next page whole.
"""

_COLUMN_MM = {"item": 27.0, "name": 46.0, "content": 74.0, "target": 27.0}
"""Column widths of templates/typst/jigyo.typ (column-widths), in millimetres."""


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


def _lines(cell: CellView) -> int:
    """A generous estimate of the lines a cell takes (10 pt characters, 3.5 mm each)."""
    width = _COLUMN_MM[cell.kind] + (_COLUMN_MM["content"] if cell.colspan > 1 else 0.0)
    per_line = max(1, int((width - 3) / 3.5))
    texts = [*cell.lines, *([cell.note] if cell.note else [])]
    return sum(-(-max(1, len(text)) // per_line) for text in texts)


def _keep(row: RowView) -> bool:
    """Whether a table row stays on one page: yes unless it may not fit on one."""
    return all(_lines(cell) <= KEEP_LINES for cell in row.cells if cell.kind != "item")


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TYPST_TEMPLATES),
        autoescape=False,  # escaping is done by _finalize: every value becomes a literal
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["inline"] = inline
    env.filters["code"] = Code
    env.filters["keep"] = _keep
    return env


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
    """The font choice that has every character of `source`, or FontSkipped naming the first gap."""
    options = [fonts, FontChoice(fonts.body, fonts.body), FontChoice(fonts.heading, fonts.heading)]
    for option in options:
        if not missing_characters(source, option.body) and (
            option.heading == option.body or not missing_characters(source, option.heading)
        ):
            return option
    char = missing_characters(source, fonts.body)[0]
    raise FormatSkipped(
        f"{_locate(year, char)}: 「{char}」（U+{ord(char):04X}）はフォント「{fonts.body.family}」に"
        "ないため、PDF は作成しませんでした（他の形式は出力しました）。"
        "この文字を別の文字に置き換えるか、この文字を含む日本語フォントを JIGYO_PDF_FONT で指定してください。"
    )


def compile_pdf(source: str, fonts: FontChoice) -> bytes:
    """Typeset with only the chosen fonts' folders: no system scan, no download."""
    import typst

    compiler = typst.Compiler(
        root=str(TYPST_TEMPLATES),
        font_paths=fonts.folders,
        ignore_system_fonts=True,
        sys_inputs={"body-font": fonts.body.family, "heading-font": fonts.heading.family},
    )
    try:
        pdf = compiler.compile(source.encode(), format="pdf")
    except typst.TypstError as err:
        raise FormatSkipped(f"PDF の組版に失敗したため作成しませんでした: {err.message}") from err
    if not isinstance(pdf, bytes):  # pragma: no cover - a PDF is always one document
        raise FormatSkipped("PDF の組版に失敗したため作成しませんでした。")
    return pdf


def render_pdf(years: list[YearView]) -> Files:
    """`<year>.pdf` for every year; raises FormatSkipped when this machine cannot make it."""
    if not years:
        return {}
    try:
        fonts = find_fonts()
    except FontUnavailable as err:
        raise FormatSkipped(str(err)) from err
    files: Files = {}
    for year in years:
        source = typst_source(year)
        files[f"{year.year}.pdf"] = compile_pdf(source, _covering(source, year, fonts))
    return files
