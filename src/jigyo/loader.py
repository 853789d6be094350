"""Loading a plans folder: YAML files → validated models, or located problems.

All files are read and checked before anything is reported, so a clerk sees
every mistake in every file at once. Validation is :mod:`jigyo.validation`,
the checks across files are the rules of :mod:`jigyo.checks`. What is not
read is never dropped silently: links out of the plans folder and `x.yaml`
beside `x.yml` are errors; a dangling link, a FIFO, a folder named `*.yaml`
or a folder that only looks like a year is a warning (``notices``).
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from . import checks, model
from .errors import PlanError
from .limits import DEFAULT, Limits
from .messages import msg
from .model import Unit, YearFile
from .problems import Problem, problem, warning
from .settings.model import Settings
from .settings.offcolumns import off_column_values
from .settings.read import read_settings, settings_path
from .validation import validate
from .yamlread import Document, parse, read, unreadable

if TYPE_CHECKING:
    from .readonce import KeptFiles, Read

YEAR_FILE = "year.yaml"
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_YEAR_DIR = re.compile(r"^[0-9]{4}$")
_PERIOD_DIR = re.compile(r"^([0-9]{4})-([0-9]{4})$")


def period_of(name: str) -> tuple[int, int] | None:
    """(first year, years) of a plan folder over several years (`2018-2020` → (2018, 3))."""
    found = _PERIOD_DIR.match(name)
    if found is None or int(found[1]) >= int(found[2]) or int(found[2]) - int(found[1]) >= 10:
        return None
    return int(found[1]), int(found[2]) - int(found[1]) + 1


def period_name(first: int, years: int) -> str:
    """The folder of a plan: `2020`, or `2018-2020` for a plan over three years."""
    return str(first) if years <= 1 else f"{first}-{first + years - 1}"


def is_plan_folder(name: str) -> bool:
    """A year folder (`2020`) or a period folder (`2018-2020`)."""
    return bool(_YEAR_DIR.match(name)) or period_of(name) is not None


def first_year(name: str) -> int:
    """The fiscal year a plan folder starts with."""
    period = period_of(name)
    return period[0] if period else int(name)
_YEARISH = re.compile(r"^\s*[0-9０-９]{4}")
_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class LoadedUnit:
    slug: str
    path: Path
    unit: Unit
    doc: Document | None = field(default=None, compare=False, repr=False)
    """The file as read, kept so that lint need not read it again."""


@dataclass(frozen=True)
class LoadedYear:
    """One fiscal year: its metadata and its units in display order."""

    year: int
    path: Path
    meta: YearFile
    units: tuple[LoadedUnit, ...]
    notices: tuple[Problem, ...] = ()
    """Warnings found while reading (files skipped); the year is usable."""
    settings: Settings | None = None
    """plans/jigyo.yaml, when the plans folder has one."""
    doc: Document | None = field(default=None, compare=False, repr=False)
    """The year file as read, kept so that lint need not read it again."""

    def departments(self) -> list[tuple[model.Department, list[LoadedUnit]]]:
        return [
            (dept, [u for u in self.units if u.unit.department == dept.name])
            for dept in self.meta.departments
        ]


@dataclass
class Plans:
    years: list[LoadedYear] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    """Warnings about folders that were not read as years."""

    @property
    def notices(self) -> list[Problem]:
        """Every warning, sorted: reported, but the plans are usable."""
        return sorted([*self.skipped, *(n for y in self.years for n in y.notices)])

    def year(self, number: int) -> LoadedYear | None:
        return next((y for y in self.years if y.year == number), None)


# --- a whole plans folder ----------------------------------------------------


def _inside(path: Path, root: Path) -> Problem | None:
    """Refuse a symbolic link that leads out of the plans folder."""
    if not path.is_symlink():
        return None
    target = path.resolve()
    if target.is_relative_to(root.resolve()):
        return None
    return problem(path, 1, 1, "link_outside", target=os.readlink(path))


def _scan(folder: Path, root: Path) -> tuple[list[Path], list[Problem]]:
    """The unit files of a year folder on disk, and what was refused or skipped."""
    paths: list[Path] = []
    found: list[Problem] = []
    try:
        entries = sorted(folder.iterdir())
    except OSError as err:
        return [], [unreadable(folder, err)]
    for path in entries:
        if path.suffix not in _SUFFIXES:
            continue
        try:
            mode = path.stat().st_mode
        except OSError:
            found.append(warning(path, 1, 1, "skipped_dangling_link"))
            continue
        outside = _inside(path, root)
        if outside is not None:
            found.append(outside)
        elif stat.S_ISDIR(mode):
            found.append(warning(path, 1, 1, "skipped_dir"))
        elif not stat.S_ISREG(mode):
            found.append(warning(path, 1, 1, "skipped_special"))
        elif path.name != YEAR_FILE:
            paths.append(path)
    return paths, found


def _same_unit(paths: list[Path]) -> tuple[list[Path], list[Problem]]:
    """`x.yaml` beside `x.yml`: neither may silently win, so both are named and neither read."""
    by_stem: dict[str, list[Path]] = {}
    for path in paths:
        by_stem.setdefault(path.stem, []).append(path)
    clashes = [group for group in by_stem.values() if len(group) > 1]
    found = [problem(group[0], 1, 1, "yaml_and_yml", other=group[1].as_posix())
             for group in clashes]
    return [p for p in paths if len(by_stem[p.stem]) == 1], found


def load_year(
    folder: Path, files: Mapping[str, bytes] | None = None, *, documents: bool = False,
    kept: KeptFiles | None = None,
) -> tuple[LoadedYear | None, list[Problem]]:
    """Load one year folder; with `files` (file name → bytes, e.g. from a git
    revision) the year is read from memory and `folder` only names it in messages.

    The problems are the errors (and, with them, the warnings); a year that can
    be used carries its warnings in `notices` instead. With `documents`, the files
    as read are kept on the year and its units (lint reads them, not the disk again).
    With `kept`, a unit file read before in this process is given again
    (:class:`jigyo.readonce.KeptFiles`: a diff's two sides, the preview's builds).
    """
    return _load_year(folder, files, documents, kept)


def _load_year(
    folder: Path, files: Mapping[str, bytes] | None, documents: bool = False,
    kept: KeptFiles | None = None,
) -> tuple[LoadedYear | None, list[Problem]]:
    problems: list[Problem] = []
    limits: Limits = DEFAULT

    def read_at(path: Path) -> tuple[Document | None, list[Problem]]:
        if files is None:
            return read(path, limits, track=documents)
        return parse(path, files[path.name], limits, track=documents)

    settings, problems = read_settings(folder.parent)
    year_path = folder / YEAR_FILE
    meta: YearFile | None = None
    year_doc: Document | None = None
    if files is None:
        unit_files, found = _scan(folder, folder.absolute().parent)
        problems += found
        year_there = year_path.is_file() and not any(p.path == year_path for p in problems)
    else:
        unit_files = sorted(folder / name for name in files
                            if Path(name).suffix in _SUFFIXES and name != YEAR_FILE)
        year_there = YEAR_FILE in files
    if not year_there:
        if not any(p.path == year_path and p.severity == "error" for p in problems):
            problems.append(problem(year_path, 1, 1, "no_year_file"))
    else:
        year_doc, found = read_at(year_path)
        problems += found
        if year_doc is not None:
            meta, found = validate(year_doc, YearFile)
            problems += found
    if meta is not None and year_doc is not None:
        limits = meta.limits
        if meta.fiscal_year != first_year(folder.name):
            problems.append(problem(year_path, *year_doc.position(("fiscal_year",)),
                                    "year_mismatch", value=meta.fiscal_year, folder=folder.name))
        problems += _period_agrees(folder, settings, meta, year_doc)
    on_disk = frozenset(p.stem for p in unit_files)
    unit_files, found = _same_unit(unit_files)
    problems += found
    if len(unit_files) > limits.unit_files:
        problems.append(problem(folder, 1, 1, "limit_unit_files", limit=limits.unit_files,
                                size=len(unit_files)))
        unit_files = []

    def read_unit(path: Path, raw: bytes | None = None) -> Read:
        doc, found = read_at(path) if raw is None else parse(path, raw, limits)
        if doc is None:
            return None, None, found
        unit, more = validate(doc, Unit)
        return doc, unit, found + more

    units: dict[str, tuple[Document, Unit]] = {}
    for path in unit_files:
        if not _SLUG.match(path.stem):
            problems.append(problem(path, 1, 1, "bad_filename", name=path.name))
            continue
        if kept is not None and not documents:  # lint wants the files with positions
            doc, unit, found = kept.unit_file(path, None if files is None else files[path.name],
                                              limits, partial(read_unit, path))
        else:
            doc, unit, found = read_unit(path)
        problems += found
        if doc is not None and unit is not None:
            units[path.stem] = (doc, unit)

    problems += checks.run(checks.YearContext(year_doc, meta, units, on_disk))
    if meta is not None and (settings is not None or meta.settings is not None):
        # only a settings file or a year's `settings:` can switch a column off
        from .settings.labels import labels_for  # the views' words import the loader

        problems += off_column_values(units, labels_for(settings, meta))
    if meta is None or year_doc is None or any(p.severity == "error" for p in problems):
        return None, problems
    ordered: list[LoadedUnit] = []
    for dept in meta.departments:
        listed = [s for s in dept.units if s in units]
        listed_set = set(listed)
        rest = sorted(s for s, (_, u) in units.items()
                      if u.department == dept.name and s not in listed_set)
        ordered += [LoadedUnit(s, units[s][0].path, units[s][1],
                               units[s][0] if documents else None) for s in listed + rest]
    return LoadedYear(meta.fiscal_year, folder, meta, tuple(ordered), tuple(problems),
                      settings, year_doc if documents else None), []


def _period_agrees(folder: Path, settings: Settings | None, meta: YearFile,
                   year_doc: Document) -> list[Problem]:
    """A `period:` in the year file or plans/jigyo.yaml must be the period folder's years."""
    period = period_of(folder.name)
    if period is None:
        return []
    if meta.settings is not None and meta.settings.period is not None:
        path, at, value = year_doc.path, year_doc.position(("settings", "period")), meta.settings.period
    elif settings is not None and settings.period is not None:
        path = settings_path(folder.parent)
        doc, _ = read(path)
        at, value = (doc.position(("period",)) if doc else (1, 1)), settings.period
    else:
        return []
    if value == period[1]:
        return []
    return [problem(path, *at, "period_mismatch", value=value, folder=folder.name,
                    years=period[1])]


