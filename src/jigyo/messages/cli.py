"""Messages about the command line: results, failures, help and usage mistakes.

Each entry is a code → (Japanese, English) pair; parameters in braces are
filled when the message is printed.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "problem_count": ("問題が {count} 件あります。", "{count} problem(s) found."),
    # results
    "check_ok": (
        "{path}: {count} 件の計画単位に問題はありません。",
        "{path}: {count} unit(s), no problems.",
    ),
    "build_written": ("{name}: {folder}/ に {count} ファイル", "{name}: {count} file(s) in {folder}/"),
    "build_unchanged": ("出力は変更していません。", "Nothing was written."),
    "format_skipped": ("{name}: {reason}", "{name}: {reason}"),
    "unknown_format": (
        "不明な出力形式です: {names}（使えるもの: {choices}）",
        "unknown output format: {names} (choose from: {choices})",
    ),
    # failures caught by the error handler
    "os_error_path": ("「{path}」を扱えません（{reason}）。", "cannot use '{path}' ({reason})."),
    "os_error": ("入出力のエラーです（{reason}）。", "input/output error ({reason})."),
    "os_ENOENT": ("見つかりません", "not found"),
    "os_EACCES": ("権限がありません", "permission denied"),
    "os_ENOSPC": ("ディスクの空きがありません", "no space left on the disk"),
    "os_EROFS": ("読み取り専用の場所です", "read-only file system"),
    "os_EISDIR": ("ファイルではなくフォルダです", "it is a folder, not a file"),
    "os_ENOTDIR": ("フォルダではありません", "not a folder"),
    "os_EEXIST": ("既にあります", "it already exists"),
    "os_ENOTEMPTY": ("フォルダが空ではありません", "the folder is not empty"),
    "os_ENAMETOOLONG": ("名前が長すぎます", "the name is too long"),
    "os_EMFILE": ("同時に開けるファイルが多すぎます", "too many open files"),
    "os_EADDRINUSE": ("ポートが使われています", "the port is in use"),
    "os_other": ("エラー番号 {number}", "error number {number}"),
    "interrupted": ("中断しました。", "Interrupted."),
    "bug": (
        "jigyo の不具合です（{kind}）。お手数ですが、行った操作とこの表示を添えて報告してください"
        "（環境変数 JIGYO_DEBUG=1 を付けて実行すると詳しい情報が出ます）。",
        "this is a bug in jigyo ({kind}). Please report it with what you did and this message "
        "(run with the environment variable JIGYO_DEBUG=1 for details).",
    ),
    # help
    "help_app": (
        "jigyo: YAML で書いた事業計画を検査し、Web サイト・Markdown・JSON・PDF に組版します。",
        "jigyo: checks annual plans written in YAML and typesets them as a web site, "
        "Markdown, JSON and PDF.",
    ),
    "help_option": ("この説明を表示して終わります。", "Show this help and exit."),
    "help_version": ("jigyo の版を表示して終わります。", "Show the version of jigyo and exit."),
    "version": ("jigyo {version}", "jigyo {version}"),
    "help_usage": ("使い方: ", "Usage: "),
    "help_options_metavar": ("[オプション]", "[OPTIONS]"),
    "help_command_metavar": ("コマンド [引数]...", "COMMAND [ARGS]..."),
    "help_type_int": ("整数", "INTEGER"),
    "help_type_number": ("数値", "NUMBER"),
    "help_type_path": ("パス", "PATH"),
    "help_type_text": ("文字列", "TEXT"),
    "help_arguments": ("引数", "Arguments"),
    "help_options": ("オプション", "Options"),
    "help_commands": ("コマンド", "Commands"),
    "help_error": ("エラー", "Error"),
    "help_default": ("［既定：{value}］", "[default: {value}]"),
    "help_required": ("［必須］", "[required]"),
    "help_envvar": ("［環境変数：{value}］", "[env var: {value}]"),
    "help_deprecated": ("（廃止予定）", "(deprecated) "),
    "help_try": (
        "説明は「{command_path} {help_option}」で表示できます。",
        "Try '{command_path} {help_option}' for help.",
    ),
    "help_aborted": ("中断しました。", "Aborted."),
    # usage mistakes (the command line parser's own errors, worded here)
    "usage_no_such_option": ("「{name}」というオプションはありません。", "no such option: {name}."),
    "usage_no_such_command": ("「{name}」というコマンドはありません。", "no such command: '{name}'."),
    "usage_quoted": ("「{name}」", "'{name}'"),
    "usage_list_separator": ("、", ", "),
    "usage_did_you_mean": ("もしかして{names}ですか？", " Did you mean {names}?"),
    "usage_missing_command": ("コマンドを指定してください。", "a command is required."),
    "usage_missing": ("{kind}「{name}」を指定してください。", "missing {kind} '{name}'."),
    "usage_kind_argument": ("引数", "argument"),
    "usage_kind_option": ("オプション", "option"),
    "usage_bad_value": ("「{name}」の値 {value} は使えません。{expect}",
                        "invalid value {value} for '{name}'.{expect}"),
    "usage_bad_value_unknown": ("「{name}」の値が正しくありません。{expect}",
                                "invalid value for '{name}'.{expect}"),
    "usage_expect_choice": ("使えるもの: {choices}", " Choose from: {choices}"),
    "usage_expect_int": ("整数で指定してください。", " A whole number is expected."),
    "usage_needs_value": ("「{name}」には値を続けて書いてください。", "'{name}' needs a value."),
    "usage_takes_no_value": ("「{name}」には値を付けられません。", "'{name}' does not take a value."),
    "usage_extra": ("余分な引数があります: {args}", "unexpected extra argument(s): {args}"),
    "usage_other": ("コマンドの指定に誤りがあります。", "the command line is not valid."),
    # option and argument help
    "opt_plans": ("計画フォルダ（年度フォルダ 2020/ などを含む）",
                  "plans folder (holding year folders such as 2020/)"),
    "opt_lang": ("メッセージの言語（ja / en）", "language of the messages (ja / en)"),
    "opt_out": ("出力フォルダ", "output folder"),
    "opt_format": (
        "出力形式（html, md, json, pdf, csv, xlsx, docx。複数指定可。既定: すべて）",
        "output formats (html, md, json, pdf, csv, xlsx, docx; may be repeated; default: all)",
    ),
    "opt_year": ("この年度だけを組版（複数指定可）", "build only this year (may be repeated)"),
    "opt_base_url": (
        "サイトを公開する URL（例: https://example.jp/jigyo/）。sitemap.xml と正規 URL に使います",
        "the URL the site is published at (e.g. https://example.jp/jigyo/), for sitemap.xml "
        "and canonical links",
    ),
    "help_metavar_folder": ("フォルダ", "FOLDER"),
    "help_metavar_format": ("形式", "FORMAT"),
    "help_metavar_year": ("年度", "YEAR"),
    "help_metavar_port": ("番号", "NUMBER"),
    "check_help": (
        "計画ファイルをすべて検査し、誤りを「ファイル:行:列: 内容」で示します。",
        "Checks every plan file and shows each mistake as 'file:line:column: message'.",
    ),
    "build_help": (
        "計画を検査し、Web サイト（site/）、Markdown（md/）、JSON（json/）、PDF（pdf/）を出力します。",
        "Checks the plans and writes the web site (site/), Markdown (md/), JSON (json/) and "
        "PDF (pdf/).",
    ),
    "schema_help": (
        "エディタ補完用の JSON Schema（unit.schema.json, year.schema.json）を書き出します。",
        "Writes the JSON Schemas for editor completion (unit.schema.json, year.schema.json).",
    ),
}
