"""The anchors GitHub gives the headings of a Markdown file, so that links into it work.

GitHub (and github-slugger, which VS Code, pandoc's gfm and many site
generators follow) makes a heading's id from its text: lower case, every
punctuation mark, symbol and control character removed except `-` and `_`,
each space turned into `-`, and `-1`, `-2`, … added to repeats. GitHub shows
the id with a `user-content-` prefix and resolves `#id` links to it, so links
written with the bare id work there.
"""

from __future__ import annotations

import unicodedata
from itertools import pairwise
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

_REMOVED = frozenset({
    "No", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "Sc", "Sk", "Sm", "So",
    "Cc", "Cf", "Cn", "Co", "Zl", "Zp", "Zs",
})
"""Unicode general categories github-slugger removes (letters among them are kept)."""

_PARSER = MarkdownIt("commonmark", {"html": False}).enable("table").disable(["inline", "text_join"])
"""GitHub's block structure only: the inline text of headings alone is parsed afterwards
(parsing the inline text of every table cell was most of the Markdown build's time)."""


def github_slug(text: str) -> str:
    """A heading's id on GitHub, before repeats are numbered."""
    out: list[str] = []
    for char in text.lower():
        if char in " -":
            out.append("-")
        elif unicodedata.category(char) not in _REMOVED or char.isalpha():
            out.append(char)
    return "".join(out)


class Slugger:
    """Numbers repeated ids as GitHub does: 方針, 方針-1, 方針-2, …"""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def slug(self, text: str) -> str:
        base = result = github_slug(text)
        while result in self.seen:
            self.seen[base] += 1
            result = f"{base}-{self.seen[base]}"
        self.seen[result] = 0
        return result


def _text(children: list[Token]) -> str:
    """The text a reader sees in a heading (markup and escapes removed)."""
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "text_special", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


def heading_text(markdown_line: str) -> str:
    """What GitHub takes as the text of a heading written `## <markdown_line>`."""
    found = heading_ids("## " + markdown_line)
    return found[0][0] if found else markdown_line


def heading_ids(markdown: str) -> list[tuple[str, str]]:
    """(text, id) of every heading of a Markdown document, in order."""
    env: dict[str, Any] = {}  # link references the blocks define, used by the headings
    tokens = _PARSER.parse(markdown, env)
    slugger = Slugger()
    found: list[tuple[str, str]] = []
    for opening, inline in pairwise(tokens):
        if opening.type == "heading_open":
            children: list[Token] = []
            _PARSER.inline.parse(inline.content, _PARSER, env, children)
            text = _text(children)
            found.append((text, slugger.slug(text)))
    return found
