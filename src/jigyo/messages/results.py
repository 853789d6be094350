"""Messages about results files (事業報告・進行管理): reading, matching, the skeleton, the report."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "results_unknown_unit": (
        "実績ファイル「{name}」に対応する計画単位ファイル（{year}/{stem}.yaml）がありません。{suggest}",
        "the results file '{name}' has no plan unit file ({year}/{stem}.yaml).{suggest}",
    ),
    "results_suggest_unit": ("もしかして「{name}」ですか？", " Did you mean '{name}'?"),
    "results_no_key": (
        "実績の事項には id か path（取り組み › 項目 › 事項）を書いてください。",
        "a result needs an id or a path (initiative › group › entry).",
    ),
    "results_unknown_id": (
        "id「{id}」の事項は計画（{unit}）にありません。{suggest}",
        "no entry with the id '{id}' in the plan ({unit}).{suggest}",
    ),
    "results_unknown_path": (
        "「{path}」に当たる事項は計画（{unit}）にありません。{suggest}",
        "no entry '{path}' in the plan ({unit}).{suggest}",
    ),
    "results_suggest_entry": (
        "もしかして「{path}」ですか？",
        " Did you mean '{path}'?",
    ),
    "results_twice": (
        "この事項の実績は {line} 行目にも書かれています。1つにまとめてください。",
        "this entry's result is also written on line {line}; keep one.",
    ),
    "results_bad_status": (
        "達成状況「{value}」は使えません。使える語: {choices}",
        "the status '{value}' is not in the vocabulary: {choices}",
    ),
    "results_missing": (
        "未記入: 「{path}」の実績がありません（{file}）。",
        "not filled in: no result for '{path}' ({file}).",
    ),
    "results_missing_strict": (
        "未記入: 「{path}」の実績がありません（{file}）。--strict では誤りです。",
        "not filled in: no result for '{path}' ({file}); an error with --strict.",
    ),
    "results_config_bad": (
        "jigyo.yaml の results: {detail}",
        "jigyo.yaml results: {detail}",
    ),
    "results_not_a_file": (
        "実績フォルダ {path} は読めません（フォルダではありません）。",
        "the results folder {path} cannot be read (not a folder).",
    ),
    # the skeleton
    "results_new_written": (
        "{path} に {count} 件の事項を書き足しました。",
        "added {count} entries to {path}.",
    ),
    "results_new_unchanged": (
        "{path} は計画と合っています（変更なし）。",
        "{path} matches the plan (unchanged).",
    ),
    "results_new_not_list": (
        "{path} の entries が一覧ではないため書き足せません。",
        "cannot add to {path}: its entries are not a list.",
    ),
    "results_new_help": (
        "年度の計画から実績ファイルのひな形を作ります（記入済みの値は変えません）",
        "write results skeletons from the year's plan (filled values are kept)",
    ),
    "results_help": ("事業報告・進行管理の実績ファイルを扱います", "work with results files"),
    "results_arg_year": ("年度（例: 2020）", "the fiscal year (e.g. 2020)"),
    "results_no_year": (
        "{year} 年度の計画がありません。",
        "there is no plan for the year {year}.",
    ),
    "results_missing_count": (
        "{year} 年度: 未記入 {count} 件",
        "{year}: {count} results not filled in",
    ),
    # the diff: fields a results file adds to an entry
    "diff_field_result": ("実績", "result"),
    "diff_field_status": ("達成状況", "status"),
    "diff_field_done": ("実施状況", "what was done"),
    "diff_field_issues": ("課題", "issues"),
    "diff_field_next": ("次年度の方向性", "next year"),
    "diff_field_interim_result": ("上半期の実績", "interim result"),
    "diff_field_interim_status": ("上半期の達成状況", "interim status"),
    "diff_field_interim_done": ("上半期の実施状況", "interim: what was done"),
    "diff_md_results_note": (
        "実績ファイル（plans/年度/results/）の変更も、同じ年度どうしの比較では事項の変更として示します。",
        "Changes to results files (plans/YEAR/results/) are shown as changes of their entries "
        "when one year is compared at two revisions.",
    ),
    "results_unknown_word": (
        "事業報告の語「{key}」は置き換えられません。使えるキー: {choices}",
        "report word '{key}' cannot be replaced; the keys are: {choices}",
    ),
    "results_xlsx_help": (
        "実績を入力するExcelブック（係ごとのシート、計画の列は保護）を書き出します。",
        "write an Excel workbook for entering results (a sheet per unit, plan columns locked).",
    ),
    "results_xlsx_opt_output": ("書き出すブック（既定: <年度>-results.xlsx）",
                                "the workbook to write (default: <year>-results.xlsx)"),
    "results_xlsx_written": ("{path} を書き出しました（{count}シート）。",
                             "wrote {path} ({count} sheets)."),
    "results_import_help": (
        "入力済みのExcelブックから実績ファイルを書き込みます（誤りがあれば何も書きません）。",
        "write the results files from a filled-in workbook (nothing is written on a mistake).",
    ),
    "results_import_arg_book": ("取り込むブック（.xlsx）", "the workbook to import (.xlsx)"),
    "results_import_written": ("{path} を書き込みました。", "wrote {path}."),
    "results_import_unchanged": ("実績ファイルに変更はありません。",
                                 "no results file changed."),
    "results_book_invalid": (
        "ブックに {count} 件の問題があります。実績ファイルは何も書き込んでいません。",
        "the workbook has {count} problem(s); no results file was written.",
    ),
    "results_book_unreadable": ("ブック {path} を読めません: {reason}",
                                "cannot read the workbook {path}: {reason}"),
    "results_book_no_key": (
        "計画にない行に値が入っています。実績は計画の事項の行に入力してください（行を追加しないでください）。",
        "this row is not a row of the plan; enter results in the rows of the plan's entries.",
    ),
    "results_book_unknown_key": (
        "この行の事項「{key}」は計画にありません。近い事項: 「{nearest}」",
        "the entry '{key}' of this row is not in the plan; nearest: '{nearest}'",
    ),
    "results_book_twice": ("事項「{key}」の行が2つあります。1つにしてください。",
                           "the entry '{key}' has two rows; keep one."),
    "results_book_plan_changed": (
        "計画の列が変更されています。計画は計画ファイルで直してください。この変更は取り込みません。",
        "a plan column was changed; edit the plan in its files. The change is ignored.",
    ),
    "results_book_bad_status": (
        "達成状況「{value}」は使えません。使える語: {choices}",
        "the status '{value}' is not allowed; use one of: {choices}",
    ),
    "results_book_unknown_sheet": (
        "シート「{name}」は計画の係にありません（名前を変えましたか？ 近いシート名: 「{nearest}」）。",
        "the sheet '{name}' is not a unit of the plan (renamed? nearest: '{nearest}').",
    ),
    "results_book_missing_sheet": (
        "シート「{name}」がありません。書き出したときのシート名に戻してください。",
        "the sheet '{name}' is missing; give it back the name it was exported with.",
    ),
}
