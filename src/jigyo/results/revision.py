"""The results files of a year as they were at a git revision (for `jigyo diff --base`)."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from ..gitread import Tree, _blobs, _entries
from .presence import FOLDER


def results_files_at(tree: Tree, year: int | str) -> tuple[Path, dict[str, bytes]] | None:
    """(folder as messages name it, file name → bytes) of plans/<year>/results/ at the revision."""
    inner = str(PurePosixPath(tree.inner(year)) / FOLDER)
    entries = [(oid, name) for kind, oid, name in _entries(tree, inner) if kind == "blob"]
    if not entries:
        return None
    contents = _blobs(tree, [oid for oid, _ in entries])
    files = {name: data for (_, name), data in zip(entries, contents, strict=True)}
    return tree.where(year) / FOLDER, files
