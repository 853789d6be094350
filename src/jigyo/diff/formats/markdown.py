"""The report as a pull-request comment: summary table, then one collapsible block per unit.

User text is escaped for GitHub Markdown and HTML (tags, table pipes, heading
marks, link syntax, control characters), so a plan cannot inject markup into
the comment. Kept under GitHub's comment limit: what does not fit is left
out, with a note saying how much and pointing to the full HTML report.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from ...messages import Lang
from ..records import DiffReport
from .options import Options
from .terminal import printable
from .view import Block, ChangeView, PieceLine, Summary, say, summary

COMMENT_MARKER = "<!-- jigyo-diff -->"
"""First line of the Markdown report, so a workflow finds its own comment again."""
_MD_ESCAPE = re.compile(r"([\\`*_\[\]|~@#])")
"""Markdown that acts inside a line, and what starts headings, images and links."""
_RESERVE = 600
"""Room kept for the closing note when something had to be left out."""
_TAGS = {"del": "del", "ins": "ins", "strong": "strong"}


def md_text(text: str) -> str:
    """User text inside Markdown: HTML and Markdown syntax neutralised, lines kept."""
    escaped = html.escape(printable(text), quote=False)
    escaped = _MD_ESCAPE.sub(r"\\\1", escaped)
    return escaped.replace("\r\n", "<br>").replace("\n", "<br>")


def _pieces(line: PieceLine) -> str:
    out = []
    for piece in line:
        tag = _TAGS.get(piece.style)
        text = md_text(piece.text)
        out.append(f"<{tag}>{text}</{tag}>" if tag else text)
    return "".join(out)


def _change(view: ChangeView) -> str:
    head = f"- **{md_text(view.heading)}**"
    if view.place:
        head += f" {md_text(view.place)}"
    return "  \n  ".join([head, *(_pieces(line) for line in view.body)])


def _block(block: Block, lang: Lang) -> str:
    status = say(f"diff_status_{block.status}", lang) if block.status in ("added",
                                                                          "removed") else ""
    count = say("diff_unit_count", lang, count=len(block.changes))
    return "\n".join([
        "<details>",
        f"<summary><b>{md_text(block.label)}</b>{md_text(status)}　{md_text(count)}</summary>",
        "",
        *(_change(c) for c in block.changes),
        "",
        "</details>",
        "",
    ])


class _Budget:
    """Markdown parts added in order until the comment limit; what does not fit is counted."""

    def __init__(self, limit: int, reserve: int) -> None:
        self.limit = limit
        self.reserve = reserve
        self.parts: list[str] = []
        self.size = 0
        self.full = False

    def add(self, text: str) -> bool:
        if self.full or self.size + len(text) + 1 + self.reserve > self.limit:
            self.full = True
            return False
        self.parts.append(text)
        self.size += len(text) + 1
        return True

    def text(self) -> str:
        return "\n".join(self.parts)


def _summary(budget: _Budget, view: Summary, lang: Lang) -> int:
    """The summary of one comparison; returns how many rows did not fit."""
    budget.add(f"### {md_text(view.old)} → {md_text(view.new)}\n")
    if not view.changed:
        budget.add(md_text(say("diff_none", lang)) + "\n")
        return 0
    budget.add(md_text(view.count_sentence) + "\n")
    left = 0
    budget.add(f"| {md_text(say('diff_column_unit', lang))} | "
               + " | ".join(md_text(k) for k in view.kinds) + " |\n"
               + "|---|" + "---:|" * len(view.kinds))
    for label, counts in view.rows:
        row = f"| {md_text(label)} | " + " | ".join(str(n) if n else "" for n in counts) + " |"
        left += 0 if budget.add(row) else 1
    budget.add("")
    if view.targets:
        columns = ("diff_column_unit", "diff_column_entry", "diff_column_before",
                   "diff_column_after", "diff_column_delta")
        budget.add(f"**{md_text(say('diff_targets', lang))}**\n\n| "
                   + " | ".join(md_text(say(c, lang)) for c in columns) + " |\n"
                   + "|---|---|---|---|---|")
        for t in view.targets:
            row = (f"| {md_text(t.unit)} | {md_text(t.place)} | {_pieces(t.old)} | "
                   f"{_pieces(t.new)} | {md_text(t.delta)} |")
            left += 0 if budget.add(row) else 1
        budget.add("")
    return left


def render(reports: Sequence[DiffReport], options: Options) -> str:
    lang = options.lang
    url = options.report_url
    budget = _Budget(options.limit, _RESERVE + len(url or ""))
    budget.add(f"{COMMENT_MARKER}\n## {md_text(say('diff_md_heading', lang))}\n")
    views = [summary(r, lang) for r in reports]
    rows_left = sum(_summary(budget, v, lang) for v in views)
    units_left = 0
    for view in views:
        for block in view.blocks:
            units_left += 0 if budget.add(_block(block, lang)) else 1
    if not budget.full:
        return budget.text()
    omitted = []
    if rows_left:
        omitted.append(say("diff_md_rows_left", lang, count=rows_left))
    if units_left:
        omitted.append(say("diff_md_units_left", lang, count=units_left))
    if url and re.fullmatch(r"https?://[^\s<>()\[\]\"']+", url):
        where = say("diff_md_where_url", lang, url=url)
    else:
        where = say("diff_md_where_artifact", lang)
    what = say("diff_md_and", lang).join(omitted)
    note = "> [!NOTE]\n> " + say("diff_md_omitted", lang, what=what, where=where) + "\n"
    return budget.text() + "\n" + note
