"""JSON Schema for editors: completion and inline checks while typing YAML.

Without a settings file the schemas are the ones committed under schema/.
Given a project's settings, the unit schema speaks of its columns and levels
by the project's names (the titles and descriptions editors show).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .fsutil import write_atomic
from .model import Unit, YearFile
from .settings.model import Settings

SCHEMA_FILES: dict[str, tuple[type[BaseModel], str]] = {
    "unit.schema.json": (Unit, "事業計画の計画単位（係・事業）ファイル"),
    "year.schema.json": (YearFile, "事業計画の年度ファイル（year.yaml）"),
    "settings.schema.json": (Settings, "計画の形の設定ファイル（plans/jigyo.yaml）"),
}

_RENAMED: dict[str, tuple[tuple[str, str], ...]] = {
    "content": (("Entry", "content"), ("Row", "content")),
    "target": (("Entry", "target"), ("Row", "target")),
    "item": (("Group", "item"),),
    "entry": (("Entry", "name"), ("Group", "entries")),
    "initiative": (("Unit", "initiatives"),),
    "section": (("Unit", "section"),),
    "department": (("Unit", "department"),),
    "project": (("Unit", "project"),),
    "schedule": (("Entry", "schedule"),),
    "owner": (("Entry", "owner"),),
    "budget": (("Entry", "budget"),),
    "remarks": (("Entry", "remarks"),),
}
"""Label of the project's words → (model, field) whose schema title takes it."""


def _project_words(body: dict[str, Any], words: dict[str, str]) -> None:
    """Titles of the unit schema in the project's words; the description says the default.

    `custom:<key>` words are the project's custom columns: an entry's `custom`
    then offers exactly those keys, each titled by its column's heading.
    """
    defs = body.get("$defs", {})
    custom = {k.removeprefix("custom:"): v for k, v in words.items() if k.startswith("custom:")}
    entry_custom = defs.get("Entry", {}).get("properties", {}).get("custom")
    if custom and entry_custom is not None:
        patterns = entry_custom.pop("patternProperties", {})
        value: dict[str, Any] = next(iter(patterns.values()), {})
        entry_custom["properties"] = {key: {**value, "title": header}
                                      for key, header in custom.items()}
        entry_custom["additionalProperties"] = False
    for label, places in _RENAMED.items():
        word = words.get(label)
        if not word:
            continue
        for model, field in places:
            node = body if model == body.get("title") else defs.get(model)
            prop = (node or {}).get("properties", {}).get(field)
            if prop is not None:
                prop["title"] = word


def schemas(words: dict[str, str] | None = None) -> dict[str, str]:
    """File name → schema text; without `words`, exactly as committed under schema/.

    `words` maps a level or column (content, target, item, entry, initiative,
    section, department, project) to the project's name for it.
    """
    texts: dict[str, str] = {}
    for name, (cls, title) in SCHEMA_FILES.items():
        body: dict[str, Any] = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            **cls.model_json_schema(),
        }
        if words and cls is Unit:
            _project_words(body, words)
        body["title"] = title
        texts[name] = json.dumps(body, ensure_ascii=False, indent=2) + "\n"
    return texts


def write_schemas(folder: Path, words: dict[str, str] | None = None) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schemas(words).items():
        path = folder / name
        write_atomic(path, text)
        written.append(path)
    return written
