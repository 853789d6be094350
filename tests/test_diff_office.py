"""The 新旧対照表 as Word and as PDF: what an office files with a revised plan."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.document import Document
from typer.testing import CliRunner

from jigyo.cli import app
from jigyo.fonts import FontUnavailable, find_fonts
from tests.conftest import need
from tests.office import compact, pdf_pages, pdf_text, soffice_pdf

FIXTURE = Path(__file__).parent / "fixtures" / "reference"


def _diff(tmp_path: Path, fmt: str, *extra: str) -> Path:
    out = tmp_path / f"shinkyu{'-'.join(extra)}.{fmt}"
    result = CliRunner().invoke(app, ["diff", "--plans", str(FIXTURE), "2020", "2021",
                                      "--format", fmt, "--output", str(out), *extra])
    assert result.exit_code == 1, result.output  # 1: the years differ
    return out


@pytest.fixture(scope="module")
def word(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _diff(tmp_path_factory.mktemp("diff-docx"), "docx")


def _tables(document: Document) -> list[list[tuple[str, str]]]:
    return [[(row.cells[0].text, row.cells[1].text) for row in table.rows]
            for table in document.tables]


def test_word_has_two_columns_new_on_the_left(word: Path):
    document = docx.Document(str(word))
    tables = _tables(document)
    assert tables and all(t[0] == ("改正後", "改正前") for t in tables)
    cells = [c for t in tables for row in t[1:] for c in row]
    assert "（新設）" in cells and "（削る）" in cells
    section = document.sections[0]
    assert section.page_width > section.page_height  # landscape A4
    assert round(section.page_width.mm) == 297
    assert "PAGE" in section.footer._element.xml
    assert "新旧対照表" in section.header.paragraphs[0].text


def test_word_underlines_what_changed(word: Path):
    document = docx.Document(str(word))
    underlined = [run.text for t in document.tables for row in t.rows[1:] for cell in row.cells
                  for p in cell.paragraphs for run in p.runs if run.underline]
    plain = [run.text for t in document.tables for row in t.rows[1:] for cell in row.cells
             for p in cell.paragraphs for run in p.runs if not run.underline]
    assert underlined and plain
    # the 2021 target 6回予定 against 7回予定: only the changed part is marked
    assert "6回" in underlined and "7回" in underlined and "予定" in plain


def test_word_old_on_the_left_when_asked(tmp_path: Path):
    document = docx.Document(str(_diff(tmp_path, "docx", "--old-left")))
    assert all(t[0] == ("改正前", "改正後") for t in _tables(document))


def test_word_omits_unchanged_parts_when_asked(tmp_path: Path):
    document = docx.Document(str(_diff(tmp_path, "docx", "--abbreviate")))
    assert ("（略）", "（略）") in [row for t in _tables(document) for row in t]


def test_word_rebuilds_are_byte_identical(tmp_path: Path, word: Path):
    assert _diff(tmp_path, "docx").read_bytes() == word.read_bytes()


def test_word_prints_in_libreoffice(word: Path, tmp_path: Path):
    pdf = soffice_pdf(word, tmp_path)
    text = compact(pdf_text(pdf))
    assert "新旧対照表" in text and "改正後" in text and "（新設）" in text
    assert 1 <= pdf_pages(pdf) <= 20


def _fonts() -> None:
    try:
        find_fonts()
    except FontUnavailable:
        need("a Japanese font", False)
    need("pdftotext", shutil.which("pdftotext") is not None)


def test_pdf_in_the_print_style(tmp_path: Path):
    _fonts()
    pdf = _diff(tmp_path, "pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    text = compact(pdf_text(pdf))
    for word in ("事業計画新旧対照表", "改正後", "改正前", "（新設）", "（削る）", "-1-", "-2-",
                 "テスト市社会福祉協議会"):
        assert word in text
    layout = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                            check=True).stdout.decode()
    head = next(line for line in layout.splitlines() if "改正後" in line and "改正前" in line and ":" not in line)
    assert head.index("改正後") < head.index("改正前")
    assert 1 <= pdf_pages(pdf) <= 20
    assert _diff(tmp_path, "pdf").read_bytes() == pdf.read_bytes()


def test_pdf_old_on_the_left_when_asked(tmp_path: Path):
    _fonts()
    layout = subprocess.run(["pdftotext", "-layout", str(_diff(tmp_path, "pdf", "--old-left")),
                             "-"], capture_output=True, check=True).stdout.decode()
    head = next(line for line in layout.splitlines() if "改正後" in line and "改正前" in line and ":" not in line)
    assert head.index("改正前") < head.index("改正後")


def test_plan_text_is_never_typst_markup(plans, tmp_path: Path):
    _fonts()
    from jigyo.diff.compare import diff_years
    from jigyo.diff.formats.options import Options
    from jigyo.diff.formats.pdf import typst_source
    from tests.office import views

    unit = ('department: 総務課\nsection: 法人運営係\ninitiatives:\n'
            '  - title: 組織運営\n    table:\n      - item: 会議\n        entries:\n'
            '          - name: \'#set page(width: 1cm) $x$ "q" \\\\\'\n            target: 1回\n')
    folder = plans({"soumu.yaml": unit})
    new = folder.parent / "plans2"
    shutil.copytree(folder, new)
    (new / "2020" / "soumu.yaml").write_text(unit.replace("1回", "2回"), encoding="utf-8")
    source = typst_source([diff_years(views(folder)[0], views(new)[0])], Options())
    name = next(line for line in source.splitlines() if "#set page(width" in line)
    assert '(("(1)#set page(width: 1cm) $x$ \\"q\\" \\\\\\\\", false),)' in name.replace("\u200b", "")


def test_binary_formats_go_to_a_pipe():
    result = CliRunner().invoke(app, ["diff", "--plans", str(FIXTURE), "2020", "2021",
                                      "--format", "docx"])
    assert result.exit_code in (0, 1)  # a pipe takes the bytes
    assert result.stdout_bytes.startswith(b"PK")


def test_the_site_links_the_comparison_pdf_beside_the_html(tmp_path: Path):
    _fonts()
    result = CliRunner().invoke(app, ["build", "--plans", str(FIXTURE), "--out", str(tmp_path),
                                      "--format", "html,pdf"])
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "site" / "2021" / "shinkyu-2020.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "（略）" in pdf_text(pdf)  # the same abbreviated tables as the page it sits on
    for page in ("shinkyu-2020.html", "shinkyu-2020-full.html"):
        html = (tmp_path / "site" / "2021" / page).read_text(encoding="utf-8")
        assert '<a href="shinkyu-2020.pdf">印刷用の新旧対照表（PDF、' in html
    assert not (tmp_path / "site" / "2020" / "shinkyu-2019.pdf").exists()
