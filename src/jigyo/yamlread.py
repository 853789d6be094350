"""Reading YAML safely, keeping where every value was written.

Plans are written by hand, so every scalar stays the text the user typed
(`12`, `2020-09-10`, `no` and `1,000` are not turned into numbers, dates or
booleans), and every value keeps its line and column so that a validation
error can point back into the file. Tags, aliases and duplicate keys are
refused: they are never needed in a plan and only make files unsafe or
ambiguous.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .messages import msg
from .problems import Problem, problem

# The base resolver gives every plain scalar the str tag, which is what a plan
# wants and is much faster than resolving ints, floats and dates only to
# ignore them. The C parser is used where libyaml is available.
try:
    _Loader: Any = yaml.CBaseLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.BaseLoader

Path_ = tuple[str | int, ...]
"""A path into the loaded data: mapping keys and list indexes."""

_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {
    _CORE + name for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}
_NULLS = {"", "~", "null", "Null", "NULL"}

# PyYAML explains syntax errors in English parser terms; the usual slips of
# people typing Japanese text get a plain Japanese explanation instead.
_SYNTAX_HINTS = (
    ("mapping values are not allowed", "yaml_colon"),
    ("expected ',' or ']'", "yaml_flow"),
    ("expected ',' or '}'", "yaml_flow"),
    ("found unexpected end of stream", "yaml_unclosed"),
    ("expected <block end>", "yaml_indent"),
    ("could not find expected ':'", "yaml_indent"),
)


@dataclass
class Document:
    """A YAML file as plain data, with the position of each value and key.

    Positions are only needed to report a problem, so they are recorded by a
    second, tracking pass over the text the first time one is asked for.
    """

    path: Path
    data: Any
    text: str = field(default="", repr=False)
    _values: dict[Path_, tuple[int, int]] | None = field(default=None, repr=False)
    _keys: dict[Path_, tuple[int, int]] | None = field(default=None, repr=False)

    def _track(self) -> None:
        if self._values is None:
            self._values, self._keys = {}, {}
            _document(self.path, self.text, self)

    @property
    def values(self) -> dict[Path_, tuple[int, int]]:
        self._track()
        assert self._values is not None
        return self._values

    @property
    def keys(self) -> dict[Path_, tuple[int, int]]:
        self._track()
        assert self._keys is not None
        return self._keys

    def position(self, where: Path_, *, key: bool = False) -> tuple[int, int]:
        """The 1-based (line, column) of a value, or of the nearest enclosing one."""
        table = self.keys if key else self.values
        if where in table:
            return table[where]
        for cut in range(len(where) - 1, -1, -1):
            if where[:cut] in self.values:
                return self.values[where[:cut]]
        return (1, 1)


class _Refused(Exception):
    def __init__(self, found: Problem) -> None:
        self.problem = found


def decode(path: Path, raw: bytes) -> str:
    """UTF-8 text of a file; raises _Refused naming the first bad byte."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        before = raw[: err.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        hint: object = ""
        try:
            raw.decode("cp932")
            hint = msg("not_utf8_sjis")
        except UnicodeDecodeError:
            pass
        raise _Refused(problem(path, line, column, "not_utf8", hint=hint)) from None
    return text


def _mark(event: yaml.Event) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


