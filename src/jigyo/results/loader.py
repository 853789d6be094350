"""Reading the results of a year: plans/<year>/results/<unit>.yaml, matched to the plan.

A year has results when its folder holds a `results/` folder. Every results
file is validated (:mod:`jigyo.results.model`), then each of its entries is
matched to a 事項 of the plan by `id` or path (:mod:`jigyo.results.keys`).
What matches nothing is an error naming the nearest entry of the plan; a
事項 of the plan with nothing filled in is 未記入, a warning (an error with
``--strict``).
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import PlanError
from ..layout import UnitView, YearView
from ..loader import _inside
from ..messages import msg
from ..problems import Problem, problem, warning
from ..validation import validate
from ..yamlread import Document, parse, read
from .config import ResultsSettings, load_settings
from .keys import Key, PlanEntry, parse_path, plan_entries
from .model import Result, ResultsFile
from .presence import FOLDER

_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class EntryResult:
    """A 事項 of the plan and its result (None: 未記入)."""

    plan: PlanEntry
    result: Result | None

    @property
    def filled(self) -> bool:
        return self.result is not None and self.result.filled


@dataclass(frozen=True)
class UnitResults:
    unit: UnitView
    path: Path
    """The results file (it may not exist: then every entry is 未記入)."""
    entries: tuple[EntryResult, ...]


@dataclass(frozen=True)
class YearResults:
    """The results of one year, in plan order, and the words they use."""

    year: YearView
    settings: ResultsSettings
    units: tuple[UnitResults, ...]
    missing: tuple[Problem, ...]
    """未記入: one warning per 事項 with nothing filled in."""

    @property
    def interim(self) -> bool:
        """Whether any entry records 上半期 progress (then the 進行管理表 is built)."""
        return any(e.result is not None and e.result.interim is not None
                   for u in self.units for e in u.entries)

    def unit(self, slug: str) -> UnitResults | None:
        return next((u for u in self.units if u.unit.slug == slug), None)


def results_folder(year: YearView) -> Path:
    return year.source.path / FOLDER


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in _SUFFIXES and p.is_file())


def load_year_results(year: YearView, settings: ResultsSettings,
                      files: Mapping[str, bytes] | None = None, where: Path | None = None
                      ) -> tuple[YearResults | None, list[Problem]]:
    """The results of `year` (None when it has no results folder) and every problem found.

    With `files` (file name → bytes, e.g. from a git revision) the results are
    read from memory and `where` names their folder in messages.
    """
    folder = where if where is not None else results_folder(year)
    if files is None:
        if not folder.exists():
            return None, []
        if not folder.is_dir():
            return None, [problem(folder, 1, 1, "results_not_a_file", path=folder.as_posix())]
        paths = _files(folder)
        outside = [bad for p in paths if (bad := _inside(p, year.source.path.parent))]
        if outside:
            return None, outside
    else:
        paths = sorted(folder / name for name in files if Path(name).suffix in _SUFFIXES)
    problems: list[Problem] = []
    units = {u.slug: u for u in year.units}
    read_units: dict[str, tuple[Document, ResultsFile]] = {}
    for path in paths:
        if path.stem not in units:
            close = difflib.get_close_matches(path.stem, list(units), n=1, cutoff=0.5)
            problems.append(problem(path, 1, 1, "results_unknown_unit", name=path.name,
                                    year=year.year, stem=path.stem,
                                    suggest=msg("results_suggest_unit", name=f"{close[0]}.yaml")
                                    if close else ""))
            continue
        doc, found = read(path) if files is None else parse(path, files[path.name])
        problems += found
        if doc is None:
            continue
        parsed, found = validate(doc, ResultsFile)
        problems += found
        if parsed is not None:
            read_units[path.stem] = (doc, parsed)
    unit_results: list[UnitResults] = []
    missing: list[Problem] = []
    for unit in year.units:
        path = folder / f"{unit.slug}.yaml"
        doc_file = read_units.get(unit.slug)
        if doc_file is not None:
            path = doc_file[0].path
        matched, found = _match(unit, doc_file, settings)
        problems += found
        unit_results.append(UnitResults(unit, path, matched))
        lines = _lines(doc_file)
        for each in matched:
            if not each.filled:
                line = lines.get(each.plan.key, 1)
                missing.append(warning(path, line, 1, "results_missing", path=each.plan.path,
                                       file=path.name))
    if any(p.severity == "error" for p in problems):
        return None, problems
    return YearResults(year, settings, tuple(unit_results), tuple(missing)), problems


def _lines(doc_file: tuple[Document, ResultsFile] | None) -> dict[Key, int]:
    """The line of each result written by path, so 未記入 points at the empty entry."""
    if doc_file is None:
        return {}
    doc, parsed = doc_file
    found: dict[Key, int] = {}
    for index, result in enumerate(parsed.entries or []):
        if result.path is not None:
            found[parse_path(result.path)] = doc.position(("entries", index))[0]
    return found


def _match(unit: UnitView, doc_file: tuple[Document, ResultsFile] | None,
           settings: ResultsSettings) -> tuple[tuple[EntryResult, ...], list[Problem]]:
    entries = list(plan_entries(unit))
    if doc_file is None:
        return tuple(EntryResult(e, None) for e in entries), []
    doc, parsed = doc_file
    by_id = {e.entry.id: e for e in entries if e.entry.id}
    by_key = {e.key: e for e in entries}
    given: dict[Key, tuple[Result, int]] = {}
    problems: list[Problem] = []
    label = unit.label
    for index, result in enumerate(parsed.entries or []):
        where = ("entries", index)
        found: PlanEntry | None = None
        if result.id is not None:
            found = by_id.get(result.id)
            if found is None:
                close = difflib.get_close_matches(result.id, list(by_id), n=1, cutoff=0.5)
                problems.append(problem(doc.path, *doc.position((*where, "id")),
                                        "results_unknown_id", id=result.id, unit=label,
                                        suggest=_suggest(close, by_id)))
                continue
        elif result.path is not None:
            key = parse_path(result.path)
            found = by_key.get(key)
            if found is None:
                problems.append(problem(doc.path, *doc.position((*where, "path")),
                                        "results_unknown_path", path=result.path, unit=label,
                                        suggest=_nearest(key, entries)))
                continue
        else:
            problems.append(problem(doc.path, *doc.position(where), "results_no_key"))
            continue
        line = doc.position(where)[0]
        if found.key in given:
            problems.append(problem(doc.path, line, doc.position(where)[1], "results_twice",
                                    line=given[found.key][1]))
            continue
        problems += _statuses(doc, where, result, settings)
        given[found.key] = (result, line)
    matched = tuple(EntryResult(e, given[e.key][0] if e.key in given else None) for e in entries)
    return matched, problems


def _statuses(doc: Document, where: tuple[str | int, ...], result: Result,
              settings: ResultsSettings) -> Iterable[Problem]:
    choices = "、".join(settings.statuses)
    for sub, status in (((), result.status),
                        (("interim",), result.interim.status if result.interim else None)):
        if status is not None and status not in settings.statuses:
            yield problem(doc.path, *doc.position((*where, *sub, "status")),
                          "results_bad_status", value=status, choices=choices)


def _suggest(close: list[str], by_id: dict[str, PlanEntry]) -> object:
    return msg("results_suggest_entry", path=f"id: {close[0]}（{by_id[close[0]].path}）") \
        if close else ""


def _nearest(key: Key, entries: list[PlanEntry]) -> object:
    """The plan entry whose path reads most like the one written."""
    if not entries:
        return ""
    wanted = "›".join(key)
    scored = sorted(((difflib.SequenceMatcher(None, wanted, "›".join(e.key),
                                              autojunk=False).ratio(), -i, e)
                     for i, e in enumerate(entries)), key=lambda t: (t[0], t[1]), reverse=True)
    ratio, _, best = scored[0]
    return msg("results_suggest_entry", path=best.path) if ratio >= 0.4 else ""


def load_results(plans_dir: Path, views: Iterable[YearView], strict: bool = False
                 ) -> tuple[dict[int, YearResults], list[Problem]]:
    """The results of every year that has them, and the warnings (未記入).

    Raises PlanError with every problem when a results file is wrong (and,
    with `strict`, when a result is not filled in).
    """
    settings, problems = load_settings(plans_dir)
    found: dict[int, YearResults] = {}
    notices: list[Problem] = []
    for view in views:
        loaded, more = load_year_results(view, settings)
        problems += more
        if loaded is not None:
            found[view.year] = loaded
            notices += loaded.missing
    if strict:
        problems += [dataclasses.replace(p, severity="error", code="results_missing_strict")
                     for p in notices]
        notices = []
    if any(p.severity == "error" for p in problems):
        raise PlanError([*problems, *notices])
    return found, sorted([*problems, *notices])
