"""The findings on the real FY2020 plan, pinned: a speed-up of lint must not change them."""

from __future__ import annotations

from jigyo.lint import lint_loaded, lint_year, rules_in
from jigyo.loader import load_plans

from .conftest import REAL


def test_fy2020_findings_per_rule_are_pinned() -> None:
    found = lint_year(REAL / "2020")
    assert dict(rules_in(found)) == {"notation-variants": 51, "halfwidth-kana": 14,
                                     "mixed-width": 10, "stale-year": 1}
    assert len(found) == 76


def test_the_kept_documents_give_the_findings_of_the_files_read_again() -> None:
    kept = load_plans(REAL, [2020], documents=True).years[0]
    again = load_plans(REAL, [2020]).years[0]
    assert kept.doc is not None and all(u.doc is not None for u in kept.units)
    assert again.doc is None
    assert [p.format("ja") for p in lint_loaded(kept)] == \
        [p.format("ja") for p in lint_loaded(again)]


def test_every_built_in_form_starts_with_a_character_the_quick_filter_lets_through():
    """`_STARTS` must name the first character of each form of GROUPS (and of its
    full-width spelling), or the rule silently stops finding that form."""
    import re

    from jigyo.lint.variants import _STARTS, GROUPS

    def wide(text: str) -> str:
        return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)

    for group in GROUPS:
        for form, pattern in group:
            samples = {form, wide(form), *form}
            for sample in samples:
                for text in (sample, "1" + sample):
                    for found in re.finditer(pattern, text):
                        assert text[found.start()] in _STARTS, (form, text)
