"""A diff report in four forms: terminal text, a pull-request comment, a 新旧対照表, JSON.

The report (:mod:`jigyo.differ`) decides what changed; this module only words
and lays it out. Several reports (one per fiscal year) can be shown together.
"""

from __future__ import annotations

import html
import json
import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from ..differ import KIND_LABELS, KINDS, Change, DiffReport, Line, UnitDiff
from ..layout import era_label
from ..textdiff import Span
from .templating import TEMPLATES

COMMENT_MARKER = "<!-- jigyo-diff -->"
"""First line of the Markdown report, so a workflow finds its own comment again."""
COMMENT_LIMIT = 65_536
"""GitHub refuses a comment longer than this many characters."""
SEP = " ＞ "


def year_label(report_label: str, year: int | None) -> str:
    """令和２年度（2020）for a plain year; a revision keeps its name (origin/main:2020)."""
    if year is not None and report_label == str(year):
        return f"{era_label(year)}（{year}）"
    return report_label


def title(reports: Sequence[DiffReport]) -> str:
    return "、".join(f"{r.old_label} → {r.new_label}" for r in reports)


def change_heading(change: Change) -> str:
    """目標値の変更, 事項の追加, 取り組みの並べ替え …"""
    return f"{change.what}の{KIND_LABELS[change.kind]}"


def where(change: Change) -> str:
    """The place below the unit: 組織運営の取り組み ＞ 理事会、評議員会の開催 ＞ 理事会."""
    return SEP.join(change.path[1:])


def _plain(spans: Sequence[Span]) -> str:
    return "".join(s.text for s in spans)


# --- text -------------------------------------------------------------------------

WIDTH = 80
_ANSI = {"del": "\x1b[31m", "ins": "\x1b[32m", "head": "\x1b[1m", "dim": "\x1b[2m"}
_RESET = "\x1b[0m"
Token = tuple[str, str]  # (text, style)


