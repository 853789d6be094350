"""The one walk over a matched unit: every change and every 新旧 row, in one pass.

The walk goes down the levels (unit → 取り組み → 項目 → entry) the same way
for every level: a matched pair is compared, a lone side is shown (and is an
addition or a removal when its parent was there on both sides), and the
children are walked in the merged order. Something that came from elsewhere
is compared with where it was (its changes) and shown as new (its rows).
Events are appended to one list in reading order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

from ..layout import BlockView
from .align import merged, policy_lines, policy_pairs, row_pairs
from .classify import Context, field_change, out_of_order, renamed
from .phrases import norm, whole
from .records import Change, Level, Line, LineKind
from .tree import EntryNode, GroupNode, InitiativeNode, Node, RowText, UnitNode

Event = Change | Line
Events = list[Event]
Side = Literal["old", "new"]


def changes_of(events: Iterable[Event]) -> list[Change]:
    return [e for e in events if isinstance(e, Change)]


def lines_of(events: Iterable[Event]) -> list[Line]:
    return [e for e in events if isinstance(e, Line)]


def _add(out: Events, change: Change | None) -> None:
    if change is not None:
        out.append(change)


def _line(kind: LineKind, old: str | None, new: str | None, block: int,
          field: str | None = None, row: int | None = None) -> Line:
    return Line(kind, old, new, field, row, block)


def _lone(kind: LineKind, side: Side, text: str, block: int, field: str | None = None,
          row: int | None = None) -> Line:
    return _line(kind, text if side == "old" else None, text if side == "new" else None,
                 block, field, row)


def _policy(out: Events, ctx: Context, path: tuple[str, ...], old: Sequence[BlockView],
            new: Sequence[BlockView], block: int) -> None:
    for a, b in policy_pairs(old, new):
        out.append(_line("policy", a, b, block))
        if a is not None and b is not None:
            _add(out, field_change(ctx, "policy", path, "policy", a, b))
        elif b is not None:
            out.append(ctx.change("added", "policy", path, field="policy", new=b,
                                  new_spans=whole(b, True)))
        elif a is not None:
            out.append(ctx.change("removed", "policy", path, field="policy", old=a,
                                  old_spans=whole(a, True)))


# --- what each level compares and shows ---------------------------------------------


def _pair_own(out: Events, ctx: Context, old: Node, new: Node, block: int) -> None:
    """The node's own fields and rows (not its children's) for a matched pair."""
    if isinstance(old, UnitNode) and isinstance(new, UnitNode):
        a, b, path = old.view, new.view, new.path()
        for name, x, y in (("department", a.department, b.department),
                           ("section", a.section, b.section),
                           ("project", a.project or "", b.project or ""),
                           ("commissioned", a.commissioned, b.commissioned),
                           ("note", a.note or "", b.note or "")):
            _add(out, field_change(ctx, "unit", path, name, x, y))
        if norm(old.name) != norm(new.name) or a.slug != b.slug:
            out.append(_line("unit", old.name, new.name, block))
        _policy(out, ctx, path, a.policy, b.policy, block)
    elif isinstance(old, InitiativeNode) and isinstance(new, InitiativeNode):
        path = new.path()
        if new.how == "renamed":
            out.append(renamed(ctx, "initiative", path, "title", old.name, new.name))
        elif new.how == "moved" and old.unit.partner is not new.unit:
            out.append(ctx.change("moved", "initiative", path, moved_from=old.path(),
                                  moved_to=path))
        out.append(_line("initiative", old.view.heading, new.view.heading, block))
        va, vb = old.view, new.view
        for name, x, y in (("commissioned", va.commissioned, vb.commissioned),
                           ("note", va.note or "", vb.note or ""),
                           ("facts", va.facts_line, vb.facts_line),
                           ("numbering", "table" if va.numbering == "table" else "",
                            "table" if vb.numbering == "table" else "")):
            _add(out, field_change(ctx, "initiative", path, name, x, y))
        _policy(out, ctx, path, va.policy, vb.policy, block)
    elif isinstance(old, GroupNode) and isinstance(new, GroupNode):
        if new.how == "renamed":
            out.append(renamed(ctx, "item", new.path(), "item", old.name, new.name))
        if old.name or new.name:
            out.append(_line("item", old.name or None, new.name or None, block))
    elif isinstance(old, EntryNode) and isinstance(new, EntryNode):
        _entry_pair(out, ctx, old, new, block)


ENTRY_FIELDS = ("content", "target", "note", "numbered", "content_span", "target_span",
                "extra")
SHOWN_FIELDS = ("content", "target", "note")
"""The fields of an entry that have a row of their own in the 新旧対照表."""


def _entry_pair(out: Events, ctx: Context, old: EntryNode, new: EntryNode, block: int) -> None:
    path = new.path()
    if new.how == "moved" and old.path() != path:
        out.append(ctx.change("moved", "entry", path, moved_from=old.path(), moved_to=path))
    named = old.view.name is not None or new.view.name is not None
    if named and old.name != new.name and norm(old.name) != norm(new.name):
        out.append(renamed(ctx, "entry", path, "name", old.name, new.name))
    by_row = old.rows is not None and new.rows is not None
    if old.fields != new.fields:
        for name in ENTRY_FIELDS:
            if by_row and name in ("content", "target"):
                continue
            _add(out, field_change(ctx, "entry", path, name, old.fields.get(name, ""),
                                   new.fields.get(name, "")))
    out.append(_line("entry", old.view.number + old.name, new.view.number + new.name, block))
    if old.rows is not None and new.rows is not None:
        _rows(out, ctx, path, old, new, block)
        note_a, note_b = old.fields["note"], new.fields["note"]
        if note_a or note_b:
            out.append(_line("field", note_a or None, note_b or None, block, "note"))
        return
    for name in SHOWN_FIELDS:
        a, b = old.fields.get(name, ""), new.fields.get(name, "")
        if a or b:
            out.append(_line("field", a or None, b or None, block, name))


def _rows(out: Events, ctx: Context, path: tuple[str, ...], old: EntryNode, new: EntryNode,
          block: int) -> None:
    """A multi-row entry row by row: each row's 内容 and 目標値 with its 増減, or its removal."""
    assert old.rows is not None and new.rows is not None
    for i, j in row_pairs([r.content for r in old.rows], [r.content for r in new.rows]):
        a = old.rows[i] if i is not None else None
        b = new.rows[j] if j is not None else None
        number = (j if j is not None else i if i is not None else 0) + 1
        if a is not None and b is not None:
            for name in ("content", "target"):
                _add(out, field_change(ctx, "row", path, name, getattr(a, name),
                                       getattr(b, name), row=number))
        else:
            out.append(_lone_row(ctx, path, a, b, number))
        for name in ("content", "target"):
            x = getattr(a, name) if a is not None else None
            y = getattr(b, name) if b is not None else None
            if x or y:
                out.append(_line("field", x or None, y or None, block, name, number))


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


