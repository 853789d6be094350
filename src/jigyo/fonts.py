"""Japanese fonts for the printed plan: which one to use, and whether it has every glyph.

The PDF engine only uses fonts found on this machine (never downloaded at build
time). A Mincho face is preferred for the text and a Gothic face for headings,
as in the council's printed plan; when only one is installed, it serves both.
The environment variable JIGYO_PDF_FONT names a font family or a font file or
folder to use instead.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .cachedir import cache_folder
from .errors import JigyoError

FONT_SETTING = "JIGYO_PDF_FONT"

SERIF_FAMILIES = (
    "Noto Serif CJK JP", "Source Han Serif JP", "Source Han Serif", "IPAexMincho",
    "IPAMincho", "BIZ UDMincho", "BIZ UDPMincho", "Hiragino Mincho ProN",
    "Hiragino Mincho Pro", "Yu Mincho", "YuMincho", "MS Mincho", "MS PMincho",
    "Noto Serif JP",
)
SANS_FAMILIES = (
    "Noto Sans CJK JP", "Source Han Sans JP", "Source Han Sans", "IPAexGothic",
    "IPAGothic", "BIZ UDGothic", "BIZ UDPGothic", "Hiragino Sans",
    "Hiragino Kaku Gothic ProN", "Hiragino Kaku Gothic Pro", "Yu Gothic", "YuGothic",
    "Meiryo", "MS Gothic", "MS PGothic", "Noto Sans JP",
)

_PROBE = "あア漢字。"
"""A font that maps these is taken to be a Japanese font."""


class FontUnavailable(JigyoError):
    """No usable Japanese font here; the message names what to install or set."""


@dataclass(frozen=True)
class FontFace:
    family: str
    path: Path
    index: int


@dataclass(frozen=True)
class FontChoice:
    """The faces the PDF uses and the folders the engine must load them from."""

    body: FontFace
    heading: FontFace

    @property
    def folders(self) -> list[str]:
        return sorted({str(self.body.path.parent), str(self.heading.path.parent)})


def _runs(points: frozenset[int]) -> list[list[int]]:
    """Code points as [first, last] runs: a CJK font's 60,000 are a few thousand runs."""
    runs: list[list[int]] = []
    for point in sorted(points):
        if runs and runs[-1][1] == point - 1:
            runs[-1][1] = point
        else:
            runs.append([point, point])
    return runs


_BEST_CMAPS = ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3), (0, 2), (0, 1), (0, 0))
"""(platform, encoding) of the cmap subtables in the order fontTools' getBestCmap takes them."""


def _group_points(table: bytes) -> frozenset[int] | None:
    """The code points of a cmap table whose best subtable is format 12 (every CJK font's),
    read from its groups; None for another format or a table that does not parse.

    The same set getBestCmap gives, without naming each of 60,000 glyphs, which makes
    fontTools take a tenth of a second per face.
    """
    try:
        _, count = struct.unpack_from(">HH", table, 0)
        records = [struct.unpack_from(">HHL", table, 4 + 8 * i) for i in range(count)]
        offset = next((o for wanted in _BEST_CMAPS for p, e, o in records if (p, e) == wanted),
                      None)
        if offset is None or struct.unpack_from(">H", table, offset)[0] != 12:
            return None
        groups = struct.unpack_from(">L", table, offset + 12)[0]
        runs = struct.iter_unpack(">LLL", table[offset + 16:offset + 16 + 12 * groups])
        points = frozenset(p for first, last, _ in runs for p in range(first, last + 1))
    except struct.error:
        return None
    return points if points else None


def _read_cmap(path: Path, index: int) -> frozenset[int]:
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    font = TTFont(str(path), fontNumber=index, lazy=True)
    try:
        found = _group_points(font.reader["cmap"]) if "cmap" in font.reader else None
        return found if found is not None else frozenset(font.getBestCmap() or {})
    finally:
        font.close()


