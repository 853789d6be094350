"""What changed between two loaded years, as a reviewer and a board see it.

Matching is semantic, not line-based: units by file name and then by 係+事業,
取り組み by title, 項目 by their text, entries by 項目 + name; an `id` pins
identity over any wording. Things that are still there under a similar name
are *renamed*, things that went elsewhere are *moved*, and a change of order
is *reordered*, never a removal plus an addition. Beside the list of changes
each unit gets an aligned old/new text (the rows of a 新旧対照表).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, TypeVar

from . import model
from .layout import entry_numbers, jnum, lines, marker
from .loader import LoadedUnit, LoadedYear
from .textdiff import Span, char_diff, norm, quantity_delta, similarity, whole

Kind = Literal["added", "removed", "renamed", "moved", "reordered", "changed"]
Level = Literal["year", "unit", "initiative", "item", "entry", "policy", "field"]

KINDS: tuple[Kind, ...] = ("added", "removed", "renamed", "moved", "reordered", "changed")
SIMILAR = 0.6
"""Two names at least this alike (0..1) are one thing renamed."""

FIELD_LABELS = {
    "title": "取り組み名",
    "item": "項目",
    "name": "事項",
    "content": "内容",
    "target": "目標値",
    "note": "注記",
    "policy": "方針",
    "commissioned_by": "受託元",
    "numbering": "番号の付け方",
    "numbered": "番号",
    "department": "課",
    "section": "係",
    "project": "事業",
    "organization": "法人名",
    "title_year": "表題",
}


@dataclass(frozen=True)
class Change:
    """One change, located by the names a reader knows (新 side where it exists)."""

    kind: Kind
    level: Level
    unit: str
    """Slug of the unit (the new one where it exists)."""
    path: tuple[str, ...]
    """Unit label, 取り組み, 項目, entry: as far down as the change lies."""
    field: str | None = None
    old: str | None = None
    new: str | None = None
    old_spans: tuple[Span, ...] = ()
    new_spans: tuple[Span, ...] = ()
    delta: str | None = None
    """For a 目標値 counting the same thing on both sides: −1回, +20人."""
    moved_from: tuple[str, ...] = ()
    """For moved and reordered: where it was (path, or the old number)."""
    moved_to: tuple[str, ...] = ()

    @property
    def what(self) -> str:
        """The field or level in Japanese, for headings such as 目標値の変更."""
        if self.field is not None:
            return FIELD_LABELS.get(self.field, self.field)
        return LEVEL_LABELS[self.level]


LEVEL_LABELS: dict[str, str] = {
    "year": "年度", "unit": "計画単位", "initiative": "取り組み", "item": "項目",
    "entry": "事項", "policy": "方針", "field": "項目",
}
KIND_LABELS: dict[str, str] = {
    "added": "追加", "removed": "削除", "renamed": "名称変更", "moved": "移動",
    "reordered": "並べ替え", "changed": "変更",
}


@dataclass(frozen=True)
class Line:
    """One row of a 新旧対照表: the same place in both years, either side may be absent."""

    kind: Literal["unit", "policy", "initiative", "item", "entry", "field"]
    old: tuple[Span, ...] | None
    new: tuple[Span, ...] | None
    label: str = ""
    """For a field row: 内容, 目標値, 注記."""
    block: int = 0
    """Which 取り組み the row belongs to (0: the unit itself), to shorten by block."""

    @property
    def changed(self) -> bool:
        if self.old is None or self.new is None:
            return True
        return any(s.changed for s in self.old) or any(s.changed for s in self.new)


@dataclass(frozen=True)
class UnitDiff:
    slug: str
    label: str
    """The unit's label in the new year (the old one if it was removed)."""
    status: Literal["added", "removed", "changed", "unchanged"]
    changes: tuple[Change, ...]
    aligned: Callable[[], tuple[Line, ...]] = field(repr=False, compare=False,
                                                    default=lambda: ())

    @cached_property
    def lines(self) -> tuple[Line, ...]:
        """The aligned rows of the 新旧対照表, worked out only when a table is drawn."""
        return self.aligned()

    def count(self, kind: str) -> int:
        return sum(1 for c in self.changes if c.kind == kind)


