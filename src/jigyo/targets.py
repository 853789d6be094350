"""Reading a 目標値 as a quantity: 年間343回を予定 → 343, 回, 年間…を予定.

Open-data tables (CSV, the data sheet of the workbook) and the 事業報告 compare
targets as numbers, while the plan keeps them as written. A target is split
only when that is certain: exactly one number followed by a known counter word,
outside any parentheses. Everything else (随時, 30万円/年1回, 田無25団体と保谷4団体,
4月～) is left as written with no value: a wrong number would be worse than none.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

PLACE = "…"
"""Stands for the quantity in :attr:`Quantity.qualifier` (年間…を予定)."""

COUNTERS = (
    "か所", "カ所", "ヵ所", "ヶ所", "箇所", "万円", "千円", "円", "時間", "世帯", "団体",
    "事業", "回", "件", "人", "名", "日", "枚", "部", "駅", "校", "台", "冊", "組", "社",
    "講座", "コース", "地区", "圏域", "ケース", "個", "行事",
)
"""The counter words a council's targets use; longest first where one starts another."""

_NUMBER = r"(?P<value>\d+(?:,\d{3})*(?:\.\d+)?)(?:～(?P<upper>\d+(?:,\d{3})*(?:\.\d+)?))?"
_COUNTER = "|".join(re.escape(c) for c in sorted(COUNTERS, key=len, reverse=True))
_QUANTITY = re.compile(_NUMBER + f"(?P<unit>{_COUNTER})")
_BRACKETS = re.compile(r"（[^（）]*）|\([^()]*\)")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Quantity:
    """A 目標値 read as a number: value (and upper end of a range), counter word, the rest."""

    value: Decimal
    upper: Decimal | None
    """2～3回: 3 (None unless the target is a range)."""
    unit: str
    qualifier: str
    """The written text around the quantity, the quantity as … (年…, …/年, …（30人）); "" if none."""


def normalized(text: str) -> str:
    """Full-width digits and signs as half-width (５回 → 5回, ／ → /), lines stripped."""
    joined = "\n".join(line.strip() for line in text.splitlines())
    return "".join(unicodedata.normalize("NFKC", c) if c.isdigit() or c in "／，．" else c
                   for c in joined)


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def parse_target(text: str) -> Quantity | None:
    """The quantity of a written 目標値, or None when it is not one number of something.

    Several lines are read as one text (年24回 / （月2回） → 24, 回, 年…\\n（月2回））.
    Numbers inside parentheses are part of the qualifier, never the value.
    """
    flat = normalized(text)
    outside = _BRACKETS.sub(lambda m: "\0" * len(m.group(0)), flat)
    found = [m for m in _QUANTITY.finditer(outside)]
    if len(found) != 1:
        return None
    match = found[0]
    rest = outside[: match.start()] + outside[match.end():]
    if _DIGIT.search(rest):  # another number outside parentheses: 30万円/年1回
        return None
    upper = match.group("upper")
    qualifier = flat[: match.start()] + PLACE + flat[match.end():]
    return Quantity(
        value=_number(match.group("value")),
        upper=_number(upper) if upper else None,
        unit=match.group("unit"),
        qualifier="" if qualifier == PLACE else qualifier,
    )


def plain_number(value: Decimal | None) -> str:
    """A number as a machine-readable table writes it: 2100, 1.5, never 2,100; "" for None."""
    if value is None:
        return ""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
