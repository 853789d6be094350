"""The published site in a real browser: loading, search, year switcher, keyboard, a11y."""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from typing import Any

import pytest

from jigyo.build import build

from ..conftest import SAMPLE
from .conftest import GONE, SCREENSHOTS, _Quiet

PAGES = ["index.html", "2020/index.html", "2020/houjin-unei.html", "2020/all.html",
         "search.html?q=理事会", "2019/volunteer-center.html"]


def test_pages_load_without_console_errors_or_outside_requests(site_url: str, open_page: Any):
    for path in PAGES:
        watched = open_page()
        response = watched.page.goto(site_url + path)
        assert response is not None and response.ok, path
        watched.page.wait_for_load_state("load")
        assert watched.errors == [], path
        assert watched.outside == [], path


def test_index_lists_years_newest_first(site_url: str, open_page: Any):
    page = open_page().page
    page.goto(site_url + "index.html")
    years = page.locator(".year-list > li h2").all_inner_texts()
    assert years == ["令和２年度　事業計画", "令和元年度　事業計画"]


def test_search_for_rijikai_lands_on_the_entry(site_url: str, open_page: Any):
    page = open_page().page
    page.goto(site_url + "index.html")
    page.get_by_label("計画を検索").fill("理事会")
    page.get_by_role("button", name="検索").click()
    page.wait_for_url("**/search.html?q=*")
    status = page.locator("#search-status")
    assert "件見つかりました" in status.inner_text()
    hit = page.locator("#search-results a.hit-title", has_text="法人運営係").first
    assert "組織運営の取り組み" in hit.inner_text()
    href = hit.get_attribute("href")
    assert href is not None and href.startswith("2020/houjin-unei.html#")
    hit.click()
    page.wait_for_url("**/2020/houjin-unei.html#*")
    anchor = page.url.split("#", 1)[1]
    target = page.locator(f"[id='{anchor}']")
    assert "理事会" in target.inner_text()
    assert target.is_visible()
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]


def test_search_finds_volunteer_insurance_on_a_phone(site_url: str, open_page: Any):
    page = open_page(width=375, height=740).page
    page.goto(site_url + "search.html")
    page.locator("#q").fill("ボランティア保険")
    page.locator("#q").press("Enter")
    results = page.locator("#search-results li")
    results.first.wait_for()
    texts = results.all_inner_texts()
    assert any("ボランティアセンター" in t or "ボランティア保険" in t for t in texts)
    assert all("ボランティア保険" in t for t in texts)
    marks = page.locator("#search-results mark").all_inner_texts()
    assert marks and all(m == "ボランティア保険" for m in marks)


def test_search_says_when_nothing_is_found(site_url: str, open_page: Any):
    page = open_page().page
    page.goto(site_url + "search.html?q=存在しない言葉ですよ")
    assert "見つかりませんでした" in page.locator("#search-status").inner_text()
    assert page.locator("#search-results li").count() == 0


def test_year_switcher_lands_on_the_same_unit(site_url: str, open_page: Any):
    page = open_page().page
    page.goto(site_url + "2020/houjin-unei.html")
    switcher = page.get_by_role("navigation", name="ほかの年度のこの計画")
    switcher.get_by_role("link", name="令和元年度").click()
    page.wait_for_url("**/2019/houjin-unei.html")
    assert page.locator("h1").inner_text() == "【法人運営係】"
    current = page.get_by_role("navigation", name="ほかの年度のこの計画").locator(
        "[aria-current=page]")
    assert current.inner_text() == "令和元年度"


def test_year_switcher_says_when_a_unit_did_not_exist(site_url: str, open_page: Any):
    page = open_page().page
    page.goto(site_url + f"2020/{GONE}.html")
    link = page.get_by_role("navigation", name="ほかの年度のこの計画").get_by_role("link")
    assert link.count() == 1
    assert "この年度にはありません" in link.inner_text()
    link.click()
    page.wait_for_url("**/2019/index.html")


def test_keyboard_reaches_main_content_through_the_skip_link(site_url: str, open_page: Any):
    page = open_page().page
    page.goto(site_url + "2020/houjin-unei.html")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "本文へ移動"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    inside = page.evaluate("document.getElementById('main').contains(document.activeElement)")
    assert inside
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def test_everything_but_search_works_without_javascript(site_url: str, open_page: Any):
    page = open_page(javascript=False).page
    page.goto(site_url + "2020/index.html")
    page.get_by_role("link", name="法人運営係").first.click()
    page.wait_for_url("**/2020/houjin-unei.html")
    page.get_by_role("link", name="令和元年度").click()
    page.wait_for_url("**/2019/houjin-unei.html")
    page.goto(site_url + "search.html?q=理事会")
    assert "JavaScript が必要です" in page.locator("main").inner_text()


@pytest.mark.parametrize("path", [p for p in PAGES if not p.startswith("2019")])
def test_axe_reports_no_wcag_aa_violation(site_url: str, open_page: Any, axe_source: str,
                                          path: str):
    for width in (1280, 375):
        page = open_page(width=width).page
        page.goto(site_url + path)
        if path.startswith("search"):
            page.locator("#search-results li").first.wait_for()
        page.add_script_tag(content=axe_source)
        result = page.evaluate(
            "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})"
        )
        found = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3])
                 for v in result["violations"]]
        assert found == [], (path, width)


