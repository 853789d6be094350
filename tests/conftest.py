from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import textwrap
from pathlib import Path

import pytest

from jigyo.cachedir import CACHE_SETTING

# Tests keep jigyo's cache (font coverage, measured PDF pages, compiled templates) in a
# folder of their own, never in the user's; commands the tests start inherit it.
if CACHE_SETTING not in os.environ:
    os.environ[CACHE_SETTING] = tempfile.mkdtemp(prefix="jigyo-test-cache-")
    atexit.register(shutil.rmtree, os.environ[CACHE_SETTING], True)

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "fixtures" / "sample"
REAL = ROOT / "plans"

YEAR = """\
fiscal_year: 2020
organization: テスト市社会福祉協議会
departments:
  - name: 総務課
  - name: 福祉支援課
"""

UNIT = """\
department: 総務課
section: 法人運営係
initiatives:
  - title: 組織運営の取り組み
    table:
      - item: 理事会の開催
        entries:
          - name: 理事会
            target: 7回予定
"""


def need(component: str, available: bool) -> None:
    """Skip when a system component is missing, except in CI where it must be there."""
    if available:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{component} is required in CI but is not installed")
    pytest.skip(f"{component} is not installed")


@pytest.fixture
def plans(tmp_path: Path):
    """A writer of small plan folders: plans(files) → the plans directory."""

    def write(files: dict[str, str | bytes], year: str = YEAR) -> Path:
        folder = tmp_path / "plans" / "2020"
        folder.mkdir(parents=True, exist_ok=True)
        all_files: dict[str, str | bytes] = {"year.yaml": year, **files}
        for name, body in all_files.items():
            path = folder / name
            if isinstance(body, bytes):
                path.write_bytes(body)
            else:
                path.write_text(textwrap.dedent(body), encoding="utf-8")
        return tmp_path / "plans"

    return write


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    target = tmp_path / "sample"
    shutil.copytree(SAMPLE, target)
    return target


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-testdata", action="store_true", default=False,
        help="rewrite the reference outputs under tests/reference/ instead of comparing",
    )
