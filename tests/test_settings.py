"""Settings, year overrides, numbering and era styles, typed fields and their rules."""

from __future__ import annotations

import json
import shutil
import typing
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jigyo.cli import app
from jigyo.diff.formats import render
from jigyo.diff.formats.options import Options
from jigyo.diff.sides import compare
from jigyo.layout import era_label, year_view
from jigyo.loader import load_plans
from jigyo.numbering import STYLES, number
from jigyo.settings.model import NumberStyle

from .conftest import ROOT, SAMPLE

runner = CliRunner()
KAMISU = ROOT / "examples" / "kamisu-katsudou" / "plans"
SHIROSATO = ROOT / "examples" / "shirosato-yosan" / "plans"


def jigyo(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args), prog_name="jigyo")
    return result.exit_code, result.output


def test_every_numbering_style_is_offered_in_the_settings():
    assert set(typing.get_args(NumberStyle)) == set(STYLES)


@pytest.mark.parametrize(("style", "third"), [
    ("１．", "３．"), ("1.", "3."), ("(1)", "(3)"), ("①", "③"), ("ア", "ウ"), ("(ア)", "(ウ)"),
    ("第1", "第3　"), ("Ⅰ", "Ⅲ"), ("【1】", "【3】"), ("none", ""),
])
def test_numbering_styles(style: str, third: str):
    assert number(style, 3) == third


def test_era_styles_and_periods():
    assert era_label(2020) == "令和２年度"
    assert era_label(2020, "wareki_seireki") == "令和２年度（2020年度）"
    assert era_label(2020, "seireki") == "2020年度"
    assert era_label(2015, last_year=2019) == "平成27～令和元年度"
    assert era_label(2021, last_year=2023) == "令和３～５年度"
    assert era_label(2018, "wareki_seireki", 2020) == "平成30～令和２年度（2018～2020年度）"


def _sample(tmp_path: Path, settings: str, year_extra: str = "") -> Path:
    plans = tmp_path / "plans"
    shutil.copytree(SAMPLE, plans)
    (plans / "jigyo.yaml").write_text(settings, encoding="utf-8")
    year = plans / "2020" / "year.yaml"
    year.write_text(year.read_text(encoding="utf-8") + year_extra, encoding="utf-8")
    return plans


def test_year_file_overrides_the_settings(tmp_path: Path):
    plans = _sample(tmp_path, "title: 事業報告\nnumbering:\n  initiative: ①\n",
                    "settings:\n  numbering:\n    initiative: 第1\n  era: seireki\n")
    view = year_view(load_plans(plans).years[0])
    assert view.heading == "2020年度　事業計画"  # the year file's own title wins
    assert view.units[0].initiatives[0].number == "第1　"


def test_bad_settings_are_located_once_in_japanese(tmp_path: Path):
    plans = _sample(tmp_path, "era: 3\nnumbering:\n  initiative: X\nlevls: {}\n")
    code, output = jigyo("check", "--plans", str(plans))
    assert code == 1
    assert "jigyo.yaml:1:6: ここには wareki / wareki_seireki / seireki のどれかを書いてください。" \
        in output
    assert "jigyo.yaml:3:15: ここには １． / " in output
    assert "もしかして「levels」ですか？" in output
    assert output.count("levls") == 1


def test_lint_and_results_sections_are_left_to_their_owners(tmp_path: Path):
    plans = _sample(tmp_path, "lint:\n  rules: {anything: off}\nresults:\n  columns: [実績]\n")
    loaded = load_plans(plans).years[0]
    assert loaded.settings is not None
    assert loaded.settings.lint == {"rules": {"anything": "off"}}
    assert loaded.settings.results == {"columns": ["実績"]}


def test_typed_fields_reach_every_output_and_the_diff(tmp_path: Path):
    plans = tmp_path / "plans"
    shutil.copytree(KAMISU, plans)
    code, output = jigyo("new-year", "2016", "--plans", str(plans))
    assert code == 0, output
    unit = plans / "2016" / "shakyo.yaml"
    unit.write_text(unit.read_text(encoding="utf-8").replace("status: 拡充", "status: 継続"),
                    encoding="utf-8")
    out = tmp_path / "build"
    code, output = jigyo("build", "--plans", str(plans), "--out", str(out), "-f", "html,md,json")
    assert code == 0, output
    facts = "状況：継続　実施時期：平成27年度～令和元年度　担当：相談支援担当（架空）"
    assert facts in (out / "site" / "2016" / "shakyo.html").read_text(encoding="utf-8")
    assert facts in (out / "md" / "2016" / "shakyo.md").read_text(encoding="utf-8")
    data = json.loads((out / "json" / "2016.json").read_text(encoding="utf-8"))
    first = data["departments"][0]["units"][0]["initiatives"][0]
    assert {"label": "状況", "value": "継続"} in first["facts"] and first["goals"] == ["soudan"]
    assert data["priorities"][0].startswith("相談支援を業務の柱")
    goal = (out / "site" / "2016" / "goal-soudan.html").read_text(encoding="utf-8")
    assert "第1　相談支援の充実" in goal and "第2　住民主体の地域づくり" in goal
    assert "goal-chiiki.html" in (out / "site" / "2016" / "index.html").read_text(encoding="utf-8")
    report = render(compare(plans, ["2015", "2016"]), "text", Options(color=False))
    assert "状況：[-拡充-]" in report and "状況：{+継続+}" in report


