"""The build: plans → views → every requested format, written all together or not at all.

Each format owns one folder under the output folder (site/, md/, json/, …).
Every requested format is rendered in memory, then written in full beside its
old folder, and only then are all the folders swapped in together
(:func:`jigyo.fsutil.replace_folders`): a failed build leaves the outputs as
they were, never a new site beside an old PDF, nor a half-written folder.
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
from .fsutil import ReplaceError, clean_stale, replace_folders
from .layout import YearView, year_view
from .loader import load_plans
from .messages import msg, wording
from .renderers import Files
from .renderers.skipped import FormatSkipped
from .renderers.templating import project_templates

if TYPE_CHECKING:
    from .results.report import Report

RESULTS_FOLDER = "results"
"""A year's results folder (jigyo.results.loader.FOLDER), looked for before importing it."""
SETTINGS_FILE = "jigyo.yaml"
"""The plans folder's settings (jigyo.results.config.SETTINGS_FILE), which may set results words."""


@dataclass(frozen=True)
class Format:
    folder: str
    render: Callable[[list[YearView]], Files]


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
    "md": Format("md", _lazy(".renderers.markdown", "render_markdown")),
    "json": Format("json", _lazy(".renderers.jsondata", "render_json")),
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


def write_outputs(out_dir: Path, rendered: dict[str, Files]) -> None:
    """Replace the folders of every rendered format together; raises OutputWriteError."""
    targets = {name: out_dir / FORMATS[name].folder for name in rendered}
    try:
        replace_folders({targets[name]: files for name, files in rendered.items()})
    except ReplaceError as err:
        updated = tuple(name for name, target in targets.items() if target in err.replaced)
        kept = tuple(name for name in targets if name not in updated)
        raise OutputWriteError(err.cause, updated, kept, out_dir) from err


def build(plans_dir: Path, out_dir: Path, formats: Iterable[str] | None = None,
          years: Iterable[int] | None = None, base_url: str | None = None,
          on_skip: Callable[[str, FormatSkipped], None] | None = None) -> dict[str, int]:
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
    """
    chosen = list(formats) if formats is not None else list(FORMATS)
    wanted = sorted(set(years)) if years is not None else None
    plans = load_plans(plans_dir, wanted)
    clean_stale(out_dir, (f.folder for f in FORMATS.values()))
    # Render everything first: an error in one format must not leave another half-updated.
    with project_templates(plans_dir.resolve().parent / "templates"):
        views = [year_view(y) for y in plans.years]
        made = _reports(plans_dir, views)
        with wording(views[-1].labels.words() if views else {}):
            rendered = _render(views, chosen, out_dir, base_url, on_skip, made)
    write_outputs(out_dir, rendered)
    return {name: len(files) for name, files in rendered.items()}


def _reports(plans_dir: Path, views: list[YearView]) -> list[Report]:
    """The years' 事業報告 (none without results); the results modules load only when
    a results folder or the settings file exists, so a plan without results never pays."""
    if not (plans_dir / SETTINGS_FILE).is_file() and not any(
            (view.source.path / RESULTS_FOLDER).exists() for view in views):
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


def _render(views: list[YearView], chosen: list[str], out_dir: Path, base_url: str | None,
            on_skip: Callable[[str, FormatSkipped], None] | None,
            made: list[Report] | None = None) -> dict[str, Files]:
    """Every chosen format in memory, in the order chosen; skipped formats left out."""
    rendered: dict[str, Files] = {}
    for name in chosen:
        if name == "html":
            continue
        try:
            rendered[name] = {**FORMATS[name].render(views), **_report_files(name, made, views)}
        except FormatSkipped as err:
            if on_skip is not None:
                on_skip(name, err)
    if "html" in chosen:  # the site links the PDF of this build or of an earlier one
        from .renderers.html import SiteOptions, built_pdfs, normalize_base_url, render_site

        pdfs = built_pdfs(views, out_dir / "pdf", rendered.get("pdf", {}))
        pages = {r.year.year: tuple((p.page, p.title) for p in made or []
                                     if p.year.year == r.year.year)
                 for r in made or []}
        comparisons = _comparison_pdfs(views) if "pdf" in rendered else {}
        rendered["html"] = {
            **render_site(views, SiteOptions(normalize_base_url(base_url), pdfs, pages,
                                             comparisons)),
            **_report_files("html", made)}
    return {name: rendered[name] for name in chosen if name in rendered}


def _comparison_pdfs(views: list[YearView]) -> dict[int, bytes]:
    """The 新旧対照表 PDFs the site links, made with the plan's PDF (jigyo.diff.formats.pdf)."""
    from .diff.formats.pdf import site_pdfs

    return site_pdfs(views)
