"""The `jigyo` command end to end: exit codes, messages, outputs on disk."""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from importlib import metadata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jigyo.cli import app
from jigyo.schema import schemas

from .conftest import ROOT, UNIT

runner = CliRunner()


def jigyo(*args: str):
    return runner.invoke(app, list(args), prog_name="jigyo")


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_check_clean_plans_exits_0(sample_copy: Path):
    result = jigyo("check", "--plans", str(sample_copy))
    assert result.exit_code == 0
    assert "2 件の計画単位に問題はありません。" in result.output


def test_check_reports_located_problems_and_exits_1(plans):
    folder = plans({"a.yaml": UNIT.replace("target:", "targt:")})
    result = jigyo("check", "--plans", str(folder))
    assert result.exit_code == 1
    assert f"{folder.as_posix()}/2020/a.yaml:9:13: 「targt」というキーは使えません。" in result.output
    assert "問題が 1 件あります。" in result.output
    assert "Traceback" not in result.output


def test_usage_error_exits_2():
    assert jigyo("check", "--no-such-option").exit_code == 2
    assert jigyo("build", "--format", "odt").exit_code == 2


def test_build_writes_every_format(sample_copy: Path, tmp_path: Path):
    out = tmp_path / "out"
    result = jigyo("build", "--plans", str(sample_copy), "--out", str(out))
    assert result.exit_code == 0, result.output
    files = tree(out)
    for name in ("site/index.html", "site/2020/index.html", "site/2020/soumu.html",
                 "site/assets/style.css", "md/2020/index.md", "md/2020/soumu.md",
                 "json/2020.json"):
        assert name in files
    page = files["site/2020/soumu.html"].decode()
    assert '<html lang="ja">' in page and "【法人運営係】" in page
    assert "http://" not in page and "https://" not in page  # relative links only


def test_two_builds_are_byte_identical(sample_copy: Path, tmp_path: Path):
    jigyo("build", "--plans", str(sample_copy), "--out", str(tmp_path / "a"))
    jigyo("build", "--plans", str(sample_copy), "--out", str(tmp_path / "b"))
    assert tree(tmp_path / "a") == tree(tmp_path / "b")


def test_failed_build_keeps_the_previous_output(sample_copy: Path, tmp_path: Path):
    out = tmp_path / "out"
    assert jigyo("build", "--plans", str(sample_copy), "--out", str(out)).exit_code == 0
    before = tree(out)
    folders = sorted(p.name for p in out.iterdir())
    unit = sample_copy / "2020" / "soumu.yaml"
    unit.write_text(unit.read_text(encoding="utf-8").replace("title:", "titel:", 1),
                    encoding="utf-8")
    result = jigyo("build", "--plans", str(sample_copy), "--out", str(out))
    assert result.exit_code == 1
    assert "出力は変更していません。" in result.output
    assert tree(out) == before
    assert sorted(p.name for p in out.iterdir()) == folders  # no staging folder left behind


def test_build_removes_pages_of_deleted_units(sample_copy: Path, tmp_path: Path):
    out = tmp_path / "out"
    jigyo("build", "--plans", str(sample_copy), "--out", str(out))
    (sample_copy / "2020" / "kenri.yaml").unlink()
    jigyo("build", "--plans", str(sample_copy), "--out", str(out))
    assert not (out / "site" / "2020" / "kenri.html").exists()


def test_format_selection(sample_copy: Path, tmp_path: Path):
    out = tmp_path / "out"
    result = jigyo("build", "--plans", str(sample_copy), "--out", str(out), "-f", "md")
    assert result.exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["md"]


def test_committed_schema_is_up_to_date():
    for name, text in schemas().items():
        committed = (ROOT / "schema" / name).read_text(encoding="utf-8")
        assert committed == text, f"schema/{name} is stale: run `jigyo schema`"


