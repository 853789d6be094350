"""The year's JSON with its results merged in: each entry gains `result`, the year `results`.

Entries are walked in the order the plan data lists them, which is the
order :func:`jigyo.results.keys.plan_entries` gives, so each gets its own.
"""

from __future__ import annotations

import json
from typing import Any

from ..results.report import Report, ReportEntry, percent
from ..results.summary import Tally
from . import Files
from .jsondata import year_data


def _result(entry: ReportEntry) -> dict[str, Any]:
    return {
        "path": entry.path,
        "filled": entry.filled,
        "result": list(entry.result),
        "status": entry.status if entry.filled else None,
        "rate": None if entry.rate is None else float(round(entry.rate, 4)),
        "done": list(entry.done),
        "issues": list(entry.issues),
        "next": list(entry.next),
    }


def _tally(tally: Tally, statuses: tuple[str, ...]) -> dict[str, Any]:
    return {"label": tally.label, "level": tally.level,
            "counts": dict(zip(statuses, tally.counts, strict=True)), "total": tally.total,
            "rate": None if tally.rate is None else int(percent(tally.rate)) / 100,
            "rated": len(tally.rates)}


def _summary(report: Report) -> dict[str, Any]:
    s = report.summary
    return {"title": report.title, "statuses": list(s.statuses),
            "year": _tally(s.year, s.statuses), "rows": [_tally(t, s.statuses) for t in s.rows]}


def merged_year(report: Report, interim: Report | None) -> dict[str, Any]:
    data = year_data(report.year)
    by_unit = {u.slug: u for u in report.units}
    by_unit_interim = {u.slug: u for u in interim.units} if interim else {}
    for dept in data["departments"]:
        for unit in dept["units"]:
            done = [e for ini in by_unit[unit["slug"]].initiatives for e in ini.entries]
            half = ([e for ini in by_unit_interim[unit["slug"]].initiatives for e in ini.entries]
                    if interim else [])
            plan = [e for ini in unit["initiatives"] for g in ini["table"] for e in g["entries"]]
            for index, entry in enumerate(plan):
                entry["result"] = _result(done[index])
                if half:
                    entry["interim"] = _result(half[index])
    data["results"] = {"report": _summary(report),
                       "interim": _summary(interim) if interim else None}
    return data


def render_report_json(reports: list[Report]) -> Files:
    """`<year>.json` with results merged in (replaces the plan-only file of that year)."""
    files: Files = {}
    finals = {r.year.name: r for r in reports if not r.interim}
    interims = {r.year.name: r for r in reports if r.interim}
    for year, report in finals.items():
        data = merged_year(report, interims.get(year))
        files[f"{year}.json"] = (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode()
    return files
