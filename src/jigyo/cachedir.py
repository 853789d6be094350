"""The one folder jigyo keeps things in between runs (font coverage, measured PDF pages,
compiled templates). Everything there can be deleted at any time: it only costs the time
to work it out again, and outputs never depend on whether it was there."""

from __future__ import annotations

import os
from pathlib import Path

CACHE_SETTING = "JIGYO_CACHE_DIR"
"""Environment variable naming the folder (default: $XDG_CACHE_HOME/jigyo, ~/.cache/jigyo)."""


def cache_folder() -> Path:
    named = os.environ.get(CACHE_SETTING, "").strip()
    if named:
        return Path(named)
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base else Path.home() / ".cache") / "jigyo"
