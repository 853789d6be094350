"""`jigyo diff` on the real FY2020 plan: each edit is reported exactly, and nothing else.

Every scenario copies plans/2020, starts 2021 from it with `jigyo new-year`,
makes one edit in 2021 and checks the JSON report, then spot-checks the
other forms (text, Markdown comment, HTML 新旧対照表).
"""

import json
import shutil
from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner

from jigyo.cli import app
from jigyo.loader import load_year
from jigyo.newyear import new_year

from .conftest import REAL

runner = CliRunner()


def jigyo(*args: str) -> Any:
    return runner.invoke(app, list(args))


def real_plans(tmp_path: Path) -> Path:
    """plans/2020 copied, keeping only unit files that load (some may be in progress)."""
    plans = tmp_path / "plans"
    folder = plans / "2020"
    shutil.copytree(REAL / "2020", folder)
    _, problems = load_year(folder)
    broken = {p.path.name for p in problems if p.path.name != "year.yaml"}
    for name in broken:
        (folder / name).unlink()
    present = {p.stem for p in folder.glob("*.yaml")}
    year_file = folder / "year.yaml"
    year = yaml.safe_load(year_file.read_text(encoding="utf-8"))
    if any(set(d.get("units", [])) - present for d in year["departments"]):
        for dept in year["departments"]:
            dept["units"] = [u for u in dept.get("units", []) if u in present]
        year_file.write_text(yaml.safe_dump(year, allow_unicode=True, sort_keys=False),
                             encoding="utf-8")
    loaded, problems = load_year(folder)
    assert loaded is not None, [p.format() for p in problems]
    assert "houjin-unei" in {u.slug for u in loaded.units}
    return plans


def next_year(plans: Path) -> Path:
    """plans/2021 as an unchanged copy of 2020; returns the folder to edit."""
    return new_year(plans, 2021).folder


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace text that must be there exactly `count` times (a wrong edit fails loudly)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == count, f"{old!r} occurs {text.count(old)} times"
    path.write_text(text.replace(old, new), encoding="utf-8")


