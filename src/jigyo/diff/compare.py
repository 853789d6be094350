"""The differ's entry points: two years (views) in, a :class:`DiffReport` out.

Year-file fields (printed era, 法人名, 表題, （案）, 承認, 発行日, 連絡先) and
the order of the 課 and of the units in each 課 are compared here; the
units themselves by :func:`jigyo.diff.walk.walk`.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..layout import YearView, era_label
from .classify import Context, field_change, out_of_order
from .records import Change, DiffReport, Status, UnitDiff
from .tree import UnitNode, build, match
from .walk import changes_of, lines_of, walk

YEAR = Context("")
"""Changes of the year file belong to no unit."""


def _era(view: YearView, other: YearView) -> str:
    """The printed era where it says something the fiscal year does not (an override)."""
    if view.year == other.year or view.era != era_label(view.year):
        return view.era
    return ""


def _year_fields(old: YearView, new: YearView) -> tuple[tuple[str, str, str], ...]:
    """The year-level typed fields, each as printed text on both sides."""
    def policy(view: YearView) -> str:
        return "\n".join(line for block in view.basic_policy for line in block.printed)

    def goals(view: YearView) -> str:
        return "\n".join(f"{g.id}: {g.title}" for g in view.goals)

    return (("basic_policy", policy(old), policy(new)),
            ("priorities", "\n".join(old.priorities), "\n".join(new.priorities)),
            ("goals", goals(old), goals(new)),
            ("budget_total", old.budget_total or "", new.budget_total or ""))


def _year_changes(old: YearView, new: YearView, ignore_order: bool) -> Iterator[Change]:
    old_era, new_era = _era(old, new), _era(new, old)
    if (old_era or new_era) and old.era != new.era:
        era = field_change(YEAR, "year", (), "era", old.era, new.era)
        if era is not None:
            yield era
    for name, a, b in (("organization", old.organization, new.organization),
                       ("plan_title", old.title, new.title),
                       ("draft", "true" if old.draft else "", "true" if new.draft else ""),
                       ("approved", old.approved or "", new.approved or ""),
                       ("published", old.published or "", new.published or ""),
                       ("contact", "\n".join(old.contact), "\n".join(new.contact)),
                       *_year_fields(old, new)):
        change = field_change(YEAR, "year", (), name, a, b)
        if change is not None:
            yield change
    old_names = [d.name for d in old.departments]
    new_names = [d.name for d in new.departments]
    for name in new_names:
        if name not in old_names:
            yield YEAR.change("added", "department", (name,), new=name)
    for name in old_names:
        if name not in new_names:
            yield YEAR.change("removed", "department", (name,), old=name)
    if ignore_order:
        return
    kept = [n for n in new_names if n in old_names]
    moved = out_of_order([(old_names.index(n), i) for i, n in enumerate(kept)])
    for name in kept:
        if old_names.index(name) in moved:
            yield YEAR.change("reordered", "department", (name,),
                              moved_from=(str(old_names.index(name) + 1),),
                              moved_to=(str(new_names.index(name) + 1),))


def _unit_order(old_units: list[UnitNode], new_units: list[UnitNode],
                ignore_order: bool) -> dict[int, Change]:
    """A unit moved within its 課 (year.yaml `units`), by id() of the new unit."""
    found: dict[int, Change] = {}
    if ignore_order:
        return found
    departments = {u.view.department for u in new_units}
    for dept in sorted(departments):
        inside = [u for u in new_units if u.view.department == dept and u.partner is not None
                  and u.partner.view.department == dept]
        moved = out_of_order([(u.partner.position, i) for i, u in enumerate(inside)
                              if u.partner is not None])
        for unit in inside:
            assert unit.partner is not None
            if unit.partner.position in moved:
                found[id(unit)] = Context(unit.view.slug).change(
                    "reordered", "unit", unit.path(),
                    moved_from=(str(unit.partner.position + 1),),
                    moved_to=(str(unit.position + 1),))
    return found


def _order(old_units: list[UnitNode],
           new_units: list[UnitNode]) -> list[tuple[UnitNode | None, UnitNode | None]]:
    """Units in the new order, each removed one after the unit that preceded it."""
    order: list[tuple[UnitNode | None, UnitNode | None]] = [(u.partner, u) for u in new_units]
    for i, u in enumerate(old_units):
        if u.partner is None:
            pos = 0
            for j in range(i - 1, -1, -1):
                prev = old_units[j]
                spot = next((k for k, (o, _) in enumerate(order) if o is prev), None)
                if spot is not None:
                    pos = spot + 1
                    break
            order.insert(pos, (u, None))
    return order


def diff_views(old: YearView | None, new: YearView | None, *, old_label: str, new_label: str,
               ignore_order: bool = False) -> DiffReport:
    """Compare two years, either of which may be absent (a year added or removed)."""
    return _diff(old, new, old_label, new_label, ignore_order)


def _diff(old: YearView | None, new: YearView | None, old_label: str, new_label: str,
          ignore_order: bool) -> DiffReport:
    old_units, new_units = build(old), build(new)
    match(old_units, new_units)
    year_changes = (tuple(_year_changes(old, new, ignore_order))
                    if old is not None and new is not None else ())
    reordered = _unit_order(old_units, new_units, ignore_order)
    units: list[UnitDiff] = []
    for a, b in _order(old_units, new_units):
        node = b if b is not None else a
        assert node is not None
        ctx = Context(node.view.slug, ignore_order)
        events = walk(ctx, a, b)
        changes = changes_of(events)
        if b is not None and id(b) in reordered:
            changes.insert(0, reordered[id(b)])
        status: Status = ("added" if a is None else "removed" if b is None
                          else "changed" if changes else "unchanged")
        lines = tuple(lines_of(events)) if changes else ()  # a table is drawn only if changed
        units.append(UnitDiff(node.view.slug, node.name, status, tuple(changes), lines))
    shown = new if new is not None else old
    return DiffReport(
        old_label=old_label, new_label=new_label,
        old_year=old.year if old is not None else None,
        new_year=new.year if new is not None else None,
        year_changes=year_changes, units=tuple(units), ignore_order=ignore_order,
        organization=shown.organization if shown is not None else "",
        old_era=old.era if old is not None else "", new_era=new.era if new is not None else "",
        words=tuple(shown.labels.words().items()) if shown is not None else (),
    )


def diff_years(old: YearView, new: YearView, *, ignore_order: bool = False) -> DiffReport:
    """Every change from `old` to `new` (two years, or one year at two revisions)."""
    return diff_views(old, new, old_label=str(old.year), new_label=str(new.year),
                      ignore_order=ignore_order)
