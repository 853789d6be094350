"""Local preview: build the site, serve it on 127.0.0.1, rebuild and reload on every save.

A plan error never stops the preview: the last good site stays up, the error
is shown in the terminal and on top of every page, and the next save that
fixes it brings the page back. Only files inside the built site folder are
served; the live-reload script is added to pages as they are sent and is
never written into the build.
"""

from __future__ import annotations

import errno
import json
import mimetypes
import re
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
from .errors import JigyoError, PlanError
from .failures import os_error_text, os_reason, show_traceback_if_debugging
from .messages import Lang, message
from .renderers.templating import TEMPLATES
from .reuse import Reuse


class ServeError(JigyoError):
    """The preview cannot start (no plans folder, the port is taken)."""

HOST = "127.0.0.1"
STATE_PATH = "/__jigyo__/state"
POLL_MS = 500
BACKLOG = 128
"""Connections waiting to be accepted; a page with many assets opens a burst of them."""
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "[::1]"})
"""The only names a page may reach the server by: any other Host is DNS rebinding."""
BANNER_ID = "jigyo-serve-error"


@dataclass
class BuildState:
    """The outcome of the latest build; `version` changes on every rebuild, good or bad."""

    version: int = 0
    error: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)
    building: threading.Lock = field(default_factory=threading.Lock)
    """Held while building: two builds into one folder at once would collide."""
    reuse: Reuse = field(default_factory=Reuse)
    """What each build leaves for the next: a save rebuilds only what depends on the file."""

    def snapshot(self) -> tuple[int, str | None]:
        with self.lock:
            return self.version, self.error


def _build_error(err: Exception, lang: Lang) -> str:
    """What went wrong with a build, worded for the banner and the terminal."""
    if isinstance(err, PlanError):
        lines = [p.format(lang) for p in err.problems]
        return "\n".join([*lines, message("serve_plan_problems", lang, count=len(lines))])
    if isinstance(err, JigyoError):
        return err.text(lang)
    if isinstance(err, OSError):
        return message("serve_build_failed", lang, detail=os_error_text(err, lang))
    show_traceback_if_debugging(err)
    return message("serve_bug", lang, kind=type(err).__name__)


def rebuild(plans_dir: Path, out_dir: Path, state: BuildState,
            report: Callable[[str, bool], None], lang: Lang = "ja") -> None:
    """Build the site once, recording any failure instead of raising it.

    Whatever the build raises (a plan error, a full disk, a RecursionError
    from a pathological plan, a bug) becomes the page's banner, and the
    watcher goes on: the next save builds again.
    """
    error: str | None = None
    try:
        with state.building:
            build(plans_dir, out_dir, ["html"], reuse=state.reuse)
    except Exception as err:  # the preview outlives every failure of one build
        error = _build_error(err, lang)
    with state.lock:
        state.version += 1
        state.error = error
    report(error or message("serve_built", lang), error is not None)


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


def _error_banner(error: str, lang: Lang) -> str:
    """A banner fixed to the top of the window; the page moves down by its height."""
    return (
        f'<div id="{BANNER_ID}" role="alert" style="position:fixed;top:0;left:0;right:0;'
        "z-index:2147483647;max-height:45vh;overflow:auto;box-sizing:border-box;margin:0;"
        "background:#fff;color:#8a1c00;border-bottom:3px solid #8a1c00;"
        "box-shadow:0 2px 6px rgba(0,0,0,.3);padding:.5em 1em;white-space:pre-wrap;"
        'font:14px/1.5 monospace;text-align:left">'
        f'<strong>{escape(message("serve_banner", lang))}</strong>\n{escape(error)}</div>'
        f"<script>(function(){{var b=document.getElementById('{BANNER_ID}');"
        "function fit(){document.body.style.paddingTop=b.offsetHeight+'px';}"
        "fit();window.addEventListener('resize',fit);})();</script>"
    )


_BODY = re.compile(rb"<body\b[^>]*>", re.IGNORECASE)


def inject(page: bytes, version: int, error: str | None, lang: Lang = "ja") -> bytes:
    """A served page with the live-reload script and, after a failed build, the error.

    The banner goes first in the body, so that it is the first thing read
    aloud too; the script goes last.
    """
    banner = _error_banner(error, lang).encode() if error else b""
    opening = _BODY.search(page)
    at = opening.end() if opening else 0
    page = page[:at] + banner + page[at:]
    script = _reload_script(version).encode()
    end = page.rfind(b"</body>")
    return page[:end] + script + page[end:] if end >= 0 else page + script


def host_allowed(host: str | None, port: int) -> bool:
    """Whether a request's Host header names this server on loopback (not a rebound name)."""
    if not host:
        return False
    host = host.strip().lower()
    if host.startswith("["):
        name, _, rest = host.partition("]")
        name += "]"
    else:
        name, colon, rest = host.partition(":")
        rest = colon + rest
    if rest and not rest.startswith(":"):
        return False
    given = rest[1:] if rest else "80"
    return name in LOOPBACK_NAMES and given == str(port)


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


def _not_found_page(lang: Lang) -> bytes:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{escape(message('serve_not_found_title', lang))}</title></head><body>"
        f"<h1>{escape(message('serve_not_found', lang))}</h1>"
        f'<p><a href="/index.html">{escape(message("serve_to_top", lang))}</a></p></body></html>'
    ).encode()


