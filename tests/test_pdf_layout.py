"""Print layout on made-up plans: long tables, Japanese line breaking, hostile text."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

from .conftest import YEAR
from .test_pdf import make_pdf, need_pdf_tools, page_count, pages, run, squeeze

LONG_UNIT_HEAD = """\
department: 総務課
section: 法人運営係
initiatives:
  - title: 長い表の取り組み
    table:
      - item: 多くの事項
        entries:
"""


def long_table_unit(rows: int) -> str:
    entries = "".join(
        f"          - name: 事項{n:03d}の名前\n"
        f"            content: 事項{n:03d}の内容。二行目に折り返すように少し長めの文章を書いておきます。\n"
        f"            target: 目標{n:03d}\n"
        for n in range(1, rows + 1)
    )
    return LONG_UNIT_HEAD + entries


def test_table_longer_than_a_page_repeats_its_header_and_keeps_rows_whole(plans, tmp_path: Path):
    need_pdf_tools()
    rows = 70
    pdf = make_pdf(plans({"long.yaml": long_table_unit(rows)}), tmp_path / "out")
    texts = pages(pdf)
    table_pages = [t for t in texts if "事項001の名前" in squeeze(t) or re.search("事項0[0-9]{2}の名前", squeeze(t))]
    assert len(table_pages) >= 2, "the fixture should need more than one page"
    for text in table_pages:
        assert "項目" in squeeze(text) and "内容" in squeeze(text) and "目標値" in squeeze(text)
        # the header row comes before the first entry of the page
        flat = squeeze(text)
        assert flat.index("目標値") < flat.index("の名前")
    for n in range(1, rows + 1):
        content = squeeze(f"事項{n:03d}の内容。二行目に折り返すように少し長めの文章を書いておきます。")
        holding = [i for i, t in enumerate(texts) if content in squeeze(t)]
        assert len(holding) == 1, f"row {n} is split across pages or missing"
        name_page = [i for i, t in enumerate(texts) if f"事項{n:03d}の名前" in squeeze(t)]
        assert name_page == holding, f"row {n}: name and content on different pages"


KINSOKU_START = set("、。，．）」』】〕！？：；ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々")
KINSOKU_END = set("（「『【〔")

# Runs of kana of every length, each followed by a character that may not start
# a line or preceded by one that may not end a line: whatever the cell width,
# some of them fall on a line boundary.
KINSOKU_TEXT = "".join(
    "あ" * k + mark + "い" * (7 - k) + "「う」" for k in range(1, 8) for mark in "。ーっ）"
)


def test_japanese_line_breaking_in_a_narrow_column(plans, tmp_path: Path):
    need_pdf_tools()
    unit = f"""\
department: 総務課
section: 法人運営係
initiatives:
  - title: 禁則の確認
    table:
      - item: {KINSOKU_TEXT}
        entries:
          - name: 事項
            target: 一回
"""
    pdf = make_pdf(plans({"kinsoku.yaml": unit}), tmp_path / "out")
    text = "".join(pages(pdf))
    assert squeeze(KINSOKU_TEXT) in squeeze(text), "full-width punctuation is kept as written"
    lines = [line.strip() for line in text.splitlines()]
    cell = [line for line in lines if line and set(line) <= set(KINSOKU_TEXT)]
    assert len(cell) > 10, "the narrow 項目 column should wrap the text over many lines"
    for before, after in itertools.pairwise(cell):
        assert after[0] not in KINSOKU_START, f"line starts with {after[0]!r}: {after}"
        assert before[-1] not in KINSOKU_END, f"line ends with {before[-1]!r}: {before}"


HOSTILE = [
    '#set page(width: 1cm) $x^2$ <script>alert(1)</script> "quote" \\ // /* ] [ @label <lbl>',
    "#import \"/etc/passwd\": * #{panic(1)} = heading - item + enum ~ --- ` {",
    "W" * 300,
    "https://example.jp/" + "a-very-long-path/" * 12,
]


def q(text: str) -> str:
    """A YAML double-quoted scalar."""
    return json.dumps(text, ensure_ascii=False)


def hostile_plans(plans) -> Path:
    h = [q(t) for t in HOSTILE]
    year = f"""\
