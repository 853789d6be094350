"""What rendered pages of a small fixture say (whole outputs are compared in test_reference)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from jigyo.build import FORMATS
from jigyo.layout import Labels, YearView, year_view
from jigyo.loader import load_plans

from .conftest import REAL, ROOT, SAMPLE


def rendered(fmt: str) -> dict[str, bytes]:
    views = [year_view(y) for y in load_plans(SAMPLE).years]
    return FORMATS[fmt].render(views)


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


# --- the words come from the view layer's Labels ---------------------------------------

ALTERNATIVE = Labels(
    item="ITEM", content="CONTENT", target="TARGET", unit_policy="UNITPOLICY",
    policy="POLICY", approved="APPROVED", published="PUBLISHED", contact="CONTACT",
    draft="(DRAFT)", ditto="DITTO", bullet="BULLET-", heading_marks="{}",
    initiative_number="No{n}.", entry_number="<{n}>", numbered_item="#{n}",
    commissioned_form="(for {source})", unit_label_form="{section}/{project}",
    year_heading_form="YH {era}/{title}{draft}",
    running_header_form="RH {era}/{department}/{title}{draft}",
    site_title_form="SITE {organization}", caption_form="CAP {heading} {item}/{content}/{target}",
)
DEFAULT_WORDS = ["係の方針", "目標値", "からの受託事業", "（案）", "承認", "発行日", "連絡先",
                 "〃", "１．", ">(1)<", "(1)理事会", "【法人運営係】", "　事業計画", " 事業計画",
                 "・専門員"]


def _draft_sample(target: Path) -> Path:
    shutil.copytree(SAMPLE, target)
    year_file = target / "2020" / "year.yaml"
    year_file.write_text(year_file.read_text(encoding="utf-8") + (
        "draft: true\napproved: 令和２年３月２５日　理事会\npublished: 令和２年４月１日\n"
        "contact:\n  - テスト市社会福祉協議会　総務課\n  - 電話 000-0000-0000\n"), encoding="utf-8")
    return target


def _all_outputs(views: list[YearView]) -> dict[str, str]:
    out: dict[str, str] = {}
    for fmt in ("html", "md", "json"):
        out |= {f"{fmt}/{name}": data.decode() for name, data in FORMATS[fmt].render(views).items()
                if name.endswith((".html", ".md", ".json", ".js"))}
    return out


def test_every_output_takes_its_words_from_the_labels(tmp_path: Path):
    plans = _draft_sample(tmp_path / "p")
    views = [year_view(y, ALTERNATIVE) for y in load_plans(plans).years]
    outputs = _all_outputs(views)
    for name, text in outputs.items():
        found = [word for word in DEFAULT_WORDS if word in text]
        assert found == [], (name, found)
    soumu = outputs["html/2020/soumu.html"]
    for word in ("ITEM", "CONTENT", "TARGET", "UNITPOLICY", "POLICY", "No１.", "&lt;1&gt;",
                 "(for 西東京市)", "CAP No１.組織運営の取り組み ITEM/CONTENT/TARGET",
                 "RH 令和２年度/総務課/事業計画(DRAFT)", "YH 令和２年度/事業計画(DRAFT)",
                 "SITE テスト市社会福祉協議会", "{法人運営係}", "{理事会の開催}"):
        assert word in soumu, word
    assert "BULLET-" in outputs["html/2020/kenri.html"]
    md = outputs["md/2020/soumu.md"]
    for word in ("| ITEM | CONTENT | TARGET |", "DITTO", "&lt;1&gt;理事会", "## UNITPOLICY", "### POLICY"):
        assert word in md, word
    index_md = outputs["md/2020/index.md"]
    assert "# YH 令和２年度/事業計画(DRAFT)" in index_md and "- APPROVED　" in index_md
    assert "総務課/" not in index_md  # the sample's units have no project
    assert "APPROVED" in outputs["html/index.html"]
    assert '"number": "No１."' in outputs["json/2020.json"]
    assert "YH 令和２年度/事業計画(DRAFT)" in outputs["html/assets/search-index.js"]


def test_templates_write_no_fixed_word_of_the_plan():
    words = ["【", "】", "１．", "係の方針", "方針", "項目", "内容", "目標値", "受託", "（案）",
             "事業計画", "承認", "発行日", "連絡先", "〃"]
    for folder in ("html", "md"):
        for path in sorted((ROOT / "templates" / folder).iterdir()):
            if path.name.startswith("shinkyu"):
                continue
            text = re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.S)
            assert [w for w in words if w in text] == [], path  # comments aside


def test_draft_approval_publication_and_contact_are_shown(tmp_path: Path):
    views = [year_view(y) for y in load_plans(_draft_sample(tmp_path / "p")).years]
    outputs = _all_outputs(views)
    for name in ("html/index.html", "html/2020/index.html"):
        page = outputs[name]
        assert "令和２年度　事業計画（案）</" in page, name
        assert "<dt>承認</dt><dd>令和２年３月２５日　理事会</dd>" in page, name
        assert "<dt>発行日</dt><dd>令和２年４月１日</dd>" in page, name
        assert "<dd>テスト市社会福祉協議会　総務課<br>電話 000-0000-0000</dd>" in page, name
    assert "<title>法人運営係 | 令和２年度　事業計画（案） |" in outputs["html/2020/soumu.html"]
    index_md = outputs["md/2020/index.md"]
    assert index_md.startswith("# 令和２年度　事業計画（案）\n")
    assert "- 発行日　令和２年４月１日\n" in index_md
    assert "- 連絡先　テスト市社会福祉協議会　総務課<br>電話 000-0000-0000\n" in index_md
    assert outputs["md/2020/soumu.md"].startswith("令和２年度　総務課　事業計画（案）\n")
    data = json.loads(outputs["json/2020.json"])
    assert (data["draft"], data["approved"], data["published"]) == (
        True, "令和２年３月２５日　理事会", "令和２年４月１日")
    assert data["contact"] == ["テスト市社会福祉協議会　総務課", "電話 000-0000-0000"]


def test_a_published_plan_shows_no_draft_mark():
    outputs = _all_outputs([year_view(y) for y in load_plans(SAMPLE).years])
    assert not [name for name, text in outputs.items() if "（案）" in text]
    assert not [name for name, text in outputs.items() if 'class="publication"' in text]


# --- the Markdown contents link to the ids GitHub gives the headings -------------------

GITHUB_CASES = [
    # From github-slugger's fixtures, which its authors check against github.com.
    ("alpha", "alpha"), ("alpha", "alpha-1"), ("echo 1", "echo-1"), ("echo-1", "echo-1-1"),
    ("heading with a - dash", "heading-with-a---dash"),
    ("exchange.bind_headers(exchange, routing [, bindCallback])",
     "exchangebind_headersexchange-routing--bindcallback"),
    ("I ♥ unicode", "i--unicode"), ("en–dash", "endash"),
    ("Привет non-latin 你好", "привет-non-latin-你好"),
    ("a) ] } 】 ） ｝b", "a-----b"), ("a- 〜 －b", "a---b"), ("aⅠ 〇b", "aⅰ-〇b"),
    ("a_ ＿b", "a_-＿b"), ("Ｉ Ｓ", "ｉ-ｓ"),
]


KEPT_CATEGORIES = {"Nd", "Nl", "Pc"}
"""Besides letters and marks: decimal digits, letter numbers (Ⅰ, 〇) and connectors (_)."""


def reference_slugs(texts: list[str]) -> list[str]:
    """GitHub's heading ids (github-slugger's rules), written independently of jigyo's."""
    import unicodedata

    seen: dict[str, int] = {}
    out: list[str] = []
    for text in texts:
        kept = "".join(c for c in text.lower() if c in " -" or c.isalpha()
                       or unicodedata.category(c) in KEPT_CATEGORIES
                       or unicodedata.category(c)[0] in "LM")
        base = slug = kept.replace(" ", "-")
        while slug in seen:
            seen[base] += 1
            slug = f"{base}-{seen[base]}"
        seen[slug] = 0
        out.append(slug)
    return out


def test_heading_ids_follow_github():
    from jigyo.renderers.mdanchors import Slugger

    slugger = Slugger()
    assert [slugger.slug(t) for t, _ in GITHUB_CASES] == [s for _, s in GITHUB_CASES]
    assert reference_slugs([t for t, _ in GITHUB_CASES]) == [s for _, s in GITHUB_CASES]


def _headings(markdown: str) -> list[str]:
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    return ["".join(c.content for c in (tokens[i + 1].children or []) if c.type == "text")
            for i, t in enumerate(tokens) if t.type == "heading_open"]


@pytest.mark.parametrize("plans", [SAMPLE, REAL], ids=["sample", "real"])
def test_markdown_contents_link_to_headings_that_exist_on_github(plans: Path):
    files = FORMATS["md"].render([year_view(y) for y in load_plans(plans).years])
    checked = 0
    for name, data in files.items():
        for target, fragment in re.findall(r"\]\(([\w-]+\.md)#([^)]+)\)", data.decode()):
            page = files[f"{name.rsplit('/', 1)[0]}/{target}"].decode()
            assert fragment in reference_slugs(_headings(page)), (name, target, fragment)
            checked += 1
    assert checked >= 3
