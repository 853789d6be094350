"""A plan over several years in a period folder (plans/2018-2020/)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from jigyo.cli import app

from .conftest import SAMPLE

runner = CliRunner()


def jigyo(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args), prog_name="jigyo")
    return result.exit_code, result.output


def _period(tmp_path: Path, settings: str = "", fiscal_year: int = 2018) -> Path:
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copytree(SAMPLE / "2020", plans / "2018-2020")
    year = plans / "2018-2020" / "year.yaml"
    year.write_text(year.read_text(encoding="utf-8").replace(
        "fiscal_year: 2020", f"fiscal_year: {fiscal_year}"), encoding="utf-8")
    if settings:
        (plans / "jigyo.yaml").write_text(settings, encoding="utf-8")
    return plans


def test_a_period_folder_names_every_output(tmp_path: Path):
    plans = _period(tmp_path)
    out = tmp_path / "build"
    code, output = jigyo("build", "--plans", str(plans), "--out", str(out),
                         "-f", "md,json,html,pdf")
    assert code == 0, output
    assert "注意" not in output  # the folder is read, not skipped with a warning
    index = (out / "md" / "2018-2020" / "index.md").read_text(encoding="utf-8")
    assert "平成30～令和２年度" in index
    data = json.loads((out / "json" / "2018-2020.json").read_text(encoding="utf-8"))
    assert data["fiscal_year"] == 2018
    assert (out / "pdf" / "2018-2020.pdf").is_file()
    site = out / "site"
    assert (site / "2018-2020" / "index.html").is_file()
    assert (site / "2018-2020" / "jigyo-keikaku-2018-2020.pdf").is_file()
    top = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="2018-2020/index.html"' in top and "平成30～令和２年度" in top
    assert not (out / "md" / "2018").exists() and not (out / "json" / "2018.json").exists()


def test_the_folder_and_the_year_file_must_agree(tmp_path: Path):
    plans = _period(tmp_path, fiscal_year=2019)
    code, output = jigyo("check", "--plans", str(plans))
    assert code == 1, output
    year = (plans / "2018-2020" / "year.yaml").as_posix()
    assert f"{year}:1:14: fiscal_year 2019 がフォルダ名 2018-2020 と一致しません。" in output


def test_a_stated_period_must_agree_with_the_folder(tmp_path: Path):
    plans = _period(tmp_path, settings="title: 事業計画\nperiod: 5\n")
    code, output = jigyo("check", "--plans", str(plans))
    assert code == 1, output
    where = (plans / "jigyo.yaml").as_posix()
    assert f"{where}:2:9: period: 5 が計画期間のフォルダ 2018-2020（3年間）と合いません。" in output
    (plans / "jigyo.yaml").write_text("title: 事業計画\nperiod: 3\n", encoding="utf-8")
    code, output = jigyo("check", "--plans", str(plans))
    assert code == 0, output


def test_new_year_makes_the_next_period_and_diff_compares_them(tmp_path: Path):
    plans = _period(tmp_path)
    code, output = jigyo("new-year", "2021", "--plans", str(plans))
    assert code == 0, output
    made = plans / "2021-2023" / "year.yaml"
    assert made.read_text(encoding="utf-8").startswith("fiscal_year: 2021\n")
    code, output = jigyo("check", "--plans", str(plans))
    assert code == 0, output
    unit = next(p for p in sorted((plans / "2021-2023").glob("*.yaml")) if p.name != "year.yaml")
    text = unit.read_text(encoding="utf-8")
    unit.write_text(text.replace("department:", "note: 期間の見直し（架空）\ndepartment:", 1),
                    encoding="utf-8")
    for args in (("2018-2020", "2021-2023"), ("2021-2023",)):
        code, output = jigyo("diff", *args, "--plans", str(plans))
        assert code == 1, output
        assert "平成30～令和２年度" in output and "令和３～５年度" in output
        assert "期間の見直し" in output
    out = tmp_path / "build"
    code, output = jigyo("build", "--plans", str(plans), "--out", str(out), "-f", "html")
    assert code == 0, output
    newer = (out / "site" / "2021-2023" / "index.html").read_text(encoding="utf-8")
    assert 'href="shinkyu-2018-2020.html"' in newer
    assert (out / "site" / "2021-2023" / "shinkyu-2018-2020.html").is_file()
    assert 'href="../2018-2020/index.html"' in newer
