"""The 新旧対照表 as a Word document, as offices file it: landscape A4, two columns.

The same tables as the HTML 新旧対照表 (:func:`html.context`): 改正後 | 改正前
(or the other way round with --old-left), what changed underlined, （新設）,
（削る） and （略） as placeholders, the column heads repeated on every page,
page numbers in the footer and the organization's title in the header.
"""

from __future__ import annotations

from collections.abc import Sequence

import docx
from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from docx.table import _Cell

from ...renderers.docx_styles import (
    a4,
    base_styles,
    header_and_footer,
    repeat_header,
    saved,
    set_widths,
    shade,
)
from ...renderers.office_text import xml_safe
from ..records import DiffReport
from .html import Cell, Table, context
from .options import Options

WIDTHS_MM = (128.5, 128.5)
"""Two equal columns between 20 mm margins of a landscape A4 page."""
STRONG_ROWS = ("unit", "initiative", "item")
"""Rows that name a level of the plan, set in bold as headings are."""


def _cell(target: _Cell, cell: Cell, kind: str) -> None:
    paragraph = target.paragraphs[0]
    if cell.placeholder:
        paragraph.add_run(xml_safe(cell.placeholder))
        if kind == "ryaku":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        return
    if cell.label:
        label = paragraph.add_run(xml_safe(cell.label) + "　")
        label.font.size = Pt(8.5)
    for part in cell.spans:
        for index, piece in enumerate(part.text.split("\n")):
            if index:
                paragraph = target.add_paragraph()
            if not piece:
                continue
            run = paragraph.add_run(xml_safe(piece))
            run.underline = part.changed or None
            run.bold = kind in STRONG_ROWS or None


def _table(document: DocumentObject, table: Table, heads: tuple[str, str],
           words: dict[str, str]) -> None:
    status = {"added": words["status_added"], "removed": words["status_removed"]}.get(
        table.status, "")
    document.add_heading(xml_safe(table.label + (f" {status}" if status else "")), level=2)
    document.add_paragraph(words["lead"])
    grid = document.add_table(rows=len(table.rows) + 1, cols=2)
    grid.style = document.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    for cell, head in zip(grid.rows[0].cells, heads, strict=True):
        cell.paragraphs[0].add_run(head).bold = True
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        shade(cell)
    repeat_header(grid)
    for row, shown in zip(grid.rows[1:], table.rows, strict=True):
        for cell, side in zip(row.cells, shown.cells, strict=True):
            _cell(cell, side, shown.kind)
    set_widths(grid, WIDTHS_MM)


def document(reports: Sequence[DiffReport], options: Options) -> bytes:
    """The whole comparison as .docx bytes, byte-identical for the same reports."""
    words_context = context(reports, options)
    words: dict[str, str] = words_context["words"]
    heads: tuple[str, str] = words_context["heads"]
    organization = next((r.organization for r in reports if r.organization), "")
    book = docx.Document()
    base_styles(book)
    section = book.sections[0]
    a4(section, landscape=True)
    header_and_footer(section, xml_safe(f"{organization}　{words['heading']}".strip("　")))
    book.add_heading(words["heading"], level=0)
    for part in words_context["sections"]:
        book.add_paragraph(xml_safe(words_context["compare"](part)))
        for change in part.year_changes:
            book.add_paragraph(xml_safe(f"{change.heading}: {change.old} → {change.new}"))
        if not part.tables and not part.year_changes:
            book.add_paragraph(words["none"])
        for table in part.tables:
            _table(book, table, heads, words)
    return saved(book, xml_safe(words_context["page_title"]), xml_safe(organization))


def render(reports: Sequence[DiffReport], options: Options) -> bytes:
    return document(reports, options)
