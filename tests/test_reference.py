"""Every output of a small fictitious two-year plan, compared with reviewed reference files.

tests/reference/ holds what jigyo makes from tests/fixtures/reference/: the site,
Markdown, JSON and CSV (`jigyo build`), the Typst source of the PDF, the four
text forms of `jigyo diff 2020 2021` and the Typst source of its PDF. After a deliberate change run
`pytest tests/test_reference.py --update-testdata` and review the diff of
tests/reference/ like code before committing it.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jigyo.cli import app
from jigyo.layout import year_view
from jigyo.loader import load_plans
from jigyo.renderers.templating import TEMPLATES

FIXTURE = Path(__file__).parent / "fixtures" / "reference"
REFERENCE = Path(__file__).parent / "reference"
BUILD_FOLDERS = {"html": "site", "md": "md", "json": "json", "csv": "csv"}
DIFF_FORMATS = {"text": "txt", "md": "md", "html": "html", "json": "json"}

Outputs = dict[str, bytes]


def _tree(folder: Path) -> Outputs:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _copied_asset(kind: str, rel: str, data: bytes) -> bool:
    """A file the site copies unchanged from the templates: reviewed there, not twice."""
    if not rel.startswith("assets/"):
        return False
    template = TEMPLATES / kind / rel.removeprefix("assets/")
    return template.is_file() and template.read_bytes() == data


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("reference-build")
    result = CliRunner().invoke(app, ["build", "--plans", str(FIXTURE), "--out", str(out),
                                      "--format", ",".join(BUILD_FOLDERS)])
    assert result.exit_code == 0, result.output
    return out


def build_outputs(fmt: str, out: Path) -> Outputs:
    files = _tree(out / BUILD_FOLDERS[fmt])
    return {rel: data for rel, data in files.items()
            if not (fmt == "html" and _copied_asset("html", rel, data))}


def typst_outputs() -> Outputs:
    from jigyo.renderers.pdf import typst_source

    views = [year_view(y) for y in load_plans(FIXTURE).years]
    return {f"{view.year}.typ": typst_source(view).encode() for view in views}


def diff_output(fmt: str) -> Outputs:
    result = CliRunner().invoke(app, ["diff", "2020", "2021", "--plans", str(FIXTURE),
                                      "--format", fmt, "--no-color"])
    assert result.exit_code == 1, result.output  # the years differ
    return {f"2020-2021.{DIFF_FORMATS[fmt]}": result.stdout_bytes}


def compare(name: str, actual: Outputs, update: bool) -> None:
    """Assert `actual` equals tests/reference/<name>/, or rewrite that folder with it."""
    folder = REFERENCE / name
    if update:
        for stale in set(_tree(folder) if folder.is_dir() else {}) - set(actual):
            (folder / stale).unlink()
        for rel, data in actual.items():
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            (folder / rel).write_bytes(data)
        return
    expected = _tree(folder) if folder.is_dir() else {}
    assert sorted(actual) == sorted(expected), (
        f"files differ from tests/reference/{name}/ (run pytest --update-testdata and review)")
    for rel, data in expected.items():
        if actual[rel] != data:
            shown = "".join(difflib.unified_diff(
                data.decode().splitlines(keepends=True),
                actual[rel].decode().splitlines(keepends=True),
                f"reference/{name}/{rel}", "actual", n=2))
            pytest.fail(f"tests/reference/{name}/{rel} differs:\n{shown[:4000]}")


@pytest.fixture
def update(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-testdata"))


@pytest.mark.parametrize("fmt", list(BUILD_FOLDERS))
def test_build_matches_reference(fmt: str, built: Path, update: bool):
    compare(BUILD_FOLDERS[fmt], build_outputs(fmt, built), update)


def test_typst_source_matches_reference(update: bool):
    compare("typst", typst_outputs(), update)


def test_diff_typst_source_matches_reference(update: bool):
    """The Typst source of `jigyo diff --format pdf` (the PDF itself is checked in test_diff_office)."""
    from jigyo.diff.compare import diff_years
    from jigyo.diff.formats.options import Options
    from jigyo.diff.formats.pdf import typst_source

    old, new = (year_view(y) for y in load_plans(FIXTURE).years)
    compare("diff-typst", {"2020-2021.typ": typst_source([diff_years(old, new)], Options())
                           .encode()}, update)


@pytest.mark.parametrize("fmt", list(DIFF_FORMATS))
def test_diff_matches_reference(fmt: str, update: bool):
    compare(f"diff-{fmt}", diff_output(fmt), update)


def test_reference_files_are_not_empty():
    """The references exist and hold the fixture's own words (a guard against an empty update)."""
    for name in [*BUILD_FOLDERS.values(), "typst", "diff-typst",
                 *(f"diff-{f}" for f in DIFF_FORMATS)]:
        files = _tree(REFERENCE / name)
        assert files, f"tests/reference/{name}/ is empty"
        assert any("法人運営係".encode() in data for data in files.values()), name
