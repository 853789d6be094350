"""The GitHub workflows a clerk relies on: valid (actionlint), and doing what the guide says.

The steps are run here as GitHub would run them (bash or Python in a copy of the plans), so the
comment a clerk reads after a failing check is the one these tests look at.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from jigyo.diff.formats.markdown import COMMENT_MARKER

from .conftest import ROOT, SAMPLE, need

WORKFLOWS = ROOT / ".github" / "workflows"
REVIEW = WORKFLOWS / "plan-review.yml"
PUBLISH = WORKFLOWS / "publish.yml"
FONT_DIR = "~/.local/share/fonts/noto-cjk"


def load(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def steps(path: Path, job: str) -> list[dict[str, Any]]:
    found = load(path)["jobs"][job]["steps"]
    assert isinstance(found, list)
    return found


def step(path: Path, job: str, *, uses: str = "", name: str = "", run: str = "") -> dict[str, Any]:
    """The one step that uses an action, has a name, or runs a command."""
    matching = [s for s in steps(path, job)
                if (uses and str(s.get("uses", "")).startswith(uses + "@"))
                or (name and s.get("name") == name)
                or (run and run in str(s.get("run", "")))]
    assert len(matching) == 1, (uses, name, run, matching)
    return matching[0]


def actionlint() -> str | None:
    beside = Path(sys.executable).parent / "actionlint"
    return str(beside) if beside.exists() else shutil.which("actionlint")


def bin_path() -> dict[str, str]:
    """The environment with this interpreter's scripts (jigyo) first on PATH."""
    return dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")


# --- validity ----------------------------------------------------------------------------------

