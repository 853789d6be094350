"""Writing outputs atomically: a file or a set of folders is replaced whole or not at all.

Every writer of jigyo goes through here, so that a failed or killed run never
leaves a half-written file, an emptied folder, or a mix of old and new folders
behind. New content is first written beside its target under a hidden staging
name (`.<name>.new-<pid>`) and then renamed over it; renames within one folder
are atomic. Leftovers of a run that was killed are recognised by their names and
removed by the next run (:func:`clean_stale`).
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterable, Mapping
from contextlib import suppress
from pathlib import Path

_STAGING = re.compile(r"^\.(?P<name>.+)\.(?:new|old|failed)-(?P<pid>\d+)$")


class ReplaceError(OSError):
    """Some targets could not be replaced; `replaced` lists those that were.

    After a failure every target is put back as it was where that is possible;
    `replaced` names the ones whose new content could not be undone (usually none).
    """

    def __init__(self, cause: OSError, replaced: tuple[Path, ...]) -> None:
        super().__init__(cause.errno, cause.strerror or str(cause), cause.filename)
        self.cause = cause
        self.replaced = replaced


def _staging(target: Path, role: str) -> Path:
    return target.with_name(f".{target.name}.{role}-{os.getpid()}")


def remove(path: Path) -> None:
    """Delete a file, a link or a whole folder; nothing happens if it is not there."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def write_atomic(path: Path, data: bytes | str) -> None:
    """Replace the file `path` by `data` (text is written as UTF-8), whole or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = _staging(path, "new")
    try:
        with staging.open("wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(staging, path)
    finally:
        if staging.exists():
            staging.unlink()


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # our own leftovers (from an earlier call) are always stale
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_stale(parent: Path, names: Iterable[str]) -> list[Path]:
    """Remove staging folders of `names` left in `parent` by runs that no longer exist.

    Staging of a run still going on (another `jigyo build` or the preview) is kept.
    Returns what was removed.
    """
    wanted = set(names)
    removed: list[Path] = []
    try:
        entries = sorted(parent.iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return removed
    for entry in entries:
        found = _STAGING.match(entry.name)
        if found is None or found["name"] not in wanted or _alive(int(found["pid"])):
            continue
        remove(entry)
        removed.append(entry)
    return removed


FileStamp = tuple[int, int, int]
"""A written file's inode, size and modification time: it is still the file written."""
Written = dict[str, tuple[bytes, FileStamp]]
"""What a folder was filled with, by relative path: each file's bytes and stamp."""


_NEW_FILE = (os.O_WRONLY | os.O_CREAT | os.O_TRUNC
             | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0))
"""Flags of a file written whole (binary on Windows, where a bare fd would translate newlines)."""


def _write_file(path: Path, data: bytes) -> FileStamp:
    handle = os.open(path, _NEW_FILE, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(handle, view):]
        info = os.fstat(handle)
    finally:
        os.close(handle)
    return info.st_ino, info.st_size, info.st_mtime_ns


class FolderWriter:
    """Files written one by one into a staging folder, as a renderer makes them.

    A large site is written page by page instead of being held in memory whole;
    a failed write raises ReplaceError (nothing has been replaced yet). Given what
    the target folder was filled with (`earlier`, by the previous build of the
    preview), a file with the same bytes is linked from there instead of written
    again, as long as it is still the file written then; `record` is told what
    this writer leaves.
    """

    def __init__(self, folder: Path, target: Path | None = None,
                 earlier: Written | None = None, record: Written | None = None) -> None:
        self.folder = folder
        self.names: set[str] = set()
        self._dirs: set[Path] = {folder}
        self._target = target
        self._earlier = earlier or {}
        self._record = record

    def _parent(self, path: Path) -> None:
        if path.parent not in self._dirs:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._dirs.add(path.parent)

    def _linked(self, rel: str, path: Path, data: bytes) -> FileStamp | None:
        kept = self._earlier.get(rel)
        if kept is None or self._target is None or kept[0] != data:
            return None
        old = self._target / rel
        try:
            info = os.lstat(old)
            if (info.st_ino, info.st_size, info.st_mtime_ns) != kept[1]:
                return None
            os.link(old, path)
        except OSError:
            return None
        return kept[1]

    def __setitem__(self, rel: str, data: bytes) -> None:
        path = self.folder / rel
        try:
            self._parent(path)
            if rel in self.names:  # written again: never through a link to the earlier file
                path.unlink()
            stamp = self._linked(rel, path, data) or _write_file(path, data)
        except OSError as err:
            raise ReplaceError(err, ()) from err
        if self._record is not None:
            self._record[rel] = (data, stamp)
        self.names.add(rel)

    def stream(self, rel: str, chunks: Iterable[str]) -> None:
        """A file given as pieces of text, written as UTF-8 piece by piece."""
        path = self.folder / rel
        try:
            self._parent(path)
            with path.open("w", encoding="utf-8", newline="", buffering=1 << 20) as handle:
                handle.writelines(chunks)
        except OSError as err:
            raise ReplaceError(err, ()) from err
        self.names.add(rel)

    def __len__(self) -> int:
        return len(self.names)