def test_console_entry_point_runs():
    result = subprocess.run([sys.executable, "-m", "jigyo", "--help"], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0
    assert "check" in result.stdout and "build" in result.stdout


# --- manners: version, help, usage mistakes ------------------------------------------------

ENGLISH = re.compile(
    r"\b(Usage|Options?|Arguments?|Commands?|Show this|default|required|Error|Try|No such|"
    r"Missing|Invalid|Got unexpected|Did you mean|TEXT|INTEGER|PATH|Aborted)\b"
)
"""Words typer and its parser print in English when nobody words them."""


def cells(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def test_version_comes_from_the_package_metadata():
    result = jigyo("--version")
    assert result.exit_code == 0
    assert result.output.strip() == f"jigyo {metadata.version('jigyo')}"


@pytest.mark.parametrize("args", [[], ["check"], ["build"], ["schema"], ["serve"], ["diff"],
                                  ["new-year"]])
def test_help_is_japanese_and_fits_80_columns_uncut(args: list[str]):
    result = runner.invoke(app, [*args, "--help"], env={"COLUMNS": "80"}, prog_name="jigyo")
    assert result.exit_code == 0
    assert "使い方: jigyo" in result.output and "この説明を表示して終わります。" in result.output
    assert not ENGLISH.search(result.output), ENGLISH.search(result.output)
    assert "…" not in result.output
    lines = result.output.splitlines()
    assert max(cells(line) for line in lines) <= 80
    if args == ["build"]:  # every word of a long help is there, only wrapped
        joined = "".join(line.strip() for line in lines)
        assert "https://example.jp/jigyo/）。sitemap.xmlと正規URLに使います" in joined.replace(" ", "")
        assert "［既定：plans］" in joined


@pytest.mark.parametrize(("args", "says"), [
    (["check", "--nope"], "「--nope」というオプションはありません。"),
    (["chek"], "「chek」というコマンドはありません。もしかして「check」"),
    (["new-year"], "引数「年度」を指定してください。"),
    (["new-year", "abc"], "「年度」の値が正しくありません。整数で指定してください。"),
    (["build", "--lang", "fr"], "「--lang」の値が正しくありません。使えるもの: ja, en"),
    (["serve", "--port"], "「--port」には値を続けて書いてください。"),
    (["check", "a", "b"], "余分な引数があります: a b"),
])
def test_usage_mistakes_are_explained_in_japanese(args: list[str], says: str):
    result = jigyo(*args)
    assert result.exit_code == 2
    assert says in result.output
    assert not ENGLISH.search(result.output), ENGLISH.search(result.output)
    assert "Traceback" not in result.output


def test_help_wraps_japanese_by_width_and_line_breaking_rules():
    from jigyo.clihelp import wrap

    text = "計画ファイルをすべて検査し、誤りを「ファイル:行:列: 内容」で示します。"
    for width in range(12, 40):
        lines = wrap(text, width)
        assert "".join(lines).replace(" ", "") == text.replace(" ", ""), width
        assert all(cells(line) <= width for line in lines), width
        assert not any(line[0] in "、。）」" for line in lines[1:]), (width, lines)
        assert not any(line[-1] in "（「" for line in lines), (width, lines)
    assert wrap("see https://example.jp/jigyo/ now", 20) == ["see", "https://example.jp/j", "igyo/ now"]


def test_usage_mistake_in_english_with_lang_en():
    result = jigyo("check", "--nope", "--lang", "en")
    assert result.exit_code == 2 and "Error: no such option: --nope" in result.output


def test_help_does_not_import_the_compiler():
    heavy = ("rich", "pydantic", "jinja2", "yaml", "typst", "watchfiles", "jigyo.loader",
             "jigyo.build")
    code = ("import atexit, sys\n"
            f"atexit.register(lambda: print(sorted(m for m in {heavy!r} if m in sys.modules),"
            " file=sys.stderr))\n"
            "sys.argv = ['jigyo', '--help']\n"
            "from jigyo.cli import main\n"
            "main()\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0 and "check" in result.stdout
    assert result.stderr.strip() == "[]"


# --- failures: one handler for every command -----------------------------------------------

def test_plan_problems_in_english_with_lang_en(plans):
    folder = plans({"a.yaml": UNIT.replace("target:", "targt:")})
    result = jigyo("check", "--plans", str(folder), "--lang", "en")
    assert result.exit_code == 1
    assert f"{folder.as_posix()}/2020/a.yaml:9:13: unknown key 'targt'." in result.output
    assert "1 problem(s) found." in result.output
    result = jigyo("build", "--plans", str(folder), "--lang", "en", "--out",
                   str(folder.parent / "out"))
    assert result.exit_code == 1 and "Nothing was written." in result.output
    assert not re.search(r"[ぁ-んァ-ヶ]", result.output.replace("targt", ""))


def test_results_and_errors_in_english_with_lang_en(sample_copy: Path, tmp_path: Path):
    result = jigyo("check", "--plans", str(sample_copy), "--lang", "en")
    assert result.exit_code == 0 and "2 unit(s), no problems." in result.output
    result = jigyo("build", "--plans", str(sample_copy), "--out", str(tmp_path / "o"),
                   "-f", "md", "--lang", "en")
    assert result.exit_code == 0 and re.search(r"^md: \d+ file\(s\) in ", result.output, re.M)
    result = jigyo("build", "-f", "odt", "--lang", "en")
    assert result.exit_code == 2
    assert ("unknown output format: odt (choose from: html, md, json, pdf, csv, xlsx, docx)"
            in result.output)


def test_an_unwritable_output_is_named_in_japanese(sample_copy: Path, tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = jigyo("build", "--plans", str(sample_copy), "--out", str(blocker / "out"),
                   "-f", "md")
    assert result.exit_code == 1
    assert f"「{blocker.as_posix()}" in result.output and "を扱えません（" in result.output
    assert "Traceback" not in result.output and "Errno" not in result.output
    english = jigyo("build", "--plans", str(sample_copy), "--out", str(blocker / "out"),
                    "-f", "md", "--lang", "en")
    assert "cannot use '" in english.output


def test_ctrl_c_ends_quietly_with_130(sample_copy: Path, monkeypatch: pytest.MonkeyPatch):
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("jigyo.loader.load_plans", interrupted)
    result = jigyo("check", "--plans", str(sample_copy))
    assert result.exit_code == 130
    assert "中断しました。" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize(("args", "status"), [(["check"], 1), (["build", "-f", "md"], 1),
                                              (["diff", "2020", "2020"], 2)])
def test_a_bug_is_one_japanese_line_and_the_commands_status(
        sample_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        args: list[str], status: int):
    def broken(*a: object, **k: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr("jigyo.loader.load_plans", broken)
    monkeypatch.setattr("jigyo.build.build", broken)
    monkeypatch.setattr("jigyo.diff.sides.compare", broken)
    monkeypatch.delenv("JIGYO_DEBUG", raising=False)
    extra = ["--out", str(tmp_path / "o")] if args[0] == "build" else []
    result = jigyo(*args, "--plans", str(sample_copy), *extra)
    assert result.exit_code == status
    assert "jigyo の不具合です（RecursionError）" in result.output
    assert "Traceback" not in result.output and "maximum recursion" not in result.output
    monkeypatch.setenv("JIGYO_DEBUG", "1")
    result = jigyo(*args, "--plans", str(sample_copy), *extra)
    assert result.exit_code == status and "Traceback" in result.output


def test_declared_failure_status_and_usage_errors_keep_their_own():
    import typer

    from jigyo.clierrors import handles_errors
    from jigyo.errors import JigyoError, UsageError

    @handles_errors(failure=2)
    def diff_like(lang: str = "ja") -> None:
        raise JigyoError("problem_count", count=3)

    @handles_errors(failure=1)
    def check_like(lang: str = "ja") -> None:
        raise UsageError("unknown_format", names="x", choices="y")

    for command, status in ((diff_like, 2), (check_like, 2)):
        with pytest.raises(typer.Exit) as ended:
            command(lang="en")
        assert ended.value.exit_code == status


def test_every_command_line_message_has_english_with_the_same_blanks():
    import string

    from jigyo.messages import cli as cli_messages
    from jigyo.messages import newyear, serve

    japanese = re.compile(r"[ぁ-んァ-ヶ一-龯「」（）。、]")
    for area in (cli_messages, serve, newyear):
        for code, (ja, en) in area.MESSAGES.items():
            blanks = [{f for _, f, _, _ in string.Formatter().parse(t) if f} for t in (ja, en)]
            assert blanks[0] == blanks[1], code
            assert not japanese.search(en), (code, en)
