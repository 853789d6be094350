"""Reading YAML safely, keeping where every value was written.

Plans are written by hand, so every scalar stays the text the user typed
(`12`, `2020-09-10`, `no` and `1,000` are not turned into numbers, dates or
booleans), and every value keeps its line and column so that a validation
error can point back into the file. Tags, aliases and duplicate keys are
refused: they are never needed in a plan and only make files unsafe or
ambiguous. So are control characters (typed or escaped), a number that a
flow list's comma would cut in two (`[1,879人]`), and anything beyond the
limits of :mod:`jigyo.limits`, each at its own line and column; syntax
errors are explained by :mod:`jigyo.yamlslips`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import yaml

from . import yamlslips
from .failures import os_reason_msg
from .limits import DEFAULT, Limits
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

# Characters that must not be in a plan: C0 and C1 controls (tab and line
# breaks aside), DEL, the line/paragraph separators and the bidirectional
# controls (they reorder what a reviewer sees), and a byte-order mark inside
# the text. In the file itself a carriage return is a line break (CRLF); in a
# value it can only come from an escape such as "\r", and is refused there.
_BAD = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff"
_BAD_IN_FILE = re.compile(f"[{_BAD}]")
_BAD_IN_VALUE = re.compile(f"[{_BAD}\r]")
_DIGITS = "0123456789"
_COMMA_DIGITS = re.compile(r",\d+", re.ASCII)
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.S)
_SHORT_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "v": "\v", "f": "\f", "r": "\r",
                  "e": "\x1b", "N": "\x85", "L": "\u2028", "P": "\u2029"}


def _unescape(escape: str) -> str:
    """The character a YAML double-quoted escape (without its backslash) stands for."""
    if len(escape) > 1:
        return chr(int(escape[1:], 16))
    return _SHORT_ESCAPES.get(escape, escape)


@dataclass
class Document:
    """A YAML file as plain data, with the position of each value and key.

    Positions are only needed to report a problem, so they are recorded by a
    second, tracking pass over the text the first time one is asked for.
    """

    path: Path
    data: Any
    text: str = field(default="", repr=False)
    limits: Limits = field(default=DEFAULT, repr=False)
    _values: dict[Path_, tuple[int, int]] | None = field(default=None, repr=False)
    _keys: dict[Path_, tuple[int, int]] | None = field(default=None, repr=False)

    def _track(self) -> None:
        if self._values is None:
            self._values, self._keys = {}, {}
            _document(self.path, self.text, self.limits, self)

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


def _line_column(text: str, index: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - start + 1


def _control(found: str) -> dict[str, object]:
    return {"char": f"U+{ord(found):04X}"}


class _Builder:
    """Builds plain data from the parser's events.

    Working on events rather than composed nodes skips PyYAML's tag resolution
    (every scalar stays text anyway) and sees each alias where it is used.
    The builder also enforces the limits (depth, list and text sizes) as it
    goes, so that an oversized file is refused at its first excess and deep
    nesting never reaches Python's recursion limit. With `tracked`, the
    position of every value and key is recorded in it.
    """

    def __init__(self, path: Path, text: str, events: Iterator[yaml.Event], limits: Limits,
                 tracked: Document | None):
        self.path = path
        self.text = text
        self.events = events
        self.limits = limits
        self.max_text = limits.text_chars
        self.left = limits.values
        self.values = tracked._values if tracked is not None else None
        self.keys = tracked._keys if tracked is not None else None

    def _refuse(self, event: yaml.Event, code: str, **params: object) -> NoReturn:
        raise _Refused(problem(self.path, *_mark(event), code, **params))

    def scalar(self, event: yaml.ScalarEvent, flow: bool) -> str:
        text: str = event.value
        if len(text) > self.max_text:
            self._refuse(event, "limit_text_chars", limit=self.max_text, size=len(text))
        style = event.style
        # The file was screened for control characters already, so only an
        # escape in a double-quoted scalar can bring one into a value.
        if style == '"':
            bad = _BAD_IN_VALUE.search(text)
            if bad is not None:
                self._refuse_control(event, bad.group())
        elif flow and not style and text and text[-1] in _DIGITS:
            self._check_comma(event)
        return text

    def _refuse_control(self, event: yaml.ScalarEvent, char: str) -> NoReturn:
        """Refuse a control character, at the escape that wrote it when there is one."""
        start, end = event.start_mark, event.end_mark
        if event.style == '"' and start is not None and end is not None:
            for escape in _ESCAPE.finditer(self.text, start.index, end.index):
                if _unescape(escape.group(1)) == char:
                    raise _Refused(problem(self.path, *_line_column(self.text, escape.start()),
                                           "control_char", **_control(char)))
        self._refuse(event, "control_char", **_control(char))

    def _check_comma(self, event: yaml.ScalarEvent) -> None:
        """Refuse `1,879` split by a flow collection's comma: the number would be cut in two."""
        if event.end_mark is None:  # pragma: no cover - the C parser always marks events
            return
        end = event.end_mark.index
        split = _COMMA_DIGITS.match(self.text, end)
        if split is not None:
            line, column = _line_column(self.text, end)
            raise _Refused(problem(self.path, line, column, "flow_comma_number",
                                   number=event.value + split.group()))

    def value(self, event: yaml.Event, where: Path_, depth: int = 0, flow: bool = False) -> Any:
        if self.values is not None:
            self.values[where] = _mark(event)
        self.left -= 1
        if self.left < 0:
            self._refuse(event, "limit_values", limit=self.limits.values)
        if isinstance(event, yaml.ScalarEvent):
            if event.tag is not None and event.tag != "!" and event.tag not in _ALLOWED_TAGS:
                self._refuse_tag(event)
            if event.implicit[0] and not event.style and event.value in _NULLS:
                return None
            return self.scalar(event, flow)
        if isinstance(event, yaml.AliasEvent):
            self._refuse(event, "alias")
        if event.tag is not None and event.tag not in _ALLOWED_TAGS:  # type: ignore[attr-defined]
            self._refuse_tag(event)
        if depth >= self.limits.depth:
            self._refuse(event, "limit_depth", limit=self.limits.depth)
        flow = flow or bool(getattr(event, "flow_style", False))
        if isinstance(event, yaml.SequenceStartEvent):
            return self.sequence(where, depth + 1, flow)
        return self.mapping(where, depth + 1, flow)

    def _refuse_tag(self, event: yaml.Event) -> NoReturn:
        tag = str(getattr(event, "tag", "")).replace(_CORE, "!!")
        self._refuse(event, "tag", tag=tag)

    def _count(self, event: yaml.Event, size: int) -> None:
        if size >= self.limits.list_items:
            self._refuse(event, "limit_list_items", limit=self.limits.list_items)

    def sequence(self, where: Path_, depth: int, flow: bool) -> list[Any]:
        items: list[Any] = []
        for item in self.events:
            if isinstance(item, yaml.SequenceEndEvent):
                break
            self._count(item, len(items))
            items.append(self.value(item, (*where, len(items)) if self.values is not None else where,
                                    depth, flow))
        return items

    def mapping(self, where: Path_, depth: int, flow: bool) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_event in self.events:
            if isinstance(key_event, yaml.MappingEndEvent):
                break
            if not isinstance(key_event, yaml.ScalarEvent) or key_event.tag not in (
                None, "!", *_ALLOWED_TAGS
            ):
                self._refuse(key_event, "key_not_text")
            self._count(key_event, len(result))
            self.left -= 1
            key = self.scalar(key_event, flow)
            child = (*where, key) if self.values is not None else where
            if key in result:
                if self.keys is None:
                    raise _Retrack
                first_line = self.keys[child][0]
                code = "duplicate_key_in_item" if where and isinstance(where[-1], int) \
                    else "duplicate_key"
                self._refuse(key_event, code, key=key, first_line=first_line)
            if self.keys is not None:
                self.keys[child] = _mark(key_event)
            result[key] = self.value(next(self.events), child, depth, flow)
        return result


