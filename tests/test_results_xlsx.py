"""The results entry workbook through the command line: export, a clerk's edits, import."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from jigyo.cli import app
from tests.conftest import ROOT, SAMPLE
from tests.office import compact, pdf_text, soffice_pdf

RESULTS = ROOT / "tests" / "fixtures" / "results" / "2020" / "results"
SHEET = "法人運営係"
runner = CliRunner()


def jigyo(*args: str):
    return runner.invoke(app, list(args), prog_name="jigyo")


def tree(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    plans = tmp_path / "plans"
    shutil.copytree(SAMPLE, plans)
    shutil.copytree(RESULTS, plans / "2020" / "results")
    return plans


def export(plans: Path, book: Path) -> None:
    done = jigyo("results", "xlsx", "2020", "--plans", str(plans), "--output", str(book))
    assert done.exit_code == 0, done.output


def row_of(sheet, entry: str) -> int:
    return next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 4).value == entry)


def test_the_workbook_is_prefilled_locked_and_deterministic(plans: Path, tmp_path: Path):
    export(plans, tmp_path / "a.xlsx")
    export(plans, tmp_path / "b.xlsx")
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()
    book = openpyxl.load_workbook(tmp_path / "a.xlsx")
    sheet = book[SHEET]
    assert [c.value for c in sheet[1]][:8] == ["番号", "取り組み", "項目", "事項", "内容",
                                               "目標値", "実績", "達成状況"]
    row = row_of(sheet, "理事会")
    assert sheet.cell(row, 6).value == "7回予定"
    assert sheet.cell(row, 7).value == "6回" and sheet.cell(row, 8).value == "概ね達成"
    assert sheet.protection.sheet and not sheet.protection.password
    assert sheet.cell(row, 6).protection.locked and not sheet.cell(row, 7).protection.locked
    assert sheet.column_dimensions["L"].hidden
    assert sheet.freeze_panes == "A2"
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
    (check,) = sheet.data_validations.dataValidation
    assert check.formula1 == '"達成,概ね達成,未達成,未実施,中止"'


def test_an_untouched_workbook_changes_no_results_file(plans: Path, tmp_path: Path):
    folder = plans / "2020" / "results"
    before = tree(folder)
    export(plans, tmp_path / "book.xlsx")
    done = jigyo("results", "import", "2020", str(tmp_path / "book.xlsx"), "--plans", str(plans))
    assert done.exit_code == 0, done.output
    assert "変更はありません" in done.output
    assert tree(folder) == before


def test_a_filled_in_workbook_writes_results_and_keeps_what_it_leaves_empty(
        plans: Path, tmp_path: Path):
    path = tmp_path / "book.xlsx"
    export(plans, path)
    book = openpyxl.load_workbook(path)
    sheet = book[SHEET]
    row = row_of(sheet, "理事会")
    sheet.cell(row, 7).value = None  # emptied: the file's 6回 is kept
    sheet.cell(row, 10).value = "日程調整\n会場の確保"
    other = row_of(sheet, "表彰対象者の選出準備")
    sheet.cell(other, 9).value = "名簿を作成"
    book.save(path)
    done = jigyo("results", "import", "2020", str(path), "--plans", str(plans))
    assert done.exit_code == 0, done.output
    checked = jigyo("check", "--plans", str(plans))
    assert checked.exit_code == 0, checked.output
    again = openpyxl.load_workbook(_exported(plans, tmp_path))[SHEET]
    row = row_of(again, "理事会")
    assert again.cell(row, 7).value == "6回"
    assert again.cell(row, 10).value == "日程調整\n会場の確保"
    assert again.cell(row_of(again, "表彰対象者の選出準備"), 9).value == "名簿を作成"
    text = (plans / "2020" / "results" / "soumu.yaml").read_text(encoding="utf-8")
    assert "interim:" in text  # the 上半期 progress is kept


def _exported(plans: Path, tmp_path: Path) -> Path:
    path = tmp_path / "again.xlsx"
    export(plans, path)
    return path


def test_a_clerks_mistakes_are_located_and_nothing_is_written(plans: Path, tmp_path: Path):
    folder = plans / "2020" / "results"
    before = tree(folder)
    path = tmp_path / "book.xlsx"
    export(plans, path)
    book = openpyxl.load_workbook(path)
    sheet = book[SHEET]
    row = row_of(sheet, "理事会")
    sheet.cell(row, 6).value = "8回"  # typed into a locked-looking plan cell
    sheet.cell(row, 8).value = "ほぼ達成"  # not a word of the vocabulary
    sheet.cell(row, 7).value = "7回"
    last = sheet.max_row + 1
    sheet.cell(last, 7).value = "3回"  # a row added under the plan's rows
    sheet.cell(row + 1, 12).value = "組織運営の取り組み › 理事会、評議員会の開催 › 評議委員会"
    book.worksheets[1].title = "権利擁護"
    book.save(path)
    done = jigyo("results", "import", "2020", str(path), "--plans", str(plans))
    assert done.exit_code == 1
    out = done.output
    assert f"book.xlsx:{SHEET}!H{row}: 達成状況「ほぼ達成」は使えません。使える語: 達成、概ね達成" in out
    assert f"book.xlsx:{SHEET}!F{row}: 注意: 計画の列が変更されています" in out
    assert f"book.xlsx:{SHEET}!A{last}: 計画にない行" in out
    assert f"book.xlsx:{SHEET}!L{row + 1}:" in out and "近い事項: 「組織運営の取り組み › 理事会、評議員会の開催 › 評議員会」" in out
    assert "book.xlsx:権利擁護: シート「権利擁護」は計画の係にありません" in out
    assert "シート「権利擁護係：あんしん事業（東社協からの受託事業）」がありません" in out
    assert "何も書き込んでいません" in out
    assert "Traceback" not in out
    assert tree(folder) == before


def test_a_workbook_without_results_yet_creates_the_files(tmp_path: Path):
    plans = tmp_path / "plans"
    shutil.copytree(SAMPLE, plans)
    path = tmp_path / "book.xlsx"
    export(plans, path)
    book = openpyxl.load_workbook(path)
    sheet = book[SHEET]
    sheet.cell(row_of(sheet, "理事会"), 7).value = "5回"
    book.save(path)
    done = jigyo("results", "import", "2020", str(path), "--plans", str(plans))
    assert done.exit_code == 0, done.output
    assert jigyo("check", "--plans", str(plans)).exit_code == 0
    assert '"5回"' in (plans / "2020" / "results" / "soumu.yaml").read_text(encoding="utf-8")


def test_the_workbook_prints_with_libreoffice(plans: Path, tmp_path: Path):
    path = tmp_path / "book.xlsx"
    export(plans, path)
    text = compact(pdf_text(soffice_pdf(path, tmp_path / "pdf")))
    for words in ("理事会", "7回予定", "概ね達成", "達成状況", "次年度の方向性"):
        assert words in text


# --- the results columns of the CSV -------------------------------------------


def test_the_csv_gets_the_results_columns_and_stays_valid(plans: Path, tmp_path: Path):
    import csv
    import json

    from frictionless import validate

    out = tmp_path / "out"
    done = jigyo("build", "--plans", str(plans), "--out", str(out), "--format", "csv")
    assert done.exit_code == 0, done.output
    report = validate(str(out / "csv" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = json.loads((out / "csv" / "datapackage.json").read_text(encoding="utf-8"))
    (resource,) = [r for r in package["resources"] if r["path"] == "2020.csv"]
    names = [f["name"] for f in resource["schema"]["fields"]]
    assert names[-10:] == ["実績", "達成状況", "達成率", "実施状況", "課題", "次年度の方向性",
                           "上半期_実績", "上半期_達成状況", "上半期_達成率", "上半期_実施状況"]
    with (out / "csv" / "2020.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    row = next(r for r in rows if r["事項"] == "理事会")
    assert (row["実績"], row["達成状況"], row["上半期_実績"]) == ("6回", "概ね達成", "3回")
    assert row["達成率"] == "86" and row["課題"] == "臨時開催の日程調整"
    unfilled = next(r for r in rows if r["事項"] == "講習会の開催")
    assert unfilled["達成状況"] == "" and unfilled["実績"] == ""


def test_a_file_that_is_not_a_workbook_is_said_in_one_line(plans: Path, tmp_path: Path):
    bad = tmp_path / "book.xlsx"
    bad.write_text("not a workbook", encoding="utf-8")
    done = jigyo("results", "import", "2020", str(bad), "--plans", str(plans))
    assert done.exit_code == 1
    assert "ブック" in done.output and "読めません" in done.output
    assert "Traceback" not in done.output
