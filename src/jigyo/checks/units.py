"""Rules on the unit files of a year: their 課, their identity and their ids."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from ..messages import msg
from ..problems import Problem, problem
from ..yamlread import Document, Path_
from . import YearContext, rule


@rule("known-department")
def known_department(year: YearContext) -> Iterator[Problem]:
    """A unit's 課 must be one the year file lists, or the unit would not be printed."""
    if year.meta is None or year.year_doc is None:
        return
    names = [d.name for d in year.meta.departments]
    for _slug, (doc, unit) in sorted(year.units.items()):
        if unit.department not in names:
            close = difflib.get_close_matches(unit.department, names, n=1, cutoff=0.5)
            yield problem(doc.path, *doc.position(("department",)), "unknown_department",
                          name=unit.department, year_file=year.year_doc.path.as_posix(),
                          suggest=msg("did_you_mean", key=close[0]) if close else "")


@rule("one-file-per-unit")
def one_file_per_unit(year: YearContext) -> Iterator[Problem]:
    """One 係 (or 係：事業) is written in one file only."""
    claimed: dict[tuple[str, str | None], str] = {}
    for _slug, (doc, unit) in sorted(year.units.items()):
        identity = (unit.section, unit.project)
        if identity in claimed:
            label = unit.section + (f"：{unit.project}" if unit.project else "")
            yield problem(doc.path, *doc.position(("section",)), "duplicate_unit",
                          label=label, other=claimed[identity])
        else:
            claimed[identity] = doc.path.as_posix()


@rule("unique-id")
def unique_id(year: YearContext) -> Iterator[Problem]:
    """An `id` must be unique within its unit, or the differ cannot trust it."""
    for _slug, (doc, _unit) in sorted(year.units.items()):
        yield from _duplicate_ids(doc)


def _ids(data: Any) -> list[str]:
    """Every `id` in the data, in no particular order (the fast pass: no paths)."""
    found: list[str] = []
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            ident = node.get("id")
            if isinstance(ident, str):
                found.append(ident)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found


def _duplicate_ids(doc: Document) -> Iterator[Problem]:
    ids = _ids(doc.data)
    if len(set(ids)) == len(ids):
        return
    seen: dict[str, Path_] = {}
    stack: list[tuple[Any, Path_]] = [(doc.data, ())]
    found: list[tuple[Path_, str]] = []
    while stack:  # iterative: the data may be as deep as the limits allow
        node, where = stack.pop()
        if isinstance(node, dict):
            ident = node.get("id")
            if isinstance(ident, str):
                found.append((where, ident))
            stack.extend((value, (*where, key)) for key, value in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend((value, (*where, i)) for i, value in reversed(list(enumerate(node))))
    for where, ident in found:
        if ident in seen:
            yield problem(doc.path, *doc.position((*where, "id")), "duplicate_id",
                          id=ident, line=doc.position((*seen[ident], "id"))[0])
        else:
            seen[ident] = where
