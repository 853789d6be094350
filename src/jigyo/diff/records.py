"""What the differ finds, as typed, language-neutral records.

Records name fields and levels by code (``target``, ``entry``); the words a
reader sees come from the message catalogue (:mod:`jigyo.messages.diff`) when
a format is rendered, so one report can be printed in Japanese or English.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from .phrases import Span, char_diff, norm, whole

Kind = Literal["added", "removed", "renamed", "moved", "reordered", "changed"]
Level = Literal["year", "department", "unit", "initiative", "item", "entry", "row", "policy"]
LineKind = Literal["unit", "policy", "initiative", "item", "entry", "field"]
Status = Literal["added", "removed", "changed", "unchanged"]

KINDS: tuple[Kind, ...] = ("added", "removed", "renamed", "moved", "reordered", "changed")


@dataclass(frozen=True)
class Change:
    """One change, located by the names a reader knows (新 side where it exists)."""

    kind: Kind
    level: Level
    unit: str
    """Slug of the unit (the new one where it exists); "" for the year file."""
    path: tuple[str, ...]
    """Unit label, 取り組み, 項目, entry: as far down as the change lies."""
    field: str | None = None
    """The field code (title, item, name, content, target, note, policy, era …)."""
    old: str | None = None
    new: str | None = None
    old_spans: tuple[Span, ...] = ()
    new_spans: tuple[Span, ...] = ()
    delta: str | None = None
    """For a 目標値 counting the same thing on both sides: −1回, +150人, +12."""
    moved_from: tuple[str, ...] = ()
    """For moved: where it was (path); for reordered: the old number."""
    moved_to: tuple[str, ...] = ()
    row: int | None = None
    """For an entry written as several rows: which row (1-based, the new one where it exists)."""


@dataclass
class Line:
    """One row of a 新旧対照表: the same place in both years, either side may be absent.

    The texts are kept as written; the marked spans are worked out only when a
    table is drawn. (Not frozen: a year has tens of thousands of rows, and a
    frozen dataclass is slower to build; nothing changes a row once made.)
    """

    kind: LineKind
    old_text: str | None
    new_text: str | None
    field: str | None = None
    """For a field row: content, target or note."""
    row: int | None = None
    """For a field of an entry written as several rows: which row."""
    block: int = 0
    """Which 取り組み the row belongs to (0: the unit itself), to shorten by block."""

    @cached_property
    def _spans(self) -> tuple[tuple[Span, ...] | None, tuple[Span, ...] | None]:
        old, new = self.old_text, self.new_text
        if old is not None and new is not None:
            if old == new or norm(old) == norm(new):
                return whole(old, False), whole(new, False)
            return char_diff(old, new)
        return (whole(old, True) if old is not None else None,
                whole(new, True) if new is not None else None)

    @property
    def old(self) -> tuple[Span, ...] | None:
        return self._spans[0]

    @property
    def new(self) -> tuple[Span, ...] | None:
        return self._spans[1]

    @property
    def changed(self) -> bool:
        if self.old_text is None or self.new_text is None:
            return True
        return self.old_text != self.new_text and norm(self.old_text) != norm(self.new_text)


@dataclass(frozen=True)
class UnitDiff:
    slug: str
    label: str
    """The unit's label in the new year (the old one if it was removed)."""
    status: Status
    changes: tuple[Change, ...]
    lines: tuple[Line, ...]
    """The aligned rows of the 新旧対照表 (none kept for an unchanged unit)."""

    def count(self, kind: Kind) -> int:
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
    old_era: str = ""
    new_era: str = ""
    """The printed era of each side (令和２年度), for headings."""
    words: tuple[tuple[str, str], ...] = ()
    """The plan's own names of its levels (message code → Japanese), from its settings."""

    @property
    def changes(self) -> tuple[Change, ...]:
        return self.year_changes + tuple(c for u in self.units for c in u.changes)

    @property
    def changed(self) -> bool:
        return bool(self.year_changes) or any(u.changes for u in self.units)

    @property
    def changed_units(self) -> tuple[UnitDiff, ...]:
        return tuple(u for u in self.units if u.changes)

    @property
    def targets(self) -> tuple[Change, ...]:
        """Every changed 目標値, for the summary."""
        return tuple(c for c in self.changes if c.field == "target" and c.kind == "changed")
