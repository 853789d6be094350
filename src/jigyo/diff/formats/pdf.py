"""The 新旧対照表 as a PDF in the print style of the plan, typeset by Typst.

The tables are those of the HTML 新旧対照表 (:func:`html.context`); the
template templates/typst_diff/shinkyu.typ places them on landscape A4 pages
with a header and page numbers. Every piece of plan text goes into the document
as a string literal, never as markup, and the compile runs in the same bounded
child process as the plan's PDF (:func:`jigyo.renderers.pdf.compile_pdf`).
"""

from __future__ import annotations

from collections.abc import Sequence

from ...errors import JigyoError
from ...fonts import FontUnavailable, find_fonts
from ...layout import YearView
from ...renderers.pdf import _finalize, compile_pdf
from ...renderers.templating import environment
from ...renderers.typst_text import plain
from ..compare import diff_years
from ..records import DiffReport
from .html import context
from .options import Options


class DiffPdfUnavailable(JigyoError):
    """The PDF cannot be made on this machine (no Japanese font, a compile limit)."""


def typst_source(reports: Sequence[DiffReport], options: Options) -> str:
    """The comparison as a self-contained Typst document."""
    organization = next((r.organization for r in reports if r.organization), "")
    env = environment("typst_diff", autoescape=False, finalize=_finalize,
                      filters={"plain": plain})
    return env.get_template("shinkyu.typ").render(organization=organization,
                                                  **context(reports, options))


def site_pdfs(years: Sequence[YearView]) -> dict[int, bytes]:
    """Year → its 新旧対照表 against the year before (abbreviated, as the site's first page).

    Built only with the plan's PDF (the fonts are there then); a comparison that
    cannot be typeset is left out and the site simply shows no link to it.
    """
    by_year = {y.year: y for y in years}
    found: dict[int, bytes] = {}
    for year in years:
        previous = by_year.get(year.year - 1)
        if previous is None:
            continue
        try:
            found[year.year] = render([diff_years(previous, year)], Options(abbreviate=True))
        except JigyoError:
            continue
    return found


def render(reports: Sequence[DiffReport], options: Options) -> bytes:
    """PDF bytes; raises a JigyoError (worded) when this machine cannot make the PDF."""
    try:
        fonts = find_fonts()
    except FontUnavailable as err:
        raise DiffPdfUnavailable(err.msg.code, **dict(err.msg.params)) from err
    return compile_pdf(typst_source(reports, options), fonts)
