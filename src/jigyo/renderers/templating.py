"""The Jinja environments shared by the renderers.

Templates live in the top-level `templates/<kind>/` folders and decide
presentation only; everything they show is prepared by :mod:`jigyo.layout`.
In every kind the filter `inline` turns plan text into that format safely.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from .. import inline

TEMPLATES = Path(__file__).resolve().parents[3] / "templates"

_INLINE: dict[str, Callable[[str], Any]] = {
    "html": inline.to_html,
    "md": inline.to_markdown,
}


@cache
def environment(kind: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES / kind),
        autoescape=kind == "html",
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["inline"] = _INLINE[kind]
    return env


def render(kind: str, name: str, **context: Any) -> str:
    return environment(kind).get_template(name).render(**context)
