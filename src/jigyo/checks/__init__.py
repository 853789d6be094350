"""Rules checked across the files of a year, after each file has been validated.

A rule is one function registered with :func:`rule`: it reads the year
(:class:`YearContext`) and yields located problems. Its id names it (for a
lint configuration) and its severity says whether its findings stop the
build (error) or are only reported (warning). A new rule is a function in one
of this package's modules plus its messages in :mod:`jigyo.messages.checks`.
The registry itself (:mod:`jigyo.checks.registry`) is shared with the wording
rules of :mod:`jigyo.lint`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..model import Unit, YearFile
from ..yamlread import Document
from . import registry
from .registry import Registry


@dataclass(frozen=True)
class YearContext:
    """What a rule may look at: the year file (when it could be read) and the valid units."""

    year_doc: Document | None
    meta: YearFile | None
    units: Mapping[str, tuple[Document, Unit]]
    on_disk: frozenset[str]
    """The slugs of every unit file present, valid or not."""


REGISTRY: Registry[YearContext] = Registry()
RULES = REGISTRY.rules
"""Every rule, by id, in the order registered."""
Rule = registry.Rule
rule = REGISTRY.rule
run = REGISTRY.run


from . import budgets, departments, units  # noqa: E402,F401  (the rules register themselves)
