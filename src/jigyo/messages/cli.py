"""Messages about the command line: usage mistakes and summaries.

Each entry is a code → (Japanese, English) pair; parameters in braces are
filled when the message is printed.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "problem_count": ("問題が {count} 件あります。", "{count} problem(s) found."),
}