def test_budget_total_is_checked(tmp_path: Path):
    plans = tmp_path / "plans"
    shutil.copytree(SHIROSATO, plans)
    assert jigyo("check", "--plans", str(plans))[0] == 0
    year = plans / "2015" / "year.yaml"
    year.write_text(year.read_text(encoding="utf-8").replace("62287", "62000"), encoding="utf-8")
    code, output = jigyo("check", "--plans", str(plans))
    assert code == 1
    assert "year.yaml:9:11: 予算額の合計 62,000千円 が、取り組みの予算額の合計 62,287千円 と合いません。" \
        in output


def test_unknown_goal_is_named(tmp_path: Path):
    plans = tmp_path / "plans"
    shutil.copytree(KAMISU, plans)
    unit = plans / "2015" / "shakyo.yaml"
    unit.write_text(unit.read_text(encoding="utf-8").replace("goals: [soudan]", "goals: [soudn]"),
                    encoding="utf-8")
    code, output = jigyo("check", "--plans", str(plans))
    assert code == 1
    assert "目標「soudn」は year.yaml の goals にありません（あるもの: chiiki、soudan）。" in output


def test_schema_knows_the_projects_columns(tmp_path: Path):
    code, output = jigyo("schema", "--plans", str(SHIROSATO), "--out", str(tmp_path))
    assert code == 0, output
    unit = json.loads((tmp_path / "unit.schema.json").read_text(encoding="utf-8"))
    assert unit["$defs"]["Entry"]["properties"]["target"]["title"] == "予算額（千円）"
    assert (tmp_path / "settings.schema.json").is_file()


def test_extra_columns_reach_markdown_json_and_the_diff(tmp_path: Path):
    plans = tmp_path / "plans"
    shutil.copytree(KAMISU, plans)
    out = tmp_path / "build"
    code, output = jigyo("build", "--plans", str(plans), "--out", str(out), "-f", "md,json,html")
    assert code == 0, output
    md = (out / "md" / "2015" / "shakyo.md").read_text(encoding="utf-8")
    assert "| 施策の柱 | 取り組み内容 | 実施時期 | 担当 | 評価 |" in md
    assert "| --- | --- | --- | --- | --- |" in md
    assert "| 平成27年度から | 相談支援担当 | A（架空） |" in md
    html = (out / "site" / "2015" / "shakyo.html").read_text(encoding="utf-8")
    assert '<th scope="col" class="extra">評価</th>' in html
    data = json.loads((out / "json" / "2015.json").read_text(encoding="utf-8"))
    entry = data["departments"][0]["units"][0]["initiatives"][0]["table"][0]["entries"][0]
    assert entry["extra"] == [["相談支援担当"], ["A（架空）"]]


def test_a_typed_cell_without_its_column_is_kept_in_the_note(tmp_path: Path):
    plans = _sample(tmp_path, "title: 事業計画\n")
    unit = plans / "2020" / "soumu.yaml"
    text = unit.read_text(encoding="utf-8")
    assert "            target:" in text
    unit.write_text(text.replace("            target:", "            schedule: 4月\n"
                                 "            target:", 1), encoding="utf-8")
    view = year_view(load_plans(plans).years[0])
    notes = [e.note for u in view.units for i in u.initiatives for g in i.groups
             for e in g.entries if e.note]
    assert any("実施時期：4月" in n for n in notes)


def test_two_organizations_in_one_folder_are_named(tmp_path: Path):
    plans = tmp_path / "plans"
    shutil.copytree(KAMISU, plans)
    shutil.copytree(plans / "2015", plans / "2016")
    year = plans / "2016" / "year.yaml"
    year.write_text(year.read_text(encoding="utf-8").replace("fiscal_year: 2015", "fiscal_year: 2016")
                    .replace("神栖市社会福祉協議会", "別の市社会福祉協議会"), encoding="utf-8")
    code, output = jigyo("check", "--plans", str(plans))
    assert code == 0, output
    assert "法人名「別の市社会福祉協議会」が 2015 年度の「神栖市社会福祉協議会」と違います。" in output


def test_schema_offers_the_projects_custom_columns(tmp_path: Path):
    code, output = jigyo("schema", "--plans", str(KAMISU), "--out", str(tmp_path))
    assert code == 0, output
    unit = json.loads((tmp_path / "unit.schema.json").read_text(encoding="utf-8"))
    custom = unit["$defs"]["Entry"]["properties"]["custom"]
    assert custom["properties"]["hyouka"]["title"] == "評価"
    assert custom["additionalProperties"] is False
    assert unit["$defs"]["Entry"]["properties"]["owner"]["title"] == "担当"
