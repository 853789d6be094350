"""Comparing two pieces of plan text the way a reader sees them.

Japanese has no spaces between words, so changes are found per character and
then widened to whole phrases: a short run of equal characters between two
changes is absorbed, and a change inside a run of kanji, katakana or
alphanumerics covers the whole run. Text is compared after NFKC normalisation
with whitespace removed between Japanese characters, so that 全角/半角 and
line wrapping in the YAML are not reported. A number with its counter
(3,800人, 248) is one token: a change inside it marks the whole token.
difflib's autojunk is off: it treats frequent characters (の, 、) as junk and
wrecks Japanese diffs.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from . import numbers
from .numbers import NUMBER_TOKEN


@dataclass(frozen=True)
class Span:
    """A stretch of text; `changed` marks what differs from the other side."""

    text: str
    changed: bool = False


_SPACE = re.compile(r"\s")
"""What _is_space finds (the same Unicode whitespace as str.isspace, the full-width space too)."""


def _is_space(ch: str) -> bool:
    return ch.isspace() or ch == "\u3000"


def _wide(ch: str) -> bool:
    return ord(ch) > 0x2FF


@lru_cache(maxsize=65536)
def _normalised(text: str) -> tuple[str, tuple[int, ...]]:
    """NFKC text without insignificant whitespace, and for each of its
    characters the index of the original character it came from."""
    # In a text already in NFKC every character is its own NFKC form (the usual case)
    normalised = unicodedata.is_normalized("NFKC", text)
    if normalised and _SPACE.search(text) is None:
        return text, tuple(range(len(text)))
    chars: list[str] = []
    origin: list[int] = []
    pending_space = False
    for index, ch in enumerate(text):
        if _is_space(ch):
            pending_space = bool(chars)
            continue
        for out in ch if normalised else unicodedata.normalize("NFKC", ch):
            if _is_space(out):
                pending_space = bool(chars)
                continue
            if pending_space and not _wide(out) and not _wide(chars[-1]):
                chars.append(" ")
                origin.append(index)
            pending_space = False
            chars.append(out)
            origin.append(index)
    return "".join(chars), tuple(origin)


def norm(text: str) -> str:
    """The comparison form of a text: equal norms mean no change for a reader."""
    return _normalised(text)[0]


def similarity(a: str, b: str) -> float:
    """How alike two texts are (0..1), after normalisation."""
    na, nb = norm(a), norm(b)
    if not na and not nb:
        return 1.0
    return SequenceMatcher(None, na, nb, autojunk=False).ratio()


def _kind(ch: str) -> str:
    """A rough script class; a phrase is a run of one class."""
    if ch.isdigit() or ("a" <= ch.lower() <= "z") or ch in ".,%":
        return "alnum"
    name = unicodedata.name(ch, "")
    if name.startswith("CJK UNIFIED") or ch in "々〆ヶ":
        return "kanji"
    if name.startswith("KATAKANA") or ch == "ー":
        return "katakana"
    if name.startswith("HIRAGANA"):
        return "hiragana"
    return "other:" + ch


_WIDENED = {"alnum", "kanji", "katakana"}
_ABSORB = 2  # equal runs this short between two changes join them


def _regions(a: str, b: str) -> list[tuple[int, int, int, int]]:
    """Changed regions (a1, a2, b1, b2), widened to phrases and merged."""
    ops = [op for op in SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
           if op[0] != "equal"]
    regions = [(i1, i2, j1, j2) for _, i1, i2, j1, j2 in ops]
    # a lone changed character (2020 → 2021, 理事会 → 理事長) is widened to
    # the whole run of its script class, so the reader sees the word
    widened: list[tuple[int, int, int, int]] = []
    for i1, i2, j1, j2 in regions:
        lone = max(i2 - i1, j2 - j1) <= 1
        kinds = {_kind(c) for c in a[i1:i2] + b[j1:j2]} & _WIDENED if lone else set()
        while i1 > 0 and j1 > 0 and a[i1 - 1] == b[j1 - 1] and _kind(a[i1 - 1]) in kinds:
            i1, j1 = i1 - 1, j1 - 1
        while i2 < len(a) and j2 < len(b) and a[i2] == b[j2] and _kind(a[i2]) in kinds:
            i2, j2 = i2 + 1, j2 + 1
        i1, i2 = _whole_numbers(a, i1, i2)
        j1, j2 = _whole_numbers(b, j1, j2)
        widened.append((i1, i2, j1, j2))
    merged: list[tuple[int, int, int, int]] = []
    for region in widened:
        if merged:
            p1, p2, q1, q2 = merged[-1]
            i1, i2, j1, j2 = region
            gap = min(i1 - p2, j1 - q2)
            if gap <= _ABSORB or gap < min(max(p2 - p1, q2 - q1), max(i2 - i1, j2 - j1)):
                merged[-1] = (p1, max(p2, i2), q1, max(q2, j2))
                continue
        merged.append(region)
    return merged


def _whole_numbers(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) to cover every number token it touches (3,[65]0人 → [3,650人])."""
    for found in NUMBER_TOKEN.finditer(text):
        if found.start() > end:
            break
        touches = found.start() < end and found.end() > start
        inside = start == end and found.start() < start < found.end()
        if touches or inside:
            start, end = min(start, found.start()), max(end, found.end())
    return start, end


def _spans(text: str, changed_norm: list[bool]) -> tuple[Span, ...]:
    """Map changed normalised characters back onto the original text."""
    origin = _normalised(text)[1]
    flags = [False] * len(text)
    for pos, flag in enumerate(changed_norm):
        if flag:
            flags[origin[pos]] = True
    # whitespace inside a changed stretch is part of it
    for i, ch in enumerate(text):
        if _is_space(ch) and 0 < i < len(text) - 1 and flags[i - 1] and flags[i + 1]:
            flags[i] = True
    spans: list[Span] = []
    for ch, flag in zip(text, flags, strict=True):
        if spans and spans[-1].changed == flag:
            spans[-1] = Span(spans[-1].text + ch, flag)
        else:
            spans.append(Span(ch, flag))
    return tuple(spans)


def char_diff(old: str, new: str) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """Both texts as spans, with the changed phrases marked."""
    a, b = norm(old), norm(new)
    old_flags = [False] * len(a)
    new_flags = [False] * len(b)
    for i1, i2, j1, j2 in _regions(a, b):
        old_flags[i1:i2] = [True] * (i2 - i1)
        new_flags[j1:j2] = [True] * (j2 - j1)
    return _spans(old, old_flags), _spans(new, new_flags)


def whole(text: str, changed: bool) -> tuple[Span, ...]:
    return (Span(text, changed),) if text else ()


def quantity_delta(old: str, new: str) -> str | None:
    """The change of a 目標値 as a signed amount (−1回, +12), compared as normalised text."""
    return numbers.delta(norm(old), norm(new))
