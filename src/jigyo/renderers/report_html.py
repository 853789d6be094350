"""The 事業報告 and 進行管理表 pages of the site, with the summary chart inline."""

from __future__ import annotations

from markupsafe import Markup

from ..results.chart import chart_svg
from ..results.report import Report
from . import Files
from .html import TOP, Crumb
from .templating import asset, render


def report_page(report: Report, site_title: str) -> bytes:
    year = report.year
    title = report.labels.chart_title_form.format(heading=report.heading)
    crumbs = [Crumb(TOP, "../index.html"), Crumb(year.heading, "index.html"),
              Crumb(report.title)]
    html = render("html", "report.html", root="../",
                  page_title=f"{report.heading} | {year.organization}", breadcrumbs=crumbs,
                  organization=year.organization, site_title=site_title, canonical="",
                  report=report, labels=report.labels, year_labels=year.labels,
                  chart=Markup(chart_svg(report.summary, title, f"chart-{report.page}")))
    return html.encode()


def render_report_site(reports: list[Report]) -> Files:
    """`<year>/report.html` (and `interim.html`) for each report, and their stylesheet."""
    if not reports:
        return {}
    site_title = reports[0].year.site_title
    files: Files = {"assets/report.css": asset("html", "report.css")}
    for report in reports:
        files[f"{report.year.name}/{report.page}.html"] = report_page(report, site_title)
    return files
