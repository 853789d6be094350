"""The 事業報告 and 進行管理表 as PDF: the plan's table with the result columns, and the chart.

Typeset like the printed plan (:mod:`jigyo.renderers.pdf`: string literals
only, the same fonts, the same bounded child process), in A4 landscape so
the result columns fit beside the 目標値.
"""

from __future__ import annotations

from functools import partial

from ..results.chart import chart_svg
from ..results.report import Report
from . import Files
from .pdf import _environment, compile_each


def report_source(report: Report) -> str:
    labels = report.labels
    notes = labels.done if report.interim else f"{labels.done}・{labels.issues}・{labels.next}"
    title = labels.chart_title_form.format(heading=report.heading)
    return _environment().get_template("report.typ").render(
        report=report, labels=labels, year_labels=report.year.labels, notes_heading=notes,
        chart=chart_svg(report.summary, title, f"chart-{report.page}"), chart_title=title)


def render_report_pdf(reports: list[Report]) -> Files:
    """`<year>-report.pdf` (and `<year>-interim.pdf`); FormatSkipped without a Japanese font."""
    return compile_each((f"{report.year.name}-{report.page}.pdf", report.year,
                         partial(report_source, report)) for report in reports)
