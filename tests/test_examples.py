"""The example organizations under examples/: each checks and builds, in its own shape."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jigyo.cli import app

from .conftest import ROOT, need

runner = CliRunner()

SHAPES = {
    "hita-houkoku": ("平成27年度", "事業報告", "Ⅰ．会務の運営", "①理事の選任", "実施状況", "実績",
                     "部署の総括", "【総務担当】", "決算額", "120千円", "備考"),
    "kamisu-katsudou": ("平成27～令和元年度", "地域福祉活動計画", "第1　相談支援の充実",
                        "(ア)成年後見制度の相談", "実施時期", "基本方針", "施策の考え方", "評価",
                        "A（架空）", "相談支援担当"),
    "shirosato-yosan": ("平成27年度（2015年度）", "予算", "1.会費・寄附金", "ア会費",
                        "予算額（千円）", "42,831", "概要"),
}
"""Per example: words its PDF must show (era and period, title, numbering, columns, labels)."""


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_example_checks_and_builds_in_its_shape(name: str, tmp_path: Path):
    plans = ROOT / "examples" / name / "plans"
    assert (ROOT / "examples" / name / "README.md").read_text(encoding="utf-8").count("http") >= 1
    result = runner.invoke(app, ["check", "--plans", str(plans)], prog_name="jigyo")
    assert result.exit_code == 0, result.output
    out = tmp_path / "build"
    result = runner.invoke(app, ["build", "--plans", str(plans), "--out", str(out)],
                           prog_name="jigyo")
    assert result.exit_code == 0, result.output
    need("pdftotext", shutil.which("pdftotext") is not None)
    pdf = out / "pdf" / "2015.pdf"
    assert pdf.is_file(), result.output
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    html = re.sub(r"<[^>]+>|\s", "", "".join(
        p.read_text(encoding="utf-8") for p in (out / "site").rglob("*.html")))
    text = re.sub(r"\s", "", text)  # pdftotext spaces out spaced headings (実　績)
    for word in SHAPES[name]:
        assert re.sub(r"\s", "", word) in text, (name, word)
        assert re.sub(r"\s", "", word) in html, (name, word)
