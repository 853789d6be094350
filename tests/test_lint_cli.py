"""`jigyo lint` and the lint part of `jigyo check` through the command line: output, exit
status, --strict, --format github, exemption comments and the settings in plans/jigyo.yaml."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jigyo.cli import app
from jigyo.lint import RULES
from jigyo.lint.github import command, escape_data, escape_property
from jigyo.problems import problem, warning

from .conftest import UNIT

runner = CliRunner()

SLIP = UNIT.replace("name: 理事会", "name: １．理事会")
"""A unit whose entry name starts with numbering typed by hand (line 7, column 19)."""


def jigyo(*args: str):
    return runner.invoke(app, list(args), prog_name="jigyo")


def test_lint_of_a_clean_plan_says_so_and_exits_0(sample_copy: Path):
    result = jigyo("lint", "--plans", str(sample_copy))
    assert result.exit_code == 0, result.output
    assert "表記の指摘はありません。" in result.output


def test_lint_reports_each_finding_at_its_character_with_the_rule_and_exits_1(plans):
    folder = plans({"a.yaml": SLIP})
    result = jigyo("lint", "--plans", str(folder))
    assert result.exit_code == 1
    assert re.search(r"plans/2020/a\.yaml:8:19: 注意: 先頭の「１．」は手で打った番号・記号です。.*"
                     r"「１．」を消してください。 \[hand-numbering\]", result.output), result.output
    assert "表記の指摘が 1 件あります。" in result.output


def test_lint_in_english(plans):
    result = jigyo("lint", "--plans", str(plans({"a.yaml": SLIP})), "--lang", "en")
    assert "warning: '１．' at the start is numbering typed by hand" in result.output
    assert "1 wording finding(s)." in result.output


def test_list_rules_names_every_rule_with_its_description(sample_copy: Path):
    result = jigyo("lint", "--list-rules", "--plans", str(sample_copy))
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert len(lines) == len(RULES)
    assert "stale-year（warning）: 前年度の年度や日付が残っている" in lines


def test_check_adds_the_findings_as_warnings_and_still_passes(plans):
    result = jigyo("check", "--plans", str(plans({"a.yaml": SLIP})))
    assert result.exit_code == 0
    output = result.output.splitlines()
    assert output[0].endswith("1 件の計画単位に問題はありません。")
    assert "[hand-numbering]" in output[1] and output[-1] == "表記の指摘が 1 件あります。"


def test_check_strict_fails_on_findings(plans, sample_copy: Path):
    result = jigyo("check", "--strict", "--plans", str(plans({"a.yaml": SLIP})))
    assert result.exit_code == 1
    assert "--strict のため、表記の指摘 1 件で失敗にしました。" in result.output
    assert jigyo("check", "--strict", "--plans", str(sample_copy)).exit_code == 0


# --- --format github ---------------------------------------------------------------------------

def test_escaping_of_workflow_commands():
    assert escape_data("100% a\r\nb: c, d") == "100%25 a%0D%0Ab: c, d"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_a_problem_as_a_workflow_command():
    found = warning(Path("plans/2020/a,b:c.yaml"), 3, 5, "lint_invisible", rule="invisible-char",
                    char="U+200B")
    assert command(found) == ("::warning file=plans/2020/a%2Cb%3Ac.yaml,line=3,col=5,"
                              "title=invisible-char::見えない文字 U+200B があります。消してください。"
                              " [invisible-char]")
    error = problem(Path("plans/2020/a.yaml"), 1, 2, "duplicate_department", name="総務課\n::x")
    assert command(error) == ("::error file=plans/2020/a.yaml,line=1,col=2,title=jigyo の検査::"
                              "課「総務課\\n::x」が2回以上書かれています。")


def test_check_format_github_prints_warnings_as_commands(plans):
    result = jigyo("check", "--format", "github", "--plans", str(plans({"a.yaml": SLIP})))
    assert result.exit_code == 0
    commands = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert len(commands) == 1
    assert re.fullmatch(r"::warning file=\S+/plans/2020/a\.yaml,line=8,col=19,"
                        r"title=hand-numbering::先頭の「１．」.*\[hand-numbering\]", commands[0])


def test_check_format_github_prints_errors_as_commands_and_fails(plans):
    result = jigyo("check", "--format", "github",
                   "--plans", str(plans({"a.yaml": UNIT.replace("target:", "targt:")})))
    assert result.exit_code == 1
    assert re.search(r"^::error file=\S+/a\.yaml,line=9,col=13,title=jigyo の検査::"
                     r"「targt」というキーは使えません。", result.stdout, re.M), result.stdout
    assert "a.yaml:9:13: 「targt」というキーは使えません。" in result.stderr  # the log still reads


def test_lint_format_github(plans):
    result = jigyo("lint", "-f", "github", "--plans", str(plans({"a.yaml": SLIP})))
    assert result.exit_code == 1
    assert result.stdout.startswith("::warning file=")


# --- exemptions and settings -------------------------------------------------------------------

@pytest.mark.parametrize("comment", [
    "name: １．理事会  # jigyo-lint: disable=hand-numbering",
    "# jigyo-lint: disable=hand-numbering\n          - name: １．理事会",
    "name: １．理事会  # jigyo-lint: disable=stale-year, hand-numbering",
    "name: １．理事会  # jigyo-lint: disable=all",
])
def test_a_comment_exempts_its_line_or_the_next(plans, comment: str):
    text = UNIT.replace("name: 理事会", comment) if comment.startswith("name") else \
        UNIT.replace("          - name: 理事会", "          " + comment)
    result = jigyo("lint", "--plans", str(plans({"a.yaml": text})))
    assert result.exit_code == 0, result.output


def test_a_comment_for_another_rule_exempts_nothing(plans):
    text = UNIT.replace("name: 理事会", "name: １．理事会  # jigyo-lint: disable=stale-year")
    assert jigyo("lint", "--plans", str(plans({"a.yaml": text}))).exit_code == 1


def settings(folder: Path, text: str) -> Path:
    (folder / "jigyo.yaml").write_text(text, encoding="utf-8")
    return folder


def test_settings_switch_a_rule_off(plans):
    folder = settings(plans({"a.yaml": SLIP}), "lint:\n  rules:\n    hand-numbering: off\n")
    assert jigyo("lint", "--plans", str(folder)).exit_code == 0
    listed = jigyo("lint", "--list-rules", "--plans", str(folder)).output
    assert "hand-numbering（off）" in listed


def test_settings_make_a_rule_an_error_that_fails_check(plans):
    folder = settings(plans({"a.yaml": SLIP}),
                      "title: other settings are read elsewhere\n"
                      "lint:\n  rules:\n    hand-numbering: error\n")
    result = jigyo("check", "--plans", str(folder))
    assert result.exit_code == 1
    assert "注意:" not in result.output.splitlines()[1] and "[hand-numbering]" in result.output


@pytest.mark.parametrize(("text", "said"), [
    ("lint:\n  rules:\n    hand-numberin: off\n",
     "jigyo.yaml:3:5: 「hand-numberin」という規則はありません。もしかして「hand-numbering」ですか？"),
    ("lint:\n  rules:\n    stale-year: never\n", "jigyo.yaml:3:17: ここには "),
    ("lint:\n  variants:\n    - [取組]\n", "jigyo.yaml:3:7: 表記ゆれの組には、異なる書き方を2つ以上"),
    ("lint: [a]\n", "jigyo.yaml:1:7: lint: には「rules:」「variants:」の組を書いてください。"),
])
def test_settings_mistakes_are_located(plans, text: str, said: str):
    result = jigyo("lint", "--plans", str(settings(plans({"a.yaml": UNIT}), text)))
    assert result.exit_code == 2
    assert said in result.output, result.output


def test_new_year_counts_the_stale_years(plans):
    text = UNIT.replace("target: 7回予定", "target: 7回予定\n            content: 2020年9月10日（木）実施")
    folder = plans({"a.yaml": text})
    result = jigyo("new-year", "2021", "--plans", str(folder))
    assert result.exit_code == 0, result.output
    assert f"{folder.as_posix()}/2021 に前年度の年度・日付が 1 か所あります。" in result.output


def test_a_comment_before_a_block_exempts_the_whole_block(plans):
    text = UNIT.replace("target: 7回予定", "target: 7回予定\n"
                        "            content: |  # jigyo-lint: disable=halfwidth-kana 旧様式のまま\n"
                        "              一行目\n              ﾌｫﾛﾜｰ数")
    assert jigyo("lint", "--plans", str(plans({"a.yaml": text}))).exit_code == 0
    bare = text.replace("  # jigyo-lint: disable=halfwidth-kana 旧様式のまま", "")
    result = jigyo("lint", "--plans", str(plans({"a.yaml": bare})))
    assert result.exit_code == 1 and "a.yaml:12:15: 注意: 半角カナ「ﾌｫﾛﾜｰ」" in result.output


def test_a_comment_naming_no_rule_is_reported(plans):
    text = UNIT.replace("name: 理事会", "name: 理事会  # jigyo-lint: disable=all, hand-numberin")
    result = jigyo("lint", "--plans", str(plans({"a.yaml": text})))
    assert result.exit_code == 1
    assert ("a.yaml:8:51: 注意: 「hand-numberin」という規則はないので、この jigyo-lint: disable は"
            "何も止めません。") in result.output
