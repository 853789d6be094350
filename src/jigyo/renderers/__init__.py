"""Renderers: each turns year views into files (relative path → bytes)."""

from __future__ import annotations

Files = dict[str, bytes]
"""Output files of one renderer, keyed by POSIX path relative to its folder."""