def cells(text: str) -> int:
    """Terminal columns of a text: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


_NO_LINE_START = set("、。，．,.)）」』】〕ー…・：:！？!?")


def _wrap(tokens: list[Token], indent: int, width: int = WIDTH) -> list[list[Token]]:
    """Break styled text into lines of at most `width` columns (continuations indented).

    Lines break two columns early so that punctuation, which must not start a
    line in Japanese, can hang at the end of the line instead.
    """
    out: list[list[Token]] = [[]]
    used = indent
    for text, style in tokens:
        for ch in text:
            if ch == "\n":
                out.append([])
                used = indent + 2
                continue
            w = cells(ch)
            limit = width if ch in _NO_LINE_START else width - 2
            if used + w > limit and used > indent + 2:
                out.append([])
                used = indent + 2
            line = out[-1]
            if line and line[-1][1] == style:
                line[-1] = (line[-1][0] + ch, style)
            else:
                line.append((ch, style))
            used += w
    return out


class _Text:
    def __init__(self, color: bool) -> None:
        self.color = color
        self.out: list[str] = []

    def emit(self, tokens: list[Token], indent: int = 0) -> None:
        for i, line in enumerate(_wrap(tokens, indent)):
            pad = " " * (indent + (2 if i else 0))
            self.out.append((pad + "".join(self._style(t, s) for t, s in line)).rstrip())

    def _style(self, text: str, style: str) -> str:
        if not style:
            return text
        if self.color:
            return _ANSI[style] + text + _RESET
        if style == "del":
            return f"[-{text}-]"
        if style == "ins":
            return f"{{+{text}+}}"
        return text

    def spans(self, spans: Sequence[Span], style: str) -> list[Token]:
        if self.color:
            return [(s.text, style if s.changed else "") for s in spans]
        return [(self._style(s.text, style) if s.changed else s.text, "") for s in spans]


def _text_change(t: _Text, change: Change) -> None:
    place = where(change)
    head: list[Token] = [("・" + change_heading(change), "head")]
    if place:
        head.append(("  " + place, ""))
    t.emit(head, 2)
    if change.kind == "moved":
        t.emit([("移動元: " + SEP.join(change.moved_from[1:]), "dim")], 6)
    elif change.kind == "reordered":
        t.emit([(f"順序: {change.moved_from[0]} → {change.moved_to[0]}", "dim")], 6)
    elif change.field == "target" and change.old and change.new:
        tokens = [*t.spans(change.old_spans, "del"), (" → ", ""),
                  *t.spans(change.new_spans, "ins")]
        if change.delta:
            tokens.append((f"（{change.delta}）", "head"))
        t.emit(tokens, 6)
    else:
        if change.old_spans:
            t.emit([("改正前: ", "dim"), *t.spans(change.old_spans, "del")], 6)
        if change.new_spans:
            t.emit([("改正後: ", "dim"), *t.spans(change.new_spans, "ins")], 6)


def _summary_rows(report: DiffReport) -> list[tuple[str, list[int]]]:
    rows: list[tuple[str, list[int]]] = []
    if report.year_changes:
        rows.append(("年度ファイル", [sum(1 for c in report.year_changes if c.kind == k)
                                      for k in KINDS]))
    rows += [(u.label, [u.count(k) for k in KINDS]) for u in report.changed_units]
    return rows


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - cells(text))


def render_text(reports: Sequence[DiffReport], *, color: bool = False) -> str:
    """For the terminal: summary first, then every change, within 80 columns."""
    t = _Text(color)
    for report in reports:
        t.emit([(f"事業計画の差分: {year_label(report.old_label, report.old_year)} → "
                 f"{year_label(report.new_label, report.new_year)}", "head")])
        if not report.changed:
            t.emit([("変更はありません。", "")])
            t.out.append("")
            continue
        t.emit([(f"変更 {len(report.changes)} 件（計画単位 {len(report.changed_units)}）", "")])
        t.out.append("")
        labels = [KIND_LABELS[k] for k in KINDS]
        name_width = 22
        t.emit([(_pad("計画単位", name_width) + " ".join(_pad(x, 8) for x in labels).rstrip(),
                 "dim")], 2)
        for label, counts in _summary_rows(report):
            shown = label if cells(label) <= name_width - 2 else _clip(label, name_width - 2)
            t.emit([(_pad(shown, name_width)
                     + " ".join(_pad(str(n) if n else "·", 8) for n in counts).rstrip(), "")], 2)
        if report.targets:
            t.out.append("")
            t.emit([("目標値の変更", "head")])
            for change in report.targets:
                tokens: list[Token] = [(SEP.join(change.path) + ": ", ""),
                                       *t.spans(change.old_spans, "del"), (" → ", ""),
                                       *t.spans(change.new_spans, "ins")]
                if change.delta:
                    tokens.append((f"（{change.delta}）", "head"))
                t.emit(tokens, 2)
        if report.year_changes:
            t.out.append("")
            t.emit([("■ 年度ファイル", "head")])
            for change in report.year_changes:
                _text_change(t, change)
        for unit in report.changed_units:
            t.out.append("")
            t.emit([(f"■ {unit.label}（{unit.slug}）", "head")])
            for change in unit.changes:
                _text_change(t, change)
        t.out.append("")
    return "\n".join(t.out).rstrip("\n") + "\n"


def _clip(text: str, width: int) -> str:
    out = ""
    for ch in text:
        if cells(out + ch + "…") > width:
            return out + "…"
        out += ch
    return out


# --- Markdown (pull-request comment) ------------------------------------------------

_MD_ESCAPE = re.compile(r"([\\`*_\[\]|~@])")
"""Markdown that acts inside a line; user text never starts a line in this report."""


def md_text(text: str) -> str:
    """User text inside Markdown: HTML and Markdown syntax neutralised, lines kept."""
    escaped = html.escape(text, quote=False)
    escaped = _MD_ESCAPE.sub(r"\\\1", escaped)
    return escaped.replace("\n", "<br>")


def _md_spans(spans: Sequence[Span], tag: str) -> str:
    return "".join(f"<{tag}>{md_text(s.text)}</{tag}>" if s.changed else md_text(s.text)
                   for s in spans)


def _md_change(change: Change) -> str:
    head = f"- **{change_heading(change)}**"
    place = where(change)
    if place:
        head += f" {md_text(place)}"
    body: list[str] = []
    if change.kind == "moved":
        body.append(f"移動元: {md_text(SEP.join(change.moved_from[1:]))}")
    elif change.kind == "reordered":
        body.append(f"順序: {md_text(change.moved_from[0])} → {md_text(change.moved_to[0])}")
    elif change.field == "target" and change.old and change.new:
        line = f"{_md_spans(change.old_spans, 'del')} → {_md_spans(change.new_spans, 'ins')}"
        if change.delta:
            line += f"（**{md_text(change.delta)}**）"
        body.append(line)
    else:
        if change.old_spans:
            body.append(f"改正前: {_md_spans(change.old_spans, 'del')}")
        if change.new_spans:
            body.append(f"改正後: {_md_spans(change.new_spans, 'ins')}")
    return "  \n  ".join([head, *body])


def _md_unit(unit: UnitDiff | None, changes: Sequence[Change], label: str) -> str:
    count = f"変更 {len(changes)} 件"
    status = {"added": "（新設）", "removed": "（削除）"}.get(unit.status, "") if unit else ""
    lines = [
        "<details>",
        f"<summary><b>{md_text(label)}</b>{status}　{count}</summary>",
        "",
        *(_md_change(c) for c in changes),
        "",
        "</details>",
        "",
    ]
    return "\n".join(lines)


class _Budget:
    """Markdown parts added in order until the comment limit; what does not fit is counted."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.parts: list[str] = []
        self.size = 0
        self.full = False

    def add(self, text: str, reserve: int = 0) -> bool:
        if self.full or self.size + len(text) + 1 + reserve > self.limit:
            self.full = True
            return False
        self.parts.append(text)
        self.size += len(text) + 1
        return True

    def text(self) -> str:
        return "\n".join(self.parts)


