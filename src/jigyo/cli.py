"""The `jigyo` command: parses arguments and calls the library.

Heavy imports happen inside the commands so that `jigyo --help` stays fast.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from . import gcpolicy

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
    from .messages import message
    from .problems import Problem

    for found in problems:
        assert isinstance(found, Problem)
        typer.echo(found.format(lang.value), err=True)
    typer.echo(message("problem_count", lang.value, count=len(problems)), err=True)


@app.command()
def check(plans: PlansOption = Path("plans"), lang: LangOption = Lang.ja) -> None:
    """計画ファイルをすべて検査し、誤りを「ファイル:行:列: 内容」で示します。"""
    from .errors import PlanError
    from .loader import load_plans

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
        typer.Option("--format", "-f", help="出力形式（html, md, json, pdf。複数指定可。既定: すべて）"),
    ] = None,
    year: Annotated[
        list[int] | None, typer.Option("--year", "-y", help="この年度だけを組版（複数指定可）")
    ] = None,
    lang: LangOption = Lang.ja,
    base_url: Annotated[
        str | None,
        typer.Option("--base-url", help="サイトを公開する URL（例: https://example.jp/jigyo/）。"
                     "sitemap.xml と正規 URL に使います"),
    ] = None,
) -> None:
    """計画を検査し、Web サイト（site/）、Markdown（md/）、JSON（json/）、PDF（pdf/）を出力します。"""
    from .build import FORMATS
    from .build import build as run_build
    from .errors import JigyoError, PlanError

    chosen = [f.strip() for item in (fmt or []) for f in item.split(",") if f.strip()] or None
    unknown = [f for f in chosen or [] if f not in FORMATS]
    if unknown:
        typer.echo(
            f"不明な出力形式です: {', '.join(unknown)}（使えるもの: {', '.join(FORMATS)}）", err=True
        )
        raise typer.Exit(2)
    skipped: list[str] = []

    def on_skip(name: str, reason: str) -> None:
        skipped.append(name)
        typer.echo(f"{name}: {reason}", err=True)

    try:
        counts = run_build(plans, out, chosen, year, base_url, on_skip=on_skip)
    except PlanError as err:
        _report(list(err.problems), lang)
        typer.echo("出力は変更していません。" if lang is Lang.ja else "Nothing was written.",
                   err=True)
        raise typer.Exit(1) from None
    except JigyoError as err:
        typer.echo(err.text(lang.value), err=True)
        raise typer.Exit(err.exit_code) from None
    except OSError as err:
        typer.echo(f"出力を書き込めません: {err}", err=True)
        raise typer.Exit(1) from None
    for name, count in counts.items():
        folder = (out / FORMATS[name].folder).as_posix()
        typer.echo(f"{name}: {folder}/ に {count} ファイル" if lang is Lang.ja
                   else f"{name}: {count} file(s) in {folder}/")
    if chosen and skipped:  # a format asked for by name and not made is a failure
        raise typer.Exit(1)


@app.command()
def schema(
    out: Annotated[Path, typer.Option("--out", help="出力フォルダ")] = Path("schema"),
) -> None:
    """エディタ補完用の JSON Schema（unit.schema.json, year.schema.json）を書き出します。"""
    from .schema import write_schemas

    for path in write_schemas(out):
        typer.echo(path.as_posix())


@app.command()
def serve(
    plans: PlansOption = Path("plans"),
    out: Annotated[Path, typer.Option("--out", help="出力フォルダ（site/ を配信します）")] = Path("build"),
    port: Annotated[int, typer.Option("--port", "-p", help="ポート番号（0 で空いている番号）")] = 8000,
) -> None:
    """サイトを組版して 127.0.0.1 で表示し、計画を保存するたびに組版し直して再読み込みします。"""
    from .serve import serve as run_serve

    try:
        run_serve(plans, out, port)
    except OSError as err:
        typer.echo(f"サーバーを起動できません: {err}", err=True)
        raise typer.Exit(1) from None


class DiffFormat(StrEnum):
    text = "text"
    md = "md"
    html = "html"
    json = "json"


@app.command()
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
        DiffFormat, typer.Option("--format", "-f", help="出力形式（text, md, html, json）")
    ] = DiffFormat.text,
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
    import os

    from .errors import PlanError
    from .gitplans import GitError, SideError, compare
    from .renderers.diffreport import render, save

    try:
        reports = compare(plans, list(specs or []), base, ignore_order=ignore_order)
    except PlanError as err:
        _report(list(err.problems), lang)
        raise typer.Exit(2) from None
    except (GitError, SideError) as err:
        typer.echo(str(err), err=True)
        raise typer.Exit(2) from None
    color = (output is None and fmt is DiffFormat.text and not no_color
             and "NO_COLOR" not in os.environ and sys.stdout.isatty())
    text = render(reports, fmt.value, color=color, new_on_left=not old_left,
                  abbreviate=abbreviate, report_url=report_url)
    if output is None:
        sys.stdout.write(text)
    else:
        try:
            save(output, text)
        except OSError as err:
            typer.echo(f"出力を書き込めません: {err}", err=True)
            raise typer.Exit(2) from None
    raise typer.Exit(1 if any(r.changed for r in reports) else 0)


@app.command("new-year")
def new_year(
    year: Annotated[int, typer.Argument(help="新しい年度（例: 2021）。前年度のフォルダを写します")],
    plans: PlansOption = Path("plans"),
    lang: LangOption = Lang.ja,
) -> None:
    """前年度の計画をすべて写して新しい年度のフォルダを作ります（fiscal_year だけを書き換え）。"""
    from .errors import PlanError
    from .newyear import NewYearError
    from .newyear import new_year as make

    try:
        made = make(plans, year)
    except PlanError as err:
        _report(list(err.problems), lang)
        raise typer.Exit(1) from None
    except (NewYearError, OSError) as err:
        typer.echo(str(err), err=True)
        raise typer.Exit(1) from None
    for warning in made.warnings:
        typer.echo(warning, err=True)
    typer.echo(f"{made.folder.as_posix()}/ を作りました（{len(made.copied)} ファイル）。")


def main() -> None:
    gcpolicy.apply()
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        sys.exit(130)