class Staging:
    """Target folders being written beside themselves, swapped in together by `swap`.

    Use it as a context manager: whatever is still staged on leaving (after a
    failure, or after the swap) is removed.
    """

    def __init__(self) -> None:
        self.staged: list[tuple[Path, Path]] = []

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, *exc: object) -> None:
        for _, staging in self.staged:
            _discard(staging)

    def writer(self, target: Path, earlier: Written | None = None,
               record: Written | None = None) -> FolderWriter:
        """An empty staging folder for `target`, to be filled file by file (see
        :class:`FolderWriter` for `earlier` and `record`)."""
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            staging = _staging(target, "new")
            remove(staging)
            self.staged.append((target, staging))
            staging.mkdir()
        except OSError as err:
            raise ReplaceError(err, ()) from err
        return FolderWriter(staging, target, earlier, record)

    def write(self, target: Path, files: Mapping[str, bytes]) -> None:
        """Stage `target` with exactly `files` (relative POSIX path → bytes)."""
        writer = self.writer(target)
        for rel, data in sorted(files.items()):
            writer[rel] = data

    def swap(self, order: Iterable[Path] | None = None) -> None:
        """Swap every staged folder in (in `order` when given); ReplaceError on failure."""
        staged = self.staged
        if order is not None:
            rank = {target: i for i, target in enumerate(order)}
            staged = sorted(staged, key=lambda pair: rank.get(pair[0], len(rank)))
        _swap(staged)


def replace_folders(folders: Mapping[Path, Mapping[str, bytes]]) -> None:
    """Replace every target folder by exactly its files, all together or none.

    Each folder (target → relative POSIX path → bytes) is written in full beside
    its target first; only when all are written are they swapped in. If writing
    fails, nothing was changed. If a swap fails, the folders already swapped are
    put back; ReplaceError says which could not be (`replaced`).
    """
    with Staging() as staging:
        for target, files in folders.items():
            staging.write(target, files)
        staging.swap()


def _swap(staged: list[tuple[Path, Path]]) -> None:
    """Rename every staging folder over its target; undo all on the first failure."""
    done: list[tuple[Path, Path | None]] = []
    try:
        for target, staging in staged:
            old: Path | None = None
            if target.exists() or target.is_symlink():
                old = _staging(target, "old")
                remove(old)
                target.rename(old)
            try:
                staging.rename(target)
            except OSError:
                if old is not None:
                    old.rename(target)
                raise
            done.append((target, old))
    except OSError as err:
        raise ReplaceError(err, _undo(done)) from err
    for _, old in done:
        if old is not None:
            _discard(old)


def _undo(done: list[tuple[Path, Path | None]]) -> tuple[Path, ...]:
    """Put the previous folders back; returns the targets that keep their new content."""
    kept: list[Path] = []
    for target, old in reversed(done):
        failed = _staging(target, "failed")
        try:
            remove(failed)
            target.rename(failed)
            if old is not None:
                try:
                    old.rename(target)
                except OSError:
                    failed.rename(target)
                    raise
        except OSError:
            kept.append(target)
            if old is not None and target.exists():
                _discard(old)  # the new folder stays in place: the old one has no use
            continue
        _discard(failed)
    return tuple(reversed(kept))


def _discard(path: Path) -> None:
    """Remove what is no longer needed; a leftover is cleaned by a later run."""
    with suppress(OSError):
        remove(path)
