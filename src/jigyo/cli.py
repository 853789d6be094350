"""The `jigyo` command: parses arguments and calls the library.

Heavy imports happen inside the commands so that `jigyo --help` stays fast.
Commands only do their work and raise: :func:`~jigyo.clierrors.handles_errors`
turns every failure into a message in the language of ``--lang`` and an exit
status, and :mod:`jigyo.clihelp` words help and usage mistakes in Japanese.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from . import gcpolicy
from .clierrors import INTERRUPTED, handles_errors
from .clihelp import JigyoTyper
from .clioptions import Lang, LangOption, OutOption, PlansOption
from .clioptions import h as _h
from .cliresults import results_app
from .diff.formats import NAMES as DIFF_FORMATS
from .errors import UsageError
from .messages import message

if TYPE_CHECKING:
    from .loader import Plans
    from .problems import Problem


app = JigyoTyper(
    help=_h("help_app"),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(results_app, name="results")


def _report(problems: list[object], lang: Lang) -> None:
    """Every problem, then the count (for a command that catches PlanError itself)."""
    from .clierrors import report
    from .errors import PlanError
    from .problems import Problem

    report(PlanError([p for p in problems if isinstance(p, Problem)]), lang.value)


def _show_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(message("version", "ja", version=version("jigyo")))
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool, typer.Option("--version", help=_h("help_version"), callback=_show_version,
                           is_eager=True)
    ] = False,
) -> None:
    """Options of `jigyo` itself (the version); every command has its own."""


class ReportFormat(StrEnum):
    text = "text"
    github = "github"


ReportFormatOption = Annotated[
    ReportFormat, typer.Option("--format", "-f", help=_h("opt_report_format"))
]
StrictOption = Annotated[bool, typer.Option("--strict", help=_h("check_opt_strict"))]


def _show(found: list[Problem], fmt: ReportFormat, lang: Lang) -> None:
    """Problems in the chosen form: `file:line:col:` lines, or workflow commands on stdout
    (in one write: a large year prints thousands)."""
    if not found:
        return
    if fmt is ReportFormat.github:
        from .lint.github import command

        typer.echo("\n".join(command(each, lang.value) for each in found))
    else:
        typer.echo("\n".join(each.format(lang.value) for each in found), err=True)


def _load(plans: Path, fmt: ReportFormat, lang: Lang) -> Plans:
    """The plans, or (with --format github) the errors annotated before the handler lists them."""
    from .errors import PlanError
    from .loader import load_plans

    try:
        return load_plans(plans, documents=True)  # lint reads the files as loaded
    except PlanError as err:
        if fmt is ReportFormat.github:
            _show(list(err.problems), fmt, lang)
        raise


def _lint(loaded: Plans, plans: Path) -> list[Problem]:
    from .lint import lint_loaded
    from .lint.config import load_settings

    settings = load_settings(plans)
    return [p for year in loaded.years for p in lint_loaded(year, settings)]


def _results(loaded: Plans, plans: Path, strict: bool) -> list[Problem]:
    """未記入 results as warnings; raises PlanError for a wrong results file (and, with
    `strict`, for every result not filled in)."""
    from .results.presence import has_results

    if not has_results(plans, (year.path for year in loaded.years)):
        return []  # what load_results returns then, without importing it
    from .layout import year_view
    from .results.loader import load_results

    return load_results(plans, (year_view(y) for y in loaded.years), strict)[1]


@app.command(help=_h("check_help"))
@handles_errors(failure=1)
def check(plans: PlansOption = Path("plans"), lang: LangOption = Lang.ja,
          fmt: ReportFormatOption = ReportFormat.text, strict: StrictOption = False) -> None:
    """Load every plan and its results (a problem is raised as PlanError and listed by the
    handler), then lint."""
    loaded = _load(plans, fmt, lang)
    _show(loaded.notices, fmt, lang)  # skipped files and folders: reported, not fatal
    _show(_results(loaded, plans, strict), fmt, lang)  # 未記入: an error only with --strict
    for year in loaded.years:
        typer.echo(message("check_ok", lang.value, path=year.path.as_posix(),
                           count=len(year.units)), err=fmt is ReportFormat.github)
    found = _lint(loaded, plans)
    _show(found, fmt, lang)
    if found:
        typer.echo(message("lint_count", lang.value, count=len(found)), err=True)
    errors = [p for p in found if p.severity == "error"]
    if errors or (strict and found):
        if strict and not errors:
            typer.echo(message("lint_strict_failed", lang.value, count=len(found)), err=True)
        raise typer.Exit(1)


@app.command("lint", help=_h("lint_help"))
@handles_errors(failure=2)
def lint(
    plans: PlansOption = Path("plans"),
    lang: LangOption = Lang.ja,
    fmt: ReportFormatOption = ReportFormat.text,
    list_rules: Annotated[
        bool, typer.Option("--list-rules", help=_h("lint_opt_list_rules"))
    ] = False,
) -> None:
    """Only the wording findings; 0 without findings, 1 with, 2 when the plans do not load."""
    if list_rules:
        from .lint import RULES
        from .lint.config import load_settings

        levels = load_settings(plans).rules if plans.is_dir() else {}
        for rule_id, each in RULES.items():
            typer.echo(message("lint_rule_listed", lang.value, id=rule_id,
                               severity=levels.get(rule_id, each.severity),
                               description=message(each.description, lang.value)))
        return
    loaded = _load(plans, fmt, lang)
    found = _lint(loaded, plans)
    _show(found, fmt, lang)
    if found:
        typer.echo(message("lint_count", lang.value, count=len(found)), err=True)
        raise typer.Exit(1)
    for year in loaded.years:
        typer.echo(message("lint_none", lang.value, path=year.path.as_posix()),
                   err=fmt is ReportFormat.github)


@app.command(help=_h("build_help"))
@handles_errors(failure=1, after_plan_error="build_unchanged")
def build(
    plans: PlansOption = Path("plans"),
    out: OutOption = Path("build"),
    fmt: Annotated[
        list[str] | None,
        typer.Option("--format", "-f", help=_h("opt_format"), metavar=_h("help_metavar_format")),
    ] = None,
    year: Annotated[
        list[int] | None,
        typer.Option("--year", "-y", help=_h("opt_year"), metavar=_h("help_metavar_year")),
    ] = None,
    lang: LangOption = Lang.ja,
    base_url: Annotated[
        str | None, typer.Option("--base-url", help=_h("opt_base_url"), metavar="URL"),
    ] = None,
) -> None:
    """Build the chosen formats; a format asked for by name and not made is a failure."""
    from .build import FORMATS
    from .build import build as run_build
    from .renderers.skipped import FormatSkipped

    chosen = [f.strip() for item in (fmt or []) for f in item.split(",") if f.strip()] or None
    unknown = [f for f in chosen or [] if f not in FORMATS]
    if unknown:
        raise UsageError("unknown_format", names=", ".join(unknown), choices=", ".join(FORMATS))
    skipped: list[str] = []

    def on_skip(name: str, reason: FormatSkipped) -> None:
        skipped.append(name)
        typer.echo(message("format_skipped", lang.value, name=name,
                           reason=reason.text(lang.value)), err=True)

    counts = run_build(plans, out, chosen, year, base_url, on_skip=on_skip)
    for name, count in counts.items():
        folder = (out / FORMATS[name].folder).as_posix()
        typer.echo(message("build_written", lang.value, name=name, folder=folder, count=count))
    if chosen and skipped:
        raise typer.Exit(1)


@app.command(help=_h("schema_help"))
@handles_errors(failure=1)
def schema(
    out: Annotated[
        Path, typer.Option("--out", help=_h("opt_out"), metavar=_h("help_metavar_folder"))
    ] = Path("schema"),
    plans: PlansOption = Path("plans"),
) -> None:
    """Write the JSON Schemas editors complete from (in the project's words, if it has settings)."""
    from .errors import PlanError
    from .schema import write_schemas
    from .settings.labels import labels_for, schema_words
    from .settings.read import read_settings

    settings, problems = read_settings(plans)
    if problems:
        raise PlanError(problems)
    for path in write_schemas(out, schema_words(labels_for(settings)) if settings else None):
        typer.echo(path.as_posix())


@app.command(help=_h("serve_help"))
@handles_errors(failure=1)
def serve(
    plans: PlansOption = Path("plans"),
    out: Annotated[
        Path, typer.Option("--out", help=_h("serve_opt_out"), metavar=_h("help_metavar_folder"))
    ] = Path("build"),
    port: Annotated[
        int, typer.Option("--port", "-p", help=_h("serve_opt_port"),
                          metavar=_h("help_metavar_port"))
    ] = 8000,
    lang: LangOption = Lang.ja,
) -> None:
    """Run the preview until Ctrl+C."""
    from .serve import serve as run_serve

    run_serve(plans, out, port, lang=lang.value)


@app.command()
@handles_errors(failure=2)
def diff(
    specs: Annotated[
        list[str] | None,
        typer.Argument(help="比べる年度: 2020 2021、HEAD:2020 2020 など（REV:年度 は git のリビジョン）",
                       show_default=False),
    ] = None,
    plans: PlansOption = Path("plans"),
    base: Annotated[
        str | None,
        typer.Option("--base", help="この git リビジョン（例: origin/main）と作業中の計画を比べる"),
    ] = None,
    fmt: Annotated[
        str,
        typer.Option("--format", "-f", help=f"出力形式（{', '.join(DIFF_FORMATS)}）"),
    ] = "text",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="出力ファイル（既定: 標準出力）")
    ] = None,
    ignore_order: Annotated[
        bool, typer.Option("--ignore-order", help="並べ替えだけの変更を表示しない")
    ] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help="色を付けない")] = False,
    old_left: Annotated[
        bool, typer.Option("--old-left", help="新旧対照表で改正前を左に置く（既定: 改正後が左）")
    ] = False,
    abbreviate: Annotated[
        bool, typer.Option("--abbreviate", help="新旧対照表で変更のない部分を（略）にする")
    ] = False,
    report_url: Annotated[
        str | None, typer.Option("--report-url", help="md が長すぎて省略したときに示す全体の URL")
    ] = None,
    lang: LangOption = Lang.ja,
) -> None:
    """2つの年度、または git のリビジョンと作業中の計画の違いを示します（変更なし 0、あり 1、エラー 2）。"""

    from .diff.formats import render
    from .diff.formats.options import Options
    from .diff.output import save
    from .diff.sides import compare
    from .failures import os_error_text

    if fmt not in DIFF_FORMATS:
        raise UsageError("diff_unknown_format", name=fmt, names=", ".join(DIFF_FORMATS))
    reports = compare(plans, list(specs or []), base, ignore_order=ignore_order)
    color = (output is None and fmt == "text" and not no_color
             and "NO_COLOR" not in os.environ and sys.stdout.isatty())
    options = Options(lang=lang.value, color=color, new_on_left=not old_left,
                      abbreviate=abbreviate, report_url=report_url)
    text = render(reports, fmt, options)
    if output is None and isinstance(text, bytes):
        if sys.stdout.isatty():
            raise UsageError("office_diff_binary_stdout", format=fmt)
        sys.stdout.buffer.write(text)
    elif output is None:
        sys.stdout.write(str(text))
    else:
        try:
            save(output, text)
        except OSError as err:
            typer.echo(message("diff_cannot_write", lang.value,
                               detail=os_error_text(err, lang.value)), err=True)
            raise typer.Exit(2) from None
    raise typer.Exit(1 if any(r.changed for r in reports) else 0)


