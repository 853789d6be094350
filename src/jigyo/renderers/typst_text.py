"""Plan text as Typst code: every piece of user text becomes a string literal.

User text never reaches Typst as markup, so `#`, `$`, `*`, `<script>` or any
other character is printed as written. Inline Markdown (**strong**, *emphasis*,
`code`, [links](https://…)) is turned into calls such as `strong("…")` whose
arguments are again string literals.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from ..inline import text_parser

if TYPE_CHECKING:
    from markdown_it.token import Token

ZWSP = "\u200b"
"""A line-break opportunity that prints nothing."""

LONG_RUN = 16
"""Runs of narrow characters longer than this may break anywhere (URLs, codes)."""


class Code(str):
    """Typst code that is safe to place in the document as it is."""

    __slots__ = ()


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_NARROW_RUN = re.compile(r"[!-~\u00a1-\u02ff]{" + str(LONG_RUN + 1) + ",}")
_MARKDOWN = re.compile(r"[*_`\[\]\\&<!]")


def _escape_char(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    if unicodedata.category(char) == "Cc":
        return f"\\u{{{ord(char):x}}}"
    return char


def _breakable(text: str) -> str:
    """Let very long unbroken Latin runs wrap inside narrow table cells."""
    return _NARROW_RUN.sub(lambda m: ZWSP.join(m.group(0)), text)


def string(text: str, wrap: bool = True) -> Code:
    """A Typst string literal of `text`; `wrap` lets long Latin runs break (not for URLs)."""
    if wrap:
        text = _breakable(text)
    return Code('"' + "".join(_escape_char(c) for c in text) + '"')


def plain(text: str) -> Code:
    """A string literal without break hints: for the document's metadata (title, author)."""
    return string(text, wrap=False)


def _join(parts: list[str]) -> str:
    if not parts:
        return '""'
    if len(parts) == 1:
        return parts[0]
    return "[" + "".join(f"#{p}" for p in parts) + "]"


def _convert(tokens: list[Token]) -> list[str]:
    out: list[str] = []
    stack: list[tuple[str, list[str]]] = []
    current = out
    for token in tokens:
        kind = token.type
        if kind == "text":
            if token.content:
                current.append(string(token.content))
        elif kind == "softbreak":
            current.append(string(" "))
        elif kind == "hardbreak":
            current.append("linebreak()")
        elif kind == "code_inline":
            current.append(f"raw({string(token.content)})")
        elif kind in ("strong_open", "em_open"):
            stack.append(("strong" if kind == "strong_open" else "emph", current))
            current = []
        elif kind == "link_open":
            href = str(token.attrs.get("href", ""))
            stack.append((f"link.with({string(href, wrap=False)})", current))
            current = []
        elif kind in ("strong_close", "em_close", "link_close") and stack:
            func, parent = stack.pop()
            parent.append(f"{func}({_join(current)})")
            current = parent
        else:
            current.append(string(token.content))
    while stack:  # unbalanced input: keep the text
        _, parent = stack.pop()
        parent.extend(current)
        current = parent
    return current


@lru_cache(maxsize=65536)
def inline(text: str) -> Code:
    """One line of plan text with its inline Markdown, as a Typst expression."""
    text = text.replace("\n", " ")
    if not _MARKDOWN.search(text):
        return string(text)
    tokens = text_parser().parseInline(text)
    children = tokens[0].children if tokens and tokens[0].children is not None else []
    return Code(_join(_convert(children)))