class _Retrack(Exception):
    """The fast pass found a problem whose message needs recorded positions."""


def _document(path: Path, text: str, limits: Limits,
              tracked: Document | None = None) -> Document | None:
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
                doc = tracked or Document(path, None, text, limits)
                builder = _Builder(path, text, events, limits, tracked)
                doc.data = builder.value(next(events), ())
        return doc
    finally:
        loader.dispose()


def _char_at(text: str, line: int, column: int) -> str:
    rows = text.splitlines()
    if 0 < line <= len(rows) and 0 < column <= len(rows[line - 1]):
        return rows[line - 1][column - 1]
    return ""


def _screen(path: Path, text: str) -> None:
    """Refuse what the parser would misplace or never report: controls, full-width indents."""
    bad = _BAD_IN_FILE.search(text)
    if bad is not None:
        raise _Refused(problem(path, *_line_column(text, bad.start()), "control_char",
                               **_control(bad.group())))
    indent = yamlslips.fullwidth_indent(text)
    if indent is not None:
        raise _Refused(problem(path, *indent, "yaml_fullwidth_indent"))


def _syntax_problem(path: Path, text: str, err: yaml.MarkedYAMLError, limits: Limits) -> Problem:
    """A YAML syntax error worded in Japanese, at the slip that caused it where one is found."""
    where = err.problem_mark or err.context_mark
    line, column = (where.line + 1, where.column + 1) if where else (1, 1)
    detail = " ".join(part for part in (err.context, err.problem) if part)
    if _char_at(text, line, column) == "\t":
        return problem(path, line, column, "yaml_tab")
    code = yamlslips.problem_code(detail)
    if code not in ("yaml_tab", "yaml_multi", "yaml_escape", "yaml_reserved", "alias"):
        found = yamlslips.slip(text, line)
        if found is not None:
            return problem(path, found[0], found[1], found[2])
    if code == "limit_depth":
        return problem(path, line, column, code, limit=limits.depth)
    return problem(path, line, column, code or "yaml_syntax", detail=detail)


