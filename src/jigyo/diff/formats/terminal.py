"""Text for a terminal: control characters made visible, columns counted, lines wrapped.

Plan text is user content: an ESC or BEL in it must not reach the terminal
of whoever reviews a pull request (window titles, cleared screens), so every
control character is printed as a visible escape such as ``\\x1b``.
"""

from __future__ import annotations

import unicodedata

from ...problems import visible

WIDTH = 80
_NO_LINE_START = set("、。，．,.)）」』】〕ー…・：:！？!?")
Token = tuple[str, str]
"""(text, style) of a stretch of a line, or of one unit to wrap."""


def printable(text: str) -> str:
    """User text safe for a terminal: lines kept, tabs as spaces, other controls as escapes."""
    return "\n".join(visible(line.replace("\t", " ")) for line in text.split("\n"))


def cells(text: str) -> int:
    """Terminal columns of a text: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def clip(text: str, width: int) -> str:
    """The text cut to `width` columns, with … where it was cut."""
    if cells(text) <= width:
        return text
    out = ""
    for ch in text:
        if cells(out + ch + "…") > width:
            return out + "…"
        out += ch
    return out  # pragma: no cover - the loop returns first


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - cells(text))


def wrap(units: list[Token], indent: int, width: int = WIDTH) -> list[list[Token]]:
    """Break styled text into lines of at most `width` columns (continuations indented).

    Each unit (usually one character, or a character with its change mark such
    as ``[-7``) is never split. Lines break two columns early so that
    punctuation, which must not start a line in Japanese, can hang at the end
    of the line instead.
    """
    out: list[list[Token]] = [[]]
    used = indent
    for unit, style in units:
        if unit in ("\n", "\r"):
            out.append([])
            used = indent + 2
            continue
        w = cells(unit)
        limit = width if unit[0] in _NO_LINE_START else width - 2
        if used + w > limit and used > indent + 2:
            out.append([])
            used = indent + 2
        line = out[-1]
        if line and line[-1][1] == style:
            line[-1] = (line[-1][0] + unit, style)
        else:
            line.append((unit, style))
        used += w
    return out
