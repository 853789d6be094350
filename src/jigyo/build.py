"""The build: plans → views → every requested format, written all together or not at all.

Each format owns one folder under the output folder (site/, md/, json/, …).
Every requested format is written in full beside its old folder (the site page
by page as it is rendered, never held whole in memory), and only then are all
the folders swapped in together (:class:`jigyo.fsutil.Staging`): a failed build
leaves the outputs as they were, never a new site beside an old PDF, nor a
half-written folder.
Staging folders left by a build that was killed are removed by the next one.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import JigyoError
from .failures import os_reason_msg
from .fsutil import FolderWriter, ReplaceError, Staging, clean_stale
from .layout import YearView, year_view
from .loader import load_plans
from .messages import msg, wording
from .renderers import Files, FileSink
from .renderers.skipped import FormatSkipped
from .renderers.templating import project_templates
from .results.presence import has_results

if TYPE_CHECKING:
    from .results.report import Report
    from .reuse import Reuse


@dataclass(frozen=True)
class Format:
    folder: str
    render: Callable[[list[YearView]], Files]
    write: Callable[[list[YearView], FileSink], None] | None = None
    """Puts the files into a staging folder as they are made (a large year is never held)."""


def _lazy_write(module: str, name: str) -> Callable[[list[YearView], FileSink], None]:
    """A writer imported only when its format is built (see _lazy)."""

    def write(views: list[YearView], files: FileSink) -> None:
        function: Callable[[list[YearView], FileSink], None] = getattr(
            importlib.import_module(module, __package__), name)
        function(views, files)

    return write


def _lazy(module: str, name: str) -> Callable[[list[YearView]], Files]:
    """A renderer imported only when its format is built: a command imports what it uses
    (the site never loads Typst, fontTools, openpyxl or python-docx)."""

    def render(views: list[YearView]) -> Files:
        function: Callable[[list[YearView]], Files] = getattr(
            importlib.import_module(module, __package__), name)
        return function(views)

    return render


FORMATS: dict[str, Format] = {
    "html": Format("site", _lazy(".renderers.html", "render_site")),
    "md": Format("md", _lazy(".renderers.markdown", "render_markdown"),
                 _lazy_write(".renderers.markdown", "write_markdown")),
    "json": Format("json", _lazy(".renderers.jsondata", "render_json"),
                   _lazy_write(".renderers.jsondata", "write_json")),
    "pdf": Format("pdf", _lazy(".renderers.pdf", "render_pdf")),
    "csv": Format("csv", _lazy(".renderers.csvdata", "render_csv")),
    "xlsx": Format("xlsx", _lazy(".renderers.xlsx", "render_xlsx")),
    "docx": Format("docx", _lazy(".renderers.docx", "render_docx")),
}


class OutputWriteError(JigyoError):
    """The outputs could not be written; `updated` names the formats that were anyway."""

    def __init__(self, err: OSError, updated: tuple[str, ...], kept: tuple[str, ...],
                 out_dir: Path) -> None:
        # the output folder, not the hidden staging file the system named
        error = msg("os_error_path", path=out_dir.as_posix(), reason=os_reason_msg(err))
        if updated:
            super().__init__("build_write_partial", error=error, updated=_folders(updated),
                             kept=_folders(kept))
        else:
            super().__init__("build_write_failed", error=error)
        self.updated = updated


def _folders(names: Iterable[str]) -> str:
    return " ".join(f"{FORMATS[name].folder}/" for name in names)


class _Outputs:
    """The staged output folders of one build, swapped in together in the order chosen.

    Every OSError of writing or swapping becomes OutputWriteError, naming the
    formats that were updated anyway (usually none).
    """

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.staging = Staging()
        self.targets: dict[str, Path] = {}

    def __enter__(self) -> _Outputs:
        return self

    def __exit__(self, kind: type[BaseException] | None, err: BaseException | None,
                 trace: object) -> None:
        self.staging.__exit__()
        if isinstance(err, ReplaceError):
            updated = tuple(name for name, target in self.targets.items()
                            if target in err.replaced)
            kept = tuple(name for name in self.targets if name not in updated)
            raise OutputWriteError(err.cause, updated, kept, self.out_dir) from err

    def _target(self, name: str) -> Path:
        self.targets[name] = self.out_dir / FORMATS[name].folder
        return self.targets[name]

    def write(self, name: str, files: Files) -> int:
        self.staging.write(self._target(name), files)
        return len(files)

    def writer(self, name: str, reuse: Reuse | None = None) -> FolderWriter:
        target = self._target(name)
        if reuse is None:
            return self.staging.writer(target)
        return self.staging.writer(target, *reuse.folder(target))

    def swap(self, order: Iterable[str] = ()) -> None:
        self.staging.swap([self.targets[n] for n in order if n in self.targets] or None)


def build(plans_dir: Path, out_dir: Path, formats: Iterable[str] | None = None,
          years: Iterable[int] | None = None, base_url: str | None = None,
          on_skip: Callable[[str, FormatSkipped], None] | None = None,
          reuse: Reuse | None = None) -> dict[str, int]:
    """Build the requested formats; returns the number of files written per format.

    With `years`, only those years are built and the output holds only them.
    `base_url` is where the site will be published (for sitemap.xml and canonical links).
    Raises PlanError (every problem, located) before anything is written, and
    OutputWriteError when the outputs cannot be written (then none has changed,
    unless the error says otherwise). A council's own `templates/` folder next
    to `plans_dir` overrides the package's templates file by file.
    A format this machine cannot make (the PDF without a Japanese font) is left
    out of the result, its folder untouched, and `on_skip(format, error)` is told
    (the error is worded by the caller, in the user's language).
    With `reuse` (the preview's), what an earlier build of this process read, laid out
    and rendered of an unchanged unit is used again (:mod:`jigyo.reuse`).
    """
    if reuse is None:
        return _build(plans_dir, out_dir, formats, years, base_url, on_skip, None)
    with reuse.build():
        return _build(plans_dir, out_dir, formats, years, base_url, on_skip, reuse)


def _build(plans_dir: Path, out_dir: Path, formats: Iterable[str] | None,
           years: Iterable[int] | None, base_url: str | None,
           on_skip: Callable[[str, FormatSkipped], None] | None,
           reuse: Reuse | None) -> dict[str, int]:
    chosen = list(formats) if formats is not None else list(FORMATS)
    wanted = sorted(set(years)) if years is not None else None
    plans = load_plans(plans_dir, wanted, kept=reuse)
    clean_stale(out_dir, (f.folder for f in FORMATS.values()))
    # Every format is written beside its folder first and swapped in only when all are
    # made: an error in one format must not leave another half-updated.
    with project_templates(plans_dir.resolve().parent / "templates"):
        views = [year_view(y) if reuse is None else reuse.year_view(y) for y in plans.years]
        made = _reports(plans_dir, views)
        with wording(views[-1].labels.words() if views else {}), _Outputs(out_dir) as outputs:
            counts = _render(views, chosen, outputs, base_url, on_skip, made, reuse)
            outputs.swap(chosen)
    return {name: counts[name] for name in chosen if name in counts}


def _reports(plans_dir: Path, views: list[YearView]) -> list[Report]:
    """The years' 事業報告 (none without results); the results modules load only when
    a results folder or the settings file exists, so a plan without results never pays."""
    if not has_results(plans_dir, (view.source.path for view in views)):
        return []
    from .results.loader import load_results
    from .results.outputs import reports

    return reports(load_results(plans_dir, views)[0])


def _report_files(name: str, made: list[Report] | None,
                  views: Sequence[YearView] = ()) -> Files:
    if not made:
        return {}
    from .results.outputs import report_files

    return report_files(name, made, views)


def _render(views: list[YearView], chosen: list[str], outputs: _Outputs, base_url: str | None,
            on_skip: Callable[[str, FormatSkipped], None] | None,
            made: list[Report] | None = None, reuse: Reuse | None = None) -> dict[str, int]:
    """Every chosen format staged (the site page by page); the files written per format."""
    counts: dict[str, int] = {}
    pdf: Files = {}
    for name in chosen:
        if name == "html":
            continue
        write = FORMATS[name].write
        if write is not None:  # never skipped: only the PDF can be
            writer = outputs.writer(name)
            write(views, writer)
            for path, data in _report_files(name, made, views).items():
                writer[path] = data
            counts[name] = len(writer)
            continue
        try:
            files = {**FORMATS[name].render(views), **_report_files(name, made, views)}
        except FormatSkipped as err:
            if on_skip is not None:
                on_skip(name, err)
            continue
        counts[name] = outputs.write(name, files)
        pdf = files if name == "pdf" else pdf
    if "html" in chosen:  # the site links the PDF of this build or of an earlier one
        from .renderers.html import SiteOptions, built_pdfs, normalize_base_url, write_site

        pdfs = built_pdfs(views, outputs.out_dir / "pdf", pdf)
        pages = {r.year.year: tuple((p.page, p.title) for p in made or []
                                     if p.year.year == r.year.year)
                 for r in made or []}
        comparisons = _comparison_pdfs(views) if "pdf" in counts else {}
        site = outputs.writer("html", reuse)
        write_site(views, SiteOptions(normalize_base_url(base_url), pdfs, pages, comparisons),
                   site, reuse)
        for path, data in _report_files("html", made).items():
            site[path] = data
        counts["html"] = len(site)
    return counts


def _comparison_pdfs(views: list[YearView]) -> dict[int, bytes]:
    """The 新旧対照表 PDFs the site links, made with the plan's PDF (jigyo.diff.formats.pdf)."""
    from .diff.formats.pdf import site_pdfs

    return site_pdfs(views)
