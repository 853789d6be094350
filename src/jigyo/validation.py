"""Validating a YAML document against a model, with pydantic's errors mapped back to the file.

Every pydantic error type gets a message from the catalogue through one
declared table (:data:`ERRORS`); a type the table does not name still gets a
generic message in the user's language, never pydantic's English text. The
models and their fields are found by walking :mod:`jigyo.model` from the two
file models, so a new model or field is known here without a second list.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar, get_args

from pydantic import BaseModel, ValidationError

from . import model
from .messages import Msg, msg
from .problems import Problem, problem
from .yamlread import Document, Path_

M = TypeVar("M", bound=BaseModel)

# --- the models, derived from jigyo.model -------------------------------------


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The model classes an annotation can hold (through lists, unions, Annotated)."""
    found: list[type[BaseModel]] = []
    pending = [annotation]
    while pending:
        current = pending.pop(0)
        if isinstance(current, type) and issubclass(current, BaseModel):
            found.append(current)
        else:
            pending.extend(get_args(current))
    return found


def _reachable(roots: Iterable[type[BaseModel]]) -> tuple[type[BaseModel], ...]:
    seen: list[type[BaseModel]] = []
    pending = list(roots)
    while pending:
        cls = pending.pop(0)
        if cls in seen:
            continue
        seen.append(cls)
        for info in cls.model_fields.values():
            pending.extend(_models_in(info.annotation))
    return tuple(seen)


MODELS = _reachable((model.Unit, model.YearFile))
"""Every model a plan file can hold, file models first."""

# Where a key is written, in words, for "this key belongs in …".
_PLACE = {
    "Unit": "place_unit", "YearFile": "place_year", "Initiative": "place_initiative",
    "Group": "place_group", "Entry": "place_entry", "Row": "place_row",
    "Department": "place_department", "Spanning": "place_spanning",
}


def _fields() -> dict[str, str]:
    """Every key of every model, and each Japanese label → its key."""
    names: dict[str, str] = {}
    for cls in MODELS:
        for name in cls.model_fields:
            names[name] = name
    for cls in MODELS:
        for name, info in cls.model_fields.items():
            if info.title:
                names.setdefault(info.title, name)
    return names


FIELDS = _fields()
KEYS = frozenset(k for k, v in FIELDS.items() if k == v)


def models_at(root: type[BaseModel], where: Path_) -> list[type[BaseModel]]:
    """The models that the value at a data path can be (list indexes are skipped)."""
    current = [root]
    for part in where:
        if isinstance(part, int):
            continue
        current = [m for cls in current if part in cls.model_fields
                   for m in _models_in(cls.model_fields[part].annotation)]
    return current


def _below(cls: type[BaseModel]) -> set[type[BaseModel]]:
    found = set(_reachable([cls]))
    found.discard(cls)
    return found


def _suggest(root: type[BaseModel], where: Path_, key: str) -> Msg | str:
    """A hint for an unknown key: a slip, the key's real place, or a close key."""
    bare = key.lstrip("-").strip()
    if key.startswith("-") and bare in KEYS:
        return msg("hint_dash_space", key=bare)
    if "：" in key and key.split("：", 1)[0].strip() in KEYS:
        return msg("hint_fullwidth_colon")
    if key in FIELDS and FIELDS[key] != key:
        return msg("did_you_mean", key=FIELDS[key])
    owners = [cls for cls in MODELS if key in cls.model_fields]
    if owners:
        here = models_at(root, where[:-1])
        deeper = [o for o in owners if any(o in _below(h) for h in here)]
        higher = [o for o in owners if any(h in _below(o) for h in here)]
        code, owner = ("key_belongs_deeper", deeper[0]) if deeper else (
            ("key_belongs_higher", higher[-1]) if higher else ("key_belongs_elsewhere", owners[0]))
        return msg(code, key=key, place=msg(_PLACE.get(owner.__name__, "place_other")))
    close = difflib.get_close_matches(key, sorted(KEYS), n=1, cutoff=0.6)
    return msg("did_you_mean", key=close[0]) if close else ""


def _title(root: type[BaseModel], where: Path_, key: str) -> str:
    for cls in [*models_at(root, where), *MODELS]:
        info = cls.model_fields.get(key)
        if info is not None and info.title:
            return info.title
    return key


# --- pydantic errors → problems -----------------------------------------------

_KEY_VALUE = re.compile(r"^(?P<key>[a-z_][a-z0-9_]*)[ ]*(?P<colon>[:：])")


def _value_at(data: Any, where: Path_) -> Any:
    node = data
    for part in where:
        node = node[part]
    return node


def _shape_hint(value: Any) -> Msg | str:
    """Why text stands where a list or a mapping was expected, when a slip explains it."""
    if not isinstance(value, str):
        return ""
    match = _KEY_VALUE.match(value)
    if match is not None and match["key"] in KEYS:
        return msg("hint_fullwidth_colon" if match["colon"] == "：" else "hint_colon_space")
    if value.startswith("-") and not value.startswith("- "):
        return msg("hint_dash_space", key=value[1:9])
    return ""


