"""The fixed words and numbering forms of the printed plan, in one place.

Everything jigyo writes around the user's text (項目・内容・目標値, 係の方針,
１．, (1), 【】, the 受託 suffix, （案）, …) comes from one :class:`Labels`.
The views hold it, so a council with other words changes one object and every
output (site, Markdown, JSON, PDF, search) follows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..numbering import STYLES, jnum


def _era_year(fiscal_year: int) -> str:
    """令和２ for 2020 (令和元 for 2019): the era and its year, without 年度."""
    if fiscal_year >= 2019:
        era, n = "令和", fiscal_year - 2018
    elif fiscal_year >= 1989:
        era, n = "平成", fiscal_year - 1988
    else:
        era, n = "昭和", fiscal_year - 1925
    return f"{era}{'元' if n == 1 else jnum(n)}"


EraStyle = Literal["wareki", "wareki_seireki", "seireki"]
"""令和２年度, 令和２年度（2020年度）, 2020年度."""


def era_label(fiscal_year: int, style: EraStyle = "wareki", last_year: int | None = None) -> str:
    """令和２年度 for 2020. A fiscal year starts in April, so FY2019 is 令和元年度.

    With `last_year`, the period of a plan over several years: 平成30～令和２年度
    (the era written once when both ends are in the same era: 令和３～５年度).
    """
    if last_year is not None and last_year != fiscal_year:
        first, last = _era_year(fiscal_year), _era_year(last_year)
        if first[:2] == last[:2]:
            last = last[2:]
        wareki = f"{first}～{last}年度"
        seireki = f"{fiscal_year}～{last_year}年度"
    else:
        wareki = f"{_era_year(fiscal_year)}年度"
        seireki = f"{fiscal_year}年度"
    if style == "seireki":
        return seireki
    if style == "wareki_seireki":
        return f"{wareki}（{seireki}）"
    return wareki


def _numbered(spec: str, n: int, digits: str) -> str:
    """A number in a named style, or `spec` as a form around `digits`."""
    style = STYLES.get(spec)
    return style(n) if style is not None else spec.format(n=digits)


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
    department: str = "課"
    section: str = "係"
    project: str = "事業"
    initiative: str = "取り組み"
    entry: str = "事項"
    unit: str = "計画単位"
    kind: str = "事業計画"
    """The kind of document (事業計画, 事業報告, 実施計画): the year file's title unless it has one."""
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
    """The 取り組み's number: a style of :data:`.numbering.STYLES` (①, ア, …) or a form."""
    entry_number: str = "({n})"
    """The 事項's number: a style or a form (`{n}` half-width here)."""
    numbered_item: str = "{n}."
    """A numbered list's number in a 方針: a style or a form."""
    bracket_units: bool = True
    """Whether a unit's banner is put in heading_marks (【法人運営係】)."""
    era_style: EraStyle = "wareki"
    status: str = "状況"
    funding: str = "財源"
    category: str = "事業区分"
    schedule: str = "実施時期"
    owner: str = "担当"
    budget: str = "予算額"
    goal: str = "目標"
    basic_policy: str = "基本方針"
    priorities: str = "重点目標"
    goals: str = "計画の目標"
    fact_form: str = "{label}：{value}"
    """One fact of a 取り組み (状況：新規); the facts are joined by fact_separator."""
    fact_separator: str = "　"
    remarks: str = "備考"
    custom: str = ""
    extra_columns: tuple[tuple[str, str, str, int], ...] = ()
    """Columns after 目標値: (kind, key, header, PDF width in mm), from the settings."""
    file_stem: str = "jigyo-keikaku"
    """The printed plan's file name in the site: jigyo-keikaku-2020.pdf."""
    commissioned_form: str = "（{source}からの受託事業）"
    unit_label_form: str = "{section}：{project}"
    year_heading_form: str = "{era}　{title}{draft}"
    running_header_form: str = "{era}　{department}　{title}{draft}"
    site_title_form: str = "{organization} {kind}"
    caption_form: str = "{heading}の{item}・{content}・{target}"
    """The table's caption (read by screen readers): １．組織運営の取り組みの項目・内容・目標値."""

    def initiative_no(self, n: int) -> str:
        """１． (the n-th 取り組み, from 1)."""
        return _numbered(self.initiative_number, n, jnum(n))

    def entry_no(self, n: int) -> str:
        """(1) (the n-th 事項, from 1)."""
        return _numbered(self.entry_number, n, str(n))

    def list_no(self, n: int) -> str:
        """１. (the n-th line of a numbered list in a 方針)."""
        return _numbered(self.numbered_item, n, jnum(n))

    def bracket(self, text: str) -> str:
        """【text】."""
        return f"{self.heading_marks[0]}{text}{self.heading_marks[1]}"

    def commissioned(self, source: str | None) -> str:
        """（西東京市からの受託事業）, or "" when the work is the council's own."""
        return self.commissioned_form.format(source=source) if source else ""

    def banner(self, text: str) -> str:
        """A unit's banner: 【法人運営係】, or the bare name when units are not bracketed."""
        return self.bracket(text) if self.bracket_units else text

    def words(self) -> dict[str, str]:
        """The Japanese text of the catalogue's codes that name this plan's levels and
        kind (for :func:`jigyo.messages.wording`), where they differ from the catalogue."""
        from ..messages import MESSAGES

        mine = {
            "diff_field_title": f"{self.initiative}名",
            "diff_field_item": self.item, "diff_field_name": self.entry,
            "diff_field_content": self.content, "diff_field_target": self.target,
            "diff_field_policy": self.policy,
            "diff_field_content_span": f"{self.content}の結合",
            "diff_field_target_span": f"{self.target}の結合",
            "diff_field_department": self.department, "diff_field_section": self.section,
            "diff_field_project": self.project,
            "diff_level_department": self.department, "diff_level_unit": self.unit,
            "diff_level_initiative": self.initiative, "diff_level_item": self.item,
            "diff_level_entry": self.entry, "diff_level_policy": self.policy,
            "diff_title": f"{self.kind}の差分: {{old}} → {{new}}",
            "diff_count": f"変更 {{count}} 件（{self.unit} {{units}}）",
            "diff_count_sentence": f"変更は {{count}} 件です（{self.unit} {{units}}）。",
            "diff_column_unit": self.unit, "diff_column_entry": self.entry,
            "diff_targets": f"{self.target}の変更",
            "diff_md_heading": f"{self.kind}の変更",
            "diff_html_heading": f"{self.kind} 新旧対照表",
            "diff_html_units": self.unit,
            "diff_html_caption": "{unit}の新旧対照表",
            "diff_html_unit_link": f"この{self.unit}の新旧対照表（{{era}}との比較）",
        }
        return {code: text for code, text in mine.items() if MESSAGES[code][0] != text}

    def headers(self) -> tuple[str, ...]:
        """Every column heading of the table: 項目, 内容, 目標値, then the extra columns."""
        return (*self.columns(), *(header for _, _, header, _ in self.extra_columns))

    def pdf_widths(self) -> tuple[int, ...]:
        """The PDF's column widths in mm (項目, 事項, 内容, 目標値, extras; 0: the rest),
        derived from the columns the settings declare."""
        return (22, 32, 0, 22, *(width for _, _, _, width in self.extra_columns))

    def columns(self) -> tuple[str, str, str]:
        """The table's column headings: 項目, 内容, 目標値."""
        return (self.item, self.content, self.target)


LABELS = Labels()
"""The council's words: what every view uses unless told otherwise."""
