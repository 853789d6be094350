"""What the words of `jigyo diff` mean: which two years, from where.

- ``OLD NEW``: two years, each YEAR (working tree) or REV:YEAR (a git revision);
- ``YEAR``: the year before against YEAR (or, with ``--base REV``, REV:YEAR
  against YEAR);
- nothing, with ``--base REV``: every year that differs between the revision
  and the working tree; a year new in the working tree is compared with the
  year before it at the revision.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import JigyoError, PlanError
from ..gitread import YEAR_NAME, Tree, load_year_at, open_tree, years
from ..layout import YearView, era_label, unit_view, year_view
from ..layout.derive import UnitViews, goal_titles
from ..loader import LoadedUnit, LoadedYear, first_year, load_year, period_of
from ..readonce import SameBytes
from ..results.revision import results_files_at
from ..settings.labels import labels_for
from .compare import diff_views
from .records import DiffReport
from .results import EntryFields, result_fields


class SideError(JigyoError):
    """A year or revision the user named that cannot be compared (exit status 2)."""

    exit_code = 2


def _view(loaded: LoadedYear | None, reuse: UnitViews | None = None) -> YearView | None:
    """The year as the differ reads it; a unit given one view object on both sides is
    skipped by the differ (see :func:`jigyo.diff.compare.diff_views`)."""
    if loaded is None:
        return None
    return year_view(loaded, given=reuse)


def _outlines(old: LoadedYear, new: LoadedYear, on_disk: bool) -> UnitViews:
    """One view without 取り組み or 方針 for each unit with the same slug and data in both years.

    The differ pairs such a unit by its slug and reports it unchanged without
    looking inside, so its contents are never laid out; should it have moved
    within its 課 (or its results changed), the differ lays it out from the
    loaded year then. The data is compared by the files' bytes when both years
    are on disk, else by the units as read.
    """
    def data(unit: LoadedUnit) -> bytes:
        if on_disk:
            try:
                return unit.path.read_bytes()
            except OSError:
                return b""  # unreadable now: never taken for unchanged
        return unit.unit.model_dump_json().encode()

    def unchanged(before: LoadedUnit, after: LoadedUnit) -> bool:
        if before.unit is after.unit:  # its bytes were read once for both (readonce.SameBytes)
            return True
        written = data(after)
        return bool(written) and written == data(before)

    labels = labels_for(new.settings, new.meta)
    same_words = labels == labels_for(old.settings, old.meta)
    if not same_words or goal_titles(old.meta) != goal_titles(new.meta):
        return {}  # the same file may read differently in the other year: compare it all
    by_slug = {u.slug: u for u in old.units}
    given: UnitViews = {}
    for unit in new.units:
        twin = by_slug.get(unit.slug)
        if twin is None or not unchanged(twin, unit):
            continue
        bare = unit.unit.model_copy(update={"initiatives": [], "policy": []})
        outline = unit_view(LoadedUnit(unit.slug, unit.path, bare), labels)
        given[id(unit.unit)] = given[id(twin.unit)] = outline
    return given


def _required(view: YearView | None) -> YearView:
    assert view is not None
    return view


def _load_worktree(plans_dir: Path, year: int | str,
                   same: SameBytes | None = None) -> LoadedYear | None:
    folder = plans_dir / str(year)
    if not folder.is_dir():
        return None
    loaded, problems = load_year(folder, kept=same)
    if problems or loaded is None:
        raise PlanError(problems)
    return loaded


def _parse_year(text: str) -> str:
    """A year folder's name (2020) or a period folder's (2018-2020)."""
    if not YEAR_NAME.match(text) and period_of(text) is None:
        raise SideError("diff_not_a_year", text=text)
    return text


def _before(plans_dir: Path, name: str) -> str:
    """The plan folder before `name`: 2019 before 2020, 2018-2020 before 2021-2023."""
    first = first_year(name)
    if plans_dir.is_dir():
        for p in plans_dir.iterdir():
            period = period_of(p.name)
            if p.is_dir() and period and period[0] + period[1] == first:
                return p.name
    return str(first - 1)


class Sides:
    """Loads the years named on the command line: YEAR (working tree) or REV:YEAR."""

    def __init__(self, plans_dir: Path) -> None:
        self.plans_dir = plans_dir
        self.trees: dict[str, Tree] = {}
        self.same = SameBytes()
        """A file with the same bytes on both sides is read once (most are untouched)."""

    def tree(self, rev: str) -> Tree:
        if rev not in self.trees:
            self.trees[rev] = open_tree(self.plans_dir, rev)
        return self.trees[rev]

    def loaded(self, spec: str) -> tuple[str, LoadedYear]:
        """(label, loaded year) for YEAR or REV:YEAR; raises SideError if it does not exist."""
        rev, _, year_text = spec.rpartition(":")
        year = _parse_year(year_text)
        if rev:
            tree = self.tree(rev)
            at_rev = load_year_at(tree, year, self.same)
            if at_rev is None:
                raise SideError("diff_no_year_at_rev", rev=rev, folder=tree.inner(year))
            return tree.label(year), at_rev
        loaded = _load_worktree(self.plans_dir, year, self.same)
        if loaded is None:
            raise SideError("diff_no_year_folder",
                            folder=(self.plans_dir / str(year)).as_posix())
        return year, loaded

    def pair(self, old_spec: str, new_spec: str) -> tuple[str, YearView, str, YearView]:
        """Both years of OLD NEW as views, units unchanged between them only outlined."""
        old_label, old = self.loaded(old_spec)
        new_label, new = self.loaded(new_spec)
        on_disk = ":" not in old_spec and ":" not in new_spec  # a revision is read from git
        given = _outlines(old, new, on_disk)
        return (old_label, _required(_view(old, given)), new_label, _required(_view(new, given)))

    def results(self, spec: str, view: YearView | None) -> EntryFields:
        """The results of the side YEAR (on disk) or REV:YEAR (at the revision), as fields."""
        rev, _, year_text = spec.rpartition(":")
        if not rev:
            return result_fields(view, self.plans_dir)
        files = results_files_at(self.tree(rev), year_text)
        return result_fields(view, self.plans_dir, files, on_disk=False)

    def worktree_years(self) -> list[int]:
        if not self.plans_dir.is_dir():
            return []
        return sorted(int(p.name) for p in self.plans_dir.iterdir()
                      if p.is_dir() and YEAR_NAME.match(p.name))


def compare(plans_dir: Path, specs: list[str], base: str | None = None, *,
            ignore_order: bool = False) -> list[DiffReport]:
    """The reports the user asked for; raises SideError, GitError or PlanError."""
    sides = Sides(plans_dir)
    if len(specs) > 2:
        raise SideError("diff_too_many")
    if len(specs) == 2:
        old_label, old, new_label, new = sides.pair(specs[0], specs[1])
        return [diff_views(old, new, old_label=old_label, new_label=new_label,
                           ignore_order=ignore_order, **_results(sides, specs, old, new))]
    if len(specs) == 1:
        if ":" in specs[0]:
            raise SideError("diff_rev_needs_other")
        year = _parse_year(specs[0])
        old_spec = f"{base}:{year}" if base else _before(plans_dir, year)
        return compare(plans_dir, [old_spec, year], ignore_order=ignore_order)
    if not base:
        raise SideError("diff_nothing")
    return _against_base(sides, sides.tree(base), ignore_order)


def _results(sides: Sides, specs: list[str], old: YearView, new: YearView
             ) -> dict[str, EntryFields]:
    """Both sides' results when they are one year at two revisions (a corrected 実績);
    two different years are two plans, their results are not compared."""
    if old.year != new.year:
        return {}
    return {"old_results": sides.results(specs[0], old),
            "new_results": sides.results(specs[1], new)}


def _against_base(sides: Sides, tree: Tree, ignore_order: bool) -> list[DiffReport]:
    at_rev = set(years(tree))
    reports: list[DiffReport] = []
    for year in sorted(at_rev | set(sides.worktree_years())):
        new = _view(_load_worktree(sides.plans_dir, year, sides.same))
        old = _view(load_year_at(tree, year, sides.same)) if year in at_rev else None
        if old is None and new is not None:
            earlier = (_view(load_year_at(tree, year - 1, sides.same)) if year - 1 in at_rev
                       else None)
            reports.append(diff_views(earlier, new,
                                      old_label=tree.label(year - 1 if earlier else year),
                                      new_label=str(year), ignore_order=ignore_order))
            continue
        report = diff_views(old, new, old_label=tree.label(year),
                            new_label=str(year),
                            ignore_order=ignore_order,
                            old_results=sides.results(f"{tree.rev}:{year}", old),
                            new_results=sides.results(str(year), new))
        if report.changed or new is None:
            reports.append(report)
    if not reports:
        latest = max(at_rev | set(sides.worktree_years()), default=None)
        if latest is not None:
            era = era_label(latest)
            reports.append(DiffReport(tree.label(latest), str(latest), latest, latest, (), (),
                                      old_era=era, new_era=era))
    return reports
