"""The target parser on every 目標値 of the FY2020 plan, and the 達成率 it allows."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from jigyo.layout import year_view
from jigyo.loader import load_plans
from jigyo.results.keys import plan_entries
from jigyo.results.quantity import describe, parse, rate

from .conftest import REAL, ROOT

TABLE = ROOT / "tests" / "data" / "fy2020-targets.tsv"


def _expected() -> dict[str, str]:
    rows = [line.split("\t") for line in TABLE.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    return {target: parsed for target, parsed in rows}


def _targets() -> list[str]:
    view = year_view(load_plans(Path(REAL), [2020]).years[0])
    return [t for unit in view.units for e in plan_entries(unit) for t in e.targets]


def test_every_fy2020_target_is_in_the_table_and_read_as_it_says():
    expected = _expected()
    targets = _targets()
    assert sorted(set(targets)) == sorted(expected)
    for target in targets:
        found = parse(target)
        assert (describe(found) if found else "TEXT") == expected[target], target


def test_fy2020_figures():
    """The closing note's figures: how many 目標値 lines are read as numbers."""
    targets = _targets()
    read = [t for t in targets if parse(t) is not None]
    assert (len(targets), len(read)) == (344, 228)
    assert (len(set(targets)), len(set(read))) == (151, 115)


@pytest.mark.parametrize(("text", "value", "unit", "per", "qualifier"), [
    ("7回予定", "7", "回", None, "予定"),
    ("2,100件程度", "2100", "件", None, "程度"),
    ("40,000件/年", "40000", "件", "年", ""),
    ("年2回", "2", "回", "年", ""),
    ("3000部", "3000", "部", None, ""),
    ("年間1235回を予定", "1235", "回", "年", "を予定"),
    ("170万円", "1700000", "円", None, ""),
])
def test_the_issue_examples(text: str, value: str, unit: str, per: str | None, qualifier: str):
    found = parse(text)
    assert found is not None
    assert (found.value, found.unit, found.per, found.qualifier) == (
        Decimal(value), unit, per, qualifier)


@pytest.mark.parametrize("text", ["段階的に作成", "随時実施", "臨機に受付", "保谷4団体",
                                  "30万円/100カ所", "11項目中8項目を作成", "4月～"])
def test_words_are_not_numbers(text: str):
    assert parse(text) is None


def test_rate_is_result_over_target_in_the_same_unit():
    assert rate(("7回予定",), ("6回",)) == Decimal(6) / Decimal(7)
    assert rate(("年2回",), ("2回",)) == 1
    assert rate(("3000部",), ("2,700部",)) == Decimal("0.9")
    assert rate(("1～2校",), ("2校",)) == 2


def test_no_rate_across_units_or_for_words():
    assert rate(("7回予定",), ("7人",)) is None
    assert rate(("段階的に作成",), ("作成した",)) is None
    assert rate(("40,000件/年",), ("3,000件/月",)) is None
    assert rate(("7回",), ()) is None
