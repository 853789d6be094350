"""A built two-year site served on loopback, and a headless Debian Chromium to read it."""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from jigyo.build import build

from ..conftest import REAL, ROOT, need

CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "build" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

GONE = "shimin-kyoudou"
"""A unit left out of the earlier year, to see the year switcher say so."""


def _two_years(target: Path) -> Path:
    """The real 2020 plans, and a 2019 made from them with one unit fewer."""
    plans = target / "plans"
    shutil.copytree(REAL / "2020", plans / "2020")
    shutil.copytree(REAL / "2020", plans / "2019")
    (plans / "2019" / f"{GONE}.yaml").unlink()
    year = (plans / "2019" / "year.yaml").read_text(encoding="utf-8")
    year = year.replace("fiscal_year: 2020", "fiscal_year: 2019")
    year = year.replace(f"      - {GONE}\n", "").replace(f", {GONE}", "").replace(f"{GONE}, ", "")
    (plans / "2019" / "year.yaml").write_text(year, encoding="utf-8")
    return plans


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    work = tmp_path_factory.mktemp("site")
    build(_two_years(work), work / "build", ["html"])
    handler = functools.partial(_Quiet, directory=str(work / "build" / "site"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need("Playwright for Python", False)
    need("Chromium (/usr/bin/chromium)", CHROMIUM.exists())
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield chromium
        chromium.close()


class Watched:
    """A page whose console errors, page errors and off-machine requests are recorded."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.errors: list[str] = []
        self.outside: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.route("**/*", self._route)

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(("http://127.0.0.1:", "data:", "about:")):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    contexts: list[Any] = []

    def make(width: int = 1280, height: int = 900, javascript: bool = True) -> Watched:
        context = browser.new_context(
            viewport={"width": width, "height": height}, java_script_enabled=javascript,
            locale="ja-JP",
        )
        contexts.append(context)
        return Watched(context.new_page())

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    need("axe-core (node_modules/axe-core, installed by make)", AXE.exists())
    return AXE.read_text(encoding="utf-8")
