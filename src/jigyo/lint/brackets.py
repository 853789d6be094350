"""Brackets that do not close in the same string: 「」『』（）＜＞【】.

Half-width () pairs with （） here (which width to use is the variants rule's matter).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..problems import Problem
from . import LintContext, finding, rule

RULE = "unbalanced-bracket"
_PAIRS = {"「": "」", "『": "』", "（": "）", "(": "）", "＜": "＞", "【": "】"}
_CLOSING = {"」": "「", "』": "『", "）": "（", ")": "（", "＞": "＜", "】": "【"}
_SAME = {"(": "（", ")": "）"}
_ANY = re.compile("[" + re.escape("".join(_PAIRS) + "".join(_CLOSING)) + "]")


@rule(RULE, "lint_rule_brackets")
def unbalanced_bracket(context: LintContext) -> Iterator[Problem]:
    for text in context.texts:
        if _ANY.search(text.value) is None:
            continue
        open_: list[tuple[str, int]] = []
        for i, char in enumerate(text.value):
            if char in _PAIRS:
                open_.append((_SAME.get(char, char), i))
            elif char in _CLOSING:
                if open_ and open_[-1][0] == _CLOSING[char]:
                    open_.pop()
                else:
                    yield finding(RULE, text, i, "lint_bracket_unopened", char=char,
                                  opening=_CLOSING[char])
                    open_ = []
                    break
        for char, at in open_:
            yield finding(RULE, text, at, "lint_bracket_unclosed", char=char,
                          closing=_PAIRS[char])
