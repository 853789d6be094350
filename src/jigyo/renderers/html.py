"""The website: every year's table of contents, unit pages, one-page view, search.

Every link is relative, so `build/site/` works when copied to any folder of
any static host. A base URL is only needed for what must be absolute:
`sitemap.xml` and each page's canonical link.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from html import escape as html_escape
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from markupsafe import Markup, escape

from .. import search
from ..layout import UnitView, YearView
from ..messages import message
from . import Collected, Files, FileSink
from .templating import asset, generate, macro, reads, render

if TYPE_CHECKING:
    from ..reuse import Reuse

TOP = "トップ"
STATIC = ("style.css", "search.js", "print.css")
"""Files copied as-is from templates/html/ into assets/."""


@dataclass(frozen=True)
class Crumb:
    label: str
    href: str | None = None


@dataclass(frozen=True)
class YearLink:
    """One entry of the year switcher on a unit page."""

    label: str
    href: str
    current: bool = False
    present: bool = True
    """False when the unit did not exist that year: the link then goes to that year's contents."""


@dataclass(frozen=True)
class YearExtras:
    """What a year page links to besides its units (present only when built)."""

    pdf: str | None = None
    pdf_size: str = ""
    diff: str | None = None
    diff_label: str = ""


@dataclass(frozen=True)
class SiteOptions:
    base_url: str = ""
    """Absolute URL of the published folder (https://example.jp/jigyo/), or empty."""
    pdfs: Mapping[int, bytes] = field(default_factory=dict)
    """The printed plan of each year, copied into the site when it was built."""
    reports: Mapping[int, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    """(page, label) of each year's results pages (report, interim), linked from its plan pages."""
    comparison_pdfs: Mapping[int, bytes] = field(default_factory=dict)
    """Year → its 新旧対照表 against the year before as PDF, linked beside the HTML one."""


def normalize_base_url(value: str | None) -> str:
    """The base URL with exactly one trailing slash, or empty when unset."""
    value = (value or "").strip()
    return value.rstrip("/") + "/" if value else ""


def pdf_name(year: int | str, stem: str = "jigyo-keikaku") -> str:
    """The printed plan's file name in the site (the stem comes from the settings)."""
    return f"{stem}-{year}.pdf"


def _size_label(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{max(1, size // 1000)} KB"


class Comparison(Protocol):
    """A 新旧対照表 of one year against the year before (see jigyo.diff.site)."""

    def context(self, abbreviate: bool) -> dict[str, Any]: ...

    def anchors(self) -> dict[str, str]: ...


DiffRenderer = Callable[[YearView, YearView], Comparison]


def diff_renderer() -> DiffRenderer | None:
    """The 新旧対照表 maker (jigyo.diff.site); imported only when used."""
    from ..diff.site import comparison

    return comparison


def diff_name(old: int | str, full: bool = False) -> str:
    return f"shinkyu-{old}-full.html" if full else f"shinkyu-{old}.html"


@dataclass(frozen=True)
class UnitDiffLink:
    """The link from a changed unit's page to its table in the 新旧対照表."""

    href: str
    label: str


_PREFIX = "\x00p\x00"
_LEVEL = "\x00l\x00"
"""Stand-ins for the anchor prefix and heading level in a unit body rendered once.

The plan reader refuses control characters, so NUL never comes from the data;
a body that holds other NULs anyway is rendered for each page instead.
"""

Holes = tuple[str, ...]
"""A body cut at its stand-ins: text, stand-in letter (p or l), text, …"""


def _holes(made: str) -> Holes | None:
    """`made` cut at its stand-ins; None when it holds a NUL of its own."""
    marks = made.count(_PREFIX) + made.count(_LEVEL)
    return tuple(made.split("\x00")) if made.count("\x00") == 2 * marks else None


def _fill(holes: Holes, level: int, prefix: str) -> str:
    """The body with its stand-ins filled in (as the macro would have escaped them)."""
    pieces = list(holes)
    given = {"p": str(escape(prefix)), "l": str(escape(level))}
    pieces[1::2] = [given[letter] for letter in holes[1::2]]
    return "".join(pieces)


class _Bodies:
    """Each unit's 方針 and 取り組み (the `unit_body` macro), rendered once per unit.

    The unit's page and the year's one-page view show the same body with other
    heading levels and anchor prefixes: it is rendered with stand-ins for both,
    which each page then fills in.
    """

    def __init__(self, reuse: Reuse | None = None) -> None:
        self.unit_body = macro("html", "macros.html", "unit_body")
        self.made: dict[int, Holes | None] = {}
        self.reuse = reuse

    def __call__(self, unit: UnitView, level: int, prefix: str = "") -> Markup:
        key = id(unit)
        if key not in self.made:
            def make() -> Holes | None:
                return _holes(str(self.unit_body(unit, _LEVEL, _PREFIX)))

            self.made[key] = (make() if self.reuse is None
                              else self.reuse.body(unit, self.unit_body, make))
        body = self.made[key]
        if body is None:
            return Markup(self.unit_body(unit, level, prefix))
        return Markup(_fill(body, level, prefix))

    def forget(self, unit: UnitView) -> None:
        self.made.pop(id(unit), None)

    def clear(self) -> None:
        self.made.clear()


class _Site:
    """Renders every page of the site; holds what all pages share."""

    def __init__(self, years: list[YearView], options: SiteOptions, files: FileSink,
                 reuse: Reuse | None = None) -> None:
        self.years = sorted(years, key=lambda y: y.year, reverse=True)
        self.options = options
        self.organization = self.years[0].organization
        self.site_title = self.years[0].site_title
        self.files = files
        self.body = _Bodies(reuse)
        self.reuse = reuse
        self.pages: list[str] = []
        self.reads: dict[str, tuple[tuple[Any, ...], frozenset[str]] | None] = {}
        self.unit_diffs: dict[tuple[int, str], UnitDiffLink] = {}
        # per-year data every unit page's year switcher needs, computed once
        self.slugs = {y.year: frozenset(u.slug for u in y.units) for y in self.years}

    def page(self, path: str, template: str, title: str, crumbs: list[Crumb],
             stream: bool = False, keep: bool = False, **context: Any) -> None:
        """Render one page; with `stream` (the one-page view of a whole year) it is written
        while it is rendered, never held whole; with `keep`, the preview gives the page it
        made before when all the page's templates read is unchanged."""
        root = "../" * path.count("/")
        canonical = self.options.base_url + path if self.options.base_url else ""
        context.update(root=root, page_title=title, breadcrumbs=crumbs,
                       organization=self.organization, site_title=self.site_title,
                       canonical=canonical)
        if stream:
            self.files.stream(path, generate("html", template, **context))
        elif keep and self.reuse is not None:
            self.files[path] = self.kept(path, template, context)
        else:
            self.files[path] = render("html", template, **context).encode()
        self.pages.append(path)

    def kept(self, path: str, template: str, context: dict[str, Any]) -> bytes:
        """The page the preview made before from what its templates read, else made now."""
        assert self.reuse is not None

        def make() -> bytes:
            return render("html", template, **context).encode()

        if template not in self.reads:
            self.reads[template] = reads("html", template)
        found = self.reads[template]
        if found is None:
            return make()
        templates, names = found
        # the body's text depends on the unit (read too) and the macro that makes it
        given = {name: self.body.unit_body if name == "body" else context[name]
                 for name in names if name in context}
        given["\0templates"] = templates
        return self.reuse.page(path, given, make)

    def year_crumb(self, year: YearView, href: str | None) -> Crumb:
        return Crumb(year.heading, href)

    def switcher(self, year: YearView, unit: UnitView) -> list[YearLink]:
        links: list[YearLink] = []
        for other in self.years:
            if other.year == year.year:
                links.append(YearLink(other.era, f"{unit.slug}.html", current=True))
            elif unit.slug in self.slugs[other.year]:
                links.append(YearLink(other.era, f"../{other.name}/{unit.slug}.html"))
            else:
                links.append(YearLink(other.era, f"../{other.name}/index.html", present=False))
        return links

    def extras(self, year: YearView, render_diff: DiffRenderer | None) -> YearExtras:
        pdf = self.options.pdfs.get(year.year)
        previous = next((y for y in self.years if y.following == year.year), None)
        extras = YearExtras()
        if pdf is not None:
            name = pdf_name(year.name, year.labels.file_stem)
            self.files[f"{year.name}/{name}"] = pdf
            extras = YearExtras(pdf=name, pdf_size=_size_label(len(pdf)))
        if previous is not None and render_diff is not None:
            name = self.comparison_pages(previous, year, render_diff(previous, year))
            extras = YearExtras(extras.pdf, extras.pdf_size, name,
                                message("diff_html_year_link", era=previous.era))
        return extras

    def comparison_pages(self, old: YearView, new: YearView, comparison: Comparison) -> str:
        """The abbreviated and the full 新旧対照表 in the site's frame; returns the first's name."""
        short, full = diff_name(old.name), diff_name(old.name, full=True)
        label = message("diff_html_year_link", era=old.era)
        crumbs = [Crumb(TOP, "../index.html"), self.year_crumb(new, "index.html"), Crumb(label)]
        base = f"{label} | {new.heading} | {self.organization}"
        pdf = self.options.comparison_pdfs.get(new.year)
        pdf_link = None
        if pdf is not None:
            self.files[f"{new.name}/shinkyu-{old.name}.pdf"] = pdf
            pdf_link = (f"shinkyu-{old.name}.pdf",
                        message("office_diff_pdf_link", size=_size_label(len(pdf))))
        for name, other, abbreviate in ((short, full, True), (full, short, False)):
            self.page(f"{new.name}/{name}", "shinkyu.html", base, crumbs, other_page=other,
                      comparison_pdf=pdf_link,
                      **{k: v for k, v in comparison.context(abbreviate).items()
                         if k != "page_title"})
        for slug, anchor in comparison.anchors().items():
            self.unit_diffs[(new.year, slug)] = UnitDiffLink(
                f"{short}#{anchor}", message("diff_html_unit_link", era=old.era))
        return short

    def render(self) -> None:
        for name in STATIC:
            self.files[f"assets/{name}"] = asset("html", name)
        self.files.stream("assets/search-index.js", search.index_chunks(self.years, self.reuse))
        # the 新旧対照表 maker is imported only when there is a previous year to compare
        render_diff = diff_renderer() if len(self.years) > 1 else None
        if render_diff is not None:
            self.files["assets/shinkyu.css"] = asset("html", "shinkyu.css")
        year_extras = {y.year: self.extras(y, render_diff) for y in self.years}
        self.page("index.html", "index.html", self.site_title, [],
                  years=self.years, extras=year_extras)
        self.page("search.html", "search.html", f"検索 | {self.site_title}",
                  [Crumb(TOP, "index.html"), Crumb("検索")])
        top = Crumb(TOP, "../index.html")
        for year in self.years:
            base = f"{year.heading} | {self.organization}"
            self.page(
                f"{year.name}/index.html", "year.html", f"目次 | {base}",
                [top, self.year_crumb(year, None)],
                year=year, extras=year_extras[year.year], years=self.years,
                reports=self.options.reports.get(year.year, ()),
            )
            for goal in year.goals:  # one page per goal of the multi-year plan
                self.page(
                    f"{year.name}/goal-{goal.id}.html", "goal.html", f"{goal.title} | {base}",
                    [top, self.year_crumb(year, "index.html"), Crumb(goal.title)],
                    year=year, goal=goal,
                )
            self.unit_pages(year, top, base)
        if self.options.base_url:
            self.files["sitemap.xml"] = self.sitemap()

    def unit_pages(self, year: YearView, top: Crumb, base: str) -> None:
        """The year's unit pages and its one-page view, each unit body made once.

        The one-page view is written as it is rendered; as it reaches each unit,
        that unit's page is written from the same body, which is then dropped, so
        no more than one unit body is held at a time. Units the view leaves out
        (a council's own all.html may) get their pages afterwards.
        """
        departments = {id(u): (d, dept) for d, dept in enumerate(year.departments, 1)
                       for u in dept.units}
        written: set[int] = set()

        def unit_page(unit: UnitView) -> None:
            d_index, dept = departments[id(unit)]
            self.page(
                f"{year.name}/{unit.slug}.html", "unit.html", f"{unit.label} | {base}",
                [top, self.year_crumb(year, "index.html"),
                 Crumb(dept.name, f"index.html#dept-{d_index}"), Crumb(unit.label)],
                keep=True, year=year, unit=unit, switcher=self.switcher(year, unit),
                running_header=year.department_header(unit.department),
                comparison=self.unit_diffs.get((year.year, unit.slug)),
                reports=self.options.reports.get(year.year, ()), body=self.body,
            )
            written.add(id(unit))

        def body_in_view(unit: UnitView, level: int, prefix: str = "") -> Markup:
            html = self.body(unit, level, prefix)
            if id(unit) in departments and id(unit) not in written:
                unit_page(unit)
                self.body.forget(unit)
            return html

        self.page(
            f"{year.name}/all.html", "print.html", f"全体（1ページ） | {base}",
            [top, self.year_crumb(year, "index.html"), Crumb("全体（1ページ）")],
            stream=True, year=year, body=body_in_view,
        )
        for unit in year.units:
            if id(unit) not in written:
                unit_page(unit)
        self.body.clear()

    def sitemap(self) -> bytes:
        urls = "".join(
            f"<url><loc>{html_escape(self.options.base_url + path, quote=False)}</loc></url>\n"
            for path in sorted(self.pages)
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{urls}</urlset>\n"
        ).encode()


def render_site(years: list[YearView], options: SiteOptions | None = None) -> Files:
    """All years newest first: contents, unit pages, one-page views, search, sitemap."""
    files = Collected()
    write_site(years, options, files)
    return files


def write_site(years: list[YearView], options: SiteOptions | None, files: FileSink,
               reuse: Reuse | None = None) -> None:
    """The site's pages put into `files` one by one as they are rendered (see render_site);
    with `reuse`, the unit bodies an earlier build of this process made are used again."""
    if years:
        _Site(years, options or SiteOptions(), files, reuse).render()


def built_pdfs(years: list[YearView], pdf_dir: Path, fresh: Files) -> dict[int, bytes]:
    """The printed plan of each year: from this build (`fresh`) or left by an earlier one."""
    found: dict[int, bytes] = {}
    for year in years:
        name = f"{year.name}.pdf"
        if name in fresh:
            found[year.year] = fresh[name]
        elif (pdf_dir / name).is_file():
            found[year.year] = (pdf_dir / name).read_bytes()
    return found
