"""Writing a report to a file: replaced whole or not at all."""

from __future__ import annotations

import os
from pathlib import Path


def _write_atomic(path: Path, data: bytes) -> None:
    """Write `data` beside `path`, then move it into place in one step."""
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = path.with_name(f".{path.name}.new-{os.getpid()}")
    try:
        staging.write_bytes(data)
        os.replace(staging, path)
    finally:
        if staging.exists():
            staging.unlink()


def save(path: Path, text: str) -> None:
    """Write a report as UTF-8 so that the file is replaced whole or not at all."""
    _write_atomic(path, text.encode("utf-8"))
