"""Years and dates as written in a plan: 和暦 (令和2年, 平成31（2019）年度) and 西暦.

Shared by the rules on eras, weekdays and stale years; digits may be full-width.
"""

from __future__ import annotations

import datetime
import unicodedata

ERAS = {"明治": 1868, "大正": 1912, "昭和": 1926, "平成": 1989, "令和": 2019}
ERA = r"(?P<era>明治|大正|昭和|平成|令和)(?P<n>[0-9０-９]{1,2}|元)"
WESTERN = r"(?P<west>[0-9０-９]{4})"
START = "(?=[0-9０-９明大昭平令])"
"""Put before a pattern that starts with a year, era or month: the search then passes over
every other character at once instead of trying the pattern there."""
WEEKDAYS = "月火水木金土日"


def number(written: str) -> int:
    """`12`, `１２` or `元` (the first year of an era) as a number."""
    return 1 if written == "元" else int(unicodedata.normalize("NFKC", written))


def western(era: str, year: str) -> int:
    """The 西暦 year of an era year (令和2 → 2020)."""
    return ERAS[era] + number(year) - 1


def fiscal_year_of(year: int, month: int) -> int:
    """The fiscal year (April to March) a month belongs to."""
    return year if month >= 4 else year - 1


def date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None
