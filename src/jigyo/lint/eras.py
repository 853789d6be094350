"""Calendar checks: 和暦 and 西暦 that disagree, weekdays that do not match, 元年 and 1年 mixed.

平成31（2019）年度 is right and 平成31（2020）年度 is not; 「2021年9月9日（木）」
is a Thursday, 「9月10日（木）」 without a year is read in the plan's fiscal
year (April to December in it, January to March in the next calendar year).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ..problems import Problem
from . import LintContext, finding, rule
from .dates import ERA, START, WEEKDAYS, WESTERN, date, number, western
from .text import Text

_ERA_THEN_WEST = re.compile(START + ERA + r"[（(]" + WESTERN + r"[）)]")
_WEST_THEN_ERA = re.compile(START + WESTERN + r"[（(]" + ERA + r"[）)]")
_DATE = re.compile(START + r"(?:(?:" + WESTERN + "|" + ERA + r")年)?(?P<m>[0-9０-９]{1,2})月"
                   r"(?P<d>[0-9０-９]{1,2})日[ 　]?[（(](?P<wd>[月火水木金土日])(?:曜日?)?[）)]")
_GANNEN = re.compile(r"(?P<era>平成|令和)(?P<n>元|1|１)年")


@rule("era-year", "lint_rule_era_year")
def era_year(context: LintContext) -> Iterator[Problem]:
    for pattern in (_ERA_THEN_WEST, _WEST_THEN_ERA):
        for text, base, found in context.matches(pattern):
            right = western(found["era"], found["n"])
            if number(found["west"]) != right:
                yield finding("era-year", text, found.start("west") - base, "lint_era_year",
                              era=found["era"] + found["n"], west=found["west"], right=right)


def _year(context: LintContext, found: re.Match[str]) -> int:
    if found["west"]:
        return number(found["west"])
    if found["era"]:
        return western(found["era"], found["n"])
    return context.fiscal_year + (1 if number(found["m"]) < 4 else 0)


@rule("weekday", "lint_rule_weekday")
def weekday(context: LintContext) -> Iterator[Problem]:
    for text, base, found in context.matches(_DATE):
        year = _year(context, found)
        day = date(year, number(found["m"]), number(found["d"]))
        if day is None:
            yield finding("weekday", text, found.start("m") - base, "lint_no_such_date",
                          date=found.group(), year=year)
        elif WEEKDAYS[day.weekday()] != found["wd"]:
            yield finding("weekday", text, found.start("wd") - base, "lint_weekday",
                          date=found.group(), year=year, right=WEEKDAYS[day.weekday()],
                          right_en=day.strftime("%A"))


@rule("gannen", "lint_rule_gannen")
def gannen(context: LintContext) -> Iterator[Problem]:
    places: list[tuple[str, Text, int]] = []
    for text, base, found in context.matches(_GANNEN):
        places.append(("元年" if found["n"] == "元" else "1年", text, found.start("n") - base))
    counts = Counter(form for form, _, _ in places)
    if len(counts) < 2:
        return
    major = "元年" if counts["元年"] >= counts["1年"] else "1年"
    for form, text, offset in places:
        if form != major:
            yield finding("gannen", text, offset, "lint_gannen", found=form, major=major,
                          major_count=counts[major])
