"""What every Word document of jigyo shares: fonts, page size, header, page numbers.

Japanese text in Word takes its font from the East Asian slot (w:eastAsia),
not from the one python-docx sets by `font.name`; both are set here, 明朝 for
the body and ゴシック for headings as in the printed plan. Page numbers are a
PAGE field, so Word and LibreOffice count the pages themselves.
"""

from __future__ import annotations

import io
from datetime import datetime

from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import BaseStyle
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from ..zipfix import deterministic

BODY_FONT = "ＭＳ 明朝"
HEADING_FONT = "ＭＳ ゴシック"
LATIN_BODY = "Times New Roman"
LATIN_HEADING = "Arial"
_FIXED = datetime(1980, 1, 1)


def set_fonts(style: BaseStyle, east_asian: str, latin: str, size: float | None = None,
              bold: bool | None = None) -> None:
    """Both font slots of a style, its size and weight, black text, Japanese as its language."""
    font = style.font  # type: ignore[attr-defined]
    font.name = latin
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    font.color.rgb = RGBColor(0, 0, 0)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(slot), latin)
    fonts.set(qn("w:eastAsia"), east_asian)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "ja-JP")
    lang.set(qn("w:eastAsia"), "ja-JP")


def base_styles(document: DocumentObject) -> None:
    """明朝 body text and ゴシック headings, sized as the printed plan."""
    styles = document.styles
    set_fonts(styles["Normal"], BODY_FONT, LATIN_BODY, 10.5)
    for name, size in (("Title", 16.0), ("Heading 1", 13.0), ("Heading 2", 11.5),
                       ("Heading 3", 10.5)):
        style = styles[name]
        set_fonts(style, HEADING_FONT, LATIN_HEADING, size, True)
        style.font.italic = False
        fmt = style.paragraph_format
        fmt.space_before, fmt.space_after = Pt(8), Pt(4)
    styles["Normal"].paragraph_format.space_after = Pt(2)


def a4(section: Section, landscape: bool = False) -> None:
    """A4 with 20 mm margins, portrait or landscape."""
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(20))
    section.header_distance = section.footer_distance = Mm(10)


def page_field(paragraph: Paragraph) -> None:
    """A PAGE field: the page's number, counted by the word processor."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"),
                       ("end", None)):
        if kind is not None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == " PAGE ":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def header_and_footer(section: Section, header: str) -> None:
    """The running header (right-aligned, as printed) and the page number centred below."""
    section.header.is_linked_to_previous = False
    section.footer.is_linked_to_previous = False
    top = section.header.paragraphs[0]
    top.text = header
    top.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    bottom = section.footer.paragraphs[0]
    bottom.alignment = WD_ALIGN_PARAGRAPH.CENTER
    page_field(bottom)


def repeat_header(table: Table) -> None:
    """The first row is repeated at the top of every page the table runs onto."""
    trpr = table.rows[0]._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    trpr.append(element)


def set_widths(table: Table, widths_mm: tuple[float, ...]) -> None:
    """Column widths in the table grid (LibreOffice reads these) and in every cell (Word)."""
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)


def shade(cell: _Cell, fill: str = "E7E6E6") -> None:
    """A background colour for a heading cell."""
    tcpr = cell._tc.get_or_add_tcPr()
    element = OxmlElement("w:shd")
    element.set(qn("w:val"), "clear")
    element.set(qn("w:color"), "auto")
    element.set(qn("w:fill"), fill)
    tcpr.append(element)


def saved(document: DocumentObject, title: str, author: str) -> bytes:
    """The document as bytes with fixed metadata and ZIP times: byte-identical rebuilds."""
    props = document.core_properties
    props.title, props.author, props.last_modified_by = title, author, ""
    props.created = props.modified = _FIXED
    props.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return deterministic(buffer.getvalue())
