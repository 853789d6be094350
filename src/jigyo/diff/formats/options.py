"""What a diff format may be asked for: colour, side order, abbreviation, language."""

from __future__ import annotations

from dataclasses import dataclass

from ...messages import Lang


@dataclass(frozen=True)
class Options:
    lang: Lang = "ja"
    color: bool = False
    """text: ANSI colours (only on a terminal)."""
    new_on_left: bool = True
    """html: 改正後 in the left column, as in a 新旧対照表 of a Japanese public body."""
    abbreviate: bool = False
    """html: unchanged rows as （略）."""
    report_url: str | None = None
    """md: where the whole report is, when the comment had to be cut."""
    limit: int = 65_536
    """md: GitHub refuses a comment longer than this many characters."""
