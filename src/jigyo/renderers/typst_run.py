"""Typst compiles in child processes, each bounded in time and memory.

A pathological plan (a line of megabytes, a table of tens of thousands of rows)
makes Typst run for minutes and grow without bound; each child is stopped at the
limits and the PDF skipped with a message, the other formats are still written.
Several compiles (the parts of a large plan) run side by side, at most one per
core and never more than :data:`JOBS`, so that their memory adds up to little.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path
from typing import IO

from ..fonts import FontChoice
from .skipped import FormatSkipped
from .templating import folder
from .typst_child import OUT_OF_MEMORY

TYPST_TEMPLATES = folder("typst")
_CHILD = Path(__file__).with_name("typst_child.py")

TIMEOUT_SETTING = "JIGYO_PDF_TIMEOUT"
MEMORY_SETTING = "JIGYO_PDF_MEMORY"
COMPILE_SECONDS = 60
"""The longest one compile may run (the real year takes about a second and a half)."""
COMPILE_MEGABYTES = 2048
"""The address space one compile may use, in MB (the real year needs about 500)."""
JOBS = 2
"""Compiles run side by side at most (the parts of a plan are sized for this)."""


def limit(setting: str, default: int) -> int:
    """A positive whole number from the environment variable `setting`, else `default`."""
    value = os.environ.get(setting, "").strip()
    if not value:
        return default
    if not value.isdigit() or int(value) <= 0:
        raise FormatSkipped("pdf_limit_setting", setting=setting, value=value)
    return int(value)


@cache
def _typst_path() -> str:
    """The folder typst is imported from: the child starts without the site set-up."""
    import importlib.util

    spec = importlib.util.find_spec("typst")
    if spec is None or spec.origin is None:
        raise FormatSkipped("pdf_compile_failed", detail="typst is not installed")
    return str(Path(spec.origin).parent.parent)


Answer = tuple[int, bytes]
"""A child's answer: its status (0, or typst_child.FAILED with the message) and its bytes."""


def _answers(stream: IO[bytes], into: queue.Queue[Answer | None]) -> None:
    """Every answer the child writes, until it ends (then None): read in a thread of its own,
    so that waiting for one can time out on every system (select() cannot on Windows)."""
    with contextlib.suppress(OSError, ValueError, KeyError):
        while header := stream.readline():
            meta = json.loads(header)
            into.put((int(meta["status"]), stream.read(int(meta["size"]))))
    into.put(None)


