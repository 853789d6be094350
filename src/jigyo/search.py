"""The search index of the website: every year's text, built once at build time.

Japanese has no spaces between words, so the browser searches by substring
(`search.js`); the index only has to carry the text and where it lives. It is
kept compact: years, units and 取り組み are listed once and referred to by
position, and each searchable piece of text is one small row.

The index is a script (`assets/search-index.js`) rather than JSON so that
search also works when the site is opened from disk (file://), where browsers
refuse to fetch files.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from .inline import to_html
from .layout import BlockView, InitiativeView, RowView, UnitView, YearView

_TAGS = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"\s+")

UNIT_TOP = ""
"""Anchor of a unit's own 方針: the top of its page."""


def plain(text: str) -> str:
    """Plan text as a reader sees it: inline Markdown rendered, markup removed."""
    return _SPACES.sub(" ", html.unescape(_TAGS.sub("", str(to_html(text))))).strip()


def _join(parts: list[str]) -> str:
    return " ".join(p for p in (plain(x) for x in parts) if p)


def _blocks_text(blocks: tuple[BlockView, ...]) -> str:
    return _join([text for block in blocks for _, text in block.items])


def _entries(rows: tuple[RowView, ...]) -> list[tuple[str, str]]:
    """(anchor, text) of every table entry; a 項目 is found at its first entry."""
    found: list[tuple[str, list[str]]] = []
    items: list[tuple[int, list[str]]] = []  # (index in found of the group's first entry, text)
    for row in rows:
        for cell in row.cells:
            if cell.kind == "item":
                items.append((len(found), list(cell.lines)))
                continue
            if cell.anchor is not None:
                found.append((cell.anchor, []))
            if found:
                found[-1][1].extend([*cell.lines, *([cell.note] if cell.note else [])])
    ordered = [((i, 1), anchor, _join(parts)) for i, (anchor, parts) in enumerate(found)]
    ordered += [((i, 0), found[i][0] if i < len(found) else "", _join(text))
                for i, text in items]
    return [(anchor, text) for _, anchor, text in sorted(ordered)]


def _initiative_heading(ini: InitiativeView) -> str:
    return plain(ini.heading)


def build_index(years: list[YearView]) -> dict[str, Any]:
    """The index as data: {"years", "units", "inis", "docs"}, rows referring by position.

    years: [fiscal year or period folder, label]; units: [year index, slug, label];
    inis: [unit index, anchor, heading]; docs: [unit index, 取り組み index or -1,
    anchor, text]. Rows are in reading order, newest year first.
    """
    index: dict[str, list[list[Any]]] = {"years": [], "units": [], "inis": [], "docs": []}
    for year in sorted(years, key=lambda y: y.year, reverse=True):
        y_index = len(index["years"])
        # the folder the pages are in: 2020 (a number, as always), or "2018-2020"
        folder: int | str = year.year if year.name in ("", str(year.year)) else year.name
        index["years"].append([folder, year.heading])
        for unit in year.units:
            _add_unit(index, y_index, unit)
    return index


def _add_unit(index: dict[str, list[list[Any]]], y_index: int, unit: UnitView) -> None:
    u_index = len(index["units"])
    index["units"].append([y_index, unit.slug, unit.label])
    policy = _join([unit.label]) + " " + _blocks_text(unit.policy)
    index["docs"].append([u_index, -1, UNIT_TOP, policy.strip()])
    if unit.note:
        index["docs"].append([u_index, -1, UNIT_TOP, plain(unit.note)])
    for ini in unit.initiatives:
        i_index = len(index["inis"])
        index["inis"].append([u_index, ini.anchor, _initiative_heading(ini)])
        own = " ".join(t for t in (_initiative_heading(ini), _blocks_text(ini.policy),
                                   plain(ini.note or "")) if t)
        index["docs"].append([u_index, i_index, ini.anchor, own])
        for anchor, text in _entries(ini.rows):
            if text:
                index["docs"].append([u_index, i_index, anchor or ini.anchor, text])


def index_script(years: list[YearView]) -> bytes:
    """The index as a script that sets `window.JIGYO_SEARCH`, for pages opened from disk too."""
    data = json.dumps(build_index(years), ensure_ascii=False, separators=(",", ":"))
    # "</" cannot end the script early inside a JSON string once its slash is escaped.
    return ("window.JIGYO_SEARCH=" + data.replace("</", "<\\/") + ";\n").encode()
