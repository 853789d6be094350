"""Messages about writing outputs (jigyo build).

Each entry is a code → (Japanese, English) pair; parameters in braces are
filled when the message is printed.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "build_write_failed": (
        "出力を書き込めません。{error}出力はどれも変更していません。",
        "Cannot write the outputs: {error} No output was changed.",
    ),
    "build_write_partial": (
        "出力を書き込めません。{error}{updated} は新しくなりましたが、{kept} は元のままです。"
        "もう一度 jigyo build を実行してください。",
        "Cannot write the outputs: {error} {updated} were updated but {kept} were left as "
        "they were; run jigyo build again.",
    ),
}
