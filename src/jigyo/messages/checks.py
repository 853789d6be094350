"""Messages about what a plan file says: validation and checks across files.

Each entry is a code → (Japanese, English) pair; parameters in braces are
filled when the message is printed.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # model validation
    "missing": (
        "必須のキー「{key}」（{title}）がありません。",
        "required key '{key}' ({title}) is missing.",
    ),
    "extra_forbidden": (
        "「{key}」というキーは使えません。{suggest}",
        "unknown key '{key}'.{suggest}",
    ),
    "did_you_mean": ("もしかして「{key}」ですか？", " Did you mean '{key}'?"),
    "string_type": ("ここには文字列を書いてください。", "text expected here."),
    "list_type": (
        "ここにはリスト（「- 」で始まる行）を書いてください。",
        "a list ('- ' items) is expected here.",
    ),
    "mapping_type": (
        "ここには「キー: 値」の組を書いてください。",
        "a mapping of 'key: value' is expected here.",
    ),
    "one_of_2": (
        "ここには{choice0}または{choice1}を書いてください。",
        "expected {choice0} or {choice1} here.",
    ),
    "one_of_3": (
        "ここには{choice0}、{choice1}、または{choice2}を書いてください。",
        "expected {choice0}, {choice1} or {choice2} here.",
    ),
    "choice_text": ("文字列", "text"),
    "choice_list": ("リスト", "a list"),
    "choice_mapping": ("「キー: 値」の組", "a mapping"),
    "int_parsing": ("ここには整数（例: 2020）を書いてください。", "an integer (e.g. 2020) is expected."),
    "bool_parsing": ("ここには true か false を書いてください。", "true or false is expected here."),
    "greater_than_equal": ("{ge} 以上の数を書いてください。", "must be at least {ge}."),
    "less_than_equal": ("{le} 以下の数を書いてください。", "must be at most {le}."),
    "string_too_short": ("空にはできません。文言を書いてください。", "must not be empty."),
    "too_short": ("1つ以上書いてください。", "at least one item is required."),
    "string_pattern_mismatch": (
        "英小文字・数字・ハイフンだけで書いてください（例: kaigi-2020）。",
        "use lower-case letters, digits and hyphens only (e.g. kaigi-2020).",
    ),
    "string_too_long": ("{max_length} 文字以内で書いてください。", "at most {max_length} characters."),
    "block_kind": (
        "方針のブロックには heading・text・bullets・numbered のどれか1つのキーを書きます"
        "（文章だけなら「- 文章」）。",
        "a policy block needs exactly one of heading, text, bullets, numbered "
        "(or just '- text').",
    ),
    "rows_with_cells": (
        "rows を使う事項には content・target を書けません（どちらか一方の書き方にしてください）。",
        "an entry with rows cannot also have content or target.",
    ),
    "unnumbered_without_name": (
        "numbered: false は name のある事項にだけ使えます。",
        "numbered: false needs a name.",
    ),
    "span_too_long": (
        "{column} の span {span} が、この項目の残りの事項数（{left}）を超えています。",
        "{column} span {span} exceeds the {left} entries left in this group.",
    ),
    "span_covered": (
        "この事項の {column} は上の事項の結合セル（span）に含まれるので、書けません。",
        "this entry's {column} lies inside a merged cell (span) above; leave it out.",
    ),
    "invalid_value": ("値が正しくありません（{detail}）。", "invalid value ({detail})."),
    # cross-file checks
    "no_year_file": (
        "年度ファイル year.yaml がありません。",
        "the year file year.yaml is missing.",
    ),
    "year_mismatch": (
        "fiscal_year {value} がフォルダ名 {folder} と一致しません。",
        "fiscal_year {value} does not match the folder name {folder}.",
    ),
    "bad_filename": (
        "ファイル名「{name}」は使えません。英小文字・数字・ハイフンだけの名前にしてください"
        "（例: houjin-unei.yaml）。",
        "file name '{name}' is not allowed; use lower-case letters, digits and hyphens "
        "(e.g. houjin-unei.yaml).",
    ),
    "unknown_department": (
        "課「{name}」は年度ファイル（{year_file}）の departments にありません。{suggest}",
        "department '{name}' is not listed in the year file ({year_file}).{suggest}",
    ),
    "unknown_unit": (
        "計画単位ファイル「{name}.yaml」がありません。",
        "there is no unit file '{name}.yaml'.",
    ),
    "unit_in_wrong_department": (
        "「{name}」は {listed} に並べられていますが、ファイルでは department: {actual} です。",
        "'{name}' is listed under {listed} but its file says department: {actual}.",
    ),
    "unit_listed_twice": (
        "「{name}」が departments に2回以上並べられています。",
        "'{name}' is listed more than once in departments.",
    ),
    "duplicate_department": (
        "課「{name}」が2回以上書かれています。",
        "department '{name}' is listed more than once.",
    ),
    "duplicate_unit": (
        "この計画単位（{label}）は {other} と同じです。1つのファイルにまとめてください。",
        "this unit ({label}) is the same as {other}; keep it in one file.",
    ),
    "duplicate_id": (
        "id「{id}」は同じファイルの {line}行目でも使われています。",
        "id '{id}' is also used on line {line} of this file.",
    ),
    "no_years": (
        "年度フォルダ（例: plans/2020/）が見つかりません。",
        "no fiscal-year folder (e.g. plans/2020/) was found.",
    ),
    "no_plans_dir": ("フォルダがありません。", "the folder does not exist."),
}
