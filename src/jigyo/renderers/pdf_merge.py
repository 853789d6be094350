"""The parts of a year's PDF (pdf_parts) joined into one document a reader cannot tell apart.

Each part is a complete tagged PDF from Typst; joined, the reader must still get
one tag tree (the accessibility tags: one Document element, the marked-content
keys of every page in one parent tree, the table cells' header ids unique), one
outline (bookmarks) nested by heading level as Typst nests it, the page labels
(-1-, -2-, …) of every page, and the contents' lines linked to their headings:
the first part's contents link to placeholder URLs `jigyo:contents/<n>` (the
n-th heading), pointed here at the n-th bookmark's destination, with the
description Typst gives a link to a heading. pikepdf (qpdf) copies the pages
and their objects; the bytes are deterministic for the same parts.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

_CELLS = ("/TD", "/TH")
PLACEHOLDER = "jigyo:contents/"
LINK_TEXT = "節, ページ {label}"
"""The description Typst (document language ja) gives a link to a heading on page `label`."""


def _numbers(tree: Any) -> Iterator[tuple[int, Any]]:
    """The (key, value) pairs of a PDF number tree, in order."""
    if "/Nums" in tree:
        nums = tree.Nums
        for i in range(0, len(nums), 2):
            yield int(nums[i]), nums[i + 1]
    for kid in tree.get("/Kids", []):
        yield from _numbers(kid)


def _names(tree: Any) -> Iterator[tuple[str, Any]]:
    if "/Names" in tree:
        names = tree.Names
        for i in range(0, len(names), 2):
            yield str(names[i]), names[i + 1]
    for kid in tree.get("/Kids", []):
        yield from _names(kid)


def _bookmarks(item: Any) -> Iterator[tuple[Any, Any]]:
    """(title, destination) of every outline item below `item`, in document order."""
    child = item.get("/First")
    while child is not None:
        yield child.Title, child.Dest
        yield from _bookmarks(child)
        child = child.get("/Next")


def _prefix_ids(pdf: Any, prefix: str) -> None:
    """Make the structure ids of one part unique among the parts (U101x0y0 → 2-U101x0y0).

    Ids name a table's header cells, which its other cells list in /Headers:
    only the tables that hold an id are walked, not the whole tree.
    """
    import pikepdf

    tree = pdf.Root.StructTreeRoot
    if "/IDTree" not in tree:
        return
    tables: dict[tuple[int, int], Any] = {}
    for name, elem in _names(tree.IDTree):
        elem.ID = pikepdf.String(prefix + name)
        node = elem
        while isinstance(node, pikepdf.Dictionary) and node.get("/S") != "/Table":
            node = node.get("/P")
        if isinstance(node, pikepdf.Dictionary):
            tables[node.objgen] = node
    stack = list(tables.values())
    while stack:  # down to the cells, not into what they hold
        elem = stack.pop()
        kind = elem.get("/S")
        if kind in _CELLS:
            attributes = elem.get("/A")
            for owner in (attributes if isinstance(attributes, pikepdf.Array) else [attributes]):
                if isinstance(owner, pikepdf.Dictionary) and "/Headers" in owner:
                    owner.Headers = pikepdf.Array([pikepdf.String(prefix + str(h))
                                                   for h in owner.Headers])
            continue
        kids = elem.get("/K")
        for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                stack.append(kid)


def _outline(pdf: Any, marks: list[tuple[Any, Any]], levels: list[int]) -> Any:
    """A new outline of `marks` nested by `levels`: closed items, as Typst writes them."""
    import pikepdf

    root = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Outlines))
    children: dict[int, list[Any]] = {}
    parents: list[tuple[int, Any]] = [(0, root)]
    for (title, dest), level in zip(marks, levels, strict=True):
        while parents[-1][0] >= level:
            parents.pop()
        parent = parents[-1][1]
        item = pdf.make_indirect(pikepdf.Dictionary(Title=title, Parent=parent, Dest=dest))
        children.setdefault(parent.objgen, []).append(item)
        parents.append((level, item))
    for node in [root, *(item for items in children.values() for item in items)]:
        kids = children.get(node.objgen, [])
        if not kids:
            continue
        node.First, node.Last = kids[0], kids[-1]
        node.Count = len(kids) if node is root else -len(kids)
        for before, after in pairwise(kids):
            before.Next, after.Prev = after, before
    return root


def _link_contents(pdf: Any, pages: int, marks: list[tuple[Any, Any]],
                   labels: list[tuple[int, Any]]) -> None:
    """Point the first part's contents lines at their headings."""
    import pikepdf

    index = {page.objgen: n for n, page in enumerate(pdf.pages)}
    # Typst gives every numbered page a label of its own (/P "-3-")
    printed = {key: str(value.P) for key, value in labels if "/P" in value and "/S" not in value}
    for page in pdf.pages[:pages]:
        for annot in page.obj.get("/Annots", []):
            action = annot.get("/A")
            uri = str(action.get("/URI", "")) if action is not None else ""
            if not uri.startswith(PLACEHOLDER):
                continue
            dest = marks[int(uri[len(PLACEHOLDER):])][1]
            del annot.A
            annot.Dest = dest
            number = index[dest[0].objgen]
            label = printed.get(number) or pdf.pages[number].label
            annot.Contents = pikepdf.String(LINK_TEXT.format(label=label))


