"""`jigyo serve` in a browser: the open page reloads by itself after a plan is saved."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from ..conftest import REAL
from ..test_serve import Server
from .conftest import SCREENSHOTS


def test_open_page_reloads_after_the_plan_is_saved(sample_copy: Path, tmp_path: Path,
                                                   open_page: Any):
    server = Server(sample_copy, tmp_path / "out")
    try:
        watched = open_page()
        page = watched.page
        page.goto(f"http://127.0.0.1:{server.port}/2020/soumu.html")
        assert "理事会を開催します。" in page.locator("main").inner_text()
        plan = sample_copy / "2020" / "soumu.yaml"
        good = plan.read_text(encoding="utf-8")
        plan.write_text(good.replace("理事会を開催します。", "理事会を年7回開催します。"),
                        encoding="utf-8")
        page.get_by_text("理事会を年7回開催します。").wait_for(timeout=20_000)
        plan.write_text(good.replace("target:", "targt:", 1), encoding="utf-8")
        page.get_by_role("alert").wait_for(timeout=20_000)
        assert "「targt」というキーは使えません" in page.get_by_role("alert").inner_text()
        assert watched.errors == [] and watched.outside == []
    finally:
        server.stop()


def test_error_banner_stays_at_the_top_of_a_long_page(tmp_path: Path, open_page: Any,
                                                      axe_source: str):
    """The real plan's longest kind of page: the banner is the first thing seen, at any scroll."""
    plans = tmp_path / "plans"
    shutil.copytree(REAL / "2020", plans / "2020")
    server = Server(plans, tmp_path / "out")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    try:
        plan = plans / "2020" / "houjin-unei.yaml"
        plan.write_text(plan.read_text(encoding="utf-8").replace("section:", "sectoin:", 1),
                        encoding="utf-8")
        server.wait_until(lambda: server.state()["error"] is not None)
        for width, height in ((1280, 900), (375, 740)):
            page = open_page(width=width, height=height).page
            page.goto(f"http://127.0.0.1:{server.port}/2020/houjin-unei.html")
            banner = page.get_by_role("alert")
            assert "「sectoin」というキーは使えません" in banner.inner_text()
            top = banner.bounding_box()
            assert top is not None and abs(top["y"]) <= 1 and banner.is_visible()
            header = page.locator(".site-header")
            below = header.bounding_box()
            assert below is not None and below["y"] >= top["height"] - 1  # nothing hidden
            page.screenshot(path=str(SCREENSHOTS / f"serve-error-top-{width}.png"))
            page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
            assert page.evaluate("window.scrollY") > 2 * height  # a long page, scrolled down
            box = banner.bounding_box()
            assert box is not None and abs(box["y"]) <= 1 and banner.is_visible()
            assert box["height"] <= height * 0.5
            page.screenshot(path=str(SCREENSHOTS / f"serve-error-bottom-{width}.png"))
            page.add_script_tag(content=axe_source)
            result = page.evaluate(
                "axe.run({include: ['#jigyo-serve-error']}, "
                "{runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})")
            assert [v["id"] for v in result["violations"]] == [], width
    finally:
        server.stop()