def unreadable(path: Path, err: OSError) -> Problem:
    """A file or folder the system would not let us read, said in the user's words."""
    return problem(path, 1, 1, "unreadable", reason=os_reason_msg(err),
                   detail=err.strerror or str(err))


def read(path: Path, limits: Limits = DEFAULT, *,
         track: bool = False) -> tuple[Document | None, list[Problem]]:
    """Read one YAML file; on failure return the located problem instead. With `track`,
    positions are recorded while reading (cheaper than a second pass when most are asked for)."""
    try:
        size = path.stat().st_size
        if size > limits.file_bytes:
            return None, [problem(path, 1, 1, "limit_file_bytes", limit=limits.file_bytes,
                                  size=size)]
        raw = path.read_bytes()
    except OSError as err:
        return None, [unreadable(path, err)]
    return parse(path, raw, limits, track=track)


def parse(path: Path, raw: bytes, limits: Limits = DEFAULT, *,
          track: bool = False) -> tuple[Document | None, list[Problem]]:
    """Parse the bytes of a YAML file that `path` names (it need not exist on disk)."""
    if len(raw) > limits.file_bytes:
        return None, [problem(path, 1, 1, "limit_file_bytes", limit=limits.file_bytes,
                              size=len(raw))]
    text = ""
    try:
        text = decode(path, raw)
        _screen(path, text)
        try:
            doc = _document(path, text, limits,
                            Document(path, None, text, limits, {}, {}) if track else None)
        except _Retrack:
            doc = Document(path, None, text, limits, {}, {})
            _document(path, text, limits, doc)
        if doc is None or doc.data is None:
            return None, [problem(path, 1, 1, "empty_file")]
    except _Refused as refused:
        return None, [refused.problem]
    except yaml.MarkedYAMLError as err:
        return None, [_syntax_problem(path, text, err, limits)]
    except yaml.YAMLError as err:  # pragma: no cover - the screen refuses what the reader would
        return None, [problem(path, 1, 1, "yaml_syntax", detail=str(err).splitlines()[0])]
    if not isinstance(doc.data, dict):
        return None, [problem(path, *doc.values[()], "root_not_mapping")]
    return doc, []
