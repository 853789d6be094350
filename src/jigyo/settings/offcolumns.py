"""Values written in a column the settings switch off: named, never dropped silently."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from ..problems import Problem, problem

if TYPE_CHECKING:
    from ..layout.labels import Labels
    from ..model import Unit
    from ..yamlread import Document


def off_column_values(units: Mapping[str, tuple[Document, Unit]],
                      labels: Labels) -> Iterator[Problem]:
    """Each 目標値 a unit writes while `columns.target: none` leaves the table without one."""
    if labels.target_column:
        return
    for slug in sorted(units):
        doc, unit = units[slug]
        for i, ini in enumerate(unit.initiatives):
            for g, group in enumerate(ini.table):
                for e, entry in enumerate(group.entries):
                    at = ("initiatives", i, "table", g, "entries", e)
                    places: list[tuple[str | int, ...]] = [at] if entry.target is not None else []
                    places += [(*at, "rows", r) for r, row in enumerate(entry.rows or ())
                               if row.target is not None]
                    for place in places:
                        yield problem(doc.path, *doc.position((*place, "target"), key=True),
                                      "target_column_off", column=labels.target)
