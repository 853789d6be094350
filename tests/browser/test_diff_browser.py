"""The site's 新旧対照表 in a real browser: in the frame, accessible, fitting a phone,
and reached from the page of a unit that changed."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import GONE, SCREENSHOTS

SHORT = "2020/shinkyu-2019.html"
FULL = "2020/shinkyu-2019-full.html"


@pytest.mark.parametrize("path", [SHORT, FULL])
def test_comparison_pages_pass_axe(site_url: str, open_page: Any, axe_source: str, path: str):
    for width in (1280, 375):
        watched = open_page(width=width)
        page = watched.page
        page.goto(site_url + path)
        page.add_script_tag(content=axe_source)
        result = page.evaluate(
            "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})")
        found = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3])
                 for v in result["violations"]]
        assert found == [], (path, width)
        assert watched.errors == [] and watched.outside == []


@pytest.mark.parametrize("width", [320, 375, 1280])
def test_comparison_page_fits_the_screen_and_is_photographed(site_url: str, open_page: Any,
                                                             width: int):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = open_page(width=width, height=900).page
    page.goto(site_url + SHORT)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, width
    crumbs = page.locator("nav.breadcrumbs li").all_inner_texts()
    assert [c.strip() for c in crumbs] == ["トップ", "令和２年度\u3000事業計画",
                                           "新旧対照表（令和元年度との比較）"]
    page.screenshot(path=str(SCREENSHOTS / f"shinkyu-{width}.png"), full_page=False)


def test_changed_unit_links_to_its_table_and_back_to_the_year(site_url: str, open_page: Any):
    page = open_page().page
    page.goto(site_url + f"2020/{GONE}.html")
    page.locator(".unit-diff-link a").click()
    page.wait_for_load_state()
    assert page.url.split("/")[-1].startswith("shinkyu-2019.html#")
    target = page.url.split("#", 1)[1]
    heading = page.locator(f"section#{target} h2").inner_text()
    assert "（新設）" in heading
    page.locator("main .shinkyu-switch a").click()
    page.wait_for_load_state()
    assert page.url.endswith(FULL)
    page.locator("nav.breadcrumbs a", has_text="令和２年度").click()
    page.wait_for_load_state()
    assert page.url.endswith("2020/index.html")
