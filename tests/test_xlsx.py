"""The workbook, read back with openpyxl and printed by LibreOffice as a clerk would."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook
from typer.testing import CliRunner

from jigyo.cli import app
from jigyo.renderers.tabular import COLUMNS, places
from jigyo.renderers.xlsx import render_xlsx, sheet_name
from tests.conftest import REAL, UNIT
from tests.office import compact, pdf_pages, pdf_text, soffice_pdf, views


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("xlsx")
    result = CliRunner().invoke(app, ["build", "--plans", str(REAL), "--out", str(out),
                                      "--format", "xlsx"])
    assert result.exit_code == 0, result.output
    return out / "xlsx" / "2020.xlsx"


@pytest.fixture(scope="module")
def book(built: Path) -> Workbook:
    return load_workbook(built)


def test_a_sheet_per_unit_in_print_order_then_the_data(book: Workbook):
    year = views(REAL)[0]
    assert book.sheetnames == [u.label[:31] for u in year.units] + ["データ"]


def test_the_data_sheet_has_every_entry_and_target_and_no_merged_cell(book: Workbook):
    sheet = book["データ"]
    assert not sheet.merged_cells.ranges
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(COLUMNS)).column_letter}{sheet.max_row}"
    assert sheet.freeze_panes == "A2"
    header = [c.value for c in sheet[1]]
    assert header == [c.name for c in COLUMNS]
    rows = [dict(zip(header, (c.value for c in row), strict=True))
            for row in sheet.iter_rows(min_row=2)]
    expected = list(places(views(REAL)[0]))
    assert len(rows) == len(expected)
    for row, place in zip(rows, expected, strict=True):
        assert row["事項"] == (place.entry.name or None)
        assert (row["目標値"] or "") == (place.target.text if place.target else "")
    assert {r["年度"] for r in rows} == {2020}  # numbers are numbers: filters and sums work
    assert 2100 in {r["目標値_数値"] for r in rows}


def test_a_unit_sheet_is_laid_out_as_printed(book: Workbook):
    year = views(REAL)[0]
    unit = year.units[0]
    sheet = book[unit.label[:31]]
    assert [sheet.cell(1, c).value for c in (1, 2, 4)] == ["項目", "内容", "目標値"]
    assert sheet.freeze_panes == "A2"
    assert sheet.print_title_rows == "$1:$1"
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4 == "9"
    assert sheet.page_setup.fitToWidth == 1
    assert year.department_header(unit.department) in (sheet.oddHeader.center.text or "")
    assert sheet.merged_cells.ranges  # the 項目 cells merged over their entries
    texts = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert unit.banner in texts
    assert any(t.startswith("(1)") for t in texts)  # the numbering as printed
    all_text = "\n".join(texts)
    for ini in unit.initiatives:
        assert ini.heading in all_text
        for group in ini.groups:
            for entry in group.entries:
                if entry.target is not None:
                    assert entry.target.text in all_text
    cell = next(c for row in sheet.iter_rows(min_row=2) for c in row if c.value)
    assert cell.alignment.wrap_text


def test_text_that_looks_like_a_formula_stays_text(plans):
    folder = plans({"soumu.yaml": UNIT.replace("target: 7回予定", "target: =HYPERLINK(1)")})
    data = render_xlsx(views(folder))["2020.xlsx"]
    book = load_workbook(io.BytesIO(data))
    values = [c for s in book.worksheets for row in s.iter_rows() for c in row
              if c.value == "=HYPERLINK(1)"]
    assert values and all(c.data_type == "s" for c in values)


def test_sheet_names_are_ones_excel_accepts():
    taken: set[str] = set()
    first = sheet_name("地域福祉推進係：ふれあいのまちづくり事業/[受託]*?の長い名前を持つ事業", taken)
    second = sheet_name("地域福祉推進係：ふれあいのまちづくり事業/[受託]*?の長い名前を持つ事業", taken)
    assert len(first) <= 31 and len(second) <= 31 and first != second
    assert not set("[]:*?/\\") & set(first + second)


def test_rebuilds_are_byte_identical():
    assert render_xlsx(views(REAL)) == render_xlsx(views(REAL))


def test_libreoffice_prints_the_workbook(built: Path, tmp_path: Path):
    pdf = soffice_pdf(built, tmp_path)
    text = compact(pdf_text(pdf))
    year = views(REAL)[0]
    for unit in year.units:
        assert compact(unit.banner) in text
    assert "2,100件程度" in text and "年間1235回を予定" in text
    assert 10 <= pdf_pages(pdf) <= 120


def test_extra_columns_of_the_settings_are_laid_out():
    folder = Path(__file__).parents[1] / "examples" / "kamisu-katsudou" / "plans"
    year = views(folder)[0]
    book = load_workbook(io.BytesIO(render_xlsx([year])[f"{year.name}.xlsx"]))
    sheet = book.worksheets[0]
    item, content, target, *extra = year.labels.headers()
    assert extra == ["担当", "評価"]
    assert [sheet.cell(1, c).value for c in range(1, 7)] == [item, content, None, target, *extra]
