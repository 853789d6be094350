"""jigyo installed from its wheel, outside the checkout, builds what the checkout builds.

The wheel is built from a copy of the sources (so nothing is written into the
checkout), installed into a fresh virtual environment in a temporary folder,
and run from that environment's PATH on a copy of plans/. Its dependencies are
the ones already installed for the tests (made visible to the fresh
environment through a .pth file), so the test needs no network; what it checks
is the wheel itself: that it carries the templates and finds them without the
checkout.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from jigyo.build import build

from .conftest import REAL, ROOT, SAMPLE, need

FIXTURE = ROOT / "tests" / "fixtures" / "reference"
SOURCES = ("src", "templates", "setup.py", "pyproject.toml", "README.md")


def has_font() -> bool:
    from jigyo.fonts import FontUnavailable, find_fonts

    try:
        find_fonts()
    except FontUnavailable:
        return False
    return True


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def run(args: list[str | Path], cwd: Path, env: dict[str, str] | None = None,
        ok: tuple[int, ...] = (0,)) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode in ok, f"{' '.join(map(str, args))}\n{done.stdout}\n{done.stderr}"
    return done


def make_wheel(tmp: Path) -> Path:
    source = tmp / "source"
    source.mkdir()
    skip = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc")
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=skip)
        else:
            shutil.copy2(path, source / name)
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
         "--disable-pip-version-check", "--quiet", "--wheel-dir", tmp / "dist", source], cwd=tmp)
    (wheel,) = (tmp / "dist").glob("jigyo-*.whl")
    return wheel


def make_venv(tmp: Path, wheel: Path) -> Path:
    venv = tmp / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=tmp)
    python = venv / "bin" / "python"
    run([sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index",
         "--disable-pip-version-check", "--quiet", wheel], cwd=tmp)
    site = run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
               cwd=tmp).stdout.strip()
    paths = dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
    (Path(site) / "jigyo-test-dependencies.pth").write_text("\n".join(paths) + "\n",
                                                            encoding="utf-8")
    return venv


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin/ folder of a fresh environment holding jigyo installed from its wheel."""
    need("setuptools and wheel (pip install -e '.[dev]')",
         all(importlib.util.find_spec(m) is not None for m in ("setuptools", "wheel")))
    tmp = tmp_path_factory.mktemp("wheel")
    return make_venv(tmp, make_wheel(tmp)) / "bin"


def installed_env(bin_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    return env


def test_the_installed_package_is_the_wheel_with_its_templates(installed: Path, tmp_path: Path):
    code = ("import jigyo, jigyo.renderers.templating as t; "
            "print(jigyo.__file__); print(t.TEMPLATES); print(sorted(p.name for p in "
            "t.TEMPLATES.iterdir() if p.is_dir() and p.name != '__pycache__'))")
    lines = run([installed / "python", "-c", code], cwd=tmp_path).stdout.splitlines()
    venv = installed.parent.resolve().as_posix()
    assert lines[0].startswith(venv) and lines[1].startswith(venv)
    assert lines[2] == "['diff', 'html', 'init', 'md', 'typst', 'typst_diff']"


def test_jigyo_runs_from_the_path_of_the_installed_environment(installed: Path, tmp_path: Path):
    env = installed_env(installed)
    assert shutil.which("jigyo", path=env["PATH"]) == str(installed / "jigyo")
    shown = run(["jigyo", "--help"], cwd=tmp_path, env=env).stdout
    assert "build" in shown and "diff" in shown
    if "--version" in shown:
        from importlib.metadata import version

        assert version("jigyo") in run(["jigyo", "--version"], cwd=tmp_path, env=env).stdout


def test_the_wheel_builds_the_same_outputs_as_the_checkout(installed: Path, tmp_path: Path):
    project = tmp_path / "council"
    shutil.copytree(REAL, project / "plans")
    run(["jigyo", "build"], cwd=project, env=installed_env(installed))
    run([sys.executable, "-m", "jigyo", "build", "--out", "editable"], cwd=project)
    from_wheel, from_checkout = tree(project / "build"), tree(project / "editable")
    formats = {name.split("/")[0] for name in from_wheel}
    assert formats >= {"site", "md", "json"} | ({"pdf"} if has_font() else set())
    assert sorted(from_wheel) == sorted(from_checkout)
    differing = [name for name in from_wheel if from_wheel[name] != from_checkout[name]]
    assert differing == []


def test_the_wheel_writes_the_same_comparison_as_the_checkout(installed: Path, tmp_path: Path):
    plans = tmp_path / "plans"
    shutil.copytree(FIXTURE, plans)
    for fmt in ("text", "html"):
        args = ["diff", "2020", "2021", "--plans", plans, "--format", fmt, "--no-color"]
        wheel = run(["jigyo", *args], cwd=tmp_path, env=installed_env(installed), ok=(1,))
        checkout = run([sys.executable, "-m", "jigyo", *args], cwd=tmp_path, ok=(1,))
        assert wheel.stdout == checkout.stdout and "法人運営係" in wheel.stdout


def test_a_council_template_overrides_one_file_and_keeps_the_others(tmp_path: Path):
    project = tmp_path / "council"
    shutil.copytree(SAMPLE, project / "plans")
    build(project / "plans", tmp_path / "plain", ["md"])
    unit = (ROOT / "templates" / "md" / "unit.md").read_text(encoding="utf-8")
    (project / "templates" / "md").mkdir(parents=True)
    (project / "templates" / "md" / "unit.md").write_text(
        unit + "\n（テスト市社会福祉協議会の独自テンプレート）\n", encoding="utf-8")
    build(project / "plans", tmp_path / "custom", ["md"])
    plain, custom = tree(tmp_path / "plain" / "md"), tree(tmp_path / "custom" / "md")
    assert "独自テンプレート" in custom["2020/soumu.md"].decode()
    assert "独自テンプレート" not in plain["2020/soumu.md"].decode()
    assert custom["2020/index.md"] == plain["2020/index.md"]  # year.md still from the package
