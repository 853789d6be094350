"""Numbering typed by hand at the start of a title, name or list item (「１３．」「(1)」「①」「・」).

jigyo prints the numbers and bullets itself, so a number copied from Word
prints twice (「13．１３．」); the fix is to delete it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..problems import Problem
from . import LintContext, finding, rule
from .text import Text

RULE = "hand-numbering"
_HEADS = frozenset({"title", "name", "item", "heading"})
_LISTS = frozenset({"bullets", "numbered", "policy"})
_NUMBER = re.compile(
    r"^[ 　]*(?:[0-9０-９]{1,3}[．.、](?![0-9０-９])|[（(][0-9０-９]{1,3}[）)]|[0-9０-９]{1,3}[）)]"
    r"|[①-⑳㉑-㉟㊱-㊿]|[・･●○■□◆◇]|[ア-ン][．.](?![0-9０-９]))[ 　]*")


def typed_numbering(text: Text) -> re.Match[str] | None:
    """The numbering typed at the start of a title, name or list item, if any."""
    if text.key in _HEADS or (text.key in _LISTS and isinstance(text.where[-1], int)):
        found = _NUMBER.match(text.value)
        if found is not None and found.end() < len(text.value):
            return found
    return None


@rule(RULE, "lint_rule_numbering")
def hand_numbering(context: LintContext) -> Iterator[Problem]:
    for text in context.texts:
        found = typed_numbering(text)
        if found is not None:
            start = len(found.group()) - len(found.group().lstrip(" 　"))
            yield finding(RULE, text, start, "lint_hand_numbering",
                          found=found.group().strip(" 　"))
