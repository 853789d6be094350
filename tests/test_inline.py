"""Plain text skips markdown-it: the shortcut must give exactly what markdown-it gives."""

from __future__ import annotations

import random
import subprocess
import sys

from markupsafe import Markup

from jigyo import inline

ALPHABET = [chr(c) for c in range(0x20, 0x7f)] + list("\t\n\r\0　あ漢字１．（）＜＞ｱ・\u00a0é")


def _by_markdown_it(text: str) -> Markup:
    return Markup(inline._kinsoku(inline._markdown().renderInline(text).strip()))


def test_shortcut_matches_markdown_it_on_random_text() -> None:
    rng = random.Random(16)
    texts = ["".join(rng.choices(ALPHABET, k=rng.randint(0, 12))) for _ in range(20000)]
    texts += ["Wi-Fi 440回/年", "6,000回 (2,500人)", "  前後の空白　", "a  b", "1. 項目", "# 見出し",
              "- 箇条", "+1", "=x", "{a}", "$5 10%", "@a", "^b", "x'y", "　全角空白　"]
    plain = [t for t in texts if inline._PLAIN.fullmatch(t)]
    assert len(plain) > 1000  # the shortcut is exercised
    for text in texts:
        assert inline.to_html.__wrapped__(text) == _by_markdown_it(text), repr(text)


def test_plain_text_does_not_import_markdown_it() -> None:
    code = ("import sys; from jigyo.inline import to_html; "
            "assert to_html('Wi-Fi 440回/年') == 'Wi-Fi 440回/年'; "
            "assert 'markdown_it' not in sys.modules; "
            "assert str(to_html('**強調**')) == '<strong>強調</strong>'; "
            "assert 'markdown_it' in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)
