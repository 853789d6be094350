"""表記ゆれ: one word written two ways in one year's plan (取組／取り組み, HP／ホームページ).

A dozen staff write one 係 each, so the year is the scope: the form most of
the year uses is taken as the norm and each string with another form gets
one finding, naming both and how often each is used. Katakana words that
differ only in small kana or long-vowel marks (ボランティア／ボランテイア)
and Latin words that differ only in width or case (SNS／ＳＮＳ) are found
without a list; the settings may add groups of their own.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator

from ..problems import Problem
from . import LintContext, finding, rule
from .text import Text

RULE = "notation-variants"

# Each group: the forms of one word, preferred first (a tie goes to it).
GROUPS: tuple[tuple[tuple[str, str], ...], ...] = (
    (("取組", r"取組(?![みまむめもん])"), ("取り組み", r"取り組み(?![まなたむめ])"),
     ("取組み", r"取組み(?![まなたむめ])")),
    (("取り組む（取り組みます）", r"取り組(?=み[まなた]|[まむめもん])"), ("取組む（取組みます）", r"取組(?=み[まなた]|[まむめもん])")),
    (("子ども", "子ども"), ("子供", "子供")),
    (("ホームページ", "ホームページ"), ("HP", r"(?<!ホームページ[（(])(?:HP|ＨＰ)(?![A-Za-z])")),
    (("か所", r"(?<=[0-9０-９何])か所"), ("箇所", r"(?<=[0-9０-９何])箇所"),
     ("カ所", r"(?<=[0-9０-９何])カ所"), ("ヶ所", r"(?<=[0-9０-９何])ヶ所"),
     ("ケ所", r"(?<=[0-9０-９何])ケ所"), ("ヵ所", r"(?<=[0-9０-９何])ヵ所")),
    (("か月", r"(?<=[0-9０-９何])か月"), ("カ月", r"(?<=[0-9０-９何])カ月"),
     ("ヶ月", r"(?<=[0-9０-９何])ヶ月"), ("ケ月", r"(?<=[0-9０-９何])ケ月"),
     ("ヵ月", r"(?<=[0-9０-９何])ヵ月")),
    (("～", "～"), ("〜", "〜")),
    (("（）", "[（）]"), ("()", r"[()]")),
    (("及び", "及び"), ("および", "および")),
    (("又は", "又は"), ("または", "または")),
)

_STARTS = "取子ホHＨか箇カヶケヵ～〜（）()及お又ま"
"""The first character each form of GROUPS can match (after its lookbehind)."""
_KATAKANA = re.compile("[ァ-ヴ][ァ-ヴー―‐]{2,}")
_SMALL = str.maketrans("ァィゥェォッャュョヮ", "アイウエオツヤユヨワ", "ー―‐")
_LATIN = re.compile("[A-Za-zＡ-Ｚａ-ｚ]{2,}")


def _occurrences(context: LintContext) -> Iterator[tuple[str, str, Text, int]]:
    """(group key, form, text, offset) of every form of every group in the year."""
    groups = [*GROUPS, *(tuple((f, re.escape(f)) for f in forms)
                         for forms in context.settings.variants)]
    forms = [(f"group{i}", form) for i, group in enumerate(groups) for form, _ in group]
    # one pass per string: every form is a named alternative (the forms of a group never
    # overlap, and a settings form that another contains is looked for on its own)
    # the lookahead lets the engine pass over most characters without trying each form
    starts = re.escape("".join(sorted({_STARTS, *(f[:1] for fs in context.settings.variants
                                                   for f in fs)} - {""})))
    pattern = re.compile(f"(?=[{starts}])(?:" + "|".join(f"(?P<f{n}>{p})" for n, (_, p) in
                         enumerate((form, pattern) for group in groups
                                   for form, pattern in group)) + ")")
    for text, base, found in context.matches(pattern):
        key, form = forms[int(str(found.lastgroup)[1:])]
        yield key, form, text, found.start() - base
    for text, base, found in context.matches(_KATAKANA):
        word = found.group()
        yield "kana:" + word.translate(_SMALL), word, text, found.start() - base
    for text, base, found in context.matches(_LATIN):
        word = found.group()
        yield "latin:" + unicodedata.normalize("NFKC", word).casefold(), word, text, \
            found.start() - base


@rule(RULE, "lint_rule_variants")
def notation_variants(context: LintContext) -> Iterator[Problem]:
    by_group: dict[str, list[tuple[str, Text, int]]] = {}
    for key, form, text, offset in _occurrences(context):
        by_group.setdefault(key, []).append((form, text, offset))
    preferred = {form for group in GROUPS for form, _ in group[:1]}
    for places in by_group.values():
        counts = Counter(form for form, _, _ in places)
        if len(counts) < 2:
            continue
        major = max(counts, key=lambda f: (counts[f], f in preferred))
        reported: set[tuple[int, str]] = set()
        for form, text, offset in places:
            if form == major or (id(text), form) in reported:
                continue
            reported.add((id(text), form))
            yield finding(RULE, text, offset, "lint_variant", found=form, major=major,
                          major_count=counts[major], count=counts[form])
