"""The 事業報告 page and its summary chart in Chromium: accessible, no errors, no script needed."""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from jigyo.build import build

from ..conftest import ROOT, SAMPLE
from .conftest import SCREENSHOTS, _Quiet

RESULTS = ROOT / "tests" / "fixtures" / "results" / "2020" / "results"
PAGES = ["2020/report.html", "2020/interim.html", "2020/soumu.html"]


@pytest.fixture(scope="module")
def report_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    work = tmp_path_factory.mktemp("report")
    shutil.copytree(SAMPLE, work / "plans")
    shutil.copytree(RESULTS, work / "plans" / "2020" / "results")
    build(work / "plans", work / "build", ["html"])
    handler = functools.partial(_Quiet, directory=str(work / "build" / "site"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("path", PAGES)
def test_report_pages_pass_axe_without_console_errors(report_url: str, open_page: Any,
                                                     axe_source: str, path: str):
    for width in (1280, 375):
        watched = open_page(width=width)
        page = watched.page
        page.goto(report_url + path)
        page.add_script_tag(content=axe_source)
        result = page.evaluate(
            "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})")
        found = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3])
                 for v in result["violations"]]
        assert found == [], (path, width)
        assert watched.errors == [] and watched.outside == []


def test_chart_is_an_image_with_its_numbers_as_text_without_javascript(report_url: str,
                                                                        open_page: Any):
    page = open_page(javascript=False).page
    page.goto(report_url + "2020/report.html")
    chart = page.get_by_role("img", name="令和２年度　事業報告：達成状況の件数")
    assert chart.is_visible()
    box = chart.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 60
    assert "法人運営係: 達成6件、概ね達成1件、未達成1件、中止1件、未記入1件" in (
        page.locator("svg desc").text_content() or "")
    assert "達成6件" in (page.locator("svg").text_content() or "")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "report-2020.png"), full_page=True)


def test_report_and_plan_link_both_ways(report_url: str, open_page: Any):
    page = open_page().page
    page.goto(report_url + "2020/soumu.html")
    page.get_by_role("link", name="事業報告").click()
    page.wait_for_url("**/2020/report.html#u-soumu")
    page.get_by_role("link", name="(1)理事会").first.click()
    page.wait_for_url("**/2020/soumu.html#*")
    assert Path(page.url.split("#")[0]).name == "soumu.html"
