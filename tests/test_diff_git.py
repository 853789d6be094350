"""`jigyo diff --base REV` in a repository made by each test.

Plans are read from git objects: the working tree and the index must be
exactly as they were afterwards.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .test_diff import RIJIKAI_YAML, edit, jigyo, real_plans

pytestmark = pytest.mark.skipif(shutil.which("git") is None and os.environ.get("CI") != "true",
                                reason="git is not installed")


def git(repo: Path, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="jigyo", GIT_AUTHOR_EMAIL="jigyo@example.org",
               GIT_COMMITTER_NAME="jigyo", GIT_COMMITTER_EMAIL="jigyo@example.org")
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                          env=env, check=True)
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose first commit holds the real FY2020 plans."""
    real_plans(tmp_path)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "plans")
    git(tmp_path, "commit", "-q", "-m", "FY2020")
    return tmp_path


def diff(repo: Path, *args: str):
    cwd = Path.cwd()
    os.chdir(repo)  # --plans defaults to ./plans, as in a checkout
    try:
        return jigyo("diff", *args)
    finally:
        os.chdir(cwd)


def state(repo: Path) -> tuple[str, bytes]:
    return git(repo, "status", "--porcelain"), (repo / ".git" / "index").read_bytes()


def test_base_compares_the_revision_with_the_working_tree(repo: Path):
    unit = repo / "plans" / "2020" / "houjin-unei.yaml"
    edit(unit, RIJIKAI_YAML, RIJIKAI_YAML.replace("7回予定", "6回"))
    before = state(repo)
    result = diff(repo, "--base", "main", "--format", "json")
    assert result.exit_code == 1, result.output
    [comparison] = json.loads(result.stdout)["comparisons"]
    assert (comparison["old"], comparison["new"]) == ("main:2020", "2020")
    assert [(c["kind"], c["field"], c["old"], c["new"]) for c in comparison["changes"]] == [
        ("changed", "target", "7回予定", "6回")]
    assert state(repo) == before  # neither the working tree nor the index was touched
    md = diff(repo, "--base", "main", "--format", "md").stdout
    assert md.startswith("<!-- jigyo-diff -->\n## 事業計画の変更")
    assert "### main:2020 → 令和２年度（2020）" in md


def test_rev_year_on_both_sides(repo: Path):
    edit(repo / "plans" / "2020" / "houjin-unei.yaml", "社会福祉法を遵守し、", "社会福祉法に基づき、")
    git(repo, "commit", "-q", "-am", "reword")
    result = diff(repo, "HEAD~1:2020", "HEAD:2020", "--format", "json")
    assert result.exit_code == 1, result.output
    [comparison] = json.loads(result.stdout)["comparisons"]
    assert [(c["kind"], c["level"]) for c in comparison["changes"]] == [("changed", "policy")]
    assert diff(repo, "HEAD:2020", "2020").exit_code == 0


def test_new_year_in_the_working_tree_is_compared_with_the_year_before(repo: Path):
    assert jigyo("new-year", "2021", "--plans", str(repo / "plans")).exit_code == 0
    result = diff(repo, "--base", "main", "--format", "json")
    assert result.exit_code == 0, result.output
    [comparison] = json.loads(result.stdout)["comparisons"]
    assert (comparison["old"], comparison["new"], comparison["changes"]) == (
        "main:2020", "2021", [])
    assert "変更はありません。" in diff(repo, "--base", "main").stdout


def test_unchanged_working_tree_exits_0(repo: Path):
    result = diff(repo, "--base", "HEAD")
    assert result.exit_code == 0
    assert "変更はありません。" in result.stdout
    assert "HEAD:2020 → 令和２年度（2020）" in result.stdout


def test_bad_revision_and_not_a_repository_exit_2(repo: Path, tmp_path_factory):
    result = diff(repo, "--base", "no-such-branch")
    assert result.exit_code == 2
    assert "リビジョン「no-such-branch」が見つかりません" in result.output
    outside = tmp_path_factory.mktemp("plain")
    shutil.copytree(repo / "plans", outside / "plans")
    result = diff(outside, "--base", "main")
    assert result.exit_code == 2
    assert "git のリポジトリの中にありません" in result.output


def test_git_errors_are_in_english_with_lang_en(repo: Path):
    result = diff(repo, "--base", "no-such-branch", "--lang", "en")
    assert result.exit_code == 2
    assert result.output == 'the revision "no-such-branch" was not found (a git fetch may be needed).\n'
    result = diff(repo, "--base", "-x", "--lang", "en")
    assert (result.exit_code, result.output) == (2, 'the revision "-x" cannot be used.\n')
    result = diff(repo, "main:2019", "2020", "--lang", "en")
    assert (result.exit_code, result.output) == (2, "main has no year folder plans/2019.\n")


def test_invalid_plan_at_the_revision_is_located_by_revision(repo: Path):
    unit = repo / "plans" / "2020" / "houjin-unei.yaml"
    edit(unit, RIJIKAI_YAML, RIJIKAI_YAML.replace("target:", "targt:"))
    git(repo, "commit", "-q", "-am", "typo")
    result = diff(repo, "HEAD:2020", "HEAD~1:2020")
    assert result.exit_code == 2
    line = next(n for n, text in enumerate(unit.read_text(encoding="utf-8").splitlines(), 1)
                if "targt: 7回予定" in text)
    assert f"HEAD:plans/2020/houjin-unei.yaml:{line}:13: 「targt」というキーは使えません" \
        in result.output
