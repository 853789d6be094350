"""Wording checks of 公用文 over a whole year: what a proofreader would mark.

Each rule is one module of this package, registered with :func:`rule` in the
same registry design as the checks across files (:mod:`jigyo.checks.registry`);
a rule reads the year (:class:`LintContext`) and yields warnings at the
character inside the YAML string (:mod:`jigyo.lint.text`). Rules never change
the plan: a finding says what is wrong and, where it is certain, the fix. The
settings (:mod:`jigyo.lint.config`) switch rules off or change their severity,
and a comment ``# jigyo-lint: disable=rule-id`` exempts its line or the next
(for a block scalar, the line of its key: a ``#`` inside the block is text).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ..checks.registry import Check, FunctionRule, Registry, Rule
from ..problems import Problem, Severity, warning
from ..yamlread import Document, Path_
from .config import LintSettings
from .text import Text, texts

if TYPE_CHECKING:
    from janome.tokenizer import Tokenizer

    from ..loader import LoadedYear


@dataclass
class LintContext:
    """What a lint rule may look at: every file of one year and its strings."""

    fiscal_year: int
    docs: Sequence[Document]
    settings: LintSettings = field(default_factory=LintSettings)

    @cached_property
    def texts(self) -> list[Text]:
        return [t for doc in self.docs for t in texts(doc)]

    @cached_property
    def joined(self) -> tuple[str, list[int]]:
        """Every string of the year in one, NUL between them, and where each starts in it."""
        starts: list[int] = []
        at = 0
        for text in self.texts:
            starts.append(at)
            at += len(text.value) + 1
        return "\0".join(t.value for t in self.texts), starts

    def matches(self, pattern: re.Pattern[str]) -> Iterator[tuple[Text, int, re.Match[str]]]:
        """Each match of `pattern` in the year's strings: the string, where it starts in the
        match's positions (subtract it) and the match.

        One search over the whole year instead of one per string (a plan has thousands);
        no rule's pattern matches the NUL between strings, so no match spans two.
        """
        joined, starts = self.joined
        for found in pattern.finditer(joined):
            index = bisect_right(starts, found.start()) - 1
            yield self.texts[index], starts[index], found

    @cached_property
    def by_path(self) -> dict[tuple[int, Path_], Text]:
        """Each string by (id of its document, its path): built once for the rules that look up."""
        return {(id(t.doc), t.where): t for t in self.texts}

    @cached_property
    def tokenizer(self) -> Tokenizer:
        """The Japanese tokenizer, loaded only when a rule needs words."""
        from janome.tokenizer import Tokenizer

        return Tokenizer()


REGISTRY: Registry[LintContext] = Registry()
RULES = REGISTRY.rules
"""Every lint rule, by id, in the order registered."""


def rule(rule_id: str, description: str) -> Callable[[Check[LintContext]], Check[LintContext]]:
    """Register a lint rule (a warning unless the settings say otherwise)."""
    return REGISTRY.rule(rule_id, "warning", description)


def finding(rule_id: str, text: Text, offset: int, code: str, /, **params: object) -> Problem:
    """A warning of `rule_id` at the character `offset` of a string."""
    return warning(text.doc.path, *text.at(offset), code, rule=rule_id,
                   value_line=text.doc.position(text.where)[0], **params)


_DISABLE = re.compile(r"#\s*jigyo-lint:\s*disable=([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)")


def _exempt(doc: Document) -> dict[int, set[str]]:
    """Line number → the rule ids its comment, or the comment on the line above, switches off."""
    exempt: dict[int, set[str]] = {}
    for number, line in enumerate(doc.text.splitlines(), start=1):
        found = _DISABLE.search(line)
        if found is not None:
            ids = {part.strip() for part in found.group(1).split(",") if part.strip()}
            exempt.setdefault(number, set()).update(ids)
            if not line.split("#", 1)[0].strip():  # a comment line of its own: the next line
                exempt.setdefault(number + 1, set()).update(ids)
    return exempt


def chosen(settings: LintSettings) -> list[Rule[LintContext]]:
    """The rules to run, with the severity the settings give them."""
    picked: list[Rule[LintContext]] = []
    for rule_id, each in RULES.items():
        level = settings.rules.get(rule_id, each.severity)
        if level != "off":
            severity: Severity = "error" if level == "error" else "warning"
            picked.append(each if severity == each.severity
                          else FunctionRule(rule_id, severity, each, each.description))
    return picked


def lint_docs(fiscal_year: int, docs: Sequence[Document],
              settings: LintSettings | None = None,
              only: frozenset[str] | None = None) -> list[Problem]:
    """Every finding on one year's files (of the rules `only`), sorted, exempted lines left out."""
    context = LintContext(fiscal_year, docs, settings or LintSettings())
    rules = [r for r in chosen(context.settings) if only is None or r.id in only]
    found = REGISTRY.run(context, rules)
    exempt = {doc.path: _exempt(doc) for doc in docs}
    kept = [p for p in found if not _exempted(p, exempt.get(p.path, {}))]
    if only is None:
        kept += [p for doc in docs for p in _unknown_ids(doc)]
    return sorted(set(kept))


def _unknown_ids(doc: Document) -> Iterator[Problem]:
    """A disable comment naming no rule would exempt nothing: said, not ignored."""
    for number, line in enumerate(doc.text.splitlines(), start=1):
        found = _DISABLE.search(line)
        if found is None:
            continue
        at = found.start(1)
        for part in found.group(1).split(","):
            name = part.strip()
            if name and name != "all" and name not in RULES:
                yield warning(doc.path, number, at + part.index(name) + 1, "lint_unknown_disable",
                              name=name)
            at += len(part) + 1


def _exempted(found: Problem, exempt: dict[int, set[str]]) -> bool:
    """Exempt on the finding's line, or on the line its value starts (a block's first line)."""
    lines = {found.line, int(str(dict(found.params).get("value_line", found.line)))}
    return any({_id(found), "all"} & exempt.get(line, set()) for line in lines)


def _id(found: Problem) -> str:
    return str(dict(found.params).get("rule", ""))


def lint_loaded(year: LoadedYear, settings: LintSettings | None = None,
                only: frozenset[str] | None = None) -> list[Problem]:
    """Lint a year that loaded: the files it kept (``load_plans(documents=True)``), or the
    files read again, as text with positions, when it kept none."""
    from ..loader import YEAR_FILE
    from ..yamlread import read

    docs: list[Document] = []
    kept = [(year.path / YEAR_FILE, year.doc), *((u.path, u.doc) for u in year.units)]
    for path, doc in kept:
        if doc is None:
            doc, _ = read(path, year.meta.limits)
        if doc is not None:
            docs.append(doc)
    return lint_docs(year.year, docs, settings, only)


def lint_year(folder: Path, settings: LintSettings | None = None,
              only: frozenset[str] | None = None) -> list[Problem]:
    """Lint a year folder; the errors that stop it loading are returned instead."""
    from ..loader import load_year

    loaded, problems = load_year(folder)
    if loaded is None:
        return problems
    return lint_loaded(loaded, settings, only)


def rules_in(found: Sequence[Problem]) -> Iterator[tuple[str, int]]:
    """(rule id, count) for a summary, in registry order."""
    for rule_id in RULES:
        count = sum(1 for p in found if _id(p) == rule_id)
        if count:
            yield rule_id, count


from . import (  # noqa: E402,F401  (the rules register themselves)
    arithmetic,
    brackets,
    eras,
    halfwidth_kana,
    invisible,
    numbering,
    particles,
    staleyear,
    totals,
    variants,
    widths,
)
