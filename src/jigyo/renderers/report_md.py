"""The 事業報告 and 進行管理表 in Markdown: one file per report, tables GitHub can show."""

from __future__ import annotations

from ..inline import markdown_text, to_markdown
from ..results.report import Report, ReportEntry
from . import Files
from .templating import render


def _lines(values: tuple[str, ...]) -> str:
    return "<br>".join(to_markdown(line) for line in values)


def _cell(entry: ReportEntry) -> str:
    item = f"{to_markdown(entry.item)}<br>" if entry.item else ""
    return item + markdown_text(entry.number) + to_markdown(entry.label)


def _notes(report: Report) -> object:
    labels = report.labels

    def notes(entry: ReportEntry) -> str:
        parts = [f"**{markdown_text(name)}** {_lines(values)}"
                 for name, values in ((labels.done, entry.done), (labels.issues, entry.issues),
                                      (labels.next, entry.next)) if values]
        return "<br>".join(parts)

    return notes


def render_report_markdown(reports: list[Report]) -> Files:
    return {
        f"{r.year.name}/{r.page}.md": render(
            "md", "report.md", report=r, labels=r.labels, year_labels=r.year.labels,
            plain=markdown_text, lines=_lines, cell=_cell, notes=_notes(r)).encode()
        for r in reports
    }