def test_actionlint_finds_no_problem_in_the_workflows():
    tool = actionlint()
    need("actionlint (pip install -e '.[dev]')", tool is not None)
    assert tool is not None
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert {f.name for f in files} >= {"plan-review.yml", "publish.yml"}
    done = subprocess.run([tool, "-color=false", *map(str, files)], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_would_catch_a_broken_workflow(tmp_path: Path):
    tool = actionlint()
    need("actionlint (pip install -e '.[dev]')", tool is not None)
    assert tool is not None
    broken = tmp_path / "broken.yml"
    broken.write_text(REVIEW.read_text(encoding="utf-8").replace(
        "steps.check.outcome", "steps.chek.outcome"), encoding="utf-8")
    done = subprocess.run([tool, "-color=false", str(broken)], capture_output=True, text=True,
                          check=False)
    assert done.returncode != 0 and "chek" in done.stdout


# --- speed: caches -----------------------------------------------------------------------------

@pytest.mark.parametrize(("path", "job"), [(REVIEW, "review"), (PUBLISH, "build")])
def test_pip_and_the_font_are_cached(path: Path, job: str):
    python = step(path, job, uses="actions/setup-python")
    assert python["with"]["cache"] == "pip"
    assert python["with"]["cache-dependency-path"] == "pyproject.toml"
    cache = step(path, job, uses="actions/cache/restore")
    assert cache["with"]["path"] == FONT_DIR
    install = step(path, job, run="apt-get download fonts-noto-cjk")
    save = step(path, job, uses="actions/cache/save")
    missed = f"steps.{cache['id']}.outputs.cache-hit != 'true'"
    # apt only runs when the cache missed, fills exactly the cached folder, which is saved at once
    # (before the check, so a failing check does not lose it) under the key that was looked for
    assert install["if"] == missed and save["if"] == missed
    assert f"cp \"${{work}}\"/root/usr/share/fonts/opentype/noto/*.ttc {FONT_DIR}/" in install["run"]
    assert save["with"] == {"path": FONT_DIR,
                            "key": f"${{{{ steps.{cache['id']}.outputs.cache-primary-key }}}}"}
    order = [s.get("name") for s in steps(path, job)]
    assert order.index(cache["name"]) < order.index(install["name"]) < order.index(save["name"])
    assert order.index(save["name"]) < order.index(step(path, job, run="pip install")["name"])


def test_both_workflows_install_the_font_the_same_way():
    def font_steps(path: Path, job: str) -> list[dict[str, Any]]:
        return [s for s in steps(path, job) if "フォント" in str(s.get("name", ""))]
    assert font_steps(REVIEW, "review") == font_steps(PUBLISH, "build")


def test_the_pdf_engine_finds_fonts_in_the_cached_folder(tmp_path: Path):
    """The cache holds ~/.local/share/fonts/noto-cjk: Typst must look there without any setting."""
    import typst

    source = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
    need("fonts-noto-cjk", source.exists())
    folder = tmp_path / ".local" / "share" / "fonts" / "noto-cjk"
    folder.mkdir(parents=True)
    shutil.copy(source, folder)
    script = ("import typst, json; print(json.dumps(sorted({f.path for f in typst.Fonts("
              "include_system_fonts=True, include_embedded_fonts=False).fonts() if f.path})))")
    done = subprocess.run([sys.executable, "-c", script], env=dict(os.environ, HOME=str(tmp_path)),
                          capture_output=True, text=True, check=True)
    assert str(folder / source.name) in json.loads(done.stdout)
    assert typst  # imported in this process too: the package the workflow installs


# --- the pull request: a failing check still comments ------------------------------------------

def run_check_and_compose(tmp_path: Path, unit_text: str | None) -> tuple[int, str]:
    """Run the check step and (if it failed) the compose step, as GitHub would."""
    folder = tmp_path / "plans" / "2020"
    shutil.copytree(SAMPLE / "2020", folder)
    if unit_text is not None:
        (folder / "soumu.yaml").write_text(unit_text, encoding="utf-8")
    check = step(REVIEW, "review", name="検査（jigyo check）")
    done = subprocess.run(["bash", "-e", "-c", check["run"]], cwd=tmp_path, env=bin_path(),
                          capture_output=True, text=True, check=False)
    compose = step(REVIEW, "review", name="検査の誤りをコメントにまとめる")
    assert compose["shell"] == "python"
    env = dict(bin_path(), RUN_URL="https://github.com/o/r/actions/runs/1",
               HEAD_URL="https://github.com/o/r", HEAD_REF="patch-1")
    env.pop("GITHUB_STEP_SUMMARY", None)
    if done.returncode != 0:
        subprocess.run([sys.executable, "-c", compose["run"]], cwd=tmp_path, env=env, check=True)
    comment = tmp_path / "build" / "diff" / "comment.md"
    return done.returncode, comment.read_text(encoding="utf-8") if comment.exists() else ""


def test_a_failing_check_fails_the_job_and_puts_its_errors_in_the_comment(tmp_path: Path):
    broken = (SAMPLE / "2020" / "soumu.yaml").read_text(encoding="utf-8").replace("target:", "targt:", 1)
    status, comment = run_check_and_compose(tmp_path, broken)
    assert status == 1  # the step fails, so the job shows the red ✗
    assert comment.startswith(COMMENT_MARKER + "\n")  # the same one comment is updated
    assert "## 事業計画の確認：検査で誤りが見つかりました" in comment
    line = next(n for n, text in enumerate(broken.splitlines(), 1) if "targt:" in text)
    column = broken.splitlines()[line - 1].index("targt") + 1
    where = f"plans/2020/soumu.yaml:{line}:{column}: "
    assert f"<pre>\n{where}「targt」というキーは使えません。もしかして「target」ですか？\n" in comment
    assert "問題が 1 件あります。" in comment
    assert f"ファイル soumu.yaml の {line} 行目、左から {column} 文字目という意味です" in comment
    assert (f'<a href="https://github.com/o/r/blob/patch-1/plans/2020/soumu.yaml#L{line}">'
            f"plans/2020/soumu.yaml の {line} 行目</a>") in comment


def test_what_the_plan_says_cannot_break_out_of_the_error_block(tmp_path: Path):
    broken = (SAMPLE / "2020" / "soumu.yaml").read_text(encoding="utf-8").replace(
        "target:", '"</pre><script>x</script>":', 1)
    status, comment = run_check_and_compose(tmp_path, broken)
    assert status == 1
    assert "<script>" not in comment and comment.count("</pre>") == 1
    assert "&lt;/pre&gt;&lt;script&gt;x&lt;/script&gt;" in comment


def test_a_very_long_error_list_still_fits_in_a_comment(tmp_path: Path):
    """GitHub refuses comments over 65,536 characters: the list is cut, and says where the rest is."""
    (tmp_path / "build" / "diff").mkdir(parents=True)
    error = "plans/2020/soumu.yaml:{:04}:3: 「x」というキーは使えません。" + "長い説明" * 100
    lines = [error.format(n) for n in range(1, 1001)] + ["問題が 1000 件あります。"]
    (tmp_path / "build" / "diff" / "check.txt").write_text("\n".join(lines) + "\n",
                                                           encoding="utf-8")
    compose = step(REVIEW, "review", name="検査の誤りをコメントにまとめる")
    env = dict(os.environ, RUN_URL="https://run", HEAD_URL="https://github.com/o/r", HEAD_REF="b")
    env.pop("GITHUB_STEP_SUMMARY", None)
    subprocess.run([sys.executable, "-c", compose["run"]], cwd=tmp_path, env=env, check=True)
    comment = (tmp_path / "build" / "diff" / "comment.md").read_text(encoding="utf-8")
    assert len(comment) < 65_536
    shown = [line for line in lines if line in comment.splitlines()]
    assert 50 <= len(shown) <= 100 and shown == lines[:len(shown)]
    assert f"ほかに {len(lines) - len(shown)} 行あります。すべては下の「検査のログ」で見られます。" in comment


def test_a_valid_plan_passes_the_check_step(tmp_path: Path):
    status, comment = run_check_and_compose(tmp_path, None)
    assert status == 0 and comment == ""  # the diff step writes the comment then
    assert (tmp_path / "build" / "diff" / "check.txt").read_text(encoding="utf-8").strip()


def test_the_comment_step_runs_after_a_failure_but_not_for_forks_or_cancelled_runs():
    found = steps(REVIEW, "review")
    names = [s["name"] for s in found]
    check = step(REVIEW, "review", name="検査（jigyo check）")
    compose = step(REVIEW, "review", name="検査の誤りをコメントにまとめる")
    comment = step(REVIEW, "review", uses="actions/github-script")
    assert check["id"] == "check" and "continue-on-error" not in check
    assert compose["if"] == "failure() && steps.check.outcome == 'failure'"
    assert comment["if"] == ("!cancelled() && "
                             "github.event.pull_request.head.repo.full_name == github.repository")
    assert names.index(check["name"]) < names.index(compose["name"]) < names.index(comment["name"])
    assert "set -o pipefail" in check["run"] and "| tee build/diff/check.txt" in check["run"]


def run_comment_script(tmp_path: Path, existing: list[dict[str, object]]) -> list[Any]:
    """Run the github-script step under Node with a recording stand-in for the GitHub API."""
    node = shutil.which("node")
    need("node", node is not None)
    assert node is not None
    harness = """
    const calls = [];
    const list = () => {};
    const github = {
      paginate: async (fn, args) => { calls.push(["list", fn === list, args]); return EXISTING; },
      rest: { issues: { listComments: list,
        updateComment: async (a) => { calls.push(["update", a]); },
        createComment: async (a) => { calls.push(["create", a]); } } } };
    const context = { repo: { owner: "o", repo: "r" }, payload: { pull_request: { number: 7 } } };
    const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
    new AsyncFunction("require", "github", "context", process.env.SCRIPT)(require, github, context)
      .then(() => console.log(JSON.stringify(calls)));
    """.replace("EXISTING", json.dumps(existing))
    script = step(REVIEW, "review", uses="actions/github-script")["with"]["script"]
    done = subprocess.run([node, "-e", harness], cwd=tmp_path, capture_output=True, text=True,
                          env=dict(os.environ, SCRIPT=script, RUN_URL="https://run"), check=True)
    calls = json.loads(done.stdout)
    assert isinstance(calls, list)
    return calls


def test_the_comment_is_created_once_then_updated(tmp_path: Path):
    (tmp_path / "build" / "diff").mkdir(parents=True)
    body = f"{COMMENT_MARKER}\n## 事業計画の変更\n"
    (tmp_path / "build" / "diff" / "comment.md").write_text(body, encoding="utf-8")
    calls = run_comment_script(tmp_path, [])
    assert calls[-1] == ["create", {"owner": "o", "repo": "r", "issue_number": 7, "body": body}]
    ours = {"id": 42, "user": {"type": "Bot"}, "body": f"{COMMENT_MARKER}\nold"}
    someone = {"id": 41, "user": {"type": "User"}, "body": f"{COMMENT_MARKER}\nquoted"}
    calls = run_comment_script(tmp_path, [someone, ours])
    assert calls[-1] == ["update", {"owner": "o", "repo": "r", "comment_id": 42, "body": body}]
    assert [c[0] for c in calls].count("update") == 1 and "create" not in [c[0] for c in calls]


def test_a_run_that_failed_elsewhere_still_says_so_in_the_comment(tmp_path: Path):
    calls = run_comment_script(tmp_path, [])
    kind, args = calls[-1]
    assert kind == "create" and args["body"].startswith(COMMENT_MARKER + "\n")
    assert "途中で失敗しました" in args["body"] and "(https://run)" in args["body"]


# --- publishing --------------------------------------------------------------------------------

def test_the_publish_workflow_deploys_to_pages_after_a_merge():
    data = load(PUBLISH)
    on = data.get("on", data.get(True))  # YAML 1.1 reads the key `on` as true
    assert on["push"]["branches"] == ["main"]
    assert data["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert data["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    upload = step(PUBLISH, "build", uses="actions/upload-pages-artifact")
    assert upload["with"]["path"] == "build/site"
    deploy = data["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]


def test_the_site_is_built_with_the_pages_address_as_base_url(tmp_path: Path):
    pages = step(PUBLISH, "build", uses="actions/configure-pages")
    build = step(PUBLISH, "build", run="jigyo build")
    assert build["env"]["BASE_URL"] == f"${{{{ steps.{pages['id']}.outputs.base_url }}}}"
    assert '--base-url "${BASE_URL}/"' in build["run"]
    names = [s.get("name") for s in steps(PUBLISH, "build")]
    assert names.index(pages["name"]) < names.index(build["name"])
    # run the step as GitHub would: configure-pages gives the address without a final slash
    shutil.copytree(SAMPLE / "2020", tmp_path / "plans" / "2020")
    env = dict(bin_path(), BASE_URL="https://example.github.io/jigyo")
    script = build["run"].replace("jigyo build --out build", "jigyo build --out build --format html")
    subprocess.run(["bash", "-e", "-c", script], cwd=tmp_path, env=env, check=True,
                   capture_output=True)
    sitemap = (tmp_path / "build" / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.github.io/jigyo/2020/index.html</loc>" in sitemap
    assert "jigyo//" not in sitemap


# --- annotations and the summary line (jigyo lint) --------------------------------------------

def test_errors_and_lint_findings_are_annotated_before_the_check_decides():
    names = [s["name"] for s in steps(REVIEW, "review")]
    annotate = step(REVIEW, "review", run="jigyo check --format github")
    check = step(REVIEW, "review", name="検査（jigyo check）")
    assert names.index(annotate["name"]) < names.index(check["name"])
    assert annotate["run"].strip().endswith("|| true")  # the check step alone fails the job


def test_the_annotation_step_prints_workflow_commands(tmp_path: Path):
    folder = tmp_path / "plans" / "2020"
    shutil.copytree(SAMPLE / "2020", folder)
    unit = folder / "soumu.yaml"
    unit.write_text(unit.read_text(encoding="utf-8").replace("name: ", "name: ①", 1),
                    encoding="utf-8")
    annotate = step(REVIEW, "review", run="jigyo check --format github")
    done = subprocess.run(["bash", "-e", "-c", annotate["run"]], cwd=tmp_path, env=bin_path(),
                          capture_output=True, text=True, check=True)
    assert done.stdout.startswith("::warning file=plans/2020/soumu.yaml,line=")
    assert ",title=hand-numbering::" in done.stdout


def run_summary(tmp_path: Path, check_text: str, comment: str) -> str:
    (tmp_path / "build" / "diff").mkdir(parents=True, exist_ok=True)
    (tmp_path / "build" / "diff" / "check.txt").write_text(check_text, encoding="utf-8")
    (tmp_path / "build" / "diff" / "comment.md").write_text(comment, encoding="utf-8")
    summary = step(REVIEW, "review", name="コメントの最初に結果の要約を付ける")
    assert summary["shell"] == "python" and "if" not in summary  # only after a passing diff
    subprocess.run([sys.executable, "-c", summary["run"]], cwd=tmp_path, check=True)
    return (tmp_path / "build" / "diff" / "comment.md").read_text(encoding="utf-8")


def test_the_comment_says_in_its_first_line_validity_findings_and_changes(tmp_path: Path):
    status, _ = run_check_and_compose(tmp_path, (SAMPLE / "2020" / "soumu.yaml").read_text(
        encoding="utf-8").replace("name: ", "name: ①", 1))
    assert status == 0
    check_text = (tmp_path / "build" / "diff" / "check.txt").read_text(encoding="utf-8")
    diff = (f"{COMMENT_MARKER}\n## 事業計画の変更\n\n### 令和２年度（2020） → 令和３年度（2021）\n\n"
            "変更は 3 件です（計画単位 2）。\n\n| 計画単位 | 追加 |\n")
    comment = run_summary(tmp_path, check_text, diff)
    lines = comment.splitlines()
    assert lines[0] == COMMENT_MARKER  # still the one comment the script updates
    assert lines[1] == "**✅ 検査: 誤りなし ・ 表記の指摘: 1 件 ・ 変更: 変更は 3 件です（計画単位 2）。**"
    assert comment.endswith(diff.split("\n", 1)[1])  # the diff itself is kept whole


def test_the_summary_of_an_unchanged_plan(tmp_path: Path):
    comment = run_summary(tmp_path, "plans/2020: 2 件の計画単位に問題はありません。\n",
                          f"{COMMENT_MARKER}\n## 事業計画の変更\n\n変更はありません。\n")
    assert comment.splitlines()[1] == "**✅ 検査: 誤りなし ・ 表記の指摘: 0 件 ・ 変更: 変更はありません。**"


def test_a_failing_check_says_so_in_the_first_line(tmp_path: Path):
    broken = (SAMPLE / "2020" / "soumu.yaml").read_text(encoding="utf-8").replace("target:", "targt:", 1)
    status, comment = run_check_and_compose(tmp_path, broken)
    assert status == 1
    assert comment.splitlines()[1].startswith("**❌ 検査: 誤り 1 件 ・ 表記の指摘: ")


def test_the_summary_line_never_pushes_a_full_comment_over_the_limit(tmp_path: Path):
    block = "<details>\n<summary><b>係</b></summary>\n\n" + "変更の説明\n" * 200 + "</details>\n"
    diff = f"{COMMENT_MARKER}\n## 事業計画の変更\n\n変更は 99 件です（計画単位 40）。\n\n" + block * 60
    diff = diff[:65_500]
    assert len(diff) == 65_500
    comment = run_summary(tmp_path, "", diff)
    assert len(comment) <= 65_536
    lines = comment.splitlines()
    assert lines[0] == COMMENT_MARKER and lines[1].startswith("**✅ 検査: 誤りなし")
    assert comment.rstrip().endswith("すべての変更は添付の新旧対照表で確認できます。）")
    assert comment.count("<details>") == comment.count("</details>")  # cut between two blocks
