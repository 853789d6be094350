"""Inline Markdown in plan text: converted for HTML, escaped for Markdown.

Raw HTML is disabled: text in a plan is user content and is shown, never run.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markupsafe import Markup

_MD = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_MD.disable(["image"])


@lru_cache(maxsize=65536)
def to_html(text: str) -> Markup:
    """One line of inline Markdown as safe HTML (`<script>` stays text)."""
    return Markup(_MD.renderInline(text).strip())  # raw HTML is disabled above


_MD_SPECIAL = str.maketrans({"|": "\\|", "<": "&lt;", ">": "&gt;"})


_BLOCK_START = re.compile(r"^(#|[-+*] |\d+[.)]( |$)|=+$)")


def to_markdown(text: str) -> str:
    """Plan text for a Markdown file: inline Markdown kept, HTML and pipes neutralised."""
    text = text.replace("\n", " ").translate(_MD_SPECIAL)
    return "\\" + text if _BLOCK_START.match(text) else text