def year_folders(plans_dir: Path) -> list[Path]:
    return sorted(p for p in plans_dir.iterdir() if p.is_dir() and is_plan_folder(p.name))


def _not_years(plans_dir: Path) -> list[Problem]:
    """Folders that look like a year (`2021 `, `20210`, `2020-2018`) but are not read as one."""
    return [warning(p, 1, 1, "not_a_year_folder", name=p.name) for p in sorted(plans_dir.iterdir())
            if p.is_dir() and not is_plan_folder(p.name) and _YEARISH.match(p.name)]


def _no_years(plans_dir: Path, years: list[int] | None, folders: list[Path]) -> Problem:
    """Say what was looked for and what is there, not only that nothing was found."""
    if folders and years is not None:
        return problem(plans_dir, 1, 1, "no_such_years",
                       wanted="、".join(str(y) for y in years),
                       present="、".join(f.name for f in folders))
    present = sorted(p.name + ("/" if p.is_dir() else "") for p in plans_dir.iterdir()
                     if not p.name.startswith("."))
    hint: object = ""
    if (plans_dir / YEAR_FILE).is_file():
        parent = plans_dir.parent if plans_dir.name else plans_dir.absolute().parent
        hint = msg("no_years_is_year", parent=parent.as_posix())
    shown = "、".join(present[:10]) + ("…" if len(present) > 10 else "")
    return problem(plans_dir, 1, 1, "no_years", present=shown or msg("no_years_nothing"),
                   hint=hint)


