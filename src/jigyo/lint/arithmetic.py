"""Arithmetic written in a cell: 「20地区×11月」 beside a target of 220回.

Where the content of an entry (or of a row) multiplies counts and the target
is a number, the product must be that number.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from ..problems import Problem
from ..yamlread import Path_
from . import LintContext, finding, rule

RULE = "arithmetic"
_TERM = r"[^\s、。，,×xX＊*（）()]*?[0-9０-９][0-9０-９,，]*[^\s、。，,×（）()0-9０-９]*"
_PRODUCT = re.compile(_TERM + r"(?:[×＊*]" + _TERM + ")+")
_NUMBER = re.compile("[0-9０-９][0-9０-９,，]*")
_TIMES = re.compile("[×＊*]")


def _value(written: str) -> int:
    return int(unicodedata.normalize("NFKC", written).replace(",", ""))


def _first_line(value: Any, where: Path_) -> tuple[str, Path_] | None:
    if isinstance(value, str):
        return value, where
    if isinstance(value, list) and value and isinstance(value[0], str):
        return value[0], (*where, 0)
    return None


def _cells(data: Any, where: Path_ = ()) -> Iterator[tuple[Path_, Path_]]:
    """(content path, target path) of every mapping that has both, as single strings."""
    stack: list[tuple[Any, Path_]] = [(data, where)]
    while stack:
        node, at = stack.pop()
        if isinstance(node, dict):
            content = _first_line(node.get("content"), (*at, "content"))
            target = _first_line(node.get("target"), (*at, "target"))
            if content is not None and target is not None:
                yield content[1], target[1]
            stack.extend((v, (*at, k)) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((v, (*at, i)) for i, v in enumerate(node))


@rule(RULE, "lint_rule_arithmetic")
def arithmetic(context: LintContext) -> Iterator[Problem]:
    by_path = context.by_path
    # only a file with a × (or ＊, *) in some string can hold a product: the others are not walked
    timed = {id(t.doc) for t in context.texts if _TIMES.search(t.value) is not None}
    for doc in context.docs:
        if id(doc) not in timed:
            continue
        for content_at, target_at in _cells(doc.data):
            content = by_path.get((id(doc), content_at))
            target = by_path.get((id(doc), target_at))
            if content is None or target is None:
                continue
            product = _PRODUCT.search(content.value)
            wanted = _NUMBER.search(target.value)
            if product is None or wanted is None:
                continue
            terms = _TIMES.split(product.group())
            numbers = [_NUMBER.findall(term) for term in terms]
            if any(len(found) != 1 for found in numbers):
                continue
            total = math.prod(_value(found[0]) for found in numbers)
            if total != _value(wanted.group()):
                yield finding(RULE, target, wanted.start(), "lint_arithmetic",
                              expression=product.group(), product=total,
                              target=wanted.group())