fiscal_year: 2020
organization: {h[0]}
title: {h[1]}
era_label: {h[3]}
departments:
  - name: {h[0]}
"""
    unit = f"""\
department: {h[0]}
section: {h[1]}
project: {h[2]}
commissioned_by: {h[3]}
policy:
  - heading: {h[0]}
  - text: {h[1]}
  - bullets: [{h[2]}, {h[3]}]
  - numbered: [{h[0]}]
initiatives:
  - title: {h[0]}
    commissioned_by: {h[1]}
    policy:
      - {h[2]}
    note: {h[3]}
    table:
      - item: {h[0]}
        entries:
          - name: {h[1]}
            content: {h[2]}
            target: {h[3]}
            note: {h[0]}
          - name: {h[2]}
            rows:
              - {{content: {h[3]}, target: {h[0]}}}
          - content: {h[1]}
            target: [{h[2]}, {h[3]}]
      - item: {h[2]}
        entries:
          - name: {h[3]}
            target: {{text: {h[1]}, span: 2}}
          - name: {h[0]}
note: {h[1]}
"""
    return plans({"hostile.yaml": unit}, year=year)


def test_hostile_text_in_every_field_prints_literally_inside_the_page(plans, tmp_path: Path):
    need_pdf_tools()
    pdf = make_pdf(hostile_plans(plans), tmp_path / "out")
    text = squeeze("".join(pages(pdf)))
    for value in HOSTILE:
        assert squeeze(value) in text, value
    assert "1cm" in text  # shown, not applied: every page is still A4
    info = run("pdfinfo", "-f", "1", "-l", str(page_count(pdf)), str(pdf))
    sizes = set(re.findall(r"Page\s+\d+ size:\s+([\d.]+ x [\d.]+)", info))
    assert sizes == {"595.276 x 841.89"}
    # long unbroken strings wrap inside their cells instead of running off the page
    bbox = run("pdftotext", "-bbox", str(pdf), "-")
    right_edges = [float(x) for x in re.findall(r'xMax="([\d.]+)"', bbox)]
    text_edge = 595.276 - 18 * 72 / 25.4  # the right margin is 18 mm
    assert right_edges and max(right_edges) <= text_edge + 4  # punctuation may hang slightly


def test_year_file_may_override_the_era_label_on_the_cover(plans, tmp_path: Path):
    need_pdf_tools()
    unit = LONG_UNIT_HEAD + "          - name: 一つだけ\n            target: 一回\n"
    year = YEAR.replace("fiscal_year: 2020\n", "fiscal_year: 2020\nera_label: 平成32年度\n")
    pdf = make_pdf(plans({"a.yaml": unit}, year=year), tmp_path / "out")
    first = squeeze(pages(pdf)[0])
    assert "平成32年度" in first and "令和" not in first


def test_a_row_taller_than_a_page_still_prints_in_full(plans, tmp_path: Path):
    need_pdf_tools()
    sentence = "地域の課題を共有し、解決に向けて関係機関と連携しながら取り組みます。"
    long_content = sentence * 80  # far more than one page in a single cell
    unit = LONG_UNIT_HEAD + (
        "          - name: とても長い事項\n"
        f"            content: {long_content}\n"
        "            target: 随時\n"
    )
    pdf = make_pdf(plans({"tall.yaml": unit}), tmp_path / "out")
    texts = pages(pdf)
    whole = squeeze("".join(texts))
    spread = sum(squeeze(sentence) in squeeze(t) for t in texts)
    assert spread >= 2, "the row continues on the next page"
    # nothing is lost: only a sentence cut by a page break (header and footer between) is missing
    assert whole.count(squeeze(sentence)) >= 80 - (spread - 1)
    last = [squeeze(t) for t in texts if squeeze(sentence) in squeeze(t)][-1]
    assert re.sub(r"-[0-9]+-$", "", last).endswith(squeeze(sentence * 2))  # the cell's very end
