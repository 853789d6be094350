"""Rendered output of a small fixture, compared with reviewed snapshots.

Set UPDATE_SNAPSHOTS=1 to rewrite the snapshots after a deliberate change,
then review the diff before committing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from jigyo.build import FORMATS
from jigyo.layout import year_view
from jigyo.loader import load_plans

from .conftest import SAMPLE

SNAPSHOTS = Path(__file__).parent / "snapshots"


def rendered(fmt: str) -> dict[str, bytes]:
    views = [year_view(y) for y in load_plans(SAMPLE).years]
    return FORMATS[fmt].render(views)


@pytest.mark.parametrize(("fmt", "name"), [
    ("html", "2020/soumu.html"), ("html", "2020/kenri.html"), ("md", "2020/soumu.md"),
    ("md", "2020/index.md"),
])
def test_snapshot(fmt: str, name: str):
    actual = rendered(fmt)[name].decode()
    snapshot = SNAPSHOTS / fmt / name
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        snapshot.parent.mkdir(parents=True, exist_ok=True)
        snapshot.write_text(actual, encoding="utf-8")
    assert actual == snapshot.read_text(encoding="utf-8")


def test_user_text_is_escaped_in_html_and_markdown():
    page = rendered("html")["2020/kenri.html"].decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    md = rendered("md")["2020/kenri.md"].decode()
    assert "<script>" not in md
    assert r"\| 対応" in md  # a pipe in text must not split the table cell


def test_inline_markdown_is_rendered_in_html():
    page = rendered("html")["2020/soumu.html"].decode()
    assert "<strong>重点</strong>として取り組みます。" in page


def test_html_table_has_headers_and_rowspans():
    page = rendered("html")["2020/soumu.html"].decode()
    assert '<th scope="col" class="item">項目</th>' in page
    assert '<th scope="rowgroup" class="item" rowspan="4">' in page
    assert '<td class="target" rowspan="2"><span class="line">随時実施</span></td>' in page


def test_json_carries_the_generated_numbering():
    data = json.loads(rendered("json")["2020.json"])
    unit = data["departments"][0]["units"][0]
    assert data["era"] == "令和２年度"
    assert unit["initiatives"][0]["number"] == "１．"
    entry = unit["initiatives"][0]["table"][0]["entries"][1]
    assert entry == {
        "id": None, "number": "(2)", "name": "評議員会",
        "content": {"lines": ["臨時に開催"], "span": 1, "bullets": False},
        "target": {"lines": ["1回", "参加・協力者", "200人"], "span": 1, "bullets": False},
        "rows": None, "note": None,
    }


def test_bulleted_cell_gets_its_marks_in_every_format():
    md = rendered("md")["2020/kenri.md"].decode()
    assert "(1)研修<br>・専門員の養成<br>・生活支援員の養成 | 2回 |" in md
    page = rendered("html")["2020/kenri.html"].decode()
    assert '<span class="line bullet"><span class="marker">・</span>専門員の養成</span>' in page
    data = json.loads(rendered("json")["2020.json"])
    entry = data["departments"][1]["units"][0]["initiatives"][0]["table"][0]["entries"][1]
    assert entry["content"] == {"lines": ["専門員の養成", "生活支援員の養成"], "span": 1,
                                "bullets": True}
