"""Inline Markdown in plan text: converted for HTML, escaped for Markdown.

Text in a plan is user content: raw HTML is disabled, and a link is kept only
when it goes to an http(s) or mailto address (or has no scheme at all), in
both outputs; `javascript:`, `data:` and every other scheme become plain text.
"""

from __future__ import annotations

import html
import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from markupsafe import Markup

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):", re.IGNORECASE)
_URL_IGNORED = re.compile(r"[\x00-\x20\x7f-\x9f\\<]")
"""What browsers skip in a URL's scheme (controls, spaces) and what could hide one."""


def safe_link(url: str) -> bool:
    """Whether a link may be followed: http(s) or mailto, or a link without a scheme."""
    found = _SCHEME.match(_URL_IGNORED.sub("", html.unescape(url)))
    return found is None or found.group(1).lower() in SAFE_SCHEMES


def _new_parser() -> MarkdownIt:
    """markdown-it as every format reads plan text (CommonMark, no raw HTML, no images),
    imported only when a text has Markdown in it."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.disable(["image"])
    return md


@cache
def text_parser() -> MarkdownIt:
    """The parser of the formats that take words from the tokens (PDF, Excel, Word)."""
    return _new_parser()


@cache
def _markdown() -> MarkdownIt:
    """The site's parser: a link is kept only where :func:`safe_link` allows it."""
    md = _new_parser()
    md.validateLink = safe_link  # type: ignore[method-assign]
    return md


_PLAIN = re.compile(r'[^\n\r\0\\`*_\[\]!<>&":~]*')
"""Text that markdown-it gives back unchanged: no line ending, nothing it escapes, and none
of the characters where one of the inline rules enabled above can start (escape, code,
emphasis, link, autolink, entity; `:` and `~` are left out too)."""

_KINSOKU = re.compile(r"(&#?\w+;|[^\s<>&])([＞》〉])|([＜《〈])(&#?\w+;|[^\s<>&])")
"""A closing mark with the character before it, an opening mark with the one after.

Browsers may break a line before ＞ even with `line-break: strict` (Unicode
counts it as a symbol, not a bracket); the council uses ＜…＞ as brackets.
"""


_TAG = re.compile(r"(<[^>]*>)")
"""A tag of markdown-it's output (its attribute values have `>` escaped)."""


def _keep_together(match: re.Match[str]) -> str:
    return f'<span class="kinsoku">{match.group(0)}</span>'


def _kinsoku(rendered: str) -> str:
    """Wrap ＞ with the character before it (＜ with the one after) in the text, never in a tag."""
    if not any(mark in rendered for mark in "＞》〉＜《〈"):
        return rendered
    parts = _TAG.split(rendered)
    return "".join(part if i % 2 else _KINSOKU.sub(_keep_together, part)
                   for i, part in enumerate(parts))


@lru_cache(maxsize=65536)
def to_html(text: str) -> Markup:
    """One line of inline Markdown as safe HTML (`<script>` stays text)."""
    rendered = text if _PLAIN.fullmatch(text) else _markdown().renderInline(text)
    return Markup(_kinsoku(rendered.strip()))  # raw HTML is disabled above


_BLOCK_START = re.compile(r"^(#|[-+*] |\d+[.)]( |$)|=+$|[-*_]{3,}$| {0,3}\[[^\]]*\]:)")
"""What would start a heading, a list, a rule or a link definition at the start of a line."""
_PIPE = re.compile(r"(\\*)\|")
_LINK = re.compile(r"\]\(\s*([^\s)]*)")
_ANGLES = str.maketrans({"<": "&lt;", ">": "&gt;"})


def _one_line(text: str) -> str:
    return text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")


def _pipe(match: re.Match[str]) -> str:
    """A pipe escaped once: `\\|` as written stays, a bare `|` gets its backslash."""
    slashes = match.group(1)
    return slashes + ("|" if len(slashes) % 2 else "\\|")


def _link(match: re.Match[str]) -> str:
    """An inline link whose address is not safe loses its `(`: it stays as text."""
    return match.group(0) if safe_link(match.group(1)) else "]&#40;" + match.group(0)[2:]


def _block_safe(text: str) -> str:
    return "\\" + text if _BLOCK_START.match(text) else text


def to_markdown(text: str) -> str:
    """Plan text for a Markdown file: inline Markdown kept, HTML, pipes and unsafe links
    neutralised, images left as links (as on the site)."""
    text = _PIPE.sub(_pipe, _one_line(text).translate(_ANGLES))
    text = _LINK.sub(_link, text.replace("![", "&#33;["))
    return _block_safe(text)


_MD_PUNCTUATION = re.compile(r"([\\`*_\[\]~|])")


def markdown_text(text: str) -> str:
    """Plain text (a name, a label) for a Markdown file: shown exactly as written."""
    text = _one_line(text).replace("&", "&amp;").translate(_ANGLES)
    return _block_safe(_MD_PUNCTUATION.sub(r"\\\1", text))