@app.command("new-year", help=_h("new_year_help"))
@handles_errors(failure=1)
def new_year(
    year: Annotated[
        int, typer.Argument(help=_h("new_year_arg_year"), metavar=_h("help_metavar_year"),
                            show_default=False)
    ],
    plans: PlansOption = Path("plans"),
    lang: LangOption = Lang.ja,
) -> None:
    """Copy the previous year into a new year folder."""
    from .newyear import new_year as make

    made = make(plans, year)
    for warning in made.warnings:
        typer.echo(warning.text(lang.value), err=True)
    typer.echo(message("new_year_made", lang.value, path=made.folder.as_posix(),
                       count=len(made.copied)))


@app.command("init", help=_h("init_help"))
@handles_errors(failure=1)
def init(
    folder: Annotated[
        Path, typer.Argument(help=_h("init_arg_dir"), metavar=_h("help_metavar_folder"))
    ] = Path("."),
    organization: Annotated[
        str | None, typer.Option("--organization", help=_h("init_opt_organization"))
    ] = None,
    year: Annotated[
        int | None, typer.Option("--year", help=_h("init_opt_year"),
                                 metavar=_h("help_metavar_year"))
    ] = None,
    title: Annotated[str, typer.Option("--title", help=_h("init_opt_title"))] = "事業計画",
    lang: LangOption = Lang.ja,
) -> None:
    """Start a new plans repository; asks for what is missing when run from a terminal."""
    from .init import Project
    from .init import init as make

    missing = [name for name, value in (("--organization", organization), ("--year", year))
               if value is None]
    if missing and not sys.stdin.isatty():
        raise UsageError("init_missing", names="、".join(missing))
    if organization is None:
        organization = typer.prompt(message("init_prompt_organization", lang.value))
    if year is None:
        year = typer.prompt(message("init_prompt_year", lang.value), type=int)
    if not 1989 <= year <= 2200:
        raise UsageError("init_bad_year", value=year)
    if not organization.strip() or not title.strip():
        raise UsageError("init_missing", names="--organization" if not organization.strip()
                         else "--title")
    written = make(folder, Project(organization.strip(), year, title.strip()))
    typer.echo(message("init_made", lang.value, path=folder.as_posix(), count=len(written)))


def main() -> None:
    gcpolicy.apply()
    # jigyo uses no pydantic plugin: skip pydantic's scan of every installed package's
    # entry points when the first model is built (a large share of `jigyo check`'s start)
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover - Ctrl+C while the arguments are read
        typer.echo(message("interrupted", "ja"), err=True)
        sys.exit(INTERRUPTED)
