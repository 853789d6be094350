"""Messages of `jigyo init`: starting a new plans repository."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "init_help": (
        "新しい計画のフォルダを作ります（設定・年度ファイル・手本・エディタ設定・ワークフロー・README）。",
        "Start a new plans folder (settings, year file, sample unit, editor settings, "
        "workflow, README).",
    ),
    "init_arg_dir": ("作るフォルダ（既定: いまのフォルダ）", "folder to create (default: here)"),
    "init_opt_organization": ("法人名（例: 〇〇市社会福祉協議会）",
                              "organization name"),
    "init_opt_year": ("最初の年度（西暦、例: 2024）", "first fiscal year (e.g. 2024)"),
    "init_opt_title": ("表題（既定: 事業計画）", "document title (default: 事業計画)"),
    "init_prompt_organization": ("法人名", "Organization"),
    "init_prompt_year": ("最初の年度（西暦4桁）", "First fiscal year (four digits)"),
    "init_missing": (
        "{names} を指定してください（端末から実行すると尋ねます）。例: jigyo init --organization "
        "〇〇市社会福祉協議会 --year 2024",
        "give {names} (asked for when run from a terminal), e.g. jigyo init --organization "
        "NAME --year 2024",
    ),
    "init_bad_year": ("年度は 1989 から 2200 までの西暦4桁で指定してください: {value}",
                      "the year must be four digits from 1989 to 2200: {value}"),
    "init_exists": ("{path} はもうあります。空のフォルダで実行してください（上書きはしません）。",
                    "{path} exists already; run in an empty folder (nothing is overwritten)."),
    "init_made": ("{path} に {count} 個のファイルを作りました。次は jigyo check と jigyo build です。",
                  "made {count} files in {path}; next: jigyo check and jigyo build."),
}
