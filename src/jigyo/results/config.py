"""The `results:` section of plans/jigyo.yaml: the words a council uses for 達成状況.

The settings file belongs to the whole project; this reads only its
`results:` section (other sections are left to their own readers), so the
settings work can absorb it as one more section of its model.
"""

from __future__ import annotations

from dataclasses import fields, replace
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from ..model import Strict, Text
from ..problems import Problem
from ..settings import SETTINGS_FILE
from ..validation import validate
from ..yamlread import read
from .labels import REPORT_LABELS, ReportLabels

DEFAULT_STATUSES: tuple[str, ...] = ("達成", "概ね達成", "未達成", "未実施", "中止")


class ResultsSettings(Strict):
    """How results are worded: the 達成状況 vocabulary, in the order the summary counts it."""

    statuses: list[Text] = Field(
        default_factory=lambda: list(DEFAULT_STATUSES), min_length=1,
        title="達成状況の語", description="達成状況として書ける語（既定: 達成、概ね達成、未達成、未実施、中止）。",
    )
    words: dict[str, Text] = Field(
        default_factory=dict,
        title="事業報告の語",
        description="事業報告・進行管理表の決まった語を置き換えます（例: result: 決算、status: 評価）。"
                    "使えるキー: " + "、".join(f.name for f in fields(ReportLabels)) + "。",
    )

    @field_validator("words")
    @classmethod
    def _known_words(cls, words: dict[str, str]) -> dict[str, str]:
        known = {f.name for f in fields(ReportLabels)}
        unknown = sorted(set(words) - known)
        if unknown:
            raise PydanticCustomError(
                "results_unknown_word", "unknown word",
                {"key": unknown[0], "choices": "、".join(sorted(known))})
        return words

    def labels(self) -> ReportLabels:
        """The report's words: the defaults with this council's replacements."""
        return replace(REPORT_LABELS, **self.words)


class _SettingsFile(BaseModel):
    """jigyo.yaml as this module sees it: only `results:`; other sections belong elsewhere."""

    model_config = ConfigDict(extra="ignore")

    results: ResultsSettings | None = None


def load_settings(plans_dir: Path) -> tuple[ResultsSettings, list[Problem]]:
    """The results settings of a plans folder: the defaults when jigyo.yaml has no `results:`."""
    path = plans_dir / SETTINGS_FILE
    if not path.is_file():
        return ResultsSettings(), []
    doc, problems = read(path)
    if doc is None:
        return ResultsSettings(), problems
    if not isinstance(doc.data, dict):
        return ResultsSettings(), []  # the settings' own reader reports the shape
    found, problems = validate(doc, _SettingsFile)
    if found is None or found.results is None:
        return ResultsSettings(), problems
    return found.results, problems