@dataclass(frozen=True)
class DiffReport:
    """Every change between two years, unit by unit in the new year's order."""

    old_label: str
    new_label: str
    old_year: int | None
    new_year: int | None
    year_changes: tuple[Change, ...]
    units: tuple[UnitDiff, ...]
    ignore_order: bool = False
    organization: str = ""

    @property
    def changes(self) -> tuple[Change, ...]:
        return self.year_changes + tuple(c for u in self.units for c in u.changes)

    @property
    def changed(self) -> bool:
        return bool(self.changes)

    @property
    def changed_units(self) -> tuple[UnitDiff, ...]:
        return tuple(u for u in self.units if u.changes)

    @property
    def targets(self) -> tuple[Change, ...]:
        """Every changed 目標値, for the summary."""
        return tuple(c for c in self.changes if c.field == "target" and c.kind == "changed")


# --- the plan as comparable pieces ---------------------------------------------


def _text(value: model.Cell | None) -> str:
    """A cell as one text: lines joined, each after its printed mark (・)."""
    if isinstance(value, model.Spanning):
        value = value.text
    mark = marker(value)
    return "\n".join(mark + line for line in lines(value))


def _policy_lines(policy: model.Policy) -> list[tuple[str, str]]:
    """(key, display) of every line of a 方針; numbers are not part of the key."""
    out: list[tuple[str, str]] = []
    for block in policy:
        if isinstance(block, str):
            out.append(("p", block))
        elif isinstance(block, model.Paragraph):
            out.append(("p", block.text))
        elif isinstance(block, model.Heading):
            out.append(("h", f"【{block.heading}】"))
        elif isinstance(block, model.Bullets):
            out += [("b", f"・{b}") for b in block.bullets]
        else:
            out += [("n", f"{jnum(i)}.{t}") for i, t in enumerate(block.numbered, 1)]
    return out


def _policy_key(kind: str, display: str) -> str:
    if kind == "n":
        display = display.split(".", 1)[1]
    return kind + ":" + norm(display)


@dataclass(eq=False)
class _Node:
    """Something matched across the years: a unit, 取り組み, 項目 or entry."""

    key: str
    ident: str | None
    index: int
    name: str
    partner: _Node | None = None
    how: str = ""


@dataclass(eq=False)
class _Entry(_Node):
    model: model.Entry = field(default=None)  # type: ignore[assignment]
    number: str = ""
    group: _Group = field(default=None)  # type: ignore[assignment]
    fields: dict[str, str] = field(default_factory=dict)

    def path(self) -> tuple[str, ...]:
        return (*self.group.path(), self.name)


@dataclass(eq=False)
class _Group(_Node):
    model: model.Group = field(default=None)  # type: ignore[assignment]
    initiative: _Initiative = field(default=None)  # type: ignore[assignment]
    entries: list[_Entry] = field(default_factory=list)

    def path(self) -> tuple[str, ...]:
        return (*self.initiative.path(), self.name) if self.model.item else self.initiative.path()


@dataclass(eq=False)
class _Initiative(_Node):
    model: model.Initiative = field(default=None)  # type: ignore[assignment]
    unit: _Unit = field(default=None)  # type: ignore[assignment]
    groups: list[_Group] = field(default_factory=list)

    @property
    def entries(self) -> list[_Entry]:
        return [e for g in self.groups for e in g.entries]

    def path(self) -> tuple[str, ...]:
        return (self.unit.name, self.name)


@dataclass(eq=False)
class _Unit(_Node):
    loaded: LoadedUnit = field(default=None)  # type: ignore[assignment]
    initiatives: list[_Initiative] = field(default_factory=list)


def _entry_fields(entry: model.Entry) -> dict[str, str]:
    if entry.rows is not None:
        content = "\n".join(_text(r.content) for r in entry.rows if r.content is not None)
        target = "\n".join(_text(r.target) for r in entry.rows if r.target is not None)
    else:
        content, target = _text(entry.content), _text(entry.target)
    fields = {"content": content, "target": target, "note": entry.note or ""}
    if not entry.numbered:
        fields["numbered"] = "番号なし"
    return fields


