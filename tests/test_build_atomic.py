"""All or nothing: a build that cannot write leaves every output as it was, and says so."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import IO, Any

import pytest
from typer.testing import CliRunner

from jigyo import fsutil
from jigyo.build import OutputWriteError, build
from jigyo.cli import app

FORMATS = ["html", "md", "json"]
FOLDERS = ["site", "md", "json"]


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def hidden(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name.startswith("."))


@pytest.fixture
def built(sample_copy: Path, tmp_path: Path) -> tuple[Path, Path, dict[str, bytes]]:
    """A first build of the sample, then an edit of a plan: the next build changes every format."""
    out = tmp_path / "out"
    build(sample_copy, out, FORMATS)
    unit = sample_copy / "2020" / "soumu.yaml"
    unit.write_text(unit.read_text(encoding="utf-8").replace("7回予定", "8回予定"),
                    encoding="utf-8")
    return sample_copy, out, tree(out)


def disk_full_while_writing(monkeypatch: pytest.MonkeyPatch, marker: str) -> None:
    """Writing any file under a folder whose name contains `marker` fails: the disk is full
    (whether the file is written at once or piece by piece)."""
    real_write, real_open, real_file = Path.write_bytes, Path.open, fsutil._write_file

    def full(path: Path) -> None:
        if any(marker in part for part in path.parts):
            raise OSError(errno.ENOSPC, "No space left on device", str(path))

    def write_bytes(self: Path, data: bytes) -> int:  # type: ignore[override]
        full(self)
        return real_write(self, data)

    def open_(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> IO[Any]:
        if "w" in mode:
            full(self)
        return real_open(self, mode, *args, **kwargs)

    def write_file(path: Path, data: bytes) -> fsutil.FileStamp:
        full(path)
        return real_file(path, data)

    monkeypatch.setattr(Path, "write_bytes", write_bytes)
    monkeypatch.setattr(Path, "open", open_)
    monkeypatch.setattr(fsutil, "_write_file", write_file)


def rename_fails(monkeypatch: pytest.MonkeyPatch, *moves: tuple[str, str]) -> None:
    """Renaming fails from a name starting with `a` to one starting with `b`, for each (a, b)."""
    real = Path.rename

    def rename(self: Path, target: str | os.PathLike[str]) -> Path:
        if any(self.name.startswith(a) and Path(target).name.startswith(b) for a, b in moves):
            raise OSError(errno.EIO, "Input/output error", str(self))
        return real(self, target)

    monkeypatch.setattr(Path, "rename", rename)


def test_a_build_replaces_every_format(built: tuple[Path, Path, dict[str, bytes]]):
    plans, out, before = built
    build(plans, out, FORMATS)
    after = tree(out)
    assert sorted(after) == sorted(before)
    for folder in FOLDERS:
        assert any(after[name] != before[name] for name in after if name.startswith(folder))
    assert "8回予定" in after["md/2020/soumu.md"].decode()
    assert hidden(out) == []


def test_disk_full_while_staging_changes_nothing(built, monkeypatch: pytest.MonkeyPatch):
    plans, out, before = built
    disk_full_while_writing(monkeypatch, ".json.new-")  # json is written last
    with pytest.raises(OutputWriteError) as caught:
        build(plans, out, FORMATS)
    assert caught.value.updated == ()
    assert "出力はどれも変更していません" in caught.value.text("ja")
    assert "No output was changed" in caught.value.text("en")
    assert tree(out) == before
    assert hidden(out) == []


def test_a_failed_swap_puts_the_swapped_folders_back(built, monkeypatch: pytest.MonkeyPatch):
    plans, out, before = built
    rename_fails(monkeypatch, (".json.new-", "json"))  # site/ and md/ are in place by then
    with pytest.raises(OutputWriteError) as caught:
        build(plans, out, FORMATS)
    assert caught.value.updated == ()
    assert tree(out) == before
    assert hidden(out) == []


def test_when_undoing_fails_the_message_names_what_was_updated(built,
                                                                monkeypatch: pytest.MonkeyPatch):
    plans, out, before = built
    # and the new site/ cannot be moved aside to put the old one back
    rename_fails(monkeypatch, (".json.new-", "json"), ("site", ".site.failed-"))
    with pytest.raises(OutputWriteError) as caught:
        build(plans, out, FORMATS)
    assert caught.value.updated == ("html",)
    text = caught.value.text("ja")
    assert "site/ は新しくなりましたが、md/ json/ は元のままです" in text
    assert "site/ were updated but md/ json/ were left as they were" in caught.value.text("en")
    after = tree(out)
    assert "8回予定" in after["site/2020/soumu.html"].decode()
    assert {k: v for k, v in after.items() if not k.startswith("site/")} == {
        k: v for k, v in before.items() if not k.startswith("site/")}


def test_stale_staging_folders_are_removed_at_the_start(built):
    plans, out, _ = built
    dead = 2**22 + 12345  # above the kernel's largest process id: no such process
    for name in (f".site.old-{dead}", f".pdf.new-{dead}", f".md.failed-{dead}"):
        (out / name).mkdir()
        (out / name / "index.html").write_text("old", encoding="utf-8")
    (out / f".site.new-{os.getppid()}").mkdir()  # a build still running elsewhere
    (out / ".keep").mkdir()  # not jigyo's
    build(plans, out, FORMATS)
    assert hidden(out) == [".keep", f".site.new-{os.getppid()}"]


def test_the_command_says_nothing_was_changed(built, monkeypatch: pytest.MonkeyPatch):
    plans, out, before = built
    disk_full_while_writing(monkeypatch, ".md.new-")
    runner = CliRunner()
    result = runner.invoke(app, ["build", "--plans", str(plans), "--out", str(out),
                                 "--format", "html,md,json"])
    assert result.exit_code == 1
    assert "出力はどれも変更していません" in result.output
    assert "Traceback" not in result.output
    result = runner.invoke(app, ["build", "--plans", str(plans), "--out", str(out),
                                 "--format", "html,md,json", "--lang", "en"])
    assert result.exit_code == 1
    assert "no space left on the disk" in result.output and "No output was changed" in result.output
    assert tree(out) == before


def test_a_file_written_twice_in_a_staged_folder_never_changes_the_linked_original(
        tmp_path: Path):
    from jigyo.fsutil import Staging, Written

    target = tmp_path / "site"
    record: Written = {}
    with Staging() as staging:
        staging.writer(target, {}, record)["a.html"] = b"first"
        staging.swap()
    again: Written = {}
    with Staging() as staging:
        writer = staging.writer(target, record, again)
        writer["a.html"] = b"first"  # linked from the folder built before
        writer["a.html"] = b"second"
        assert (target / "a.html").read_bytes() == b"first"  # not yet swapped, and intact
        staging.swap()
    assert (target / "a.html").read_bytes() == b"second"
    assert again["a.html"][0] == b"second"