_RESERVE = 600
"""Room kept for the closing note when something had to be left out."""


def _md_summary(budget: _Budget, report: DiffReport, reserve: int) -> int:
    """The summary of one comparison; returns how many rows did not fit."""
    old = year_label(report.old_label, report.old_year)
    new = year_label(report.new_label, report.new_year)
    budget.add(f"### {md_text(old)} → {md_text(new)}\n", reserve)
    if not report.changed:
        budget.add("変更はありません。\n", reserve)
        return 0
    budget.add(f"変更は {len(report.changes)} 件です（計画単位 {len(report.changed_units)}）。\n",
               reserve)
    left = 0
    budget.add("| 計画単位 | " + " | ".join(KIND_LABELS[k] for k in KINDS) + " |\n"
               + "|---|" + "---:|" * len(KINDS), reserve)
    for label, counts in _summary_rows(report):
        row = f"| {md_text(label)} | " + " | ".join(str(n) if n else "" for n in counts) + " |"
        left += 0 if budget.add(row, reserve) else 1
    budget.add("", reserve)
    if report.targets:
        budget.add("**目標値の変更**\n\n| 計画単位 | 事項 | 変更前 | 変更後 | 差 |\n"
                   "|---|---|---|---|---|", reserve)
        for c in report.targets:
            row = (f"| {md_text(c.path[0])} | {md_text(where(c))} | "
                   f"{_md_spans(c.old_spans, 'del')} | {_md_spans(c.new_spans, 'ins')} | "
                   f"{md_text(c.delta or '')} |")
            left += 0 if budget.add(row, reserve) else 1
        budget.add("", reserve)
    return left


