"""The report as JSON: the language-neutral records as they are, for other tools."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..records import KINDS, Change, DiffReport
from .options import Options


def _change(change: Change) -> dict[str, Any]:
    return {
        "kind": change.kind,
        "level": change.level,
        "field": change.field,
        "unit": change.unit,
        "path": list(change.path),
        "row": change.row,
        "old": change.old,
        "new": change.new,
        "delta": change.delta,
        "from": list(change.moved_from) or None,
        "to": list(change.moved_to) or None,
    }


def report_data(report: DiffReport) -> dict[str, Any]:
    return {
        "old": report.old_label,
        "new": report.new_label,
        "old_year": report.old_year,
        "new_year": report.new_year,
        "changed": report.changed,
        "ignore_order": report.ignore_order,
        "summary": {
            "changes": len(report.changes),
            "units": [
                {"slug": u.slug, "label": u.label, "status": u.status,
                 "counts": {k: u.count(k) for k in KINDS}}
                for u in report.changed_units
            ],
            "targets": [_change(c) for c in report.targets],
        },
        "changes": [_change(c) for c in report.changes],
    }


def render(reports: Sequence[DiffReport], options: Options) -> str:
    data = {"changed": any(r.changed for r in reports),
            "comparisons": [report_data(r) for r in reports]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