def _unit_label(unit: model.Unit) -> str:
    return f"{unit.section}：{unit.project}" if unit.project else unit.section


def _build(loaded: LoadedUnit, index: int) -> _Unit:
    unit = loaded.unit
    node = _Unit(key=norm(f"{unit.section}\n{unit.project or ''}"), ident=loaded.slug,
                 index=index, name=_unit_label(unit), loaded=loaded)
    for i, ini in enumerate(unit.initiatives):
        inode = _Initiative(key=norm(ini.title), ident=ini.id, index=i, name=ini.title,
                            model=ini, unit=node)
        numbers = entry_numbers(ini)
        for g, group in enumerate(ini.table):
            gnode = _Group(key=norm(group.item or ""), ident=group.id, index=g,
                           name=group.item or "", model=group, initiative=inode)
            for e, entry in enumerate(group.entries):
                fields = _entry_fields(entry)
                if entry.name is not None:
                    name, key = entry.name, "n:" + norm(entry.name)
                else:
                    first = fields["content"] or fields["target"]
                    name, key = first.split("\n")[0], "c:" + norm(first)
                gnode.entries.append(_Entry(key=key, ident=entry.id, index=e, name=name,
                                            model=entry, number=numbers[g][e], group=gnode,
                                            fields=fields))
            inode.groups.append(gnode)
        node.initiatives.append(inode)
    return node


# --- matching ----------------------------------------------------------------------


def _pair(old: _Node, new: _Node, how: str) -> None:
    old.partner, new.partner = new, old
    old.how = new.how = how


N = TypeVar("N", bound=_Node)


def _free(nodes: Iterable[N]) -> list[N]:
    return [n for n in nodes if n.partner is None]


def _match_exact(old: Sequence[_Node], new: Sequence[_Node], how: str = "same") -> None:
    """Pair by id, then by equal key, first come first served (deterministic)."""
    by_id: dict[str, _Node] = {n.ident: n for n in _free(old) if n.ident}
    for node in _free(new):
        if node.ident and node.ident in by_id and by_id[node.ident].partner is None:
            _pair(by_id[node.ident], node, how)
    by_key: dict[str, list[_Node]] = defaultdict(list)
    for node in _free(old):
        if not node.ident:
            by_key[node.key].append(node)
    for node in _free(new):
        if node.ident and node.ident in by_id:
            continue
        candidates = [c for c in by_key.get(node.key, []) if c.partner is None]
        if candidates:
            _pair(candidates[0], node, how)


def _match_similar(old: Sequence[_Node], new: Sequence[_Node], score_extra: dict[
        tuple[int, int], float] | None = None) -> None:
    """Pair what is left by the most similar names, best first: these are renames."""
    olds, news = _free(old), _free(new)
    if not olds or not news or len(olds) * len(news) > 40000:
        return
    scored: list[tuple[float, int, int]] = []
    for a in olds:
        for b in news:
            if a.ident and b.ident:
                continue  # both pinned by different ids: not the same thing
            score = similarity(a.name, b.name)
            if score_extra:
                score = max(score, score_extra.get((id(a), id(b)), 0.0))
            if score >= SIMILAR:
                scored.append((-score, a.index, b.index))
    by_index_old = {a.index: a for a in olds}
    by_index_new = {b.index: b for b in news}
    for _, ai, bi in sorted(scored):
        a, b = by_index_old[ai], by_index_new[bi]
        if a.partner is None and b.partner is None:
            _pair(a, b, "renamed")


def _body_overlap(a: _Initiative | _Group, b: _Initiative | _Group) -> float:
    """Share of entries in common: a 取り組み or 項目 renamed keeps its entries."""
    ka = {e.key for e in (a.entries)}
    kb = {e.key for e in (b.entries)}
    if not ka or not kb:
        return 0.0
    return len(ka & kb) / len(ka | kb)


def _reindex(nodes: Sequence[_Node]) -> None:
    for i, node in enumerate(nodes):
        node.index = i


