"""Zero-width and other invisible characters, which the reader lets through but search trips on.

Controls, bidirectional marks and line separators are refused when a file is
read (:mod:`jigyo.yamlread`); these are the invisible characters left.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..problems import Problem
from . import LintContext, finding, rule

RULE = "invisible-char"
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200d\u2060-\u2064\u3164\uffa0]")


@rule(RULE, "lint_rule_invisible")
def invisible_char(context: LintContext) -> Iterator[Problem]:
    for text, base, found in context.matches(_INVISIBLE):
        yield finding(RULE, text, found.start() - base, "lint_invisible",
                      char=f"U+{ord(found.group()):04X}")
