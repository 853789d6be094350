"""`jigyo diff` on the sample plan: year-file fields, the order of 課 and units, numbers as
whole tokens, multi-row entries row by row, and every message in English with --lang en."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from .conftest import SAMPLE
from .test_diff import edit, jigyo

SOUMU = "soumu.yaml"


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    """The sample year as 2020, and an unchanged copy as 2021."""
    plans = tmp_path / "plans"
    shutil.copytree(SAMPLE / "2020", plans / "2020")
    shutil.copytree(SAMPLE / "2020", plans / "2021")
    edit(plans / "2021" / "year.yaml", "fiscal_year: 2020", "fiscal_year: 2021")
    return plans


def diff(plans: Path, *args: str) -> Any:
    return jigyo("diff", "2020", "2021", "--plans", str(plans), *args)


def changes(plans: Path, *args: str) -> tuple[int, list[dict[str, Any]]]:
    result = diff(plans, "--format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)["comparisons"][0]["changes"]


def brief(found: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [(c["kind"], c["level"], c["field"], c["old"], c["new"]) for c in found]


def test_unchanged_copy_has_no_change(plans: Path):
    assert changes(plans) == (0, [])


def test_era_label_is_reported(plans: Path):
    edit(plans / "2021" / "year.yaml", "title: 事業計画", "title: 事業計画\nera_label: 令和3年度（改訂版）")
    status, found = changes(plans)
    assert status == 1
    assert brief(found) == [("changed", "year", "era", "令和２年度", "令和3年度（改訂版）")]
    text = diff(plans, "--no-color").stdout
    assert "年度の表記の変更" in text and "令和3年度（改訂版）" in text


def test_reordered_departments_are_a_change(plans: Path):
    year = plans / "2021" / "year.yaml"
    edit(year, "  - name: 総務課\n    units: [soumu]\n  - name: 福祉支援課\n",
         "  - name: 福祉支援課\n  - name: 総務課\n    units: [soumu]\n")
    status, found = changes(plans)
    assert status == 1
    assert [(c["kind"], c["level"], c["path"]) for c in found] == [
        ("reordered", "department", ["福祉支援課"])]
    assert "課の並べ替え" in diff(plans).stdout
    assert changes(plans, "--ignore-order") == (0, [])


def test_year_file_fields_are_reported(plans: Path):
    edit(plans / "2021" / "year.yaml", "organization: テスト市社会福祉協議会\ntitle: 事業計画",
         "organization: テスト町社会福祉協議会\ntitle: 事業計画書\ndraft: true\n"
         "approved: 令和３年３月２５日　理事会承認\npublished: 令和３年４月１日\n"
         "contact: [テスト町1-2-3, 電話 000-0000]")
    _, found = changes(plans)
    assert [(c["field"], c["kind"]) for c in found] == [
        ("organization", "changed"), ("plan_title", "changed"), ("draft", "added"),
        ("approved", "added"), ("published", "added"), ("contact", "added")]
    text = diff(plans, "--no-color").stdout
    for words in ("法人名の変更", "表題の変更", "案の表示の追加", "{+（案）+}", "承認の追加",
                  "発行日の追加", "連絡先の追加"):
        assert words in text


def test_numbers_are_compared_as_whole_tokens(plans: Path):
    edit(plans / "2021" / SOUMU, 'target: "40,000件/年"', 'target: "42,500件/年"')
    edit(plans / "2021" / SOUMU, "            target: 12\n", "            target: 15\n")
    _, found = changes(plans)
    assert [(c["field"], c["row"], c["old"], c["new"], c["delta"]) for c in found] == [
        ("target", 2, "40,000件/年", "42,500件/年", "+2,500件"),
        ("target", None, "12", "15", "+3"),
    ]
    text = diff(plans, "--no-color").stdout
    assert "[-40,000件-]/年 → {+42,500件+}/年（+2,500件）" in text
    assert "[-12-] → {+15+}（+3）" in text
    md = diff(plans, "--format", "md").stdout
    assert "<del>40,000件</del>/年 → <ins>42,500件</ins>/年" in md
    html = diff(plans, "--format", "html").stdout
    assert '<span class="chg">42,500件</span>/年' in html
    assert '<span class="chg">15</span>' in html


def test_multi_row_entry_is_compared_row_by_row(plans: Path):
    edit(plans / "2021" / SOUMU,
         '              - {content: ホームページの運営, target: "40,000件/年"}\n',
         '              - {content: ホームページの運営, target: "38,000件/年"}\n')
    edit(plans / "2021" / SOUMU, "              - {content: 社協だよりの発行, target: 年4回}\n", "")
    _, found = changes(plans)
    assert [(c["kind"], c["level"], c["field"], c["row"], c["old"], c["new"], c["delta"])
            for c in found] == [
        ("removed", "row", None, 1, "社協だよりの発行\n年4回", None, None),
        ("changed", "row", "target", 1, "40,000件/年", "38,000件/年", "−2,000件"),
    ]
    text = diff(plans, "--no-color").stdout
    assert "・行の削除" in text and "（1行目）" in text
    html = diff(plans, "--format", "html").stdout
    removed = ('<td><span class="ph">（削る）</span></td><td><span class="label">内容（1行目）'
               '</span><span class="chg">社協だよりの発行</span></td>')
    assert removed in html
    assert ('<td><span class="label">目標値（1行目）</span><span class="chg">38,000件</span>/年'
            in html)


def test_units_reordered_within_their_department(plans: Path):
    for year in ("2020", "2021"):
        shutil.copy(plans / year / SOUMU, plans / year / "koho.yaml")
        edit(plans / year / "koho.yaml", "section: 法人運営係", "section: 広報係")
    edit(plans / "2020" / "year.yaml", "units: [soumu]", "units: [soumu, koho]")
    edit(plans / "2021" / "year.yaml", "units: [soumu]", "units: [koho, soumu]")
    _, found = changes(plans)
    assert [(c["kind"], c["level"], c["path"], c["from"], c["to"]) for c in found] == [
        ("reordered", "unit", ["広報係"], ["2"], ["1"])]


def english(result: Any) -> str:
    out = str(result.output)
    assert not any("\u3040" <= ch <= "\u30ff" for ch in out), out  # no kana left
    return out


def test_lang_en_gives_english_reports(plans: Path):
    edit(plans / "2021" / SOUMU, "target: 7回予定", "target: 8回予定")
    edit(plans / "2021" / "year.yaml", "  - name: 総務課\n    units: [soumu]\n  - name: 福祉支援課\n",
         "  - name: 福祉支援課\n  - name: 総務課\n    units: [soumu]\n")
    text = diff(plans, "--lang", "en", "--no-color").stdout
    assert "Plan changes: 令和２年度 (FY2020) → 令和３年度 (FY2021)" in text
    assert "target changed" in text and "department reordered" in text
    assert "Changed targets" in text and "[-7回-]予定 → {+8回+}予定 (+1回)" in text
    assert "- target changed  組織運営の取り組み > 理事会、評議員会の開催 > 理事会" in text
    md = diff(plans, "--lang", "en", "--format", "md").stdout
    assert "## Plan changes" in md and "| Unit | added |" in md
    html = diff(plans, "--lang", "en", "--format", "html").stdout
    assert "Before:" in html and "(underlined: what changed)" in html


@pytest.mark.parametrize(("args", "ja", "en"), [
    (["20x1"], "は年度ではありません", "is not a fiscal year"),
    (["2020", "2022"], "年度フォルダ", "there is no year folder"),
    (["2019", "2020", "2021"], "比べるものは2つまで", "at most two"),
    (["HEAD:2020"], "REV:YEAR と比べる相手", "also name what to compare"),
    ([], "比べる年度", "name the years to compare"),
    (["2020", "2021", "--format", "odt"], "不明な出力形式", "unknown output format"),
    (["--base", "main"], "git のリポジトリの中にありません", "is not inside a git repository"),
    (["HEAD:2020", "2021"], "git のリポジトリの中にありません", "is not inside a git repository"),
])
def test_errors_are_worded_in_both_languages(plans: Path, args: list[str], ja: str, en: str):
    shown = jigyo("diff", *args, "--plans", str(plans))
    assert shown.exit_code == 2 and ja in shown.output and "Traceback" not in shown.output
    result = jigyo("diff", *args, "--plans", str(plans), "--lang", "en")
    assert result.exit_code == 2
    assert en in english(result)


def test_unwritable_output_is_an_error_in_both_languages(plans: Path, tmp_path: Path):
    edit(plans / "2021" / SOUMU, "target: 7回予定", "target: 8回予定")
    blocked = tmp_path / "file"
    blocked.write_text("x", encoding="utf-8")
    result = diff(plans, "-o", str(blocked / "out.txt"), "--lang", "en")
    assert result.exit_code == 2 and "cannot write the output" in english(result)
    assert "出力を書き込めません" in diff(plans, "-o", str(blocked / "out.txt")).output
