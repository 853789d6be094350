"""What one build leaves for the next in the same process: the preview (`jigyo serve`)
builds again after every save, and all files but the one saved are as they were.

Four things are kept, each with everything it depends on, and given again only when
all of that is the same:

- each unit file as read and validated: by its path, its bytes and the limits (a file
  whose size, inode and times are unchanged is not even read again);
- each unit's view: by its model (the same object when its file did not change), the
  Labels and the goals' titles;
- each unit's body on the site: by its view (the same object when kept) and the
  template macro that made it (a new object when a template is edited);
- each unit's rows of the search index: by its view and its place in the index;
- each unit's page on the site: by everything its templates read (the templates
  themselves, views by identity, other values by equality), see :func:`same_reads`;
- each output folder's files as written: a page with the same bytes as before is linked
  from the folder built last instead of written again (:class:`jigyo.fsutil.FolderWriter`).

A build keeps only what it used, so an edited or deleted file's entries go with it; a
build that fails keeps what the last good one left. A plain `jigyo build` keeps nothing:
it is one build per process, and the site's memory stays bounded.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .fsutil import Written
from .readonce import Stamp, bytes_of

if TYPE_CHECKING:
    from .layout import Labels, UnitView, YearView
    from .limits import Limits
    from .loader import LoadedYear
    from .model import Unit
    from .problems import Problem
    from .readonce import Read
    from .yamlread import Document


@dataclass(frozen=True)
class _File:
    stamp: Stamp
    raw: bytes
    limits: Limits
    doc: Document | None
    unit: Unit | None
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class _View:
    unit: Unit
    labels: Labels
    titles: Mapping[str, str]
    view: UnitView


@dataclass(frozen=True)
class _Body:
    view: UnitView
    macro: Any
    made: tuple[str, ...] | None


@dataclass(frozen=True)
class _Rows:
    view: UnitView
    place: tuple[int, int]
    rows: str


@dataclass
class _Kept:
    """Everything one build keeps. Units and views are held, so the id() keys stay theirs."""

    files: dict[Path, _File] = field(default_factory=dict)
    views: dict[tuple[Path, str], _View] = field(default_factory=dict)
    bodies: dict[int, _Body] = field(default_factory=dict)
    rows: dict[int, _Rows] = field(default_factory=dict)
    folders: dict[Path, Written] = field(default_factory=dict)
    pages: dict[str, tuple[dict[str, Any], bytes]] = field(default_factory=dict)


class Reuse:
    """The files, views, bodies and search rows one build of a process leaves for the next."""

    def __init__(self) -> None:
        self._last = _Kept()
        self._this = _Kept()

    @contextmanager
    def build(self) -> Iterator[None]:
        """One build: what it uses is what the next one finds (unless it fails)."""
        self._this = _Kept()
        yield
        self._last = self._this

    def unit_file(self, path: Path, raw: bytes | None, limits: Limits,
                  read: Callable[[bytes | None], Read]) -> Read:
        """See :class:`jigyo.readonce.KeptFiles`; a file on disk whose stamp is unchanged is
        not read again."""
        kept = self._last.files.get(path)
        stamp: Stamp = (0, 0, 0, 0)
        if raw is None:
            stamp, raw = bytes_of(path, limits, kept.stamp if kept is not None else None,
                                  kept.raw if kept is not None else b"")
            if raw is None:
                return read(None)
        if kept is None or kept.raw != raw or kept.limits != limits:
            doc, unit, problems = read(raw)
            kept = _File(stamp, raw, limits, doc, unit, tuple(problems))
        elif kept.stamp != stamp:  # saved again with the same bytes
            kept = _File(stamp, kept.raw, limits, kept.doc, kept.unit, kept.problems)
        self._this.files[path] = kept
        return kept.doc, kept.unit, list(kept.problems)

    def year_view(self, year: LoadedYear) -> YearView:
        """:func:`jigyo.layout.year_view`, with the kept views of unchanged units."""
        from .layout.derive import goal_titles, year_view
        from .settings.labels import labels_for

        labels, titles = labels_for(year.settings, year.meta), goal_titles(year.meta)
        given: dict[int, UnitView] = {}
        for loaded in year.units:
            kept = self._last.views.get((year.path, loaded.slug))
            if (kept is not None and kept.unit is loaded.unit and kept.labels == labels
                    and kept.titles == titles):
                given[id(loaded.unit)] = kept.view
        view = year_view(year, labels, given)
        units = [u for _, units in year.departments() for u in units]
        views = [v for dept in view.departments for v in dept.units]
        for loaded, unit_view in zip(units, views, strict=True):
            self._this.views[(year.path, loaded.slug)] = _View(loaded.unit, labels, titles,
                                                               unit_view)
        return view

    def folder(self, target: Path) -> tuple[Written, Written]:
        """What the last build wrote into the output folder `target`, and the record this
        build fills for the next."""
        record: Written = {}
        self._this.folders[target] = record
        return self._last.folders.get(target, {}), record

    def page(self, path: str, given: dict[str, Any], make: Callable[[], bytes]) -> bytes:
        """A page as made before from the same `given` (see :func:`same_reads`), else `make()`."""
        kept = self._last.pages.get(path)
        page = kept[1] if kept is not None and same_reads(kept[0], given) else make()
        self._this.pages[path] = (given, page)
        return page

    def body(self, view: UnitView, macro: Any,
             make: Callable[[], tuple[str, ...] | None]) -> tuple[str, ...] | None:
        """A unit's site body: as `macro` made it for this view before, else `make()`
        (None where a body cannot be made once for all pages)."""
        kept = self._this.bodies.get(id(view)) or self._last.bodies.get(id(view))
        if kept is None or kept.view is not view or kept.macro is not macro:
            kept = _Body(view, macro, make())
        self._this.bodies[id(view)] = kept
        return kept.made

    def search_rows(self, view: UnitView, unit: int, initiative: int,
                    make: Callable[[], str]) -> str:
        """A unit's rows of the search index: as written before with the same numbers, else
        `make()`."""
        kept = self._last.rows.get(id(view))
        if kept is None or kept.view is not view or kept.place != (unit, initiative):
            kept = _Rows(view, (unit, initiative), make())
        self._this.rows[id(view)] = kept
        return kept.rows


def _plain(value: object, depth: int = 3) -> bool:
    """Text, numbers and small records of them (a breadcrumb, a year link): compared by value."""
    if value is None or isinstance(value, str | int | float):
        return True
    if depth == 0:
        return False
    if isinstance(value, tuple | list):
        return all(_plain(item, depth - 1) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return all(_plain(getattr(value, f.name), depth - 1) for f in dataclasses.fields(value))
    return False


def _same(old: object, new: object) -> bool:
    if old is new:
        return True
    if isinstance(old, tuple) and isinstance(new, tuple) and len(old) == len(new):
        return all(_same(a, b) for a, b in zip(old, new, strict=True))
    return _plain(old) and _plain(new) and old == new


def same_reads(before: Mapping[str, Any], now: Mapping[str, Any]) -> bool:
    """Whether a page's templates read the same now as before: the same names, each the same
    object (a kept view, a template, a macro) or plain values that are equal. A view made
    anew is never taken for the old one, however alike: its page is rendered again."""
    return before.keys() == now.keys() and all(_same(before[k], v) for k, v in now.items())
