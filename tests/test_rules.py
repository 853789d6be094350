"""The homes of checks and messages: the rule registry, the pydantic error table, the model list."""

from __future__ import annotations

import inspect
import typing
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel
from pydantic_core import ValidationError
from pydantic_core.core_schema import ErrorType

from jigyo import checks, limits, model
from jigyo.checks import YearContext
from jigyo.problems import Problem, problem
from jigyo.settings import model as settings_model
from jigyo.validation import MODELS, problems_from
from jigyo.yamlread import Document

# Enough context for pydantic to word every one of its error types.
CTX: dict[str, object] = dict(
    ge=1, le=1, gt=1, lt=1, max_length=1, min_length=1, pattern="x", expected="'a' or 'b'",
    error="e", actual_length=1, field_type="x", multiple_of=1, class_name="x", tag="x",
    discriminator="x", expected_tags="x", union_tag="x", whole_digits=1, decimal_places=1,
    max_digits=1, max_whole_digits=1, allowed_schemes="x", reason="x", max_places=1, actual=1,
    type="x", expected_length=1, unit="x", function_name="x", constraint="x", code=1,
    max_size=1, attribute="x", method_name="x", encoding="x", encoding_error="x",
    tz_expected=1, tz_actual=1, expected_version=4, expected_schemes="x",
    **{"class": "x"},
)


def _kana(text: str) -> bool:
    return any("\u3040" <= ch <= "\u30ff" for ch in text)


def test_every_pydantic_error_type_is_worded_in_japanese() -> None:
    doc = Document(Path("a.yaml"), {"a": "1"}, "a: 1\n")
    for kind in typing.get_args(ErrorType):
        err = ValidationError.from_exception_data(
            "x", [{"type": kind, "loc": ("a",), "input": "1", "ctx": CTX}])
        english = err.errors()[0]["msg"]
        for found in problems_from(doc, model.Unit, err):
            text = found.text("ja")
            assert _kana(text), (kind, text)
            assert english not in text, (kind, text)
            assert found.text("en")


def test_the_model_list_is_every_model_of_the_plan() -> None:
    defined = {
        cls for module in (model, limits, settings_model)
        for _, cls in inspect.getmembers(module, inspect.isclass)
        if issubclass(cls, BaseModel) and cls.__module__.startswith(module.__name__)
        and not cls.__name__.startswith("_") and cls is not model.Strict
    }
    # the settings file (plans/jigyo.yaml) is its own root; a year file reaches its overrides
    assert set(MODELS) == defined - {settings_model.Settings}


def test_rules_have_unique_ids_and_a_severity() -> None:
    assert {"duplicate-department", "listed-units", "known-department", "one-file-per-unit",
            "unique-id"} <= set(checks.RULES)
    for rule_id, each in checks.RULES.items():
        assert each.id == rule_id
        assert each.severity in ("error", "warning")


def test_a_rule_is_one_function_and_its_findings_carry_its_severity() -> None:
    @checks.rule("test-every-unit-noted", severity="warning")
    def noted(year: YearContext) -> Iterator[Problem]:
        for slug, (doc, _unit) in sorted(year.units.items()):
            yield problem(doc.path, 1, 1, "empty_file", name=slug)

    try:
        doc = Document(Path("a.yaml"), {}, "")
        unit = model.Unit.model_validate(
            {"department": "総務課", "section": "係", "initiatives": [{"title": "t"}]})
        year = YearContext(None, None, {"a": (doc, unit)}, frozenset({"a"}))
        found = checks.run(year, [checks.RULES["test-every-unit-noted"]])
        assert [(p.path.name, p.severity) for p in found] == [("a.yaml", "warning")]
        assert found[0].format("ja") == "a.yaml:1:1: 注意: ファイルが空です。"
    finally:
        del checks.RULES["test-every-unit-noted"]
