"""Numbers in plan text: tokens to compare whole, and the change of a 目標値.

A number is compared as a whole token together with its counter (3,800人,
12回, 248), and a 目標値 that counts the same thing on both sides gets a
signed difference (+150人, −1回, +12).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

COUNTERS = (
    "万円", "千円", "円", "回", "件", "人", "名", "か所", "カ所", "ヶ所", "ヵ所", "箇所", "校",
    "団体", "世帯", "部", "日", "時間", "ヶ月", "か月", "カ月", "%", "台", "冊", "枚", "本",
    "個", "グループ", "組", "講座", "地区", "事業所", "施設", "号",
)
_SAME_COUNTER = {"か所": "か所", "カ所": "か所", "ヶ所": "か所", "ヵ所": "か所", "箇所": "か所",
                 "ヶ月": "か月", "カ月": "か月"}
_COUNTER = "|".join(sorted(map(re.escape, COUNTERS), key=len, reverse=True))
_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
NUMBER_TOKEN = re.compile(f"{_NUMBER}(?:{_COUNTER})?")
"""A number with its counter, in normalised (NFKC) text."""
_QUANTITY = re.compile(f"({_NUMBER})({_COUNTER})")
_BARE = re.compile(f"({_NUMBER})")
_DIGITS = re.compile(r"\d+")


def quantity(normed: str) -> tuple[Decimal, str] | None:
    """The single number + counter of a normalised 目標値 (7回予定 → (7, 回)), or a bare
    number that is the whole text (248 → (248, "")); None when there is no single one."""
    found = _QUANTITY.search(normed)
    if found is None:
        found = _BARE.fullmatch(normed)
        if found is None:
            return None
        counter = ""
    else:
        counter = found.group(2)
    rest = normed[: found.start()] + normed[found.end():]
    if _DIGITS.search(rest):
        return None  # 30万円/年1回: more than one number, no single direction
    try:
        value = Decimal(found.group(1).replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern only admits numbers
        return None
    return value, _SAME_COUNTER.get(counter, counter)


def delta(old_normed: str, new_normed: str) -> str | None:
    """The change as a signed amount (−1回, +150人, +12), when both sides count the same thing."""
    before, after = quantity(old_normed), quantity(new_normed)
    if before is None or after is None or before[1] != after[1]:
        return None
    difference = after[0] - before[0]
    if difference == 0:
        return None
    sign = "+" if difference > 0 else "−"
    return f"{sign}{abs(difference):,}{after[1]}"
