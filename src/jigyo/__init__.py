"""jigyo: plain-text plan compiler for annual business plans (事業計画)."""

__version__ = "0.1.0"
