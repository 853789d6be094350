"""A year's PDF in two passes, a large year in parts: the same document in bounded memory.

Typst keeps every page it lays out, and every measurement the page filler
(pages.typ) makes, until its compile ends: about 2.5 MB a page, so one compile
of a 1,000-unit year (2,749 pages) needed 7 GB and more. Every unit starts a
page and its page breaks depend on nothing outside it, so:

1. *measure*: the units in small groups, each compile (plan.typ) only
   measuring: where each piece of a unit goes (records per page), the page of
   each 取り組み's title within its unit, and, in the first group, how many
   pages the year's 基本方針 take;
2. *place*: with every page number known, the units are compiled again from
   their records, without measuring, in parts of about :data:`PART_BYTES` of
   source, each numbered from its first page; the first part has the cover
   and the contents with the page numbers given;
3. *join* (:mod:`pdf_merge`, in a process of its own): the parts become one PDF with one outline, one
   tag tree and the contents linked to the headings.

A year that fits one part (the real one) is placed as one document whose
contents finds its headings itself: the PDF is byte for byte the one a single
compile gives, at less cost (the measuring is no longer repeated by the
contents' second layout pass). When it was measured in one group, it is placed
by the compiler that measured it (:class:`typst_run.Session`), whose fonts and
layouts are loaded already: a quarter less time for the placing, for at most
one group's memory more (Typst keeps what it laid out until its process ends,
which is why the parts of a large year each get a process of their own).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from ..fonts import FontChoice
from ..layout import UnitView, YearView
from . import pdf_cache
from .skipped import FormatSkipped
from .typst_run import (
    COMPILE_SECONDS,
    TIMEOUT_SETTING,
    Session,
    compile_all,
    compile_pdf,
    limit,
    query_all,
    query_values,
)
from .typst_text import Code, inline

PLAN_BYTES = 300_000
"""Source measured by one compile (about 20 units: ~0.6 GB; measuring costs most)."""
PART_BYTES = 1_200_000
"""Source placed by one compile (about 75 units, 200 pages: ~0.6 GB)."""
PAGES_LABEL = "jigyo-pages"
_MERGE = Path(__file__).with_name("pdf_merge.py")


@dataclass(frozen=True)
class Call:
    """One unit's call of `unit` (unit.typ), with what its contents entries need."""

    department: str
    unit: UnitView
    first: bool
    code: str

    def with_arguments(self, arguments: str) -> Code:
        """The call with `arguments` added after its second line (labels:)."""
        blank, head, labels, rest = self.code.split("\n", 3)
        return Code("\n".join((blank, head, labels, arguments, rest)))


@dataclass(frozen=True)
class Measured:
    """What measuring a unit told: its page in the measuring compile, its pages' records
    and, per 取り組み, the page (counted from the unit's first) of its title."""

    page: int
    pages: list[list[list[Any]]]
    heads: list[int]

    def argument(self) -> str:
        records = "".join(
            "(" + "".join(f"({int(p)}, {int(s)}, {int(e)}, {'true' if b else 'false'}), "
                          for p, s, e, b in page) + "), "
            for page in self.pages)
        return f"pages: ({records}),"


def calls(env: jinja2.Environment, year: YearView) -> list[Call]:
    template = env.get_template("unit.typ")
    found = []
    for dept in year.departments:
        for index, unit in enumerate(dept.units):
            code = template.render(year=year, dept=dept, unit=unit, first_in_dept=index == 0)
            found.append(Call(dept.name, unit, index == 0, code))
    return found


def _groups(items: list[Call], budget: int) -> Iterator[list[Call]]:
    """Consecutive calls in groups of about `budget` characters of source."""
    group: list[Call] = []
    size = 0
    for call in items:
        if group and size + len(call.code) > budget:
            yield group
            group, size = [], 0
        group.append(call)
        size += len(call.code)
    if group:
        yield group


def _measured(value: dict[str, Any]) -> Measured:
    return Measured(int(value["page"]), value["pages"], [int(h) for h in value["heads"]])


