"""Plan text as Typst code: literals only, inline Markdown as calls, long runs breakable."""

from __future__ import annotations

import pytest

from jigyo.renderers.pdf import typst_source
from jigyo.renderers.typst_text import ZWSP, inline, string


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("理事会", '"理事会"'),
        ('引用 "a" と \\ と #set と $x$', '"引用 \\"a\\" と \\\\ と #set と $x$"'),
        ("改行\nあり\tタブ\x07", '"改行\\nあり\\tタブ\\u{7}"'),
    ],
)
def test_string_literals_escape_quotes_backslashes_and_controls(text: str, code: str):
    assert string(text) == code


def test_inline_markdown_becomes_calls_with_literal_arguments():
    assert inline("**重点**として") == '[#strong("重点")#"として"]'
    assert inline("*強調*") == 'emph("強調")'
    assert inline("[サイト](https://example.jp/)を参照") == (
        '[#link.with("https://example.jp/")("サイト")#"を参照"]'
    )
    assert inline("`code`") == 'raw("code")'


def test_inline_keeps_html_and_typst_markup_as_text():
    assert inline("<b>x</b>") == '"<b>x</b>"'
    assert inline("#strong[x] & y") == '"#strong[x] & y"'
    assert inline("a\\*b") == '"a*b"'  # a Markdown escape, as on the website


def test_long_unbroken_runs_get_break_opportunities_and_short_ones_do_not():
    assert ZWSP not in string("ABCDEFGHIJ-12345")
    long = string("X" * 40)
    assert long.count(ZWSP) == 39 and long.replace(ZWSP, "") == '"' + "X" * 40 + '"'
    assert ZWSP not in string("あ" * 100)  # Japanese text breaks anywhere already


def test_generated_source_holds_user_text_only_inside_literals(sample_copy):
    from jigyo.layout import year_view
    from jigyo.loader import load_plans

    view = year_view(load_plans(sample_copy).years[0])
    source = typst_source(view)
    assert source.startswith('#import "/jigyo.typ": *')
    assert string("問い合わせ <script>alert(1)</script> | 対応") in source
    assert 'heading: "１．組織運営の取り組み",' in source
