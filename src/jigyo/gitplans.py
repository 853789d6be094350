"""Plans as they were at a git revision, read from git objects.

Only `git rev-parse`, `git ls-tree` and `git cat-file` are used: the working
tree and the index are never touched, so a diff against `origin/main` is safe
while someone is editing. Files go through the same loader as files on disk;
messages name them as `REV:plans/2020/unit.yaml:line:column`.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .differ import DiffReport
from .errors import PlanError
from .loader import LoadedYear, load_year
from .problems import Problem

_YEAR = re.compile(r"^\d{4}$")


class GitError(Exception):
    """git could not answer: not a repository, an unknown revision, no git."""


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

    def where(self, year: int | str) -> Path:
        """How messages name the year folder: REV:plans/2020."""
        inner = f"{self.prefix}/{year}" if self.prefix else str(year)
        return Path(f"{self.rev}:{inner}")


def _git(root: Path, *args: str, data: bytes | None = None) -> bytes:
    env = dict(os.environ, GIT_OPTIONAL_LOCKS="0", LC_ALL="C")
    try:
        done = subprocess.run(["git", "-C", str(root), *args], input=data, capture_output=True,
                              env=env, check=False)
    except FileNotFoundError:
        raise GitError("git コマンドが見つかりません。git をインストールしてください。") from None
    if done.returncode != 0:
        raise GitError(done.stderr.decode("utf-8", "replace").strip())
    return done.stdout


def open_tree(plans_dir: Path, rev: str) -> Tree:
    """The plans folder at `rev`; raises GitError with a message for the user."""
    folder = plans_dir.resolve()
    probe = folder if folder.is_dir() else folder.parent
    try:
        top = _git(probe, "rev-parse", "--show-toplevel").decode().strip()
    except GitError:
        raise GitError(f"{plans_dir.as_posix()} は git のリポジトリの中にありません。") from None
    root = Path(top)
    if rev.startswith("-") or not rev:
        raise GitError(f"リビジョン「{rev}」は使えません。")
    try:
        commit = _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options",
                      f"{rev}^{{commit}}").decode().strip()
    except GitError:
        raise GitError(f"リビジョン「{rev}」が見つかりません（git fetch が必要かもしれません）。") \
            from None
    try:
        prefix = folder.relative_to(root.resolve()).as_posix()
    except ValueError:
        raise GitError(f"{plans_dir.as_posix()} は git のリポジトリの中にありません。") from None
    return Tree(root, rev, commit, "" if prefix == "." else prefix)


def _entries(tree: Tree, inner: str) -> list[tuple[str, str, str]]:
    """(type, object id, name) of each entry of a folder at the revision; [] if absent."""
    spec = f"{tree.commit}:{inner}" if inner else f"{tree.commit}:"
    try:
        raw = _git(tree.root, "ls-tree", "-z", spec)
    except GitError:
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
                  if kind == "tree" and _YEAR.match(name))


def _blobs(tree: Tree, oids: list[str]) -> list[bytes]:
    """Contents of several objects in one `git cat-file --batch` call."""
    if not oids:
        return []
    raw = _git(tree.root, "cat-file", "--batch", data="".join(o + "\n" for o in oids).encode())
    out: list[bytes] = []
    pos = 0
    for _ in oids:
        end = raw.index(b"\n", pos)
        header = raw[pos:end].split()
        size = int(header[2])
        out.append(raw[end + 1:end + 1 + size])
        pos = end + 1 + size + 1
    return out


def year_files(tree: Tree, year: int) -> dict[str, bytes] | None:
    """File name → content of every file in the year folder; None if the year is absent."""
    inner = str(PurePosixPath(tree.prefix) / str(year)) if tree.prefix else str(year)
    entries = [(oid, name) for kind, oid, name in _entries(tree, inner) if kind == "blob"]
    if not entries and str(year) not in {n for k, _, n in _entries(tree, tree.prefix)
                                         if k == "tree"}:
        return None
    contents = _blobs(tree, [oid for oid, _ in entries])
    return {name: data for (_, name), data in zip(entries, contents, strict=True)}


def load_year_at(tree: Tree, year: int) -> LoadedYear | None:
    """One year at the revision, validated like files on disk; None if it did not exist."""
    files = year_files(tree, year)
    if files is None:
        return None
    loaded, problems = load_year(tree.where(year), files)
    if problems or loaded is None:
        raise PlanError(problems or _empty(tree, year))
    return loaded


def _empty(tree: Tree, year: int) -> list[Problem]:  # pragma: no cover - defensive
    from .problems import problem

    return [problem(tree.where(year) / "year.yaml", 1, 1, "no_year_file")]


# --- what to compare ------------------------------------------------------------


class SideError(Exception):
    """A year or revision the user named that cannot be compared."""


def _load_worktree(plans_dir: Path, year: int) -> LoadedYear | None:
    folder = plans_dir / str(year)
    if not folder.is_dir():
        return None
    loaded, problems = load_year(folder)
    if problems or loaded is None:
        raise PlanError(problems)
    return loaded


def _parse_year(text: str) -> int:
    if not _YEAR.match(text):
        raise SideError(f"「{text}」は年度ではありません。西暦4桁（例: 2020）で指定してください。")
    return int(text)


class Sides:
    """Loads the years named on the command line: YEAR (working tree) or REV:YEAR."""

    def __init__(self, plans_dir: Path) -> None:
        self.plans_dir = plans_dir
        self.trees: dict[str, Tree] = {}

    def tree(self, rev: str) -> Tree:
        if rev not in self.trees:
            self.trees[rev] = open_tree(self.plans_dir, rev)
        return self.trees[rev]

    def load(self, spec: str) -> tuple[str, int, LoadedYear]:
        """(label, year, loaded) for YEAR or REV:YEAR; raises SideError if it does not exist."""
        rev, _, year_text = spec.rpartition(":")
        year = _parse_year(year_text)
        if rev:
            tree = self.tree(rev)
            loaded = load_year_at(tree, year)
            if loaded is None:
                raise SideError(f"{rev} に年度フォルダ {tree.where(year).as_posix().split(':', 1)[1]}"
                                " がありません。")
            return tree.label(year), year, loaded
        loaded = _load_worktree(self.plans_dir, year)
        if loaded is None:
            raise SideError(f"年度フォルダ {(self.plans_dir / str(year)).as_posix()} がありません。")
        return str(year), year, loaded

    def worktree_years(self) -> list[int]:
        if not self.plans_dir.is_dir():
            return []
        return sorted(int(p.name) for p in self.plans_dir.iterdir()
                      if p.is_dir() and _YEAR.match(p.name))


def compare(plans_dir: Path, specs: list[str], base: str | None = None, *,
            ignore_order: bool = False) -> list[DiffReport]:
    """The reports the user asked for.

    - `OLD NEW`: two years, each YEAR (working tree) or REV:YEAR;
    - `YEAR`: the year before against YEAR (or, with `base`, REV:YEAR against YEAR);
    - nothing, with `base`: every year that differs between the revision and the
      working tree; a year new in the working tree is compared with the year
      before it at the revision.
    Raises SideError, GitError or PlanError (located problems).
    """
    from .differ import diff_units

    sides = Sides(plans_dir)
    if len(specs) > 2:
        raise SideError("比べるものは2つまでです（例: jigyo diff 2020 2021）。")
    if len(specs) == 2:
        old_label, _, old_year = sides.load(specs[0])
        new_label, _, new_year = sides.load(specs[1])
        return [diff_units(old_year, new_year, old_label=old_label, new_label=new_label,
                           ignore_order=ignore_order)]
    if len(specs) == 1:
        if ":" in specs[0]:
            raise SideError("REV:YEAR と比べる相手も指定してください（例: jigyo diff HEAD:2020 2020）。")
        year = _parse_year(specs[0])
        old_spec = f"{base}:{year}" if base else str(year - 1)
        return compare(plans_dir, [old_spec, str(year)], ignore_order=ignore_order)
    if not base:
        raise SideError("比べる年度（例: jigyo diff 2020 2021）か --base REV を指定してください。")
    tree = sides.tree(base)
    at_rev = set(years(tree))
    reports: list[DiffReport] = []
    for year in sorted(at_rev | set(sides.worktree_years())):
        new = _load_worktree(plans_dir, year)
        old = load_year_at(tree, year) if year in at_rev else None
        if old is None and new is not None:
            earlier = load_year_at(tree, year - 1) if year - 1 in at_rev else None
            report = diff_units(earlier, new, old_label=tree.label(year - 1 if earlier else year),
                                new_label=str(year), ignore_order=ignore_order)
            reports.append(report)
            continue
        report = diff_units(old, new, old_label=tree.label(year),
                            new_label=str(year) if new else f"{year}（削除）",
                            ignore_order=ignore_order)
        if report.changed or new is None:
            reports.append(report)
    if not reports:
        latest = max(at_rev | set(sides.worktree_years()), default=None)
        if latest is not None:
            reports.append(DiffReport(tree.label(latest), str(latest), latest, latest, (), ()))
    return reports
