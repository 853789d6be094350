"""The results columns of the plan's CSV: 実績, 達成状況, 達成率, … when a year has results.

They are appended through :func:`jigyo.renderers.tabular.table`'s `extra`, so
a year without results keeps exactly the plan's columns. A result belongs to
a 事項; on an entry with several rows it is repeated on each (no blank-as-ditto
cells). The 上半期 columns join only when the year has interim values.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..results.report import Report, ReportEntry, percent
from .tabular import Column, Place

Lookup = dict[tuple[str, str], ReportEntry]


def _lookup(report: Report) -> Lookup:
    return {(unit.slug, entry.anchor): entry for unit in report.units
            for ini in unit.initiatives for entry in ini.entries}


def _field(found: Lookup, read: Callable[[ReportEntry], str]) -> Callable[[Place], str]:
    def value(place: Place) -> str:
        entry = found.get((place.unit.slug, place.entry.anchor))
        return read(entry) if entry is not None else ""

    return value


def _status(entry: ReportEntry) -> str:
    return entry.status if entry.filled else ""


def _rate(entry: ReportEntry) -> str:
    return "" if entry.rate is None else percent(entry.rate)


def _columns(report: Report, prefix: str, fields: Sequence[str]) -> list[Column]:
    found = _lookup(report)
    words = report.labels
    title = f"{prefix}の" if prefix else ""
    name = f"{prefix}_" if prefix else ""
    every = {
        "result": Column(f"{name}{words.result}", f"{title}{words.result}",
                         f"{title}{words.result}（記載どおり。複数行は改行で区切る）。", "string",
                         _field(found, lambda e: "\n".join(e.result))),
        "status": Column(f"{name}{words.status}", f"{title}{words.status}",
                         f"{title}{words.status}（未記入は空）。", "string",
                         _field(found, _status)),
        "rate": Column(f"{name}{words.rate}", f"{title}{words.rate}（%）",
                       f"{words.result} ÷ 目標値 の百分率（整数に四捨五入）。数値の目標値と同じ単位の"
                       f"{words.result}があるときだけ。", "integer", _field(found, _rate)),
        "done": Column(f"{name}{words.done}", f"{title}{words.done}",
                       f"{title}{words.done}。", "string",
                       _field(found, lambda e: "\n".join(e.done))),
        "issues": Column(words.issues, words.issues, f"{words.issues}。", "string",
                         _field(found, lambda e: "\n".join(e.issues))),
        "next": Column(words.next, words.next, f"{words.next}。", "string",
                       _field(found, lambda e: "\n".join(e.next))),
    }
    return [every[f] for f in fields]


def results_columns(reports: Sequence[Report], year: int) -> tuple[Column, ...]:
    """The results columns of one year's CSV (none when the year has no results)."""
    mine = [r for r in reports if r.year.year == year]
    columns: list[Column] = []
    for report in mine:
        if report.interim:
            columns += _columns(report, report.labels.interim,
                                ("result", "status", "rate", "done"))
        else:
            columns = _columns(report, "", ("result", "status", "rate", "done", "issues",
                                            "next")) + columns
    return tuple(columns)
