"""How the plan falls onto pages, read back from the PDF with poppler.

Page breaks never leave one table row alone, a 項目 keeps two of its rows on
each side of a break, a continued table or 方針 box says what it continues, the
running header's text stands clear of its rule, copied text has no spaces the
plan does not have, and the cover carries what a published plan carries.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from .conftest import REAL, YEAR
from .test_pdf import make_pdf, need_pdf_tools, page_text, pages, run, squeeze
from .test_pdf_layout import LONG_UNIT_HEAD

ROW = re.compile(r"事項(\d{3})-(\d{2})の名前")


def sized_units(sizes: range) -> dict[str, str]:
    """One unit per size, each a 取り組み whose table has that many rows in two 項目."""
    units = {}
    for size in sizes:
        first = size // 2
        body = f"department: 総務課\nsection: 係{size:02d}\ninitiatives:\n  - title: 表{size:02d}の取り組み\n    table:\n"
        for group, rows in (("前半の項目", range(1, first + 1)), ("後半の項目", range(first + 1, size + 1))):
            body += f"      - item: {group}{size:02d}\n        entries:\n"
            body += "".join(
                f"          - name: 事項{n:03d}-{size:02d}の名前\n"
                f"            content: 二行目に折り返すように少し長めの文章を書いた事項{n:03d}の内容です。\n"
                f"            target: {n}回\n"
                for n in rows
            )
        units[f"u{size:02d}.yaml"] = body
    return units


@pytest.fixture(scope="module")
def sized(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Pages of tables of 24 to 40 rows: every way of ending near a page break."""
    need_pdf_tools()
    root = tmp_path_factory.mktemp("sized")
    folder = root / "plans" / "2020"
    folder.mkdir(parents=True)
    (folder / "year.yaml").write_text(YEAR, encoding="utf-8")
    for name, body in sized_units(range(24, 41)).items():
        (folder / name).write_text(body, encoding="utf-8")
    return pages(make_pdf(root / "plans", root / "out"))


def test_no_page_holds_a_single_row_of_a_table_or_of_a_item(sized: list[str]):
    continued = 0
    for text in sized:
        rows = [(int(n), int(size)) for n, size in ROW.findall(squeeze(text))]
        if not rows:
            continue
        assert len(rows) >= 2, f"a page with one table row: {rows}"
        size = rows[0][1]
        half = size // 2
        first = [n for n, _ in rows if n <= half]
        second = [n for n, _ in rows if n > half]
        for group in (first, second):
            assert len(group) != 1, f"a 項目 with one row on a page: table {size}, rows {rows}"
        continued += rows[0][0] > 1
    assert continued >= 10, "the fixture should break most tables over two pages"


def test_a_continued_table_repeats_its_title_and_item(sized: list[str]):
    for text in sized:
        flat = squeeze(text)
        rows = [(int(n), int(size)) for n, size in ROW.findall(flat)]
        if not rows or rows[0][0] == 1:
            continue
        n, size = rows[0]
        assert f"表{size:02d}の取り組み（続き）" in flat
        group = "前半の項目" if n <= size // 2 else "後半の項目"
        assert f"{group}{size:02d}（続き）" in flat, "the 項目 cell names what it continues"
        assert flat.index("目標値") < flat.index(f"事項{n:03d}"), "the header row comes first"


def test_a_policy_box_split_over_pages_keeps_its_label_on_each(plans, tmp_path: Path):
    need_pdf_tools()
    bullets = "".join(f"      - 方針の文{n:02d}。これは長い方針の一文で、箱が二頁にわたるように書いてあります。\n"
                      for n in range(1, 61))
    unit = ("department: 総務課\nsection: 法人運営係\ninitiatives:\n  - title: 長い方針の取り組み\n"
            "    policy:\n      - bullets:\n" + bullets.replace("      - ", "          - ") +
            "    table:\n      - item: 項目\n        entries:\n          - name: 事項\n            target: 一回\n")
    texts = pages(make_pdf(plans({"p.yaml": unit}), tmp_path / "out"))
    holding = [squeeze(t) for t in texts if "方針の文" in t]
    assert len(holding) >= 2, "the fixture should need two pages"
    for flat in holding:
        assert flat.index("方針") < flat.index("方針の文"), "each part of the box has its label"
    assert "長い方針の取り組み（続き）" in holding[1]


