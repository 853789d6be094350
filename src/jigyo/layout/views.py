"""The view classes: the plan as every output shows it, numbered and labelled.

Every string here that is not the user's text was derived from the year's
:class:`~jigyo.layout.labels.Labels` when the view was built; templates,
JSON, search, the differ and the PDF only read these attributes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Literal

from ..loader import LoadedYear
from .labels import LABELS, Labels

if TYPE_CHECKING:
    from .. import model


@dataclass(frozen=True, slots=True)
class BlockView:
    """One block of a 方針: a paragraph, a heading, bullets or a numbered list."""

    kind: Literal["heading", "text", "bullets", "numbered"]
    items: tuple[tuple[str, str], ...]
    """(marker, text) pairs: the marker is 【】, ・ or １. as printed."""

    @property
    def printed(self) -> tuple[str, ...]:
        """Each line as printed: 【見出し】, ・箇条, １.番号付き, or the paragraph."""
        if self.kind == "heading":
            return tuple(f"{mark[:1]}{text}{mark[1:]}" for mark, text in self.items)
        return tuple(mark + text for mark, text in self.items)


@dataclass(frozen=True, slots=True)
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

    @property
    def bullets(self) -> bool:
        """Whether the cell is a bulleted list."""
        return bool(self.marker)


@dataclass(frozen=True, slots=True)
class EntryRow:
    """One 内容/目標値 pair of an entry that has several (`rows` in the YAML)."""

    content: CellText
    target: CellText


@dataclass(frozen=True, slots=True)
class EntryView:
    """One 事項 as written, numbered: the structure the differ, JSON and search read."""

    id: str | None
    number: str
    """(1), or "" where no number is printed."""
    name: str | None
    numbered: bool
    content: CellText | None
    """None where the entry writes no content."""
    target: CellText | None
    rows: tuple[EntryRow, ...] | None
    note: str | None
    anchor: str
    extra: tuple[tuple[str, ...], ...] = ()
    """The lines of each extra column (実施時期, 担当, …), in the settings' order."""


@dataclass(frozen=True, slots=True)
class GroupView:
    """One 項目 and its entries."""

    id: str | None
    item: str | None
    entries: tuple[EntryView, ...]


@dataclass(frozen=True, slots=True)
class CellView:
    """One cell of the printed table (with its rowspan and colspan)."""

    kind: Literal["item", "name", "content", "target", "extra"]
    lines: tuple[str, ...] = ()
    marker: str = ""
    """Printed before each line (・ in a bulleted cell)."""
    number: str = ""
    note: str | None = None
    rowspan: int = 1
    colspan: int = 1
    anchor: str | None = None


@dataclass(frozen=True, slots=True)
class RowView:
    """One row of the printed table."""

    cells: tuple[CellView, ...]
    group: int
    """Index of the 項目 group, so renderers can keep a group together."""


