"""The plan as comparable pieces, built from the views, and their matching.

Matching is semantic, not line-based: units by file name and then by 係+事業,
取り組み by title, 項目 by their text, entries by 項目 + name; an `id` pins
identity over any wording. Things still there under a similar name are paired
as *renamed*, things that went elsewhere as *moved*.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Self, TypeVar

from ..layout import CellText, EntryView, GroupView, InitiativeView, UnitView, YearView
from .phrases import norm, similarity

SIMILAR = 0.6
"""Two names at least this alike (0..1) are one thing renamed."""


@dataclass(eq=False, kw_only=True)
class Node:
    """Something matched across the years: a unit, 取り組み, 項目 or entry."""

    key: str
    ident: str | None
    index: int
    name: str
    partner: Self | None = None
    how: str = ""
    """same, renamed or moved: how the partner was found."""


@dataclass(frozen=True)
class RowText:
    """One 内容/目標値 pair of an entry written as several rows, as printed."""

    content: str
    target: str


@dataclass(eq=False, kw_only=True)
class EntryNode(Node):
    view: EntryView
    group: GroupNode
    fields: dict[str, str]
    """Field code → printed text (content, target, note, numbered, content_span …)."""
    rows: tuple[RowText, ...] | None

    def path(self) -> tuple[str, ...]:
        return (*self.group.path(), self.name)


@dataclass(eq=False, kw_only=True)
class GroupNode(Node):
    view: GroupView
    initiative: InitiativeNode
    entries: list[EntryNode] = field(default_factory=list)

    def path(self) -> tuple[str, ...]:
        return (*self.initiative.path(), self.name) if self.name else self.initiative.path()


@dataclass(eq=False, kw_only=True)
class InitiativeNode(Node):
    view: InitiativeView
    unit: UnitNode
    groups: list[GroupNode] = field(default_factory=list)

    @property
    def entries(self) -> list[EntryNode]:
        return [e for g in self.groups for e in g.entries]

    def path(self) -> tuple[str, ...]:
        return (self.unit.name, self.name)


@dataclass(eq=False, kw_only=True)
class UnitNode(Node):
    view: UnitView
    initiatives: list[InitiativeNode] = field(default_factory=list)
    position: int = 0
    """Place of the unit within its 課 (0-based)."""

    def path(self) -> tuple[str, ...]:
        return (self.name,)


# --- building from the views -------------------------------------------------------


def _cell(cell: CellText | None) -> str:
    return cell.text if cell is not None else ""


def _span(cell: CellText | None) -> str:
    return str(cell.span) if cell is not None and cell.span > 1 else ""


def _entry_fields(entry: EntryView) -> tuple[dict[str, str], tuple[RowText, ...] | None]:
    rows = None
    if entry.rows is not None:
        rows = tuple(RowText(r.content.text, r.target.text) for r in entry.rows)
        content = "\n".join(r.content for r in rows if r.content)
        target = "\n".join(r.target for r in rows if r.target)
    else:
        content, target = _cell(entry.content), _cell(entry.target)
    fields = {"content": content, "target": target, "note": entry.note or "",
              "content_span": _span(entry.content), "target_span": _span(entry.target)}
    if not entry.numbered:
        fields["numbered"] = "false"
    if any(entry.extra):  # the extra columns of the settings, one line each
        fields["extra"] = " / ".join("、".join(lines) for lines in entry.extra)
    return fields, rows


def _unit(view: UnitView, index: int, position: int) -> UnitNode:
    node = UnitNode(key=norm(f"{view.section}\n{view.project or ''}"), ident=view.slug,
                    index=index, name=view.label, view=view, position=position)
    for i, ini in enumerate(view.initiatives):
        inode = InitiativeNode(key=norm(ini.title), ident=ini.id, index=i, name=ini.title,
                               view=ini, unit=node)
        for g, group in enumerate(ini.groups):
            gnode = GroupNode(key=norm(group.item or ""), ident=group.id, index=g,
                              name=group.item or "", view=group, initiative=inode)
            for e, entry in enumerate(group.entries):
                fields, rows = _entry_fields(entry)
                if entry.name is not None:
                    name, key = entry.name, "n:" + norm(entry.name)
                else:
                    first = fields["content"] or fields["target"]
                    name, key = first.split("\n")[0], "c:" + norm(first)
                gnode.entries.append(EntryNode(key=key, ident=entry.id, index=e, name=name,
                                               view=entry, group=gnode, fields=fields,
                                               rows=rows))
            inode.groups.append(gnode)
        node.initiatives.append(inode)
    return node


def build(year: YearView | None) -> list[UnitNode]:
    """Every unit of a year in printed order (none for an absent year)."""
    if year is None:
        return []
    units: list[UnitNode] = []
    for dept in year.departments:
        for position, view in enumerate(dept.units):
            units.append(_unit(view, len(units), position))
    return units


# --- matching ----------------------------------------------------------------------

N = TypeVar("N", bound=Node)


def _pair(old: N, new: N, how: str) -> None:
    old.partner, new.partner = new, old
    old.how = new.how = how


def free(nodes: Iterable[N]) -> list[N]:
    """The nodes not paired yet."""
    return [n for n in nodes if n.partner is None]


def _match_exact(old: Sequence[N], new: Sequence[N], how: str = "same") -> None:
    """Pair by id, then by equal key, first come first served (deterministic)."""
    by_id: dict[str, N] = {n.ident: n for n in free(old) if n.ident}
    for node in free(new):
        if node.ident and node.ident in by_id and by_id[node.ident].partner is None:
            _pair(by_id[node.ident], node, how)
    by_key: dict[str, list[N]] = defaultdict(list)
    for node in free(old):
        if not node.ident:
            by_key[node.key].append(node)
    for node in free(new):
        if node.ident and node.ident in by_id:
            continue
        candidates = [c for c in by_key.get(node.key, []) if c.partner is None]
        if candidates:
            _pair(candidates[0], node, how)


def _match_similar(old: Sequence[N], new: Sequence[N],
                   extra: dict[tuple[int, int], float] | None = None) -> None:
    """Pair what is left by the most similar names, best first: these are renames."""
    olds, news = free(old), free(new)
    if not olds or not news or len(olds) * len(news) > 40000:
        return
    scored: list[tuple[float, int, int]] = []
    for a in olds:
        for b in news:
            if a.ident and b.ident:
                continue  # both pinned by different ids: not the same thing
            score = similarity(a.name, b.name)
            if extra:
                score = max(score, extra.get((id(a), id(b)), 0.0))
            if score >= SIMILAR:
                scored.append((-score, a.index, b.index))
    by_index_old = {a.index: a for a in olds}
    by_index_new = {b.index: b for b in news}
    for _, ai, bi in sorted(scored):
        a, b = by_index_old[ai], by_index_new[bi]
        if a.partner is None and b.partner is None:
            _pair(a, b, "renamed")


def _overlap(a: Sequence[EntryNode], b: Sequence[EntryNode]) -> float:
    """Share of entries in common: a 取り組み or 項目 renamed keeps its entries."""
    ka, kb = {e.key for e in a}, {e.key for e in b}
    if not ka or not kb:
        return 0.0
    return len(ka & kb) / len(ka | kb)


def _reindex(nodes: Sequence[Node]) -> None:
    for i, node in enumerate(nodes):
        node.index = i


def _match_units(old: list[UnitNode], new: list[UnitNode]) -> None:
    by_slug = {u.ident: u for u in old}
    for unit in new:
        partner = by_slug.get(unit.ident)
        if partner is not None:
            _pair(partner, unit, "same")
    by_key = {u.key: u for u in free(old)}
    for unit in free(new):
        partner = by_key.get(unit.key)
        if partner is not None and partner.partner is None:
            _pair(partner, unit, "same")


def _match_within(old: InitiativeNode, new: InitiativeNode) -> None:
    _match_exact(old.groups, new.groups)
    extra = {(id(a), id(b)): _overlap(a.entries, b.entries)
             for a in free(old.groups) for b in free(new.groups)}
    _match_similar(old.groups, new.groups, extra)
    for ga in old.groups:  # the same entry under the same 項目
        if ga.partner is not None:
            _match_exact(ga.entries, ga.partner.entries)
    _match_exact(old.entries, new.entries, "moved")  # under another 項目 of this 取り組み
    for ga in old.groups:
        gb = ga.partner
        if gb is not None:
            same = {(id(a), id(b)): 1.0 for a in free(ga.entries) for b in free(gb.entries)
                    if a.fields == b.fields and any(a.fields.values())}
            _reindex(ga.entries)
            _reindex(gb.entries)
            _match_similar(ga.entries, gb.entries, same)


def _match_unique(old: list[EntryNode], new: list[EntryNode]) -> None:
    """Pair entries whose id or key is unique on both sides: a move, not a coincidence."""
    def index(nodes: list[EntryNode]) -> dict[str, list[EntryNode]]:
        found: dict[str, list[EntryNode]] = defaultdict(list)
        for n in nodes:
            found["id:" + n.ident if n.ident else n.key].append(n)
        return found

    olds, news = index(old), index(new)
    for key in sorted(news):
        if len(news[key]) == 1 and len(olds.get(key, [])) == 1:
            _pair(olds[key][0], news[key][0], "moved")


def match(old_units: list[UnitNode], new_units: list[UnitNode]) -> None:
    """Pair every node of the old year with its counterpart in the new one, where it has one."""
    _match_units(old_units, new_units)
    pairs = [(u, u.partner) for u in old_units if u.partner is not None]
    for a, b in pairs:
        _match_exact(a.initiatives, b.initiatives)
        extra = {(id(x), id(y)): _overlap(x.entries, y.entries)
                 for x in free(a.initiatives) for y in free(b.initiatives)}
        _match_similar(a.initiatives, b.initiatives, extra)
    # a 取り組み that went to another unit
    left_old = [i for a, _ in pairs for i in a.initiatives if i.partner is None]
    left_new = [i for _, b in pairs for i in b.initiatives if i.partner is None]
    _match_exact(left_old, left_new, "moved")
    for u in old_units:
        for ia in u.initiatives:
            if ia.partner is not None:
                _match_within(ia, ia.partner)
    # an entry that went to another 取り組み (of this unit or another one)
    pool_old = [e for a, _ in pairs for i in a.initiatives for e in i.entries if e.partner is None]
    pool_new = [e for _, b in pairs for i in b.initiatives for e in i.entries if e.partner is None]
    _match_unique(pool_old, pool_new)
