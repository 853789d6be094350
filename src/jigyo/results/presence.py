"""Whether a plans folder holds anything the results code reads, asked before importing it.

`jigyo check` of plans without results (no `results/` folder in any year and no
plans/jigyo.yaml, whose `results:` settings are checked too) has nothing to
report about results; answering that from two file-system tests spares it
importing the views and the results models.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..settings import SETTINGS_FILE

FOLDER = "results"
"""A year's results folder, next to its unit files."""


def has_results(plans_dir: Path, year_folders: Iterable[Path]) -> bool:
    """True when the results loader could find a file to read (settings or results)."""
    return (plans_dir / SETTINGS_FILE).is_file() or any(
        (folder / FOLDER).exists() for folder in year_folders)
