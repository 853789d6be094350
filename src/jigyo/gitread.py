"""Plans as they were at a git revision, read from git objects.

Only `git rev-parse`, `git ls-tree` and `git cat-file` are used: the working
tree and the index are never touched, so a diff against `origin/main` is safe
while someone is editing. Files go through the same loader as files on disk
(its in-memory seam, ``load_year(folder, files)``); messages name them as
`REV:plans/2020/unit.yaml:line:column`.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from .errors import JigyoError, PlanError
from .loader import LoadedYear, load_year
from .problems import problem

if TYPE_CHECKING:
    from .readonce import SameBytes

YEAR_NAME = re.compile(r"^\d{4}$")


class GitError(JigyoError):
    """git could not answer: not a repository, an unknown revision, no git (exit status 2)."""

    exit_code = 2


@dataclass(frozen=True)
class Tree:
    """The plans folder at one revision of one repository."""

    root: Path
    rev: str
    commit: str
    prefix: str
    """The plans folder relative to the repository root, in POSIX form ('' for the root)."""

    def label(self, year: int | str) -> str:
        return f"{self.rev}:{year}"

    def inner(self, year: int | str) -> str:
        """The year folder relative to the repository root: plans/2020."""
        return f"{self.prefix}/{year}" if self.prefix else str(year)

    def where(self, year: int | str) -> Path:
        """How messages name the year folder: REV:plans/2020."""
        return Path(f"{self.rev}:{self.inner(year)}")


class _Failed(Exception):
    """git ran and refused; the caller says what that means to the user."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


def _git(root: Path, *args: str, data: bytes | None = None) -> bytes:
    env = dict(os.environ, GIT_OPTIONAL_LOCKS="0", LC_ALL="C")
    try:
        done = subprocess.run(["git", "-C", str(root), *args], input=data, capture_output=True,
                              env=env, check=False)
    except FileNotFoundError:
        raise GitError("git_missing") from None
    if done.returncode != 0:
        raise _Failed(done.stderr.decode("utf-8", "replace").strip())
    return done.stdout


def open_tree(plans_dir: Path, rev: str) -> Tree:
    """The plans folder at `rev`; raises GitError worded for the user."""
    folder = plans_dir.resolve()
    probe = folder if folder.is_dir() else folder.parent
    try:
        top = _git(probe, "rev-parse", "--show-toplevel").decode().strip()
    except _Failed:
        raise GitError("git_not_a_repository", folder=plans_dir.as_posix()) from None
    root = Path(top)
    if rev.startswith("-") or not rev:
        raise GitError("git_bad_revision", rev=rev)
    try:
        commit = _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options",
                      f"{rev}^{{commit}}").decode().strip()
    except _Failed:
        raise GitError("git_unknown_revision", rev=rev) from None
    try:
        prefix = folder.relative_to(root.resolve()).as_posix()
    except ValueError:
        raise GitError("git_not_a_repository", folder=plans_dir.as_posix()) from None
    return Tree(root, rev, commit, "" if prefix == "." else prefix)


def _entries(tree: Tree, inner: str) -> list[tuple[str, str, str]]:
    """(type, object id, name) of each entry of a folder at the revision; [] if absent."""
    spec = f"{tree.commit}:{inner}" if inner else f"{tree.commit}:"
    try:
        raw = _git(tree.root, "ls-tree", "-z", spec)
    except _Failed:
        return []
    found: list[tuple[str, str, str]] = []
    for record in raw.split(b"\0"):
        if not record:
            continue
        meta, name = record.split(b"\t", 1)
        _mode, kind, oid = meta.decode().split()
        found.append((kind, oid, name.decode("utf-8", "surrogateescape")))
    return found


def years(tree: Tree) -> list[int]:
    """Fiscal years (folder names) in the plans folder at the revision."""
    return sorted(int(name) for kind, _, name in _entries(tree, tree.prefix)
                  if kind == "tree" and YEAR_NAME.match(name))


def _blobs(tree: Tree, oids: list[str]) -> list[bytes]:
    """Contents of several objects in one `git cat-file --batch` call."""
    if not oids:
        return []
    try:
        raw = _git(tree.root, "cat-file", "--batch",
                   data="".join(o + "\n" for o in oids).encode())
    except _Failed as failed:
        raise GitError("git_failed", detail=failed.detail) from None
    out: list[bytes] = []
    pos = 0
    for _ in oids:
        end = raw.index(b"\n", pos)
        size = int(raw[pos:end].split()[2])
        out.append(raw[end + 1:end + 1 + size])
        pos = end + 1 + size + 1
    return out


def year_files(tree: Tree, year: int | str) -> dict[str, bytes] | None:
    """File name → content of every file in the year folder; None if the year is absent."""
    inner = str(PurePosixPath(tree.prefix) / str(year)) if tree.prefix else str(year)
    entries = [(oid, name) for kind, oid, name in _entries(tree, inner) if kind == "blob"]
    if not entries and str(year) not in {n for k, _, n in _entries(tree, tree.prefix)
                                         if k == "tree"}:
        return None
    contents = _blobs(tree, [oid for oid, _ in entries])
    return {name: data for (_, name), data in zip(entries, contents, strict=True)}


def load_year_at(tree: Tree, year: int | str,
                 same: SameBytes | None = None) -> LoadedYear | None:
    """One year at the revision, validated like files on disk; None if it did not exist.
    With `same`, files with the bytes of one read before in this command are not read again."""
    files = year_files(tree, year)
    if files is None:
        return None
    loaded, problems = load_year(tree.where(year), files, kept=same)
    if problems or loaded is None:
        raise PlanError(problems or [problem(tree.where(year) / "year.yaml", 1, 1,
                                             "no_year_file")])
    return loaded
