"""Messages about the PDF and its fonts.

Each entry is a code → (Japanese, English) pair; parameters in braces are
filled when the message is printed.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "pdf_no_font": (
        "日本語フォントが見つからないため PDF は作成しませんでした（他の形式は出力しました）。"
        "Debian/Ubuntu では「sudo apt install fonts-noto-cjk」で入れてください"
        "（IPAex: fonts-ipaexfont、BIZ UD: fonts-morisawa-bizud-gothic。{setting} でフォント名も指定できます）。",
        "No Japanese font was found, so the PDF was not made (the other formats were written). "
        "On Debian/Ubuntu install one with \"sudo apt install fonts-noto-cjk\" "
        "(IPAex: fonts-ipaexfont, BIZ UD: fonts-morisawa-bizud-gothic; {setting} can also name a font).",
    ),
    "pdf_font_path_not_japanese": (
        "{setting}={value} に日本語フォントがないため PDF は作成しませんでした（他の形式は出力しました）。",
        "{setting}={value} holds no Japanese font, so the PDF was not made "
        "(the other formats were written).",
    ),
    "pdf_font_family_not_found": (
        "{setting} のフォント「{value}」が見つからないか日本語を含まないため、"
        "PDF は作成しませんでした（他の形式は出力しました）。",
        "The font \"{value}\" named by {setting} was not found or has no Japanese, "
        "so the PDF was not made (the other formats were written).",
    ),
    "pdf_missing_glyph": (
        "{location}: 「{char}」（U+{codepoint}）はフォント「{family}」にないため、"
        "PDF は作成しませんでした（他の形式は出力しました）。"
        "この文字を別の文字に置き換えるか、この文字を含む日本語フォントを {setting} で指定してください。",
        "{location}: \"{char}\" (U+{codepoint}) is not in the font \"{family}\", so the PDF was not "
        "made (the other formats were written). Replace the character, or name a Japanese font "
        "that has it with {setting}.",
    ),
    "pdf_compile_failed": (
        "PDF の組版に失敗したため作成しませんでした（他の形式は出力しました）: {detail}",
        "Typesetting the PDF failed, so it was not made (the other formats were written): {detail}",
    ),
    "pdf_compile_timeout": (
        "PDF の組版が {seconds} 秒で終わらなかったため作成しませんでした（他の形式は出力しました）。"
        "とても長い行や表がないか確かめてください（上限は {setting} で変えられます）。",
        "Typesetting the PDF did not finish within {seconds} seconds, so it was not made "
        "(the other formats were written). Look for a very long line or table "
        "(the limit can be changed with {setting}).",
    ),
    "pdf_compile_memory": (
        "PDF の組版がメモリの上限（{megabytes} MB）を超えたため作成しませんでした（他の形式は出力しました）。"
        "とても長い行や表がないか確かめてください（上限は {setting} で変えられます）。",
        "Typesetting the PDF needed more than its memory limit ({megabytes} MB), so it was not "
        "made (the other formats were written). Look for a very long line or table "
        "(the limit can be changed with {setting}).",
    ),
    "pdf_limit_setting": (
        "{setting}={value} は正の整数で書いてください。",
        "{setting}={value} must be a positive whole number.",
    ),
}