class _Error:
    """One pydantic error, with its place in the data."""

    def __init__(self, doc: Document, root: type[BaseModel], raw: Any):
        self.doc, self.root = doc, root
        self.kind: str = raw["type"]
        # the message's own argument names cannot be parameters
        self.ctx: dict[str, Any] = {k: v for k, v in (raw.get("ctx") or {}).items()
                                    if k not in ("code", "lang")}
        self.where, self.rest = _data_path(doc.data, raw["loc"])

    def at(self, code: str, where: Path_ | None = None, /, *, at_key: bool = False,
           **params: object) -> Problem:
        spot = self.doc.position(self.where if where is None else where, key=at_key)
        return problem(self.doc.path, *spot, code, **params)


def _missing(e: _Error) -> Problem:
    key = str(e.rest[-1]) if e.rest else "?"
    return e.at("missing", key=key, title=_title(e.root, e.where, key))


def _extra(e: _Error) -> Problem:
    key = str(e.where[-1])
    return e.at("extra_forbidden", at_key=True, key=key, suggest=_suggest(e.root, e.where, key))


def _in_entry(e: _Error) -> Problem:
    entry = (*e.where, "entries", int(e.ctx["entry"]) - 1)
    column = e.ctx.get("column")
    return e.at(e.kind, (*entry, str(column)) if column else entry, **e.ctx)


def _literal(e: _Error) -> Problem:
    allowed = re.findall(r"'([^']*)'", str(e.ctx.get("expected", "")))
    return e.at("literal_error", allowed=" / ".join(allowed))


def _fixed(code: str) -> Callable[[_Error], Problem]:
    return lambda e: e.at(code)


def _with_ctx(e: _Error) -> Problem:
    return e.at(e.kind, **e.ctx)


def _generic(e: _Error) -> Problem:
    expected = re.findall(r"'([^']*)'", str(e.ctx.get("expected", "")))
    allowed = msg("allowed_values", allowed=" / ".join(expected)) if expected else ""
    return e.at("invalid_value", allowed=allowed, kind=e.kind)


_CHOICES = {
    "string_type": "choice_text", "list_type": "choice_list", "model_type": "choice_mapping",
    "model_attributes_type": "choice_mapping", "dict_type": "choice_mapping",
}
"""Type errors of a union's branches: gathered, then reported once as the forms that fit."""

ERRORS: dict[str, Callable[[_Error], Problem]] = {
    "missing": _missing,
    "extra_forbidden": _extra,
    "int_parsing": _fixed("int_parsing"),
    "int_type": _fixed("int_parsing"),
    "int_from_float": _fixed("int_parsing"),
    "bool_parsing": _fixed("bool_parsing"),
    "bool_type": _fixed("bool_parsing"),
    "literal_error": _literal,
    "span_covered": _in_entry,
    "entry_empty": _in_entry,
    **{kind: _with_ctx for kind in (
        "greater_than_equal", "less_than_equal", "string_too_long", "string_too_short",
        "too_short", "too_long", "string_pattern_mismatch", "block_kind", "rows_with_cells",
        "unnumbered_without_name", "span_too_long", "results_unknown_word",
    )},
}
"""Every pydantic error type the models raise → how it is worded; others get `_generic`."""


def _data_path(data: Any, loc: Iterable[str | int]) -> tuple[Path_, list[str | int]]:
    """Split a pydantic location into the real data path and what was left over."""
    where: list[str | int] = []
    rest: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            node = node[part]
            where.append(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            where.append(part)
        else:
            rest.append(part)
    return tuple(where), rest


def problems_from(doc: Document, root: type[BaseModel], err: ValidationError) -> list[Problem]:
    found: list[Problem] = []
    type_errors: dict[Path_, list[str]] = {}
    deep_paths: list[Path_] = []
    for raw in err.errors():
        e = _Error(doc, root, raw)
        if e.kind in _CHOICES:
            type_errors.setdefault(e.where, []).append(_CHOICES[e.kind])
            continue
        deep_paths.append(e.where)
        found.append(ERRORS.get(e.kind, _generic)(e))
    # A union (text | list | mapping) reports one type error per branch; keep
    # them only where no branch got further, and say which forms fit.
    reached = deep_paths + list(type_errors)
    for where, choices in type_errors.items():
        if where in deep_paths or any(
            len(other) > len(where) and other[: len(where)] == where for other in reached
        ):
            continue
        unique = list(dict.fromkeys(choices))
        hint = _shape_hint(_value_at(doc.data, where))
        spot = doc.position(where)
        if len(unique) == 1:
            code = {"choice_text": "string_type", "choice_list": "list_type"}.get(
                unique[0], "mapping_type"
            )
            found.append(problem(doc.path, *spot, code, hint=hint))
        else:
            forms = {f"choice{i}": msg(code) for i, code in enumerate(unique[:3])}
            found.append(problem(doc.path, *spot, f"one_of_{len(forms)}", hint=hint, **forms))
    return found


def validate(doc: Document, cls: type[M]) -> tuple[M | None, list[Problem]]:
    try:
        return cls.model_validate(doc.data), []
    except ValidationError as err:
        return None, problems_from(doc, cls, err)
