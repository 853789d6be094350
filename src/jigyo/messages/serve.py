"""Messages about the preview server (jigyo serve).

Each entry is a code → (Japanese, English) pair; parameters in braces are
filled when the message is printed.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "serve_help": (
        "サイトを組版して 127.0.0.1 で表示し、計画を保存するたびに組版し直して再読み込みします。",
        "Builds the site, shows it on 127.0.0.1, and rebuilds and reloads it on every save.",
    ),
    "serve_opt_out": ("出力フォルダ（site/ を配信します）", "output folder (its site/ is served)"),
    "serve_opt_port": ("ポート番号（0 で空いている番号）", "port number (0: any free port)"),
    "serve_listening": (
        "{url} で表示しています（Ctrl+C で終了）",
        "Serving on {url} (Ctrl+C to stop)",
    ),
    "serve_stopping": ("終了します。", "Stopping."),
    "serve_built": ("組版しました。", "Built."),
    "serve_plan_problems": (
        "問題が {count} 件あります。前回の表示のままです。",
        "{count} problem(s) found; the previous pages are still shown.",
    ),
    "serve_build_failed": ("組版できません: {detail}", "cannot build: {detail}"),
    "serve_bug": (
        "組版中に jigyo の不具合が起きました（{kind}）。前回の表示のままです。"
        "保存し直すと組版し直します。",
        "a bug in jigyo stopped the build ({kind}); the previous pages are still shown. "
        "Save again to rebuild.",
    ),
    "serve_watch_failed": (
        "保存を見張れなくなりました: {detail}見張り直します。",
        "watching for saves failed: {detail} Watching again.",
    ),
    "serve_bug_short": ("jigyo の不具合です（{kind}）。", "a bug in jigyo ({kind})."),
    "serve_banner": (
        "計画ファイルに問題があります（直して保存すると自動で表示し直します）:",
        "The plan files have problems (fix and save them; the page reloads by itself):",
    ),
    "serve_no_plans": ("計画フォルダがありません: {path}", "the plans folder does not exist: {path}"),
    "serve_port_taken": (
        "サーバーを起動できません: ポート {port} は使われています。--port で別の番号を指定してください。",
        "cannot start the server: port {port} is in use; choose another with --port.",
    ),
    "serve_cannot_start": (
        "サーバーを起動できません（ポート {port}）: {reason}",
        "cannot start the server (port {port}): {reason}",
    ),
    "serve_not_found_title": ("見つかりません", "Not found"),
    "serve_not_found": ("ページが見つかりません", "Page not found"),
    "serve_to_top": ("トップへ", "To the top page"),
    "serve_bad_host": (
        "このサーバーは 127.0.0.1 または localhost の名前でだけ使えます。",
        "This server answers only to 127.0.0.1 or localhost.",
    ),
    "serve_request_failed": (
        "表示の要求に答えられませんでした（{kind}）。",
        "could not answer a request ({kind}).",
    ),
}
