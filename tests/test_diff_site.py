"""The site's 新旧対照表: in the site's frame, abbreviated with the full text one link away,
and linked from the page of every unit that changed."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from jigyo.build import build

from .conftest import SAMPLE
from .test_diff import edit


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2019 and 2020 of the sample; in 2020 one target of 総務 changed and kenri is new."""
    root = tmp_path_factory.mktemp("diffsite")
    plans = root / "plans"
    shutil.copytree(SAMPLE / "2020", plans / "2020")
    shutil.copytree(SAMPLE / "2020", plans / "2019")
    (plans / "2019" / "kenri.yaml").unlink()
    edit(plans / "2019" / "year.yaml", "fiscal_year: 2020", "fiscal_year: 2019")
    edit(plans / "2020" / "soumu.yaml", "target: 7回予定", "target: 6回")
    build(plans, root / "out", ["html"])
    return root / "out" / "site"


def read(site: Path, name: str) -> str:
    return (site / name).read_text(encoding="utf-8")


def test_comparison_page_is_in_the_site_frame(site: Path):
    page = read(site, "2020/shinkyu-2019.html")
    assert '<header class="site-header">' in page and '<footer class="site-footer">' in page
    crumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', page, re.S)
    assert crumbs is not None
    assert re.findall(r"<li[^>]*>(?:<a [^>]*>)?([^<]+)", crumbs.group()) == [
        "トップ", "令和２年度\u3000事業計画", "新旧対照表（令和元年度との比較）"]
    assert 'href="../index.html"' in crumbs.group() and 'href="index.html"' in crumbs.group()
    assert 'href="../assets/shinkyu.css"' in page and (site / "assets/shinkyu.css").is_file()


def test_comparison_is_abbreviated_with_the_full_text_a_link_away(site: Path):
    short, full = read(site, "2020/shinkyu-2019.html"), read(site, "2020/shinkyu-2019-full.html")
    omitted = '<span class="ph">（略）</span>'
    assert omitted in short and omitted not in full
    assert 'href="shinkyu-2019-full.html">全文を表示' in short
    assert 'href="shinkyu-2019.html">変更部分だけを表示' in full
    assert '<span class="chg">6回</span>' in short and '<span class="chg">6回</span>' in full
    assert "社協だよりの発行" in full and "社協だよりの発行" not in short


def test_changed_units_link_to_their_table(site: Path):
    short = read(site, "2020/shinkyu-2019.html")
    for slug in ("soumu", "kenri"):
        link = re.search(r'<p class="unit-diff-link"><a href="(shinkyu-2019\.html#([^"]+))">'
                         r"この計画単位の新旧対照表（令和元年度との比較）</a>",
                         read(site, f"2020/{slug}.html"))
        assert link is not None, slug
        assert f'id="{link.group(2)}"' in short
    assert "unit-diff-link" not in read(site, "2019/soumu.html")
    year = read(site, "2020/index.html")
    assert 'href="shinkyu-2019.html">新旧対照表（令和元年度との比較）' in year


def test_standalone_page_keeps_its_own_style(site: Path):
    from jigyo.diff.compare import diff_years
    from jigyo.diff.formats import render
    from jigyo.diff.formats.options import Options
    from jigyo.layout import year_view
    from jigyo.loader import load_year

    plans = site.parents[1] / "plans"
    old, _ = load_year(plans / "2019")
    new, _ = load_year(plans / "2020")
    assert old is not None and new is not None
    html = render([diff_years(year_view(old), year_view(new))], "html", Options())
    assert '"Noto Serif CJK JP"' in html and "&#34;" not in html.split("</style>")[0]
    assert not re.search(r"<(link|script|img)\b|src=|url\(|https?://", html)