@dataclass(frozen=True, slots=True)
class FlatRow:
    """One row of the table for outputs without merged cells (Markdown).

    `target` is the ditto cell (〃) on a row that a merged 目標値 above covers.
    """

    item: CellView | None
    content: tuple[CellView, ...]
    target: CellView | None
    extra: tuple[CellView, ...] = ()
    """The cells of the extra columns (実施時期, 担当, …) that start on this row."""
    target_column: bool = True
    """False when the table has no 目標値 column (then `target` is not written)."""


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
    labels: Labels = field(default=LABELS, repr=False, compare=False)
    facts: tuple[tuple[str, str], ...] = ()
    """(label, value) of the typed fields as printed: (状況, 新規), (予算額, 1,200千円), …"""
    goals: tuple[str, ...] = ()
    """The ids of the goals of the multi-year plan this 取り組み serves."""
    source: model.Initiative | None = field(default=None, repr=False, compare=False)
    """The 取り組み as read, from which `groups` is laid out when an output first asks."""

    @cached_property
    def groups(self) -> tuple[GroupView, ...]:
        """The table as 項目 → entries (`rows` is the same table laid out for printing).

        Made on first use: the site and the PDF never read it, and a large year's
        views would otherwise hold every table twice.
        """
        from .derive import groups

        return () if self.source is None else groups(self.source, self.anchor, self.labels)

    @cached_property
    def flat(self) -> tuple[FlatRow, ...]:
        """The same table with merged cells written out, for Markdown (made on first use)."""
        from .table import flat

        return flat(self.rows, self.labels)

    @property
    def facts_line(self) -> str:
        """状況：新規　財源：補助（東京都）　予算額：1,200千円, or "" when none is written."""
        return self.labels.fact_separator.join(
            self.labels.fact_form.format(label=label, value=value) for label, value in self.facts)

    @property
    def heading(self) -> str:
        """１．組織運営の取り組み（西東京市からの受託事業）: inline Markdown in the title kept."""
        return f"{self.number}{self.title}{self.commissioned}"

    @property
    def numbered_title(self) -> str:
        """１．組織運営の取り組み: the heading without the 受託 suffix (a page's own contents)."""
        return self.number + self.title

    @property
    def caption(self) -> str:
        """The table's caption: １．組織運営の取り組みの項目・内容・目標値."""
        item, content, target = self.labels.columns()
        if not self.labels.target_column:
            caption = f"{self.numbered_title}の{item}・{content}"
        else:
            caption = self.labels.caption_form.format(
                heading=self.numbered_title, item=item, content=content, target=target)
        extra = self.labels.headers()[3 if self.labels.target_column else 2:]
        return caption + "".join(f"・{header}" for header in extra)

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
    labels: Labels = field(default=LABELS, repr=False, compare=False)

    @property
    def label(self) -> str:
        """法人運営係, or 地域福祉推進係：ふれあいのまちづくり事業（…からの受託事業）."""
        name = (self.labels.unit_label_form.format(section=self.section, project=self.project)
                if self.project else self.section)
        return name + self.commissioned

    @property
    def banner(self) -> str:
        """【法人運営係】."""
        return self.labels.banner(self.label)


@dataclass(frozen=True)
class DepartmentView:
    name: str
    units: tuple[UnitView, ...]


@dataclass(frozen=True, slots=True)
class GoalServing:
    """One 取り組み serving a goal: where it is and how it is headed."""

    slug: str
    unit: str
    anchor: str
    heading: str


@dataclass(frozen=True)
class GoalView:
    """A goal of the multi-year plan with the 取り組み that serve it (a page of the site)."""

    id: str
    title: str
    serving: tuple[GoalServing, ...]


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
    name: str = ""
    """The plan's folder, which names its outputs: 2020, or 2018-2020 for a period folder."""

    @property
    def following(self) -> int:
        """The first fiscal year after this plan (2021 after 2020 or after 2018-2020)."""
        last = self.name.rpartition("-")[2]
        return int(last) + 1 if last.isdigit() else self.year + 1
    approved: str | None = None
    published: str | None = None
    contact: tuple[str, ...] = ()
    labels: Labels = field(default=LABELS, repr=False, compare=False)
    basic_policy: tuple[BlockView, ...] = ()
    priorities: tuple[str, ...] = ()
    goals: tuple[GoalView, ...] = ()
    budget_total: str | None = None
    """The year's total budget as printed (1,200千円), when the year file gives one."""

    @property
    def draft_mark(self) -> str:
        """（案） while the plan is a draft, else ""."""
        return self.labels.draft if self.draft else ""

    @property
    def heading(self) -> str:
        """令和２年度　事業計画 (（案） added while a draft): headings, crumbs and titles."""
        return self.labels.year_heading_form.format(
            era=self.era, title=self.title, draft=self.draft_mark)

    @property
    def site_title(self) -> str:
        """西東京市社会福祉協議会 事業計画: the name of the site."""
        return self.labels.site_title_form.format(organization=self.organization,
                                                 kind=self.title)

    @property
    def publication(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """(label, lines) of what the year file says of the plan's status: 承認, 発行日, 連絡先."""
        facts = ((self.labels.approved, (self.approved,) if self.approved else ()),
                 (self.labels.published, (self.published,) if self.published else ()),
                 (self.labels.contact, self.contact))
        return tuple((label, lines) for label, lines in facts if lines)

    @property
    def units(self) -> tuple[UnitView, ...]:
        return tuple(u for d in self.departments for u in d.units)

    def department_header(self, department: str) -> str:
        """The running header of the printed plan: 令和２年度　総務課　事業計画."""
        return self.labels.running_header_form.format(
            era=self.era, department=department, title=self.title, draft=self.draft_mark)