class Session:
    """One child process (typst_child.py) compiling one document after another with
    one Typst compiler: a year placed right after it was measured reuses the fonts
    and layouts the measuring loaded. The child starts at the first request and
    ends with the session; each request is bounded by the time limit."""

    def __init__(self, fonts: FontChoice) -> None:
        self.fonts = fonts
        self.seconds = limit(TIMEOUT_SETTING, COMPILE_SECONDS)
        self.megabytes = limit(MEMORY_SETTING, COMPILE_MEGABYTES)
        self._child: subprocess.Popen[bytes] | None = None
        self._errors: IO[bytes] | None = None
        self._answers: queue.Queue[Answer | None] = queue.Queue()
        self._reader: threading.Thread | None = None
        self._resources = contextlib.ExitStack()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _start(self) -> subprocess.Popen[bytes]:
        params = {
            "root": str(TYPST_TEMPLATES),
            "font_paths": self.fonts.folders,
            "sys_inputs": {"body-font": self.fonts.body.family,
                           "heading-font": self.fonts.heading.family},
            "memory": self.megabytes * 1024 * 1024,
            "path": [_typst_path()],
        }
        # a file, not a pipe: a child writing much there never waits for this process
        self._errors = self._resources.enter_context(tempfile.TemporaryFile())  # noqa: SIM115
        child = self._resources.enter_context(subprocess.Popen(
            [sys.executable, "-I", "-S", str(_CHILD), json.dumps(params)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._errors,
            # few malloc arenas: each reserves 64 MB of address space per thread,
            # which on a many-core machine would count against the cap
            env={**os.environ, "MALLOC_ARENA_MAX": "2"},
        ))
        assert child.stdout is not None
        self._answers = queue.Queue()
        self._reader = threading.Thread(target=_answers, args=(child.stdout, self._answers),
                                        daemon=True)
        self._reader.start()
        return child

    def run(self, source: str, query: str | None = None) -> bytes:
        """The PDF of `source` or, with `query` (a Typst selector), the metadata found, as JSON."""
        if self._child is None:
            self._child = self._start()
        child = self._child
        assert child.stdin is not None
        body = source.encode()
        try:
            child.stdin.write(json.dumps({"query": query, "size": len(body)}).encode() + b"\n")
            child.stdin.write(body)
            child.stdin.flush()
        except OSError:  # the child has ended: why is in its status
            raise self._ended(child) from None
        try:
            answer = self._answers.get(timeout=self.seconds)
        except queue.Empty:
            self.close()
            raise FormatSkipped("pdf_compile_timeout", seconds=self.seconds,
                                setting=TIMEOUT_SETTING) from None
        if answer is None:
            raise self._ended(child)
        status, data = answer
        if status != 0:
            detail = data.decode("utf-8", "replace").strip() or f"status {status}"
            raise FormatSkipped("pdf_compile_failed", detail=detail)
        if query is None and not data.startswith(b"%PDF"):
            raise FormatSkipped("pdf_compile_failed", detail="no PDF")
        return data

    def _ended(self, child: subprocess.Popen[bytes]) -> FormatSkipped:
        """Why the child ended before answering."""
        status = child.wait()
        errors = self._errors
        detail = ""
        if errors is not None:
            errors.seek(0)
            detail = errors.read().decode("utf-8", "replace").strip()
        self.close()
        if status in (OUT_OF_MEMORY, -signal.SIGABRT, -signal.SIGKILL, -signal.SIGSEGV):
            return FormatSkipped("pdf_compile_memory", megabytes=self.megabytes,
                                 setting=MEMORY_SETTING)
        return FormatSkipped("pdf_compile_failed", detail=detail or f"status {status}")

    def close(self) -> None:
        """End the child: it holds nothing but its compiler's memory, stopped at once."""
        if self._child is not None:
            self._child.kill()
            self._child.wait()
        if self._reader is not None:
            self._reader.join()  # it ends at the end of the child's output
        self._resources.close()  # the pipes closed, the file removed
        self._child, self._errors, self._reader = None, None, None


def compile_pdf(source: str, fonts: FontChoice, session: Session | None = None) -> bytes:
    """The PDF of one Typst document; fonts only from the chosen folders (in `session`'s
    child when given, else in a child of its own)."""
    if session is not None:
        return session.run(source)
    with Session(fonts) as own:
        return own.run(source)


def query_values(source: str, fonts: FontChoice, label: str,
                 session: Session | None = None) -> list[object]:
    """The values of the metadata labelled `label` in one Typst document, in document order."""
    if session is None:
        with Session(fonts) as own:
            return query_values(source, fonts, label, own)
    found = json.loads(session.run(source, f"<{label}>"))
    return found if isinstance(found, list) else []


def _jobs(count: int) -> int:
    return max(1, min(JOBS, os.cpu_count() or 1, count))


def compile_all(sources: Sequence[str], fonts: FontChoice, folder: Path) -> list[Path]:
    """The PDFs of several documents, compiled :data:`JOBS` at a time, as files in `folder`
    (not held in memory: all the parts of a large plan are a few hundred MB)."""
    def one(numbered: tuple[int, str]) -> Path:
        path = folder / f"part-{numbered[0]}.pdf"
        path.write_bytes(compile_pdf(numbered[1], fonts))
        return path

    with ThreadPoolExecutor(max_workers=_jobs(len(sources))) as pool:
        return list(pool.map(one, enumerate(sources)))


def query_all(sources: Sequence[str], fonts: FontChoice, label: str) -> list[list[object]]:
    """:func:`query_values` of several documents, :data:`JOBS` at a time, in order."""
    with ThreadPoolExecutor(max_workers=_jobs(len(sources))) as pool:
        return list(pool.map(lambda s: query_values(s, fonts, label), sources))
