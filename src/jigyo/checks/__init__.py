"""Rules checked across the files of a year, after each file has been validated.

A rule is one function registered with :func:`rule`: it reads the year
(:class:`YearContext`) and yields located problems. Its id names it (for a
later lint configuration) and its severity says whether its findings stop the
build (error) or are only reported (warning). A new rule is a function in one
of this package's modules plus its messages in :mod:`jigyo.messages.checks`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from ..model import Unit, YearFile
from ..problems import Problem, Severity
from ..yamlread import Document


@dataclass(frozen=True)
class YearContext:
    """What a rule may look at: the year file (when it could be read) and the valid units."""

    year_doc: Document | None
    meta: YearFile | None
    units: Mapping[str, tuple[Document, Unit]]
    on_disk: frozenset[str]
    """The slugs of every unit file present, valid or not."""


class Rule(Protocol):
    """A check over a year; findings come back as problems with the rule's severity."""

    @property
    def id(self) -> str: ...

    @property
    def severity(self) -> Severity: ...

    def __call__(self, year: YearContext) -> Iterable[Problem]: ...


@dataclass(frozen=True)
class _FunctionRule:
    id: str
    severity: Severity
    check: Callable[[YearContext], Iterable[Problem]]

    def __call__(self, year: YearContext) -> Iterable[Problem]:
        return self.check(year)


RULES: dict[str, Rule] = {}
"""Every rule, by id, in the order registered."""


def rule(rule_id: str, severity: Severity = "error") -> Callable[
    [Callable[[YearContext], Iterable[Problem]]], Callable[[YearContext], Iterable[Problem]]
]:
    """Register a function as the rule `rule_id`."""

    def register(
        check: Callable[[YearContext], Iterable[Problem]],
    ) -> Callable[[YearContext], Iterable[Problem]]:
        if rule_id in RULES:
            raise RuntimeError(f"rule {rule_id!r} is registered twice")
        RULES[rule_id] = _FunctionRule(rule_id, severity, check)
        return check

    return register


def run(year: YearContext, rules: Iterable[Rule] | None = None) -> list[Problem]:
    """Every finding of every rule (or of the given ones), with the rule's severity."""
    found: list[Problem] = []
    for each in RULES.values() if rules is None else rules:
        for finding in each(year):
            if finding.severity != each.severity:
                finding = dataclasses.replace(finding, severity=each.severity)
            found.append(finding)
    return found


from . import budgets, departments, units  # noqa: E402,F401  (the rules register themselves)