def diff_json(plans: Path, *args: str) -> tuple[int, dict[str, Any]]:
    result = jigyo("diff", "2020", "2021", "--plans", str(plans), "--format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def changes(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    """Every change as (kind, level, field, path, old, new, delta)."""
    return [
        (c["kind"], c["level"], c["field"], tuple(c["path"]), c["old"], c["new"], c["delta"])
        for comparison in data["comparisons"] for c in comparison["changes"]
    ]


UNIT = "法人運営係"
SOSHIKI = "組織運営の取り組み"
RIJIKAI = (UNIT, SOSHIKI, "理事会、評議員会の開催", "理事会")
RIJIKAI_YAML = ("          - name: 理事会\n"
                "            content: 5月、6月、9月、11月、2月、3月の定例開催の他、臨時に開催\n"
                "            target: 7回予定\n")


def scenario(tmp_path: Path, old: str, new: str, unit: str = "houjin-unei.yaml") -> Path:
    plans = real_plans(tmp_path)
    edit(next_year(plans) / unit, old, new)
    return plans


def render(plans: Path, fmt: str, *args: str) -> str:
    result = jigyo("diff", "2020", "2021", "--plans", str(plans), "--format", fmt, *args)
    assert result.exit_code == 1, result.output
    return str(result.stdout)


def test_new_year_copy_reports_no_change(tmp_path: Path):
    plans = real_plans(tmp_path)
    next_year(plans)
    status, data = diff_json(plans)
    assert status == 0
    assert changes(data) == []
    assert "変更はありません。" in jigyo("diff", "2020", "2021", "--plans", str(plans)).stdout


def test_changed_target_is_shown_old_to_new_with_its_delta(tmp_path: Path):
    plans = scenario(tmp_path, RIJIKAI_YAML, RIJIKAI_YAML.replace("7回予定", "6回"))
    status, data = diff_json(plans)
    assert status == 1
    assert changes(data) == [("changed", "entry", "target", RIJIKAI, "7回予定", "6回", "−1回")]
    assert [c["new"] for c in data["comparisons"][0]["summary"]["targets"]] == ["6回"]
    assert "[-7回予定-] → {+6回+}（−1回）" in render(plans, "text", "--no-color")
    md = render(plans, "md")
    assert "| 法人運営係 | 組織運営の取り組み ＞ 理事会、評議員会の開催 ＞ 理事会 | " \
           "<del>7回予定</del> | <ins>6回</ins> | −1回 |" in md
    html = render(plans, "html")
    assert '目標値</span><span class="chg">6回</span>' in html
    assert '目標値</span><span class="chg">7回予定</span>' in html


def test_added_entry_is_new_on_the_old_side(tmp_path: Path):
    plans = scenario(tmp_path, "          - name: 評議員会\n",
                     "          - name: 臨時理事会\n            target: 1回\n"
                     "          - name: 評議員会\n")
    _, data = diff_json(plans)
    path = (UNIT, SOSHIKI, "理事会、評議員会の開催", "臨時理事会")
    assert changes(data) == [("added", "entry", None, path, None, "臨時理事会", None)]
    html = render(plans, "html")
    assert '<td><span class="chg">(2)臨時理事会</span></td><td><span class="ph">（新設）</span>' \
        in html
    assert "事項の追加" in render(plans, "md")


def test_removed_entry_is_deleted_on_the_new_side(tmp_path: Path):
    plans = scenario(tmp_path, "          - name: 情報セキュリティ研修会の開催\n"
                               "            target: 1回\n", "")
    _, data = diff_json(plans)
    path = (UNIT, SOSHIKI, "情報セキュリティに関する取り組み", "情報セキュリティ研修会の開催")
    assert changes(data) == [("removed", "entry", None, path, "情報セキュリティ研修会の開催",
                              None, None)]
    html = render(plans, "html")
    assert '<td><span class="ph">（削る）</span></td><td><span class="chg">' \
           '(2)情報セキュリティ研修会の開催</span></td>' in html
    assert "事項の削除" in render(plans, "text")


def test_renamed_entry_is_one_rename_not_a_removal_and_an_addition(tmp_path: Path):
    plans = scenario(tmp_path, "- name: 理事会\n", "- name: 理事会の開催\n")
    _, data = diff_json(plans)
    path = (*RIJIKAI[:3], "理事会の開催")
    assert changes(data) == [("renamed", "entry", "name", path, "理事会", "理事会の開催", None)]
    assert "理事会<ins>の開催</ins>" in render(plans, "md")


def test_entry_moved_to_another_item_is_a_move(tmp_path: Path):
    plans = real_plans(tmp_path)
    unit = next_year(plans) / "houjin-unei.yaml"
    moved = ("          - name: 職場環境向上のための巡視\n"
             "            content: 法の規定により開催\n"
             "            target: 1回\n")
    edit(unit, moved, "")
    edit(unit, "          - name: 委員会の開催\n", moved + "          - name: 委員会の開催\n")
    _, data = diff_json(plans)
    to = (UNIT, SOSHIKI, "第三者委員会の取り組み", "職場環境向上のための巡視")
    assert changes(data) == [("moved", "entry", None, to, None, None, None)]
    change = data["comparisons"][0]["changes"][0]
    assert change["from"] == [UNIT, SOSHIKI, "労働環境の向上", "職場環境向上のための巡視"]
    assert "移動元: 組織運営の取り組み ＞ 労働環境の向上 ＞ 職場環境向上のための巡視" \
        in render(plans, "text")


def test_entry_moved_to_another_initiative_keeps_its_own_changes(tmp_path: Path):
    plans = real_plans(tmp_path)
    unit = next_year(plans) / "houjin-unei.yaml"
    edit(unit, "          - name: 情報セキュリティ研修会の開催\n"
               "            target: 1回\n", "")
    edit(unit, "          - name: コスト削減の取り組み\n",
         "          - name: 情報セキュリティ研修会の開催\n"
         "            target: 2回\n"
         "          - name: コスト削減の取り組み\n")
    _, data = diff_json(plans)
    to = (UNIT, "自己財源確保の取り組み", "各種事業収益の確保", "情報セキュリティ研修会の開催")
    assert changes(data) == [
        ("moved", "entry", None, to, None, None, None),
        ("changed", "entry", "target", to, "1回", "2回", "+1回"),
    ]


def _swap_first_initiatives(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    first = text.index("  - title: 組織運営の取り組み\n")
    second = text.index("  - title: 自己財源確保の取り組み\n")
    third = text.index("  - title: 表彰・感謝の取り組み\n")
    swapped = text[:first] + text[second:third] + text[first:second] + text[third:]
    path.write_text(swapped, encoding="utf-8")


def test_reordered_initiatives_are_reported_as_an_order_change(tmp_path: Path):
    plans = real_plans(tmp_path)
    _swap_first_initiatives(next_year(plans) / "houjin-unei.yaml")
    _, data = diff_json(plans)
    assert changes(data) == [
        ("reordered", "initiative", None, (UNIT, "自己財源確保の取り組み"), None, None, None),
    ]
    change = data["comparisons"][0]["changes"][0]
    assert (change["from"], change["to"]) == (["２．"], ["１．"])
    assert "順序: ２． → １．" in render(plans, "text")
    status, data = diff_json(plans, "--ignore-order")
    assert (status, changes(data)) == (0, [])


def test_reworded_policy_sentence_marks_the_phrase(tmp_path: Path):
    plans = scenario(tmp_path, "社会福祉法を遵守し、", "社会福祉法に基づき、")
    _, data = diff_json(plans)
    [change] = changes(data)
    assert change[:4] == ("changed", "policy", "policy", (UNIT, SOSHIKI))
    assert change[4].startswith("・社会福祉法を遵守し、役員")
    assert change[5].startswith("・社会福祉法に基づき、役員")
    assert "社会福祉法<del>を遵守し</del>、役員" in render(plans, "md")
    html = render(plans, "html")
    assert '社会福祉法<span class="chg">に基づき</span>、役員' in html
    assert '社会福祉法<span class="chg">を遵守し</span>、役員' in html


def test_whitespace_width_and_wrapping_are_not_changes(tmp_path: Path):
    plans = real_plans(tmp_path)
    unit = next_year(plans) / "houjin-unei.yaml"
    edit(unit, "content: 5月、11月に開催", "content: ５月、　11月に\n              開催")
    edit(unit, "target: 12回", "target: １２回", count=2)
    edit(unit, "- name: 三役会\n", "- name: \"三役会 \"\n")
    status, data = diff_json(plans)
    assert (status, changes(data)) == (0, [])


def test_abbreviated_html_shortens_unchanged_rows(tmp_path: Path):
    plans = scenario(tmp_path, RIJIKAI_YAML, RIJIKAI_YAML.replace("7回予定", "6回"))
    full = render(plans, "html")
    short = render(plans, "html", "--abbreviate")
    assert "（略）" in short and "（略）" not in full
    assert len(short) < len(full) / 3
    assert "監事監査" in full and "監事監査" not in short


def test_output_file_and_colour(tmp_path: Path):
    plans = scenario(tmp_path, RIJIKAI_YAML, RIJIKAI_YAML.replace("7回予定", "6回"))
    out = tmp_path / "report" / "diff.html"
    result = jigyo("diff", "2020", "2021", "--plans", str(plans), "-f", "html", "-o", str(out))
    assert result.exit_code == 1 and result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in out.parent.iterdir()] == ["diff.html"]
    text = jigyo("diff", "2020", "2021", "--plans", str(plans)).stdout
    assert "\x1b[" not in text  # not a terminal: no colour


def test_same_input_gives_identical_output(tmp_path: Path):
    plans = scenario(tmp_path, RIJIKAI_YAML, RIJIKAI_YAML.replace("7回予定", "6回"))
    for fmt in ("text", "md", "html", "json"):
        assert render(plans, fmt) == render(plans, fmt)


def test_bad_year_and_invalid_plan_exit_2_with_located_message(tmp_path: Path):
    plans = real_plans(tmp_path)
    result = jigyo("diff", "2020", "2022", "--plans", str(plans))
    assert result.exit_code == 2
    assert "年度フォルダ" in result.output and "2022" in result.output
    edit(next_year(plans) / "houjin-unei.yaml", RIJIKAI_YAML,
         RIJIKAI_YAML.replace("target:", "targt:"))
    result = jigyo("diff", "2020", "2021", "--plans", str(plans))
    assert result.exit_code == 2
    assert "plans/2021/houjin-unei.yaml:" in result.output
    assert "「targt」というキーは使えません" in result.output
    assert "Traceback" not in result.output
