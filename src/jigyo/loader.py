"""Loading a plans folder: YAML files → validated models, or located problems.

All files are read and checked before anything is reported, so a clerk sees
every mistake in every file at once.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from . import model
from .errors import PlanError
from .messages import Msg, msg
from .model import Unit, YearFile
from .problems import Problem, problem
from .yamlread import Document, Path_, parse, read

YEAR_FILE = "year.yaml"
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_YEAR_DIR = re.compile(r"^\d{4}$")

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class LoadedUnit:
    slug: str
    path: Path
    unit: Unit


@dataclass(frozen=True)
class LoadedYear:
    """One fiscal year: its metadata and its units in display order."""

    year: int
    path: Path
    meta: YearFile
    units: tuple[LoadedUnit, ...]

    def departments(self) -> list[tuple[model.Department, list[LoadedUnit]]]:
        return [
            (dept, [u for u in self.units if u.unit.department == dept.name])
            for dept in self.meta.departments
        ]


@dataclass
class Plans:
    years: list[LoadedYear] = field(default_factory=list)

    def year(self, number: int) -> LoadedYear | None:
        return next((y for y in self.years if y.year == number), None)


# --- mapping pydantic errors back to the file --------------------------------

_TYPE_ERRORS = {
    "string_type": "choice_text",
    "list_type": "choice_list",
    "model_type": "choice_mapping",
    "model_attributes_type": "choice_mapping",
    "dict_type": "choice_mapping",
}


def _all_fields() -> dict[str, str]:
    """Every key of every model, and each Japanese label → its key."""
    names: dict[str, str] = {}
    for cls in (
        model.Heading, model.Paragraph, model.Bullets, model.Numbered, model.Spanning,
        model.Row, model.Entry, model.Group, model.Initiative, model.Unit,
        model.Department, model.YearFile,
    ):
        for name, info in cls.model_fields.items():
            names[name] = name
            if info.title:
                names.setdefault(info.title, name)
    return names


_FIELDS = _all_fields()


def _suggest(key: str) -> Msg | str:
    if key in _FIELDS and _FIELDS[key] != key:
        return msg("did_you_mean", key=_FIELDS[key])
    close = difflib.get_close_matches(key, [k for k, v in _FIELDS.items() if k == v], n=1, cutoff=0.6)
    return msg("did_you_mean", key=close[0]) if close else ""


def _title(key: str) -> str:
    for cls in (model.Entry, model.Group, model.Initiative, model.Unit, model.YearFile,
                model.Department, model.Spanning):
        info = cls.model_fields.get(key)
        if info is not None and info.title:
            return info.title
    return key


def _data_path(data: Any, loc: Iterable[str | int]) -> tuple[Path_, list[str | int]]:
    """Split a pydantic location into the real data path and what was left over."""
    where: list[str | int] = []
    rest: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            node = node[part]
            where.append(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            where.append(part)
        else:
            rest.append(part)
    return tuple(where), rest


def _problems_from(doc: Document, err: ValidationError) -> list[Problem]:
    found: list[Problem] = []
    type_errors: dict[Path_, list[str]] = {}
    deep_paths: list[Path_] = []
    for e in err.errors():
        where, rest = _data_path(doc.data, e["loc"])
        kind = e["type"]
        ctx = e.get("ctx") or {}
        if kind in _TYPE_ERRORS:
            type_errors.setdefault(where, []).append(_TYPE_ERRORS[kind])
            continue
        deep_paths.append(where)
        if kind == "missing":
            key = str(rest[-1]) if rest else "?"
            found.append(problem(doc.path, *doc.position(where), "missing", key=key, title=_title(key)))
        elif kind == "extra_forbidden":
            key = str(where[-1])
            found.append(
                problem(doc.path, *doc.position(where, key=True), "extra_forbidden",
                        key=key, suggest=_suggest(key))
            )
        elif kind in ("int_parsing", "int_type", "int_from_float"):
            found.append(problem(doc.path, *doc.position(where), "int_parsing"))
        elif kind in ("bool_parsing", "bool_type"):
            found.append(problem(doc.path, *doc.position(where), "bool_parsing"))
        elif kind == "span_covered":
            cell = (*where, "entries", int(ctx["entry"]) - 1, str(ctx["column"]))
            found.append(problem(doc.path, *doc.position(cell), kind, column=ctx["column"]))
        elif kind in ("greater_than_equal", "less_than_equal", "string_too_long",
                      "string_too_short", "too_short", "string_pattern_mismatch", "block_kind",
                      "rows_with_cells", "unnumbered_without_name", "span_too_long"):
            found.append(problem(doc.path, *doc.position(where), kind, **ctx))
        else:
            found.append(problem(doc.path, *doc.position(where), "invalid_value", detail=e["msg"]))
    # A union (text | list | mapping) reports one type error per branch; keep
    # them only where no branch got further, and say which forms fit.
    reached = deep_paths + list(type_errors)
    for where, choices in type_errors.items():
        if where in deep_paths or any(
            len(other) > len(where) and other[: len(where)] == where for other in reached
        ):
            continue
        unique = list(dict.fromkeys(choices))
        if len(unique) == 1:
            code = {"choice_text": "string_type", "choice_list": "list_type"}.get(
                unique[0], "mapping_type"
            )
            found.append(problem(doc.path, *doc.position(where), code))
        else:
            forms = {f"choice{i}": msg(code) for i, code in enumerate(unique[:3])}
            found.append(problem(doc.path, *doc.position(where), f"one_of_{len(forms)}", **forms))
    return found


def validate(doc: Document, cls: type[M]) -> tuple[M | None, list[Problem]]:
    try:
        return cls.model_validate(doc.data), []
    except ValidationError as err:
        return None, _problems_from(doc, err)


# --- a whole plans folder ----------------------------------------------------


def _unit_files(folder: Path, files: Mapping[str, bytes] | None = None) -> list[Path]:
    if files is not None:
        return sorted(folder / name for name in files
                      if Path(name).suffix in (".yaml", ".yml") and name != YEAR_FILE)
    return sorted(
        p for p in folder.iterdir()
        if p.is_file() and p.suffix in (".yaml", ".yml") and p.name != YEAR_FILE
    )


def _ids(doc: Document, unit: Unit) -> list[Problem]:
    """An `id` must be unique within its unit, or the differ cannot trust it."""
    seen: dict[str, Path_] = {}
    found: list[Problem] = []

    def visit(node: Any, where: Path_) -> None:
        if isinstance(node, dict):
            ident = node.get("id")
            if isinstance(ident, str):
                if ident in seen:
                    found.append(problem(doc.path, *doc.position((*where, "id")), "duplicate_id",
                                         id=ident, line=doc.position((*seen[ident], "id"))[0]))
                else:
                    seen[ident] = where
            for key, value in node.items():
                visit(value, (*where, key))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                visit(value, (*where, i))

    visit(doc.data, ())
    return found


def load_year(
    folder: Path, files: Mapping[str, bytes] | None = None
) -> tuple[LoadedYear | None, list[Problem]]:
    """Load one year folder; with `files` (file name → bytes, e.g. from a git
    revision) the year is read from memory and `folder` only names it in messages."""
    return _load_year(folder, files)


def _load_year(
    folder: Path, files: Mapping[str, bytes] | None
) -> tuple[LoadedYear | None, list[Problem]]:

    def read_at(path: Path) -> tuple[Document | None, list[Problem]]:
        return read(path) if files is None else parse(path, files[path.name])

    problems: list[Problem] = []
    year_path = folder / YEAR_FILE
    meta: YearFile | None = None
    year_doc: Document | None = None
    if not (year_path.is_file() if files is None else YEAR_FILE in files):
        problems.append(problem(year_path, 1, 1, "no_year_file"))
    else:
        year_doc, found = read_at(year_path)
        problems += found
        if year_doc is not None:
            meta, found = validate(year_doc, YearFile)
            problems += found
    if meta is not None and year_doc is not None and str(meta.fiscal_year) != folder.name:
        problems.append(problem(year_path, *year_doc.position(("fiscal_year",)), "year_mismatch",
                                value=meta.fiscal_year, folder=folder.name))

    units: dict[str, tuple[Document, Unit]] = {}
    unit_files = _unit_files(folder, files)
    for path in unit_files:
        if not _SLUG.match(path.stem):
            problems.append(problem(path, 1, 1, "bad_filename", name=path.name))
            continue
        doc, found = read_at(path)
        problems += found
        if doc is None:
            continue
        unit, found = validate(doc, Unit)
        problems += found
        if unit is not None:
            problems += _ids(doc, unit)
            units[path.stem] = (doc, unit)

    if meta is None or year_doc is None:
        return None, problems
    problems += _cross_check(year_doc, meta, units, {p.stem for p in unit_files})
    if problems:
        return None, problems
    ordered: list[LoadedUnit] = []
    for dept in meta.departments:
        listed = [s for s in dept.units if s in units]
        listed_set = set(listed)
        rest = sorted(s for s, (_, u) in units.items()
                      if u.department == dept.name and s not in listed_set)
        ordered += [LoadedUnit(s, units[s][0].path, units[s][1]) for s in listed + rest]
    return LoadedYear(meta.fiscal_year, folder, meta, tuple(ordered)), []


def _cross_check(year_doc: Document, meta: YearFile, units: dict[str, tuple[Document, Unit]],
                 on_disk: set[str]) -> list[Problem]:
    """Checks across files: departments, unit order, one file per unit."""
    found: list[Problem] = []
    names = [d.name for d in meta.departments]
    seen_dept: set[str] = set()
    listed: set[str] = set()
    for i, dept in enumerate(meta.departments):
        if dept.name in seen_dept:
            found.append(problem(year_doc.path, *year_doc.position(("departments", i, "name")),
                                 "duplicate_department", name=dept.name))
        seen_dept.add(dept.name)
        for j, slug in enumerate(dept.units):
            where = year_doc.position(("departments", i, "units", j))
            if slug in listed:
                found.append(problem(year_doc.path, *where, "unit_listed_twice", name=slug))
            listed.add(slug)
            if slug not in on_disk:
                found.append(problem(year_doc.path, *where, "unknown_unit", name=slug))
            elif slug not in units:
                continue  # the unit file has problems of its own
            elif units[slug][1].department != dept.name:
                found.append(problem(year_doc.path, *where, "unit_in_wrong_department",
                                     name=slug, listed=dept.name,
                                     actual=units[slug][1].department))
    claimed: dict[tuple[str, str | None], str] = {}
    for _slug, (doc, unit) in sorted(units.items()):
        if unit.department not in names:
            close = difflib.get_close_matches(unit.department, names, n=1, cutoff=0.5)
            found.append(problem(doc.path, *doc.position(("department",)), "unknown_department",
                                 name=unit.department, year_file=year_doc.path.as_posix(),
                                 suggest=msg("did_you_mean", key=close[0]) if close else ""))
        identity = (unit.section, unit.project)
        if identity in claimed:
            label = unit.section + (f"：{unit.project}" if unit.project else "")
            found.append(problem(doc.path, *doc.position(("section",)), "duplicate_unit",
                                 label=label, other=claimed[identity]))
        else:
            claimed[identity] = doc.path.as_posix()
    return found


def year_folders(plans_dir: Path) -> list[Path]:
    return sorted(p for p in plans_dir.iterdir() if p.is_dir() and _YEAR_DIR.match(p.name))


def load_plans(plans_dir: Path, years: Iterable[int] | None = None) -> Plans:
    """Load every year (or the given ones); raise PlanError listing all problems."""
    if not plans_dir.is_dir():
        raise PlanError([problem(plans_dir, 1, 1, "no_plans_dir")])
    folders = year_folders(plans_dir)
    if years is not None:
        wanted = {str(y) for y in years}
        folders = [f for f in folders if f.name in wanted]
    if not folders:
        raise PlanError([problem(plans_dir, 1, 1, "no_years")])
    plans = Plans()
    problems: list[Problem] = []
    for folder in folders:
        loaded, found = load_year(folder)
        problems += found
        if loaded is not None:
            plans.years.append(loaded)
    if problems:
        raise PlanError(problems)
    return plans
