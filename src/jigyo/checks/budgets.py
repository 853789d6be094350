"""Rules on the typed fields across files: the budget total and the goals referred to."""

from __future__ import annotations

from collections.abc import Iterator

from ..problems import Problem, problem
from . import YearContext, rule


@rule("budget-total")
def budget_total(year: YearContext) -> Iterator[Problem]:
    """A `budget_total` in year.yaml must be the sum of the 取り組み's budgets in its unit.

    A budget in another unit (円 beside 千円) cannot be added up: it is named.
    """
    if year.meta is None or year.year_doc is None or year.meta.budget_total is None:
        return
    total = year.meta.budget_total
    where = year.year_doc.position(("budget_total", "amount"))
    found = 0
    for doc, unit in (year.units[slug] for slug in sorted(year.units)):
        for i, ini in enumerate(unit.initiatives):
            if ini.budget is None:
                continue
            if ini.budget.unit != total.unit:
                yield problem(doc.path, *doc.position(("initiatives", i, "budget", "unit")),
                              "budget_other_unit", unit=ini.budget.unit, total_unit=total.unit)
                continue
            found += ini.budget.amount
    if found != total.amount:
        yield problem(year.year_doc.path, *where, "budget_total_mismatch",
                      total=f"{total.amount:,}{total.unit}", found=f"{found:,}{total.unit}")


@rule("known-goal")
def known_goal(year: YearContext) -> Iterator[Problem]:
    """A 取り組み's goal must be one of the goals declared in year.yaml."""
    if year.meta is None:
        return
    declared = {goal.id for goal in year.meta.goals}
    for doc, unit in (year.units[slug] for slug in sorted(year.units)):
        for i, ini in enumerate(unit.initiatives):
            for j, goal in enumerate(ini.goals):
                if goal not in declared:
                    yield problem(doc.path, *doc.position(("initiatives", i, "goals", j)),
                                  "unknown_goal", goal=goal,
                                  declared="、".join(sorted(declared)) or "（なし）")
