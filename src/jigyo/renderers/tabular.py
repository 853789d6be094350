"""The plan as one flat table: a row per 事項 and per row of a multi-row entry.

The CSV, the workbook's data sheet and their data package read this one table,
so the column names, their order and their meaning are defined here once and
stay the same across years. Merged cells are written out (a 目標値 that covers
several entries is repeated on each), never left blank. The 事業報告 adds its
columns by passing more :class:`Column` s to :func:`table` (see `extra`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from ..layout import CellText, EntryView, GroupView, InitiativeView, UnitView, YearView
from ..targets import parse_target, plain_number

Kind = Literal["integer", "number", "string"]


@dataclass(frozen=True)
class Place:
    """Where one row of the table stands in the plan."""

    year: YearView
    unit: UnitView
    initiative_index: int
    initiative: InitiativeView
    group: GroupView
    entry: EntryView
    row: int
    content: CellText | None
    target: CellText | None


@dataclass(frozen=True)
class Column:
    """One column: its header (name), its Japanese title and description, its type."""

    name: str
    title: str
    description: str
    kind: Kind
    value: Callable[[Place], str]


def _half(text: str) -> str:
    """Digits as half-width (令和２年度 → 令和2年度): the rules want numbers machine-readable."""
    return "".join(unicodedata.normalize("NFKC", c) if c.isdigit() else c for c in text)


def _digits(text: str) -> str:
    return "".join(c for c in _half(text) if c.isdigit())


def _text(cell: CellText | None) -> str:
    return cell.text if cell is not None else ""


def _target_part(part: str) -> Callable[[Place], str]:
    def value(place: Place) -> str:
        quantity = parse_target(_text(place.target)) if place.target is not None else None
        if quantity is None:
            return ""
        if part == "value":
            return plain_number(quantity.value)
        if part == "upper":
            return plain_number(quantity.upper)
        return quantity.unit if part == "unit" else quantity.qualifier

    return value


COLUMNS: tuple[Column, ...] = (
    Column("年度", "年度（西暦）", "計画の会計年度を西暦で表した数（4月始まり）。", "integer",
           lambda p: str(p.year.year)),
    Column("和暦", "年度（和暦）", "計画の会計年度の和暦表記（令和2年度など）。", "string",
           lambda p: _half(p.year.era)),
    Column("組織", "組織名", "計画を定めた組織の名称。", "string",
           lambda p: p.year.organization),
    Column("課", "課", "事業を担当する課。", "string", lambda p: p.unit.department),
    Column("係", "係", "事業を担当する係。", "string", lambda p: p.unit.section),
    Column("事業", "事業名", "係の中の事業名（ない場合は空）。", "string",
           lambda p: p.unit.project or ""),
    Column("係の受託", "係の受託表記", "係の事業が受託事業である場合の表記（ない場合は空）。",
           "string", lambda p: p.unit.commissioned),
    Column("取り組み番号", "取り組みの番号", "係の中での取り組みの番号（1から）。", "integer",
           lambda p: str(p.initiative_index)),
    Column("取り組み", "取り組み", "取り組みの名称。", "string", lambda p: p.initiative.title),
    Column("取り組みの受託", "取り組みの受託表記",
           "取り組みが受託事業である場合の表記（ない場合は空）。", "string",
           lambda p: p.initiative.commissioned),
    Column("項目", "項目", "表の項目。結合されたセルの値はすべての行に繰り返す。", "string",
           lambda p: p.group.item or ""),
    Column("事項番号", "事項の番号", "印刷される事項の番号（(1) なら 1。番号のない事項は空）。",
           "integer", lambda p: _digits(p.entry.number)),
    Column("事項", "事項", "事項の名称（ない場合は空）。", "string",
           lambda p: p.entry.name or ""),
    Column("行", "事項の行", "複数の行に分かれた事項の何行目か（1から）。", "integer",
           lambda p: str(p.row)),
    Column("内容", "内容", "事項の内容。箇条書きは行頭に「・」を付け、改行で区切る。", "string",
           lambda p: _text(p.content)),
    Column("目標値", "目標値（記載どおり）",
           "計画に書かれたとおりの目標値。複数の事項にまたがる目標値は各行に繰り返す。", "string",
           lambda p: _text(p.target)),
    Column("目標値_数値", "目標値の数値",
           "目標値が一つの数量である場合のその数（範囲なら下限）。桁区切りなし。", "number",
           _target_part("value")),
    Column("目標値_上限", "目標値の上限", "目標値が範囲（2～3回など）である場合の上限。", "number",
           _target_part("upper")),
    Column("目標値_単位", "目標値の単位", "目標値の数量の単位（回、件、人など）。", "string",
           _target_part("unit")),
    Column("目標値_補足", "目標値の補足",
           "数量の前後に書かれた語句。「…」が数量の位置を示す（年間…を予定など）。", "string",
           _target_part("qualifier")),
    Column("備考", "備考", "事項の備考（ない場合は空）。", "string",
           lambda p: p.entry.note or ""),
    Column("事項ID", "事項のID", "計画ファイルで事項に付けた id（ない場合は空）。", "string",
           lambda p: p.entry.id or ""),
    Column("リンク", "ウェブサイト内の位置",
           "ウェブサイトの中でこの事項を示す位置（年度/係のページ#アンカー）。", "string",
           lambda p: f"{p.year.name}/{p.unit.slug}.html#{p.entry.anchor}"),
)
"""Every column of the plan's table, in the order written."""


