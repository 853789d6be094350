"""What several commands share: their help texts and their common options.

Help is printed before `--lang` is read, so it is always Japanese.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .messages import message


def h(code: str) -> str:
    """Help text from the catalogue (help is printed before --lang is read: Japanese)."""
    return message(code, "ja")


class Lang(StrEnum):
    ja = "ja"
    en = "en"


PlansOption = Annotated[
    Path, typer.Option("--plans", help=h("opt_plans"), metavar=h("help_metavar_folder"))
]
LangOption = Annotated[Lang, typer.Option("--lang", help=h("opt_lang"))]
OutOption = Annotated[
    Path, typer.Option("--out", help=h("opt_out"), metavar=h("help_metavar_folder"))
]
