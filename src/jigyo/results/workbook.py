"""`jigyo results xlsx`: a workbook in which clerks enter the results of a year.

One sheet per unit (係), because each 係 fills in its own 事項 and the results
files are per unit too: a sheet can be handed to the 係 that owns it. One row
per 事項 in plan order. The plan columns are locked (sheet protection without
a password, so nobody is locked out, but a stray keystroke is refused); the
result columns are unlocked, 達成状況 is a drop-down of the council's words.
The last, hidden column holds the entry's key (its id, else its path), so
:mod:`jigyo.results.book_import` can match every row back to the plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl.styles import Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..layout import UnitView, YearView
from ..renderers.office_text import xml_safe
from ..renderers.xlsx import empty_workbook, saved, sheet_name
from ..renderers.xlsx_sheets import (
    BOX,
    HEAD_FILL,
    LINE_POINTS,
    WRAP,
    body,
    heading,
    lines_needed,
    page_setup,
    put,
)
from .keys import PlanEntry, plan_entries
from .labels import ReportLabels
from .loader import EntryResult, YearResults
from .report import lines

UNLOCKED = Protection(locked=False)


@dataclass(frozen=True)
class BookColumn:
    """A column of the entry sheet: its header, width, and the result field it edits."""

    header: str
    width: float
    field: str | None = None
    """The Result field (None: a plan column, locked)."""


def columns(labels: ReportLabels, plan_words: Sequence[str]) -> tuple[BookColumn, ...]:
    """The sheet's columns, in order; the key column is last."""
    item, content, target = plan_words
    return (
        BookColumn("番号", 6), BookColumn(labels.initiative, 18), BookColumn(item, 16),
        BookColumn(labels.entries, 18), BookColumn(content, 30), BookColumn(target, 14),
        BookColumn(labels.result, 16, "result"), BookColumn(labels.status, 11, "status"),
        BookColumn(labels.done, 28, "done"), BookColumn(labels.issues, 24, "issues"),
        BookColumn(labels.next, 24, "next"), BookColumn("key", 10),
    )


PLAN_COLUMNS = 6
KEY_COLUMN = 12


def key_of(entry: PlanEntry) -> str:
    """What the hidden column holds: the entry's id, else its path."""
    return f"id:{entry.entry.id}" if entry.entry.id else entry.path


def plan_cells(entry: PlanEntry, ditto: str) -> tuple[str, ...]:
    """The six plan cells of an entry's row, as written into the sheet."""
    view = entry.entry
    content = (tuple(line for row in view.rows for line in row.content.lines)
               if view.rows is not None else view.content.lines if view.content else ())
    targets = (ditto,) if entry.covered else entry.targets
    return (view.number, entry.initiative.numbered_title, entry.group.item or "",
            entry.label[len(view.number):], "\n".join(content), "\n".join(targets))


def result_text(each: EntryResult | None, field: str) -> str:
    """A result field as a cell: lines joined by newlines, empty when not written."""
    if each is None or each.result is None:
        return ""
    value = getattr(each.result, field)
    return "\n".join(lines(value))


def sheet_names(year: YearView) -> list[tuple[str, UnitView]]:
    """The sheet name of every unit, as the export writes them and the import expects."""
    taken: set[str] = set()
    return [(sheet_name(unit.label, taken), unit) for unit in year.units]


def _sheet(sheet: Worksheet, year: YearView, results: YearResults | None, unit: UnitView,
           cols: tuple[BookColumn, ...], statuses: Sequence[str]) -> None:
    mine = results.unit(unit.slug) if results is not None else None
    done = {e.plan.key: e for e in mine.entries} if mine is not None else {}
    for index, column in enumerate(cols, 1):
        put(sheet, 1, index, column.header)
        cell = sheet.cell(row=1, column=index)
        cell.font, cell.fill, cell.border, cell.alignment = heading(10), HEAD_FILL, BOX, WRAP
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    row = 1
    for entry in plan_entries(unit):
        row += 1
        values = [*plan_cells(entry, unit.labels.ditto),
                  *(result_text(done.get(entry.key), c.field) for c in cols if c.field),
                  key_of(entry)]
        for index, (column, value) in enumerate(zip(cols, values, strict=True), 1):
            if value:
                put(sheet, row, index, xml_safe(value))
            cell = sheet.cell(row=row, column=index)
            cell.font, cell.border, cell.alignment = body(10), BOX, WRAP
            if column.field is not None:
                cell.protection = UNLOCKED
        tallest = max(lines_needed(v, c.width) for c, v in zip(cols[:-1], values, strict=False))
        sheet.row_dimensions[row].height = tallest * LINE_POINTS + 4
    choices = ",".join(s.replace('"', '""') for s in statuses)
    check = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True,
                           showErrorMessage=True)
    status_column = get_column_letter(1 + next(i for i, c in enumerate(cols)
                                               if c.field == "status"))
    check.add(f"{status_column}2:{status_column}{max(row, 2)}")
    sheet.add_data_validation(check)
    sheet.column_dimensions[get_column_letter(KEY_COLUMN)].hidden = True
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    page_setup(sheet, f"{year.organization}　{year.era}　{unit.label}")
    sheet.page_setup.orientation = "landscape"
    sheet.print_area = f"A1:{get_column_letter(KEY_COLUMN - 1)}{row}"
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False


def entry_book(year: YearView, results: YearResults | None, labels: ReportLabels,
               statuses: Sequence[str]) -> bytes:
    """The year's entry workbook as bytes, byte-identical for the same plan and results."""
    book = empty_workbook()
    cols = columns(labels, year.labels.columns())
    for name, unit in sheet_names(year):
        _sheet(book.create_sheet(name), year, results, unit, cols, statuses)
    return saved(book, f"{year.organization} {year.era} {labels.report}", year.organization)
