"""`jigyo serve`: a real server process on a free loopback port, edited plans, bad plans."""

from __future__ import annotations

import http.client
import json
import os
import queue
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from jigyo.serve import resolve

TIMEOUT = 30.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, plans: Path, out: Path) -> None:
        self.port = free_port()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "jigyo", "serve", "--plans", str(plans), "--out", str(out),
             "--port", str(self.port)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        self.stdout: queue.Queue[str] = queue.Queue()
        self.stderr: list[str] = []
        assert self.proc.stdout is not None and self.proc.stderr is not None
        threading.Thread(target=self._pump, args=(self.proc.stdout, self.stdout.put),
                         daemon=True).start()
        threading.Thread(target=self._pump, args=(self.proc.stderr, self.stderr.append),
                         daemon=True).start()
        self.wait_for_line(f"http://127.0.0.1:{self.port}/")

    @staticmethod
    def _pump(stream: object, put: Callable[[str], None]) -> None:
        for line in stream:  # type: ignore[attr-defined]
            put(line)

    def wait_for_line(self, text: str) -> str:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                line = self.stdout.get(timeout=0.2)
            except queue.Empty:
                assert self.proc.poll() is None, "".join(self.stderr)
                continue
            if text in line:
                return line
        raise AssertionError(f"no line with {text!r}; stderr: {''.join(self.stderr)}")

    def get(self, path: str) -> tuple[int, str]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        try:
            conn.request("GET", path)  # sent as written: no client-side normalising
            response = conn.getresponse()
            return response.status, response.read().decode("utf-8", errors="replace")
        finally:
            conn.close()

    def state(self) -> dict[str, object]:
        status, body = self.get("/__jigyo__/state")
        assert status == 200
        return dict(json.loads(body))

    def wait_until(self, check: Callable[[], bool]) -> None:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            if check():
                return
            assert self.proc.poll() is None, "".join(self.stderr)
            time.sleep(0.1)
        raise AssertionError("the served site did not change in time")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture
def served(sample_copy: Path, tmp_path: Path) -> Iterator[tuple[Server, Path]]:
    server = Server(sample_copy, tmp_path / "out")
    try:
        yield server, sample_copy / "2020" / "soumu.yaml"
    finally:
        server.stop()


def test_serve_shows_the_site_and_reloads_after_an_edit(served: tuple[Server, Path]):
    server, plan = served
    status, page = server.get("/2020/soumu.html")
    assert status == 200 and "理事会を開催します。" in page
    assert "/__jigyo__/state" in page  # live reload script added while serving
    version = server.state()["version"]
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        "理事会を開催します。", "理事会を年7回開催します。"), encoding="utf-8")
    server.wait_until(lambda: "理事会を年7回開催します。" in server.get("/2020/soumu.html")[1])
    server.wait_until(lambda: server.state()["version"] != version)
    built = (plan.parents[2] / "out" / "site" / "2020" / "soumu.html").read_text(encoding="utf-8")
    assert "理事会を年7回開催します。" in built and "__jigyo__" not in built


def test_serve_shows_a_plan_error_and_keeps_running(served: tuple[Server, Path]):
    server, plan = served
    good = plan.read_text(encoding="utf-8")
    plan.write_text(good.replace("target:", "targt:", 1), encoding="utf-8")
    server.wait_until(lambda: server.state()["error"] is not None)
    error = str(server.state()["error"])
    assert "soumu.yaml:" in error and "「targt」というキーは使えません" in error
    status, page = server.get("/2020/soumu.html")
    assert status == 200 and 'role="alert"' in page and "「targt」というキーは使えません" in page
    assert "理事会を開催します。" in page  # the last good site stays up
    server.wait_until(lambda: "「targt」" in "".join(server.stderr))
    assert "Traceback" not in "".join(server.stderr)
    plan.write_text(good, encoding="utf-8")
    server.wait_until(lambda: server.state()["error"] is None)
    assert 'role="alert"' not in server.get("/2020/soumu.html")[1]


def test_serve_serves_nothing_outside_the_site(served: tuple[Server, Path], tmp_path: Path):
    server, _ = served
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    for path in ("/../secret.txt", "/../../secret.txt", "/%2e%2e/secret.txt",
                 "/2020/..%2f..%2fsecret.txt", "/../out/../secret.txt", "//etc/passwd"):
        status, body = server.get(path)
        assert status == 404 and "secret" not in body, path
    assert server.get("/")[0] == 200
    assert server.get("/assets/style.css")[0] == 200


def test_resolve_refuses_escapes_and_links_out(tmp_path: Path):
    site = tmp_path / "site"
    (site / "2020").mkdir(parents=True)
    (site / "index.html").write_text("top", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    (site / "link.txt").symlink_to(tmp_path / "secret.txt")
    assert resolve(site, "/") == (site / "index.html").resolve()
    assert resolve(site, "/index.html?x=1") == (site / "index.html").resolve()
    assert resolve(site, "/link.txt") is None
    assert resolve(site, "/../secret.txt") is None
    assert resolve(site, "/%2e%2e/secret.txt") is None
    assert resolve(site, "/2020/") is None  # a folder without index.html



def test_serve_explains_a_taken_port_or_a_missing_folder(sample_copy: Path, tmp_path: Path):
    from typer.testing import CliRunner

    from jigyo.cli import app

    runner = CliRunner()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        result = runner.invoke(app, ["serve", "--plans", str(sample_copy), "--out",
                                     str(tmp_path / "out"), "--port", port])
    assert result.exit_code == 1 and "サーバーを起動できません" in result.output
    result = runner.invoke(app, ["serve", "--plans", str(tmp_path / "none"), "--port", "0"])
    assert result.exit_code == 1 and "計画フォルダがありません" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
