"""The differ and its renderers on small plans written here: matching rules,
phrase marking, escaping and the size limit of a pull-request comment."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest

from jigyo.diff.compare import diff_years
from jigyo.diff.formats import render
from jigyo.diff.formats.options import Options
from jigyo.diff.formats.terminal import cells
from jigyo.diff.phrases import char_diff, norm, quantity_delta
from jigyo.diff.records import DiffReport
from jigyo.layout import YearView, year_view
from jigyo.loader import load_year

from .conftest import YEAR

SOUMU = """\
department: 総務課
section: 法人運営係
initiatives:
  - title: 組織運営の取り組み
    table:
      - item: 理事会の開催
        entries:
          - name: 理事会の開催
            target: 7回予定
  - title: 広報の取り組み
    table:
      - item: 広報
        entries:
          - name: 社協だよりの発行
            target: 年4回
"""

KENRI = """\
department: 福祉支援課
section: 権利擁護係
initiatives:
  - title: 相談
    table:
      - entries:
          - name: 相談の受付
            target: 随時
"""


def render_text(reports: list[DiffReport], *, color: bool = False) -> str:
    return render(reports, "text", Options(color=color))


def render_markdown(reports: list[DiffReport], *, limit: int = 65_536,
                    report_url: str | None = None) -> str:
    return render(reports, "md", Options(limit=limit, report_url=report_url))


def render_json(reports: list[DiffReport]) -> str:
    return render(reports, "json", Options())


def render_html(report: DiffReport, *, new_on_left: bool = True) -> str:
    return render([report], "html", Options(new_on_left=new_on_left))


def year(tmp_path: Path, number: int, files: dict[str, str]) -> YearView:
    folder = tmp_path / str(number)
    folder.mkdir()
    (folder / "year.yaml").write_text(YEAR.replace("2020", str(number)), encoding="utf-8")
    for name, body in files.items():
        (folder / name).write_text(textwrap.dedent(body), encoding="utf-8")
    loaded, problems = load_year(folder)
    assert loaded is not None, [p.format() for p in problems]
    return year_view(loaded)


def compare(tmp_path: Path, old: dict[str, str], new: dict[str, str]) -> DiffReport:
    return diff_years(year(tmp_path, 2020, old), year(tmp_path, 2021, new))


def kinds(report: DiffReport) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(c.kind, c.level, c.path) for c in report.changes]


# --- text comparison ---------------------------------------------------------------


def marked(spans) -> str:
    return "".join(f"[{s.text}]" if s.changed else s.text for s in spans)


@pytest.mark.parametrize(("old", "new", "old_marked", "new_marked"), [
    ("理事会の開催", "理事会", "理事会[の開催]", "理事会"),
    ("7回予定", "6回", "[7回予定]", "[6回]"),
    ("地域福祉活動計画", "地域福祉推進計画", "地域福祉[活動]計画", "地域福祉[推進]計画"),
    ("2020年9月10日（木）", "2021年9月9日（木）", "[2020]年9月[10日]（木）", "[2021]年9月[9日]（木）"),
    ("3,650人", "3,800人", "[3,650人]", "[3,800人]"),
    ("248", "260", "[248]", "[260]"),
    ("参加者3,650人を見込む", "参加者3,800人を見込む", "参加者[3,650人]を見込む", "参加者[3,800人]を見込む"),
])
def test_changes_are_marked_as_whole_phrases(old, new, old_marked, new_marked):
    o, n = char_diff(old, new)
    assert (marked(o), marked(n)) == (old_marked, new_marked)


def test_long_text_is_not_wrecked_by_frequent_characters():
    # difflib's autojunk would treat の and 、 (frequent in a long text) as junk
    sentence = "地域の福祉の推進のため、市の関係機関と連携し、地域の課題の解決に取り組みます。"
    old = sentence * 8 + "理事会を年6回開催します。" + sentence * 2
    new = sentence * 8 + "理事会を年7回開催します。" + sentence * 2
    o, n = char_diff(old, new)
    assert [s.text for s in o if s.changed] == ["6回"]
    assert [s.text for s in n if s.changed] == ["7回"]


def test_width_and_whitespace_do_not_count():
    assert norm("ＳＮＳ　を活用し\n  ます") == norm("SNSを活用します")
    assert norm("Social  Welfare") == "Social Welfare"


@pytest.mark.parametrize(("old", "new", "delta"), [
    ("7回予定", "6回", "−1回"),
    ("参加者約70人", "参加者約90人", "+20人"),
    ("100カ所", "120か所", "+20か所"),
    ("２回", "3回", "+1回"),
    ("48万円", "50万円", "+2万円"),
    ("30万円/年1回", "40万円/年1回", None),  # two numbers: no single direction
    ("随時実施", "2回", None),
    ("2回", "2件", None),
    ("3,650人", "3,800人", "+150人"),
    ("248", "260", "+12"),
    ("令和2年度", "令和3年度", None),  # a number inside words is not a count
])
def test_target_delta(old, new, delta):
    assert quantity_delta(old, new) == delta


# --- matching ----------------------------------------------------------------------------


def test_identical_years_have_no_change(tmp_path: Path):
    report = compare(tmp_path, {"soumu.yaml": SOUMU}, {"soumu.yaml": SOUMU})
    assert not report.changed
    assert "変更はありません" in render_text([report])


def test_units_added_and_removed(tmp_path: Path):
    report = compare(tmp_path, {"soumu.yaml": SOUMU},
                     {"soumu.yaml": SOUMU, "kenri.yaml": KENRI})
    assert kinds(report) == [("added", "unit", ("権利擁護係",))]
    back = diff_years(report_year(tmp_path, 2021), report_year(tmp_path, 2020))
    assert kinds(back) == [("removed", "unit", ("権利擁護係",))]
    html = render_html(report)
    assert "（新設）" in html and "（削る）" not in html


def report_year(tmp_path: Path, number: int) -> YearView:
    loaded, _ = load_year(tmp_path / str(number))
    assert loaded is not None
    return year_view(loaded)


def test_renamed_initiative_and_item(tmp_path: Path):
    new = SOUMU.replace("title: 広報の取り組み", "title: 広報・啓発の取り組み").replace(
        "item: 理事会の開催", "item: 理事会、評議員会の開催")
    report = compare(tmp_path, {"soumu.yaml": SOUMU}, {"soumu.yaml": new})
    assert [(c.kind, c.level, c.old, c.new) for c in report.changes] == [
        ("renamed", "item", "理事会の開催", "理事会、評議員会の開催"),
        ("renamed", "initiative", "広報の取り組み", "広報・啓発の取り組み"),
    ]


def test_initiative_moved_to_another_unit(tmp_path: Path):
    moved = "  - title: 広報の取り組み\n    table:\n      - item: 広報\n        entries:\n" \
            "          - name: 社協だよりの発行\n            target: 年4回\n"
    assert moved in SOUMU
    report = compare(tmp_path, {"soumu.yaml": SOUMU, "kenri.yaml": KENRI},
                     {"soumu.yaml": SOUMU.replace(moved, ""),
                      "kenri.yaml": KENRI + moved.replace("年4回", "年6回")})
    assert [(c.kind, c.level, c.path[:2], c.old, c.new) for c in report.changes] == [
        ("moved", "initiative", ("権利擁護係", "広報の取り組み"), None, None),
        ("changed", "entry", ("権利擁護係", "広報の取り組み"), "年4回", "年6回"),
    ]
    assert report.changes[0].moved_from == ("法人運営係", "広報の取り組み")


def test_id_pins_identity_over_wording(tmp_path: Path):
    old = SOUMU.replace("- name: 社協だよりの発行", "- id: dayori\n            name: 社協だよりの発行")
    new = old.replace("name: 社協だよりの発行", "name: 広報紙の全戸配布")
    report = compare(tmp_path, {"soumu.yaml": old}, {"soumu.yaml": new})
    assert [(c.kind, c.field, c.old, c.new) for c in report.changes] == [
        ("renamed", "name", "社協だよりの発行", "広報紙の全戸配布")]


def test_unrelated_new_entry_is_an_addition_and_a_removal(tmp_path: Path):
    new = SOUMU.replace("name: 社協だよりの発行", "name: ホームページの運営").replace(
        "target: 年4回", "target: 随時更新")
    report = compare(tmp_path, {"soumu.yaml": SOUMU}, {"soumu.yaml": new})
    assert sorted((c.kind, c.level) for c in report.changes) == [
        ("added", "entry"), ("removed", "entry")]


# --- renderers ----------------------------------------------------------------------------


def test_user_text_is_escaped_everywhere(tmp_path: Path):
    evil = SOUMU.replace("target: 年4回", "target: \"<script>alert(1)</script> | **x**\"")
    report = compare(tmp_path, {"soumu.yaml": SOUMU}, {"soumu.yaml": evil})
    html = render_html(report)
    assert "<script>" not in html and "&lt;script&gt;" in html
    md = render_markdown([report])
    assert "<script>" not in md and "&lt;script&gt;" in md and r"\*\*x\*\*" in md
    assert r"\|" in md
    data = json.loads(render_json([report]))
    assert data["comparisons"][0]["changes"][0]["new"] == "<script>alert(1)</script> | **x**"


def test_html_is_a_self_contained_shinkyu_table(tmp_path: Path):
    new = SOUMU.replace("target: 7回予定", "target: 6回")
    report = compare(tmp_path, {"soumu.yaml": SOUMU}, {"soumu.yaml": new})
    html = render_html(report)
    assert html.startswith("<!DOCTYPE html>") and '<html lang="ja">' in html
    assert "（傍線部分は改正部分）" in html
    assert "@page { size: A4 landscape" in html
    assert not re.search(r"<(link|script|img)\b|src=|url\(|https?://", html)
    heads = re.findall(r'<th scope="col">(.*?)</th>', html)
    assert heads == ["改正後", "改正前"]
    reversed_heads = re.findall(r'<th scope="col">(.*?)</th>', render_html(report,
                                                                            new_on_left=False))
    assert reversed_heads == ["改正前", "改正後"]
    row = re.search(r'<tr class="field"><td>(.*?)</td><td>(.*?)</td></tr>', html)
    assert row is not None
    assert row.groups() == ('<span class="label">目標値</span><span class="chg">6回</span>',
                            '<span class="label">目標値</span><span class="chg">7回予定</span>')


def test_markdown_stays_under_the_comment_limit(tmp_path: Path):
    units = {f"u{i:03d}.yaml": SOUMU.replace("section: 法人運営係", f"section: 係{i:03d}")
             for i in range(60)}
    changed = {name: body.replace("target: 7回予定", "target: 6回").replace(
        "title: 広報の取り組み", "title: 広報の新しい取り組み") for name, body in units.items()}
    report = compare(tmp_path, units, changed)
    full = render_markdown([report])
    assert full.count("<details>") == 60
    assert len(full) > 20000
    short = render_markdown([report], limit=20000, report_url="https://example.org/run/1")
    assert len(short) <= 20000
    assert "| 係059 |" in short  # the summary fits: only unit blocks are left out
    assert 0 < short.count("<details>") < 60
    left = 60 - short.count("<details>")
    assert f"残り {left} 件の計画単位の変更を省略しました" in short
    assert "（<https://example.org/run/1>）で確認してください" in short
    tiny = render_markdown([report], limit=3000)
    assert len(tiny) <= 3000 and "<details>" not in tiny
    assert "概要の表の" in tiny and "行と残り 60 件の計画単位の変更を省略しました" in tiny


def test_text_fits_80_columns(tmp_path: Path):
    long_name = "とても長い名前の事項" * 6
    new = SOUMU.replace("name: 社協だよりの発行", f"name: {long_name}").replace(
        "target: 7回予定", "target: 6回")
    report = compare(tmp_path, {"soumu.yaml": SOUMU}, {"soumu.yaml": new})
    for color in (False, True):
        text = render_text([report], color=color)
        plain = re.sub(r"\x1b\[[0-9;]*m", "", text)
        assert max(cells(line) for line in plain.splitlines()) <= 80
        assert ("\x1b[" in text) is color


def test_entry_without_name_is_followed_by_its_content(tmp_path: Path):
    old = KENRI.replace("          - name: 相談の受付\n            target: 随時\n",
                        "          - content: 電話・窓口での相談の受付\n            target: 随時\n")
    new = old.replace("電話・窓口での相談の受付", "電話・窓口・メールでの相談の受付")
    report = compare(tmp_path, {"kenri.yaml": old}, {"kenri.yaml": new})
    assert [(c.kind, c.field, c.old, c.new) for c in report.changes] == [
        ("changed", "content", "電話・窓口での相談の受付", "電話・窓口・メールでの相談の受付")]
    _, n = char_diff(report.changes[0].old or "", report.changes[0].new or "")
    assert marked(n) == "電話・窓口[・メール]での相談の受付"
