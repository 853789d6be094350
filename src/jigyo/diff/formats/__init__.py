"""The one registry of diff formats: the command line reads its choices from NAMES.

Each format is a module of this package with ``render(reports, options)``, which
returns text, or bytes for the formats in BINARY (Word, PDF); it is imported
only when used, so that ``jigyo --help`` stays fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..records import DiffReport
    from .options import Options

MODULES: dict[str, str] = {"text": "text", "md": "markdown", "html": "html", "json": "json_data",
                           "docx": "docx", "pdf": "pdf"}
"""Format name (as given to --format) → module of this package."""
NAMES: tuple[str, ...] = tuple(MODULES)
BINARY: frozenset[str] = frozenset({"docx", "pdf"})
"""Formats that are files, not text: written with --output (or to a pipe), never to a terminal."""


def renderer(name: str) -> Callable[[Sequence[DiffReport], Options], str | bytes]:
    module = importlib.import_module(f"{__name__}.{MODULES[name]}")
    render: Callable[[Sequence[DiffReport], Options], str | bytes] = module.render
    return render


def render(reports: Sequence[DiffReport], name: str, options: Options) -> str | bytes:
    """The reports in the format `name` (one of NAMES)."""
    from ...messages import wording

    with wording(dict(reports[0].words) if reports else {}):
        return renderer(name)(reports, options)
