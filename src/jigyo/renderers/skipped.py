"""A format that could not be built on this machine, while the others still are."""

from __future__ import annotations


class FormatSkipped(Exception):
    """Raised by a renderer that cannot run here; the message (Japanese) says why and what to do."""