def load_plans(plans_dir: Path, years: Iterable[int] | None = None, *,
               documents: bool = False, kept: KeptFiles | None = None) -> Plans:
    """Load every year (or the given ones); raise PlanError listing all problems.

    With `documents`, each file as read is kept on its year or unit (for lint);
    with `kept`, unit files read before in this process are given again.
    """
    if not plans_dir.is_dir():
        raise PlanError([problem(plans_dir, 1, 1, "no_plans_dir")])
    try:
        every = year_folders(plans_dir)
    except OSError as err:
        raise PlanError([unreadable(plans_dir, err)]) from None
    wanted = sorted(set(years)) if years is not None else None
    folders = every if wanted is None else [f for f in every if first_year(f.name) in wanted]
    missing = [y for y in wanted or [] if y not in {first_year(f.name) for f in every}]
    if not folders or missing:
        raise PlanError([_no_years(plans_dir, missing or wanted, every), *_not_years(plans_dir)])
    plans = Plans(skipped=_not_years(plans_dir))
    problems: list[Problem] = [p for f in folders if (p := _inside(f, plans_dir)) is not None]
    for folder in folders:
        if any(p.path == folder for p in problems):
            continue
        loaded, found = load_year(folder, documents=documents, kept=kept)
        problems += found
        if loaded is not None:
            plans.years.append(loaded)
    if problems:  # the settings file is read with each year: its problems once
        raise PlanError(list(dict.fromkeys([*problems, *plans.notices])))
    plans.skipped += _mixed_organizations(plans.years)
    return plans


def _mixed_organizations(years: list[LoadedYear]) -> list[Problem]:
    """Two organizations' years in one plans folder are named, not silently mixed."""
    if not years:
        return []
    first = years[0].meta.organization
    return [warning(y.path / YEAR_FILE, 1, 1, "mixed_organizations", name=y.meta.organization,
                    first=first, year=years[0].year)
            for y in years[1:] if y.meta.organization != first]
