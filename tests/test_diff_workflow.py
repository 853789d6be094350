"""The pull-request workflow: its diff step, run as GitHub would, in a cloned repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from jigyo.diff.formats.markdown import COMMENT_MARKER

from .conftest import ROOT
from .test_diff import RIJIKAI_YAML, edit, real_plans
from .test_diff_git import git

WORKFLOW = ROOT / ".github" / "workflows" / "plan-review.yml"


def steps() -> dict[str, dict[str, object]]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return {step["name"]: step for step in data["jobs"]["review"]["steps"]}


def test_workflow_checks_builds_comments_and_attaches():
    found = steps()
    runs = " ".join(str(s.get("run", "")) for s in found.values())
    assert "jigyo check" in runs and "jigyo build" in runs
    uploads = {s["with"]["name"]: s["with"]["path"] for s in found.values()  # type: ignore[index]
               if str(s.get("uses", "")).startswith("actions/upload-artifact")}
    assert uploads == {"site": "build/site",
                       "shinkyu-taishohyo": "build/diff/shinkyu-taishohyo.html"}
    script = next(str(s["with"]["script"]) for s in found.values()  # type: ignore[index]
                  if str(s.get("uses", "")).startswith("actions/github-script"))
    assert f'const marker = "{COMMENT_MARKER}";' in script
    assert "build/diff/comment.md" in script and "updateComment" in script


@pytest.mark.skipif((shutil.which("bash") is None or shutil.which("git") is None)
                    and os.environ.get("CI") != "true", reason="needs bash and git")
def test_diff_step_writes_the_comment_and_the_table(tmp_path: Path):
    upstream = tmp_path / "upstream"
    real_plans(upstream)
    git(upstream, "init", "-q", "-b", "main")
    git(upstream, "add", "plans")
    git(upstream, "commit", "-q", "-m", "FY2020")
    checkout = tmp_path / "checkout"
    git(tmp_path, "clone", "-q", str(upstream), str(checkout))
    edit(checkout / "plans" / "2020" / "houjin-unei.yaml", RIJIKAI_YAML,
         RIJIKAI_YAML.replace("7回予定", "6回"))
    script = str(steps()["差分（jigyo diff）"]["run"])
    env = dict(os.environ, BASE_REF="main", RUN_URL="https://github.com/o/r/actions/runs/1",
               PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    done = subprocess.run(["bash", "-e", "-c", script], cwd=checkout, env=env,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    comment = (checkout / "build" / "diff" / "comment.md").read_text(encoding="utf-8")
    assert comment.startswith(COMMENT_MARKER)
    assert "<del>7回予定</del> | <ins>6回</ins> | −1回" in comment
    table = (checkout / "build" / "diff" / "shinkyu-taishohyo.html").read_text(encoding="utf-8")
    assert "（傍線部分は改正部分）" in table and '<span class="chg">6回</span>' in table
