"""Messages about reading plans from git revisions.

Each entry is a code → (Japanese, English) pair; parameters in braces are
filled when the message is printed.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "git_missing": ("git コマンドが見つかりません。git をインストールしてください。",
                    "the git command was not found; install git."),
    "git_not_a_repository": ("{folder} は git のリポジトリの中にありません。",
                             "{folder} is not inside a git repository."),
    "git_bad_revision": ("リビジョン「{rev}」は使えません。", "the revision \"{rev}\" cannot be used."),
    "git_unknown_revision": (
        "リビジョン「{rev}」が見つかりません（git fetch が必要かもしれません）。",
        "the revision \"{rev}\" was not found (a git fetch may be needed).",
    ),
    "git_failed": ("git がエラーを返しました: {detail}", "git failed: {detail}"),
}
