"""The whole year as data: the plan, normalised, with the generated numbering.

Read from the views only (never the model), so the data carries exactly the
numbers, labels and anchors every other output shows.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..layout import BlockView, CellText, EntryView, InitiativeView, UnitView, YearView
from . import Collected, Files, FileSink


def _blocks(blocks: tuple[BlockView, ...]) -> list[dict[str, Any]]:
    return [{"kind": b.kind, "items": [{"marker": m, "text": t} for m, t in b.items]}
            for b in blocks]


def _cell(cell: CellText | None) -> dict[str, Any] | None:
    if cell is None:
        return None
    return {"lines": list(cell.lines), "span": cell.span, "bullets": cell.bullets}


def _entry(entry: EntryView) -> dict[str, Any]:
    data = _entry_core(entry)
    if entry.extra:  # the extra columns, only in a plan whose settings declare them
        data["extra"] = [list(lines) for lines in entry.extra]
    return data


def _entry_core(entry: EntryView) -> dict[str, Any]:
    return {
        "id": entry.id,
        "number": entry.number or None,
        "name": entry.name,
        "content": _cell(entry.content),
        "target": _cell(entry.target),
        "rows": None if entry.rows is None else [
            {"content": list(r.content.lines), "target": list(r.target.lines),
             "bullets": r.content.bullets}
            for r in entry.rows
        ],
        "note": entry.note,
    }


def _initiative(ini: InitiativeView) -> dict[str, Any]:
    data = _initiative_core(ini)
    if ini.facts:  # typed fields, only where written (older plans keep their exact data)
        data["facts"] = [{"label": label, "value": value} for label, value in ini.facts]
    if ini.goals:
        data["goals"] = list(ini.goals)
    return data


def _initiative_core(ini: InitiativeView) -> dict[str, Any]:
    return {
        "id": ini.id,
        "number": ini.number,
        "title": ini.title,
        "commissioned": ini.commissioned,
        "anchor": ini.anchor,
        "policy": _blocks(ini.policy),
        "table": [{"id": g.id, "item": g.item, "entries": [_entry(e) for e in g.entries]}
                  for g in ini.groups],
        "note": ini.note,
    }


def _unit(view: UnitView) -> dict[str, Any]:
    return {
        "slug": view.slug,
        "department": view.department,
        "section": view.section,
        "project": view.project,
        "label": view.label,
        "policy": _blocks(view.policy),
        "note": view.note,
        "initiatives": [_initiative(ini) for ini in view.initiatives],
    }


def year_data(view: YearView) -> dict[str, Any]:
    data = _year_core(view)
    if view.basic_policy:  # year-level fields, only where written
        data["basic_policy"] = _blocks(view.basic_policy)
    if view.priorities:
        data["priorities"] = list(view.priorities)
    if view.goals:
        data["goals"] = [{"id": g.id, "title": g.title,
                          "serving": [{"unit": s.slug, "anchor": s.anchor} for s in g.serving]}
                         for g in view.goals]
    if view.budget_total:
        data["budget_total"] = view.budget_total
    return data


def _year_core(view: YearView) -> dict[str, Any]:
    return {
        "fiscal_year": view.year,
        "era": view.era,
        "organization": view.organization,
        "title": view.title,
        "draft": view.draft,
        "approved": view.approved,
        "published": view.published,
        "contact": list(view.contact),
        "departments": [
            {"name": d.name, "units": [_unit(u) for u in d.units]}
            for d in view.departments
        ],
    }


def render_json(years: list[YearView]) -> Files:
    files = Collected()
    write_json(years, files)
    return files


_ENCODER = json.JSONEncoder(ensure_ascii=False, indent=2)


def _pieces(data: dict[str, Any], size: int = 8192) -> Iterator[str]:
    """The year as `json.dumps(data, ensure_ascii=False, indent=2)` wrote it, in pieces
    of `size` tokens (a token at a time would cost a file write each)."""
    batch: list[str] = []
    for token in _ENCODER.iterencode(data):
        batch.append(token)
        if len(batch) == size:
            yield "".join(batch)
            batch.clear()
    yield "".join(batch) + "\n"


def write_json(years: list[YearView], files: FileSink) -> None:
    """Each year's file written as it is encoded: a large year is never held as one text."""
    for view in years:
        files.stream(f"{view.name}.json", _pieces(year_data(view)))
