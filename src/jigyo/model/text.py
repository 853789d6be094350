"""The kinds of value a plan file holds: user text, identifiers, lines; strict models."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, StringConstraints, WithJsonSchema

# The loader hands every scalar over as the text that was written, but an
# editor's YAML language server sees `12` as a number and `no` as text: the
# schema accepts both so that editors do not flag a plain target such as 12.
_TEXT_SCHEMA: dict[str, Any] = {"type": ["string", "number", "boolean"], "minLength": 1}

Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    WithJsonSchema(_TEXT_SCHEMA),
]
"""One piece of user text; inline Markdown is allowed."""

Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=64),
    WithJsonSchema({"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]*$", "maxLength": 64}),
]
"""An ASCII identifier: lower-case letters, digits and hyphens."""

Lines = Text | list[Text]
"""One text, or several lines (a list)."""


class Strict(BaseModel):
    """A model that refuses unknown keys and cannot be changed once read."""

    model_config = ConfigDict(extra="forbid", frozen=True)


