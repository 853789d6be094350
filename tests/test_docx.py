"""The plan as Word, read back with python-docx and printed by LibreOffice."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from typer.testing import CliRunner

from jigyo.cli import app
from jigyo.renderers.docx import render_docx
from tests.conftest import REAL, UNIT
from tests.office import compact, pdf_pages, pdf_text, soffice_pdf, views


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docx")
    result = CliRunner().invoke(app, ["build", "--plans", str(REAL), "--out", str(out),
                                      "--format", "docx"])
    assert result.exit_code == 0, result.output
    return out / "docx" / "2020.docx"


@pytest.fixture(scope="module")
def document(built: Path) -> Document:
    return docx.Document(str(built))


def _cell_texts(document: Document) -> list[str]:
    return [cell.text for table in document.tables for row in table.rows for cell in row.cells]


def test_headings_follow_the_printed_plan(document: Document):
    year = views(REAL)[0]
    headings = [(p.style.name, p.text) for p in document.paragraphs
                if p.style is not None and p.style.name.startswith(("Heading", "Title"))]
    assert ("Title", year.heading) in headings
    for unit in year.units:
        assert ("Heading 1", unit.banner) in headings
        for ini in unit.initiatives:
            assert ("Heading 2", ini.heading) in headings


def test_every_entry_and_target_is_in_a_table(document: Document):
    texts = "\n".join(_cell_texts(document))
    year = views(REAL)[0]
    count = 0
    for unit in year.units:
        for ini in unit.initiatives:
            for group in ini.groups:
                for entry in group.entries:
                    if entry.name:
                        assert entry.number + entry.name in texts
                    for cell in [entry.target] + [r.target for r in entry.rows or ()]:
                        if cell is not None and cell.lines:
                            assert cell.text in texts
                            count += 1
    assert count > 250
    head = document.tables[0].rows[0].cells
    assert [head[0].text, head[1].text, head[3].text] == ["項目", "内容", "目標値"]


def test_merged_item_cells_and_repeated_heads(built: Path):
    xml = __import__("zipfile").ZipFile(built).read("word/document.xml").decode()
    assert 'w:vMerge w:val="restart"' in xml or "<w:vMerge w:val=\"restart\"/>" in xml
    assert "<w:tblHeader" in xml


def test_japanese_fonts_are_set_in_the_east_asian_slot(document: Document):
    def east_asian(name: str) -> str | None:
        fonts = document.styles[name].element.rPr.rFonts
        return fonts.get(qn("w:eastAsia"))

    assert east_asian("Normal") == "ＭＳ 明朝"
    assert east_asian("Heading 1") == east_asian("Heading 2") == "ＭＳ ゴシック"


def test_a_header_per_department_and_page_numbers(document: Document):
    year = views(REAL)[0]
    headers = [s.header.paragraphs[0].text for s in document.sections]
    assert headers == [year.department_header(d.name) for d in year.departments]
    for section in document.sections:
        assert "PAGE" in section.footer._element.xml
        assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297


def test_inline_markdown_becomes_plain_words(plans):
    unit = UNIT.replace("target: 7回予定", 'target: "**7回**予定 [詳細](https://example.org)"')
    data = render_docx(views(plans({"soumu.yaml": unit})))["2020.docx"]
    texts = _cell_texts(docx.Document(io.BytesIO(data)))
    assert "7回予定 詳細 (https://example.org)" in texts


def test_rebuilds_are_byte_identical():
    assert render_docx(views(REAL)) == render_docx(views(REAL))


def test_libreoffice_prints_the_document(built: Path, tmp_path: Path):
    pdf = soffice_pdf(built, tmp_path)
    text = compact(pdf_text(pdf))
    year = views(REAL)[0]
    for unit in year.units:
        assert compact(unit.banner) in text
    assert "2,100件程度" in text and "年間1235回を予定" in text
    assert compact(year.department_header(year.departments[0].name)) in text
    assert 15 <= pdf_pages(pdf) <= 120


def test_characters_xml_cannot_hold_are_dropped():
    from jigyo.renderers.office_text import plain

    assert plain("7回\x07予定\x1b") == "7回予定"


def test_extra_columns_of_the_settings_are_laid_out():
    folder = Path(__file__).parents[1] / "examples" / "kamisu-katsudou" / "plans"
    year = views(folder)[0]
    document = docx.Document(io.BytesIO(render_docx([year])[f"{year.name}.docx"]))
    head = [c.text for c in document.tables[0].rows[0].cells]
    assert head[-2:] == ["担当", "評価"] and head[0] == year.labels.headers()[0]
