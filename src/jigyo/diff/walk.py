"""The one walk over a matched unit: every change and every 新旧 row, in one pass.

The walk goes down the levels (unit → 取り組み → 項目 → entry) the same way
for every level: a matched pair is compared, a lone side is shown (and is an
addition or a removal when its parent was there on both sides), and the
children are walked in the merged order. Something that came from elsewhere
is compared with where it was (its changes) and shown as new (its rows).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Literal

from ..layout import BlockView
from .align import merged, policy_lines, policy_pairs, row_pairs
from .classify import Context, field_change, out_of_order, renamed
from .phrases import norm, whole
from .records import Change, Level, Line, LineKind
from .tree import EntryNode, GroupNode, InitiativeNode, Node, RowText, UnitNode

Event = Change | Line
Side = Literal["old", "new"]


def changes_of(events: Iterable[Event]) -> Iterator[Change]:
    return (e for e in events if isinstance(e, Change))


def lines_of(events: Iterable[Event]) -> Iterator[Line]:
    return (e for e in events if isinstance(e, Line))


def _line(kind: LineKind, old: str | None, new: str | None, block: int,
          field: str | None = None, row: int | None = None) -> Line:
    return Line(kind, old, new, field, row, block)


def _lone(kind: LineKind, side: Side, text: str, block: int, field: str | None = None,
          row: int | None = None) -> Line:
    return _line(kind, text if side == "old" else None, text if side == "new" else None,
                 block, field, row)


def _policy(ctx: Context, path: tuple[str, ...], old: Sequence[BlockView],
            new: Sequence[BlockView], block: int) -> Iterator[Event]:
    for a, b in policy_pairs(old, new):
        yield _line("policy", a, b, block)
        if a is not None and b is not None:
            if norm(a) != norm(b):
                yield from field_change(ctx, "policy", path, "policy", a, b)
        elif b is not None:
            yield ctx.change("added", "policy", path, field="policy", new=b,
                             new_spans=whole(b, True))
        elif a is not None:
            yield ctx.change("removed", "policy", path, field="policy", old=a,
                             old_spans=whole(a, True))


# --- what each level compares and shows ---------------------------------------------


def _pair_own(ctx: Context, old: Node, new: Node, block: int) -> Iterator[Event]:
    """The node's own fields and rows (not its children's) for a matched pair."""
    if isinstance(old, UnitNode) and isinstance(new, UnitNode):
        a, b, path = old.view, new.view, new.path()
        for name, x, y in (("department", a.department, b.department),
                           ("section", a.section, b.section),
                           ("project", a.project or "", b.project or ""),
                           ("commissioned", a.commissioned, b.commissioned),
                           ("note", a.note or "", b.note or "")):
            yield from field_change(ctx, "unit", path, name, x, y)
        if norm(old.name) != norm(new.name) or a.slug != b.slug:
            yield _line("unit", old.name, new.name, block)
        yield from _policy(ctx, path, a.policy, b.policy, block)
    elif isinstance(old, InitiativeNode) and isinstance(new, InitiativeNode):
        path = new.path()
        if new.how == "renamed":
            yield renamed(ctx, "initiative", path, "title", old.name, new.name)
        elif new.how == "moved" and old.unit.partner is not new.unit:
            yield ctx.change("moved", "initiative", path, moved_from=old.path(),
                             moved_to=path)
        yield _line("initiative", old.view.heading, new.view.heading, block)
        va, vb = old.view, new.view
        for name, x, y in (("commissioned", va.commissioned, vb.commissioned),
                           ("note", va.note or "", vb.note or ""),
                           ("numbering", "table" if va.numbering == "table" else "",
                            "table" if vb.numbering == "table" else "")):
            yield from field_change(ctx, "initiative", path, name, x, y)
        yield from _policy(ctx, path, va.policy, vb.policy, block)
    elif isinstance(old, GroupNode) and isinstance(new, GroupNode):
        if new.how == "renamed":
            yield renamed(ctx, "item", new.path(), "item", old.name, new.name)
        if old.name or new.name:
            yield _line("item", old.name or None, new.name or None, block)
    elif isinstance(old, EntryNode) and isinstance(new, EntryNode):
        yield from _entry_pair(ctx, old, new, block)


ENTRY_FIELDS = ("content", "target", "note", "numbered", "content_span", "target_span")
SHOWN_FIELDS = ("content", "target", "note")
"""The fields of an entry that have a row of their own in the 新旧対照表."""


def _entry_pair(ctx: Context, old: EntryNode, new: EntryNode, block: int) -> Iterator[Event]:
    path = new.path()
    if new.how == "moved" and old.path() != path:
        yield ctx.change("moved", "entry", path, moved_from=old.path(), moved_to=path)
    named = old.view.name is not None or new.view.name is not None
    if named and norm(old.name) != norm(new.name):  # unnamed: its content says the rest
        yield renamed(ctx, "entry", path, "name", old.name, new.name)
    by_row = old.rows is not None and new.rows is not None
    for name in ENTRY_FIELDS:
        if by_row and name in ("content", "target"):
            continue
        yield from field_change(ctx, "entry", path, name, old.fields.get(name, ""),
                                new.fields.get(name, ""))
    yield _line("entry", old.view.number + old.name, new.view.number + new.name, block)
    if old.rows is not None and new.rows is not None:
        yield from _rows(ctx, path, old, new, block)
        note_a, note_b = old.fields["note"], new.fields["note"]
        if note_a or note_b:
            yield _line("field", note_a or None, note_b or None, block, "note")
        return
    for name in SHOWN_FIELDS:
        a, b = old.fields.get(name, ""), new.fields.get(name, "")
        if a or b:
            yield _line("field", a or None, b or None, block, name)


def _rows(ctx: Context, path: tuple[str, ...], old: EntryNode, new: EntryNode,
          block: int) -> Iterator[Event]:
    """A multi-row entry row by row: each row's 内容 and 目標値 with its 増減, or its removal."""
    assert old.rows is not None and new.rows is not None
    for i, j in row_pairs([r.content for r in old.rows], [r.content for r in new.rows]):
        a = old.rows[i] if i is not None else None
        b = new.rows[j] if j is not None else None
        number = (j if j is not None else i if i is not None else 0) + 1
        if a is not None and b is not None:
            for name in ("content", "target"):
                yield from field_change(ctx, "row", path, name, getattr(a, name),
                                        getattr(b, name), row=number)
        else:
            yield _lone_row(ctx, path, a, b, number)
        for name in ("content", "target"):
            x = getattr(a, name) if a is not None else None
            y = getattr(b, name) if b is not None else None
            if x or y:
                yield _line("field", x or None, y or None, block, name, number)


