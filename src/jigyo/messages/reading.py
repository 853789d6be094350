"""Messages about reading a YAML file: encoding and syntax.

Each entry is a code → (Japanese, English) pair; parameters in braces are
filled when the message is printed.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "not_utf8": (
        "UTF-8 の文字コードではありません{hint}。UTF-8 で保存し直してください。",
        "the file is not UTF-8{hint}; save it again as UTF-8.",
    ),
    "not_utf8_sjis": ("（Shift_JIS で保存されているようです）", " (it looks like Shift_JIS)"),
    "unreadable": ("ファイルを読めません: {detail}", "cannot read the file: {detail}"),
    "yaml_syntax": (
        "YAML の書き方に誤りがあります（{detail}）。",
        "YAML syntax error ({detail}).",
    ),
    "yaml_tab": (
        "タブ文字は使えません。字下げには半角スペースを使ってください。",
        "tab characters are not allowed; indent with spaces.",
    ),
    "yaml_colon": (
        "ここに「: 」は書けません。「: 」を含む文は \"…\" で囲んでください（字下げのずれでも起きます）。",
        "': ' is not allowed here; quote text that contains ': ' (or check the indentation).",
    ),
    "yaml_flow": (
        "[ ] や {{ }} の中の書き方に誤りがあります。「,」を含む文は \"…\" で囲んでください。",
        "error inside [ ] or {{ }}; quote text that contains a comma.",
    ),
    "yaml_unclosed": (
        "引用符（\" または '）やかっこが閉じられていません。",
        "a quote or bracket is not closed.",
    ),
    "yaml_indent": (
        "字下げ（行頭の空白）がずれています。上の行とそろえてください。",
        "the indentation is off; align it with the lines above.",
    ),
    "yaml_multi": (
        "1つのファイルに複数の文書（---）は書けません。",
        "a file may hold only one YAML document (---).",
    ),
    "duplicate_key": (
        "キー「{key}」が重複しています（{first_line}行目にもあります）。",
        "duplicate key '{key}' (also on line {first_line}).",
    ),
    "alias": (
        "アンカーとエイリアス（& と *）は使えません。同じ文言をもう一度書いてください。",
        "anchors and aliases (& and *) are not allowed; write the text again.",
    ),
    "tag": (
        "タグ「{tag}」は使えません。値はそのまま書いてください。",
        "tag '{tag}' is not allowed; write the value plainly.",
    ),
    "key_not_text": ("キーには文字列を書いてください。", "a key must be plain text."),
    "empty_file": ("ファイルが空です。", "the file is empty."),
    "root_not_mapping": (
        "ファイルの最上位には「キー: 値」の組を書いてください。",
        "the top level must be a mapping of 'key: value'.",
    ),
}