def _lone_own(out: Events, node: Node, side: Side, block: int) -> None:
    """The node's own rows when it is on one side only."""
    if isinstance(node, UnitNode | InitiativeNode):
        kind: LineKind = "unit" if isinstance(node, UnitNode) else "initiative"
        text = node.name if isinstance(node, UnitNode) else node.view.heading
        out.append(_lone(kind, side, text, block))
        out += [_lone("policy", side, line, block) for _, line in policy_lines(node.view.policy)]
    elif isinstance(node, GroupNode):
        if node.name:
            out.append(_lone("item", side, node.name, block))
    elif isinstance(node, EntryNode):
        out.append(_lone("entry", side, node.view.number + node.name, block))
        fields: tuple[str, ...] = SHOWN_FIELDS
        if node.rows is not None:
            for number, row in enumerate(node.rows, 1):
                for name in ("content", "target"):
                    if getattr(row, name):
                        out.append(_lone("field", side, getattr(row, name), block, name,
                                         number))
            fields = ("note",)
        for name in fields:
            if node.fields.get(name):
                out.append(_lone("field", side, node.fields[name], block, name))


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


def _path(node: Node) -> tuple[str, ...]:
    if isinstance(node, UnitNode | InitiativeNode | GroupNode | EntryNode):
        return node.path()
    return ()  # pragma: no cover


def _reordered(out: Events, ctx: Context, parent: Node, old: Sequence[Node],
               new: Sequence[Node]) -> None:
    if ctx.ignore_order:
        return
    old_pos = {id(n): i for i, n in enumerate(old)}
    inside = [(n, n.partner) for n in new if n.partner is not None and id(n.partner) in old_pos]
    if not inside:
        return
    moved = out_of_order([(old_pos[id(p)], i) for i, (_, p) in enumerate(inside)])
    if not moved:
        return
    level = _CHILD_LEVEL[type(parent)]
    for node, partner in inside:
        if old_pos[id(partner)] in moved:
            out.append(ctx.change("reordered", level, _path(node),
                                  moved_from=(_number(partner),), moved_to=(_number(node),)))


def walk(ctx: Context, old: Node | None, new: Node | None, parent_paired: bool = True,
         block: int = 0) -> Events:
    """Every change and every row of a node on either side or both, and of all below it."""
    out: Events = []
    _walk(out, ctx, old, new, parent_paired, block)
    return out


def _walk(out: Events, ctx: Context, old: Node | None, new: Node | None,
          parent_paired: bool, block: int) -> None:
    node = new if new is not None else old
    if node is None:
        return
    paired = old is not None and new is not None
    if old is not None and new is not None:
        _pair_own(out, ctx, old, new, block)
    else:
        side: Side = "new" if new is not None else "old"
        if parent_paired and node.partner is None:
            _add(out, _lone_change(ctx, node, side))
        _lone_own(out, node, side, block)
    olds = children(old) if old is not None else ()
    news = children(new) if new is not None else ()
    if old is not None and new is not None:
        _reordered(out, ctx, node, olds, news)
    top = isinstance(node, UnitNode)
    for i, (a, b) in enumerate(merged(olds, news), 1):
        here = i if top else block
        if a is None and b is not None and b.partner is not None:  # came from elsewhere
            out += changes_of(walk(ctx, b.partner, b, True, here))
            out += lines_of(walk(ctx, None, b, False, here))
        else:
            _walk(out, ctx, a, b, paired, here)
