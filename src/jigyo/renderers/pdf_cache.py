"""Measured pages kept between builds, per unit, by the hash of everything they depend on.

Measuring is half of a PDF build's cost; a unit's measured pages (pdf_parts)
depend only on its Typst call, the document's start (preamble, 基本方針), the
layout templates, the Typst version and the font files. Kept under the cache
folder (cachedir.cache_folder); an edit of one unit measures that unit again, an
unchanged year none. A damaged or missing entry is measured afresh; a failure
to write only costs the time again.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from ..cachedir import cache_folder
from ..fonts import FontChoice
from .typst_run import TYPST_TEMPLATES

_LAYOUT = ("jigyo.typ", "pages.typ")


def common_key(front: str, fonts: FontChoice) -> str:
    """What every unit's measurement depends on besides its own call."""
    import typst

    digest = hashlib.sha256()
    digest.update(f"{getattr(typst, '__version__', '')}\0{front}\0".encode())
    for face in (fonts.body, fonts.heading):
        info = face.path.stat()
        digest.update(f"{face.family}\0{face.path}\0{face.index}\0{info.st_mtime_ns}\0"
                      f"{info.st_size}\0".encode())
    for name in _LAYOUT:
        digest.update((TYPST_TEMPLATES / name).read_bytes())
    return digest.hexdigest()


def _entry(common: str, code: str) -> Path:
    key = hashlib.sha256(f"{common}\0{code}".encode()).hexdigest()[:40]
    return cache_folder() / "pages" / f"{key}.json"


def load(common: str, code: str) -> dict[str, Any] | None:
    try:
        value = json.loads(_entry(common, code).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return value if isinstance(value, dict) else None


def store(common: str, code: str, value: dict[str, Any]) -> None:
    path = _entry(common, code)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps(value), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        pass
