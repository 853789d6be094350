"""半角カナ (ﾌｫﾛﾜｰ, the half-width ･): printed narrow and read aloud badly; the fix is full width."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from ..problems import Problem
from . import LintContext, finding, rule

RULE = "halfwidth-kana"
_HALFWIDTH = re.compile("[\uff61-\uff9f]+")


@rule(RULE, "lint_rule_halfwidth_kana")
def halfwidth_kana(context: LintContext) -> Iterator[Problem]:
    for text, base, found in context.matches(_HALFWIDTH):
        yield finding(RULE, text, found.start() - base, "lint_halfwidth_kana",
                      found=found.group(), fixed=unicodedata.normalize("NFKC", found.group()))
