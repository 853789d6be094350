"""Reading plans/jigyo.yaml through the same reader and validation as the plan files.

The file is optional: when it is absent the plan keeps the council's words.
Mistakes are located problems (file:line:column, in Japanese), listed with
every other problem of the plans folder.
"""

from __future__ import annotations

from pathlib import Path

from ..problems import Problem
from ..validation import validate
from ..yamlread import read
from . import SETTINGS_FILE
from .model import Settings


def settings_path(plans_dir: Path) -> Path:
    return plans_dir / SETTINGS_FILE


def read_settings(plans_dir: Path) -> tuple[Settings | None, list[Problem]]:
    """The settings of a plans folder (None without a file), or the problems found."""
    path = settings_path(plans_dir)
    if not path.is_file():
        return None, []
    doc, problems = read(path)
    if doc is None:
        return None, problems
    if doc.data is None:
        return Settings(), []
    return validate(doc, Settings)
