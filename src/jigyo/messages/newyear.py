"""Messages about starting a new year (jigyo new-year).

Each entry is a code → (Japanese, English) pair; parameters in braces are
filled when the message is printed.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "new_year_help": (
        "前年度の計画をすべて写して新しい年度のフォルダを作ります（fiscal_year だけを書き換え）。",
        "Copies every plan of the previous year into a new year folder (only fiscal_year "
        "changes).",
    ),
    "new_year_arg_year": (
        "新しい年度（例: 2021）。前年度のフォルダを写します",
        "the new year (e.g. 2021); the previous year's folder is copied",
    ),
    "new_year_exists": (
        "{path} は既にあります。作り直すときは先に削除してください。",
        "{path} already exists; delete it first to make it again.",
    ),
    "new_year_no_previous": (
        "元にする前年度のフォルダ {path} がありません。",
        "there is no folder {path} for the previous year to start from.",
    ),
    "new_year_cannot_rewrite": (
        "{path}:{line}:{column}: fiscal_year を書き換えられません。",
        "{path}:{line}:{column}: cannot rewrite fiscal_year.",
    ),
    "new_year_era_label": (
        "{path} の era_label（{label}）は前年度のままです。新しい年度に合わせて直してください。",
        "the era_label ({label}) in {path} is still the previous year's; correct it for the "
        "new year.",
    ),
    "new_year_made": (
        "{path}/ を作りました（{count} ファイル）。",
        "Made {path}/ ({count} file(s)).",
    ),
}
