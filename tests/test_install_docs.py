"""What the clerk's guides promise: jigyo installed from the repository is a `jigyo` command on
the PATH, and every command the guides show exists with the options they use."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import sysconfig
import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jigyo.cli import app

from .conftest import REAL, ROOT

GUIDES = sorted((ROOT / "docs").glob("*.md"))
CLERK_GUIDES = [ROOT / "docs" / "windows.md", ROOT / "docs" / "github-henshu.md"]
COMMAND_DOCS = [ROOT / "docs" / "windows.md", ROOT / "README.md"]
PACKAGE_FILES = ("pyproject.toml", "README.md", "MANIFEST.in", "setup.py", "setup.cfg")
PACKAGE_DIRS = ("src", "templates", "schema")


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment outside the checkout with jigyo installed from a built wheel.

    Its dependencies come from this test run's environment (a .pth line), so the test needs no
    network; jigyo itself and the `jigyo` command come only from the wheel.
    """
    base = tmp_path_factory.mktemp("install")
    source = base / "source"
    source.mkdir()
    for name in PACKAGE_FILES:
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, source / name)
    for name in PACKAGE_DIRS:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns(
                "__pycache__", "*.egg-info", "*.pyc"))
    wheels = base / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--disable-pip-version-check", "-w", str(wheels),
                    str(source)], check=True, capture_output=True, cwd=base)
    (wheel,) = wheels.glob("jigyo-*.whl")
    env = base / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env)], check=True)
    python = env / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
                    "--no-deps", "--no-index", "--disable-pip-version-check", str(wheel)],
                   check=True, capture_output=True, cwd=base)
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    # dependencies only: the paths of this environment, after the fresh environment's own
    outer = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(purelib) / "zz-test-dependencies.pth").write_text(
        "".join(f"{p}\n" for p in sorted(outer)), encoding="utf-8")
    return env


def run_jigyo(env: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `jigyo` as a clerk would: by name, found on the PATH, from a folder of her choice."""
    scripts = env / ("Scripts" if os.name == "nt" else "bin")
    path = f"{scripts}{os.pathsep}/usr/bin{os.pathsep}/bin"
    found = shutil.which("jigyo", path=path)
    assert found is not None and Path(found).parent == scripts
    clean = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    return subprocess.run(["jigyo", *args], cwd=cwd, env=dict(clean, PATH=path),
                          capture_output=True, text=True, check=False)


def test_the_installed_jigyo_runs_from_the_path(installed: Path, tmp_path: Path):
    done = run_jigyo(installed, tmp_path, "--help")
    assert done.returncode == 0, done.stderr
    for command in ("check", "build", "serve", "diff"):
        assert command in done.stdout
    where = subprocess.run([str(installed / "bin" / "python"), "-c",
                            "import jigyo; print(jigyo.__file__)"],
                           cwd=tmp_path, capture_output=True, text=True, check=True).stdout
    assert Path(where.strip()).is_relative_to(installed)  # the wheel, not the checkout


def test_the_installed_jigyo_checks_a_copy_of_the_plans(installed: Path, tmp_path: Path):
    shutil.copytree(REAL, tmp_path / "plans")
    done = run_jigyo(installed, tmp_path, "check")
    assert done.returncode == 0, done.stderr
    assert "2020" in done.stdout + done.stderr
    broken = tmp_path / "plans" / "2020" / "houjin-unei.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("target:", "targt:", 1),
                      encoding="utf-8")
    done = run_jigyo(installed, tmp_path, "check")
    assert done.returncode == 1
    assert re.search(r"plans/2020/houjin-unei\.yaml:\d+:\d+: 「targt」というキーは使えません", done.stderr)


# --- the guides' commands ----------------------------------------------------------------------

def shown_commands(path: Path) -> list[tuple[int, list[str]]]:
    """The jigyo command lines in a guide's ```powershell and ```sh blocks (line number, words)."""
    found: list[tuple[int, list[str]]] = []
    fence = ""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("```"):
            fence = "" if fence else stripped[3:].strip()
            continue
        if fence not in ("powershell", "sh", "console"):
            continue
        text = re.sub(r"^(PS [^>]*>|PS>|\$|%)\s*", "", stripped)
        words = shlex.split(text.split(" #", 1)[0], posix=True)
        while words and re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", words[0]):
            words.pop(0)  # an environment setting before the command (sh)
        if words and words[0] == "jigyo":
            found.append((number, words))
    return found


def options_of(command: list[str]) -> str:
    result = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, (command, result.output)
    return result.output


@pytest.mark.parametrize("guide", COMMAND_DOCS, ids=lambda p: p.name)
def test_every_command_in_the_guide_exists_with_its_options(guide: Path):
    commands = shown_commands(guide)
    assert len(commands) >= 3
    helps: dict[str, str] = {}
    for number, words in commands:
        command = words[1:2] if len(words) > 1 and not words[1].startswith("-") else []
        key = " ".join(command)
        helps.setdefault(key, options_of(command))
        for word in words[2 if command else 1:]:
            option = word.split("=", 1)[0]
            if option.startswith("-"):
                assert re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", helps[key]), (
                    f"{guide.name}:{number}: jigyo {key} has no option {option}")


def test_the_guides_cover_check_build_and_serve():
    shown = {words[1] for guide in CLERK_GUIDES for _, words in shown_commands(guide)
             if len(words) > 1}
    assert {"check", "build", "serve"} <= shown


@pytest.mark.parametrize("guide", CLERK_GUIDES, ids=lambda p: p.name)
def test_the_clerks_guides_need_no_unix_paths_and_no_make(guide: Path):
    text = guide.read_text(encoding="utf-8")
    assert ".venv/bin/" not in text
    assert not re.search(r"^\s*make\b", text, re.MULTILINE)


def test_the_readme_links_the_clerks_guides_on_its_first_screen():
    first_screen = "\n".join((ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:25])
    assert "docs/windows.md" in first_screen and "docs/github-henshu.md" in first_screen


def test_no_guide_links_to_a_missing_file():
    for guide in [*GUIDES, ROOT / "README.md"]:
        text = guide.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)#:\s]+)(?:#[^)]*)?\)", text):
            assert (guide.parent / target).exists(), f"{guide.name}: {target}"


def github_anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation and symbols dropped, spaces → -."""
    text = heading.strip().lower()
    kept = "".join(c for c in text
                   if c in "-_ " or not unicodedata.category(c).startswith(("P", "S")))
    return kept.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    text = re.sub(r"^(`{3,}|~{3,}).*?^\1", "", path.read_text(encoding="utf-8"),
                  flags=re.MULTILINE | re.DOTALL)  # no headings inside code blocks
    return {github_anchor(m) for m in re.findall(r"^#{1,6} (.+)$", text, re.MULTILINE)}


@pytest.mark.parametrize("guide", [*CLERK_GUIDES, ROOT / "README.md"], ids=lambda p: p.name)
def test_the_guides_links_to_sections_land_on_a_heading(guide: Path):
    links = re.findall(r"\]\(([^)#\s:]*)#([^)\s]+)\)", guide.read_text(encoding="utf-8"))
    if guide in CLERK_GUIDES:
        assert len(links) >= 5  # the tables of contents
    for target, anchor in links:
        page = guide.parent / target if target else guide
        assert anchor in anchors(page), f"{guide.name}: {target}#{anchor}"
