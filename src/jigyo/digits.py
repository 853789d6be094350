"""Whole numbers in plan files: plain ASCII digits only.

Every scalar reaches the models as the text that was typed, and pydantic
would turn `2020.0`, `2_020` or full-width `２０２０` into 2020. A year or a
limit that is not written plainly is more likely a slip than a wish, so it is
refused with the same message as any other non-number.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator
from pydantic_core import PydanticCustomError


def _plain_digits(value: Any) -> Any:
    if isinstance(value, str) and not (value.isascii() and value.isdigit()):
        raise PydanticCustomError("int_parsing", "plain digits expected")
    return value


Number = Annotated[int, BeforeValidator(_plain_digits)]
"""A whole number written with plain digits."""
