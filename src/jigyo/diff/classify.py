"""Naming a difference: added, removed, changed (with its 増減), reordered.

Whether two texts differ is decided on their normalised form (width,
wrapping and spacing do not count); an order change is what falls off the
longest run kept in order, so one moved 取り組み is one change, not many.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from .phrases import Span, char_diff, norm, quantity_delta, whole
from .records import Change, Kind, Level

COUNTED = frozenset({"target"})
"""Fields whose change gets a signed difference (−1回, +150人)."""


@dataclass(frozen=True)
class Context:
    """What every change of one unit shares: its slug, and whether order counts."""

    slug: str
    ignore_order: bool = False

    def change(self, kind: Kind, level: Level, path: tuple[str, ...], *,
               old: str | None = None, new: str | None = None,
               old_spans: tuple[Span, ...] = (), new_spans: tuple[Span, ...] = (),
               moved_from: tuple[str, ...] = (), moved_to: tuple[str, ...] = (),
               row: int | None = None, field: str | None = None) -> Change:
        return Change(kind, level, self.slug, path, field=field, old=old, new=new,
                      old_spans=old_spans, new_spans=new_spans, moved_from=moved_from,
                      moved_to=moved_to, row=row)


def field_change(ctx: Context, level: Level, path: tuple[str, ...], name: str, old: str,
                 new: str, row: int | None = None) -> Change | None:
    """The change of one field's printed text, if a reader would see one."""
    if old == new or norm(old) == norm(new):
        return None
    if not old or not new:
        kind: Kind = "added" if not old else "removed"
        return Change(kind, level, ctx.slug, path, field=name, old=old or None, new=new or None,
                      old_spans=whole(old, True), new_spans=whole(new, True), row=row)
    o, n = char_diff(old, new)
    delta = quantity_delta(old, new) if name in COUNTED else None
    return Change("changed", level, ctx.slug, path, field=name, old=old, new=new, old_spans=o,
                  new_spans=n, delta=delta, row=row)


def renamed(ctx: Context, level: Level, path: tuple[str, ...], name: str, old: str,
            new: str) -> Change:
    o, n = char_diff(old, new)
    return Change("renamed", level, ctx.slug, path, field=name, old=old, new=new,
                  old_spans=o, new_spans=n)


def out_of_order(pairs: Sequence[tuple[int, int]]) -> set[int]:
    """Old indexes not on the longest run kept in order: these were reordered."""
    ordered = sorted(pairs, key=lambda p: p[1])
    olds = [o for o, _ in ordered]
    tails: list[int] = []
    tails_at: list[int] = []
    previous = [-1] * len(olds)
    for i, value in enumerate(olds):  # longest increasing subsequence, O(n log n)
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
