"""Reading a 目標値 or a 実績 as a number: value + unit + qualifier, or not at all.

「7回予定」 is 7 回 (予定), 「2,100件程度」 2100 件 (程度), 「40,000件/年」 and
「年2回」 are counts per 年, 「1～2校」 a range, 「170万円」 1,700,000 円,
「1回（160人）」 1 回 with the note （160人）. Anything else (「段階的に作成」,
「随時実施」, 「保谷4団体」, 「30万円/100カ所」) is left as text: a parse that
could be wrong is worse than none, so only these shapes are read, and only
with a unit from :data:`UNITS`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

UNITS: tuple[str, ...] = (
    "事業所", "時間", "団体", "世帯", "項目", "行事", "事業", "か所", "万円", "円",
    "回", "件", "人", "名", "部", "枚", "個", "校", "駅", "台", "日",
)
"""Units read after a number, longest first (事業所 before 事業)."""

_PLACES = str.maketrans({"ヶ": "か", "ケ": "か", "カ": "か", "箇": "か", "ヵ": "か"})
_PREFIX = ("約", "延べ", "計", "新規")
_SUFFIX = ("を予定", "予定", "程度", "以上", "前後")
_PER_PREFIX = {"年間": "年", "年": "年", "月": "月", "毎月": "月"}
_UNIT = "|".join(re.escape(u) for u in UNITS)
_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
_SHAPE = re.compile(
    rf"^(?P<per1>年間|毎月|年|月)?(?P<pre>約|延べ|計|新規)?"
    rf"(?P<value>{_NUMBER})(?:[~〜～-](?P<upper>{_NUMBER}))?(?P<unit>{_UNIT})"
    rf"(?:/(?P<per2>年|月))?(?P<post>を予定|予定|程度|以上|前後)?(?P<note>\([^()]*\))?$"
)


@dataclass(frozen=True)
class Quantity:
    """A number as a plan writes it: 7 回 予定, 40000 件 per 年."""

    value: Decimal
    unit: str
    upper: Decimal | None = None
    """The top of a range (1～2校), else None."""
    per: str | None = None
    """年 or 月 for a count per period (年2回, 40,000件/年)."""
    qualifier: str = ""
    """予定, 程度, 約, 延べ, …: kept, not used in the 達成率."""
    note: str = ""
    """A trailing parenthesised note: （160人）."""

    def same_measure(self, other: Quantity) -> bool:
        """Whether `other` counts the same thing (unit, and period where both say one)."""
        return self.unit == other.unit and (self.per == other.per or other.per is None
                                            or self.per is None)


def _normal(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_PLACES)
    return re.sub(r"\s+", "", text).replace("/", "/")


def parse(text: str) -> Quantity | None:
    """The quantity written in `text`, or None when it is not (only) a number with a unit."""
    norm = _normal(text)
    if norm.startswith("(") and norm.endswith(")") and norm.count("(") == 1:
        norm = norm[1:-1]
    match = _SHAPE.match(norm)
    if match is None:
        return None
    per1, per2 = match.group("per1"), match.group("per2")
    if per1 and per2:
        return None
    value = Decimal(match.group("value").replace(",", ""))
    upper_text = match.group("upper")
    upper = Decimal(upper_text.replace(",", "")) if upper_text else None
    unit = match.group("unit")
    if unit == "万円":
        value, unit = value * 10000, "円"
        upper = upper * 10000 if upper is not None else None
    if upper is not None and upper <= value:
        return None
    qualifier = "".join(q for q in (match.group("pre"), match.group("post")) if q)
    note = match.group("note") or ""
    per = _PER_PREFIX.get(per1 or "") or per2
    return Quantity(value, unit, upper, per, qualifier, f"（{note[1:-1]}）" if note else "")


def first(lines: tuple[str, ...]) -> Quantity | None:
    """The first line that reads as a quantity."""
    for line in lines:
        found = parse(line)
        if found is not None:
            return found
    return None


def rate(targets: tuple[str, ...], results: tuple[str, ...]) -> Decimal | None:
    """実績 ÷ 目標 (a range: its lower end), when both are numbers of the same measure."""
    target = first(targets)
    if target is None or target.value == 0:
        return None
    for line in results:
        actual = parse(line)
        if actual is not None and target.same_measure(actual) and actual.upper is None:
            return actual.value / target.value
    return None


def describe(found: Quantity) -> str:
    """A parse as one line, for the test table: value|upper|unit|per|qualifier|note."""
    return "|".join((str(found.value), str(found.upper or ""), found.unit, found.per or "",
                     found.qualifier, found.note))