def _match_units(old: list[_Unit], new: list[_Unit]) -> None:
    by_slug = {u.ident: u for u in old}
    for unit in new:
        partner = by_slug.get(unit.ident)
        if partner is not None:
            _pair(partner, unit, "same")
    by_key = {u.key: u for u in _free(old)}
    for unit in _free(new):
        partner = by_key.get(unit.key)
        if partner is not None and partner.partner is None:
            _pair(partner, unit, "same")


def _match_within(old: _Initiative, new: _Initiative) -> None:
    _match_exact(old.groups, new.groups)
    extra = {(id(a), id(b)): _body_overlap(a, b)
             for a in _free(old.groups) for b in _free(new.groups)}
    _match_similar(old.groups, new.groups, extra)
    olds, news = old.entries, new.entries
    # the same entry under the same 項目
    for ga in old.groups:
        if ga.partner is not None:
            _match_exact(ga.entries, ga.partner.entries)  # type: ignore[attr-defined]
    # the same entry under another 項目 of this 取り組み
    _match_exact(olds, news, "moved")
    for ga in old.groups:
        if ga.partner is not None:
            gb = ga.partner
            assert isinstance(gb, _Group)
            extra = {(id(a), id(b)): 1.0 for a in _free(ga.entries) for b in _free(gb.entries)
                     if a.fields == b.fields and any(a.fields.values())}
            _reindex(ga.entries)
            _reindex(gb.entries)
            _match_similar(ga.entries, gb.entries, extra)


def _match(old_units: list[_Unit], new_units: list[_Unit]) -> None:
    _match_units(old_units, new_units)
    pairs = [(u, u.partner) for u in old_units if isinstance(u.partner, _Unit)]
    for a, b in pairs:
        _match_exact(a.initiatives, b.initiatives)
        extra = {(id(x), id(y)): _body_overlap(x, y)
                 for x in _free(a.initiatives) for y in _free(b.initiatives)}
        _match_similar(a.initiatives, b.initiatives, extra)
    # a 取り組み that went to another unit
    left_old = [i for a, _ in pairs for i in a.initiatives if i.partner is None]
    left_new = [i for _, b in pairs for i in b.initiatives if i.partner is None]
    _match_exact(left_old, left_new, "moved")
    ini_pairs = [(i, i.partner) for u in old_units for i in u.initiatives
                 if isinstance(i.partner, _Initiative)]
    for ia, ib in ini_pairs:
        _match_within(ia, ib)
    # an entry that went to another 取り組み (of this unit or another one)
    matched_units = [u for u, _ in pairs]
    pool_old = [e for u in matched_units for i in u.initiatives for e in i.entries
                if e.partner is None]
    pool_new = [e for _, u in pairs for i in u.initiatives for e in i.entries
                if e.partner is None]
    _match_unique(pool_old, pool_new)


def _match_unique(old: list[_Entry], new: list[_Entry]) -> None:
    """Pair entries whose id or key is unique on both sides: a move, not a coincidence."""
    def index(nodes: list[_Entry]) -> dict[str, list[_Entry]]:
        found: dict[str, list[_Entry]] = defaultdict(list)
        for n in nodes:
            found["id:" + n.ident if n.ident else n.key].append(n)
        return found

    olds, news = index(old), index(new)
    for key in sorted(news):
        if len(news[key]) == 1 and len(olds.get(key, [])) == 1:
            _pair(olds[key][0], news[key][0], "moved")


# --- reporting -----------------------------------------------------------------------


def _out_of_order(pairs: list[tuple[int, int]]) -> set[int]:
    """Old indexes not on the longest run kept in order: these were reordered."""
    pairs = sorted(pairs, key=lambda p: p[1])
    olds = [o for o, _ in pairs]
    if not olds:
        return set()
    # longest increasing subsequence, O(n log n), earliest-ending ties kept
    import bisect

    tails: list[int] = []
    tails_at: list[int] = []
    previous = [-1] * len(olds)
    for i, value in enumerate(olds):
        pos = bisect.bisect_left(tails, value)
        if pos == len(tails):
            tails.append(value)
            tails_at.append(i)
        else:
            tails[pos] = value
            tails_at[pos] = i
        previous[i] = tails_at[pos - 1] if pos else -1
    keep: set[int] = set()
    i = tails_at[-1] if tails_at else -1
    while i >= 0:
        keep.add(olds[i])
        i = previous[i]
    return set(olds) - keep


