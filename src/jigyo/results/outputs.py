"""What the build adds for results: the report files of each format, beside the plan's."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from ..layout import YearView
from ..renderers import Files
from .loader import YearResults
from .report import Report, build_report


def reports(results: Mapping[int, YearResults]) -> list[Report]:
    """Every year's 事業報告, and its 進行管理表 where 上半期 values exist."""
    found: list[Report] = []
    for year in sorted(results):
        found.append(build_report(results[year]))
        if results[year].interim:
            found.append(build_report(results[year], interim=True))
    return found


def _renderers() -> dict[str, Callable[[list[Report]], Files]]:
    from ..renderers.report_html import render_report_site
    from ..renderers.report_json import render_report_json
    from ..renderers.report_md import render_report_markdown
    from ..renderers.report_pdf import render_report_pdf

    return {"html": render_report_site, "md": render_report_markdown,
            "json": render_report_json, "pdf": render_report_pdf}


def report_files(fmt: str, made: list[Report], views: Sequence[YearView] = ()) -> Files:
    """The report files of one format (none when the plans have no results).

    The CSV is the plan's own, rewritten with the results columns (it needs every
    year's view for the data package).
    """
    if not made:
        return {}
    if fmt == "csv":
        from ..renderers.csvdata import render_csv

        return render_csv(list(views), made)
    render = _renderers().get(fmt)
    return render(made) if render is not None else {}
