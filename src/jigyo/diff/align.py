"""新旧 alignment: both sides as one sequence of rows, each row one place in both years.

Children of a matched pair are laid out in the new order, with what left
placed where it was; 方針 lines are aligned by their text, the most alike
lines of a replaced stretch side by side.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import TypeVar

from ..layout import BlockView
from .phrases import norm, similarity
from .tree import Node

N = TypeVar("N", bound=Node)
ALIKE = 0.4
"""Two 方針 lines at least this alike (0..1) are one line reworded."""


def merged(old: Sequence[N], new: Sequence[N]) -> list[tuple[N | None, N | None]]:
    """Both lists as one sequence in new order, what left or came in placed where it was."""
    here = {id(n) for n in new if n.partner is not None and n.partner in old}
    out: list[tuple[N | None, N | None]] = []
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


PolicyLine = tuple[str, str]
"""(comparison key, printed line) of one line of a 方針."""


def policy_lines(policy: Sequence[BlockView]) -> list[PolicyLine]:
    """Every printed line of a 方針; the key leaves out numbers and marks."""
    return [(block.kind + ":" + norm(text), printed)
            for block in policy
            for (_, text), printed in zip(block.items, block.printed, strict=True)]


def policy_pairs(old: Sequence[BlockView],
                 new: Sequence[BlockView]) -> list[tuple[str | None, str | None]]:
    """The printed lines of two 方針 side by side (None where a side has no line)."""
    a, b = policy_lines(old), policy_lines(new)
    matcher = difflib.SequenceMatcher(None, [k for k, _ in a], [k for k, _ in b], autojunk=False)
    out: list[tuple[str | None, str | None]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out += [(x[1], y[1]) for x, y in zip(a[i1:i2], b[j1:j2], strict=True)]
            continue
        olds, news = a[i1:i2], b[j1:j2]
        j = 0
        for _, text in olds:
            best = next((k for k in range(j, len(news)) if similarity(text, news[k][1]) >= ALIKE),
                        None)
            if best is None:
                out.append((text, None))
            else:
                out += [(None, news[k][1]) for k in range(j, best)]
                out.append((text, news[best][1]))
                j = best + 1
        out += [(None, news[k][1]) for k in range(j, len(news))]
    return out


def row_pairs(old: Sequence[str], new: Sequence[str]) -> list[tuple[int | None, int | None]]:
    """Rows of a multi-row entry side by side by their 内容: (old index, new index)."""
    matcher = difflib.SequenceMatcher(None, [norm(x) for x in old], [norm(x) for x in new],
                                      autojunk=False)
    out: list[tuple[int | None, int | None]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out += list(zip(range(i1, i2), range(j1, j2), strict=True))
            continue
        common = min(i2 - i1, j2 - j1)  # a replaced stretch: reworded rows, in order
        out += [(i1 + k, j1 + k) for k in range(common)]
        out += [(i, None) for i in range(i1 + common, i2)]
        out += [(None, j) for j in range(j1 + common, j2)]
    return out
