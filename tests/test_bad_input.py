"""A catalogue of bad input, through `jigyo check` as a clerk runs it.

Each case is something a pull request can carry. The command must exit with
1, name the file, line and column of the cause, say it in Japanese (English
with `--lang en`), never show a traceback, and never drop what was typed.
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jigyo.cli import app
from jigyo.yamlread import unreadable

from .conftest import UNIT, YEAR

runner = CliRunner()

ENTRY = "          - name: 理事会\n            target: 7回予定\n"


def write(root: Path, files: dict[str, str | bytes], year: str | bytes = YEAR) -> Path:
    """A plans folder holding plans/2020/year.yaml and the given files, written as is."""
    folder = root / "plans" / "2020"
    folder.mkdir(parents=True, exist_ok=True)
    for name, body in {"year.yaml": year, **files}.items():
        data = body.encode("utf-8") if isinstance(body, str) else body
        (folder / name).write_bytes(data)
    return root / "plans"


def check(plans: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["check", "--plans", str(plans), *args])
    output = result.output.replace(plans.parent.as_posix() + "/", "")
    assert "Traceback" not in output
    assert "jigyo の不具合です" not in output and "this is a bug in jigyo" not in output
    assert result.exception is None or isinstance(result.exception, SystemExit), output
    return result.exit_code, output


def unit(old: str, new: str) -> str:
    assert old in UNIT
    return UNIT.replace(old, new)


CASES: list[tuple[str, str, str, str]] = [
    # (case, unit file, where, the Japanese message or a telling part of it)
    ("comma in a flow list", unit("target: 7回予定", "target: [目標は1,879人, 実績は1,905人]"),
     "9:26", "[ ] や { } の中の「目標は1,879」は「,」で2つに分かれてしまいます。"
             "\"…\" で囲むか、「- 」で始まる行のリストに書き直してください。"),
    ("comma in a budget", unit("target: 7回予定", "target: [予算額 1,200 千円]"),
     "9:27", "「予算額 1,200」は「,」で2つに分かれてしまいます。"),
    ("comma in a flow mapping", unit(ENTRY, "          - {name: 理事会, target: 5,852 千円}\n"),
     "8:34", "「5,852」は「,」で2つに分かれてしまいます。"),
    ("first entry of a merged cell deleted",
     unit(ENTRY, "          - name: 理事会\n          - name: 評議員会\n            target: 2回\n"),
     "8:13", "この事項には内容も目標値もありません。結合セル（span）の最初の事項を消したときは"),
    ("nesting 500 deep", UNIT + "note: " + "[" * 500 + "]" * 500 + "\n",
     "10:38", "入れ子が深すぎます（上限 32 段）。"),
    ("nesting 10,000 deep", UNIT + "note: " + "[" * 10_000 + "]" * 10_000 + "\n",
     "10:", "入れ子が深すぎます（上限 32 段）。"),
    ("nesting 2,000 block levels", UNIT + "note:\n" + "".join(
        " " * i + "-\n" for i in range(1, 1_100)),
     "", "入れ子が深すぎます（上限 32 段）。"),
    ("a text of 10,001 characters", unit("7回予定", "あ" * 10_001),
     "9:21", "文言が長すぎます（10001 文字、上限 10000 文字）。"),
    ("1,001 entries", unit(ENTRY, ENTRY * 1_001),
     "", "要素が多すぎます（上限 1000 個）。"),
    ("an ESC typed into the text", unit("7回予定", "7回\x1b予定"),
     "9:23", "制御文字（U+001B）は使えません。"),
    ("DEL typed into the text", unit("7回予定", "7回\x7f予定"), "9:23", "制御文字（U+007F）"),
    ("NEL (U+0085) in the text", unit("7回予定", "7回\x85予定"), "9:23", "制御文字（U+0085）"),
    ("a bidi override in the text", unit("7回予定", "7回\u202e予定"), "9:23", "制御文字（U+202E）"),
    ("a \\r escape", unit("7回予定", '"7回\\r予定"'), "9:24", "制御文字（U+000D）"),
    ("a \\x1b escape", unit("7回予定", '"\\x1b]0;title\\x07"'), "9:22", "制御文字（U+001B）"),
    ("a \\0 escape", unit("7回予定", '"7回\\0予定"'), "9:24", "制御文字（U+0000）"),
    ("a full-width colon", unit("target: 7回予定", "target：7回予定"),
     "9:19", "キーの後のコロンが全角「：」です。半角の「: 」（コロンと空白）にしてください。"),
    ("a full-width colon at the top", unit("section: 法人運営係", "section：法人運営係"),
     "2:8", "キーの後のコロンが全角「：」です。"),
    ("no space after a colon", unit("section: 法人運営係", "section:法人運営係"),
     "2:9", "キーの後の「:」の次に半角の空白がありません。「キー: 値」と書いてください。"),
    ("no space after a colon in an entry", unit("- name: 理事会", "- name:理事会"),
     "8:18", "キーの後の「:」の次に半角の空白がありません。"),
    ("no space after a dash", unit("- name: 理事会", "-name: 理事会"),
     "8:11", "「-」の後に半角の空白がありません。「- キー: 値」と書いてください。"),
    ("no space after a dash in a list of text",
     unit("    table:", "    policy:\n      -方針の文章\n    table:"),
     "6:7", "ここにはリスト（「- 」で始まる行）を書いてください。「-」の後に半角の空白を入れてください"),
    ("full-width spaces as indentation", unit(ENTRY, "　　　　　- name: 理事会\n"),
     "8:1", "全角スペース（　）で字下げされています。字下げには半角スペースを使ってください。"),
    ("full-width spaces before a key", unit("            target:", "　　　　　　target:"),
     "9:1", "全角スペース（　）で字下げされています。"),
    ("a quote left open", unit("section: 法人運営係", 'section: "法人運営係')
     + "  - title: \"x\"\n" + "\n" * 300 + "  - title: y\n",
     "2:10", "ここで開いた引用符（\" または '）が同じ行で閉じられていません。"),
    ("a key one level too high", unit("            target: 7回予定", "        target: 7回予定"),
     "9:9", "「target」というキーは使えません。「target」は事項（entries の各要素）に書くキーです。"
            "字下げが浅すぎないか確かめてください。"),
    ("a key one level too deep", unit("    table:", "    section: 係\n    table:"),
     "5:5", "「section」は計画単位ファイルの最上位に書くキーです。字下げが深すぎないか"),
    ("a forgotten dash between entries", UNIT + "            name: 評議員会\n            target: 3回\n",
     "10:13", "キー「name」が重複しています（8行目にもあります）。2つ目の事項なら、"
              "前の行との間に「- 」で始まる行が抜けていませんか？"),
    ("a value that is not one of the choices", unit("    table:", "    numbering: items\n    table:"),
     "5:16", "ここには item / table のどれかを書いてください。"),
    ("text starting with @", unit("7回予定", "@7回"),
     "9:21", "この文字（@ ` % ! & * | > など）で始まる文は \"…\" で囲んでください。"),
    ("a backslash in double quotes", unit("7回予定", '"7回\\予定"'),
     "9:24", "\"…\" の中の「\\」は「\\\\」と書くか"),
]


@pytest.mark.parametrize(("body", "where", "expected"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_bad_unit_file_is_refused_where_it_is_wrong(tmp_path: Path, body: str, where: str,
                                                     expected: str) -> None:
    code, output = check(write(tmp_path, {"a.yaml": body}))
    assert code == 1
    assert f"plans/2020/a.yaml:{where}" in output
    line = next(x for x in output.splitlines() if x.startswith("plans/2020/a.yaml:"))
    assert expected in line
    assert "問題が 1 件あります。" in output


@pytest.mark.parametrize("year", ["2020.0", "2_020", "２０２０", "0x7e4"])
def test_fiscal_year_in_plain_digits_only(tmp_path: Path, year: str) -> None:
    code, output = check(write(tmp_path, {"a.yaml": UNIT}, YEAR.replace("2020", year)))
    assert code == 1
    assert "plans/2020/year.yaml:1:14: ここには半角数字だけで整数（例: 2020）を書いてください。" \
        in output


def test_no_english_parser_text_in_japanese_messages(tmp_path: Path) -> None:
    broken = [
        "department: 総務課\nsection: [a, b\n",
        "department: 総務課\nsection: {a: b\n",
        "department: 総務課\n- a\n",
        "department: 総務課\nsection: a\n  b: c\n",
        "department: &a\n",
        "department: 総務課\nsection: '法人\n",
        "? [a]\n: b\n",
        "department: !!binary aGk=\n",
        "department: 総務課\nsection: x\ninitiatives:\n  - title: t\n    numbering: 1\n",
        "department: 総務課\nsection: x\ninitiatives:\n  - title: t\n    table: [{entries: [{rows: 3}]}]\n",
        "%YAML 1.1\n%YAML 1.1\n---\na: b\n",
        "a: [b, ]]\n",
    ]
    for i, body in enumerate(broken):
        code, output = check(write(tmp_path / str(i), {"a.yaml": body}))
        assert code == 1, body
        for english in ("while ", "expected", "found ", "Input should", "Unable to", "parsing"):
            assert english not in output, (body, output)


def test_explicitly_blank_entry_is_accepted(tmp_path: Path) -> None:
    body = unit(ENTRY, "          - name: 理事会\n            target:\n")
    assert check(write(tmp_path, {"a.yaml": body}))[0] == 0


def test_comma_with_a_space_or_quoted_is_accepted(tmp_path: Path) -> None:
    body = unit("target: 7回予定", 'target: [1, 2, "目標は1,879人", 予算額 1,200 千円]')
    body = body.replace("予算額 1,200 千円]", "'1,200 千円']")
    assert check(write(tmp_path, {"a.yaml": body}))[0] == 0


def test_limits_can_be_raised_in_the_year_file(tmp_path: Path) -> None:
    body = unit("7回予定", "あ" * 12_000)
    plans = write(tmp_path, {"a.yaml": body}, YEAR + "limits:\n  text_chars: 20000\n")
    assert check(plans)[0] == 0


def test_limit_given_in_words_is_refused(tmp_path: Path) -> None:
    plans = write(tmp_path, {"a.yaml": UNIT}, YEAR + "limits:\n  text_chars: 2万\n")
    code, output = check(plans)
    assert code == 1
    assert "plans/2020/year.yaml:7:15: ここには半角数字だけで整数" in output


def _initiatives(count: int) -> str:
    return "department: 総務課\nsection: 係\ninitiatives:\n" + "  - title: t\n" * count


def test_100000_initiatives_are_refused_for_size(tmp_path: Path) -> None:
    body = _initiatives(100_000)
    code, output = check(write(tmp_path, {"a.yaml": body}))
    assert code == 1
    assert (f"plans/2020/a.yaml:1:1: ファイルが大きすぎます（{len(body.encode())} バイト、"
            "上限 1048576 バイト）。上限は年度ファイルの limits: file_bytes で変えられます。") in output


def test_100000_initiatives_are_refused_for_count_when_size_is_allowed(tmp_path: Path) -> None:
    year = YEAR + "limits:\n  file_bytes: 10000000\n"
    code, output = check(write(tmp_path, {"a.yaml": _initiatives(100_000)}, year))
    assert code == 1
    assert "plans/2020/a.yaml:1004:5: 要素が多すぎます（上限 1000 個）。" in output


def test_yaml_beside_yml_names_both(tmp_path: Path) -> None:
    code, output = check(write(tmp_path, {"a.yaml": UNIT, "a.yml": UNIT}))
    assert code == 1
    assert ("plans/2020/a.yaml:1:1: plans/2020/a.yml と同じ計画単位です。"
            "拡張子 .yaml と .yml のどちらか1つにしてください。") in output


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX FIFOs and symlinks")
def test_skipped_files_and_folders_are_reported(tmp_path: Path) -> None:
    plans = write(tmp_path, {"a.yaml": UNIT})
    folder = plans / "2020"
    (folder / "b.yaml").symlink_to("missing.yaml")
    os.mkfifo(folder / "c.yaml")
    (folder / "d.yaml").mkdir()
    for name in ("2021 ", "20210", "2018-2020"):
        (plans / name).mkdir()
    code, output = check(plans)
    assert code == 0
    assert "plans/2020/b.yaml:1:1: 注意: リンク先のないシンボリックリンクなので読みませんでした。" in output
    assert "plans/2020/c.yaml:1:1: 注意: 通常のファイルではない（FIFO など）ので読みませんでした。" in output
    assert "plans/2020/d.yaml:1:1: 注意: 名前が .yaml で終わるフォルダなので読みませんでした。" in output
    for name in ("2021 ", "20210"):
        assert (f"plans/{name}:1:1: 注意: フォルダ「{name}」は年度フォルダとして読みませんでした。"
                "年度フォルダの名前は4桁の西暦年だけです（例: 2021）。") in output
    assert ("plans/2018-2020:1:1: 注意: フォルダ 2018-2020 は読みません。複数年度の計画は、"
            "最初の年度のフォルダ（2018）に置き、plans/jigyo.yaml に period: 3 と書きます") in output
    assert "1 件の計画単位に問題はありません。" in output


def test_warnings_come_with_the_errors(tmp_path: Path) -> None:
    plans = write(tmp_path, {"a.yaml": UNIT.replace("target:", "targt:")})
    (plans / "2020" / "b.yaml").symlink_to("missing.yaml")
    code, output = check(plans)
    assert code == 1
    assert "plans/2020/b.yaml:1:1: 注意: リンク先のないシンボリックリンク" in output
    assert "plans/2020/a.yaml:9:13: 「targt」というキーは使えません。" in output


def test_links_out_of_the_plans_folder_are_refused(tmp_path: Path) -> None:
    plans = write(tmp_path, {})
    secret = tmp_path / "secret.yaml"
    secret.write_text(UNIT, encoding="utf-8")
    (plans / "2020" / "a.yaml").symlink_to(secret)
    (plans / "2019").symlink_to(tmp_path)
    code, output = check(plans)
    assert code == 1
    assert "plans/2020/a.yaml:1:1: 計画フォルダの外（secret.yaml）を指すシンボリックリンクは使えません。" \
        in output
    assert "plans/2019:1:1: 計画フォルダの外" in output


def test_links_inside_the_plans_folder_are_read(tmp_path: Path) -> None:
    plans = write(tmp_path, {"a.yaml": UNIT})
    (plans / "shared.yaml").write_text(UNIT.replace("法人運営係", "経理係"), encoding="utf-8")
    (plans / "2020" / "b.yaml").symlink_to("../shared.yaml")
    code, output = check(plans)
    assert code == 0
    assert "2 件の計画単位に問題はありません。" in output


def test_plans_option_naming_a_year_folder_says_so(tmp_path: Path) -> None:
    plans = write(tmp_path, {"a.yaml": UNIT})
    result = runner.invoke(app, ["check", "--plans", str(plans / "2020")])
    assert result.exit_code == 1
    assert (f"{plans.as_posix()}/2020:1:1: この中に年度フォルダ（4桁の西暦年の名前のフォルダ、例: 2020/）"
            "がありません。ここにあるもの: a.yaml、year.yaml。これは年度フォルダのようです。"
            f"--plans にはその上のフォルダ（{plans.as_posix()}）を指定してください。") in result.output


def test_build_of_a_missing_year_names_the_years_there(tmp_path: Path) -> None:
    plans = write(tmp_path, {"a.yaml": UNIT})
    result = runner.invoke(app, ["build", "--plans", str(plans), "--out", str(tmp_path / "out"),
                                 "--year", "2019", "-f", "json"])
    assert result.exit_code == 1
    assert f"{plans.as_posix()}:1:1: 年度 2019 のフォルダがありません。ある年度: 2020。" \
        in result.output
    assert not (tmp_path / "out").exists()


def test_control_characters_in_a_file_name_do_not_reach_the_terminal(tmp_path: Path) -> None:
    plans = write(tmp_path, {"a\x1b]0;x\x07.yaml": UNIT})
    code, output = check(plans)
    assert code == 1
    assert "\x1b" not in output and "\x07" not in output
    assert "a\\x1b]0;x\\x07.yaml" in output


@pytest.mark.parametrize(("body", "where", "expected"), [
    (unit("target: 7回予定", "target: [目標は1,879人, 実績は1,905人]"), "9:26",
     "'目標は1,879' inside [ ] or { } would be split at the comma"),
    (unit("target: 7回予定", "target：7回予定"), "9:19",
     "the colon after the key is full-width (：); use ': '"),
    (unit("            target: 7回予定", "        target: 7回予定"), "9:9",
     "unknown key 'target'. 'target' belongs in an entry (an item of entries); "
     "is it indented too little?"),
    (unit("    table:", "    numbering: items\n    table:"), "5:16",
     "expected one of item / table here."),
    (unit("7回予定", "7回\x1b予定"), "9:23", "control character U+001B is not allowed"),
])
def test_english_with_lang_en(tmp_path: Path, body: str, where: str, expected: str) -> None:
    code, output = check(write(tmp_path, {"a.yaml": body}), "--lang", "en")
    assert code == 1
    assert f"plans/2020/a.yaml:{where}: {expected}" in output
    words = re.sub(r"'[^']*'", "", output)  # what was typed is quoted as typed
    assert not any("\u3040" <= ch <= "\u30ff" for ch in words)


def test_a_dangling_year_file_is_a_missing_year_file(tmp_path: Path) -> None:
    plans = write(tmp_path, {"a.yaml": UNIT})
    (plans / "2020" / "year.yaml").unlink()
    (plans / "2020" / "year.yaml").symlink_to("gone.yaml")
    code, output = check(plans)
    assert code == 1
    assert "plans/2020/year.yaml:1:1: 年度ファイル year.yaml がありません。" in output
    assert "plans/2020/year.yaml:1:1: 注意: リンク先のないシンボリックリンクなので読みませんでした。" in output


def test_a_key_with_a_full_width_colon_as_a_list_item(tmp_path: Path) -> None:
    code, output = check(write(tmp_path, {"a.yaml": unit(ENTRY, "          - target：7回予定\n")}))
    assert code == 1
    assert ("plans/2020/a.yaml:8:13: ここには「キー: 値」の組を書いてください。"
            "キーの後のコロンが全角「：」です。半角の「: 」にしてください。") in output


def test_an_unreadable_file_is_said_in_japanese(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    plans = write(tmp_path, {"a.yaml": UNIT})
    target = plans / "2020" / "a.yaml"
    target.chmod(0)
    if os.geteuid() == 0:  # root reads any file: refuse it the way the system refuses others
        read_bytes = Path.read_bytes

        def refuse(self: Path) -> bytes:
            if self.name == target.name:
                raise PermissionError(errno.EACCES, "Permission denied", str(self))
            return read_bytes(self)

        monkeypatch.setattr(Path, "read_bytes", refuse)
    code, output = check(plans)
    assert code == 1
    assert "plans/2020/a.yaml:1:1: 読めません（権限がありません）。" in output


def test_a_symlink_loop_is_reported_not_followed(tmp_path: Path) -> None:
    plans = write(tmp_path, {"a.yaml": UNIT})
    (plans / "2020" / "b.yaml").symlink_to("b.yaml")
    code, output = check(plans)
    assert code == 0
    assert "plans/2020/b.yaml:1:1: 注意: リンク先のないシンボリックリンクなので読みませんでした。" in output


@pytest.mark.parametrize(("number", "reason"), [
    (errno.EACCES, "権限がありません"), (errno.EPERM, "権限がありません"),
    (errno.ENOENT, "見つかりません"), (errno.EIO, f"エラー番号 {errno.EIO}"),
])
def test_system_errors_are_worded_in_japanese(number: int, reason: str) -> None:
    found = unreadable(Path("a.yaml"), OSError(number, os.strerror(number)))
    assert found.format("ja") == f"a.yaml:1:1: 読めません（{reason}）。"
    assert found.format("en") == f"a.yaml:1:1: cannot read it: {os.strerror(number)}."


def test_numbers_split_by_a_flow_comma_are_quoted_whole(tmp_path: Path) -> None:
    code, output = check(write(tmp_path, {"a.yaml": unit("target: 7回予定", "target: [1,2]")}))
    assert code == 1
    assert "plans/2020/a.yaml:9:23: [ ] や { } の中の「1,2」は「,」で2つに分かれてしまいます。" in output


def test_build_of_a_missing_year_among_others_is_refused(tmp_path: Path) -> None:
    plans = write(tmp_path, {"a.yaml": UNIT})
    result = runner.invoke(app, ["build", "--plans", str(plans), "--out", str(tmp_path / "out"),
                                 "--year", "2020", "--year", "2019", "-f", "json"])
    assert result.exit_code == 1
    assert f"{plans.as_posix()}:1:1: 年度 2019 のフォルダがありません。ある年度: 2020。" \
        in result.output


def test_a_file_of_too_many_values_is_refused(tmp_path: Path) -> None:
    entries = "          - {name: a, target: b}\n" * 999
    body = "department: 総務課\nsection: 係\ninitiatives:\n" + (
        "  - title: t\n    table:\n      - entries:\n" + entries) * 6
    code, output = check(write(tmp_path, {"a.yaml": body}))
    assert code == 1
    assert "1つのファイルに書かれた値が多すぎます（上限 20000 個）。" in output


def test_diff_reports_bad_input_located_with_status_2(tmp_path: Path) -> None:
    plans = write(tmp_path, {"a.yaml": UNIT})
    newer = plans / "2021"
    newer.mkdir()
    (newer / "year.yaml").write_text(YEAR.replace("2020", "2021"), encoding="utf-8")
    (newer / "a.yaml").write_text("note: " + "[" * 500 + "]" * 500 + "\n" + UNIT,
                                  encoding="utf-8")
    result = runner.invoke(app, ["diff", "2020", "2021", "--plans", str(plans)])
    assert result.exit_code == 2
    assert f"{plans.as_posix()}/2021/a.yaml:1:38: 入れ子が深すぎます（上限 32 段）。" in result.output
    assert "Traceback" not in result.output
