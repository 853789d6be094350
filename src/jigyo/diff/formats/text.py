"""The report for a terminal: summary first, then every change, within 80 columns.

Styles are ANSI colours on a terminal and ``[-…-]`` / ``{+…+}`` marks
elsewhere; user text is made printable before any style is added.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...messages import Lang
from ..records import DiffReport
from .options import Options
from .terminal import Token, cells, clip, pad, printable, wrap
from .view import ChangeView, Piece, PieceLine, say, summary

_ANSI = {"del": "\x1b[31m", "ins": "\x1b[32m", "strong": "\x1b[1m", "dim": "\x1b[2m"}
_RESET = "\x1b[0m"
NAME_WIDTH = 22
COLUMN = 8
SHORT = 16
"""Columns of a changed stretch that is never broken over two lines."""


class _Out:
    def __init__(self, color: bool) -> None:
        self.color = color
        self.lines: list[str] = []

    def style(self, text: str, style: str) -> str:
        if not style:
            return text
        if self.color:
            return _ANSI[style] + text + _RESET
        if style == "del":
            return f"[-{text}-]"
        if style == "ins":
            return f"{{+{text}+}}"
        return text

    def emit(self, pieces: PieceLine, indent: int = 0) -> None:
        units: list[Token] = []
        for piece in pieces:
            chars = list(printable(piece.text))
            if self.color or piece.style not in ("del", "ins") or not chars:
                units += [(c, piece.style) for c in chars]
                continue
            # without colour the marks go round the whole stretch, glued to its ends; a short
            # stretch (a number, a word) is kept on one line whole
            opening, closing = ("[-", "-]") if piece.style == "del" else ("{+", "+}")
            if cells("".join(chars)) <= SHORT and "\n" not in chars:
                chars = ["".join(chars)]
            chars[0] = opening + chars[0]
            chars[-1] = chars[-1] + closing
            units += [(c, "") for c in chars]
        for i, line in enumerate(wrap(units, indent)):
            pad_ = " " * (indent + (2 if i else 0))
            shown = "".join(self.style(t, s) if self.color else t for t, s in line)
            self.lines.append((pad_ + shown).rstrip())

    def blank(self) -> None:
        self.lines.append("")


def _change(out: _Out, view: ChangeView, lang: Lang) -> None:
    head: PieceLine = (Piece(say("diff_change_item", lang, heading=view.heading), "strong"),)
    if view.place:
        head += (Piece("  " + view.place),)
    out.emit(head, 2)
    for line in view.body:
        out.emit(line, 6)


def _report(out: _Out, report: DiffReport, lang: Lang) -> None:
    view = summary(report, lang)
    out.emit((Piece(view.title, "strong"),))
    if not view.changed:
        out.emit((Piece(say("diff_none", lang)),))
        out.blank()
        return
    out.emit((Piece(view.count),))
    out.blank()
    header = pad(say("diff_column_unit", lang), NAME_WIDTH) + " ".join(
        pad(k, COLUMN) for k in view.kinds)
    out.emit((Piece(header.rstrip(), "dim"),), 2)
    for label, counts in view.rows:
        shown = clip(printable(label), NAME_WIDTH - 2)
        row = pad(shown, NAME_WIDTH) + " ".join(pad(str(n) if n else "·", COLUMN) for n in counts)
        out.emit((Piece(row.rstrip()),), 2)
    if view.targets:
        out.blank()
        out.emit((Piece(say("diff_targets", lang), "strong"),))
        for target in view.targets:
            where = say("diff_sep", lang).join(x for x in (target.unit, target.place) if x)
            line: PieceLine = (Piece(where + ": "), *target.old, Piece(" → "), *target.new)
            if target.delta:
                line += (Piece(say("diff_delta", lang, delta=target.delta), "strong"),)
            out.emit(line, 2)
    for block in view.blocks:
        out.blank()
        label = (say("diff_block", lang, label=block.label, slug=block.slug) if block.slug
                 else say("diff_block_year", lang, label=block.label))
        out.emit((Piece(label, "strong"),))
        for change in block.changes:
            _change(out, change, lang)
    out.blank()


def render(reports: Sequence[DiffReport], options: Options) -> str:
    out = _Out(options.color)
    for report in reports:
        _report(out, report, options.lang)
    return "\n".join(out.lines).rstrip("\n") + "\n"
