"""JSON Schema for editors: completion and inline checks while typing YAML."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .fsutil import write_atomic
from .model import Unit, YearFile

SCHEMA_FILES: dict[str, tuple[type[Unit] | type[YearFile], str]] = {
    "unit.schema.json": (Unit, "事業計画の計画単位（係・事業）ファイル"),
    "year.schema.json": (YearFile, "事業計画の年度ファイル（year.yaml）"),
}


def schemas() -> dict[str, str]:
    """File name → schema text, exactly as committed under schema/."""
    texts: dict[str, str] = {}
    for name, (cls, title) in SCHEMA_FILES.items():
        body: dict[str, Any] = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            **cls.model_json_schema(),
        }
        body["title"] = title
        texts[name] = json.dumps(body, ensure_ascii=False, indent=2) + "\n"
    return texts


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schemas().items():
        path = folder / name
        write_atomic(path, text)
        written.append(path)
    return written
