"""Local preview: build the site, serve it on 127.0.0.1, rebuild and reload on every save.

A plan error never stops the preview: the last good site stays up, the error
is shown in the terminal and on top of every page, and the next save that
fixes it brings the page back. Only files inside the built site folder are
served; the live-reload script is added to pages as they are sent and is
never written into the build.
"""

from __future__ import annotations

import json
import mimetypes
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .build import FORMATS, build
from .errors import PlanError
from .renderers.templating import TEMPLATES

HOST = "127.0.0.1"
STATE_PATH = "/__jigyo__/state"
POLL_MS = 500


@dataclass
class BuildState:
    """The outcome of the latest build; `version` changes on every rebuild, good or bad."""

    version: int = 0
    error: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)
    building: threading.Lock = field(default_factory=threading.Lock)
    """Held while building: two builds into one folder at once would collide."""

    def snapshot(self) -> tuple[int, str | None]:
        with self.lock:
            return self.version, self.error


def rebuild(plans_dir: Path, out_dir: Path, state: BuildState,
            report: Callable[[str, bool], None]) -> None:
    """Build the site once, recording an error instead of raising it."""
    error: str | None = None
    try:
        with state.building:
            build(plans_dir, out_dir, ["html"])
    except PlanError as err:
        lines = [p.format("ja") for p in err.problems]
        error = "\n".join([*lines, f"問題が {len(lines)} 件あります。前回の表示のままです。"])
    except OSError as err:
        error = f"組版できません: {err}"
    with state.lock:
        state.version += 1
        state.error = error
    report(error or "組版しました。", error is not None)


def _reload_script(version: int) -> str:
    script = (
        "(function(){var v=VERSION;function poll(){fetch(URL,{cache:'no-store'})"
        ".then(function(r){return r.json();}).then(function(s){if(s.version!==v){"
        "location.reload();}else{setTimeout(poll,POLL);}}).catch(function(){"
        "setTimeout(poll,SLOW);});}setTimeout(poll,POLL);})();"
    )
    for name, value in (("VERSION", str(version)), ("URL", json.dumps(STATE_PATH)),
                        ("POLL", str(POLL_MS)), ("SLOW", str(POLL_MS * 4))):
        script = script.replace(name, value)
    return f"<script>{script}</script>"


def _error_banner(error: str) -> str:
    return (
        '<div role="alert" style="position:sticky;top:0;z-index:100;background:#fff;'
        'color:#8a1c00;border:3px solid #8a1c00;padding:.5em 1em;white-space:pre-wrap;'
        'font-family:monospace">'
        f"計画ファイルに問題があります（直して保存すると自動で表示し直します）:\n{escape(error)}"
        "</div>"
    )


def inject(page: bytes, version: int, error: str | None) -> bytes:
    """A served page with the live-reload script and, after a failed build, the error."""
    text = page.decode("utf-8", errors="replace")
    extra = (_error_banner(error) if error else "") + _reload_script(version)
    at = text.rfind("</body>")
    text = text[:at] + extra + text[at:] if at >= 0 else text + extra
    return text.encode()


def resolve(root: Path, url_path: str) -> Path | None:
    """The file under `root` that a URL path names, or None if it is outside or absent."""
    parts = [p for p in unquote(urlsplit(url_path).path).split("/") if p]
    if any(p in (".", "..") or "\\" in p or "\0" in p or ":" in p for p in parts):
        return None
    base = root.resolve()
    target = base.joinpath(*parts) if parts else base
    if target.is_dir():
        target = target / "index.html"
    try:
        target = target.resolve(strict=True)
    except OSError:
        return None
    if not target.is_relative_to(base) or not target.is_file():
        return None
    return target


def _handler(site: Path, state: BuildState) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "jigyo"

        def log_message(self, format: str, *args: object) -> None:
            """Requests are not logged: the terminal is kept for build messages."""

        def _send(self, status: HTTPStatus, body: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def do_HEAD(self) -> None:
            self.do_GET()

        def do_GET(self) -> None:
            version, error = state.snapshot()
            if urlsplit(self.path).path == STATE_PATH:
                data = json.dumps({"version": version, "error": error}, ensure_ascii=False)
                self._send(HTTPStatus.OK, data.encode(), "application/json; charset=utf-8")
                return
            path = resolve(site, self.path)
            if path is None:
                page = inject(
                    "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\">"
                    "<title>見つかりません</title></head><body><h1>ページが見つかりません</h1>"
                    "<p><a href=\"/index.html\">トップへ</a></p></body></html>".encode(),
                    version, error,
                )
                self._send(HTTPStatus.NOT_FOUND, page, "text/html; charset=utf-8")
                return
            body = path.read_bytes()
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            if kind == "text/html":
                body = inject(body, version, error)
            if kind.startswith("text/") or kind in ("application/javascript", "application/xml"):
                kind += "; charset=utf-8"
            self._send(HTTPStatus.OK, body, kind)

    return Handler


def fingerprint(paths: list[Path]) -> dict[str, tuple[int, int]]:
    """Size and modification time of every file under `paths`."""
    return {
        str(f): (st.st_size, st.st_mtime_ns)
        for p in paths for f in sorted(p.rglob("*")) if f.is_file() and (st := f.stat())
    }


def watch_and_rebuild(plans_dir: Path, out_dir: Path, state: BuildState,
                      report: Callable[[str, bool], None], stop: threading.Event,
                      ready: threading.Event) -> None:
    """Rebuild whenever a plan (or a template) is saved, until `stop` is set.

    `ready` is set once the watcher runs; a save made before that (while the
    first build ran) is caught by comparing the files with how they were.
    """
    from watchfiles import watch

    paths = [plans_dir] + ([TEMPLATES] if TEMPLATES.is_dir() else [])
    before = fingerprint(paths)
    for changes in watch(*paths, stop_event=stop, debounce=200, step=50,
                         yield_on_timeout=True, rust_timeout=250):
        if not ready.is_set():
            ready.set()
            if fingerprint(paths) != before:
                rebuild(plans_dir, out_dir, state, report)
                continue
        if changes:
            rebuild(plans_dir, out_dir, state, report)


def serve(plans_dir: Path, out_dir: Path, port: int,
          announce: Callable[[str, bool], None] | None = None) -> None:
    """Run the preview until interrupted (Ctrl+C); messages go to `announce` (text, is_error)."""

    def say(text: str, is_error: bool) -> None:
        print(text, file=sys.stderr if is_error else sys.stdout, flush=True)

    tell = announce or say
    if not plans_dir.is_dir():
        raise NotADirectoryError(f"計画フォルダがありません: {plans_dir.as_posix()}")
    state = BuildState()
    site = out_dir / FORMATS["html"].folder
    server = ThreadingHTTPServer((HOST, port), _handler(site, state))  # fails early if taken
    server.daemon_threads = True
    stop, ready = threading.Event(), threading.Event()
    watcher = threading.Thread(
        target=watch_and_rebuild, args=(plans_dir, out_dir, state, tell, stop, ready),
        daemon=True,
    )
    try:
        watcher.start()
        rebuild(plans_dir, out_dir, state, tell)
        ready.wait(timeout=10)
        tell(f"http://{HOST}:{server.server_address[1]}/ で表示しています（Ctrl+C で終了）", False)
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        tell("終了します。", False)
    finally:
        stop.set()
        server.server_close()
        if watcher.is_alive():
            watcher.join(timeout=2)
