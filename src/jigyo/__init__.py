"""jigyo: plain-text plan compiler for annual business plans (事業計画)."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """`jigyo.__version__`, read from the installed package's metadata when asked for."""
    if name == "__version__":
        from importlib.metadata import version

        return version("jigyo")
    raise AttributeError(f"module 'jigyo' has no attribute {name!r}")
