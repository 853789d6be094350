"""The 事業報告 (or 進行管理表) as every output shows it: plan and result side by side.

Built from the views and the matched results only; templates read these
attributes. A report is either the year's (the result fields) or the
interim one (the 上半期 fields), chosen by `interim`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ..layout import UnitView, YearView
from ..model import Lines
from .labels import REPORT_LABELS, ReportLabels
from .loader import EntryResult, YearResults
from .quantity import rate
from .summary import Summary, summarize


def lines(value: Lines | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def percent(value: Decimal) -> str:
    """A ratio as a whole percentage, rounded half up: 0.857 → 86."""
    return str((value * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class ReportEntry:
    """One 事項: its plan cells and its result cells."""

    number: str
    label: str
    path: str
    anchor: str
    """The entry's anchor on the plan's unit page (and on the report page)."""
    item: str | None
    content: tuple[str, ...]
    targets: tuple[str, ...]
    result: tuple[str, ...]
    status: str
    """The 達成状況, or the word 未記入."""
    filled: bool
    rate: Decimal | None
    done: tuple[str, ...]
    issues: tuple[str, ...]
    next: tuple[str, ...]
    rate_text: str = ""
    """The 達成率 as printed (e.g. 86%), empty without one."""


@dataclass(frozen=True)
class ReportInitiative:
    heading: str
    anchor: str
    entries: tuple[ReportEntry, ...]


@dataclass(frozen=True)
class ReportUnit:
    slug: str
    label: str
    department: str
    initiatives: tuple[ReportInitiative, ...]


@dataclass(frozen=True)
class Report:
    year: YearView
    interim: bool
    title: str
    heading: str
    units: tuple[ReportUnit, ...]
    summary: Summary
    labels: ReportLabels = REPORT_LABELS

    @property
    def page(self) -> str:
        """The report's file stem: report (事業報告) or interim (進行管理表)."""
        return "interim" if self.interim else "report"


def _entry(each: EntryResult, interim: bool, labels: ReportLabels) -> ReportEntry:
    plan, got = each.plan, each.result
    entry = plan.entry
    content = (tuple(line for row in entry.rows for line in row.content.lines)
               if entry.rows is not None else entry.content.lines if entry.content else ())
    if interim:
        part = got.interim if got is not None else None
        result = lines(part.result) if part else ()
        status = part.status if part and part.status else None
        done = lines(part.done) if part else ()
        issues: tuple[str, ...] = ()
        upcoming: tuple[str, ...] = ()
        filled = part is not None and any(v is not None for v in (part.result, part.status,
                                                                  part.done))
    else:
        result = lines(got.result) if got else ()
        status = got.status if got else None
        done, issues, upcoming = ((lines(got.done), lines(got.issues), lines(got.next))
                                  if got else ((), (), ()))
        filled = each.filled
    achieved = rate(plan.targets, result)
    return ReportEntry(
        number=entry.number, label=plan.label[len(entry.number):], path=plan.path,
        anchor=entry.anchor, item=plan.group.item, content=content,
        targets=(plan.unit.labels.ditto,) if plan.covered else plan.targets,
        result=result, status=status or labels.missing, filled=filled,
        rate=achieved, done=done, issues=issues, next=upcoming,
        rate_text="" if achieved is None else labels.rate_form.format(percent=percent(achieved)))


def _unit(unit: UnitView, results: tuple[EntryResult, ...], interim: bool,
          labels: ReportLabels) -> ReportUnit:
    initiatives: list[ReportInitiative] = []
    for ini in unit.initiatives:
        mine = tuple(_entry(e, interim, labels) for e in results
                     if e.plan.initiative is ini)
        initiatives.append(ReportInitiative(ini.numbered_title, ini.anchor, mine))
    return ReportUnit(unit.slug, unit.label, unit.department, tuple(initiatives))


def build_report(results: YearResults, interim: bool = False) -> Report:
    """The 事業報告 of a year (or its 進行管理表 with `interim`)."""
    year = results.year
    labels = results.settings.labels()
    units = tuple(_unit(u.unit, u.entries, interim, labels) for u in results.units)
    title = labels.interim_report if interim else labels.report
    heading = labels.report_heading_form.format(era=year.era, title=title)
    return Report(year, interim, title, heading, units,
                  summarize(units, results.settings.statuses, labels), labels)
