"""Last year's 年度 and dates left in this year's plan (「令和２年度は」 in plans/2021).

The plan is copied from last year's, so a 年度 or a full date of the previous
fiscal year is most often a sentence not yet rewritten. What is plainly about
the past is left alone: a note (after 「※」), the start of a range
(「平成31年度～」) and 「から」「以降」「実績」 after the year.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..problems import Problem
from . import LintContext, finding, rule
from .dates import ERA, START, WESTERN, fiscal_year_of, number, western

RULE = "stale-year"
_FISCAL = re.compile(START + r"(?:" + ERA + r"(?:[（(][0-9０-９]{4}[）)])?|" + WESTERN + r")年度")
_DATE = re.compile(START + r"(?:" + WESTERN + "|" + ERA + r")年(?P<m>[0-9０-９]{1,2})月(?P<d>[0-9０-９]{1,2})日")
_PAST = re.compile(r"[ 　]*(?:[～〜~－\-]|から|より|以降|以来|実績|末|[（(]実績)")


def _about_the_past(value: str, start: int, end: int) -> bool:
    sentence = value[max(value.rfind("。", 0, start), value.rfind("\n", 0, start)) + 1:start]
    before = value[max(start - 1, 0):start]
    return "※" in sentence or before in ("～", "〜", "~") or _PAST.match(value, end) is not None


def _year(found: re.Match[str]) -> int:
    return number(found["west"]) if found["west"] else western(found["era"], found["n"])


def count_stale(found: list[Problem]) -> int:
    return sum(1 for p in found if dict(p.params).get("rule") == RULE)


@rule(RULE, "lint_rule_stale_year")
def stale_year(context: LintContext) -> Iterator[Problem]:
    last = context.fiscal_year - 1
    for text, base, found in context.matches(_FISCAL):
        if _year(found) == last and not _about_the_past(text.value, found.start() - base,
                                                         found.end() - base):
            yield finding(RULE, text, found.start() - base, "lint_stale_fiscal_year",
                          found=found.group(), year=context.fiscal_year)
    for text, base, found in context.matches(_DATE):
        if fiscal_year_of(_year(found), number(found["m"])) == last and not _about_the_past(
                text.value, found.start() - base, found.end() - base):
            yield finding(RULE, text, found.start() - base, "lint_stale_date",
                          found=found.group(), year=context.fiscal_year)
