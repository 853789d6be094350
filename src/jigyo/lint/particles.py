"""Doubled particles (のの, をを, にに): the slip of an edit that kept both halves.

A doubled kana is not always a slip (「このの」 is この + の, 「ひととき」 one
word), so the candidates are cut into words by a tokenizer (Janome), loaded
only when a string has one; a finding is two particles side by side.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..problems import Problem
from . import LintContext, finding, rule

RULE = "doubled-particle"
_CANDIDATE = re.compile(r"([のをにがはでとへもや])\1")
_COMMON = re.compile("とともに|でできる|ひととき|ことと|ものの|のので")
"""Words that hold a doubled kana and are never a slip: skipped before the tokenizer
is loaded (an optimisation only; the tokenizer would clear them too)."""
_WINDOW = 12
"""Characters either side of a candidate given to the tokenizer: enough for its words."""


def _candidates(value: str) -> list[int]:
    cleared = _COMMON.sub(lambda m: "・" * len(m.group()), value)
    return [m.start() for m in _CANDIDATE.finditer(cleared)]


@rule(RULE, "lint_rule_particles")
def doubled_particle(context: LintContext) -> Iterator[Problem]:
    for text in context.texts:
        for candidate in _candidates(text.value):
            start = max(candidate - _WINDOW, 0)
            window = text.value[start:candidate + 2 + _WINDOW]
            offset = 0
            previous: tuple[str, str, int] = ("", "", -2)
            for token in context.tokenizer.tokenize(window):
                surface: str = token.surface  # type: ignore[union-attr]
                kind: str = token.part_of_speech.split(",")[0]  # type: ignore[union-attr]
                at = window.find(surface, offset)
                offset = at + len(surface) if at >= 0 else offset
                if start + at == candidate + 1 and kind == "助詞" and previous[1] == "助詞" \
                        and surface == previous[0] and previous[2] == at - 1:
                    yield finding(RULE, text, candidate, "lint_doubled_particle",
                                  found=surface * 2, fixed=surface)
                previous = (surface, kind, at)
