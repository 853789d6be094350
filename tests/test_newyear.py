"""`jigyo new-year`: next year's folder is this year's, with only fiscal_year changed."""

from __future__ import annotations

from pathlib import Path

from .test_diff import jigyo, real_plans


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_copies_every_file_and_changes_only_fiscal_year(tmp_path: Path):
    plans = real_plans(tmp_path)
    (plans / "2020" / "year.yaml").write_text(
        "# 年度ファイル（コメントは残ります）\n"
        + (plans / "2020" / "year.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    result = jigyo("new-year", "2021", "--plans", str(plans))
    assert result.exit_code == 0, result.output
    assert "plans/2021/ を作りました" in result.output
    old, new = files(plans / "2020"), files(plans / "2021")
    assert old.keys() == new.keys()
    for name in old:
        if name != "year.yaml":
            assert new[name] == old[name], name
    old_lines = old["year.yaml"].decode().splitlines()
    new_lines = new["year.yaml"].decode().splitlines()
    changed = [(a, b) for a, b in zip(old_lines, new_lines, strict=True) if a != b]
    assert changed == [("fiscal_year: 2020", "fiscal_year: 2021")]
    assert jigyo("check", "--plans", str(plans)).exit_code == 0
    assert jigyo("diff", "2020", "2021", "--plans", str(plans)).exit_code == 0


def test_refuses_to_overwrite_an_existing_year(tmp_path: Path):
    plans = real_plans(tmp_path)
    assert jigyo("new-year", "2021", "--plans", str(plans)).exit_code == 0
    (plans / "2021" / "houjin-unei.yaml").write_text("# 編集中\n", encoding="utf-8")
    result = jigyo("new-year", "2021", "--plans", str(plans))
    assert result.exit_code == 1
    assert "plans/2021 は既にあります" in result.output
    assert (plans / "2021" / "houjin-unei.yaml").read_text(encoding="utf-8") == "# 編集中\n"


def test_needs_the_year_before(tmp_path: Path):
    plans = real_plans(tmp_path)
    result = jigyo("new-year", "2023", "--plans", str(plans))
    assert result.exit_code == 1
    assert "前年度のフォルダ" in result.output and "2022" in result.output
    assert not (plans / "2023").exists()
    assert sorted(p.name for p in plans.iterdir()) == ["2020"]


def test_invalid_year_before_is_reported_and_nothing_is_made(tmp_path: Path):
    plans = real_plans(tmp_path)
    unit = plans / "2020" / "houjin-unei.yaml"
    unit.write_text(unit.read_text(encoding="utf-8").replace("section:", "sectoin:", 1),
                    encoding="utf-8")
    result = jigyo("new-year", "2021", "--plans", str(plans))
    assert result.exit_code == 1
    assert "houjin-unei.yaml:3:1:" in result.output
    assert sorted(p.name for p in plans.iterdir()) == ["2020"]


def test_era_label_override_is_pointed_out(tmp_path: Path):
    plans = real_plans(tmp_path)
    year = plans / "2020" / "year.yaml"
    year.write_text(year.read_text(encoding="utf-8") + "era_label: 令和２年度\n", encoding="utf-8")
    result = jigyo("new-year", "2021", "--plans", str(plans))
    assert result.exit_code == 0
    assert "era_label（令和２年度）は前年度のままです" in result.output


def test_messages_in_english_with_lang_en(tmp_path: Path):
    plans = real_plans(tmp_path)
    year = plans / "2020" / "year.yaml"
    year.write_text(year.read_text(encoding="utf-8") + "era_label: 令和２年度\n", encoding="utf-8")
    result = jigyo("new-year", "2021", "--plans", str(plans), "--lang", "en")
    assert result.exit_code == 0
    assert "the era_label (令和２年度) in" in result.output
    assert f"Made {(plans / '2021').as_posix()}/ (" in result.output
    result = jigyo("new-year", "2021", "--plans", str(plans), "--lang", "en")
    assert result.exit_code == 1
    assert "2021 already exists; delete it first to make it again." in result.output
    result = jigyo("new-year", "2030", "--plans", str(plans), "--lang", "en")
    assert result.exit_code == 1 and "there is no folder" in result.output


def test_new_year_error_is_a_jigyo_error():
    from jigyo.errors import JigyoError
    from jigyo.newyear import NewYearError

    err = NewYearError("new_year_exists", path="plans/2021")
    assert isinstance(err, JigyoError) and err.exit_code == 1
    assert err.text("ja") == "plans/2021 は既にあります。作り直すときは先に削除してください。"
