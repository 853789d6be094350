"""Building the views from the loaded plan: numbering, labels and anchors, once."""

from __future__ import annotations

from .. import model
from ..loader import LoadedUnit, LoadedYear
from .labels import LABELS, Labels, era_label
from .table import (
    cell_text_span,
    entry_anchor,
    entry_extra,
    entry_note,
    entry_numbers,
    lines,
    marker,
    table,
)
from .views import (
    BlockView,
    CellText,
    DepartmentView,
    EntryRow,
    EntryView,
    GoalServing,
    GoalView,
    GroupView,
    InitiativeView,
    UnitView,
    YearView,
)


def commissioned(source: str | None, labels: Labels = LABELS) -> str:
    """（西東京市からの受託事業）, or "" for the council's own work."""
    return labels.commissioned(source)


def blocks(policy: model.Policy, labels: Labels = LABELS) -> tuple[BlockView, ...]:
    """A 方針 as blocks, each line with the mark it is printed with."""
    views: list[BlockView] = []
    for block in policy:
        if isinstance(block, str):
            views.append(BlockView("text", (("", block),)))
        elif isinstance(block, model.Paragraph):
            views.append(BlockView("text", (("", block.text),)))
        elif isinstance(block, model.Heading):
            views.append(BlockView("heading", ((labels.heading_marks, block.heading),)))
        elif isinstance(block, model.Bullets):
            views.append(BlockView("bullets", tuple((labels.bullet, b) for b in block.bullets)))
        else:
            views.append(BlockView("numbered", tuple(
                (labels.list_no(i), t)
                for i, t in enumerate(block.numbered, 1))))
    return tuple(views)


def _cell_text(cell: model.Cell | model.RowCell | None, labels: Labels) -> CellText | None:
    if cell is None:
        return None
    text, span = cell_text_span(cell)
    return CellText(tuple(lines(text)), marker(text, labels), span)


def groups(initiative: model.Initiative, anchor: str, labels: Labels) -> tuple[GroupView, ...]:
    """The table of a 取り組み as 項目 → numbered entries (InitiativeView.groups)."""
    numbers = entry_numbers(initiative, labels)
    return tuple(
        GroupView(group.id, group.item, tuple(
            EntryView(
                id=entry.id,
                number=numbers[g][e],
                name=entry.name,
                numbered=entry.numbered,
                content=_cell_text(entry.content, labels),
                target=_cell_text(entry.target, labels),
                rows=None if entry.rows is None else tuple(
                    EntryRow(_cell_text(r.content, labels) or CellText(),
                             _cell_text(r.target, labels) or CellText())
                    for r in entry.rows
                ),
                note=entry_note(entry, labels),
                anchor=entry_anchor(anchor, g, e, entry.id),
                extra=tuple(entry_extra(entry, kind, key, labels)
                            for kind, key, _, _ in labels.extra_columns),
            )
            for e, entry in enumerate(group.entries)
        ))
        for g, group in enumerate(initiative.table)
    )


def amount(budget: model.Budget) -> str:
    """1,200千円: the amount with thousands separators, then its unit."""
    return f"{budget.amount:,}{budget.unit}"


def facts(initiative: model.Initiative, labels: Labels = LABELS,
          goal_titles: dict[str, str] | None = None) -> tuple[tuple[str, str], ...]:
    """The typed fields of a 取り組み as (label, printed value), in a fixed order."""
    found: list[tuple[str, str | None]] = [
        (labels.status, initiative.status),
        (labels.category, initiative.category),
        (labels.funding, None if initiative.funding is None else initiative.funding.kind + (
            f"（{initiative.funding.source}）" if initiative.funding.source else "")),
        (labels.schedule, initiative.schedule),
        (labels.owner, initiative.owner),
        (labels.budget, None if initiative.budget is None else amount(initiative.budget)),
    ]
    titles = goal_titles or {}
    found += [(labels.goal, titles.get(goal, goal)) for goal in initiative.goals]
    return tuple((label, value) for label, value in found if value)


