"""The `jigyo` command end to end: exit codes, messages, outputs on disk."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from jigyo.cli import app
from jigyo.schema import schemas

from .conftest import ROOT, UNIT

runner = CliRunner()


def jigyo(*args: str):
    return runner.invoke(app, list(args))


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
    assert jigyo("build", "--format", "docx").exit_code == 2


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