@cache
def charmap(path: Path, index: int, mtime_ns: int, size: int) -> frozenset[int]:
    """Code points a font maps, kept per file version (path, face, mtime, size).

    Reading a CJK font's cmap costs a fifth of a second, more than the rest of
    a PDF build's start; the result is kept in the cache folder (a failure to
    read or write there only costs that time again).
    """
    key = hashlib.sha256(f"{path}\0{index}\0{mtime_ns}\0{size}".encode()).hexdigest()[:32]
    kept = cache_folder() / "fonts" / f"{key}.json"
    try:
        runs = json.loads(kept.read_text(encoding="utf-8"))
        return frozenset(p for first, last in runs for p in range(first, last + 1))
    except (OSError, ValueError, TypeError):
        pass
    points = _read_cmap(path, index)
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        temporary = kept.with_name(f"{kept.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps(_runs(points)), encoding="utf-8")
        os.replace(temporary, kept)
    except OSError:
        pass
    return points


def face_charmap(face: FontFace) -> frozenset[int]:
    info = face.path.stat()
    return charmap(face.path, face.index, info.st_mtime_ns, info.st_size)


def _faces(fonts: Iterable[Any]) -> dict[str, list[FontFace]]:
    """Regular-weight faces by family, from the engine's font list."""
    ranked: dict[str, list[tuple[int, str, int]]] = {}
    for info in fonts:
        if info.path is None or info.style != "normal":
            continue
        # the regular weight first, then a stable order
        ranked.setdefault(info.family, []).append((abs(info.weight - 400), info.path, info.index))
    return {
        family: [FontFace(family, Path(path), index) for _, path, index in sorted(entries)]
        for family, entries in ranked.items()
    }


def _is_japanese(face: FontFace) -> bool:
    try:
        mapped = face_charmap(face)
    except Exception:  # an unreadable font file is simply not a candidate
        return False
    return all(ord(c) in mapped for c in _PROBE)


def _pick(faces: dict[str, list[FontFace]], families: Iterable[str]) -> FontFace | None:
    lowered = {name.lower(): name for name in faces}
    for family in families:
        name = lowered.get(family.lower())
        if name is not None:
            for face in faces[name]:
                if _is_japanese(face):
                    return face
    return None


def _system_faces(extra: list[str]) -> dict[str, list[FontFace]]:
    import typst

    return _faces(typst.Fonts(include_system_fonts=not extra, include_embedded_fonts=False,
                              font_paths=extra).fonts())


def find_fonts(setting: str | None = None) -> FontChoice:
    """The Japanese faces to print with; raises FontUnavailable naming what to install."""
    setting = (os.environ.get(FONT_SETTING, "") if setting is None else setting).strip()
    if setting and Path(setting).exists():
        named = Path(setting).resolve()
        folder = named if named.is_dir() else named.parent
        faces = _system_faces([str(folder)])
        japanese = [f for fs in faces.values() for f in fs if _is_japanese(f)
                    and (named.is_dir() or f.path.resolve() == named)]
        if not japanese:
            raise FontUnavailable("pdf_font_path_not_japanese", setting=FONT_SETTING, value=setting)
        return FontChoice(japanese[0], japanese[0])
    faces = _system_faces([])
    if setting:
        chosen = _pick(faces, [setting])
        if chosen is None:
            raise FontUnavailable("pdf_font_family_not_found", setting=FONT_SETTING, value=setting)
        return FontChoice(chosen, chosen)
    serif = _pick(faces, SERIF_FAMILIES)
    sans = _pick(faces, SANS_FAMILIES)
    if serif is None and sans is None:
        raise FontUnavailable("pdf_no_font", setting=FONT_SETTING)
    body = serif or sans
    assert body is not None
    return FontChoice(body, sans or body)


def _ignorable(char: str) -> bool:
    """Characters that need no glyph: controls, format characters, variation selectors."""
    if char in "\n\r\t":
        return True
    code = ord(char)
    if 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF:
        return True
    return unicodedata.category(char) in ("Cc", "Cf")


def missing_characters(text: str, face: FontFace) -> list[str]:
    """Characters of `text` that `face` has no glyph for, in order of first use."""
    mapped = face_charmap(face)
    return [c for c in dict.fromkeys(text) if not _ignorable(c) and ord(c) not in mapped]
