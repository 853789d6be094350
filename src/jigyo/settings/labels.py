"""The settings (and a year's overrides) as the views' Labels.

Only what a settings file says changes a word: without one, :data:`LABELS`
comes back unchanged and every output stays byte-identical.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ..layout.labels import LABELS, Labels
from ..model import YearFile
from .model import Overrides

DEFAULT_TITLE = "事業計画"


def _pick(*values: Any) -> Any:
    return next((v for v in values if v is not None), None)


def merged(base: Overrides | None, year: Overrides | None) -> Overrides:
    """The settings file with a year's overrides on top, key by key."""
    layers = [o for o in (year, base) if o is not None]
    if not layers:
        return Overrides()

    def section(name: str) -> dict[str, Any]:
        parts = [getattr(o, name) for o in layers]
        keys = type(parts[0]).model_fields
        return {k: _pick(*(getattr(p, k) for p in parts)) for k in keys}

    return Overrides.model_validate({
        "title": _pick(*(o.title for o in layers)),
        "era": _pick(*(o.era for o in layers)),
        "period": _pick(*(o.period for o in layers)),
        "file_name": _pick(*(o.file_name for o in layers)),
        "extra_columns": _pick(*(o.extra_columns or None for o in layers)) or [],
        **{name: section(name) for name in ("levels", "numbering", "columns", "words")},
    })


def title_of(meta: YearFile | None, settings: Overrides) -> str:
    """The document's kind: the year file's title, else the settings', else 事業計画."""
    if meta is not None and "title" in meta.model_fields_set:
        return meta.title
    return settings.title or DEFAULT_TITLE


def labels_for(settings: Overrides | None, meta: YearFile | None = None) -> Labels:
    """The Labels of one year (or of the settings alone); LABELS itself when nothing is set."""
    both = merged(settings, meta.settings if meta is not None else None)
    title = title_of(meta, both)
    lv, nb, col, words = both.levels, both.numbering, both.columns, both.words
    changes: dict[str, Any] = {}

    def put(field: str, value: Any) -> None:
        if value is not None and value != getattr(LABELS, field):
            changes[field] = value

    put("kind", title)
    for name in ("department", "section", "project", "initiative", "entry", "unit", "policy",
                 "bracket_units"):
        put(name, getattr(lv, name))
    put("item", col.item or lv.item)
    put("content", col.content)
    put("target", col.target)
    policy = lv.policy or LABELS.policy
    section = lv.section or LABELS.section
    put("unit_policy", lv.unit_policy or (f"{section}の{policy}"
                                          if lv.section or lv.policy else None))
    put("initiative_number", nb.initiative)
    put("entry_number", nb.entry)
    put("numbered_item", nb.list)
    put("era_style", both.era)
    put("file_stem", both.file_name)
    if both.extra_columns:
        changes["extra_columns"] = tuple(
            (c.kind, c.key or c.kind, c.header or getattr(LABELS, c.kind if c.kind != "remarks"
                                                         else "remarks"), c.width or 18)
            for c in both.extra_columns)
    for name in ("approved", "published", "contact", "draft", "commissioned_form"):
        put(name, getattr(words, name))
    return dataclasses.replace(LABELS, **changes) if changes else LABELS


def schema_words(labels: Labels) -> dict[str, str]:
    """The project's names of its levels and columns, for :func:`jigyo.schema.schemas`."""
    names = ("content", "target", "item", "entry", "initiative", "section", "department",
             "project")
    words = {n: getattr(labels, n) for n in names if getattr(labels, n) != getattr(LABELS, n)}
    words |= {f"custom:{key}": header for kind, key, header, _ in labels.extra_columns
              if kind == "custom"}
    words |= {kind: header for kind, _, header, _ in labels.extra_columns if kind != "custom"}
    return words
