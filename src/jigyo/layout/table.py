"""The 項目・内容・目標値 table of a 取り組み, laid out for printing and written out flat.

The printed plan merges cells (a 項目 over its entries, a 目標値 over several
entries); `table` decides the rowspans and colspans once for HTML and PDF, and
`flat` writes the merged cells out for Markdown, whose tables cannot merge.
"""

from __future__ import annotations

from functools import lru_cache
from operator import attrgetter

from .. import model
from .labels import LABELS, Labels
from .views import CellView, FlatRow, RowView


def lines(value: model.Lines | model.BulletCell | None) -> list[str]:
    """The lines of a cell as written: one text, several lines, or the bullets."""
    if value is None:
        return []
    if isinstance(value, model.BulletCell):
        return list(value.bullets)
    return [value] if isinstance(value, str) else list(value)


def marker(value: object, labels: Labels = LABELS) -> str:
    """The mark printed before each line of a cell: ・ for a bulleted cell."""
    return labels.bullet if isinstance(value, model.BulletCell) else ""


def cell_text_span(
    cell: model.Cell | model.RowCell | None,
) -> tuple[model.Lines | model.BulletCell | None, int]:
    """The text of a cell and how many entries it covers (1 unless merged)."""
    if isinstance(cell, model.Spanning):
        return cell.text, cell.span
    return cell, 1


def entry_numbers(initiative: model.Initiative, labels: Labels = LABELS) -> list[list[str]]:
    """The printed (n) of every entry, group by group ("" where none is shown)."""
    numbers: list[list[str]] = []
    count = 0
    for group in initiative.table:
        if initiative.numbering == "item":
            count = 0
        current: list[str] = []
        for entry in group.entries:
            if entry.name is not None and entry.numbered:
                count += 1
                current.append(labels.entry_no(count))
            else:
                current.append("")
        numbers.append(current)
    return numbers


def entry_extra(entry: model.Entry, kind: str, key: str,
                labels: Labels = LABELS) -> tuple[str, ...]:
    """The lines of one extra column (実施時期, 担当, 予算額, 備考, custom) of an entry."""
    if kind == "budget":
        return () if entry.budget is None else (f"{entry.budget.amount:,}{entry.budget.unit}",)
    if kind == "custom":
        return tuple(lines(entry.custom.get(key)))
    value: model.Lines | None = getattr(entry, kind)
    return tuple(lines(value))


EXTRA_KINDS = ("schedule", "owner", "budget", "remarks")
_EXTRAS_OF = attrgetter(*EXTRA_KINDS)
_NO_EXTRAS = (None,) * len(EXTRA_KINDS)


@lru_cache(maxsize=64)
def _shown(columns: tuple[tuple[str, str, str, int], ...]) -> frozenset[tuple[str, str]]:
    """(kind, key) of the extra columns: worked out once per set of columns, not per entry."""
    return frozenset((kind, key) for kind, key, _, _ in columns)


def unshown_extras(entry: model.Entry, labels: Labels = LABELS) -> tuple[str, ...]:
    """Typed cells of an entry that no column shows, as 実施時期：4月 lines (never dropped)."""
    if not entry.custom and _EXTRAS_OF(entry) == _NO_EXTRAS:
        return ()  # most entries: nothing typed beyond 内容 and 目標値
    shown = _shown(labels.extra_columns)
    found: list[str] = []
    for kind in EXTRA_KINDS:
        if (kind, kind) not in shown:
            found += [f"{getattr(labels, kind)}：{line}"
                      for line in entry_extra(entry, kind, kind, labels)]
    for key in entry.custom:
        if ("custom", key) not in shown:
            found += [f"{key}：{line}" for line in lines(entry.custom[key])]
    return tuple(found)


def entry_note(entry: model.Entry, labels: Labels = LABELS) -> str | None:
    """The entry's note, with the typed cells no column shows added (実施時期：4月)."""
    parts = [p for p in (entry.note, *unshown_extras(entry, labels)) if p]
    return labels.fact_separator.join(parts) if parts else None


def entry_anchor(anchor: str, group: int, entry: int, given: str | None) -> str:
    """The id of an entry's cell: its own id, or <initiative>-<group>-<entry> from 1."""
    return given or f"{anchor}-{group + 1}-{entry + 1}"


