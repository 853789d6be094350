"""A format that could not be built on this machine, while the others still are."""

from __future__ import annotations

from ..errors import JigyoError


class FormatSkipped(JigyoError):
    """Raised by a renderer that cannot run here; its message says why and what to do.

    Carries a message code like every JigyoError, so the command line words it
    in the language asked for; ``str(err)`` is the Japanese text.
    """

    @classmethod
    def because(cls, err: JigyoError) -> FormatSkipped:
        """The same message as `err`, as the reason a format was skipped."""
        return cls(err.msg.code, **dict(err.msg.params))
