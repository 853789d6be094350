"""The one catalogue of every message a user can read, in Japanese and English.

Messages are kept in one module per area (reading files, checks, the command
line, the diff, git, the PDF, the preview server, the build, new-year, lint) so that
a new message goes next to its neighbours; this module joins them and refuses
a code defined twice. Code keeps a message as a code and parameters
(:class:`Msg`) and words it only when it is printed, in the language asked for.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from types import ModuleType
from typing import Literal

from . import (
    build,
    checks,
    cli,
    diff,
    git,
    init,
    lint,
    newyear,
    office,
    pdf,
    reading,
    results,
    serve,
    settings,
)

Lang = Literal["ja", "en"]

_AREAS: tuple[ModuleType, ...] = (reading, checks, cli, diff, git, pdf, serve, build, newyear,
                                  lint, settings, init, results, office)


def _join(areas: tuple[ModuleType, ...]) -> dict[str, tuple[str, str]]:
    joined: dict[str, tuple[str, str]] = {}
    for area in areas:
        for code, pair in area.MESSAGES.items():
            if code in joined:
                raise RuntimeError(f"message code {code!r} is defined twice ({area.__name__})")
            joined[code] = pair
    return joined


MESSAGES: dict[str, tuple[str, str]] = _join(_AREAS)

_WORDING: ContextVar[Mapping[str, str] | None] = ContextVar("wording", default=None)


@contextmanager
def wording(words: Mapping[str, str]) -> Iterator[None]:
    """Within the block, the Japanese text of some codes is the plan's own words.

    A plan whose settings rename its levels (係 → チーム, 事業計画 → 事業報告)
    has the diff speak of them by those names; see Labels.words().
    """
    token = _WORDING.set(words)
    try:
        yield
    finally:
        _WORDING.reset(token)


@dataclass(frozen=True)
class Msg:
    """A message (or a part of one, such as a suggestion) worded only when printed."""

    code: str
    params: tuple[tuple[str, object], ...] = ()

    def text(self, lang: Lang = "ja") -> str:
        return message(self.code, lang, **dict(self.params))


def msg(code: str, **params: object) -> Msg:
    return Msg(code, tuple(params.items()))


def message(code: str, lang: Lang = "ja", **params: object) -> str:
    """The message `code` in `lang`, with nested :class:`Msg` parameters worded too."""
    ja, en = MESSAGES[code]
    if lang == "ja":
        words = _WORDING.get()
        template = words.get(code, ja) if words else ja
    else:
        template = en
    worded = {
        key: value.text(lang) if isinstance(value, Msg) else value
        for key, value in params.items()
    }
    return template.format(**worded)
