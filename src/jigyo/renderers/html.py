"""The website: a page per unit, an index per year, one shared stylesheet."""

from __future__ import annotations

from ..layout import YearView
from . import Files
from .templating import TEMPLATES, render


def render_site(years: list[YearView]) -> Files:
    """All years newest first; links are relative so the folder can be copied anywhere."""
    if not years:
        return {}
    organization = years[-1].organization
    ordered = sorted(years, key=lambda y: y.year, reverse=True)
    files: Files = {
        "assets/style.css": (TEMPLATES / "html" / "style.css").read_bytes(),
        "index.html": render(
            "html", "index.html", root="", years=ordered, organization=organization,
            page_title=f"{organization} 事業計画", breadcrumbs=[],
        ).encode(),
    }
    for year in ordered:
        top = ("トップ", "../index.html")
        files[f"{year.year}/index.html"] = render(
            "html", "year.html", root="../", year=year, organization=year.organization,
            page_title=f"{year.era} {year.title} | {year.organization}",
            breadcrumbs=[top, (f"{year.era} {year.title}", None)],
        ).encode()
        for unit in year.units:
            files[f"{year.year}/{unit.slug}.html"] = render(
                "html", "unit.html", root="../", year=year, unit=unit,
                organization=year.organization,
                page_title=f"{unit.label} | {year.era} {year.title} | {year.organization}",
                breadcrumbs=[top, (f"{year.era} {year.title}", "index.html"), (unit.label, None)],
            ).encode()
    return files