def render_markdown(reports: Sequence[DiffReport], *, report_url: str | None = None,
                    limit: int = COMMENT_LIMIT) -> str:
    """A pull-request comment: summary table, then one collapsible block per unit.

    Kept under GitHub's comment limit: what does not fit is left out, with a
    note saying how much and pointing to the full HTML report.
    """
    reserve = _RESERVE + len(report_url or "")
    budget = _Budget(limit)
    budget.add(COMMENT_MARKER + "\n## 事業計画の変更\n", reserve)
    rows_left = sum(_md_summary(budget, r, reserve) for r in reports)
    blocks: list[str] = []
    for report in reports:
        if report.year_changes:
            blocks.append(_md_unit(None, report.year_changes, "年度ファイル"))
        blocks += [_md_unit(u, u.changes, u.label) for u in report.changed_units]
    units_left = 0
    for block in blocks:
        units_left += 0 if budget.add(block, reserve) else 1
    if not budget.full:
        return budget.text()
    omitted = []
    if rows_left:
        omitted.append(f"概要の表の {rows_left} 行")
    if units_left:
        omitted.append(f"残り {units_left} 件の計画単位の変更")
    if report_url and re.fullmatch(r"https?://[^\s<>]+", report_url):
        where_ = f"（<{report_url}>）"
    else:
        where_ = "（プルリクエストのチェック結果の成果物）"
    note = (f"> [!NOTE]\n> コメントの文字数の上限のため、{'と'.join(omitted)}を省略しました。"
            f"全体は HTML の新旧対照表{where_}で確認してください。\n")
    return budget.text() + "\n" + note


# --- JSON -------------------------------------------------------------------------------


def _json_change(change: Change) -> dict[str, Any]:
    return {
        "kind": change.kind,
        "level": change.level,
        "field": change.field,
        "unit": change.unit,
        "path": list(change.path),
        "old": change.old,
        "new": change.new,
        "delta": change.delta,
        "from": list(change.moved_from) or None,
        "to": list(change.moved_to) or None,
    }


def report_data(report: DiffReport) -> dict[str, Any]:
    return {
        "old": report.old_label,
        "new": report.new_label,
        "old_year": report.old_year,
        "new_year": report.new_year,
        "changed": report.changed,
        "ignore_order": report.ignore_order,
        "summary": {
            "changes": len(report.changes),
            "units": [
                {"slug": u.slug, "label": u.label, "status": u.status,
                 "counts": {k: u.count(k) for k in KINDS}}
                for u in report.changed_units
            ],
            "targets": [_json_change(c) for c in report.targets],
        },
        "changes": [_json_change(c) for c in report.changes],
    }


