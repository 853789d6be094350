"""Building the views from the loaded plan: numbering, labels and anchors, once."""

from __future__ import annotations

from .. import model
from ..loader import LoadedUnit, LoadedYear
from .labels import LABELS, Labels, era_label, jnum
from .table import cell_text_span, entry_anchor, entry_numbers, flat, lines, marker, table
from .views import (
    BlockView,
    CellText,
    DepartmentView,
    EntryRow,
    EntryView,
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
                (labels.numbered_item.format(n=jnum(i)), t)
                for i, t in enumerate(block.numbered, 1))))
    return tuple(views)


def _cell_text(cell: model.Cell | model.RowCell | None, labels: Labels) -> CellText | None:
    if cell is None:
        return None
    text, span = cell_text_span(cell)
    return CellText(tuple(lines(text)), marker(text, labels), span)


def _groups(initiative: model.Initiative, anchor: str, labels: Labels) -> tuple[GroupView, ...]:
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
                note=entry.note,
                anchor=entry_anchor(anchor, g, e, entry.id),
            )
            for e, entry in enumerate(group.entries)
        ))
        for g, group in enumerate(initiative.table)
    )


def initiative_view(index: int, initiative: model.Initiative,
                    labels: Labels = LABELS) -> InitiativeView:
    anchor = initiative.id or f"t{index}"
    rows = table(initiative, anchor, labels)
    return InitiativeView(
        number=labels.initiative_number.format(n=jnum(index)),
        title=initiative.title,
        commissioned=labels.commissioned(initiative.commissioned_by),
        anchor=anchor,
        policy=blocks(initiative.policy, labels),
        rows=rows,
        note=initiative.note,
        id=initiative.id,
        numbering=initiative.numbering,
        groups=_groups(initiative, anchor, labels),
        flat=flat(rows, labels),
        labels=labels,
    )


def unit_view(loaded: LoadedUnit, labels: Labels = LABELS) -> UnitView:
    unit = loaded.unit
    return UnitView(
        slug=loaded.slug,
        department=unit.department,
        section=unit.section,
        project=unit.project,
        commissioned=labels.commissioned(unit.commissioned_by),
        policy=blocks(unit.policy, labels),
        initiatives=tuple(initiative_view(i, t, labels)
                          for i, t in enumerate(unit.initiatives, 1)),
        note=unit.note,
        labels=labels,
    )


UnitViews = dict[int, UnitView]
"""Views given for some units, by id() of the loaded unit's data (see :func:`year_view`)."""


def _unit_view(loaded: LoadedUnit, labels: Labels, given: UnitViews | None) -> UnitView:
    found = given.get(id(loaded.unit)) if given else None
    if found is None or found.labels is not labels:
        return unit_view(loaded, labels)
    return found


def year_view(year: LoadedYear, labels: Labels = LABELS,
              given: UnitViews | None = None) -> YearView:
    """The view of one year, every fixed word taken from `labels`.

    `given` holds views made elsewhere for some units (by id() of their data):
    the differ gives a unit unchanged between two years one outline for both.
    """
    meta = year.meta
    return YearView(
        year=year.year,
        era=meta.era_label or era_label(meta.fiscal_year),
        organization=meta.organization,
        title=meta.title,
        departments=tuple(
            DepartmentView(dept.name, tuple(_unit_view(u, labels, given) for u in units))
            for dept, units in year.departments()
        ),
        source=year,
        draft=meta.draft,
        approved=meta.approved,
        published=meta.published,
        contact=tuple(lines(meta.contact)),
        labels=labels,
    )
