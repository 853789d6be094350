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
    "unreadable": ("読めません（{reason}）。", "cannot read it: {detail}."),
    "yaml_syntax": (
        "YAML の書き方に誤りがあります。この行と上の行の記号（: - [ ] {{ }} \" '）と字下げを確かめてください。",
        "YAML syntax error ({detail}).",
    ),
    "yaml_reserved": (
        "この文字（@ ` % ! & * | > など）で始まる文は \"…\" で囲んでください。",
        "text starting with this character (@ ` % ! & * | > …) must be quoted: \"…\".",
    ),
    "yaml_escape": (
        "\"…\" の中の「\\」は「\\\\」と書くか、文全体を '…' で囲んでください。",
        "a backslash inside \"…\" must be written \\\\, or quote the text with '…'.",
    ),
    "yaml_dash": (
        "ここに「- 」は書けません。リストはキーの次の行に、キーより深く字下げして書きます。",
        "a '- ' item is not allowed here; a list goes on the lines after its key, indented deeper.",
    ),
    "yaml_node": (
        "値が書かれていません（「- 」や「,」の後が空です）。",
        "a value is missing (nothing after '- ' or ',').",
    ),
    "yaml_open_quote": (
        "ここで開いた引用符（\" または '）が同じ行で閉じられていません。文の終わりにも同じ引用符を書いてください。",
        "the quote opened here is not closed on the same line; close it at the end of the text.",
    ),
    "yaml_fullwidth_colon": (
        "キーの後のコロンが全角「：」です。半角の「: 」（コロンと空白）にしてください。",
        "the colon after the key is full-width (：); use ': ' (ASCII colon and a space).",
    ),
    "yaml_colon_space": (
        "キーの後の「:」の次に半角の空白がありません。「キー: 値」と書いてください。",
        "no space after the ':' of the key; write 'key: value'.",
    ),
    "yaml_dash_space": (
        "「-」の後に半角の空白がありません。「- キー: 値」と書いてください。",
        "no space after '-'; write '- key: value'.",
    ),
    "yaml_fullwidth_indent": (
        "全角スペース（　）で字下げされています。字下げには半角スペースを使ってください。",
        "this line is indented with a full-width space (U+3000); indent with ASCII spaces.",
    ),
    "flow_comma_number": (
        "[ ] や {{ }} の中の「{number}」は「,」で2つに分かれてしまいます。"
        "\"…\" で囲むか、「- 」で始まる行のリストに書き直してください。",
        "'{number}' inside [ ] or {{ }} would be split at the comma; quote it (\"…\") "
        "or write the list as '- ' lines.",
    ),
    "control_char": (
        "制御文字（{char}）は使えません。この位置の文字（または「\\r」などの書き方）を消してください。",
        "control character {char} is not allowed; delete it (or the escape such as \\r) here.",
    ),
    "limit_file_bytes": (
        "ファイルが大きすぎます（{size} バイト、上限 {limit} バイト）。"
        "上限は年度ファイルの limits: file_bytes で変えられます。",
        "the file is too large ({size} bytes, limit {limit}); "
        "the year file's limits: file_bytes can raise it.",
    ),
    "limit_text_chars": (
        "文言が長すぎます（{size} 文字、上限 {limit} 文字）。"
        "上限は年度ファイルの limits: text_chars で変えられます。",
        "the text is too long ({size} characters, limit {limit}); "
        "the year file's limits: text_chars can raise it.",
    ),
    "limit_list_items": (
        "要素が多すぎます（上限 {limit} 個）。上限は年度ファイルの limits: list_items で変えられます。",
        "too many items (limit {limit}); the year file's limits: list_items can raise it.",
    ),
    "limit_values": (
        "1つのファイルに書かれた値が多すぎます（上限 {limit} 個）。ファイルを分けるか、"
        "上限を年度ファイルの limits: values で変えてください。",
        "too many values in one file (limit {limit}); split the file, or raise the year "
        "file's limits: values.",
    ),
    "limit_depth": (
        "入れ子が深すぎます（上限 {limit} 段）。字下げや [ ] {{ }} の重なりを確かめてください。",
        "nested too deeply (limit {limit} levels); check the indentation and brackets.",
    ),
    "limit_unit_files": (
        "計画単位ファイルが多すぎます（{size} 個、上限 {limit} 個）。"
        "上限は年度ファイルの limits: unit_files で変えられます。",
        "too many unit files ({size}, limit {limit}); "
        "the year file's limits: unit_files can raise it.",
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
    "duplicate_key_in_item": (
        "キー「{key}」が重複しています（{first_line}行目にもあります）。"
        "2つ目の事項なら、前の行との間に「- 」で始まる行が抜けていませんか？",
        "duplicate key '{key}' (also on line {first_line}); if this starts the next item, "
        "is its '- ' missing?",
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
    # files and folders
    "skipped_dangling_link": (
        "リンク先のないシンボリックリンクなので読みませんでした。",
        "skipped: a symbolic link whose target does not exist.",
    ),
    "skipped_special": (
        "通常のファイルではない（FIFO など）ので読みませんでした。",
        "skipped: not a regular file (a FIFO or similar).",
    ),
    "skipped_dir": (
        "名前が .yaml で終わるフォルダなので読みませんでした。",
        "skipped: a folder whose name ends in .yaml.",
    ),
    "not_a_year_folder": (
        "フォルダ「{name}」は年度フォルダとして読みませんでした。年度フォルダの名前は4桁の西暦年だけです"
        "（例: 2021。複数年度の計画は 2018-2020 のように最初と最後の年度）。",
        "folder '{name}' was not read as a fiscal year; a year folder is named by four digits "
        "only (e.g. 2021; a plan over several years by its first and last years, 2018-2020).",
    ),
    "link_outside": (
        "計画フォルダの外（{target}）を指すシンボリックリンクは使えません。ファイルを計画フォルダに置いてください。",
        "a symbolic link pointing outside the plans folder ({target}) is not allowed; "
        "put the file inside the plans folder.",
    ),
    "yaml_and_yml": (
        "{other} と同じ計画単位です。拡張子 .yaml と .yml のどちらか1つにしてください。",
        "the same unit as {other}; keep only one of .yaml and .yml.",
    ),
    "warning_prefix": ("注意: ", "warning: "),
}
