"""The `jigyo` command: parses arguments and calls the library.

Heavy imports happen inside the commands so that `jigyo --help` stays fast.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    help="jigyo: YAML で書いた事業計画を検査し、Web サイト・Markdown・JSON・PDF に組版します。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Lang(StrEnum):
    ja = "ja"
    en = "en"


PlansOption = Annotated[
    Path, typer.Option("--plans", help="計画フォルダ（年度フォルダ 2020/ などを含む）")
]
LangOption = Annotated[Lang, typer.Option("--lang", help="メッセージの言語（ja / en）")]


def _report(problems: list[object], lang: Lang) -> None:
    from .problems import Problem

    for found in problems:
        assert isinstance(found, Problem)
        typer.echo(found.format(lang.value), err=True)
    count = len(problems)
    if lang is Lang.ja:
        typer.echo(f"問題が {count} 件あります。", err=True)
    else:
        typer.echo(f"{count} problem(s) found.", err=True)


@app.command()
def check(plans: PlansOption = Path("plans"), lang: LangOption = Lang.ja) -> None:
    """計画ファイルをすべて検査し、誤りを「ファイル:行:列: 内容」で示します。"""
    from .loader import load_plans
    from .problems import PlanError

    try:
        loaded = load_plans(plans)
    except PlanError as err:
        _report(list(err.problems), lang)
        raise typer.Exit(1) from None
    for year in loaded.years:
        if lang is Lang.ja:
            typer.echo(f"{year.path.as_posix()}: {len(year.units)} 件の計画単位に問題はありません。")
        else:
            typer.echo(f"{year.path.as_posix()}: {len(year.units)} unit(s), no problems.")


@app.command()
def build(
    plans: PlansOption = Path("plans"),
    out: Annotated[Path, typer.Option("--out", help="出力フォルダ")] = Path("build"),
    fmt: Annotated[
        list[str] | None,
        typer.Option("--format", "-f", help="出力形式（html, md, json。複数指定可。既定: すべて）"),
    ] = None,
    year: Annotated[
        list[int] | None, typer.Option("--year", "-y", help="この年度だけを組版（複数指定可）")
    ] = None,
    lang: LangOption = Lang.ja,
) -> None:
    """計画を検査し、Web サイト（site/）、Markdown（md/）、JSON（json/）を出力します。"""
    from .build import FORMATS
    from .build import build as run_build
    from .problems import PlanError

    chosen = [f.strip() for item in (fmt or []) for f in item.split(",") if f.strip()] or None
    unknown = [f for f in chosen or [] if f not in FORMATS]
    if unknown:
        typer.echo(
            f"不明な出力形式です: {', '.join(unknown)}（使えるもの: {', '.join(FORMATS)}）", err=True
        )
        raise typer.Exit(2)
    try:
        counts = run_build(plans, out, chosen, year)
    except PlanError as err:
        _report(list(err.problems), lang)
        typer.echo("出力は変更していません。" if lang is Lang.ja else "Nothing was written.",
                   err=True)
        raise typer.Exit(1) from None
    except OSError as err:
        typer.echo(f"出力を書き込めません: {err}", err=True)
        raise typer.Exit(1) from None
    for name, count in counts.items():
        folder = (out / FORMATS[name].folder).as_posix()
        typer.echo(f"{name}: {folder}/ に {count} ファイル" if lang is Lang.ja
                   else f"{name}: {count} file(s) in {folder}/")


@app.command()
def schema(
    out: Annotated[Path, typer.Option("--out", help="出力フォルダ")] = Path("schema"),
) -> None:
    """エディタ補完用の JSON Schema（unit.schema.json, year.schema.json）を書き出します。"""
    from .schema import write_schemas

    for path in write_schemas(out):
        typer.echo(path.as_posix())


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        sys.exit(130)