def table(initiative: model.Initiative, anchor: str,
          labels: Labels = LABELS) -> tuple[RowView, ...]:
    """The table as printed rows, each cell with its rowspan and colspan."""
    rows: list[RowView] = []
    numbers = entry_numbers(initiative, labels)
    for g_index, group in enumerate(initiative.table):
        heights = [len(e.rows) if e.rows else 1 for e in group.entries]
        first_of_group = True
        covered = {"content": 0, "target": 0}
        for e_index, entry in enumerate(group.entries):
            here = entry_anchor(anchor, g_index, e_index, entry.id)
            sub_rows: list[list[CellView]] = [[] for _ in range(heights[e_index])]
            if first_of_group:
                sub_rows[0].append(
                    CellView("item", tuple(lines(group.item)), rowspan=sum(heights))
                )
                first_of_group = False
            # 内容 and 目標値 of this entry, with merged cells spanning entries
            spans: dict[str, CellView | None] = {}
            for column in ("content", "target"):
                if covered[column]:
                    covered[column] -= 1
                    spans[column] = None
                    continue
                text, span = cell_text_span(getattr(entry, column))
                covered[column] = span - 1
                spans[column] = CellView(
                    column,
                    tuple(lines(text)),
                    marker=marker(text, labels),
                    rowspan=sum(heights[e_index:e_index + span]),
                )
            content_covered = spans["content"] is None
            has_content = entry.rows is not None or content_covered or bool(
                spans["content"] and spans["content"].lines
            )
            note = entry_note(entry, labels)
            if entry.name is not None:
                sub_rows[0].append(CellView(
                    "name", (entry.name,),
                    number=numbers[g_index][e_index],
                    note=note, rowspan=heights[e_index],
                    colspan=1 if has_content else 2, anchor=here,
                ))
                note = None
            if entry.rows is not None:
                for sub, row in zip(sub_rows, entry.rows, strict=True):
                    sub.append(CellView("content", tuple(lines(row.content)),
                                        marker=marker(row.content, labels)))
                    if labels.target_column:
                        sub.append(CellView("target", tuple(lines(row.target))))
            else:
                content = spans["content"]
                if content is not None and (has_content or entry.name is None):
                    colspan = 2 if entry.name is None else 1
                    anchor_here = here if entry.name is None else None
                    sub_rows[0].append(CellView(
                        "content", content.lines, marker=content.marker, note=note,
                        rowspan=content.rowspan, colspan=colspan, anchor=anchor_here,
                    ))
                elif content is None and entry.name is None:
                    sub_rows[0].append(CellView("name", (), note=note, anchor=here))
                if spans["target"] is not None and labels.target_column:
                    sub_rows[0].append(spans["target"])
            for kind, key, _, _ in labels.extra_columns:
                sub_rows[0].append(CellView("extra", entry_extra(entry, kind, key, labels),
                                            rowspan=heights[e_index]))
            rows += [RowView(tuple(cells), g_index) for cells in sub_rows]
    return tuple(rows)


def flat(rows: tuple[RowView, ...], labels: Labels = LABELS) -> tuple[FlatRow, ...]:
    """The printed rows with merged cells written out: a 目標値 merged over rows is
    repeated as 〃 on the rows it covers; a 項目 stays on its first row only."""
    out: list[FlatRow] = []
    target_left = 0  # rows still covered by a merged 目標値 cell
    for row in rows:
        item: CellView | None = None
        target: CellView | None = None
        content: list[CellView] = []
        extra: list[CellView] = []
        for cell in row.cells:
            if cell.kind == "item":
                item = cell
            elif cell.kind == "extra":
                extra.append(cell)
            elif cell.kind == "target":
                target, target_left = cell, cell.rowspan
            else:
                content.append(cell)
        if target is None and target_left > 0:
            target = CellView("target", (labels.ditto,))
        target_left -= 1
        if labels.extra_columns and not extra:
            extra = [CellView("extra") for _ in labels.extra_columns]
        out.append(FlatRow(item, tuple(content), target, tuple(extra),
                           target_column=labels.target_column))
    return tuple(out)