def _entry_places(year: YearView, unit: UnitView, index: int, ini: InitiativeView,
                  group: GroupView, entry: EntryView,
                  carried: CellText | None) -> Iterator[Place]:
    if entry.rows is not None:
        for number, row in enumerate(entry.rows, 1):
            yield Place(year, unit, index, ini, group, entry, number, row.content, row.target)
        return
    target = entry.target if entry.target is not None else carried
    yield Place(year, unit, index, ini, group, entry, 1, entry.content, target)


def places(year: YearView) -> Iterator[Place]:
    """Every row of the year's table in print order, merged 目標値 repeated."""
    for unit in year.units:
        for index, ini in enumerate(unit.initiatives, 1):
            for group in ini.groups:
                carried: CellText | None = None
                left = 0
                for entry in group.entries:
                    if entry.target is not None:
                        carried, left = entry.target, entry.target.span
                    yield from _entry_places(year, unit, index, ini, group, entry,
                                             carried if left > 0 else None)
                    left -= 1


def _worded(year: YearView) -> tuple[Column, ...]:
    """COLUMNS with 項目, 内容 and 目標値 in the project's own words (Labels)."""
    item, content, target = year.labels.columns()
    words = {"項目": item, "内容": content, "目標値": target}
    if all(key == value for key, value in words.items()):
        return COLUMNS
    out: list[Column] = []
    for column in COLUMNS:
        head, _, tail = column.name.partition("_")
        if head in words:
            name = words[head] + (f"_{tail}" if tail else "")
            title = column.title.replace(head, words[head], 1)
            column = replace(column, name=name, title=title)
        out.append(column)
    return tuple(out)


def _extra_column(index: int, header: str, taken: set[str]) -> Column:
    """An extra column the project's settings add to the table (実施時期, 担当, …)."""

    def value(place: Place) -> str:
        lines = place.entry.extra[index] if index < len(place.entry.extra) else ()
        return "\n".join(lines)

    name = header if header not in taken else f"{header}（追加列）"
    taken.add(name)
    return Column(name, header, f"設定で加えた列「{header}」。", "string", value)


def table(year: YearView, extra: Sequence[Column] = ()) -> tuple[tuple[Column, ...],
                                                                  list[list[str]]]:
    """The columns and the rows (each a list of cell texts) of one year.

    After :data:`COLUMNS` come the extra columns of the project's settings, then `extra`.
    """
    worded = _worded(year)
    taken = {c.name for c in worded}
    settings = tuple(_extra_column(i, header, taken)
                     for i, header in enumerate(year.labels.headers()[3:]))
    columns = worded + settings + tuple(extra)
    return columns, [[c.value(p) for c in columns] for p in places(year)]
