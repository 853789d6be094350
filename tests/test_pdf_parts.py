"""A year compiled in two passes, or in parts joined, is the document one compile gives.

Large years are measured, placed in parts and joined (renderers/pdf_parts,
pdf_merge); here the real year is forced into parts and compared with one
compile of its Typst source, as a reader's tools see it: pages and their
printed numbers, the text, the bookmarks, the contents' links, the tag tree.
"""

from __future__ import annotations

import subprocess
from io import BytesIO
from pathlib import Path
from typing import Any

import pikepdf
import pytest

from jigyo import fonts as fonts_module
from jigyo.cachedir import CACHE_SETTING
from jigyo.fonts import find_fonts
from jigyo.layout import YearView, year_view
from jigyo.loader import load_plans
from jigyo.renderers import pdf, pdf_parts, typst_run
from jigyo.renderers.pdf import _covering, render_pdf, typst_source

from .conftest import REAL
from .test_pdf import need_pdf_tools


def _year() -> YearView:
    return year_view(load_plans(REAL).years[0])


def _one_compile(year: YearView) -> bytes:
    source = typst_source(year)
    return pdf.compile_pdf(source, _covering(source, year, find_fonts()))


def _as_read(data: bytes) -> dict[str, Any]:
    """What a reader's tools show of a PDF, page objects replaced by page numbers."""
    doc = pikepdf.open(BytesIO(data))
    page_of = {page.objgen: n for n, page in enumerate(doc.pages)}

    def where(dest: Any) -> tuple[int, float, float]:
        return page_of[dest[0].objgen], round(float(dest[2]), 2), round(float(dest[3]), 2)

    marks: list[tuple[int, str, int, tuple[int, float, float]]] = []

    def walk(item: Any, depth: int) -> None:
        child = item.get("/First")
        while child is not None:
            marks.append((depth, str(child.Title), int(child.get("/Count", 0)), where(child.Dest)))
            walk(child, depth + 1)
            child = child.get("/Next")

    walk(doc.Root.Outlines, 0)
    links = [(n, str(a.get("/Contents")), where(a.Dest) if "/Dest" in a else str(a.get("/A")))
             for n, page in enumerate(doc.pages) for a in page.obj.get("/Annots", [])]
    tags: list[tuple[Any, ...]] = []
    headers: set[str] = set()

    def tag(node: Any, depth: int) -> None:
        if isinstance(node, pikepdf.Array):
            for kid in node:
                tag(kid, depth)
        elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
            tags.append((depth, str(node.S), page_of.get(node.Pg.objgen) if "/Pg" in node else None))
            for owner in node.get("/A", []) if isinstance(node.get("/A"), pikepdf.Array) else []:
                headers.update(str(h) for h in owner.get("/Headers", []))
            if "/K" in node:
                tag(node.K, depth + 1)
        elif isinstance(node, pikepdf.Dictionary):
            tags.append((depth, str(node.get("/Type")), str(node.get("/MCID", ""))))
        else:
            tags.append((depth, int(node)))

    tree = doc.Root.StructTreeRoot
    tag(tree.K, 0)
    nums = tree.ParentTree.Nums
    parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    # every marked-content sequence of a page names the tag it belongs to
    for page in doc.pages:
        for elem in parents[int(page.obj.StructParents)]:
            assert elem.Pg.objgen == page.objgen
    ids = [str(tree.IDTree.Names[i]) for i in range(0, len(tree.IDTree.Names), 2)]
    assert len(set(ids)) == len(ids)
    assert headers <= set(ids)  # a cell's headers are found in this document
    return {"pages": len(doc.pages), "labels": [p.label for p in doc.pages], "marks": marks,
            "links": links, "tags": tags, "ids": len(ids), "tagged": bool(doc.Root.MarkInfo.Marked),
            "root": int(doc.Root.Outlines.Count)}


def _text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "read.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def test_measuring_first_gives_the_bytes_of_one_compile():
    need_pdf_tools()
    year = _year()
    assert render_pdf([year])[f"{year.name}.pdf"] == _one_compile(year)


def test_a_year_in_one_part_is_measured_and_placed_by_one_compiler(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    need_pdf_tools()
    monkeypatch.setenv(CACHE_SETTING, str(tmp_path))
    started: list[object] = []
    start = typst_run.Session._start
    monkeypatch.setattr(typst_run.Session, "_start", lambda self: started.append(self) or start(self))
    year = _year()
    assert render_pdf([year])[f"{year.name}.pdf"] == _one_compile(year)
    assert len(started) == 2  # this year's child, then the one compile's


def test_a_year_in_parts_reads_as_the_year_in_one(monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path):
    need_pdf_tools()
    year = _year()
    whole = _one_compile(year)
    monkeypatch.setattr(pdf_parts, "PART_BYTES", 50_000)
    monkeypatch.setattr(pdf_parts, "PLAN_BYTES", 40_000)
    joined = render_pdf([year])[f"{year.name}.pdf"]
    assert joined != whole  # it was compiled in parts
    assert render_pdf([year])[f"{year.name}.pdf"] == joined  # deterministic
    seen, expected = _as_read(joined), _as_read(whole)
    assert seen == expected
    assert seen["tagged"] and seen["marks"] and seen["ids"]
    assert any(isinstance(target, tuple) for _, _, target in seen["links"])
    assert _text(joined, tmp_path) == _text(whole, tmp_path)


def test_font_coverage_is_kept_between_runs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    need_pdf_tools()
    monkeypatch.setenv(CACHE_SETTING, str(tmp_path))
    face = find_fonts().body
    fonts_module.charmap.cache_clear()
    first = fonts_module.face_charmap(face)
    kept = list((tmp_path / "fonts").glob("*.json"))
    assert len(kept) == 1
    fonts_module.charmap.cache_clear()
    monkeypatch.setattr(fonts_module, "_read_cmap", lambda *a: pytest.fail("read again"))
    assert fonts_module.face_charmap(face) == first
    kept[0].write_text("not json", encoding="utf-8")  # a damaged cache is read afresh
    fonts_module.charmap.cache_clear()
    monkeypatch.undo()
    monkeypatch.setenv(CACHE_SETTING, str(tmp_path))
    assert fonts_module.face_charmap(face) == first
    fonts_module.charmap.cache_clear()


def test_an_unchanged_year_is_not_measured_again(monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path):
    need_pdf_tools()
    monkeypatch.setenv(CACHE_SETTING, str(tmp_path))
    year = _year()
    first = render_pdf([year])[f"{year.name}.pdf"]
    assert len(list((tmp_path / "pages").glob("*.json"))) == len(
        [u for d in year.departments for u in d.units])
    monkeypatch.setattr(pdf_parts, "query_all", lambda *a: pytest.fail("measured again"))
    monkeypatch.setattr(pdf_parts, "query_values", lambda *a: pytest.fail("measured again"))
    assert render_pdf([year])[f"{year.name}.pdf"] == first
