"""The fixed words and numbering forms of the printed plan, in one place.

Everything jigyo writes around the user's text (項目・内容・目標値, 係の方針,
１．, (1), 【】, the 受託 suffix, （案）, …) comes from one :class:`Labels`.
The views hold it, so a council with other words changes one object and every
output (site, Markdown, JSON, PDF, search) follows.
"""

from __future__ import annotations

from dataclasses import dataclass

_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def jnum(n: int) -> str:
    """A number as the council prints it: one digit full-width (２), more half-width (12)."""
    return str(n).translate(_FULLWIDTH) if n < 10 else str(n)


def era_label(fiscal_year: int) -> str:
    """令和２年度 for 2020. A fiscal year starts in April, so FY2019 is 令和元年度."""
    if fiscal_year >= 2019:
        era, n = "令和", fiscal_year - 2018
    elif fiscal_year >= 1989:
        era, n = "平成", fiscal_year - 1988
    else:
        era, n = "昭和", fiscal_year - 1925
    return f"{era}{'元' if n == 1 else jnum(n)}年度"


@dataclass(frozen=True)
class Labels:
    """The vocabulary of one organization's plan; the defaults are the council's words.

    Fields ending in a form are format strings: `{n}` is a number already
    written as printed (jnum), the other names are the values they surround.
    """

    item: str = "項目"
    content: str = "内容"
    target: str = "目標値"
    unit_policy: str = "係の方針"
    policy: str = "方針"
    approved: str = "承認"
    published: str = "発行日"
    contact: str = "連絡先"
    draft: str = "（案）"
    """Added to the year's title while the plan is a draft."""
    ditto: str = "〃"
    """Written where a merged cell continues, in outputs without merged cells (Markdown)."""
    bullet: str = "・"
    heading_marks: str = "【】"
    """Opening and closing mark around a 方針 heading and a unit's banner."""
    initiative_number: str = "{n}．"
    entry_number: str = "({n})"
    numbered_item: str = "{n}."
    commissioned_form: str = "（{source}からの受託事業）"
    unit_label_form: str = "{section}：{project}"
    year_heading_form: str = "{era}　{title}{draft}"
    running_header_form: str = "{era}　{department}　{title}{draft}"
    site_title_form: str = "{organization} 事業計画"
    caption_form: str = "{heading}の{item}・{content}・{target}"
    """The table's caption (read by screen readers): １．組織運営の取り組みの項目・内容・目標値."""

    def bracket(self, text: str) -> str:
        """【text】."""
        return f"{self.heading_marks[0]}{text}{self.heading_marks[1]}"

    def commissioned(self, source: str | None) -> str:
        """（西東京市からの受託事業）, or "" when the work is the council's own."""
        return self.commissioned_form.format(source=source) if source else ""

    def columns(self) -> tuple[str, str, str]:
        """The table's column headings: 項目, 内容, 目標値."""
        return (self.item, self.content, self.target)


LABELS = Labels()
"""The council's words: what every view uses unless told otherwise."""
