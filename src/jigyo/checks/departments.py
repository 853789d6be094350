"""Rules on the year file's departments and the order of units they list."""

from __future__ import annotations

from collections.abc import Iterator

from ..problems import Problem, problem
from . import YearContext, rule


@rule("duplicate-department")
def duplicate_department(year: YearContext) -> Iterator[Problem]:
    """A 課 listed twice would print twice."""
    if year.meta is None or year.year_doc is None:
        return
    seen: set[str] = set()
    for i, dept in enumerate(year.meta.departments):
        if dept.name in seen:
            yield problem(year.year_doc.path, *year.year_doc.position(("departments", i, "name")),
                          "duplicate_department", name=dept.name)
        seen.add(dept.name)


@rule("listed-units")
def listed_units(year: YearContext) -> Iterator[Problem]:
    """Every unit in a department's order exists, once, and belongs to that 課."""
    if year.meta is None or year.year_doc is None:
        return
    listed: set[str] = set()
    for i, dept in enumerate(year.meta.departments):
        for j, slug in enumerate(dept.units):
            where = year.year_doc.position(("departments", i, "units", j))
            if slug in listed:
                yield problem(year.year_doc.path, *where, "unit_listed_twice", name=slug)
            listed.add(slug)
            if slug not in year.on_disk:
                yield problem(year.year_doc.path, *where, "unknown_unit", name=slug)
            elif slug in year.units and year.units[slug][1].department != dept.name:
                yield problem(year.year_doc.path, *where, "unit_in_wrong_department",
                              name=slug, listed=dept.name,
                              actual=year.units[slug][1].department)
