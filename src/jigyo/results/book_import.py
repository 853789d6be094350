"""`jigyo results import`: the results files written from an entry workbook.

Every sheet and row is checked first; a bad cell is reported as
``BOOK.xlsx:シート名!H12: …`` and then nothing is written. A cell the
workbook leaves empty keeps what the results file already says. A changed
plan cell is ignored, with a warning. Only files whose results change are
written (each atomically, after everything was validated), so importing an
untouched workbook changes no file. A rewritten file is written as plain
YAML in plan order (the skeleton's comments are not kept).
"""

from __future__ import annotations

import difflib
import json
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from ..errors import JigyoError
from ..fsutil import write_atomic
from ..layout import UnitView, YearView
from ..messages import Lang, Msg, message, msg
from .keys import PlanEntry, parse_path, plan_entries
from .loader import EntryResult, YearResults, results_folder
from .model import Result
from .report import lines
from .skeleton import SCHEMA_LINE
from .workbook import KEY_COLUMN, PLAN_COLUMNS, key_of, plan_cells, sheet_names

FIELDS = ("result", "status", "done", "issues", "next")
_FIRST_FIELD = PLAN_COLUMNS + 1


@dataclass(frozen=True)
class Finding:
    """A located remark on the workbook: BOOK.xlsx:シート!C12."""

    where: str
    message: Msg
    error: bool = True

    def text(self, lang: Lang = "ja") -> str:
        body = message(self.message.code, lang, **dict(self.message.params))
        prefix = "" if self.error else message("warning_prefix", lang)
        return f"{self.where}: {prefix}{body}"


class BookError(JigyoError):
    """The workbook has mistakes; nothing was written."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__("results_book_invalid", count=len(findings))
        self.findings = findings

    def text(self, lang: Lang = "ja") -> str:
        head = message("results_book_invalid", lang, count=len(self.findings))
        return "\n".join([*(f.text(lang) for f in self.findings), head])


def _cell(sheet: Worksheet, row: int, column: int) -> str:
    value = sheet.cell(row=row, column=column).value
    if value is None:
        return ""
    return str(value).replace("\r\n", "\n").strip()


def _value(text: str) -> str | list[str] | None:
    parts = [line.strip() for line in text.split("\n") if line.strip()]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else parts


def _nearest(key: str, entries: list[PlanEntry]) -> str:
    wanted = "›".join(parse_path(key))
    best = max(entries, default=None, key=lambda e: difflib.SequenceMatcher(
        None, wanted, "›".join(e.key), autojunk=False).ratio())
    return best.path if best is not None else ""


@dataclass
class _Unit:
    unit: UnitView
    values: dict[str, dict[str, str | list[str]]]
    """Key → the fields the workbook fills in."""


def _read_sheet(book: str, name: str, sheet: Worksheet, unit: UnitView, ditto: str,
                statuses: Sequence[str], findings: list[Finding]) -> _Unit:
    entries = list(plan_entries(unit))
    by_key = {key_of(e): e for e in entries}
    found = _Unit(unit, {})
    for row in range(2, sheet.max_row + 1):
        key = _cell(sheet, row, KEY_COLUMN)
        typed = {f: _cell(sheet, row, _FIRST_FIELD + i) for i, f in enumerate(FIELDS)}
        where = f"{book}:{name}!"
        if not key:
            if any(typed.values()):
                findings.append(Finding(f"{where}A{row}", msg("results_book_no_key")))
            continue
        entry = by_key.get(key)
        if entry is None:
            findings.append(Finding(f"{where}{get_column_letter(KEY_COLUMN)}{row}",
                                    msg("results_book_unknown_key", key=key,
                                        nearest=_nearest(key, entries))))
            continue
        if key in found.values:
            findings.append(Finding(f"{where}A{row}", msg("results_book_twice", key=key)))
            continue
        for column, (wanted, got) in enumerate(zip(plan_cells(entry, ditto), (
                _cell(sheet, row, c) for c in range(1, PLAN_COLUMNS + 1)), strict=True), 1):
            if got != wanted.strip():
                findings.append(Finding(f"{where}{get_column_letter(column)}{row}",
                                        msg("results_book_plan_changed"), error=False))
        status = typed["status"]
        if status and status not in statuses:
            findings.append(Finding(f"{where}{get_column_letter(_FIRST_FIELD + 1)}{row}",
                                    msg("results_book_bad_status", value=status,
                                        choices="、".join(statuses))))
        values = {f: v for f, text in typed.items() if (v := _value(text)) is not None}
        found.values[key] = values
    return found


def read_book(path: Path, year: YearView, statuses: Sequence[str]
              ) -> tuple[list[_Unit], list[Finding]]:
    """Every unit's values from the workbook, and every finding (errors and warnings)."""
    try:
        book = load_workbook(path, data_only=True)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, InvalidFileException) as err:
        raise JigyoError("results_book_unreadable", path=path.as_posix(),
                         reason=str(err)) from err
    findings: list[Finding] = []
    units: list[_Unit] = []
    expected = sheet_names(year)
    names = {n for n, _ in expected}
    for name in book.sheetnames:
        if name not in names:
            close = difflib.get_close_matches(name, list(names), n=1, cutoff=0.3)
            findings.append(Finding(f"{path.name}:{name}", msg(
                "results_book_unknown_sheet", name=name, nearest=close[0] if close else "")))
    for name, unit in expected:
        if name not in book.sheetnames:
            findings.append(Finding(f"{path.name}:{name}",
                                    msg("results_book_missing_sheet", name=name)))
            continue
        units.append(_read_sheet(path.name, name, book[name], unit, unit.labels.ditto,
                                 statuses, findings))
    return units, findings


