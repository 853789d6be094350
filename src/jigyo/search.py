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
from collections.abc import Iterator
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Any

from .inline import to_html
from .layout import BlockView, InitiativeView, RowView, UnitView, YearView

if TYPE_CHECKING:
    from .reuse import Reuse

_TAGS = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"\s+")

UNIT_TOP = ""
"""Anchor of a unit's own 方針: the top of its page."""


@lru_cache(maxsize=65536)
def plain(text: str) -> str:
    """Plan text as a reader sees it: inline Markdown rendered, markup removed.

    Kept per text, like to_html: a year repeats the same words (担当, 実施時期, 目標)
    in many cells, and the index asks for each cell's text."""
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


def _newest_first(years: list[YearView]) -> list[YearView]:
    return sorted(years, key=lambda y: y.year, reverse=True)


def _outline(years: list[YearView]) -> dict[str, list[list[Any]]]:
    """The "years", "units" and "inis" rows: what the docs rows refer to by position."""
    index: dict[str, list[list[Any]]] = {"years": [], "units": [], "inis": []}
    for y_index, year in enumerate(_newest_first(years)):
        # the folder the pages are in: 2020 (a number, as always), or "2018-2020"
        folder: int | str = year.year if year.name in ("", str(year.year)) else year.name
        index["years"].append([folder, year.heading])
        for unit in year.units:
            u_index = len(index["units"])
            index["units"].append([y_index, unit.slug, unit.label])
            index["inis"] += [[u_index, ini.anchor, _initiative_heading(ini)]
                              for ini in unit.initiatives]
    return index


def _numbered(years: list[YearView]) -> Iterator[tuple[UnitView, int, int]]:
    """Each unit with its index and its first 取り組み's index, numbered as in :func:`_outline`."""
    u_index = i_index = 0
    for year in _newest_first(years):
        for unit in year.units:
            yield unit, u_index, i_index
            u_index += 1
            i_index += len(unit.initiatives)


def _docs(years: list[YearView]) -> Iterator[list[list[Any]]]:
    """The "docs" rows of each unit in turn."""
    for unit, u_index, i_index in _numbered(years):
        yield _unit_docs(unit, u_index, i_index)


def build_index(years: list[YearView]) -> dict[str, Any]:
    """The index as data: {"years", "units", "inis", "docs"}, rows referring by position.

    years: [fiscal year or period folder, label]; units: [year index, slug, label];
    inis: [unit index, anchor, heading]; docs: [unit index, 取り組み index or -1,
    anchor, text]. Rows are in reading order, newest year first.
    """
    return {**_outline(years), "docs": [row for rows in _docs(years) for row in rows]}


def _unit_docs(unit: UnitView, u_index: int, i_index: int) -> list[list[Any]]:
    policy = _join([unit.label]) + " " + _blocks_text(unit.policy)
    docs: list[list[Any]] = [[u_index, -1, UNIT_TOP, policy.strip()]]
    if unit.note:
        docs.append([u_index, -1, UNIT_TOP, plain(unit.note)])
    for i, ini in enumerate(unit.initiatives, i_index):
        own = " ".join(t for t in (_initiative_heading(ini), _blocks_text(ini.policy),
                                   plain(ini.note or "")) if t)
        docs.append([u_index, i, ini.anchor, own])
        docs += [[u_index, i, anchor or ini.anchor, text]
                 for anchor, text in _entries(ini.rows) if text]
    return docs


_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _unit_chunk(unit: UnitView, u_index: int, i_index: int) -> str:
    """A unit's "docs" rows as they stand in the script, without the brackets around them."""
    rows = _unit_docs(unit, u_index, i_index)
    return _script_safe(_ENCODE(rows)[1:-1]) if rows else ""


def _script_safe(data: str) -> str:
    # "</" cannot end the script early inside a JSON string once its slash is escaped.
    return data.replace("</", "<\\/")


def index_chunks(years: list[YearView], reuse: Reuse | None = None) -> Iterator[str]:
    """The index as a script that sets `window.JIGYO_SEARCH`, for pages opened from disk too.

    It is written out unit by unit (exactly `json.dumps` of :func:`build_index` with
    compact separators), so a large year's index is never held whole. With `reuse`, a
    unit's rows an earlier build of this process wrote are written again as they were.
    """
    outline = _outline(years)
    yield "window.JIGYO_SEARCH={"
    for name, rows in outline.items():
        yield _script_safe(f'"{name}":{_ENCODE(rows)},')
    yield '"docs":['
    first = True
    for unit, u_index, i_index in _numbered(years):
        chunk = (_unit_chunk(unit, u_index, i_index) if reuse is None else
                 reuse.search_rows(unit, u_index, i_index,
                                   partial(_unit_chunk, unit, u_index, i_index)))
        if chunk:
            yield ("" if first else ",") + chunk
            first = False
    yield "]};\n"


def index_script(years: list[YearView]) -> bytes:
    """The whole index script at once (see :func:`index_chunks`)."""
    return "".join(index_chunks(years)).encode()