def _lone_row(ctx: Context, path: tuple[str, ...], old: RowText | None, new: RowText | None,
              number: int) -> Change:
    """A row added to or removed from a multi-row entry that is there in both years."""
    if new is None:
        assert old is not None
        text = "\n".join(x for x in (old.content, old.target) if x)
        return ctx.change("removed", "row", path, old=text, old_spans=whole(text, True),
                          row=number)
    text = "\n".join(x for x in (new.content, new.target) if x)
    return ctx.change("added", "row", path, new=text, new_spans=whole(text, True), row=number)


def _lone_own(node: Node, side: Side, block: int) -> Iterator[Line]:
    """The node's own rows when it is on one side only."""
    if isinstance(node, UnitNode):
        yield _lone("unit", side, node.name, block)
        yield from (_lone("policy", side, text, block) for _, text in policy_lines(node.view.policy))
    elif isinstance(node, InitiativeNode):
        yield _lone("initiative", side, node.view.heading, block)
        yield from (_lone("policy", side, text, block) for _, text in policy_lines(node.view.policy))
    elif isinstance(node, GroupNode):
        if node.name:
            yield _lone("item", side, node.name, block)
    elif isinstance(node, EntryNode):
        yield _lone("entry", side, node.view.number + node.name, block)
        if node.rows is not None:
            for number, row in enumerate(node.rows, 1):
                for name in ("content", "target"):
                    if getattr(row, name):
                        yield _lone("field", side, getattr(row, name), block, name, number)
            fields: tuple[str, ...] = ("note",)
        else:
            fields = SHOWN_FIELDS
        for name in fields:
            if node.fields.get(name):
                yield _lone("field", side, node.fields[name], block, name)