def _merged(old: Result | None, new: dict[str, str | list[str]]) -> dict[str, Any]:
    data: dict[str, Any] = old.model_dump(exclude_none=True) if old is not None else {}
    data.update(new)
    return data


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    def norm(d: dict[str, Any]) -> dict[str, Any]:
        return {k: (lines(v) if k in FIELDS else v) for k, v in d.items()}
    return norm(a) == norm(b)


def _yaml(value: Any, indent: str) -> str:
    """A field value as YAML (strings double-quoted, JSON's escaping is valid YAML)."""
    if isinstance(value, str):
        return " " + json.dumps(value, ensure_ascii=False) + "\n"
    if isinstance(value, list):
        return "\n" + "".join(f"{indent}- {json.dumps(v, ensure_ascii=False)}\n" for v in value)
    return "\n" + "".join(f"{indent}{k}:{_yaml(v, indent + '  ')}" for k, v in value.items())


def _text(entries: list[tuple[PlanEntry, dict[str, Any]]]) -> str:
    out = [SCHEMA_LINE, "entries:\n"]
    for entry, data in entries:
        key = (f"  - id: {entry.entry.id}\n" if entry.entry.id
               else f"  - path: {json.dumps(entry.path, ensure_ascii=False)}\n")
        out.append(key)
        for name, value in data.items():
            if name in ("id", "path"):
                continue
            out.append(f"    {name}:{_yaml(value, '      ')}")
    return "".join(out)


@dataclass(frozen=True)
class Imported:
    written: tuple[Path, ...]
    warnings: tuple[Finding, ...]


def import_book(path: Path, year: YearView, results: YearResults | None,
                statuses: Sequence[str]) -> Imported:
    """Validate the whole workbook, then write the results files it changes."""
    units, findings = read_book(path, year, statuses)
    errors = [f for f in findings if f.error]
    if errors:
        raise BookError(findings)
    folder = results_folder(year)
    planned: list[tuple[Path, str]] = []
    for each in units:
        known = results.unit(each.unit.slug) if results is not None else None
        old: dict[str, EntryResult] = {key_of(e.plan): e for e in known.entries} \
            if known is not None else {}
        target = known.path if known is not None else folder / f"{each.unit.slug}.yaml"
        rows: list[tuple[PlanEntry, dict[str, Any]]] = []
        changed = False
        for entry in plan_entries(each.unit):
            key = key_of(entry)
            before = old[key].result if key in old else None
            data = _merged(before, each.values.get(key, {}))
            changed |= not _same(data, before.model_dump(exclude_none=True)
                                 if before is not None else {})
            rows.append((entry, data))
        if changed:
            planned.append((target, _text(rows)))
    if planned:
        folder.mkdir(parents=True, exist_ok=True)
    for target, text in planned:
        write_atomic(target, text)
    return Imported(tuple(p for p, _ in planned), tuple(findings))
