"""A plan with its own words: nothing of the council's vocabulary is left in any output.

The 日田市 example renames every level and is a 事業報告; built and compared
through the command line, none of 事業計画, 係, 方針, 目標値 may appear in any
file or file name, while the FY2020 plan (no settings file) still has them.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jigyo.cli import app

from .conftest import REAL, ROOT, need

EXAMPLE = ROOT / "examples" / "hita-houkoku" / "plans"
COUNCIL_WORDS = ("事業計画", "係", "方針", "目標値")
runner = CliRunner()


def jigyo(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args), prog_name="jigyo")
    return result.exit_code, result.output


def _texts(out: Path) -> dict[str, str]:
    """Every output file as text (PDF through pdftotext), keyed by its path."""
    texts: dict[str, str] = {}
    for path in sorted(out.rglob("*")):
        if not path.is_file():
            continue
        name = path.relative_to(out).as_posix()
        if path.suffix in (".xlsx", ".docx"):  # ZIP packages: read back in their own tests
            continue
        if path.suffix == ".pdf":
            need("pdftotext", shutil.which("pdftotext") is not None)
            texts[name] = subprocess.run(["pdftotext", str(path), "-"], check=True,
                                         capture_output=True, text=True).stdout
        else:
            texts[name] = path.read_text(encoding="utf-8")
    return texts


def _found(texts: dict[str, str]) -> list[tuple[str, str]]:
    return [(name, word) for name, text in texts.items() for word in COUNCIL_WORDS
            if word in text or word in name]


@pytest.fixture
def renamed(tmp_path: Path) -> Path:
    plans = tmp_path / "plans"
    shutil.copytree(EXAMPLE, plans)
    return plans


def test_renamed_plan_speaks_its_own_words_everywhere(renamed: Path, tmp_path: Path):
    code, output = jigyo("new-year", "2016", "--plans", str(renamed))
    assert code == 0, output
    unit = renamed / "2016" / "chiiki.yaml"
    unit.write_text(unit.read_text(encoding="utf-8").replace("4月設置", "通年で相談対応"),
                    encoding="utf-8")
    unit = renamed / "2016" / "houjin.yaml"
    unit.write_text(unit.read_text(encoding="utf-8").replace(
        "      - item: 職員の採用", "      - item: 職員研修\n        entries:\n"
        "          - name: 新任研修\n            content: 新任職員の研修\n"
        "            target: 4月\n      - item: 職員の採用"), encoding="utf-8")
    out = tmp_path / "build"
    code, output = jigyo("build", "--plans", str(renamed), "--out", str(out),
                         "-f", "html,md,json,pdf")
    assert code == 0, output
    texts = _texts(out)
    for fmt in ("site/2016/index.html", "md/2016/index.md", "json/2016.json", "pdf/2016.pdf",
                "site/2016/shinkyu-2015.html"):
        assert fmt in texts, sorted(texts)
    assert "事業報告" in texts["site/2016/index.html"]
    assert "実績" in texts["md/2016/chiiki.md"] and "Ⅰ．" in texts["pdf/2016.pdf"]
    assert "①" in texts["site/2016/houjin.html"]
    diffs = tmp_path / "diffs"
    diffs.mkdir()
    for fmt in ("text", "md", "html", "json"):
        target = diffs / f"diff.{fmt}"
        code, output = jigyo("diff", "2015", "2016", "--plans", str(renamed), "-f", fmt,
                             "-o", str(target))
        assert code == 1, output
    diff_texts = _texts(diffs)
    assert "実績の変更" in diff_texts["diff.text"]
    assert "事業報告の差分" in diff_texts["diff.text"]
    assert "区分の追加" in diff_texts["diff.text"] and "事業報告の変更" in diff_texts["diff.md"]
    assert _found(texts) == []
    assert _found(diff_texts) == []


def test_council_plan_keeps_its_words(tmp_path: Path):
    out = tmp_path / "build"
    code, output = jigyo("build", "--plans", str(REAL), "--out", str(out),
                         "-f", "html,md,json,pdf")
    assert code == 0, output
    texts = _texts(out)
    every = "\n".join(texts.values())
    for word in COUNCIL_WORDS:
        assert word in every, word
    assert "site/2020/jigyo-keikaku-2020.pdf" in texts