def test_real_year_keeps_the_last_rows_of_a_item_together(real_pdf: Path):
    texts = pages(real_pdf)
    holding = [i for i, t in enumerate(texts) if "第三者評価" in squeeze(t) and "11月に開催" in t]
    assert len(holding) == 1
    assert "運営における維持管理" in squeeze(texts[holding[0]])
    for text in texts[1:]:  # after the cover, no page is a header, a banner and one row
        lines = [line for line in text.splitlines() if line.strip()]
        assert len(lines) > 6, text


def test_copied_text_gives_back_what_the_plan_says(real_pdf: Path):
    text = run("pdftotext", str(real_pdf), "-")
    assert "平成31年3月" in text
    assert "平成23年3月11日" in text
    assert "第3火曜日" in text


@pytest.fixture(scope="module")
def real_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    need_pdf_tools()
    return make_pdf(REAL, tmp_path_factory.mktemp("real"))


def _gray_rows(pdf: Path, page: int, height_px: int) -> list[bytes]:
    """The top of a page as rows of gray pixels (150 dpi, 0 is black)."""
    data = subprocess.run(["pdftoppm", "-gray", "-r", "150", "-f", str(page), "-l", str(page),
                           "-x", "0", "-y", "0", "-W", "1240", "-H", str(height_px), str(pdf)],
                          check=True, capture_output=True).stdout
    match = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", data)
    assert match
    width, height = int(match.group(1)), int(match.group(2))
    pixels = data[match.end():]
    return [pixels[y * width:(y + 1) * width] for y in range(height)]


def test_running_header_text_stands_clear_of_its_rule(real_pdf: Path):
    texts = pages(real_pdf)
    page = next(i for i, t in enumerate(texts, 1) if "令和２年度総務課事業計画" in squeeze(t))
    rows = _gray_rows(real_pdf, page, 300)
    dark = [sum(1 for p in row if p < 200) for row in rows]
    rule = next(y for y, count in enumerate(dark) if count > 0.6 * len(rows[0]))
    text_bottom = max(y for y in range(rule) if dark[y] > 0)
    assert rule - text_bottom >= 6, "at least 1 mm (6 px at 150 dpi) between text and rule"


COVER_YEAR = YEAR + """\
draft: true
approved: 令和２年３月２５日　理事会承認
published: 令和２年４月１日
contact:
  - テスト市社会福祉協議会　総務課
  - 電話 000-0000-0000
"""


def test_the_cover_carries_draft_mark_approval_publication_and_contact(plans, tmp_path: Path):
    need_pdf_tools()
    unit = LONG_UNIT_HEAD + "          - name: 一つだけ\n            target: 一回\n"
    pdf = make_pdf(plans({"a.yaml": unit}, year=COVER_YEAR), tmp_path / "out")
    cover = squeeze(page_text(pdf, 1))
    for expected in ("事業計画（案）", "令和２年３月２５日理事会承認", "発行日令和２年４月１日",
                     "連絡先", "テスト市社会福祉協議会総務課", "電話000-0000-0000"):
        assert squeeze(expected) in cover, expected


def test_a_plan_that_is_not_a_draft_has_no_draft_mark(plans, tmp_path: Path):
    need_pdf_tools()
    unit = LONG_UNIT_HEAD + "          - name: 一つだけ\n            target: 一回\n"
    pdf = make_pdf(plans({"a.yaml": unit}), tmp_path / "out")
    cover = squeeze(page_text(pdf, 1))
    assert "（案）" not in cover and "発行日" not in cover and "連絡先" not in cover


def test_rows_under_a_merged_cell_form_one_band_a_page_may_not_cut():
    from jigyo.layout import CellView, RowView
    from jigyo.renderers.pdf import printed_table

    def cells(*kinds: tuple[str, int]) -> tuple[CellView, ...]:
        return tuple(CellView(kind, ("x",), rowspan=span) for kind, span in kinds)  # type: ignore[arg-type]

    rows = (
        RowView(cells(("item", 4), ("name", 1), ("content", 1), ("target", 2)), 0),
        RowView(cells(("name", 1), ("content", 1)), 0),  # under the merged 目標値
        RowView(cells(("name", 2), ("content", 1), ("target", 1)), 0),  # an entry of two rows
        RowView(cells(("content", 1), ("target", 1)), 0),
        RowView(cells(("item", 1), ("name", 1), ("content", 1), ("target", 1)), 1),
    )
    table = printed_table(rows)
    assert len(table.items) == 2
    assert [(b.group, b.rows, len(b.cells)) for b in table.bands] == [(0, 2, 5), (0, 2, 5), (1, 1, 3)]
