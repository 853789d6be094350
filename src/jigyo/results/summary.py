"""The summary of a report: counts by 達成状況 and the 達成率, per unit and per 取り組み."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from .labels import REPORT_LABELS, ReportLabels

if TYPE_CHECKING:
    from .report import ReportEntry, ReportUnit


@dataclass(frozen=True)
class Tally:
    """The counts of one unit or 取り組み (or of the whole year)."""

    label: str
    href: str
    counts: tuple[int, ...]
    """One count per word of the vocabulary, then 未記入."""
    rates: tuple[Decimal, ...]
    """The 達成率 of its entries that have one."""
    level: int = 0
    """0: the year, 1: a unit, 2: a 取り組み."""
    labels: ReportLabels = field(default=REPORT_LABELS, repr=False, compare=False)

    @property
    def total(self) -> int:
        return sum(self.counts)

    @property
    def rate(self) -> Decimal | None:
        """The mean 達成率 of the entries that have one."""
        return sum(self.rates, Decimal(0)) / len(self.rates) if self.rates else None

    @property
    def rate_text(self) -> str:
        from .report import percent

        return "" if self.rate is None else self.labels.rate_count_form.format(
            percent=percent(self.rate), n=len(self.rates))


@dataclass(frozen=True)
class Summary:
    statuses: tuple[str, ...]
    """The vocabulary, then 未記入: the columns of the table and the chart."""
    year: Tally
    rows: tuple[Tally, ...]
    """Each unit followed by its 取り組み."""
    labels: ReportLabels = field(default=REPORT_LABELS, repr=False, compare=False)

    @property
    def units(self) -> tuple[Tally, ...]:
        return tuple(r for r in self.rows if r.level == 1)


def _tally(label: str, href: str, entries: Iterable[ReportEntry], columns: Sequence[str],
           level: int, labels: ReportLabels) -> Tally:
    counts = [0] * len(columns)
    rates: list[Decimal] = []
    for entry in entries:
        counts[columns.index(entry.status) if entry.filled and entry.status in columns
               else len(columns) - 1] += 1
        if entry.rate is not None:
            rates.append(entry.rate)
    return Tally(label, href, tuple(counts), tuple(rates), level, labels)


def summarize(units: Sequence[ReportUnit], vocabulary: Sequence[str],
              labels: ReportLabels) -> Summary:
    columns = (*vocabulary, labels.missing)
    rows: list[Tally] = []
    every: list[ReportEntry] = []
    for unit in units:
        mine = [e for ini in unit.initiatives for e in ini.entries]
        every += mine
        rows.append(_tally(unit.label, f"#u-{unit.slug}", mine, columns, 1, labels))
        for ini in unit.initiatives:
            rows.append(_tally(ini.heading, f"#u-{unit.slug}-{ini.anchor}", ini.entries,
                               columns, 2, labels))
    return Summary(tuple(columns), _tally(labels.total, "", every, columns, 0, labels),
                   tuple(rows), labels)
