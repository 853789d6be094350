"""Fonts for the PDF: a clear message when none is installed, no PDF with a missing glyph."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from jigyo import fonts
from jigyo.build import build
from jigyo.cli import app

from .conftest import UNIT
from .test_pdf import need_pdf_tools

runner = CliRunner()


@pytest.fixture
def no_fonts(monkeypatch: pytest.MonkeyPatch) -> None:
    """A machine without any Japanese font."""
    monkeypatch.delenv(fonts.FONT_SETTING, raising=False)
    monkeypatch.setattr(fonts, "_system_faces", lambda extra: {})


def test_without_fonts_build_makes_the_other_formats_and_names_the_package(plans, tmp_path: Path,
                                                                           no_fonts: None):
    folder = plans({"a.yaml": UNIT})
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", "--plans", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "fonts-noto-cjk" in line]
    assert len(lines) == 1 and lines[0].startswith("pdf: 日本語フォントが見つからないため")
    assert "Traceback" not in result.output
    assert (out / "site" / "index.html").is_file()
    assert (out / "json" / "2020.json").is_file()
    assert not (out / "pdf").exists()


def test_without_fonts_asking_for_the_pdf_alone_fails_and_keeps_the_old_one(plans, tmp_path: Path,
                                                                            no_fonts: None):
    folder = plans({"a.yaml": UNIT})
    out = tmp_path / "out"
    (out / "pdf").mkdir(parents=True)
    (out / "pdf" / "2020.pdf").write_bytes(b"%PDF- earlier build")
    result = runner.invoke(app, ["build", "--plans", str(folder), "--out", str(out),
                                 "--format", "pdf"])
    assert result.exit_code == 1
    assert "sudo apt install fonts-noto-cjk" in result.output
    assert (out / "pdf" / "2020.pdf").read_bytes() == b"%PDF- earlier build"


def test_a_font_setting_that_names_no_font_is_reported(plans, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(fonts.FONT_SETTING, "存在しない明朝")
    monkeypatch.setattr(fonts, "_system_faces", lambda extra: {})
    reasons: list[str] = []
    build(plans({"a.yaml": UNIT}), tmp_path / "out", ["pdf"],
          on_skip=lambda name, why: reasons.append(str(why)))
    assert len(reasons) == 1 and "「存在しない明朝」が見つからない" in reasons[0]


def test_a_character_missing_from_the_font_stops_the_pdf_with_its_place(plans, tmp_path: Path):
    need_pdf_tools()
    unit = UNIT.replace("target: 7回予定", "target: 7回\ue000予定")
    folder = plans({"a.yaml": unit})
    reasons: list[str] = []
    counts = build(folder, tmp_path / "out", ["json", "pdf"],
                   on_skip=lambda name, why: reasons.append(str(why)))
    assert counts == {"json": 1}
    assert len(reasons) == 1
    assert reasons[0].startswith(f"{folder.as_posix()}/2020/a.yaml:9:23: 「\ue000」（U+E000）")
    assert not (tmp_path / "out" / "pdf").exists()


def test_a_font_file_can_be_named_by_the_setting(plans, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch):
    need_pdf_tools()
    chosen = fonts.find_fonts("")
    monkeypatch.setenv(fonts.FONT_SETTING, str(chosen.heading.path))
    picked = fonts.find_fonts()
    assert picked.body.path == picked.heading.path == chosen.heading.path
    reasons: list[str] = []
    build(plans({"a.yaml": UNIT}), tmp_path / "out", ["pdf"],
          on_skip=lambda name, why: reasons.append(str(why)))
    assert not reasons
    assert (tmp_path / "out" / "pdf" / "2020.pdf").read_bytes().startswith(b"%PDF-")


def test_missing_characters_ignores_controls_and_variation_selectors():
    need_pdf_tools()
    face = fonts.find_fonts("").body
    assert fonts.missing_characters("事業計画\n\u200b\ufe00 abc", face) == []
    assert fonts.missing_characters("a\ue000b\ue000", face) == ["\ue000"]


def test_build_command_writes_the_pdf_of_each_year(plans, tmp_path: Path):
    need_pdf_tools()
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", "--plans", str(plans({"a.yaml": UNIT})),
                                 "--out", str(out), "--format", "pdf"])
    assert result.exit_code == 0, result.output
    assert f"pdf: {(out / 'pdf').as_posix()}/ に 1 ファイル" in result.output
    assert (out / "pdf" / "2020.pdf").read_bytes().startswith(b"%PDF-")


def test_without_fonts_the_reason_is_given_in_english_with_lang_en(plans, tmp_path: Path,
                                                                    no_fonts: None):
    folder = plans({"a.yaml": UNIT})
    result = runner.invoke(app, ["build", "--plans", str(folder), "--out", str(tmp_path / "out"),
                                 "--lang", "en"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "fonts-noto-cjk" in line]
    assert len(lines) == 1 and lines[0].startswith("pdf: ")
    assert not any("\u3040" <= ch <= "\u30ff" for ch in lines[0]), lines[0]


def test_the_glyph_check_sees_the_code_points_fonttools_reads(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch):
    """The cmap read from its groups is the set fontTools' getBestCmap gives, for the faces
    the PDF uses and for a font whose best subtable is not format 12 (read by fontTools)."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.ttLib import TTFont

    need_pdf_tools()
    monkeypatch.setenv("JIGYO_CACHE_DIR", str(tmp_path / "cache"))
    chosen = fonts.find_fonts()
    for face in {chosen.body, chosen.heading}:
        expected = frozenset(TTFont(str(face.path), fontNumber=face.index, lazy=True)
                             .getBestCmap())
        coverage = fonts._read_cmap(face.path, face.index)
        assert coverage == fonts.Coverage.of_points(expected)
        assert len(coverage) == len(expected) > 20_000 and ord("漢") in coverage
        assert all((p in coverage) == (p in expected) for p in range(0x30000))
    small = FontBuilder(1000, isTTF=True)
    small.setupGlyphOrder([".notdef", "a", "b"])
    small.setupCharacterMap({ord("a"): "a", ord("b"): "b"})  # format 4 only
    path = tmp_path / "small.ttf"
    small.save(str(path))
    assert fonts._group_points(TTFont(str(path), lazy=True).reader["cmap"]) is None
    assert fonts._read_cmap(path, 0) == fonts.Coverage((ord("a"),), (ord("b"),))


def test_coverage_merges_runs_and_answers_membership():
    coverage = fonts.Coverage.of_runs([(10, 12), (1, 3), (4, 5), (11, 20), (30, 30), (9, 8)])
    assert coverage.runs() == [[1, 5], [10, 20], [30, 30]]
    assert [p for p in range(0, 32) if p in coverage] == [*range(1, 6), *range(10, 21), 30]
    assert len(coverage) == 17 and "a" not in coverage
