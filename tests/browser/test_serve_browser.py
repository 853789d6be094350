"""`jigyo serve` in a browser: the open page reloads by itself after a plan is saved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..test_serve import Server


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
