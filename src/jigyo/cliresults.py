"""The `jigyo results` commands: the results skeleton, and the results workbook out and in."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .clierrors import handles_errors
from .clihelp import JigyoTyper
from .clioptions import Lang, LangOption, PlansOption
from .clioptions import h as _h
from .messages import message

if TYPE_CHECKING:
    from .layout import YearView
    from .results.config import ResultsSettings
    from .results.loader import YearResults

results_app = JigyoTyper(help=_h("results_help"), no_args_is_help=True,
                         add_completion=False, pretty_exceptions_enable=False)


@results_app.command("new", help=_h("results_new_help"))
@handles_errors(failure=1)
def results_new(
    year: Annotated[
        int, typer.Argument(help=_h("results_arg_year"), metavar=_h("help_metavar_year"),
                            show_default=False)
    ],
    plans: PlansOption = Path("plans"),
    lang: LangOption = Lang.ja,
) -> None:
    """Write or extend the results skeleton of every unit of the year."""
    from .layout import year_view
    from .loader import load_plans
    from .results.skeleton import write_skeleton

    loaded = load_plans(plans, [year])
    for written in write_skeleton(year_view(loaded.years[0])):
        code = "results_new_written" if written.added else "results_new_unchanged"
        typer.echo(message(code, lang.value, path=written.path.as_posix(), count=written.added))


def _year_results(plans: Path, year: int
                  ) -> tuple[YearView, YearResults | None, ResultsSettings]:
    """The year's view, its results (None without a results folder) and the settings."""
    from .errors import PlanError
    from .layout import year_view
    from .loader import load_plans
    from .results.config import load_settings
    from .results.loader import load_year_results

    view = year_view(load_plans(plans, [year]).years[0])
    settings, problems = load_settings(plans)
    found, more = load_year_results(view, settings)
    if any(p.severity == "error" for p in [*problems, *more]):
        raise PlanError([*problems, *more])
    return view, found, settings


@results_app.command("xlsx", help=_h("results_xlsx_help"))
@handles_errors(failure=1)
def results_xlsx(
    year: Annotated[
        int, typer.Argument(help=_h("results_arg_year"), metavar=_h("help_metavar_year"),
                            show_default=False)
    ],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help=_h("results_xlsx_opt_output"))
    ] = None,
    plans: PlansOption = Path("plans"),
    lang: LangOption = Lang.ja,
) -> None:
    """Write the entry workbook of the year, pre-filled with the results written so far."""
    from .fsutil import write_atomic
    from .results.workbook import entry_book

    view, found, settings = _year_results(plans, year)
    target = output if output is not None else Path(f"{view.name}-results.xlsx")
    write_atomic(target, entry_book(view, found, settings.labels(), settings.statuses))
    typer.echo(message("results_xlsx_written", lang.value, path=target.as_posix(),
                       count=len(view.units)))


@results_app.command("import", help=_h("results_import_help"))
@handles_errors(failure=1)
def results_import(
    year: Annotated[
        int, typer.Argument(help=_h("results_arg_year"), metavar=_h("help_metavar_year"),
                            show_default=False)
    ],
    book: Annotated[Path, typer.Argument(help=_h("results_import_arg_book"))],
    plans: PlansOption = Path("plans"),
    lang: LangOption = Lang.ja,
) -> None:
    """Validate the workbook as a whole, then write the results files it changes."""
    from .results.book_import import import_book

    view, found, settings = _year_results(plans, year)
    done = import_book(book, view, found, settings.statuses)
    for remark in done.warnings:
        typer.echo(remark.text(lang.value), err=True)
    for path in done.written:
        typer.echo(message("results_import_written", lang.value, path=path.as_posix()))
    if not done.written:
        typer.echo(message("results_import_unchanged", lang.value))


