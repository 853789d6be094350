"""How a result names the 事項 it belongs to: its `id`, or its path in the plan.

The path is 取り組み › 項目 › 事項, each part written as in the plan:

- 取り組み: the initiative's title (without number or 受託 suffix);
- 項目: the group's item, left out (two parts) where the group has none;
- 事項: the entry's name, else the first line of its 内容, else of its 目標値
  (for an entry with `rows`, of its first row).

Parts are compared after NFKC normalisation with spaces removed, so 全角 and
半角, or a stray space, do not break the match. Where two entries of a unit
would have the same path, the second is written with ` [2]`, the third
` [3]`, in plan order. Numbers such as (1) are never part of the path: they
are generated and change when the plan is reordered.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from ..layout import EntryView, GroupView, InitiativeView, UnitView

SEPARATOR = " › "
_SPLIT = re.compile(r"\s*›\s*")
_SPACES = re.compile(r"\s+")
_REPEAT = re.compile(r"\s*\[(\d+)\]$")

Key = tuple[str, ...]


@dataclass(frozen=True)
class PlanEntry:
    """One 事項 of the plan, with the names a result may use for it."""

    unit: UnitView
    initiative: InitiativeView
    group: GroupView
    entry: EntryView
    path: str
    """The path as written in a results file."""
    key: Key

    @property
    def targets(self) -> tuple[str, ...]:
        """Every 目標値 line of the entry (of all its rows)."""
        if self.entry.rows is not None:
            return tuple(line for row in self.entry.rows for line in row.target.lines)
        return self.entry.target.lines if self.entry.target is not None else ()

    @property
    def covered(self) -> bool:
        """Whether a merged 目標値 cell of an entry above covers this entry's 目標値."""
        left = 0
        for other in self.group.entries:
            if other is self.entry:
                return left > 0 and other.target is None
            left = max(left - 1, 0)
            if other.target is not None and other.target.span > 1:
                left = other.target.span - 1
        return False

    @property
    def label(self) -> str:
        """The entry as printed: (1)理事会."""
        return self.entry.number + _label(self.entry)


def _label(entry: EntryView) -> str:
    if entry.name:
        return entry.name
    cells = ([entry.content, entry.target] if entry.rows is None
             else [entry.rows[0].content, entry.rows[0].target])
    for cell in cells:
        if cell is not None and cell.lines:
            return cell.lines[0]
    return ""


def normal(part: str) -> str:
    """A path part as compared: NFKC, no spaces."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", part))


def parse_path(text: str) -> Key:
    """The key of a path written in a results file (parts split at ›)."""
    parts = [p for p in _SPLIT.split(text.strip()) if p]
    if parts:
        last = parts[-1]
        repeat = _REPEAT.search(last)
        if repeat is not None:
            parts[-1] = last[: repeat.start()] + f"[{repeat.group(1)}]"
    return tuple(normal(p) for p in parts)


def plan_entries(unit: UnitView) -> Iterator[PlanEntry]:
    """Every 事項 of a unit in plan order, with its unique path."""
    seen: dict[Key, int] = {}
    for initiative in unit.initiatives:
        for group in initiative.groups:
            for entry in group.entries:
                parts = [initiative.title, *([group.item] if group.item else []), _label(entry)]
                key = tuple(normal(p) for p in parts)
                count = seen.get(key, 0) + 1
                seen[key] = count
                if count > 1:
                    parts[-1] = f"{parts[-1]} [{count}]"
                    key = (*key[:-1], f"{key[-1]}[{count}]")
                yield PlanEntry(unit, initiative, group, entry, SEPARATOR.join(parts), key)
