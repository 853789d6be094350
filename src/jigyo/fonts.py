"""Japanese fonts for the printed plan: which one to use, and whether it has every glyph.

The PDF engine only uses fonts found on this machine (never downloaded at build
time). A Mincho face is preferred for the text and a Gothic face for headings,
as in the council's printed plan; when only one is installed, it serves both.
The environment variable JIGYO_PDF_FONT names a font family or a font file or
folder to use instead.
"""

from __future__ import annotations

import bisect
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


@dataclass(frozen=True)
class Coverage:
    """The code points a face maps, as sorted [first, last] runs: a CJK face's 45,000
    are a few thousand runs, read and kept as they are, and asked by binary search."""

    firsts: tuple[int, ...]
    lasts: tuple[int, ...]

    @classmethod
    def of_runs(cls, runs: Iterable[tuple[int, int]]) -> Coverage:
        """Runs in any order, overlapping or adjacent, as the fewest sorted runs."""
        merged: list[list[int]] = []
        for first, last in sorted(runs):
            if first > last:
                continue
            if merged and first <= merged[-1][1] + 1:
                merged[-1][1] = max(merged[-1][1], last)
            else:
                merged.append([first, last])
        return cls(tuple(r[0] for r in merged), tuple(r[1] for r in merged))

    @classmethod
    def of_points(cls, points: Iterable[int]) -> Coverage:
        return cls.of_runs((p, p) for p in points)

    def __contains__(self, point: object) -> bool:
        if not isinstance(point, int):
            return False
        at = bisect.bisect_right(self.firsts, point) - 1
        return at >= 0 and point <= self.lasts[at]

    def __len__(self) -> int:
        return sum(last - first + 1 for first, last in zip(self.firsts, self.lasts, strict=True))

    def runs(self) -> list[list[int]]:
        return [[first, last] for first, last in zip(self.firsts, self.lasts, strict=True)]


_BEST_CMAPS = ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3), (0, 2), (0, 1), (0, 0))
"""(platform, encoding) of the cmap subtables in the order fontTools' getBestCmap takes them."""


def _group_points(table: bytes) -> Coverage | None:
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
        points = Coverage.of_runs((first, last) for first, last, _ in runs)
    except struct.error:
        return None
    return points if points.firsts else None


def _sfnt_table(path: Path, index: int, tag: bytes) -> bytes | None:
    """The table `tag` of face `index` of an OpenType font or collection (TTC), read from
    its table directory; None when the file is not one this reads."""
    try:
        with path.open("rb") as file:
            head = file.read(12 + 4 * (index + 1))
            start = 0
            if head[:4] == b"ttcf":
                start = struct.unpack_from(">L", head, 12 + 4 * index)[0]
            elif index != 0:
                return None
            file.seek(start)
            directory = file.read(12)
            count = struct.unpack_from(">H", directory, 4)[0]
            records = file.read(16 * count)
            for i in range(count):
                name, _, offset, length = struct.unpack_from(">4sLLL", records, 16 * i)
                if name == tag:
                    file.seek(offset)
                    table = file.read(length)
                    return table if len(table) == length else None
    except (OSError, struct.error):
        return None
    return None


def _read_cmap(path: Path, index: int) -> Coverage:
    table = _sfnt_table(path, index, b"cmap")
    found = _group_points(table) if table is not None else None
    if found is not None:
        return found
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    font = TTFont(str(path), fontNumber=index, lazy=True)
    try:
        return Coverage.of_points(font.getBestCmap() or {})
    finally:
        font.close()


@cache
def charmap(path: Path, index: int, mtime_ns: int, size: int) -> Coverage:
    """Code points a font maps, kept per file version (path, face, mtime, size).

    A CJK face's cmap is read from its groups in a few milliseconds; a font whose
    best subtable is of another format is read by fontTools, which takes up to a
    fifth of a second. The result is kept in the cache folder (a failure to read
    or write there only costs that time again).
    """
    key = hashlib.sha256(f"{path}\0{index}\0{mtime_ns}\0{size}".encode()).hexdigest()[:32]
    kept = cache_folder() / "fonts" / f"{key}.json"
    try:
        runs = json.loads(kept.read_text(encoding="utf-8"))
        return Coverage.of_runs((int(first), int(last)) for first, last in runs)
    except (OSError, ValueError, TypeError):
        pass
    points = _read_cmap(path, index)
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        temporary = kept.with_name(f"{kept.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps(points.runs()), encoding="utf-8")
        os.replace(temporary, kept)
    except OSError:
        pass
    return points


def face_charmap(face: FontFace) -> Coverage:
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
