"""The 新旧対照表 in HTML: a self-contained page, or the tables for a page of the site.

The two columns show the same place in both years side by side, changed
wording underlined; （新設） and （削る） mark what exists on one side only,
（略） what was left out as unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ...messages import Lang
from ...renderers.templating import asset, environment
from ..abbreviate import abbreviate
from ..phrases import Span
from ..records import Change, DiffReport, Line, UnitDiff
from .options import Options
from .view import heading, say, shown_spans, title, year_label


@dataclass(frozen=True)
class Cell:
    spans: tuple[Span, ...]
    placeholder: str = ""
    """（新設）, （削る） or （略） in place of text."""
    label: str = ""
    """内容, 目標値（2行目）: what a field row holds."""


@dataclass(frozen=True)
class TableRow:
    kind: str
    cells: tuple[Cell, Cell]


@dataclass(frozen=True)
class Table:
    anchor: str
    slug: str
    label: str
    status: str
    changes: int
    rows: tuple[TableRow, ...]


@dataclass(frozen=True)
class YearChange:
    heading: str
    old: str
    new: str


@dataclass(frozen=True)
class Section:
    old: str
    new: str
    year_changes: tuple[YearChange, ...]
    tables: tuple[Table, ...]


def _label(line: Line, lang: Lang) -> str:
    if line.field is None:
        return ""
    label = say(f"diff_field_{line.field}", lang)
    return label + say("diff_row", lang, row=line.row) if line.row is not None else label


def _rows(unit: UnitDiff, options: Options) -> tuple[TableRow, ...]:
    lang = options.lang
    lines: Sequence[Line | None] = abbreviate(unit.lines) if options.abbreviate else unit.lines
    rows: list[TableRow] = []
    previous: Line | None = None
    for shown in lines:
        if shown is None:
            cell = Cell((), say("diff_html_omitted", lang))
            rows.append(TableRow("ryaku", (cell, cell)))
            previous = None
            continue
        # a run of rows missing on one side is marked once, on its first row
        gone = (previous is not None and previous.new_text is None
                and previous.kind != "initiative" and shown.kind in ("field", "policy"))
        fresh = (previous is not None and previous.old_text is None
                 and previous.kind != "initiative" and shown.kind in ("field", "policy"))
        label = _label(shown, lang)
        new = (Cell((), "" if gone else say("diff_html_removed", lang)) if shown.new is None
               else Cell(shown.new, "", label))
        old = (Cell((), "" if fresh else say("diff_html_added", lang)) if shown.old is None
               else Cell(shown.old, "", label))
        previous = shown
        rows.append(TableRow(shown.kind, (new, old) if options.new_on_left else (old, new)))
    return tuple(rows)


def _anchor(slug: str, index: int) -> str:
    return f"u{index}-{slug}" if slug else f"u{index}"


def _plain(change: Change, side: str, lang: Lang) -> str:
    return "".join(s.text for s in shown_spans(change, "old" if side == "old" else "new", lang))


def sections(reports: Sequence[DiffReport], options: Options) -> tuple[Section, ...]:
    """Every comparison as its tables, one per changed unit."""
    lang = options.lang
    out: list[Section] = []
    index = 0
    for report in reports:
        tables: list[Table] = []
        for unit in report.changed_units:
            index += 1
            tables.append(Table(_anchor(unit.slug, index), unit.slug, unit.label, unit.status,
                                len(unit.changes), _rows(unit, options)))
        out.append(Section(
            old=year_label(report.old_label, report.old_year, report.old_era, lang),
            new=year_label(report.new_label, report.new_year, report.new_era, lang),
            year_changes=tuple(YearChange(heading(c, lang), _plain(c, "old", lang),
                                          _plain(c, "new", lang))
                               for c in report.year_changes),
            tables=tuple(tables),
        ))
    return tuple(out)


WORDS = ("heading", "compare", "lead", "caption", "units", "added", "removed", "omitted",
         "full", "short", "title")


def context(reports: Sequence[DiffReport], options: Options) -> dict[str, Any]:
    """What the table templates need (shinkyu-macros.html), for a page of its own or of the site."""
    lang = options.lang
    words = {w: say(f"diff_html_{w}", lang) for w in WORDS if w not in ("compare", "caption")}
    words["status_added"] = say("diff_status_added", lang)
    words["status_removed"] = say("diff_status_removed", lang)
    words["none"] = say("diff_none", lang)
    new, old = say("diff_html_new", lang), say("diff_html_old", lang)
    return {
        "sections": sections(reports, options),
        "heads": (new, old) if options.new_on_left else (old, new),
        "words": words,
        "compare": lambda section: say("diff_html_compare", lang, old=section.old,
                                       new=section.new),
        "caption": lambda table: say("diff_html_caption", lang, unit=table.label),
        "count": lambda table: say("diff_unit_count", lang, count=table.changes),
        "abbreviate": options.abbreviate,
        "page_title": f"{words['title']} {title(reports)}",
    }


def stylesheet() -> str:
    """The table's style, shared by the site (assets/shinkyu.css) and the standalone page."""
    return asset("html", "shinkyu.css").decode("utf-8")


def render(reports: Sequence[DiffReport], options: Options) -> str:
    """A complete, self-contained HTML 新旧対照表 (no links, no scripts, prints on A4)."""
    organization = next((r.organization for r in reports if r.organization), "")
    page = asset("diff", "shinkyu.css").decode("utf-8")
    return environment("diff").get_template("shinkyu.html").render(
        organization=organization, style=Markup(stylesheet() + page),
        **context(reports, options))