def render_json(reports: Sequence[DiffReport]) -> str:
    data = {"changed": any(r.changed for r in reports),
            "comparisons": [report_data(r) for r in reports]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --- HTML 新旧対照表 ------------------------------------------------------------------


@dataclass(frozen=True)
class CellView:
    spans: tuple[Span, ...]
    placeholder: str = ""
    """（新設）, （削る） or （略） in place of text."""
    label: str = ""


@dataclass(frozen=True)
class RowView:
    kind: str
    cells: tuple[CellView, CellView]


@dataclass(frozen=True)
class TableView:
    anchor: str
    label: str
    status: str
    changes: int
    rows: tuple[RowView, ...]


def _cell(spans: tuple[Span, ...] | None, placeholder: str, label: str) -> CellView:
    if spans is None:
        return CellView((), placeholder)
    return CellView(spans, "", label)


def _rows(unit: UnitDiff, abbreviate: bool, new_on_left: bool) -> tuple[RowView, ...]:
    """Aligned rows; with `abbreviate`, runs of unchanged rows become （略）."""
    lines: list[Line | None] = list(unit.lines)
    if abbreviate:
        changed_blocks = {ln.block for ln in unit.lines if ln.changed}
        # the 項目 and the entry name stay when something under them changed
        changed_items: set[int] = set()
        last_item = last_entry = -1
        for i, item in enumerate(unit.lines):
            if item.kind in ("initiative", "unit"):
                last_item = last_entry = -1
            elif item.kind == "item":
                last_item, last_entry = i, -1
            elif item.kind == "entry":
                last_entry = i
            if item.changed and item.kind in ("entry", "field"):
                changed_items.update(x for x in (last_item, last_entry) if 0 <= x < i)
        kept: list[Line | None] = []
        for i, item in enumerate(unit.lines):
            context = ((item.kind in ("initiative", "unit") and item.block in changed_blocks)
                       or i in changed_items)
            if item.changed or context:
                kept.append(item)
            elif kept and kept[-1] is None:
                continue
            else:
                kept.append(None)
        lines = kept
    rows: list[RowView] = []
    previous: Line | None = None
    for shown in lines:
        if shown is None:
            cell = CellView((), "（略）")
            rows.append(RowView("ryaku", (cell, cell)))
            previous = None
            continue
        # a run of rows missing on one side is marked once, on its first row
        gone = previous is not None and previous.new is None and previous.kind != "initiative" \
            and shown.kind in ("field", "policy")
        fresh = previous is not None and previous.old is None and previous.kind != "initiative" \
            and shown.kind in ("field", "policy")
        new = _cell(shown.new, "" if gone else "（削る）", shown.label)
        old = _cell(shown.old, "" if fresh else "（新設）", shown.label)
        previous = shown
        rows.append(RowView(shown.kind, (new, old) if new_on_left else (old, new)))
    return tuple(rows)


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES / "diff"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _anchor(slug: str, index: int) -> str:
    return f"u{index}-{slug}" if slug else f"u{index}"


def render_html_reports(reports: Sequence[DiffReport], *, new_on_left: bool = True,
                        abbreviate: bool = False, organization: str = "") -> str:
    """Several comparisons in one self-contained 新旧対照表 document."""
    sections = []
    index = 0
    for report in reports:
        tables = []
        for unit in report.units:
            if not unit.changes:
                continue
            index += 1
            tables.append(TableView(_anchor(unit.slug, index), unit.label, unit.status,
                                    len(unit.changes), _rows(unit, abbreviate, new_on_left)))
        sections.append({
            "old": year_label(report.old_label, report.old_year),
            "new": year_label(report.new_label, report.new_year),
            "year_changes": report.year_changes,
            "tables": tables,
        })
    heads = ("改正後", "改正前") if new_on_left else ("改正前", "改正後")
    env = _environment()
    return env.get_template("shinkyu.html").render(
        organization=organization,
        page_title="新旧対照表 " + title(reports),
        sections=sections,
        heads=heads,
        abbreviate=abbreviate,
        style=(TEMPLATES / "diff" / "shinkyu.css").read_text(encoding="utf-8"),
        heading=change_heading,
    )


def render_html(report: DiffReport, *, new_on_left: bool = True,
                abbreviate: bool = False) -> str:
    """A complete, self-contained HTML 新旧対照表 of one comparison."""
    return render_html_reports([report], new_on_left=new_on_left, abbreviate=abbreviate,
                               organization=report.organization)


# --- choosing a form and writing it ------------------------------------------------

FORMATS = ("text", "md", "html", "json")


def render(reports: Sequence[DiffReport], fmt: str, *, color: bool = False,
           new_on_left: bool = True, abbreviate: bool = False,
           report_url: str | None = None) -> str:
    """The reports in one of FORMATS."""
    if fmt == "md":
        return render_markdown(reports, report_url=report_url)
    if fmt == "html":
        organization = next((r.organization for r in reports if r.organization), "")
        return render_html_reports(reports, new_on_left=new_on_left, abbreviate=abbreviate,
                                   organization=organization)
    if fmt == "json":
        return render_json(reports)
    return render_text(reports, color=color)


def save(path: Path, text: str) -> None:
    """Write a report so that the file is replaced whole or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = path.with_name(f".{path.name}.new-{os.getpid()}")
    try:
        staging.write_text(text, encoding="utf-8")
        os.replace(staging, path)
    finally:
        if staging.exists():
            staging.unlink()
