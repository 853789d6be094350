"""A total (計・合計) that is not the sum of the lines above it.

The lines are the items of one list (「4回」「6回」「計10回」), the rows of an
entry or the entries of a group, each a number with the same unit as the
total. A total over fewer than two lines is left alone: 「新規1か所」「計2か所」
counts what was there before.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from ..problems import Problem
from ..yamlread import Path_
from . import LintContext, finding, rule

RULE = "total-sum"
_AMOUNT = re.compile(r"^(?P<label>[^0-9０-９]*?)[ 　]*(?P<n>[0-9０-９][0-9０-９,，]*)(?P<unit>[^0-9０-９]*)$")
_TOTAL = re.compile(r"^[ 　]*(?:合計|総計|計)[ 　:：]*$")


def _amount(value: str) -> tuple[str, int, str, int] | None:
    found = _AMOUNT.match(value.strip())
    if found is None:
        return None
    number = int(unicodedata.normalize("NFKC", found["n"]).replace(",", "").replace("，", ""))
    unit = unicodedata.normalize("NFKC", found["unit"]).strip()
    return found["label"], number, unit, value.find(found["n"])


def _lines(data: Any) -> Iterator[list[tuple[str, Path_]]]:
    """Sequences of (label, value path) whose last item may be a total."""
    stack: list[tuple[Any, Path_]] = [(data, ())]
    while stack:
        node, at = stack.pop()
        if isinstance(node, list):
            if all(isinstance(v, str) for v in node):
                yield [("", (*at, i)) for i in range(len(node))]
            rows = [(v.get("content") if "content" in v else v.get("name"), (*at, i, "target"))
                    for i, v in enumerate(node) if isinstance(v, dict)]
            if rows and all(isinstance(label, str) for label, _ in rows):
                yield [(str(label), where) for label, where in rows]
            stack.extend((v, (*at, i)) for i, v in enumerate(node))
        elif isinstance(node, dict):
            stack.extend((v, (*at, k)) for k, v in node.items())


@rule(RULE, "lint_rule_total")
def total_sum(context: LintContext) -> Iterator[Problem]:
    by_path = context.by_path
    for doc in context.docs:
        for lines in _lines(doc.data):
            texts = [by_path.get((id(doc), where)) for _, where in lines]
            if not any("計" in label or (text is not None and "計" in text.value)
                       for (label, _), text in zip(lines, texts, strict=True)):
                continue  # no line can be a total (合計, 総計 and 計 all hold 計)
            above: list[tuple[int, str]] = []
            for (label, _), text in zip(lines, texts, strict=True):
                amount = _amount(text.value) if text is not None else None
                if text is None or amount is None:
                    above = []
                    continue
                own, number, unit, offset = amount
                if _TOTAL.match(own) or (not own and _TOTAL.match(label)):
                    if len(above) >= 2 and all(u == unit for _, u in above):
                        total = sum(n for n, _ in above)
                        if total != number:
                            yield finding(RULE, text, offset, "lint_total", total=number,
                                          sum=total, count=len(above), unit=unit)
                    above = []
                elif not own:
                    above.append((number, unit))
                else:
                    above = []