class _Builder:
    """Builds plain data from the parser's events.

    Working on events rather than composed nodes skips PyYAML's tag resolution
    (every scalar stays text anyway) and sees each alias where it is used.
    With `tracked`, the position of every value and key is recorded in it.
    """

    def __init__(self, path: Path, events: Iterator[yaml.Event], tracked: Document | None):
        self.path = path
        self.events = events
        self.values = tracked._values if tracked is not None else None
        self.keys = tracked._keys if tracked is not None else None

    def value(self, event: yaml.Event, where: Path_) -> Any:
        if self.values is not None:
            self.values[where] = _mark(event)
        if isinstance(event, yaml.ScalarEvent):
            if event.tag is not None and event.tag != "!" and event.tag not in _ALLOWED_TAGS:
                self._refuse_tag(event)
            if event.implicit[0] and not event.style and event.value in _NULLS:
                return None
            return event.value
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(problem(self.path, *_mark(event), "alias"))
        if event.tag is not None and event.tag not in _ALLOWED_TAGS:  # type: ignore[attr-defined]
            self._refuse_tag(event)
        if isinstance(event, yaml.SequenceStartEvent):
            return self.sequence(where)
        return self.mapping(where)

    def _refuse_tag(self, event: yaml.Event) -> None:
        tag = str(getattr(event, "tag", "")).replace(_CORE, "!!")
        raise _Refused(problem(self.path, *_mark(event), "tag", tag=tag))

    def sequence(self, where: Path_) -> list[Any]:
        items: list[Any] = []
        for item in self.events:
            if isinstance(item, yaml.SequenceEndEvent):
                break
            items.append(self.value(item, (*where, len(items)) if self.values is not None else where))
        return items

    def mapping(self, where: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_event in self.events:
            if isinstance(key_event, yaml.MappingEndEvent):
                break
            if not isinstance(key_event, yaml.ScalarEvent) or key_event.tag not in (
                None, "!", *_ALLOWED_TAGS
            ):
                raise _Refused(problem(self.path, *_mark(key_event), "key_not_text"))
            key = key_event.value
            child = (*where, key) if self.values is not None else where
            if key in result:
                if self.keys is None:
                    raise _Retrack
                raise _Refused(problem(self.path, *_mark(key_event), "duplicate_key",
                                       key=key, first_line=self.keys[child][0]))
            if self.keys is not None:
                self.keys[child] = _mark(key_event)
            result[key] = self.value(next(self.events), child)
        return result


class _Retrack(Exception):
    """The fast pass found a problem whose message needs recorded positions."""


def _document(path: Path, text: str, tracked: Document | None = None) -> Document | None:
    """The single document of a file (None for an empty file).

    Without `tracked`, no positions are kept (the fast path); with it, the
    positions are recorded into that document.
    """
    loader = _Loader(text)
    try:
        events: Iterator[yaml.Event] = iter(loader.get_event, None)
        doc: Document | None = None
        for event in events:
            if isinstance(event, yaml.StreamEndEvent):
                break
            if isinstance(event, yaml.DocumentStartEvent):
                if doc is not None:
                    raise _Refused(problem(path, *_mark(event), "yaml_multi"))
                doc = tracked or Document(path, None, text)
                builder = _Builder(path, events, tracked)
                doc.data = builder.value(next(events), ())
        return doc
    finally:
        loader.dispose()


def _char_at(text: str, line: int, column: int) -> str:
    rows = text.splitlines()
    if 0 < line <= len(rows) and 0 < column <= len(rows[line - 1]):
        return rows[line - 1][column - 1]
    return ""


def read(path: Path) -> tuple[Document | None, list[Problem]]:
    """Read one YAML file; on failure return the located problem instead."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        return None, [problem(path, 1, 1, "unreadable", detail=err.strerror or str(err))]
    return parse(path, raw)


def parse(path: Path, raw: bytes) -> tuple[Document | None, list[Problem]]:
    """Parse the bytes of a YAML file that `path` names (it need not exist on disk)."""
    try:
        text = decode(path, raw)
        try:
            doc = _document(path, text)
        except _Retrack:
            doc = Document(path, None, text, {}, {})
            _document(path, text, doc)
        if doc is None or doc.data is None:
            return None, [problem(path, 1, 1, "empty_file")]
    except _Refused as refused:
        return None, [refused.problem]
    except yaml.MarkedYAMLError as err:
        where = err.problem_mark or err.context_mark
        line, column = (where.line + 1, where.column + 1) if where else (1, 1)
        detail = " ".join(part for part in (err.context, err.problem) if part)
        hint = next((code for needle, code in _SYNTAX_HINTS if needle in detail), None)
        if _char_at(text, line, column) == "\t":
            hint = "yaml_tab"
        if hint is not None:
            return None, [problem(path, line, column, hint)]
        return None, [problem(path, line, column, "yaml_syntax", detail=detail)]
    except yaml.YAMLError as err:  # e.g. a control character the reader refuses
        return None, [problem(path, 1, 1, "yaml_syntax", detail=str(err).splitlines()[0])]
    if not isinstance(doc.data, dict):
        return None, [problem(path, *doc.values[()], "root_not_mapping")]
    return doc, []
