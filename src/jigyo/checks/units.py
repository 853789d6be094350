"""Rules on the unit files of a year: their 課, their identity and their ids."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..messages import msg
from ..problems import Problem, problem
from ..yamlread import Document, Path_
from . import YearContext, rule

if TYPE_CHECKING:
    from ..model import Unit


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
    for _slug, (doc, unit) in sorted(year.units.items()):
        yield from _duplicate_ids(doc, unit)


def _id_places(unit: Unit) -> Iterator[tuple[Path_, str]]:
    """Every `id` of a unit (its 取り組み, 項目 groups and entries, the only places the model
    lets one be written) with where it is, in the order of the file."""
    for i, ini in enumerate(unit.initiatives):
        at: Path_ = ("initiatives", i)
        if ini.id is not None:
            yield at, ini.id
        for g, group in enumerate(ini.table):
            if group.id is not None:
                yield (*at, "table", g), group.id
            for e, entry in enumerate(group.entries):
                if entry.id is not None:
                    yield (*at, "table", g, "entries", e), entry.id


def _duplicate_ids(doc: Document, unit: Unit) -> Iterator[Problem]:
    seen: dict[str, Path_] = {}
    for where, ident in _id_places(unit):
        if ident in seen:
            yield problem(doc.path, *doc.position((*where, "id")), "duplicate_id",
                          id=ident, line=doc.position((*seen[ident], "id"))[0])
        else:
            seen[ident] = where
