"""The plan as every output shows it: numbered, labelled, and laid out as a table.

Renderers (HTML, Markdown, PDF) and the JSON export share this one view, so
numbering and merged cells are decided once, here, and never in a template.
Text stays as the user wrote it (inline Markdown); each renderer converts it
for its own format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from . import model
from .loader import LoadedUnit, LoadedYear

_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def jnum(n: int) -> str:
    """A number as the council prints it: one digit full-width (２), more half-width (12)."""
    return str(n).translate(_FULLWIDTH) if n < 10 else str(n)


def era_label(fiscal_year: int) -> str:
    """令和２年度 for 2020. A fiscal year starts in April, so FY2019 is 令和元年度."""
    if fiscal_year >= 2019:
        era, n = "令和", fiscal_year - 2018
    elif fiscal_year >= 1989:
        era, n = "平成", fiscal_year - 1988
    else:
        era, n = "昭和", fiscal_year - 1925
    return f"{era}{'元' if n == 1 else jnum(n)}年度"


def commissioned(source: str | None) -> str:
    return f"（{source}からの受託事業）" if source else ""


def lines(value: model.Lines | model.BulletCell | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, model.BulletCell):
        return list(value.bullets)
    return [value] if isinstance(value, str) else list(value)


def marker(value: object) -> str:
    """The mark printed before each line of a cell: ・ for a bulleted cell."""
    return "・" if isinstance(value, model.BulletCell) else ""


# --- view classes -------------------------------------------------------------


@dataclass(frozen=True)
class BlockView:
    kind: Literal["heading", "text", "bullets", "numbered"]
    items: tuple[tuple[str, str], ...]
    """(marker, text) pairs: the marker is 【】, ・ or １. as printed."""

    @property
    def printed(self) -> tuple[str, ...]:
        """Each line as printed: 【見出し】, ・箇条, １.番号付き, or the paragraph."""
        if self.kind == "heading":
            return tuple(f"【{text}】" for _, text in self.items)
        return tuple(mark + text for mark, text in self.items)


@dataclass(frozen=True)
class CellText:
    """The text of one 内容 or 目標値 cell of an entry, before it is laid out as a table."""

    lines: tuple[str, ...] = ()
    marker: str = ""
    """Printed before each line (・ in a bulleted cell)."""
    span: int = 1
    """How many entries a merged cell covers (1: not merged)."""

    @property
    def text(self) -> str:
        """The cell as one text: lines joined by newlines, each after its mark."""
        return "\n".join(self.marker + line for line in self.lines)


@dataclass(frozen=True)
class EntryRow:
    """One 内容/目標値 pair of an entry that has several (`rows` in the YAML)."""

    content: CellText
    target: CellText


@dataclass(frozen=True)
class EntryView:
    """One 事項 as written, numbered: the structure the differ, JSON and search read."""

    id: str | None
    number: str
    """(1), or "" where no number is printed."""
    name: str | None
    numbered: bool
    content: CellText | None
    """None where the entry writes no content, or lies inside a merged cell above."""
    target: CellText | None
    rows: tuple[EntryRow, ...] | None
    note: str | None
    anchor: str


@dataclass(frozen=True)
class GroupView:
    """One 項目 and its entries."""

    id: str | None
    item: str | None
    entries: tuple[EntryView, ...]


@dataclass(frozen=True)
class CellView:
    kind: Literal["item", "name", "content", "target"]
    lines: tuple[str, ...] = ()
    marker: str = ""
    """Printed before each line (・ in a bulleted cell)."""
    number: str = ""
    note: str | None = None
    rowspan: int = 1
    colspan: int = 1
    anchor: str | None = None


@dataclass(frozen=True)
class RowView:
    cells: tuple[CellView, ...]
    group: int
    """Index of the 項目 group, so renderers can keep a group together."""


@dataclass(frozen=True)
class InitiativeView:
    number: str
    title: str
    commissioned: str
    anchor: str
    policy: tuple[BlockView, ...]
    rows: tuple[RowView, ...]
    note: str | None
    id: str | None = None
    numbering: Literal["item", "table"] = "item"
    groups: tuple[GroupView, ...] = ()
    """The table as 項目 → entries (`rows` is the same table laid out for printing)."""

    @property
    def heading(self) -> str:
        return f"{self.number}{self.title}{self.commissioned}"

    @property
    def content_columns(self) -> int:
        """2 when some entry shows its name and its content side by side, else 1.

        With 1, no cell starts in the second 内容 column, so an HTML table must
        not declare that column (every colspan of 2 there becomes 1).
        """
        split = any(c.kind == "name" and c.colspan == 1
                    for row in self.rows for c in row.cells)
        return 2 if split else 1


@dataclass(frozen=True)
class UnitView:
    slug: str
    department: str
    section: str
    project: str | None
    commissioned: str
    policy: tuple[BlockView, ...]
    initiatives: tuple[InitiativeView, ...]
    note: str | None

    @property
    def label(self) -> str:
        """法人運営係, or 地域福祉推進係：ふれあいのまちづくり事業（…からの受託事業）."""
        name = f"{self.section}：{self.project}" if self.project else self.section
        return name + self.commissioned

    @property
    def banner(self) -> str:
        return f"【{self.label}】"


@dataclass(frozen=True)
class DepartmentView:
    name: str
    units: tuple[UnitView, ...]


@dataclass(frozen=True)
class YearView:
    year: int
    era: str
    organization: str
    title: str
    departments: tuple[DepartmentView, ...]
    source: LoadedYear = field(repr=False, compare=False)
    draft: bool = False
    """The plan is not yet approved: outputs mark it （案）."""
    approved: str | None = None
    published: str | None = None
    contact: tuple[str, ...] = ()

    @property
    def heading(self) -> str:
        return f"{self.era}　{self.title}"

    @property
    def units(self) -> tuple[UnitView, ...]:
        return tuple(u for d in self.departments for u in d.units)

    def department_header(self, department: str) -> str:
        """The running header of the printed plan: 令和２年度　総務課　事業計画."""
        return f"{self.era}　{department}　{self.title}"


# --- building the view --------------------------------------------------------


def _blocks(policy: model.Policy) -> tuple[BlockView, ...]:
    views: list[BlockView] = []
    for block in policy:
        if isinstance(block, str):
            views.append(BlockView("text", (("", block),)))
        elif isinstance(block, model.Paragraph):
            views.append(BlockView("text", (("", block.text),)))
        elif isinstance(block, model.Heading):
            views.append(BlockView("heading", (("【】", block.heading),)))
        elif isinstance(block, model.Bullets):
            views.append(BlockView("bullets", tuple(("・", b) for b in block.bullets)))
        else:
            views.append(
                BlockView("numbered", tuple((f"{jnum(i)}.", t) for i, t in
                                            enumerate(block.numbered, 1)))
            )
    return tuple(views)


def _cell_text_span(
    cell: model.Cell | model.RowCell | None,
) -> tuple[model.Lines | model.BulletCell | None, int]:
    if isinstance(cell, model.Spanning):
        return cell.text, cell.span
    return cell, 1


def entry_numbers(initiative: model.Initiative) -> list[list[str]]:
    """The printed (n) of every entry, group by group ("" where none is shown)."""
    numbers: list[list[str]] = []
    count = 0
    for group in initiative.table:
        if initiative.numbering == "item":
            count = 0
        current: list[str] = []
        for entry in group.entries:
            if entry.name is not None and entry.numbered:
                count += 1
                current.append(f"({count})")
            else:
                current.append("")
        numbers.append(current)
    return numbers


def _table(initiative: model.Initiative, anchor: str) -> tuple[RowView, ...]:
    rows: list[RowView] = []
    numbers = entry_numbers(initiative)
    for g_index, group in enumerate(initiative.table):
        heights = [len(e.rows) if e.rows else 1 for e in group.entries]
        first_of_group = True
        covered = {"content": 0, "target": 0}
        for e_index, entry in enumerate(group.entries):
            entry_anchor = f"{anchor}-{g_index + 1}-{e_index + 1}" if not entry.id else entry.id
            sub_rows: list[list[CellView]] = [[] for _ in range(heights[e_index])]
            if first_of_group:
                sub_rows[0].append(
                    CellView("item", tuple(lines(group.item)), rowspan=sum(heights))
                )
                first_of_group = False
            # 内容 and 目標値 of this entry, with merged cells spanning entries
            spans: dict[str, CellView | None] = {}
            for column in ("content", "target"):
                if covered[column]:
                    covered[column] -= 1
                    spans[column] = None
                    continue
                text, span = _cell_text_span(getattr(entry, column))
                covered[column] = span - 1
                spans[column] = CellView(
                    column,
                    tuple(lines(text)),
                    marker=marker(text),
                    rowspan=sum(heights[e_index:e_index + span]),
                )
            content_covered = spans["content"] is None
            has_content = entry.rows is not None or content_covered or bool(
                spans["content"] and spans["content"].lines
            )
            note = entry.note
            if entry.name is not None:
                sub_rows[0].append(CellView(
                    "name", (entry.name,),
                    number=numbers[g_index][e_index],
                    note=note, rowspan=heights[e_index],
                    colspan=1 if has_content else 2, anchor=entry_anchor,
                ))
                note = None
            if entry.rows is not None:
                for sub, row in zip(sub_rows, entry.rows, strict=True):
                    sub.append(CellView("content", tuple(lines(row.content)),
                                        marker=marker(row.content)))
                    sub.append(CellView("target", tuple(lines(row.target))))
            else:
                content = spans["content"]
                if content is not None and (has_content or entry.name is None):
                    colspan = 2 if entry.name is None else 1
                    anchor_here = entry_anchor if entry.name is None else None
                    sub_rows[0].append(CellView(
                        "content", content.lines, marker=content.marker, note=note,
                        rowspan=content.rowspan, colspan=colspan, anchor=anchor_here,
                    ))
                elif content is None and entry.name is None:
                    sub_rows[0].append(CellView("name", (), note=note, anchor=entry_anchor))
                if spans["target"] is not None:
                    sub_rows[0].append(spans["target"])
            rows += [RowView(tuple(cells), g_index) for cells in sub_rows]
    return tuple(rows)


def _cell_text(cell: model.Cell | model.RowCell | model.Lines | None) -> CellText | None:
    if cell is None:
        return None
    text, span = _cell_text_span(cell)
    return CellText(tuple(lines(text)), marker(text), span)


def _groups(initiative: model.Initiative, anchor: str) -> tuple[GroupView, ...]:
    numbers = entry_numbers(initiative)
    return tuple(
        GroupView(group.id, group.item, tuple(
            EntryView(
                id=entry.id,
                number=numbers[g][e],
                name=entry.name,
                numbered=entry.numbered,
                content=_cell_text(entry.content),
                target=_cell_text(entry.target),
                rows=None if entry.rows is None else tuple(
                    EntryRow(_cell_text(r.content) or CellText(),
                             _cell_text(r.target) or CellText())
                    for r in entry.rows
                ),
                note=entry.note,
                anchor=entry.id or f"{anchor}-{g + 1}-{e + 1}",
            )
            for e, entry in enumerate(group.entries)
        ))
        for g, group in enumerate(initiative.table)
    )


def initiative_view(index: int, initiative: model.Initiative) -> InitiativeView:
    anchor = initiative.id or f"t{index}"
    return InitiativeView(
        number=f"{jnum(index)}．",
        title=initiative.title,
        commissioned=commissioned(initiative.commissioned_by),
        anchor=anchor,
        policy=_blocks(initiative.policy),
        rows=_table(initiative, anchor),
        note=initiative.note,
        id=initiative.id,
        numbering=initiative.numbering,
        groups=_groups(initiative, anchor),
    )


def unit_view(loaded: LoadedUnit) -> UnitView:
    unit = loaded.unit
    return UnitView(
        slug=loaded.slug,
        department=unit.department,
        section=unit.section,
        project=unit.project,
        commissioned=commissioned(unit.commissioned_by),
        policy=_blocks(unit.policy),
        initiatives=tuple(initiative_view(i, t) for i, t in enumerate(unit.initiatives, 1)),
        note=unit.note,
    )


def year_view(year: LoadedYear) -> YearView:
    meta = year.meta
    return YearView(
        year=year.year,
        era=meta.era_label or era_label(meta.fiscal_year),
        organization=meta.organization,
        title=meta.title,
        departments=tuple(
            DepartmentView(dept.name, tuple(unit_view(u) for u in units))
            for dept, units in year.departments()
        ),
        source=year,
        draft=meta.draft,
        approved=meta.approved,
        published=meta.published,
        contact=tuple(lines(meta.contact)),
    )