@pytest.mark.parametrize("width", [320, 375, 1280])
def test_pages_fit_the_screen_and_are_photographed(site_url: str, open_page: Any, width: int):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for path in ("index.html", "2020/index.html", "2020/houjin-unei.html", "search.html?q=理事会"):
        page = open_page(width=width, height=900).page
        page.goto(site_url + path)
        if path.startswith("search"):
            page.locator("#search-results li").first.wait_for()
        # Only a data table may scroll sideways (inside its own box), never the page.
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, (path, width)
        name = path.split("?")[0].replace("/", "-").replace(".html", "")
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=False)
        assert (SCREENSHOTS / f"{name}-{width}.png").stat().st_size > 0


def test_page_is_usable_at_200_percent_zoom(site_url: str, open_page: Any):
    # 200% zoom of a 1280 px window is a 640 CSS px layout with doubled pixels.
    watched = open_page(width=640, height=450)
    page = watched.page
    page.goto(site_url + "2020/houjin-unei.html")
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert page.get_by_role("search").is_visible()
    assert page.locator("h1").is_visible()


def test_print_shows_the_plan_without_navigation(site_url: str, open_page: Any):
    page = open_page(width=794, height=1123).page
    page.goto(site_url + "2020/houjin-unei.html")
    page.emulate_media(media="print")
    for hidden in (".site-header", ".breadcrumbs", ".year-switcher", ".skip-link"):
        assert not page.locator(hidden).is_visible(), hidden
    assert page.locator("h1").is_visible()
    assert page.locator(".plan-table").first.is_visible()


# --- a draft fixture year: the （案） mark, the year's status, Japanese line breaking ------

LONG = ("ボランティアセンターのコーディネーターが「第四次地域福祉活動計画」＜平成31年度～2023年度＞"
        "に基づきサービスのメニューを広げます。") * 4
"""Made-up text with many ー and ＞, to see where lines break at every width."""


@pytest.fixture(scope="module")
def draft_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    work = tmp_path_factory.mktemp("draft")
    plans = work / "plans"
    shutil.copytree(SAMPLE, plans)
    year = plans / "2020" / "year.yaml"
    year.write_text(year.read_text(encoding="utf-8") + (
        "draft: true\napproved: 令和２年３月２５日　理事会\npublished: 令和２年４月１日\n"
        "contact:\n  - テスト市社会福祉協議会　総務課\n  - 電話 000-0000-0000\n"), encoding="utf-8")
    unit = plans / "2020" / "soumu.yaml"
    unit.write_text(unit.read_text(encoding="utf-8").replace(
        "      - 段落の文章です。", f"      - {LONG}"), encoding="utf-8")
    build(plans, work / "build", ["html"])
    handler = functools.partial(_Quiet, directory=str(work / "build" / "site"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


LINE_STARTS = """() => {
  // Every character that begins a new line inside a block of main, found from its box.
  const starts = [];
  for (const block of document.querySelectorAll('main p, main li, main td, main th, main h2')) {
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    let top = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.data.length; i++) {
        const range = document.createRange();
        range.setStart(node, i); range.setEnd(node, i + 1);
        const box = range.getClientRects()[0];
        if (!box || !node.data[i].trim()) continue;
        if (top !== null && box.top > top + 2) starts.push(node.data[i]);
        top = box.top;
      }
    }
  }
  return starts;
}"""


def test_no_line_starts_with_a_prolonged_sound_mark_or_a_closing_angle(draft_url: str,
                                                                       open_page: Any):
    page = open_page(width=375).page
    page.goto(draft_url + "2020/soumu.html")
    assert page.evaluate("getComputedStyle(document.body).lineBreak") == "strict"
    starts: list[str] = []
    for width in range(300, 480, 9):
        page.set_viewport_size({"width": width, "height": 800})
        starts += page.evaluate(LINE_STARTS)
    assert len(starts) > 100  # the text did wrap, many times
    assert [c for c in starts if c in "ー＞"] == []


def test_draft_year_shows_its_mark_and_status(draft_url: str, open_page: Any):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 375):
        page = open_page(width=width).page
        page.goto(draft_url + "index.html")
        assert page.locator(".year-list h2").first.inner_text() == "令和２年度　事業計画（案）"
        status = page.locator(".publication").first
        assert status.is_visible()
        assert "発行日" in status.inner_text() and "令和２年４月１日" in status.inner_text()
        page.screenshot(path=str(SCREENSHOTS / f"draft-index-{width}.png"), full_page=True)
        page.goto(draft_url + "2020/index.html")
        assert page.locator("h1").inner_text() == "令和２年度　事業計画（案）"
        assert "電話 000-0000-0000" in page.locator(".publication").inner_text()
        page.goto(draft_url + "2020/soumu.html")
        assert page.locator(".running-header").inner_text() == "令和２年度　総務課　事業計画（案）"
        page.screenshot(path=str(SCREENSHOTS / f"draft-soumu-{width}.png"), full_page=True)


@pytest.mark.parametrize("path", ["index.html", "2020/index.html"])
def test_axe_reports_no_violation_on_the_draft_year_status(draft_url: str, open_page: Any,
                                                            axe_source: str, path: str):
    page = open_page(width=375).page
    page.goto(draft_url + path)
    page.add_script_tag(content=axe_source)
    result = page.evaluate(
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})")
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]] == []
