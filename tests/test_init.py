"""`jigyo init` in an empty folder gives a project that checks, builds, moves on and compares."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jigyo.cli import app

from .conftest import ROOT

runner = CliRunner()


def jigyo(*args: str, cwd: Path | None = None, stdin: str | None = None) -> tuple[int, str]:
    import os

    before = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = runner.invoke(app, list(args), prog_name="jigyo", input=stdin)
    finally:
        os.chdir(before)
    return result.exit_code, result.output


def test_init_then_check_build_new_year_and_diff(tmp_path: Path):
    code, output = jigyo("init", str(tmp_path), "--organization", "テスト町社会福祉協議会",
                         "--year", "2024")
    assert code == 0, output
    plans = tmp_path / "plans"
    assert (plans / "jigyo.yaml").is_file() and (plans / "2024" / "sample.yaml").is_file()
    editor = json.loads((tmp_path / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert "./schema/unit.schema.json" in editor["yaml.schemas"]
    assert (tmp_path / "schema" / "settings.schema.json").is_file()
    assert "テスト町社会福祉協議会" in (tmp_path / "README.md").read_text(encoding="utf-8")
    assert "build/" in (tmp_path / ".gitignore").read_text(encoding="utf-8")
    code, output = jigyo("check", "--plans", str(plans))
    assert code == 0, output
    code, output = jigyo("build", "--plans", str(plans), "--out", str(tmp_path / "build"),
                         "-f", "html,md,json")
    assert code == 0, output
    index = (tmp_path / "build" / "site" / "2024" / "index.html").read_text(encoding="utf-8")
    assert "令和６年度" in index and "テスト町社会福祉協議会" in index
    code, output = jigyo("new-year", "2025", "--plans", str(plans))
    assert code == 0, output
    code, output = jigyo("diff", "2024", "2025", "--plans", str(plans))
    assert code == 0, output
    assert "変更はありません。" in output


def test_init_workflow_is_the_packaged_review_workflow(tmp_path: Path):
    assert jigyo("init", str(tmp_path), "--organization", "町", "--year", "2024")[0] == 0
    made = (tmp_path / ".github" / "workflows" / "plan-review.yml").read_text(encoding="utf-8")
    ours = (ROOT / ".github" / "workflows" / "plan-review.yml").read_text(encoding="utf-8")
    installed = [line for line in made.splitlines() if line not in ours.splitlines()]
    # a stale copy fails here: regenerate templates/init/plan-review.yml from .github/workflows
    assert installed == ["          cache-dependency-path: requirements.txt",
                         "        run: python -m pip install --disable-pip-version-check"
                         " -r requirements.txt"]


def test_init_with_a_title_names_the_document(tmp_path: Path):
    code, output = jigyo("init", str(tmp_path), "--organization", "町", "--year", "2024",
                         "--title", "実施計画")
    assert code == 0, output
    code, output = jigyo("build", "--plans", str(tmp_path / "plans"), "--out",
                         str(tmp_path / "build"), "-f", "html")
    assert code == 0, output
    assert "令和６年度　実施計画" in (tmp_path / "build" / "site" / "2024" / "index.html").read_text(
        encoding="utf-8")


def test_init_without_values_and_without_a_terminal_says_what_is_missing(tmp_path: Path):
    code, output = jigyo("init", str(tmp_path), stdin="")
    assert code == 2
    assert "--organization、--year を指定してください" in output
    assert not (tmp_path / "plans").exists()


def test_init_never_overwrites(tmp_path: Path):
    (tmp_path / "README.md").write_text("ours", encoding="utf-8")
    code, output = jigyo("init", str(tmp_path), "--organization", "町", "--year", "2024")
    assert code == 1
    assert "README.md はもうあります" in output
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "ours"
    assert not (tmp_path / "plans").exists()


@pytest.mark.parametrize("year", ["1988", "20245"])
def test_init_refuses_a_year_out_of_range(tmp_path: Path, year: str):
    code, output = jigyo("init", str(tmp_path), "--organization", "町", "--year", year)
    assert code == 2 and "1989 から 2200" in output
