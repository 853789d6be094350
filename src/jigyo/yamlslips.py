"""Explaining YAML syntax errors as the typing slips that cause them.

PyYAML (libyaml) reports where parsing gave up, in English parser terms,
which is often many lines after the real cause: a quote left open is
reported where the next quote closes it, a full-width colon where the next
key starts. This module maps the parser's problem to a Japanese message and
looks back from the failure for the slip that people typing Japanese make.
"""

from __future__ import annotations

import re

# libyaml's problem text → message code (checked in this order).
PROBLEMS: tuple[tuple[str, str], ...] = (
    ("exceeded maximum nesting depth", "limit_depth"),
    ("mapping values are not allowed", "yaml_colon"),
    ("found unexpected ':'", "yaml_colon"),
    ("expected ',' or ']'", "yaml_flow"),
    ("expected ',' or '}'", "yaml_flow"),
    ("found unexpected end of stream", "yaml_unclosed"),
    ("found a tab character", "yaml_tab"),
    ("found character that cannot start any token", "yaml_reserved"),
    ("found unknown escape character", "yaml_escape"),
    ("expected escape sequence", "yaml_escape"),
    ("did not find expected alphabetic or numeric character", "alias"),
    ("block sequence entries are not allowed", "yaml_dash"),
    ("did not find expected '-' indicator", "yaml_indent"),
    ("did not find expected key", "yaml_indent"),
    ("expected <block end>", "yaml_indent"),
    ("could not find expected ':'", "yaml_indent"),
    ("did not find expected node content", "yaml_node"),
    ("found unexpected document", "yaml_multi"),
    ("expected '<document start>'", "yaml_multi"),
)

# A key in plans is a lower-case ASCII word; text is Japanese, so a line that
# starts with such a word and a full-width colon, or a colon with no space,
# is a key typed wrongly.
_KEY = r"^(?P<lead>[ ]*(?:-[ ]+)*)(?P<key>[a-z_][a-z0-9_]*)"
_FULLWIDTH_COLON = re.compile(_KEY + r"[ ]*：")
_NO_SPACE = re.compile(_KEY + r":(?![ \t]|$|//)")
_FULLWIDTH_INDENT = re.compile(r"^[ ]*\u3000")
_DASH_NO_SPACE = re.compile(r"^[ ]*-(?=[a-z_][a-z0-9_]*[ ]*:)")
_INDENTED_KEY = re.compile(r"^[ ]*\u3000[ \u3000]*(?=-[ ]|[a-z_][a-z0-9_]*[ ]*[:：])", re.M)
_QUOTE_START = re.compile(r"^[ ]*(?:-[ ]+)*(?:[a-z_][a-z0-9_]*[ ]*:[ ]+)?(?P<q>[\"'])")


def _closes(rest: str, quote: str) -> bool:
    """Whether a quoted scalar that opened just before `rest` closes on the same line."""
    i = 0
    while i < len(rest):
        char = rest[i]
        if quote == '"' and char == "\\":
            i += 2
            continue
        if char == quote:
            if quote == "'" and rest[i + 1 : i + 2] == "'":
                i += 2
                continue
            return True
        i += 1
    return False


def problem_code(detail: str) -> str | None:
    return next((code for needle, code in PROBLEMS if needle in detail), None)


def slip(text: str, error_line: int) -> tuple[int, int, str] | None:
    """The (line, column, code) of the likely typing slip at or before `error_line`.

    A quote left open is reported where it opened (the first one); the other
    slips at the last line before the parser gave up.
    """
    found: tuple[int, int, str] | None = None
    for number, row in enumerate(text.splitlines()[:error_line], 1):
        quoted = _QUOTE_START.match(row)
        if quoted and not _closes(row[quoted.end():], quoted["q"]):
            return number, quoted.start("q") + 1, "yaml_open_quote"
        if (m := _FULLWIDTH_COLON.match(row)) is not None:
            found = number, m.end(), "yaml_fullwidth_colon"
        elif (m := _NO_SPACE.match(row)) is not None:
            found = number, m.end() + 1, "yaml_colon_space"
        elif (m := _DASH_NO_SPACE.match(row)) is not None:
            found = number, m.end(), "yaml_dash_space"
        elif (m := _FULLWIDTH_INDENT.match(row)) is not None:
            found = number, m.end(), "yaml_fullwidth_indent"
    return found


def fullwidth_indent(text: str) -> tuple[int, int] | None:
    """Where a line is indented with a full-width space (U+3000) before a key or `- `.

    An IME easily types U+3000 instead of spaces; YAML then reads the line as
    text, so it is refused even when the file happens to parse.
    """
    match = _INDENTED_KEY.search(text) if "\u3000" in text else None
    if match is None:
        return None
    line = text.count("\n", 0, match.start()) + 1
    column = text[match.start():match.end()].index("\u3000") + 1
    return line, column