def join(parts: list[Path], levels: list[int], out: Path) -> None:
    """One PDF of `parts`, whose headings in order have the outline `levels`.

    Each part is opened, copied from and let go before the next: qpdf keeps
    the copies, not the part (whose stream data it reads from the part's bytes
    when writing), so the plan is held about once, not twice.
    """
    import gc

    import pikepdf

    base = pikepdf.open(parts[0])
    tree = base.Root.StructTreeRoot
    document = tree.K[0] if isinstance(tree.K, pikepdf.Array) else tree.K
    parents = list(_numbers(tree.ParentTree))
    ids = list(_names(tree.IDTree)) if "/IDTree" in tree else []
    labels = list(_numbers(base.Root.PageLabels)) if "/PageLabels" in base.Root else []
    marks = list(_bookmarks(base.Root.Outlines)) if "/Outlines" in base.Root else []
    contents_pages = len(base.pages)
    kids = list(document.K)
    for number, data in enumerate(parts[1:], start=1):
        other = pikepdf.open(data)
        _prefix_ids(other, f"{number}-")
        shift = int(tree.ParentTreeNextKey)
        offset = len(base.pages)
        base.pages.extend(other.pages)
        for page in base.pages[offset:]:
            if "/StructParents" in page.obj:
                page.obj.StructParents = int(page.obj.StructParents) + shift
            for annot in page.obj.get("/Annots", []):
                if "/StructParent" in annot:
                    annot.StructParent = int(annot.StructParent) + shift
        theirs = other.Root.StructTreeRoot
        their_document = theirs.K[0] if isinstance(theirs.K, pikepdf.Array) else theirs.K
        copied_document = base.copy_foreign(other.make_indirect(their_document))
        for kid in copied_document.K:
            if isinstance(kid, pikepdf.Dictionary) and "/P" in kid:
                kid.P = document
            kids.append(kid)
        for key, value in _numbers(theirs.ParentTree):
            copied = base.copy_foreign(other.make_indirect(value))
            if isinstance(copied, pikepdf.Array):
                copied = pikepdf.Array([document if isinstance(v, pikepdf.Dictionary)
                                        and v.objgen == copied_document.objgen else v
                                        for v in copied])
            parents.append((key + shift, copied))
        tree.ParentTreeNextKey = shift + int(theirs.ParentTreeNextKey)
        if "/IDTree" in theirs:
            ids += [(f"{number}-{name}", base.copy_foreign(other.make_indirect(value)))
                    for name, value in _names(theirs.IDTree)]
        if "/PageLabels" in other.Root:
            labels += [(key + offset, base.copy_foreign(other.make_indirect(value)))
                       for key, value in _numbers(other.Root.PageLabels)]
        if "/Outlines" in other.Root:
            marks += [(title, base.copy_foreign(other.make_indirect(dest)))
                      for title, dest in _bookmarks(other.Root.Outlines)]
        del theirs, their_document, copied_document, other
        gc.collect()
    document.K = pikepdf.Array(kids)
    tree.ParentTree = base.make_indirect(pikepdf.Dictionary(
        Nums=pikepdf.Array([x for key, value in parents for x in (key, value)])))
    if ids:
        tree.IDTree = base.make_indirect(pikepdf.Dictionary(Names=pikepdf.Array(
            [x for name, value in sorted(ids, key=lambda p: p[0].encode())
             for x in (pikepdf.String(name), value)])))
    if labels:
        base.Root.PageLabels = pikepdf.Dictionary(
            Nums=pikepdf.Array([x for key, value in labels for x in (key, value)]))
    base.Root.Outlines = _outline(base, marks, levels)
    _link_contents(base, contents_pages, marks, labels)
    # the parts' streams are written as Typst compressed them, not decoded and compressed
    # again; the many small objects of the tag tree go into object streams (a third the size)
    base.save(out, deterministic_id=True, stream_decode_level=pikepdf.StreamDecodeLevel.none,
              recompress_flate=False, object_stream_mode=pikepdf.ObjectStreamMode.generate)


def main() -> int:
    """`pdf_merge.py LEVELS OUT PART...`: run by pdf_parts in a process of its own, so that
    the join's memory is not added to the build's (the plan read, its views, the sources)."""
    levels = json.loads(sys.argv[1])
    join([Path(p) for p in sys.argv[3:]], levels, Path(sys.argv[2]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
