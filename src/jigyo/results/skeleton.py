"""`jigyo results new`: a results file per unit, listing every 事項 of the plan.

A new file lists every entry in plan order with its 目標値 as a comment and
every field empty. An existing file is never rewritten: the entries the plan
gained are appended to its text (after what is there, comments and filled
values untouched), so running it again changes nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import JigyoError, PlanError
from ..fsutil import write_atomic
from ..layout import UnitView, YearView
from ..yamlread import Document, read
from .keys import Key, PlanEntry, parse_path, plan_entries
from .loader import results_folder

SCHEMA_LINE = "# yaml-language-server: $schema=../../../schema/results.schema.json\n"
FIELDS = ("result", "status", "done", "issues", "next")


class SkeletonError(JigyoError):
    """A results file cannot be added to (its `entries` is not a list)."""


@dataclass(frozen=True)
class Written:
    path: Path
    added: int
    """Entries appended (0: the file was left as it was)."""


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escaping is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _comment(text: str) -> str:
    """Plan text on one comment line: a newline in it cannot end the comment."""
    return " ".join(text.split())


def _block(entry: PlanEntry, indent: str) -> str:
    targets = "、".join(entry.targets) or (entry.unit.labels.ditto if entry.covered else "―")
    lines = [f"{indent}# {_comment(entry.label)}　目標値: {_comment(targets)}\n"]
    if entry.entry.id:
        lines.append(f"{indent}- id: {entry.entry.id}\n")
        lines.append(f"{indent}  # {_comment(entry.path)}\n")
    else:
        lines.append(f"{indent}- path: {_quoted(entry.path)}\n")
    lines += [f"{indent}  {name}:\n" for name in FIELDS]
    return "".join(lines)


def _present(doc: Document, entries: list[PlanEntry]) -> set[Key]:
    """The plan entries a results file already lists (by id or path)."""
    by_id = {e.entry.id: e.key for e in entries if e.entry.id}
    found: set[Key] = set()
    listed = doc.data.get("entries") if isinstance(doc.data, dict) else None
    for item in listed if isinstance(listed, list) else []:
        if not isinstance(item, dict):
            continue
        if isinstance(item.get("id"), str) and item["id"] in by_id:
            found.add(by_id[item["id"]])
        elif isinstance(item.get("path"), str):
            found.add(parse_path(item["path"]))
    return found


def _indent(doc: Document) -> str:
    listed = doc.data.get("entries") if isinstance(doc.data, dict) else None
    if isinstance(listed, list) and listed:
        column = doc.position(("entries", 0))[1]
        return " " * max(column - 3, 0)
    return "  "


def _new_text(year: YearView, unit: UnitView, entries: list[PlanEntry]) -> str:
    head = (f"{SCHEMA_LINE}# {_comment(unit.label)}　{year.era}の実績"
            "（result: 実績、status: 達成状況、done: 実施状況、issues: 課題、next: 次年度の方向性）\n"
            "entries:\n")
    return head + "".join(_block(e, "  ") for e in entries)


def _added_text(path: Path, text: str, entries: list[PlanEntry]) -> tuple[str, int]:
    doc, problems = read(path)
    if doc is None:
        raise PlanError(problems)
    data = doc.data if isinstance(doc.data, dict) else {}
    if (doc.data is not None and not isinstance(doc.data, dict)) or not isinstance(
            data.get("entries"), (list, type(None))):
        raise SkeletonError("results_new_not_list", path=path.as_posix())
    present = _present(doc, entries)
    missing = [e for e in entries if e.key not in present]
    if not missing:
        return text, 0
    if text and not text.endswith("\n"):
        text += "\n"
    if "entries" not in data:
        text += "entries:\n"
    indent = _indent(doc)
    return text + "".join(_block(e, indent) for e in missing), len(missing)


def write_skeleton(year: YearView) -> list[Written]:
    """Write or extend the results file of every unit of `year`."""
    folder = results_folder(year)
    written: list[Written] = []
    for unit in year.units:
        entries = list(plan_entries(unit))
        path = folder / f"{unit.slug}.yaml"
        if not path.exists() and (folder / f"{unit.slug}.yml").exists():
            path = folder / f"{unit.slug}.yml"
        if path.exists():
            old = path.read_text(encoding="utf-8")
            text, added = _added_text(path, old, entries)
        else:
            text, added = _new_text(year, unit, entries), len(entries)
        if added:
            folder.mkdir(parents=True, exist_ok=True)
            write_atomic(path, text)
        written.append(Written(path, added))
    return written
