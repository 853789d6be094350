"""Full-width and half-width digits mixed in one table (「１回」 beside 「1回」).

The scope is one initiative's table, where a reader sees the cells side by
side; the width most cells use is the norm and the fix converts to it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator

from ..messages import msg
from ..problems import Problem
from . import LintContext, finding, rule
from .numbering import typed_numbering
from .text import Text

RULE = "mixed-width"
_RUNS = (("digits", re.compile("[0-9]+"), re.compile("[０-９]+")),)
"""Letters are the variants rule's: ＳＮＳ／SNS is one word written two ways in the year."""


def _skip(text: Text) -> int:
    """Where the wording starts: numbering typed by hand is the hand-numbering rule's."""
    typed = typed_numbering(text)
    return typed.end() if typed is not None else 0


def _table(text: Text) -> tuple[str, object] | None:
    where = text.where
    if len(where) > 3 and where[0] == "initiatives" and where[2] == "table":
        return (text.file, where[1])
    return None


@rule(RULE, "lint_rule_widths")
def mixed_width(context: LintContext) -> Iterator[Problem]:
    tables: dict[tuple[str, object], list[Text]] = {}
    for text in context.texts:
        scope = _table(text)
        if scope is not None:
            tables.setdefault(scope, []).append(text)
    for cells in tables.values():
        for kind, half, full in _RUNS:
            counts = Counter({"half": sum(len(half.findall(t.value, _skip(t))) for t in cells),
                              "full": sum(len(full.findall(t.value, _skip(t))) for t in cells)})
            if not counts["half"] or not counts["full"]:
                continue
            minority = full if counts["full"] <= counts["half"] else half
            for text in cells:
                for found in minority.finditer(text.value, _skip(text)):
                    written = found.group()
                    fixed = (unicodedata.normalize("NFKC", written) if minority is full
                             else written.translate(_TO_FULL))
                    yield finding(RULE, text, found.start(), "lint_mixed_width",
                                  found=written, fixed=fixed, kind=msg(f"lint_kind_{kind}"),
                                  half=counts["half"], full=counts["full"])


_TO_FULL = {code: code + 0xFEE0 for code in range(0x21, 0x7F)}