def _lone_change(ctx: Context, node: Node, side: Side) -> Change | None:
    """An addition or a removal of a node whose parent is on both sides."""
    kind: Literal["added", "removed"] = "added" if side == "new" else "removed"
    if isinstance(node, UnitNode):
        return ctx.change(kind, "unit", node.path())
    if isinstance(node, InitiativeNode):
        return ctx.change(kind, "initiative", node.path())
    if isinstance(node, GroupNode):
        path = node.path() if node.name else node.initiative.path()
        name = node.name or None
        return ctx.change(kind, "item", path, old=name if side == "old" else None,
                          new=name if side == "new" else None)
    if isinstance(node, EntryNode):
        return ctx.change(kind, "entry", node.path(), old=node.name if side == "old" else None,
                          new=node.name if side == "new" else None)
    return None  # pragma: no cover - every node is one of the above


# --- the walk -------------------------------------------------------------------------


def children(node: Node) -> Sequence[Node]:
    if isinstance(node, UnitNode):
        return node.initiatives
    if isinstance(node, InitiativeNode):
        return node.groups
    if isinstance(node, GroupNode):
        return node.entries
    return ()


_CHILD_LEVEL: dict[type[Node], Level] = {UnitNode: "initiative", InitiativeNode: "item",
                                         GroupNode: "entry"}


def _number(node: Node) -> str:
    """How a reader tells the place of a child: １．, 2, (3)."""
    if isinstance(node, InitiativeNode):
        return node.view.number
    if isinstance(node, EntryNode) and node.view.number:
        return node.view.number
    return str(node.index + 1)


def _reordered(ctx: Context, parent: Node, old: Sequence[Node],
               new: Sequence[Node]) -> Iterator[Change]:
    if ctx.ignore_order:
        return
    old_pos = {id(n): i for i, n in enumerate(old)}
    inside = [(n, n.partner) for n in new if n.partner is not None and id(n.partner) in old_pos]
    if not inside:
        return
    moved = out_of_order([(old_pos[id(p)], i) for i, (_, p) in enumerate(inside)])
    level = _CHILD_LEVEL[type(parent)]
    for node, partner in inside:
        if old_pos[id(partner)] in moved:
            yield ctx.change("reordered", level, _path(node), moved_from=(_number(partner),),
                             moved_to=(_number(node),))


def _path(node: Node) -> tuple[str, ...]:
    if isinstance(node, UnitNode | InitiativeNode | GroupNode | EntryNode):
        return node.path()
    return ()  # pragma: no cover


def walk(ctx: Context, old: Node | None, new: Node | None, parent_paired: bool = True,
         block: int = 0) -> Iterator[Event]:
    """Every change and every row of a node on either side or both, and of all below it."""
    node = new if new is not None else old
    if node is None:
        return
    paired = old is not None and new is not None
    if old is not None and new is not None:
        yield from _pair_own(ctx, old, new, block)
    else:
        side: Side = "new" if new is not None else "old"
        if parent_paired and node.partner is None:
            lone = _lone_change(ctx, node, side)
            if lone is not None:
                yield lone
        yield from _lone_own(node, side, block)
    olds = children(old) if old is not None else ()
    news = children(new) if new is not None else ()
    if old is not None and new is not None:
        yield from _reordered(ctx, node, olds, news)
    top = isinstance(node, UnitNode)
    for i, (a, b) in enumerate(merged(olds, news), 1):
        here = i if top else block
        if a is None and b is not None and b.partner is not None:  # came from elsewhere
            yield from changes_of(walk(ctx, b.partner, b, True, here))
            yield from lines_of(walk(ctx, None, b, False, here))
        else:
            yield from walk(ctx, a, b, paired, here)
