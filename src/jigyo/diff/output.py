"""Writing a report to a file: replaced whole or not at all."""

from __future__ import annotations

from pathlib import Path

from ..fsutil import write_atomic


def save(path: Path, text: str | bytes) -> None:
    """Write a report (text as UTF-8) so that the file is replaced whole or not at all."""
    write_atomic(path, text)