def _handler(site: Path, state: BuildState, lang: Lang) -> type[BaseHTTPRequestHandler]:
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
            if not host_allowed(self.headers.get("Host"), getattr(self.server, "port", 0)):
                text = message("serve_bad_host", lang) + "\n"
                self._send(HTTPStatus.FORBIDDEN, text.encode(), "text/plain; charset=utf-8")
                return
            version, error = state.snapshot()
            if urlsplit(self.path).path == STATE_PATH:
                data = json.dumps({"version": version, "error": error}, ensure_ascii=False)
                self._send(HTTPStatus.OK, data.encode(), "application/json; charset=utf-8")
                return
            path = resolve(site, self.path)
            if path is None:
                page = inject(_not_found_page(lang), version, error, lang)
                self._send(HTTPStatus.NOT_FOUND, page, "text/html; charset=utf-8")
                return
            body = path.read_bytes()
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            if kind == "text/html":
                body = inject(body, version, error, lang)
            if kind.startswith("text/") or kind in ("application/javascript", "application/xml"):
                kind += "; charset=utf-8"
            self._send(HTTPStatus.OK, body, kind)

    return Handler


class PreviewServer(ThreadingHTTPServer):
    """Answers each connection in its own thread, with room for a burst of them."""

    daemon_threads = True
    request_queue_size = BACKLOG

    def __init__(self, port: int, handler: type[BaseHTTPRequestHandler],
                 tell: Callable[[str, bool], None], lang: Lang) -> None:
        self.tell, self.lang = tell, lang
        super().__init__((HOST, port), handler)
        self.port = int(self.server_address[1])

    def handle_error(self, request: object, client_address: object) -> None:
        """A closed browser tab is not news; anything else gets one line, not a traceback."""
        err = sys.exc_info()[1]
        if isinstance(err, ConnectionError | TimeoutError):
            return
        if err is not None:
            show_traceback_if_debugging(err)
        self.tell(message("serve_request_failed", self.lang, kind=type(err).__name__), True)


def fingerprint(paths: list[Path]) -> dict[str, tuple[int, int]]:
    """Size and modification time of every file under `paths` (a vanished file is left out)."""
    found: dict[str, tuple[int, int]] = {}
    for p in paths:
        for f in sorted(p.rglob("*")):
            try:
                if f.is_file():
                    st = f.stat()
                    found[str(f)] = (st.st_size, st.st_mtime_ns)
            except OSError:
                continue
    return found


def watch_and_rebuild(plans_dir: Path, out_dir: Path, state: BuildState,
                      report: Callable[[str, bool], None], stop: threading.Event,
                      ready: threading.Event, lang: Lang = "ja") -> None:
    """Rebuild whenever a plan (or a template) is saved, until `stop` is set.

    `ready` is set once the watcher runs; a save made before that (while the
    first build ran) is caught by comparing the files with how they were.
    Nothing a build raises ends this loop (see :func:`rebuild`); should the
    watching itself fail, it is said and the watching starts again.
    """
    from watchfiles import watch

    project = plans_dir.resolve().parent / "templates"  # a council's own templates
    paths = [plans_dir] + [p for p in (TEMPLATES, project) if p.is_dir()]
    before = fingerprint(paths)
    said: str | None = None
    while not stop.is_set():
        try:
            for changes in watch(*paths, stop_event=stop, debounce=200, step=50,
                                 yield_on_timeout=True, rust_timeout=250):
                if not ready.is_set():
                    ready.set()
                    if fingerprint(paths) != before:
                        rebuild(plans_dir, out_dir, state, report, lang)
                        continue
                if changes:
                    rebuild(plans_dir, out_dir, state, report, lang)
        except Exception as err:  # the watcher must outlive anything; say it (once) and go on
            show_traceback_if_debugging(err)
            detail = (os_error_text(err, lang) if isinstance(err, OSError)
                      else message("serve_bug_short", lang, kind=type(err).__name__))
            text = message("serve_watch_failed", lang, detail=detail)
            if text != said:
                report(text, True)
                said = text
            stop.wait(1.0)


def serve(plans_dir: Path, out_dir: Path, port: int,
          announce: Callable[[str, bool], None] | None = None, lang: Lang = "ja") -> None:
    """Run the preview until interrupted (Ctrl+C); messages go to `announce` (text, is_error)."""

    def say(text: str, is_error: bool) -> None:
        print(text, file=sys.stderr if is_error else sys.stdout, flush=True)

    tell = announce or say
    if not plans_dir.is_dir():
        raise ServeError("serve_no_plans", path=plans_dir.as_posix())
    state = BuildState()
    site = out_dir / FORMATS["html"].folder
    try:  # fails early if the port is taken
        server = PreviewServer(port, _handler(site, state, lang), tell, lang)
    except OSError as err:
        if err.errno == errno.EADDRINUSE:
            raise ServeError("serve_port_taken", port=port) from None
        raise ServeError("serve_cannot_start", port=port, reason=os_reason(err, lang)) from None
    stop, ready = threading.Event(), threading.Event()
    watcher = threading.Thread(
        target=watch_and_rebuild, args=(plans_dir, out_dir, state, tell, stop, ready, lang),
        daemon=True,
    )
    try:
        watcher.start()
        rebuild(plans_dir, out_dir, state, tell, lang)
        ready.wait(timeout=10)
        url = f"http://{HOST}:{server.port}/"
        tell(message("serve_listening", lang, url=url), False)
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        tell(message("serve_stopping", lang), False)
    finally:
        stop.set()
        server.server_close()
        if watcher.is_alive():
            watcher.join(timeout=2)
