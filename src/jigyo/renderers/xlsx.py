"""The plan as an Excel workbook a clerk keeps: a sheet per unit as printed, and the data.

Built with openpyxl, the library that also reads workbooks back (the
事業報告's entry workbook is read with it too), so one well-kept dependency
covers both directions. The sheets follow the print order; the last sheet is the
flat table of :mod:`jigyo.renderers.tabular` (no merged cells, an autofilter),
the same columns as the CSV. The ZIP is made byte-identical by
:func:`jigyo.zipfix.deterministic`.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from ..layout import YearView
from ..messages import message
from ..zipfix import deterministic
from . import Files
from .office_text import xml_safe
from .tabular import Column, table
from .xlsx_sheets import BOX, CENTER, HEAD_FILL, WRAP, body, heading, page_setup, put, unit_sheet

SHEET_NAME_LENGTH = 31
"""Excel refuses longer sheet names."""
_NOT_IN_NAME = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
_FIXED = datetime(1980, 1, 1)


def sheet_name(wanted: str, taken: set[str]) -> str:
    """A name Excel accepts, unique in the workbook (a second 地域福祉係 becomes 地域福祉係(2))."""
    base = _NOT_IN_NAME.sub("_", wanted).strip("'") or "_"
    name, n = base[:SHEET_NAME_LENGTH], 1
    while name.casefold() in taken:
        n += 1
        suffix = f"({n})"
        name = base[:SHEET_NAME_LENGTH - len(suffix)] + suffix
    taken.add(name.casefold())
    return name


def _typed(value: str, column: Column) -> str | int | Decimal | None:
    """Numbers as numbers (so a filter and a sum work), text as text, "" as an empty cell."""
    if value == "":
        return None
    if column.kind == "integer":
        return int(value)
    if column.kind == "number":
        number = Decimal(value)
        return int(number) if number == number.to_integral_value() else number
    return xml_safe(value)


WIDTH_LIMIT = 50.0


def data_sheet(sheet: Worksheet, columns: Sequence[Column], rows: Sequence[Sequence[str]],
               header: str) -> None:
    """The flat table: one header row, frozen, with an autofilter; never a merged cell."""
    for index, column in enumerate(columns, 1):
        put(sheet, 1, index, column.name)
        cell = sheet.cell(row=1, column=index)
        cell.font, cell.alignment, cell.border, cell.fill = heading(10), CENTER, BOX, HEAD_FILL
    for r, row in enumerate(rows, 2):
        for index, (value, column) in enumerate(zip(row, columns, strict=True), 1):
            typed = _typed(value, column)
            cell = sheet.cell(row=r, column=index, value=typed)
            if isinstance(typed, str):
                cell.data_type = "s"
            cell.font, cell.alignment = body(10), WRAP
    for index, column in enumerate(columns, 1):
        longest = max([len(column.name) * 2.0] + [
            min(WIDTH_LIMIT, max((len(line) * 2.0 for line in row[index - 1].split("\n")),
                                 default=0.0))
            for row in rows])
        sheet.column_dimensions[get_column_letter(index)].width = max(8.0, min(WIDTH_LIMIT,
                                                                               longest + 2))
    last = get_column_letter(len(columns))
    sheet.auto_filter.ref = f"A1:{last}{max(1, len(rows) + 1)}"
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    page_setup(sheet, header)
    # a table this wide is read on screen or filtered; printed, it runs over pages at 60 %
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=False)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.scale = 60
    sheet.print_options.horizontalCentered = False


def workbook(year: YearView) -> bytes:
    """The year's workbook as bytes, byte-identical for the same plan."""
    book = empty_workbook()
    taken: set[str] = set()
    for unit in year.units:
        unit_sheet(book.create_sheet(sheet_name(unit.label, taken)), year, unit)
    columns, rows = table(year)
    data = book.create_sheet(sheet_name(message("xlsx_data_sheet"), taken))
    data_sheet(data, columns, rows, year.heading)
    return saved(book, f"{year.organization} {year.heading}", year.organization)


def empty_workbook() -> Workbook:
    """A workbook without openpyxl's default sheet: every sheet is added by name."""
    book = Workbook()
    default = book.active
    if default is not None:
        book.remove(default)
    return book


def saved(book: Workbook, title: str, creator: str) -> bytes:
    """The workbook's bytes, the same for the same content (fixed dates, ZIP entries)."""
    book.properties.title = xml_safe(title)
    book.properties.creator = xml_safe(creator)
    book.properties.created = book.properties.modified = _FIXED
    book.properties.lastModifiedBy = None
    buffer = io.BytesIO()
    book.save(buffer)
    return deterministic(buffer.getvalue())


def render_xlsx(years: list[YearView]) -> Files:
    """`<year>.xlsx` for every year."""
    return {f"{year.name}.xlsx": workbook(year) for year in years}
