"""Every field of every plan model is compared by the differ or left out with a reason."""

from __future__ import annotations

from pydantic import BaseModel

from jigyo import model
from jigyo.diff.coverage import COMPARED, IGNORED

MODELS = (model.YearFile, model.Department, model.Unit, model.Initiative, model.Group,
          model.Entry, model.Row, model.Spanning, model.BulletCell, model.Heading,
          model.Paragraph, model.Bullets, model.Numbered, model.Funding, model.Budget,
          model.Goal)


def test_every_model_of_the_plan_is_listed_here():
    defined = {value for value in vars(model).values() if isinstance(value, type)
               and issubclass(value, BaseModel) and value.__module__.startswith(model.__name__ + ".")
               and value is not model.Strict}  # the base of the others, with no fields
    assert defined == set(MODELS)


def test_every_field_is_compared_or_ignored_with_a_reason():
    fields = {f"{cls.__name__}.{name}" for cls in MODELS for name in cls.model_fields}
    listed = set(COMPARED) | set(IGNORED)
    assert not set(COMPARED) & set(IGNORED)
    assert sorted(fields - listed) == [], "fields the differ neither compares nor ignores"
    assert sorted(listed - fields) == [], "listed fields that no model has"
    assert all(reason.strip() for reason in IGNORED.values())
