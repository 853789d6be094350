"""The build: plans → views → every requested format, written atomically.

Each format owns one folder under the output folder (site/, md/, json/, …).
A folder is first written in full beside the old one and then swapped in,
so a failed build never leaves a half-written or emptied folder behind.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .gcpause import paused_gc
from .layout import YearView, year_view
from .loader import load_plans
from .messages import wording
from .renderers import Files
from .renderers.html import SiteOptions, built_pdfs, normalize_base_url, render_site
from .renderers.jsondata import render_json
from .renderers.markdown import render_markdown
from .renderers.pdf import render_pdf
from .renderers.skipped import FormatSkipped


@dataclass(frozen=True)
class Format:
    folder: str
    render: Callable[[list[YearView]], Files]


FORMATS: dict[str, Format] = {
    "html": Format("site", render_site),
    "md": Format("md", render_markdown),
    "json": Format("json", render_json),
    "pdf": Format("pdf", render_pdf),
}


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def write_folder(target: Path, files: Files) -> None:
    """Replace `target` by exactly `files`, swapping the whole folder in at the end."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.with_name(f".{target.name}.new-{os.getpid()}")
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    _remove(staging)
    try:
        staging.mkdir()
        for rel, data in sorted(files.items()):
            path = staging / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        if target.exists():
            target.rename(old)
        staging.rename(target)
    finally:
        _remove(staging)
        _remove(old)


def build(plans_dir: Path, out_dir: Path, formats: Iterable[str] | None = None,
          years: Iterable[int] | None = None, base_url: str | None = None,
          on_skip: Callable[[str, str], None] | None = None) -> dict[str, int]:
    """Build the requested formats; returns the number of files written per format.

    With `years`, only those years are built and the output holds only them.
    `base_url` is where the site will be published (for sitemap.xml and canonical links).
    Raises PlanError (every problem, located) before anything is written.
    A format this machine cannot make (the PDF without a Japanese font) is left
    out of the result, its folder untouched, and `on_skip(format, reason)` is told.
    """
    chosen = list(formats) if formats is not None else list(FORMATS)
    wanted = sorted(set(years)) if years is not None else None
    plans = load_plans(plans_dir, wanted)
    # Render everything first: an error in one format must not leave another half-updated.
    with paused_gc():
        views = [year_view(y) for y in plans.years]
        with wording(views[-1].labels.words() if views else {}):
            rendered = _render(views, chosen, out_dir, base_url, on_skip)
    counts: dict[str, int] = {}
    for name, files in rendered.items():
        write_folder(out_dir / FORMATS[name].folder, files)
        counts[name] = len(files)
    return counts


def _render(views: list[YearView], chosen: list[str], out_dir: Path, base_url: str | None,
            on_skip: Callable[[str, str], None] | None) -> dict[str, Files]:
    """Every chosen format in memory, in the order chosen; skipped formats left out."""
    rendered: dict[str, Files] = {}
    for name in chosen:
        if name == "html":
            continue
        try:
            rendered[name] = FORMATS[name].render(views)
        except FormatSkipped as err:
            if on_skip is not None:
                on_skip(name, str(err))
    if "html" in chosen:  # the site links the PDF of this build or of an earlier one
        pdfs = built_pdfs(views, out_dir / "pdf", rendered.get("pdf", {}))
        rendered["html"] = render_site(views, SiteOptions(normalize_base_url(base_url), pdfs))
    return {name: rendered[name] for name in chosen if name in rendered}
