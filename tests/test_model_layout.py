"""The model accepts what the printed plan needs; the layout numbers and merges as printed."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from jigyo.layout import Labels, era_label, jnum, year_view
from jigyo.loader import load_plans
from jigyo.model import Bullets, Heading, Numbered, Unit

from .conftest import SAMPLE


def sample_unit(slug: str = "soumu"):
    year = load_plans(SAMPLE).years[0]
    return next(u for u in year_view(year).units if u.slug == slug)


def test_unit_round_trips_through_its_own_dump():
    unit = load_plans(SAMPLE).years[0].units[0].unit
    again = Unit.model_validate(unit.model_dump(exclude_defaults=True))
    assert again == unit


def test_policy_blocks_are_told_apart_by_their_key():
    unit = Unit.model_validate({
        "department": "総務課", "section": "法人運営係",
        "initiatives": [{"title": "t", "policy": [
            "段落", {"heading": "見出し"}, {"bullets": ["a"]}, {"numbered": ["b"]},
        ]}],
    })
    kinds = [type(b) for b in unit.initiatives[0].policy]
    assert kinds == [str, Heading, Bullets, Numbered]


def test_a_block_with_two_kinds_is_refused():
    with pytest.raises(ValidationError) as caught:
        Unit.model_validate({"department": "d", "section": "s", "initiatives": [
            {"title": "t", "policy": [{"heading": "h", "text": "x"}]}]})
    assert caught.value.errors()[0]["type"] == "block_kind"


def test_numbers_are_printed_as_the_council_prints_them():
    assert [jnum(n) for n in (1, 9, 10, 12)] == ["１", "９", "10", "12"]


@pytest.mark.parametrize(("year", "label"), [
    (2020, "令和２年度"), (2019, "令和元年度"), (2018, "平成30年度"),
    (1989, "平成元年度"), (2028, "令和10年度"),
])
def test_era_labels(year, label):
    assert era_label(year) == label


def test_initiatives_and_entries_are_numbered_from_their_order():
    unit = sample_unit()
    assert [i.number for i in unit.initiatives] == ["１．", "２．"]
    names = [c for r in unit.initiatives[0].rows for c in r.cells if c.kind == "name"]
    assert [(c.number, c.lines[0]) for c in names] == [
        ("(1)", "理事会"), ("(2)", "評議員会"), ("(1)", "表彰対象者の選出準備"),
        ("(2)", "会場の予約手続き"), ("(1)", "各媒体を活用した広報"), ("(2)", "講習会の開催"),
    ]


def test_continuous_numbering_runs_across_items_and_skips_unnumbered_entries():
    unit = sample_unit()
    names = [c for r in unit.initiatives[1].rows for c in r.cells if c.kind == "name"]
    assert [c.number for c in names] == ["(1)", "", "(2)"]


def test_merged_cells_span_the_rows_they_cover():
    rows = sample_unit().initiatives[0].rows
    # 20周年記念式典の準備: two entries share one 目標値 cell
    first, second = rows[2], rows[3]
    target = next(c for c in first.cells if c.kind == "target")
    assert (target.lines, target.rowspan) == (("随時実施",), 2)
    assert not [c for c in second.cells if c.kind == "target"]
    # an entry with no 内容 lets its name cover the 内容 column
    assert [c.colspan for c in first.cells if c.kind == "name"] == [2]
    # 広報: the item cell spans every row of its entries, including sub-rows
    item = next(c for c in rows[4].cells if c.kind == "item")
    assert (item.lines, item.rowspan) == (("広報",), 4)


def test_unit_banner_and_commissioned_suffix():
    unit = sample_unit("kenri")
    assert unit.banner == "【権利擁護係：あんしん事業（東社協からの受託事業）】"
    assert sample_unit().initiatives[1].heading == "２．要介護認定調査事業（西東京市からの受託事業）"


def test_era_label_can_be_overridden(tmp_path: Path):
    import shutil

    target = tmp_path / "p"
    shutil.copytree(SAMPLE, target)
    year_file = target / "2020" / "year.yaml"
    year_file.write_text(year_file.read_text(encoding="utf-8") + "era_label: 平成32年度\n",
                         encoding="utf-8")
    assert year_view(load_plans(target).years[0]).era == "平成32年度"


def _group(*entries: dict[str, object]) -> dict[str, object]:
    return {"department": "d", "section": "s", "initiatives": [
        {"title": "t", "table": [{"item": "i", "entries": list(entries)}]}]}


def test_an_entry_left_without_cells_is_refused():
    """What deleting the first entry of a merged cell leaves: the merged text would vanish."""
    merged = _group({"name": "a", "target": {"text": "随時実施", "span": 2}}, {"name": "b"})
    Unit.model_validate(merged)
    with pytest.raises(ValidationError) as caught:
        Unit.model_validate(_group({"name": "b"}, {"name": "c", "target": "1回"}))
    error = caught.value.errors()[0]
    assert (error["type"], error["ctx"]) == ("entry_empty", {"entry": 1})


def test_an_entry_blank_on_purpose_says_so():
    unit = Unit.model_validate(_group({"name": "b", "target": None}))
    assert unit.initiatives[0].table[0].entries[0].target is None


@pytest.mark.parametrize("year", ["2020.0", "2_020", "２０２０", " 2020", "+2020"])
def test_a_fiscal_year_is_plain_digits(year: str):
    from jigyo.model import YearFile

    with pytest.raises(ValidationError) as caught:
        YearFile.model_validate({"fiscal_year": year, "organization": "o",
                                 "departments": [{"name": "d"}]})
    assert caught.value.errors()[0]["type"] == "int_parsing"


def test_flat_table_repeats_a_merged_target_as_ditto_and_an_item_once():
    flat = sample_unit().initiatives[0].flat
    items = [row.item.lines if row.item else () for row in flat]
    assert items[2:4] == [("20周年記念式典の準備",), ()]
    targets = [row.target.lines if row.target else () for row in flat]
    assert targets[2:4] == [("随時実施",), ("〃",)]
    assert len(flat) == len(sample_unit().initiatives[0].rows)


def test_the_default_labels_are_the_councils_words():
    labels = Labels()
    assert labels.columns() == ("項目", "内容", "目標値")
    assert (labels.unit_policy, labels.policy, labels.draft) == ("係の方針", "方針", "（案）")
    assert labels.commissioned("西東京市") == "（西東京市からの受託事業）"
    assert labels.commissioned(None) == ""
    ini = sample_unit().initiatives[0]
    assert ini.caption == "１．組織運営の取り組みの項目・内容・目標値"
    year = year_view(load_plans(SAMPLE).years[0])
    assert (year.heading, year.site_title) == ("令和２年度　事業計画", "テスト市社会福祉協議会 事業計画")
    assert year.department_header("総務課") == "令和２年度　総務課　事業計画"
