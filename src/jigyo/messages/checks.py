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
    "key_belongs_deeper": (
        "「{key}」は{place}に書くキーです。字下げが浅すぎないか確かめてください。",
        " '{key}' belongs in {place}; is it indented too little?",
    ),
    "key_belongs_higher": (
        "「{key}」は{place}に書くキーです。字下げが深すぎないか確かめてください。",
        " '{key}' belongs in {place}; is it indented too much?",
    ),
    "key_belongs_elsewhere": (
        "「{key}」は{place}に書くキーです。書く場所と字下げを確かめてください。",
        " '{key}' belongs in {place}; check where it is written and its indentation.",
    ),
    "place_unit": ("計画単位ファイルの最上位", "the top level of a unit file"),
    "place_year": ("年度ファイル（year.yaml）の最上位", "the top level of the year file"),
    "place_initiative": ("取り組み（initiatives の各要素）", "an initiative (an item of initiatives)"),
    "place_group": ("項目（table の各要素）", "a group (an item of table)"),
    "place_entry": ("事項（entries の各要素）", "an entry (an item of entries)"),
    "place_row": ("rows の各要素", "an item of rows"),
    "place_department": ("課（departments の各要素）", "a department (an item of departments)"),
    "place_spanning": ("結合セル（{{text, span}}）", "a merged cell ({{text, span}})"),
    "place_other": ("別の場所", "another place"),
    "hint_dash_space": (
        "「-」の後に半角の空白を入れてください（「- {key}」）。",
        " Put a space after '-' ('- {key}').",
    ),
    "hint_colon_space": (
        "キーの後の「:」の次に半角の空白を入れてください（「キー: 値」）。",
        " Put a space after the key's ':' ('key: value').",
    ),
    "hint_fullwidth_colon": (
        "キーの後のコロンが全角「：」です。半角の「: 」にしてください。",
        " The colon after the key is full-width (：); use ': '.",
    ),
    "string_type": ("ここには文字列を書いてください。{hint}", "text expected here.{hint}"),
    "list_type": (
        "ここにはリスト（「- 」で始まる行）を書いてください。{hint}",
        "a list ('- ' items) is expected here.{hint}",
    ),
    "mapping_type": (
        "ここには「キー: 値」の組を書いてください。{hint}",
        "a mapping of 'key: value' is expected here.{hint}",
    ),
    "one_of_2": (
        "ここには{choice0}または{choice1}を書いてください。{hint}",
        "expected {choice0} or {choice1} here.{hint}",
    ),
    "one_of_3": (
        "ここには{choice0}、{choice1}、または{choice2}を書いてください。{hint}",
        "expected {choice0}, {choice1} or {choice2} here.{hint}",
    ),
    "choice_text": ("文字列", "text"),
    "choice_list": ("リスト", "a list"),
    "choice_mapping": ("「キー: 値」の組", "a mapping"),
    "int_parsing": (
        "ここには半角数字だけで整数（例: 2020）を書いてください。",
        "an integer in plain digits (e.g. 2020) is expected.",
    ),
    "bool_parsing": ("ここには true か false を書いてください。", "true or false is expected here."),
    "greater_than_equal": ("{ge} 以上の数を書いてください。", "must be at least {ge}."),
    "less_than_equal": ("{le} 以下の数を書いてください。", "must be at most {le}."),
    "string_too_short": ("空にはできません。文言を書いてください。", "must not be empty."),
    "too_short": ("1つ以上書いてください。", "at least one item is required."),
    "too_long": ("{max_length} 個以内にしてください。", "at most {max_length} items."),
    "literal_error": (
        "ここには {allowed} のどれかを書いてください。",
        "expected one of {allowed} here.",
    ),
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
    "entry_empty": (
        "この事項には内容も目標値もありません。結合セル（span）の最初の事項を消したときは、"
        "残った最初の事項に {{text: …, span: …}} を書き直してください。"
        "空欄のままでよいときは「target:」（値なし）と書いてください。",
        "this entry has neither content nor target. If the first entry of a merged cell "
        "(span) was deleted, write {{text: …, span: …}} on the first entry left; to keep it "
        "blank on purpose, write 'target:' with no value.",
    ),
    "invalid_value": (
        "この値は使えません。{allowed}",
        "invalid value ({kind}).{allowed}",
    ),
    "allowed_values": ("使える値: {allowed}", " Allowed: {allowed}"),
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
        "この中に年度フォルダ（4桁の西暦年の名前のフォルダ、例: 2020/）がありません。"
        "ここにあるもの: {present}。{hint}",
        "no fiscal-year folder (a folder named by four digits, e.g. 2020/) in here. "
        "Present: {present}.{hint}",
    ),
    "no_years_nothing": ("（何もありません）", "(nothing)"),
    "no_years_is_year": (
        "これは年度フォルダのようです。--plans にはその上のフォルダ（{parent}）を指定してください。",
        " This looks like a year folder itself; pass its parent ({parent}) to --plans.",
    ),
    "no_such_years": (
        "年度 {wanted} のフォルダがありません。ある年度: {present}。",
        "no folder for fiscal year {wanted}. Years present: {present}.",
    ),
    "no_plans_dir": ("フォルダがありません。", "the folder does not exist."),
}
