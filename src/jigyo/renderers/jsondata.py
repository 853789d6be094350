"""The whole year as data: the plan, normalised, with the generated numbering."""

from __future__ import annotations

import json
from typing import Any

from ..layout import BlockView, UnitView, YearView, entry_numbers, lines
from ..model import BulletCell, Cell, Entry, Initiative, Spanning
from . import Files


def _blocks(blocks: tuple[BlockView, ...]) -> list[dict[str, Any]]:
    return [{"kind": b.kind, "items": [{"marker": m, "text": t} for m, t in b.items]}
            for b in blocks]


def _cell(cell: Cell | None) -> dict[str, Any] | None:
    if cell is None:
        return None
    if isinstance(cell, Spanning):
        return {"lines": lines(cell.text), "span": cell.span, "bullets": False}
    return {"lines": lines(cell), "span": 1, "bullets": isinstance(cell, BulletCell)}


def _entry(entry: Entry, number: str | None) -> dict[str, Any]:
    return {
        "id": entry.id,
        "number": number,
        "name": entry.name,
        "content": _cell(entry.content),
        "target": _cell(entry.target),
        "rows": None if entry.rows is None else [
            {"content": lines(r.content), "target": lines(r.target),
             "bullets": isinstance(r.content, BulletCell)}
            for r in entry.rows
        ],
        "note": entry.note,
    }


def _table(initiative: Initiative) -> list[dict[str, Any]]:
    return [
        {
            "id": group.id,
            "item": group.item,
            "entries": [_entry(e, n or None) for e, n in zip(group.entries, numbers, strict=True)],
        }
        for group, numbers in zip(initiative.table, entry_numbers(initiative), strict=True)
    ]


def _unit(view: UnitView, initiatives: list[Initiative]) -> dict[str, Any]:
    return {
        "slug": view.slug,
        "department": view.department,
        "section": view.section,
        "project": view.project,
        "label": view.label,
        "policy": _blocks(view.policy),
        "note": view.note,
        "initiatives": [
            {
                "id": model_ini.id,
                "number": ini.number,
                "title": ini.title,
                "commissioned": ini.commissioned,
                "anchor": ini.anchor,
                "policy": _blocks(ini.policy),
                "table": _table(model_ini),
                "note": ini.note,
            }
            for ini, model_ini in zip(view.initiatives, initiatives, strict=True)
        ],
    }


def year_data(view: YearView) -> dict[str, Any]:
    models = {u.slug: u.unit for u in view.source.units}
    return {
        "fiscal_year": view.year,
        "era": view.era,
        "organization": view.organization,
        "title": view.title,
        "departments": [
            {"name": d.name, "units": [_unit(u, models[u.slug].initiatives) for u in d.units]}
            for d in view.departments
        ],
    }


def render_json(years: list[YearView]) -> Files:
    return {
        f"{view.year}.json": (json.dumps(year_data(view), ensure_ascii=False, indent=2) + "\n")
        .encode()
        for view in years
    }
