"""Messages and fixed words of the office formats (CSV, Excel, Word, the 新旧対照表 as Word/PDF).

Each entry is a code → (Japanese, English) pair; parameters in braces are
filled when the message is printed.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "xlsx_data_sheet": ("データ", "Data"),
    "office_diff_pdf_link": ("印刷用の新旧対照表（PDF、{size}）",
                             "The comparison table for printing (PDF, {size})"),
    "office_diff_binary_stdout": (
        "{format} 形式は端末に表示できません。--output でファイルを指定してください。",
        "The {format} format cannot be shown on a terminal; name a file with --output.",
    ),
}
