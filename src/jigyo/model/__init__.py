"""The plan model: what a year file and a unit file may say.

The models mirror the YAML exactly (keys are short English words, values are
Japanese as written), so that the JSON Schema generated from them is what
editors use for completion. The value kinds are in :mod:`.text`, a unit file
in :mod:`.unit`, the year file in :mod:`.year`; everything is importable from here.
"""

from __future__ import annotations

from typing import Literal

from .text import Lines, Slug, Strict, Text
from .unit import (
    BLOCK_KEYS,
    CATEGORIES,
    STATUSES,
    Block,
    Budget,
    BulletCell,
    Bullets,
    Cell,
    Entry,
    Funding,
    Group,
    Heading,
    Initiative,
    Numbered,
    Paragraph,
    Policy,
    Row,
    RowCell,
    Spanning,
    Unit,
)
from .year import Department, Goal, YearFile

__all__ = [
    "BLOCK_KEYS", "CATEGORIES", "STATUSES", "Block", "Budget", "BulletCell", "Bullets", "Cell",
    "Department", "Entry", "Funding", "Goal", "Group", "Heading", "Initiative", "Lines",
    "Numbered", "Paragraph", "Policy", "Row", "RowCell", "SchemaKind", "Slug", "Spanning",
    "Strict", "Text", "Unit", "YearFile",
]

SchemaKind = Literal["unit", "year"]