class _Reporter:
    def __init__(self, ignore_order: bool) -> None:
        self.ignore_order = ignore_order
        self.changes: list[Change] = []
        self.lines: list[Line] = []
        self.slug = ""
        self.block = 0
        self.quiet_changes = False
        self.quiet_lines = False

    def add(self, kind: Kind, level: Level, path: tuple[str, ...], **rest: object) -> None:
        if self.quiet_changes:
            return
        self.changes.append(Change(kind, level, self.slug, path, **rest))  # type: ignore[arg-type]

    def line(self, kind: str, old: str | None, new: str | None, label: str = "") -> None:
        """A row where both sides are compared (or one is absent)."""
        if self.quiet_lines:
            return
        if old is not None and new is not None:
            if norm(old) == norm(new):
                o, n = whole(old, False), whole(new, False)
            else:
                o, n = char_diff(old, new)
        else:
            o = whole(old, True) if old is not None else None  # type: ignore[assignment]
            n = whole(new, True) if new is not None else None  # type: ignore[assignment]
        self.lines.append(Line(kind, o, n, label, self.block))  # type: ignore[arg-type]

    def text_change(self, level: Level, path: tuple[str, ...], name: str, old: str,
                    new: str) -> None:
        if norm(old) == norm(new):
            return
        if not old or not new:
            kind: Kind = "added" if not old else "removed"
            self.add(kind, level, path, field=name, old=old or None, new=new or None,
                     old_spans=whole(old, True), new_spans=whole(new, True))
            return
        o, n = char_diff(old, new)
        delta = quantity_delta(old, new) if name == "target" else None
        self.add("changed", level, path, field=name, old=old, new=new, old_spans=o,
                 new_spans=n, delta=delta)

    # -- policy

    def policy(self, path: tuple[str, ...], old: model.Policy, new: model.Policy) -> None:
        import difflib

        a, b = _policy_lines(old), _policy_lines(new)
        ka = [_policy_key(*x) for x in a]
        kb = [_policy_key(*x) for x in b]
        matcher = difflib.SequenceMatcher(None, ka, kb, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                for (_, same_old), (_, same_new) in zip(a[i1:i2], b[j1:j2], strict=True):
                    self.line("policy", same_old, same_new)
                continue
            olds, news = a[i1:i2], b[j1:j2]
            # pair the most alike lines of a replaced stretch, in order
            paired: list[tuple[int | None, int | None]] = []
            j = 0
            for i, (_, text) in enumerate(olds):
                best = None
                for k in range(j, len(news)):
                    if similarity(text, news[k][1]) >= 0.4:
                        best = k
                        break
                if best is None:
                    paired.append((i, None))
                else:
                    paired += [(None, k) for k in range(j, best)]
                    paired.append((i, best))
                    j = best + 1
            paired += [(None, k) for k in range(j, len(news))]
            for oi, ni in paired:
                da: str | None = olds[oi][1] if oi is not None else None
                db: str | None = news[ni][1] if ni is not None else None
                self.line("policy", da, db)
                if da is not None and db is not None:
                    o, n = char_diff(da, db)
                    self.add("changed", "policy", path, field="policy", old=da, new=db,
                             old_spans=o, new_spans=n)
                elif db is not None:
                    self.add("added", "policy", path, field="policy", new=db,
                             new_spans=whole(db, True))
                elif da is not None:
                    self.add("removed", "policy", path, field="policy", old=da,
                             old_spans=whole(da, True))

    # -- order helpers

    def _merged(self, old: Sequence[_Node], new: Sequence[_Node],
                here: set[int]) -> list[tuple[_Node | None, _Node | None]]:
        """Both lists as one sequence in new order, with what left or came in placed
        where it was; `here` holds id() of new nodes whose partner is in this list."""
        out: list[tuple[_Node | None, _Node | None]] = []
        shown: set[int] = set()
        old_pos = {id(n): i for i, n in enumerate(old)}
        next_old = 0

        def flush(upto: int) -> None:
            nonlocal next_old
            while next_old < upto:
                node = old[next_old]
                if id(node) not in shown and not (node.partner is not None
                                                  and id(node.partner) in here):
                    out.append((node, None))
                    shown.add(id(node))
                next_old += 1

        for node in new:
            if id(node) in here and node.partner is not None:
                flush(old_pos[id(node.partner)])
                out.append((node.partner, node))
                shown.add(id(node.partner))
            else:
                out.append((None, node))
        flush(len(old))
        return out

    def reordered(self, level: Level, old: Sequence[_Node], new: Sequence[_Node],
                  here: set[int], path_of: dict[int, tuple[str, ...]],
                  number: dict[int, tuple[str, str]]) -> None:
        if self.ignore_order:
            return
        old_pos = {id(n): i for i, n in enumerate(old)}
        pairs = [(old_pos[id(n.partner)], i) for i, n in enumerate(new)
                 if id(n) in here and n.partner is not None]
        moved = _out_of_order(pairs)
        for node in new:
            if id(node) in here and node.partner is not None and old_pos[id(node.partner)] in moved:
                before, after = number[id(node)]
                self.add("reordered", level, path_of[id(node)], moved_from=(before,),
                         moved_to=(after,))

    def moved_in(self, report: Callable[..., None], old: _Node, new: _Node) -> None:
        """Something that came from elsewhere: compared with where it was, shown as new."""
        quiet_lines, quiet_changes = self.quiet_lines, self.quiet_changes
        self.quiet_lines = True
        report(self, old, new, True)
        self.quiet_lines, self.quiet_changes = quiet_lines, True
        report(self, None, new, False)
        self.quiet_changes = quiet_changes


def _ini_heading(node: _Initiative) -> str:
    return f"{jnum(node.index + 1)}．{node.name}"


def _report_unit(rep: _Reporter, old: _Unit | None, new: _Unit | None) -> None:
    """Changes and aligned rows of one unit (either side may be missing)."""
    if old is not None and new is not None:
        a, b = old.loaded.unit, new.loaded.unit
        path = (new.name,)
        for name in ("department", "section", "project", "commissioned_by", "note"):
            rep.text_change("unit", path, name, getattr(a, name) or "", getattr(b, name) or "")
        if norm(old.name) != norm(new.name) or old.loaded.slug != new.loaded.slug:
            rep.line("unit", old.name, new.name)
        rep.policy(path, a.policy, b.policy)
    elif new is not None:
        rep.line("unit", None, new.name)
        for _, text in _policy_lines(new.loaded.unit.policy):
            rep.line("policy", None, text)
    elif old is not None:
        rep.line("unit", old.name, None)
        for _, text in _policy_lines(old.loaded.unit.policy):
            rep.line("policy", text, None)
    olds = old.initiatives if old else []
    news = new.initiatives if new else []
    here = {id(n) for n in news if n.partner is not None and n.partner in olds}
    if old and new:
        rep.reordered("initiative", olds, news, here,
                      {id(n): n.path() for n in news},
                      {id(n): (f"{jnum(n.partner.index + 1)}．", f"{jnum(n.index + 1)}．")
                       for n in news if n.partner is not None})
    for block, (a_ini, b_ini) in enumerate(rep._merged(olds, news, here), 1):
        rep.block = block
        if a_ini is None and b_ini is not None and b_ini.partner is not None:
            rep.moved_in(_report_initiative, b_ini.partner, b_ini)
        else:
            _report_initiative(rep, a_ini, b_ini, new is not None and old is not None)  # type: ignore[arg-type]
    rep.block = 0


def _report_initiative(rep: _Reporter, old: _Initiative | None, new: _Initiative | None,
                       in_pair: bool) -> None:
    if old is not None and new is not None:
        path = new.path()
        if new.how == "renamed":
            o, n = char_diff(old.name, new.name)
            rep.add("renamed", "initiative", path, field="title", old=old.name, new=new.name,
                    old_spans=o, new_spans=n)
        elif new.how == "moved" and old.unit.partner is not new.unit:
            rep.add("moved", "initiative", path, moved_from=old.path(), moved_to=new.path())
        rep.line("initiative", _ini_heading(old), _ini_heading(new))
        for name in ("commissioned_by", "note", "numbering"):
            ov, nv = getattr(old.model, name) or "", getattr(new.model, name) or ""
            if name == "numbering":
                ov, nv = ("通し番号" if ov == "table" else ""), ("通し番号" if nv == "table" else "")
            rep.text_change("initiative", path, name, ov, nv)
        rep.policy(path, old.model.policy, new.model.policy)
    elif new is not None:
        if in_pair and new.partner is None:  # a new 取り組み in a unit that was there
            rep.add("added", "initiative", new.path())
        rep.line("initiative", None, _ini_heading(new))
        for _, text in _policy_lines(new.model.policy):
            rep.line("policy", None, text)
    elif old is not None:
        if in_pair and old.partner is None:
            rep.add("removed", "initiative", old.path())
        rep.line("initiative", _ini_heading(old), None)
        for _, text in _policy_lines(old.model.policy):
            rep.line("policy", text, None)
    olds = old.groups if old else []
    news = new.groups if new else []
    paired = old is not None and new is not None
    here = {id(n) for n in news if n.partner is not None and n.partner in olds}
    if paired:
        rep.reordered("item", olds, news, here, {id(n): n.path() for n in news},
                      {id(n): (str(n.partner.index + 1), str(n.index + 1))
                       for n in news if n.partner is not None})
    for a_grp, b_grp in rep._merged(olds, news, here):
        _report_group(rep, a_grp, b_grp, paired)  # type: ignore[arg-type]


def _report_group(rep: _Reporter, old: _Group | None, new: _Group | None, in_pair: bool) -> None:
    if old is not None and new is not None:
        if new.how == "renamed":
            o, n = char_diff(old.name, new.name)
            rep.add("renamed", "item", new.path(), field="item", old=old.name, new=new.name,
                    old_spans=o, new_spans=n)
        if old.name or new.name:
            rep.line("item", old.name or None, new.name or None)
    elif new is not None:
        if in_pair:
            rep.add("added", "item", new.path() if new.name else new.initiative.path(),
                    new=new.name or None)
        if new.name:
            rep.line("item", None, new.name)
    elif old is not None:
        if in_pair:
            rep.add("removed", "item", old.path() if old.name else old.initiative.path(),
                    old=old.name or None)
        if old.name:
            rep.line("item", old.name, None)
    olds = old.entries if old else []
    news = new.entries if new else []
    group_paired = old is not None and new is not None
    here = {id(n) for n in news if n.partner is not None and n.partner in olds}
    if group_paired:
        rep.reordered("entry", olds, news, here, {id(n): n.path() for n in news},
                      {id(n): (n.partner.number or str(n.partner.index + 1),  # type: ignore[attr-defined]
                               n.number or str(n.index + 1))
                       for n in news if n.partner is not None})
    for a, b in rep._merged(olds, news, here):
        _report_entry(rep, a, b, group_paired)  # type: ignore[arg-type]


_ENTRY_FIELDS = ("content", "target", "note", "numbered")


def _report_entry(rep: _Reporter, old: _Entry | None, new: _Entry | None,
                  group_paired: bool) -> None:
    """An entry's rows; a lone side is 新設 or 削る unless its 項目 already says so."""
    if old is not None and new is not None:
        path = new.path()
        if new.how == "moved" and old.path() != new.path():
            rep.add("moved", "entry", path, moved_from=old.path(), moved_to=path)
        named = old.model.name is not None or new.model.name is not None
        if named and norm(old.name) != norm(new.name):  # unnamed: its content says the rest
            o, n = char_diff(old.name, new.name)
            rep.add("renamed", "entry", path, field="name", old=old.name, new=new.name,
                    old_spans=o, new_spans=n)
        for name in _ENTRY_FIELDS:
            rep.text_change("entry", path, name, old.fields.get(name, ""),
                            new.fields.get(name, ""))
        rep.line("entry", old.number + old.name, new.number + new.name)
        for name in _ENTRY_FIELDS[:3]:
            ov, nv = old.fields.get(name, ""), new.fields.get(name, "")
            if ov or nv:
                rep.line("field", ov or None, nv or None, FIELD_LABELS[name])
        return
    node = new if new is not None else old
    assert node is not None
    if new is not None and new.partner is not None and not rep.quiet_changes:
        # it came from elsewhere: reported once, on the new side
        rep.moved_in(_report_entry, new.partner, new)
        return
    if node.partner is None and group_paired:
        if new is not None:
            rep.add("added", "entry", new.path(), new=new.name)
        elif old is not None:
            rep.add("removed", "entry", old.path(), old=old.name)
    side_old = node is old
    rep.line("entry", node.number + node.name if side_old else None,
             None if side_old else node.number + node.name)
    for name in _ENTRY_FIELDS[:3]:
        value = node.fields.get(name, "")
        if value:
            rep.line("field", value if side_old else None, None if side_old else value,
                     FIELD_LABELS[name])


def _year_label(year: LoadedYear) -> str:
    return str(year.year)


def diff_units(old_year: LoadedYear | None, new_year: LoadedYear | None, *,
               old_label: str, new_label: str, ignore_order: bool = False) -> DiffReport:
    """Compare two years, either of which may be absent (a year added or removed)."""
    return _diff_units(old_year, new_year, old_label=old_label, new_label=new_label,
                       ignore_order=ignore_order)


def _diff_units(old_year: LoadedYear | None, new_year: LoadedYear | None, *,
                old_label: str, new_label: str, ignore_order: bool) -> DiffReport:
    old_units = [_build(u, i) for i, u in enumerate(old_year.units if old_year else ())]
    new_units = [_build(u, i) for i, u in enumerate(new_year.units if new_year else ())]
    _match(old_units, new_units)
    year_changes: list[Change] = []
    if old_year is not None and new_year is not None:
        for name, label in (("organization", "organization"), ("title", "title_year")):
            ov, nv = getattr(old_year.meta, name), getattr(new_year.meta, name)
            if norm(ov) != norm(nv):
                o, n = char_diff(ov, nv)
                year_changes.append(Change("changed", "year", "", (), field=label, old=ov,
                                           new=nv, old_spans=o, new_spans=n))
    units: list[UnitDiff] = []
    order: list[tuple[_Unit | None, _Unit | None]] = [(u.partner, u) for u in new_units]  # type: ignore[misc]
    # removed units after the unit that preceded them in the old year
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
    for old, new in order:
        rep = _Reporter(ignore_order)
        rep.quiet_lines = True
        node = new if new is not None else old
        assert node is not None
        rep.slug = node.loaded.slug
        if old is None:
            rep.add("added", "unit", (node.name,))
        elif new is None:
            rep.add("removed", "unit", (node.name,))
        _report_unit(rep, old, new)
        status: Literal["added", "removed", "changed", "unchanged"] = (
            "added" if old is None else "removed" if new is None
            else "changed" if rep.changes else "unchanged"
        )
        units.append(UnitDiff(rep.slug, node.name, status, tuple(rep.changes),
                              _aligned(old, new, ignore_order)))
    return DiffReport(
        old_label=old_label, new_label=new_label,
        old_year=old_year.year if old_year else None,
        new_year=new_year.year if new_year else None,
        year_changes=tuple(year_changes), units=tuple(units), ignore_order=ignore_order,
        organization=_organization(new_year or old_year),
    )


def _aligned(old: _Unit | None, new: _Unit | None,
             ignore_order: bool) -> Callable[[], tuple[Line, ...]]:
    def rows() -> tuple[Line, ...]:
        rep = _Reporter(ignore_order)
        rep.quiet_changes = True
        _report_unit(rep, old, new)
        return tuple(rep.lines)

    return rows


def _organization(year: LoadedYear | None) -> str:
    return year.meta.organization if year is not None else ""


def diff_years(old: LoadedYear, new: LoadedYear, *, ignore_order: bool = False) -> DiffReport:
    """Every change from `old` to `new` (two years, or one year at two revisions)."""
    return diff_units(old, new, old_label=_year_label(old), new_label=_year_label(new),
                      ignore_order=ignore_order)
