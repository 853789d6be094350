"""Results files in the diff: a corrected 実績 is a change of its entry like a 目標値.

Each side's results (plans/<year>/results/, on disk or at a git revision)
become extra fields of the matched entries (`result`, `status`, …), so the
walk reports and tabulates them with the entry's own fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import PlanError
from ..layout import YearView

if TYPE_CHECKING:
    from ..results.model import Result

RESULT_FIELDS = ("result", "status", "done", "issues", "next", "interim_result",
                 "interim_status", "interim_done")
"""The entry fields a results file adds, in the order the 新旧対照表 shows them."""

EntryFields = Mapping[tuple[str, str], Mapping[str, str]]
"""(unit slug, entry anchor) → field code → text."""


def _text(value: str | list[str] | None) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else "\n".join(value)


def _fields(result: Result) -> dict[str, str]:
    interim = result.interim
    values = {
        "result": _text(result.result), "status": _text(result.status),
        "done": _text(result.done), "issues": _text(result.issues), "next": _text(result.next),
        "interim_result": _text(interim.result) if interim else "",
        "interim_status": _text(interim.status) if interim else "",
        "interim_done": _text(interim.done) if interim else "",
    }
    return {k: v for k, v in values.items() if v}


def result_fields(view: YearView | None, plans_dir: Path,
                  files: tuple[Path, dict[str, bytes]] | None = None,
                  on_disk: bool = True) -> EntryFields:
    """The results of one side as entry fields; raises PlanError when a results file is wrong.

    `files` are the results read from a revision; without them and with
    `on_disk`, the year's results folder is read.
    """
    if view is None or (files is None and not on_disk):
        return {}
    # imported here: a diff of two plans without results never loads the results models
    from ..results.config import load_settings
    from ..results.loader import load_year_results

    settings, problems = load_settings(plans_dir)
    where, data = files if files is not None else (None, None)
    loaded, found = load_year_results(view, settings, data, where)
    problems += found
    if any(p.severity == "error" for p in problems):
        raise PlanError(problems)
    if loaded is None:
        return {}
    return {(u.unit.slug, e.plan.entry.anchor): _fields(e.result)
            for u in loaded.units for e in u.entries if e.result is not None}