def measure(env: jinja2.Environment, year: YearView, items: list[Call], fonts: FontChoice,
            front: str, session: Session) -> list[Measured]:
    """Every unit's measured pages: kept ones from the cache (pdf_cache), the others
    measured in groups side by side, one group alone in `session`. `front`: the
    document's start, which they depend on."""
    common = pdf_cache.common_key(front, fonts)
    found: dict[int, Measured] = {}
    for index, call in enumerate(items):
        kept = pdf_cache.load(common, call.code)
        if kept is not None:
            found[index] = _measured(kept)
    missing = [(i, c) for i, c in enumerate(items) if i not in found]
    template = env.get_template("plan.typ")
    sources: list[str] = []
    start = 0
    for group in _groups([c for _, c in missing], PLAN_BYTES):
        numbered = missing[start:start + len(group)]
        body = "".join(c.with_arguments(f"plan: {i},") for i, c in numbered)
        # the 基本方針 come before the first unit, whose page then counts them
        sources.append(template.render(year=year, policy=numbered[0][0] == 0, body=Code(body)))
        start += len(group)
    if len(sources) == 1:
        answers = [query_values(sources[0], fonts, PAGES_LABEL, session)]
    else:
        answers = query_all(sources, fonts, PAGES_LABEL) if sources else []
    for values in answers:
        for value in values:
            if isinstance(value, dict):
                index = int(value["id"])
                found[index] = _measured(value)
                pdf_cache.store(common, items[index].code, value)
    if sorted(found) != list(range(len(items))):
        raise FormatSkipped("pdf_compile_failed", detail="a unit gave no measured pages")
    return [found[i] for i in range(len(items))]


def contents(items: list[Call], measured: list[Measured], first: int) -> list[tuple[int, Any, int]]:
    """(level, heading, page number) of every heading, in order, the first unit on page `first`."""
    entries: list[tuple[int, Any, int]] = []
    number = first
    for call, found in zip(items, measured, strict=True):
        if call.first:
            entries.append((1, call.department, number))
        entries.append((2, call.unit.banner, number))
        if len(found.heads) != len(call.unit.initiatives):
            raise FormatSkipped("pdf_compile_failed", detail="a 取り組み's title was not placed")
        for ini, head in zip(call.unit.initiatives, found.heads, strict=True):
            entries.append((3, inline(ini.heading), number + head))
        number += len(found.pages)
    return entries


def _parts(placed: list[Code]) -> list[list[Code]]:
    """The placed calls in consecutive parts of about :data:`PART_BYTES` of source."""
    parts: list[list[Code]] = [[]]
    size = 0
    for code in placed:
        if parts[-1] and size + len(code) > PART_BYTES:
            parts.append([])
            size = 0
        parts[-1].append(code)
        size += len(code)
    return parts


def compile_year(env: jinja2.Environment, year: YearView,
                 choose: Callable[[str], FontChoice]) -> bytes:
    """The year's PDF: measured in groups, placed in one document or in parts joined.

    `choose` gives the fonts that have every character of the text it is given.
    """
    items = calls(env, year)
    template = env.get_template("part.typ")
    front = template.render(year=year, first=True, contents=None, start=1, body=Code(""))
    fonts = choose(front + "".join(c.code for c in items))
    if not items:
        return compile_pdf(front, fonts)
    with Session(fonts) as session:
        measured = measure(env, year, items, fonts, front, session)
        parts = _parts([c.with_arguments(m.argument()) for c, m in zip(items, measured, strict=True)])
        if len(parts) == 1:
            # placed by the compiler that measured it: its fonts and layouts are loaded
            return compile_pdf(template.render(year=year, first=True, contents=None, start=1,
                                               body=Code("".join(parts[0]))), fonts, session)
    first_page = measured[0].page  # the 基本方針 take the pages before it
    entries = contents(items, measured, first_page)
    sources = []
    start, done = first_page, 0
    for number, part in enumerate(parts):
        sources.append(template.render(year=year, first=number == 0, contents=entries,
                                       start=1 if number == 0 else start, body=Code("".join(part))))
        start += sum(len(m.pages) for m in measured[done:done + len(part)])
        done += len(part)
    with tempfile.TemporaryDirectory(prefix="jigyo-pdf-") as temporary:
        folder = Path(temporary)
        paths = compile_all(sources, fonts, folder)
        del sources
        return join_apart(paths, [level for level, _, _ in entries], folder / "joined.pdf")


def join_apart(paths: list[Path], levels: list[int], out: Path) -> bytes:
    """:func:`pdf_merge.join` in a process of its own, bounded in time like a compile."""
    seconds = limit(TIMEOUT_SETTING, COMPILE_SECONDS)
    try:
        done = subprocess.run([sys.executable, "-I", str(_MERGE), json.dumps(levels), str(out),
                               *map(str, paths)], capture_output=True, timeout=seconds, check=False)
    except subprocess.TimeoutExpired as err:
        raise FormatSkipped("pdf_compile_timeout", seconds=seconds, setting=TIMEOUT_SETTING) from err
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip() or f"status {done.returncode}"
        raise FormatSkipped("pdf_compile_failed", detail=detail.splitlines()[-1])
    return out.read_bytes()
