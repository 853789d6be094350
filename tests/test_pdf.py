"""The printed plan (PDF) as a reader sees it: text, outline, contents, pages.

The PDFs are read back with poppler (pdftotext, pdftohtml, pdfinfo, pdffonts),
the tools a clerk would use to check what was handed to the board.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import pytest

from jigyo.build import build
from jigyo.fonts import FontUnavailable, find_fonts
from jigyo.layout import YearView, year_view
from jigyo.loader import load_plans

from .conftest import REAL, need

ZWSP = "\u200b"


@cache
def _has_font() -> bool:
    try:
        find_fonts()
    except FontUnavailable:
        return False
    return True


def need_pdf_tools() -> None:
    need("a Japanese font (fonts-noto-cjk)", _has_font())
    need("poppler-utils", shutil.which("pdftotext") is not None)


def make_pdf(plans_dir: Path, out: Path) -> Path:
    """Build only the PDF of 2020 and return its path; a skipped PDF fails the test."""
    reasons: list[str] = []
    build(plans_dir, out, ["pdf"], on_skip=lambda name, why: reasons.append(str(why)))
    assert not reasons, reasons
    return out / "pdf" / "2020.pdf"


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def page_count(pdf: Path) -> int:
    return int(re.search(r"Pages:\s+(\d+)", run("pdfinfo", str(pdf))).group(1))  # type: ignore[union-attr]


def page_text(pdf: Path, page: int) -> str:
    return run("pdftotext", "-raw", "-f", str(page), "-l", str(page), str(pdf), "-")


def pages(pdf: Path) -> list[str]:
    """Text of every page (index 0 is page 1), in the order it was written."""
    return [page_text(pdf, n) for n in range(1, page_count(pdf) + 1)]


def squeeze(text: str) -> str:
    """Text without line breaks, spaces or break hints, to compare wrapped text."""
    return re.sub(r"[\s\u3000" + ZWSP + "]", "", text)


def printed_numbers(texts: list[str]) -> dict[int, int]:
    """Printed page number (-N- at the foot) → physical page number."""
    found: dict[int, int] = {}
    for index, text in enumerate(texts, 1):
        lines = [line.strip() for line in text.strip().splitlines()]
        match = re.fullmatch(r"-([0-9]+)-", lines[-1]) if lines else None
        if match:
            found[int(match.group(1))] = index
    return found


def outline(pdf: Path) -> list[tuple[int, str, int]]:
    """The bookmarks as (depth, title, physical page)."""
    xml = run("pdftohtml", "-xml", "-i", "-q", "-stdout", str(pdf))
    root = ET.fromstring(xml)
    items: list[tuple[int, str, int]] = []

    def walk(node: ET.Element, depth: int) -> None:
        for child in node:
            if child.tag == "item":
                items.append((depth, "".join(child.itertext()), int(child.get("page", "0"))))
            elif child.tag == "outline":
                walk(child, depth + 1)

    top = root.find("outline")
    assert top is not None, "the PDF has no outline"
    walk(top, 1)
    return items


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> tuple[YearView, Path, list[str]]:
    need_pdf_tools()
    view = year_view(load_plans(REAL, [2020]).years[0])
    pdf = make_pdf(REAL, tmp_path_factory.mktemp("real"))
    return view, pdf, pages(pdf)


def test_real_year_contains_every_banner_title_and_sample_entries(real):
    view, _, texts = real
    whole = squeeze("".join(texts))
    assert squeeze(view.era + view.title) in whole
    assert squeeze(view.organization) in whole
    for unit in view.units:
        assert squeeze(unit.banner) in whole, unit.banner
        for ini in unit.initiatives:
            assert squeeze(ini.number + ini.title) in whole, ini.title
            cells = [c for row in ini.rows for c in row.cells if c.kind in ("name", "target")]
            for cell in cells[:4]:  # a sample of each table: entry names and targets
                for line in cell.lines:
                    if "*" not in line and "[" not in line:
                        assert squeeze(line) in whole, line


def test_real_year_running_header_names_the_department_of_each_page(real):
    view, pdf, texts = real
    numbered = printed_numbers(texts)
    starts = {title: page for depth, title, page in outline(pdf) if depth == 2}
    for unit in view.units:
        page = starts[unit.banner]
        assert squeeze(view.department_header(unit.department)) in squeeze(texts[page - 1])
    assert min(numbered) == 1 and numbered[1] > 1, "the cover and contents are not numbered"
    first_body = texts[numbered[1] - 1].strip().splitlines()
    assert first_body[-1].strip() == "-1-"


def test_outline_lists_departments_units_and_initiatives(real):
    view, pdf, _ = real
    items = outline(pdf)
    assert [t for d, t, _ in items if d == 1] == [d.name for d in view.departments if d.units]
    assert [t for d, t, _ in items if d == 2] == [u.banner for u in view.units]
    expected = [squeeze(i.heading) for u in view.units for i in u.initiatives]
    assert [squeeze(t) for d, t, _ in items if d == 3] == expected


def test_contents_page_numbers_match_the_pages_where_units_start(real):
    view, pdf, texts = real
    numbered = printed_numbers(texts)
    contents = squeeze("".join(texts[: numbered[1] - 1]))
    starts = {title: page for depth, title, page in outline(pdf) if depth == 2}
    for unit in view.units:
        match = re.search(re.escape(squeeze(unit.banner)) + r"\.*([0-9]+)", contents)
        assert match, f"{unit.banner} is not in the contents"
        printed = int(match.group(1))
        assert numbered[printed] == starts[unit.banner], unit.banner
        assert unit.banner in squeeze(texts[numbered[printed] - 1])


def test_metadata_language_and_embedded_subset_fonts(real):
    view, pdf, _ = real
    info = run("pdfinfo", str(pdf))
    assert re.search(r"Title:\s+" + re.escape(view.heading), info)
    assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info)
    assert "Tagged:          yes" in info
    raw = pdf.read_bytes()
    assert re.search(rb"/Lang ?\(ja(-JP)?\)", raw)
    fonts = run("pdffonts", str(pdf)).splitlines()[2:]
    assert fonts
    for line in fonts:
        name, *_ = line.split()
        assert re.match(r"[A-Z]{6}\+", name), f"not a subset: {line}"
        assert " yes yes yes " in line, f"not embedded with a Unicode map: {line}"


def test_same_plans_give_the_same_pdf_bytes(real, tmp_path: Path):
    _, pdf, _ = real
    again = make_pdf(REAL, tmp_path)
    assert again.read_bytes() == pdf.read_bytes()

