"""Typst compiles in child processes, each bounded in time and memory.

A pathological plan (a line of megabytes, a table of tens of thousands of rows)
makes Typst run for minutes and grow without bound; each child is stopped at the
limits and the PDF skipped with a message, the other formats are still written.
Several compiles (the parts of a large plan) run side by side, at most one per
core and never more than :data:`JOBS`, so that their memory adds up to little.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path

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


def _run(source: str, fonts: FontChoice, query: str | None) -> bytes:
    seconds = limit(TIMEOUT_SETTING, COMPILE_SECONDS)
    megabytes = limit(MEMORY_SETTING, COMPILE_MEGABYTES)
    params = {
        "root": str(TYPST_TEMPLATES),
        "font_paths": fonts.folders,
        "sys_inputs": {"body-font": fonts.body.family, "heading-font": fonts.heading.family},
        "memory": megabytes * 1024 * 1024,
        "path": [_typst_path()],
        "query": query,
    }
    try:
        done = subprocess.run(
            [sys.executable, "-I", "-S", str(_CHILD), json.dumps(params)],
            input=source.encode(), capture_output=True, timeout=seconds, check=False,
            # few malloc arenas: each reserves 64 MB of address space per thread,
            # which on a many-core machine would count against the cap
            env={**os.environ, "MALLOC_ARENA_MAX": "2"},
        )
    except subprocess.TimeoutExpired as err:
        raise FormatSkipped("pdf_compile_timeout", seconds=seconds, setting=TIMEOUT_SETTING) from err
    if done.returncode == 0 and (query is not None or done.stdout.startswith(b"%PDF")):
        return done.stdout
    if done.returncode in (OUT_OF_MEMORY, -signal.SIGABRT, -signal.SIGKILL, -signal.SIGSEGV):
        raise FormatSkipped("pdf_compile_memory", megabytes=megabytes, setting=MEMORY_SETTING)
    detail = done.stderr.decode("utf-8", "replace").strip() or f"status {done.returncode}"
    raise FormatSkipped("pdf_compile_failed", detail=detail)


def compile_pdf(source: str, fonts: FontChoice) -> bytes:
    """The PDF of one Typst document; fonts only from the chosen folders."""
    return _run(source, fonts, None)


def query_values(source: str, fonts: FontChoice, label: str) -> list[object]:
    """The values of the metadata labelled `label` in one Typst document, in document order."""
    found = json.loads(_run(source, fonts, f"<{label}>"))
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
