"""One unit as a worksheet laid out like the printed plan.

The columns are 項目 | 内容 (name and text) | 目標値 as on paper; merged cells
are merged as printed, text wraps, and row heights are estimated from the
text (Excel does not size merged cells itself). A header row is frozen and
repeated on every printed page; the page is A4 portrait, one page wide.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.header_footer import HeaderFooter, HeaderFooterItem
from openpyxl.worksheet.header_footer import _HeaderFooterPart as _Header
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from ..layout import BlockView, InitiativeView, RowView, UnitView, YearView
from .office_text import placed, plain, printed_cell

BODY_FONT = "ＭＳ 明朝"
HEADING_FONT = "ＭＳ ゴシック"
WIDTHS = (18.0, 22.0, 44.0, 16.0)
"""Column widths (in Excel's character units) of 項目, 内容 (name), 内容, 目標値."""
EXTRA_WIDTH = 14.0
"""Width of each extra column the settings add (実施時期, 担当, …)."""
LINE_POINTS = 14.0

_THIN = Side(style="thin", color="000000")
BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")
HEAD_FILL = PatternFill("solid", fgColor="E7E6E6")


def body(size: float = 10.5, bold: bool = False) -> Font:
    return Font(name=BODY_FONT, size=size, bold=bold)


def heading(size: float = 11.0) -> Font:
    return Font(name=HEADING_FONT, size=size, bold=True)


def put(sheet: Worksheet, row: int, column: int, text: str) -> None:
    """Write text as text: a value starting with = is never taken for a formula."""
    cell = sheet.cell(row=row, column=column, value=text)
    cell.data_type = "s"


def lines_needed(text: str, width: float) -> int:
    """How many printed lines `text` takes in a cell `width` characters wide (CJK counts 2)."""
    per_line = max(1.0, width - 1.0)
    total = 0
    for line in text.split("\n") or [""]:
        length = sum(1.0 if ord(c) < 0x2E80 or 0xFF61 <= ord(c) <= 0xFF9F else 2.0 for c in line)
        total += max(1, math.ceil(length / per_line))
    return total


@dataclass
class Cursor:
    """The next free row of the sheet and the heights chosen so far."""

    row: int
    heights: dict[int, float]
    widths: tuple[float, ...] = WIDTHS
    """Every column's width: 項目, 内容 (two), 目標値, then the extra columns."""

    def need(self, row: int, points: float) -> None:
        self.heights[row] = max(self.heights.get(row, LINE_POINTS + 4), points)


def _text_row(sheet: Worksheet, cursor: Cursor, text: str, font: Font) -> None:
    """A line of text across the whole table width (a banner, a heading, a 方針 line)."""
    put(sheet, cursor.row, 1, text)
    cell = sheet.cell(row=cursor.row, column=1)
    cell.font, cell.alignment = font, WRAP
    sheet.merge_cells(start_row=cursor.row, start_column=1, end_row=cursor.row,
                      end_column=len(cursor.widths))
    cursor.need(cursor.row, lines_needed(text, sum(cursor.widths)) * LINE_POINTS + 4)
    cursor.row += 1


def _blocks(sheet: Worksheet, cursor: Cursor, label: str, blocks: tuple[BlockView, ...]) -> None:
    if not blocks:
        return
    _text_row(sheet, cursor, label, heading(10.5))
    for block in blocks:
        for line in block.printed:
            _text_row(sheet, cursor, plain(line), body())


def _table(sheet: Worksheet, cursor: Cursor, rows: tuple[RowView, ...]) -> None:
    """The table as printed: each cell at the next free column, merged over its span."""
    top = cursor.row
    for place in placed(rows, len(cursor.widths)):
        view, r, column, span = place.view, top + place.row, place.column, place.span
        text = printed_cell(view)
        put(sheet, r, column + 1, text)
        cell = sheet.cell(row=r, column=column + 1)
        cell.font = body(bold=view.kind in ("item",))
        cell.alignment = WRAP
        for dr in range(view.rowspan):
            for dc in range(span):
                sheet.cell(row=r + dr, column=column + dc + 1).border = BOX
        if view.rowspan > 1 or span > 1:
            sheet.merge_cells(start_row=r, start_column=column + 1,
                              end_row=r + view.rowspan - 1, end_column=column + span)
        width = sum(cursor.widths[column:column + span])
        points = lines_needed(text, width) * LINE_POINTS + 4
        per_row = points / view.rowspan
        for dr in range(view.rowspan):
            cursor.need(r + dr, per_row)
    cursor.row = top + len(rows)


def _initiative(sheet: Worksheet, cursor: Cursor, ini: InitiativeView) -> None:
    _text_row(sheet, cursor, plain(ini.heading), heading())
    _blocks(sheet, cursor, ini.labels.policy, ini.policy)
    _table(sheet, cursor, ini.rows)
    if ini.note:
        _text_row(sheet, cursor, plain(ini.note), body(9.5))
    cursor.row += 1


def header_row(sheet: Worksheet, unit: UnitView, columns: int) -> None:
    """Row 1: 項目 | 内容 | 目標値 (and the extra columns), frozen and printed on every page."""
    item, content, target, *extra = unit.labels.headers()
    for column, text in ((1, item), (2, content), (4, target),
                         *((5 + i, h) for i, h in enumerate(extra))):
        put(sheet, 1, column, text)
    sheet.merge_cells(start_row=1, start_column=2, end_row=1, end_column=3)
    for column in range(1, columns + 1):
        cell = sheet.cell(row=1, column=column)
        cell.font, cell.alignment, cell.border, cell.fill = heading(10.5), CENTER, BOX, HEAD_FILL
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"


def page_setup(sheet: Worksheet, header: str) -> None:
    """A4 portrait, one page wide, the running header and page numbers on every page."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.6
    sheet.page_margins.top = sheet.page_margins.bottom = 0.8
    sheet.HeaderFooter = HeaderFooter(
        oddHeader=HeaderFooterItem(center=_Header(header.replace("&", "&&"))),
        oddFooter=HeaderFooterItem(center=_Header("&P / &N")))


def unit_sheet(sheet: Worksheet, year: YearView, unit: UnitView) -> None:
    """Fill `sheet` with the unit as printed: banner, 方針, every initiative's table."""
    widths = WIDTHS + (EXTRA_WIDTH,) * len(unit.labels.extra_columns)
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    header_row(sheet, unit, len(widths))
    cursor = Cursor(2, {}, widths)
    _text_row(sheet, cursor, plain(unit.banner), heading(12))
    _blocks(sheet, cursor, unit.labels.unit_policy, unit.policy)
    cursor.row += 1
    for ini in unit.initiatives:
        _initiative(sheet, cursor, ini)
    if unit.note:
        _text_row(sheet, cursor, plain(unit.note), body(9.5))
    for row, points in sorted(cursor.heights.items()):
        sheet.row_dimensions[row].height = round(points, 1)
    page_setup(sheet, year.department_header(unit.department))
