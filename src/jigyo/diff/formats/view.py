"""One worded view of a report, shared by the text and Markdown formats.

The per-change wording (目標値の変更, 移動元, 順序, 改正前/改正後, 増減) and the
summary (counts per unit, changed targets) are written here once, in the
language asked for; each format only styles the pieces.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ...messages import Lang, message
from ..phrases import Span, whole
from ..records import KINDS, Change, DiffReport, UnitDiff

Style = Literal["", "del", "ins", "strong", "dim"]
CODED = {("numbering", "table"): "diff_value_numbering_table",
         ("numbered", "false"): "diff_value_numbered_false",
         ("draft", "true"): "diff_value_draft_true"}
"""Field values stored as codes in the records, worded for the reader."""


@dataclass(frozen=True)
class Piece:
    """A stretch of worded text and how to style it."""

    text: str
    style: Style = ""


PieceLine = tuple[Piece, ...]


@dataclass(frozen=True)
class ChangeView:
    heading: str
    """目標値の変更, 事項の追加 …"""
    place: str
    """Below the unit: 組織運営の取り組み ＞ 理事会、評議員会の開催 ＞ 理事会（2行目）."""
    body: tuple[PieceLine, ...]


@dataclass(frozen=True)
class TargetView:
    unit: str
    place: str
    old: PieceLine
    new: PieceLine
    delta: str


@dataclass(frozen=True)
class Block:
    """The changes of one unit (or of the year file)."""

    label: str
    slug: str
    status: str
    changes: tuple[ChangeView, ...]


@dataclass(frozen=True)
class Summary:
    title: str
    old: str
    new: str
    changed: bool
    count: str
    count_sentence: str
    kinds: tuple[str, ...]
    rows: tuple[tuple[str, tuple[int, ...]], ...]
    targets: tuple[TargetView, ...]
    blocks: tuple[Block, ...]


def say(code: str, lang: Lang, **params: object) -> str:
    return message(code, lang, **params)


def year_label(label: str, year: int | None, era: str, lang: Lang) -> str:
    """令和２年度（2020）for a plain year, 平成30～令和２年度（2018-2020）for a period
    folder; a revision keeps its name (origin/main:2020)."""
    if year is not None and era and (label == str(year) or label.startswith(f"{year}-")):
        return say("diff_year_label", lang, era=era, year=label)
    return label


def what(change: Change, lang: Lang) -> str:
    """The field or level, in words."""
    if change.field is not None:
        return say(f"diff_field_{change.field}", lang)
    return say(f"diff_level_{change.level}", lang)


def heading(change: Change, lang: Lang) -> str:
    return say("diff_heading", lang, what=what(change, lang),
               kind=say(f"diff_kind_{change.kind}", lang))


def place(change: Change, lang: Lang) -> str:
    text = say("diff_sep", lang).join(change.path[1:])
    if change.row is not None:
        text += say("diff_row", lang, row=change.row)
    return text


def shown_spans(change: Change, side: Literal["old", "new"], lang: Lang) -> tuple[Span, ...]:
    """The marked text of one side, with coded values worded."""
    value = change.old if side == "old" else change.new
    code = CODED.get((change.field or "", value or ""))
    if code is not None:
        return whole(say(code, lang), True)
    return change.old_spans if side == "old" else change.new_spans


def spans(marked: Sequence[Span], style: Style) -> PieceLine:
    return tuple(Piece(s.text, style if s.changed else "") for s in marked)


def old_to_new(change: Change, lang: Lang) -> PieceLine:
    """[-7回予定-] → {+6回+}（−1回）"""
    line = (*spans(shown_spans(change, "old", lang), "del"), Piece(" → "),
            *spans(shown_spans(change, "new", lang), "ins"))
    if change.delta:
        line += (Piece(say("diff_delta", lang, delta=change.delta), "strong"),)
    return line


def change_view(change: Change, lang: Lang) -> ChangeView:
    body: list[PieceLine] = []
    if change.kind == "moved":
        body.append((Piece(say("diff_moved_from", lang, place=say("diff_sep", lang).join(change.moved_from[1:])),
                           "dim"),))
    elif change.kind == "reordered":
        body.append((Piece(say("diff_order", lang, old=change.moved_from[0],
                               new=change.moved_to[0]), "dim"),))
    elif change.field == "target" and change.old and change.new:
        body.append(old_to_new(change, lang))
    else:
        old, new = shown_spans(change, "old", lang), shown_spans(change, "new", lang)
        if old:
            body.append((Piece(say("diff_before", lang), "dim"), *spans(old, "del")))
        if new:
            body.append((Piece(say("diff_after", lang), "dim"), *spans(new, "ins")))
    return ChangeView(heading(change, lang), place(change, lang), tuple(body))


def _block(unit: UnitDiff, lang: Lang) -> Block:
    return Block(unit.label, unit.slug, unit.status,
                 tuple(change_view(c, lang) for c in unit.changes))


def summary(report: DiffReport, lang: Lang) -> Summary:
    old = year_label(report.old_label, report.old_year, report.old_era, lang)
    new = year_label(report.new_label, report.new_year, report.new_era, lang)
    if report.new_year is None and report.old_year is not None:
        new = say("diff_year_removed", lang, label=new)
    rows: list[tuple[str, tuple[int, ...]]] = []
    blocks: list[Block] = []
    if report.year_changes:
        label = say("diff_year_file", lang)
        rows.append((label, tuple(sum(1 for c in report.year_changes if c.kind == k)
                                  for k in KINDS)))
        blocks.append(Block(label, "", "", tuple(change_view(c, lang)
                                                 for c in report.year_changes)))
    for unit in report.changed_units:
        rows.append((unit.label, tuple(unit.count(k) for k in KINDS)))
        blocks.append(_block(unit, lang))
    targets = tuple(TargetView(c.path[0] if c.path else "", place(c, lang),
                               spans(c.old_spans, "del"), spans(c.new_spans, "ins"),
                               c.delta or "")
                    for c in report.targets)
    count = len(report.changes)
    units = len(report.changed_units)
    return Summary(
        title=say("diff_title", lang, old=old, new=new), old=old, new=new,
        changed=report.changed,
        count=say("diff_count", lang, count=count, units=units),
        count_sentence=say("diff_count_sentence", lang, count=count, units=units),
        kinds=tuple(say(f"diff_kind_{k}", lang) for k in KINDS),
        rows=tuple(rows), targets=targets, blocks=tuple(blocks),
    )


def title(reports: Sequence[DiffReport]) -> str:
    return "、".join(f"{r.old_label} → {r.new_label}" for r in reports)
