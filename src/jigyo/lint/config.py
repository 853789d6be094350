"""The `lint:` settings in plans/jigyo.yaml: rules switched off or made errors, added variants.

Only the `lint:` mapping is read here (the rest of the file belongs to the
general settings), validated like a plan file so that a mistake is reported at
its line and column::

    lint:
      rules:
        doubled-particle: off      # off / warning / error
        stale-year: error
      variants:
        - [取組, 取り組み]          # forms of one word: the majority is the norm
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..errors import PlanError
from ..messages import msg
from ..problems import problem
from ..settings import SETTINGS_FILE
from ..validation import validate
from ..yamlread import read

Level = Literal["off", "warning", "error"]


class LintSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    rules: dict[str, Level] = Field(default_factory=dict, title="規則ごとの設定",
                                    description="規則の id → off・warning・error。")
    variants: list[list[str]] = Field(default_factory=list, title="追加の表記ゆれ",
                                      description="同じ語の書き方の組（2つ以上）。")


class _File(BaseModel):
    model_config = ConfigDict(extra="allow")

    lint: LintSettings = Field(default_factory=LintSettings)


def load_settings(plans_dir: Path) -> LintSettings:
    """The lint settings of a plans folder (defaults without a file); raises PlanError."""
    from . import RULES

    path = plans_dir / SETTINGS_FILE
    if not path.is_file():
        return LintSettings()
    doc, problems = read(path)
    if doc is None:
        raise PlanError(problems)
    if not isinstance(doc.data.get("lint"), (dict, type(None))):
        raise PlanError([problem(path, *doc.position(("lint",)), "lint_settings_mapping")])
    if doc.data.get("lint") is None:
        return LintSettings()
    found, problems = validate(doc, _File)
    if found is None:
        raise PlanError(problems)
    for rule_id in found.lint.rules:
        if rule_id not in RULES:
            close = difflib.get_close_matches(rule_id, list(RULES), n=1)
            problems.append(problem(path, *doc.position(("lint", "rules", rule_id), key=True),
                                    "lint_unknown_rule", name=rule_id,
                                    suggest=msg("did_you_mean", key=close[0]) if close else ""))
    for i, forms in enumerate(found.lint.variants):
        if len(set(forms)) < 2 or not all(forms):
            problems.append(problem(path, *doc.position(("lint", "variants", i)),
                                    "lint_variant_pair"))
    if problems:
        raise PlanError(problems)
    return found.lint