def initiative_view(index: int, initiative: model.Initiative,
                    labels: Labels = LABELS,
                    goal_titles: dict[str, str] | None = None) -> InitiativeView:
    anchor = initiative.id or f"t{index}"
    rows = table(initiative, anchor, labels)
    return InitiativeView(
        number=labels.initiative_no(index),
        title=initiative.title,
        commissioned=labels.commissioned(initiative.commissioned_by),
        anchor=anchor,
        policy=blocks(initiative.policy, labels),
        rows=rows,
        note=initiative.note,
        id=initiative.id,
        numbering=initiative.numbering,
        labels=labels,
        facts=facts(initiative, labels, goal_titles),
        goals=tuple(initiative.goals),
        source=initiative,
    )


def unit_view(loaded: LoadedUnit, labels: Labels = LABELS,
              goal_titles: dict[str, str] | None = None) -> UnitView:
    unit = loaded.unit
    return UnitView(
        slug=loaded.slug,
        department=unit.department,
        section=unit.section,
        project=unit.project,
        commissioned=labels.commissioned(unit.commissioned_by),
        policy=blocks(unit.policy, labels),
        initiatives=tuple(initiative_view(i, t, labels, goal_titles)
                          for i, t in enumerate(unit.initiatives, 1)),
        note=unit.note,
        labels=labels,
    )


UnitViews = dict[int, UnitView]
"""Views given for some units, by id() of the loaded unit's data (see :func:`year_view`)."""


def goal_titles(meta: model.YearFile) -> dict[str, str]:
    """The title of each goal of the year by its id (a 取り組み's facts name its goals)."""
    return {goal.id: goal.title for goal in meta.goals}


def year_view(year: LoadedYear, labels: Labels | None = None,
              given: UnitViews | None = None) -> YearView:
    """The view of one year, every fixed word taken from `labels` (by default
    from the plans folder's settings and the year's overrides).

    `given` holds views made elsewhere for some units (by id() of their data):
    the differ gives a unit unchanged between two years one outline for both.
    """
    from ..settings.labels import labels_for, merged, title_of

    meta = year.meta
    chosen = merged(year.settings, meta.settings)
    if labels is None:
        labels = labels_for(year.settings, meta)
    from ..loader import period_name, period_of

    period = period_of(year.path.name)
    years = period[1] if period else chosen.period
    last = meta.fiscal_year + years - 1 if years else None
    titles = goal_titles(meta)
    departments = tuple(
        DepartmentView(dept.name, tuple(
            (given or {}).get(id(u.unit)) or unit_view(u, labels, titles) for u in units))
        for dept, units in year.departments()
    )
    return YearView(
        name=period_name(meta.fiscal_year, period[1]) if period else str(year.year),
        year=year.year,
        era=meta.era_label or era_label(meta.fiscal_year, labels.era_style, last),
        organization=meta.organization,
        title=title_of(meta, chosen),
        departments=departments,
        source=year,
        draft=meta.draft,
        approved=meta.approved,
        published=meta.published,
        contact=tuple(lines(meta.contact)),
        labels=labels,
        basic_policy=blocks(meta.basic_policy, labels),
        priorities=tuple(meta.priorities),
        goals=_goals(meta, departments),
        budget_total=None if meta.budget_total is None else amount(meta.budget_total),
    )


def _goals(meta: model.YearFile, departments: tuple[DepartmentView, ...]) -> tuple[GoalView, ...]:
    """Each declared goal with the 取り組み that serve it, in the plan's order."""
    return tuple(
        GoalView(goal.id, goal.title, tuple(
            GoalServing(unit.slug, unit.label, ini.anchor, ini.heading)
            for dept in departments for unit in dept.units for ini in unit.initiatives
            if goal.id in ini.goals))
        for goal in meta.goals)
