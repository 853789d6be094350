"""Reading YAML safely, keeping where every value was written.

Plans are written by hand, so every scalar stays the text the user typed
(`12`, `2020-09-10`, `no` and `1,000` are not turned into numbers, dates or
booleans), and every value keeps its line and column so that a validation
error can point back into the file. Tags, aliases and duplicate keys are
refused: they are never needed in a plan and only make files unsafe or
ambiguous.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem, msg, problem

try:  # the C parser is much faster; fall back where libyaml is missing
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader

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
    """A YAML file as plain data, with the position of each value and key."""

    path: Path
    data: Any
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

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


def _mark(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _convert(doc: Document, node: yaml.Node, where: Path_) -> Any:
    doc.values[where] = _mark(node)
    if node.tag not in _ALLOWED_TAGS:
        raise _Refused(problem(doc.path, *_mark(node), "tag", tag=node.tag.replace(_CORE, "!!")))
    if isinstance(node, yaml.ScalarNode):
        if node.style is None and node.value in _NULLS:
            return None
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [_convert(doc, item, (*where, i)) for i, item in enumerate(node.value)]
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _ALLOWED_TAGS:
            raise _Refused(problem(doc.path, *_mark(key_node), "key_not_text"))
        key = key_node.value
        if key in result:
            first_line = doc.keys[(*where, key)][0]
            raise _Refused(
                problem(doc.path, *_mark(key_node), "duplicate_key", key=key, first_line=first_line)
            )
        doc.keys[(*where, key)] = _mark(key_node)
        result[key] = _convert(doc, value_node, (*where, key))
    return result


def _char_at(text: str, line: int, column: int) -> str:
    rows = text.splitlines()
    if 0 < line <= len(rows) and 0 < column <= len(rows[line - 1]):
        return rows[line - 1][column - 1]
    return ""


def _first_alias(text: str) -> tuple[int, int] | None:
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent) and event.start_mark is not None:
            return (event.start_mark.line + 1, event.start_mark.column + 1)
    return None


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
        # An alias is the only way to build an expansion bomb; find it before
        # composing, where its position would be lost.
        if "*" in text:
            alias = _first_alias(text)
            if alias is not None:
                return None, [problem(path, *alias, "alias")]
        node = yaml.compose(text, Loader=_Loader)
        if node is None:
            return None, [problem(path, 1, 1, "empty_file")]
        doc = Document(path, None)
        doc.data = _convert(doc, node, ())
    except _Refused as refused:
        return None, [refused.problem]
    except yaml.MarkedYAMLError as err:
        where = err.problem_mark or err.context_mark
        line, column = (where.line + 1, where.column + 1) if where else (1, 1)
        if isinstance(err, yaml.composer.ComposerError) and "single document" in str(err):
            return None, [problem(path, line, column, "yaml_multi")]
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
