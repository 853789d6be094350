"""The 新旧対照表 of a year against the year before, for pages of the website.

The site shows it in its own frame (header, breadcrumbs): abbreviated by
default, with a second page holding the full text; each changed unit's page
links to its table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..layout import YearView
from .compare import diff_years
from .formats import html
from .formats.options import Options
from .records import DiffReport


@dataclass(frozen=True)
class SiteComparison:
    report: DiffReport

    def context(self, abbreviate: bool) -> dict[str, Any]:
        """What templates/html/shinkyu.html shows (abbreviated, or the full text)."""
        return html.context([self.report], Options(abbreviate=abbreviate))

    def anchors(self) -> dict[str, str]:
        """Slug → anchor of the table of every changed unit of the new year."""
        return {t.slug: t.anchor for s in html.sections([self.report], Options())
                for t in s.tables if t.status != "removed"}


def comparison(old: YearView, new: YearView) -> SiteComparison:
    return SiteComparison(diff_years(old, new))
