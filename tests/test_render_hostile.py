"""Hostile text in every field of a plan comes out inert in HTML, Markdown and the search index.

A plan repository takes pull requests from many people; whatever they type is
shown as text: no script runs, no `javascript:`/`data:` link is followed, no
heading, table cell or link definition is injected into the Markdown.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from jigyo.build import build
from jigyo.inline import safe_link, to_html, to_markdown


def hostile(tag: str) -> str:
    return (f"<script>alert('{tag}')</script> [x{tag}](javascript:alert(1)) "
            f"[d](data:text/html;base64,PHNjcmlwdD4=) ![i](https://t.example/p.gif) "
            f'<img src=x onerror=alert(1)> <a href="javascript:alert(1)">a</a> | {tag} *{tag}*')


def at_line_start(tag: str) -> str:
    """Text that would start a heading or a link definition if it began a line."""
    return f"[r{tag}]: javascript:alert(1)" if tag.endswith("1") else f"# {tag} heading"


def q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    folder = root / "plans" / "2020"
    folder.mkdir(parents=True)
    dept = hostile("dept")
    (folder / "year.yaml").write_text(f"""\
fiscal_year: 2020
organization: {q(hostile("org"))}
title: {q(hostile("title"))}
era_label: {q(hostile("era"))}
draft: true
approved: {q(hostile("approved"))}
published: {q(at_line_start("published1"))}
contact:
  - {q(hostile("contact"))}
  - {q(at_line_start("contact2"))}
departments:
  - name: {q(dept)}
    units: [evil]
""", encoding="utf-8")
    (folder / "evil.yaml").write_text(f"""\
department: {q(dept)}
section: {q(hostile("section"))}
project: {q(hostile("project"))}
commissioned_by: {q(hostile("unitsource"))}
policy:
  - {q(at_line_start("para1"))}
  - {q(at_line_start("para2"))}
  - heading: {q(hostile("heading"))}
  - bullets: [{q(at_line_start("bullet1"))}, {q(hostile("bullet"))}]
  - numbered: [{q(at_line_start("num2"))}]
note: {q(at_line_start("unitnote1"))}
initiatives:
  - title: {q(hostile("ini"))}
    commissioned_by: {q(hostile("inisource"))}
    policy: [{q(hostile("inipolicy"))}]
    note: {q(at_line_start("ininote2"))}
    table:
      - item: {q(hostile("item"))}
        entries:
          - name: {q(hostile("name"))}
            content: {q(hostile("content"))}
            target: {{text: {q(hostile("span"))}, span: 2}}
            note: {q(hostile("entrynote"))}
          - content: {{bullets: [{q(hostile("bullets"))}]}}
      - item: {q(at_line_start("item1"))}
        entries:
          - name: {q(at_line_start("name2"))}
            rows:
              - content: {q(hostile("row"))}
                target: {q(hostile("rowtarget"))}
              - content: {q(at_line_start("row2"))}
  - title: {q(at_line_start("title2"))}
""", encoding="utf-8")
    out = root / "out"
    build(root / "plans", out, ["html", "md", "json"])
    return out


class Tags(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_html_pages_run_nothing_the_plan_says(built: Path):
    for page in sorted((built / "site").rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        assert "alert('org')" in text.replace("&#39;", "'"), page  # shown as text
        for tag, attrs in Tags(text).tags:
            assert tag not in ("img", "iframe", "object"), (page, tag)
            if tag == "script":
                assert attrs.get("src", "").endswith(("search-index.js", "search.js")), page
            assert not [name for name in attrs if name.startswith("on")], (page, tag, attrs)
            for name in ("href", "src"):
                value = attrs.get(name) or ""
                assert safe_link(value), (page, tag, value)
    index = (built / "site" / "assets" / "search-index.js").read_text(encoding="utf-8")
    assert "</script" not in index.lower()
    assert "alert('content')" in index


def _tokens(tokens: list[Token]) -> list[Token]:
    flat: list[Token] = []
    for token in tokens:
        flat.append(token)
        flat += _tokens(list(token.children or []))
    return flat


def test_markdown_stays_text_in_a_permissive_renderer(built: Path):
    # A renderer that allows raw HTML and every link (as MkDocs or pandoc may): still inert.
    permissive = MarkdownIt("commonmark", {"html": True}).enable("table")
    permissive.validateLink = lambda url: True  # type: ignore[method-assign]
    for page in sorted((built / "md").rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        assert "<script" not in text.lower(), page
        tokens = _tokens(permissive.parse(text))
        html = [t.content for t in tokens if t.type in ("html_inline", "html_block")]
        assert set(html) <= {"<br>"}, (page, html)
        assert not [t for t in tokens if t.type == "image"], page
        for link in (t for t in tokens if t.type == "link_open"):
            href = str(link.attrGet("href"))
            assert href.startswith(("https://", "http://", "mailto:")) or href.startswith(
                page.stem) or href.endswith(".md") or ".md#" in href, (page, href)
        for row in (i for i, t in enumerate(tokens) if t.type == "tr_open"):
            cells = 0
            for t in tokens[row + 1:]:
                if t.type == "tr_close":
                    break
                cells += t.type in ("td_open", "th_open")
            assert cells == 3, (page, "a table row split by the text")


def test_markdown_headings_are_only_those_jigyo_writes(built: Path):
    unit = (built / "md" / "2020" / "evil.md").read_text(encoding="utf-8")
    levels = [line.split(" ", 1)[0] for line in unit.splitlines() if line.startswith("#")]
    # banner, 係の方針, two 取り組み, one 方針
    assert levels == ["#", "##", "##", "###", "##"]
    index = (built / "md" / "2020" / "index.md").read_text(encoding="utf-8")
    assert [line.split(" ", 1)[0] for line in index.splitlines() if line.startswith("#")] == [
        "#", "##"]


def test_json_keeps_the_text_as_written(built: Path):
    data = json.loads((built / "json" / "2020.json").read_text(encoding="utf-8"))
    assert data["organization"] == hostile("org")
    assert data["draft"] is True and data["contact"][1] == at_line_start("contact2")


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:x",
    "data:text/html,x", "vbscript:x", "file:///etc/passwd", "jav&#x61;script:x", "<javascript:x>",
])
def test_unsafe_links_are_text_in_html_and_markdown(url: str):
    written = f"[click]({url}) and <{url}>"
    assert "<a" not in str(to_html(written))
    permissive = MarkdownIt("commonmark", {"html": True})
    permissive.validateLink = lambda url: True  # type: ignore[method-assign]
    tokens = _tokens(permissive.parse(to_markdown(written)))
    assert not [t for t in tokens if t.type in ("link_open", "html_inline")], tokens


@pytest.mark.parametrize("url", ["https://example.jp/a", "http://example.jp", "mailto:a@example.jp"])
def test_safe_links_stay_links(url: str):
    assert f'href="{url}"' in str(to_html(f"[a]({url})"))
    assert to_markdown(f"[a]({url})") == f"[a]({url})"


def test_an_escaped_pipe_is_not_unescaped():
    assert to_markdown(r"a \| b | c") == r"a \| b \| c"
    assert to_markdown("a\rb") == "a b"

