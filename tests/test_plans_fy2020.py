"""The FY2020 plan as transcribed from the printed 令和２年度 事業計画.

The figures below were read from the printed plan, not from the data: the
number of 取り組み per unit, the number of entries per 取り組み, and the 目標値
of distinctive rows. A deleted or misplaced entry makes these tests fail.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from jigyo.layout import year_view
from jigyo.loader import LoadedYear, load_plans
from jigyo.model import Entry, Spanning

from .conftest import REAL

PINS = Path(__file__).parent / "data" / "fy2020-pins.tsv"

UNIT_ORDER = [
    ("総務課", "houjin-unei", "法人運営係"),
    ("福祉活動推進課", "soudan-coordinator", "相談支援係：地域福祉コーディネーター事業（西東京市からの受託事業）"),
    ("福祉活動推進課", "soudan-konkyuu", "相談支援係：生活困窮者自立相談支援事業（西東京市からの受託事業）"),
    ("福祉活動推進課", "fureai-machizukuri", "地域福祉推進係：ふれあいのまちづくり事業"),
    ("福祉活動推進課", "seikatsu-shien-taisei", "地域福祉推進係：生活支援体制整備事業（西東京市からの受託事業）"),
    ("福祉活動推進課", "hinansha-koritsu", "地域福祉推進係：避難者の孤立化防止事業"),
    ("福祉活動推進課", "koureisha-chiiki", "地域福祉推進係：高齢者地域福祉事業（西東京市からの受託事業）"),
    ("福祉活動推進課", "volunteer-center", "地域福祉推進係：ボランティア・市民活動センター事業"),
    ("福祉活動推進課", "shimin-kyoudou", "地域福祉推進係：市民協働推進センター事業（西東京市からの受託事業）"),
    ("福祉支援課", "kenri-yougo", "権利擁護係"),
    ("福祉支援課", "service-teikyou", "サービス提供係"),
]


@pytest.fixture(scope="module")
def year() -> LoadedYear:
    loaded = load_plans(REAL, [2020])
    return loaded.years[0]


def pins(kind: str) -> list[list[str]]:
    with PINS.open(encoding="utf-8") as f:
        return [row[1:] for row in csv.reader(f, delimiter="\t") if row and row[0] == kind]


def test_units_are_listed_under_their_department_in_the_printed_order(year: LoadedYear):
    view = year_view(year)
    assert [(u.department, u.slug, u.label) for u in view.units] == UNIT_ORDER
    assert view.era == "令和２年度"
    assert view.organization == "西東京市社会福祉協議会"


@pytest.mark.parametrize("slug", [slug for _, slug, _ in UNIT_ORDER])
def test_unit_shape(year: LoadedYear, slug: str):
    unit = next(u.unit for u in year.units if u.slug == slug)
    expected = [(title, int(count)) for s, title, count in pins("shape") if s == slug]
    actual = [(i.title, sum(len(g.entries) for g in i.table)) for i in unit.initiatives]
    assert actual == expected


def _first_line(cell: object) -> str | None:
    if isinstance(cell, Spanning):
        cell = cell.text
    if isinstance(cell, list):
        return cell[0]
    return cell if isinstance(cell, str) else None


def _targets(entries: list[Entry], text: str) -> list[str]:
    """目標値 of the row called `text` (by entry name, 内容 or sub-row 内容)."""
    found: list[str] = []
    spanned: tuple[str, int] | None = None
    for entry in entries:
        target = _first_line(entry.target)
        if isinstance(entry.target, Spanning):
            spanned = (target or "", entry.target.span)
        elif entry.target is None and spanned and spanned[1] > 1:
            target = spanned[0]
            spanned = (spanned[0], spanned[1] - 1)
        if text in (entry.name, _first_line(entry.content)) and target is not None:
            found.append(target)
        for row in entry.rows or []:
            if text == _first_line(row.content) or (text == entry.name and row is entry.rows[0]):
                found.append(_first_line(row.target) or "")
    return found


@pytest.mark.parametrize("pin", pins("target"), ids=lambda p: f"{p[0]}-{p[2]}")
def test_entry_carries_its_target(year: LoadedYear, pin: list[str]):
    slug, title, text, target = pin
    unit = next(u.unit for u in year.units if u.slug == slug)
    initiative = next(i for i in unit.initiatives if i.title == title)
    entries = [e for g in initiative.table for e in g.entries]
    assert target in _targets(entries, text)


def test_well_known_rows():
    """Rows quoted when the plan is discussed: their targets must never drift."""
    year = load_plans(REAL, [2020]).years[0]
    text = (REAL / "2020" / "soudan-coordinator.yaml").read_text(encoding="utf-8")
    assert "住民懇談会の開催" in text and "220回" in text
    houjin = next(u.unit for u in year.units if u.slug == "houjin-unei")
    entries = [e for i in houjin.initiatives for g in i.table for e in g.entries]
    assert _targets(entries, "衛生委員会の開催") == ["12回"]


def test_no_numbering_is_typed_in_the_data():
    import re

    typed = re.compile(r"^\s*-?\s*(name|title|item|content):\s*[\"']?(\(\d+\)|[０-９0-9]+[．.]|・)")
    for path in sorted((REAL / "2020").glob("*.yaml")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            assert not typed.match(line), f"{path.name}:{number}: {line.strip()}"
