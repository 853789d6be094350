"""The plan as a Word document in the printed layout (for the 理事会 packet).

One section per 課 with its own running header (令和２年度　総務課　事業計画)
and page numbers; a unit's banner and each initiative are headings (Word's
navigation pane lists them); every table has the printed 項目 | 内容 | 目標値
columns with the merged cells merged. Fonts as the PDF: 明朝 body, ゴシック
headings (:mod:`docx_styles`).
"""

from __future__ import annotations

import docx
from docx.document import Document as DocumentObject
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.table import _Cell

from ..layout import BlockView, InitiativeView, RowView, UnitView, YearView
from . import Files
from .docx_styles import (
    a4,
    base_styles,
    header_and_footer,
    repeat_header,
    saved,
    set_widths,
    shade,
)
from .office_text import placed, plain, printed_cell, xml_safe

WIDTHS_MM = (34.0, 34.0, 68.0, 34.0)
"""項目, 内容 (name), 内容, 目標値: 170 mm, the width between the margins."""
EXTRA_MM = 20.0
"""Each extra column of the settings (実施時期, 担当, …), taken from the 内容 column."""


def _widths(extra: int) -> tuple[float, ...]:
    item, name, content, target = WIDTHS_MM
    return (item, name, max(30.0, content - EXTRA_MM * extra), target, *(EXTRA_MM,) * extra)


def _fill(cell: _Cell, text: str, bold: bool = False) -> None:
    """One paragraph per line, so Word wraps and spaces them as printed."""
    lines = text.split("\n")
    cell.paragraphs[0].text = ""
    for index, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.add_run(line).bold = bold or None


def _blocks(document: DocumentObject, label: str, blocks: tuple[BlockView, ...]) -> None:
    if not blocks:
        return
    document.add_heading(label, level=3)
    for block in blocks:
        for line in block.printed:
            document.add_paragraph(plain(line))


def _table(document: DocumentObject, ini: InitiativeView, rows: tuple[RowView, ...]) -> None:
    """The printed table: each cell placed at the next free column, merged over its span."""
    widths = _widths(len(ini.labels.extra_columns))
    columns = len(widths)
    table = document.add_table(rows=len(rows) + 1, cols=columns)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    item, content, target, *extra = ini.labels.headers()
    head = table.rows[0].cells
    merged_head = head[1].merge(head[2])
    for cell, text in ((head[0], item), (merged_head, content), (head[3], target),
                       *((head[4 + i], h) for i, h in enumerate(extra))):
        _fill(cell, text, bold=True)
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        shade(cell)
    repeat_header(table)
    for place in placed(rows, columns):
        view, r, column, span = place.view, place.row + 1, place.column, place.span
        cell = table.cell(r, column)
        if view.rowspan > 1 or span > 1:
            cell = cell.merge(table.cell(r + view.rowspan - 1, column + span - 1))
        _fill(cell, printed_cell(view), bold=view.kind == "item")
    set_widths(table, widths)


def _initiative(document: DocumentObject, ini: InitiativeView) -> None:
    document.add_heading(plain(ini.heading), level=2)
    _blocks(document, ini.labels.policy, ini.policy)
    _table(document, ini, ini.rows)
    if ini.note:
        document.add_paragraph(plain(ini.note))


def _unit(document: DocumentObject, unit: UnitView) -> None:
    document.add_heading(plain(unit.banner), level=1)
    _blocks(document, unit.labels.unit_policy, unit.policy)
    for ini in unit.initiatives:
        _initiative(document, ini)
    if unit.note:
        document.add_paragraph(plain(unit.note))


def document_bytes(year: YearView) -> bytes:
    """The year as a .docx, byte-identical for the same plan."""
    document = docx.Document()
    base_styles(document)
    first = True
    for department in year.departments:
        section = document.sections[0] if first else document.add_section(WD_SECTION.NEW_PAGE)
        a4(section)
        header_and_footer(section, xml_safe(year.department_header(department.name)))
        if first:
            document.add_heading(xml_safe(f"{year.heading}"), level=0)
            document.add_paragraph(xml_safe(year.organization)).alignment = (
                WD_ALIGN_PARAGRAPH.CENTER)
            first = False
        for unit in department.units:
            _unit(document, unit)
    return saved(document, xml_safe(f"{year.organization} {year.heading}"),
                 xml_safe(year.organization))


def render_docx(years: list[YearView]) -> Files:
    """`<year>.docx` for every year."""
    return {f"{year.name}.docx": document_bytes(year) for year in years}
