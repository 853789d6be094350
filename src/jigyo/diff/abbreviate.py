"""（略）: a 新旧対照表 that shows only what changed, with the headings that place it.

A 取り組み heading stays when something in its block changed, a 項目 and an
entry name stay when something under them changed; every other run of
unchanged rows becomes one （略） row (None here).
"""

from __future__ import annotations

from collections.abc import Sequence

from .records import Line


def abbreviate(lines: Sequence[Line]) -> list[Line | None]:
    """The rows to show; None stands for a run of rows left out."""
    changed_blocks = {ln.block for ln in lines if ln.changed}
    context: set[int] = set()
    last_item = last_entry = -1
    for i, line in enumerate(lines):
        if line.kind in ("initiative", "unit"):
            last_item = last_entry = -1
        elif line.kind == "item":
            last_item, last_entry = i, -1
        elif line.kind == "entry":
            last_entry = i
        if line.changed and line.kind in ("entry", "field"):
            context.update(x for x in (last_item, last_entry) if 0 <= x < i)
    kept: list[Line | None] = []
    for i, line in enumerate(lines):
        heading = line.kind in ("initiative", "unit") and line.block in changed_blocks
        if line.changed or heading or i in context:
            kept.append(line)
        elif not kept or kept[-1] is not None:
            kept.append(None)
    return kept
