"""Plan text is user content: the terminal report cannot drive the terminal, and the
pull-request comment cannot carry markup, whatever a plan file says."""

from __future__ import annotations

import re

from jigyo.diff.formats import render
from jigyo.diff.formats.options import Options
from jigyo.diff.phrases import char_diff
from jigyo.diff.records import Change, DiffReport, UnitDiff

HOSTILE = ("\x1b]0;pwned\x07\x1b[2J\x1b[31mred\r\x9b31m\x00 "
           "<img src=x onerror=alert(1)> | cell | [link](javascript:alert(1)) "
           "<javascript:alert(2)> ![x](data:text/html,hi) @team #1")
HEADING = "# 見出し\n## 二つ目"


def report() -> DiffReport:
    old_spans, new_spans = char_diff("7回予定", HOSTILE)
    target = Change("changed", "entry", "evil", ("悪い係" + HOSTILE, "取り組み", HEADING),
                    field="target", old="7回予定", new=HOSTILE, old_spans=old_spans,
                    new_spans=new_spans)
    note = Change("added", "entry", "evil", ("悪い係" + HOSTILE, HEADING), field="note",
                  new=HEADING, new_spans=char_diff("", HEADING)[1])
    unit = UnitDiff("evil", "悪い係" + HOSTILE, "changed", (target, note), ())
    return DiffReport("2020", "2021", 2020, 2021, (), (unit,), old_era="令和２年度",
                      new_era="令和３年度", organization=HOSTILE)


def test_terminal_text_has_no_control_characters_from_the_plan():
    for color in (False, True):
        text = render([report()], "text", Options(color=color))
        ours = re.sub(r"\x1b\[[0-9;]*m", "", text)  # the colours the report adds itself
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", ours)
        if color:  # only SGR colour sequences remain, none from the plan
            assert set(re.findall(r"\x1b\[([0-9;]*)m", text)) <= {"0", "1", "2", "31", "32"}
        assert r"\x1b]0;pwned\x07" in text and r"\r" in text and r"\x9b" in text


def test_markdown_comment_escapes_user_text():
    md = render([report()], "md", Options())
    body = md.split("\n", 1)[1]
    assert "<img" not in md and "&lt;img" in md
    assert "<javascript:" not in md and not re.search(r"(?<!\\)\]\(", md)  # no link syntax
    assert r"\[link\](javascript:" in md and r"!\[x\](data:" in md
    assert "\r" not in md and "\x1b" not in md and "\x00" not in md
    # no line of the comment starts with user text: headings cannot be injected
    assert not re.search(r"^#+ (見出し|二つ目)", md, re.MULTILINE)
    assert r"\# 見出し<br>\#\# 二つ目" in md
    # a pipe in user text does not open a new table cell
    rows = [line for line in body.splitlines() if line.startswith("| 悪い係")]
    cells = sorted(len(re.findall(r"(?<!\\)\|", line)) for line in rows)
    assert cells == [6, 8]  # the targets table has 5 columns, the summary 7
    assert r"\@team" in md and r"\#1" in md


def test_html_escapes_user_text():
    html = render([report()], "html", Options())
    assert "<img" not in html and "&lt;img src=x" in html
