"""One registry design shared by the checks across files and the lint rules.

A rule is a function registered under an id with a severity: it reads a
context (what the rule may look at) and yields located problems. The checks
(:mod:`jigyo.checks`) and the wording rules (:mod:`jigyo.lint`) each keep a
:class:`Registry` over their own context; a rule's findings always come back
with the severity it is run with, so a setting can change it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from ..problems import Problem, Severity

C = TypeVar("C")
C_contra = TypeVar("C_contra", contravariant=True)
Check = Callable[[C], Iterable[Problem]]


class Rule(Protocol[C_contra]):
    """A check over a context; findings come back as problems with the rule's severity."""

    @property
    def id(self) -> str: ...

    @property
    def severity(self) -> Severity: ...

    @property
    def description(self) -> str:
        """The message code of a one-line description (for `jigyo lint --list-rules`)."""
        ...

    def __call__(self, context: C_contra, /) -> Iterable[Problem]: ...


@dataclass(frozen=True)
class FunctionRule(Generic[C]):
    id: str
    severity: Severity
    check: Callable[[C], Iterable[Problem]]
    description: str = ""

    def __call__(self, context: C, /) -> Iterable[Problem]:
        return self.check(context)


class Registry(Generic[C]):
    """Rules by id, in the order registered."""

    def __init__(self) -> None:
        self.rules: dict[str, Rule[C]] = {}

    def rule(self, rule_id: str, severity: Severity = "error", description: str = ""
             ) -> Callable[[Check[C]], Check[C]]:
        """Register a function as the rule `rule_id`."""

        def register(check: Check[C]) -> Check[C]:
            if rule_id in self.rules:
                raise RuntimeError(f"rule {rule_id!r} is registered twice")
            self.rules[rule_id] = FunctionRule(rule_id, severity, check, description)
            return check

        return register

    def run(self, context: C, rules: Iterable[Rule[C]] | None = None) -> list[Problem]:
        """Every finding of every rule (or of the given ones), with the rule's severity."""
        found: list[Problem] = []
        for each in self.rules.values() if rules is None else rules:
            for finding in each(context):
                if finding.severity != each.severity:
                    finding = dataclasses.replace(finding, severity=each.severity)
                found.append(finding)
        return found
