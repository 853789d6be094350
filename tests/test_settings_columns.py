"""A table without the 目標値 column (項目｜内容), set by `columns.target: none`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jigyo.cli import app

runner = CliRunner()

SETTINGS = """\
title: 活動計画
levels:
  initiative: 活動
columns:
  item: 区分
  content: 活動内容
  target: none
"""
YEAR = """\
fiscal_year: 2024
organization: みどり町社会福祉協議会（架空）
departments:
  - name: 地域福祉課
    units: [chiiki]
"""
UNIT = """\
department: 地域福祉課
section: 地域福祉係
initiatives:
  - title: 見守り活動の推進
    table:
      - item: 見守り
        entries:
          - name: 訪問
            content: 一人暮らしの高齢者を訪問します（架空）
          - content: 見守りの協力者を募ります（架空）
      - item: 居場所
        entries:
          - name: サロン
            rows:
              - content: 町内のサロンを支えます（架空）
              - content: 子ども食堂と連携します（架空）
"""


def jigyo(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args), prog_name="jigyo")
    return result.exit_code, result.output


def _plans(tmp_path: Path, unit: str = UNIT) -> Path:
    plans = tmp_path / "plans"
    (plans / "2024").mkdir(parents=True)
    (plans / "jigyo.yaml").write_text(SETTINGS, encoding="utf-8")
    (plans / "2024" / "year.yaml").write_text(YEAR, encoding="utf-8")
    (plans / "2024" / "chiiki.yaml").write_text(unit, encoding="utf-8")
    return plans


def test_a_two_column_table_in_every_output(tmp_path: Path):
    plans = _plans(tmp_path)
    out = tmp_path / "build"
    code, output = jigyo("build", "--plans", str(plans), "--out", str(out), "-f", "md,json,html")
    assert code == 0, output
    md = (out / "md" / "2024" / "chiiki.md").read_text(encoding="utf-8")
    assert "| 区分 | 活動内容 |\n" in md
    assert "| --- | --- |\n" in md
    assert "| 見守り | (1)訪問<br>一人暮らしの高齢者を訪問します（架空） |" in md
    assert "目標値" not in md
    html = (out / "site" / "2024" / "chiiki.html").read_text(encoding="utf-8")
    assert 'class="target"' not in html and "目標値" not in html
    assert "１．見守り活動の推進の区分・活動内容" in html  # the caption names two columns
    head = html.split("<thead>")[1].split("</thead>")[0]
    assert head.count("<th ") == 2
    data = json.loads((out / "json" / "2024.json").read_text(encoding="utf-8"))
    entry = data["departments"][0]["units"][0]["initiatives"][0]["table"][0]["entries"][0]
    assert entry["content"]["lines"] == ["一人暮らしの高齢者を訪問します（架空）"]
    assert "目標値" not in json.dumps(data, ensure_ascii=False)


def test_a_target_written_while_the_column_is_off_is_located(tmp_path: Path):
    unit = UNIT.replace("            content: 一人暮らしの高齢者を訪問します（架空）\n",
                        "            content: 一人暮らしの高齢者を訪問します（架空）\n"
                        "            target: 年12回\n")
    unit = unit.replace("              - content: 子ども食堂と連携します（架空）\n",
                        "              - content: 子ども食堂と連携します（架空）\n"
                        "                target: 月1回\n")
    plans = _plans(tmp_path, unit)
    code, output = jigyo("check", "--plans", str(plans))
    assert code != 0
    where = (plans / "2024" / "chiiki.yaml").as_posix()
    assert f"{where}:10:13:" in output
    assert f"{where}:18:17:" in output
    assert "columns.target: none" in output
    assert "Traceback" not in output


def test_the_diff_of_two_column_years(tmp_path: Path):
    plans = _plans(tmp_path)
    shutil.copytree(plans / "2024", plans / "2025")
    year = plans / "2025" / "year.yaml"
    year.write_text(YEAR.replace("2024", "2025"), encoding="utf-8")
    unit = plans / "2025" / "chiiki.yaml"
    unit.write_text(UNIT.replace("訪問します", "毎月訪問します"), encoding="utf-8")
    code, output = jigyo("diff", "2024", "2025", "--plans", str(plans))
    assert code == 1, output  # 1: the years differ
    assert "{+毎月+}訪問します" in output
    assert "目標値" not in output
    for form in ("md", "html", "json"):
        code, output = jigyo("diff", "2024", "2025", "--plans", str(plans), "-f", form)
        assert code == 1, output
        assert "毎月" in output and "目標値" not in output, form


@pytest.mark.skipif(shutil.which("pdftotext") is None and os.environ.get("CI") != "true",
                    reason="pdftotext (poppler-utils) is not installed")
def test_a_two_column_table_in_the_pdf(tmp_path: Path):
    plans = _plans(tmp_path)
    out = tmp_path / "build"
    code, output = jigyo("build", "--plans", str(plans), "--out", str(out), "-f", "pdf")
    assert code == 0, output
    pdf = next((out / "pdf").glob("*.pdf"))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "子ども食堂と連携します" in text
    assert "目標値" not in text
    assert "区" in text and "分" in text  # the heading 区分 (spaced out)
