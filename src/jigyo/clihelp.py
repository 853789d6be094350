"""Help pages and usage mistakes of the `jigyo` command, worded from the catalogue.

Typer words its help and the parser's errors in English ("Options",
"Show this message and exit.", "No such option") and its table layout cuts
long Japanese lines with "…". The command classes here lay out help as plain
text wrapped by display width, with Japanese line-breaking rules, and turn the
parser's errors into catalogue messages, so nothing a clerk reads is English
(with ``--lang en`` usage errors are English). Help stays Japanese: it is
printed before any option is read.
"""

from __future__ import annotations

import re
import shutil
import sys
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import typer
from typer._click.core import Command as ClickCommand
from typer.core import TyperCommand, TyperGroup

from .messages import Lang, message

HELP_LANG: Lang = "ja"
MAX_WIDTH = 100
LEFT_MAX = 28
"""Widest option column; a longer option name puts its help on the next line."""

_NO_LINE_START = set("、。，．・：；？！ー）］｝〕〉》」』】〙〗〟’”ゝゞ々ぁぃぅぇぉっゃゅょァィゥェォッャュョ…‥,.:;?!)]}%")
_NO_LINE_END = set("（［｛〔〈《「『【〘〖〝‘“([{")


def _cells(text: str) -> int:
    """Display width in terminal cells: wide and full-width characters take two."""
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _tokens(text: str) -> Iterator[str]:
    """Unbreakable pieces: a Latin word, a space, or one Japanese character."""
    for piece in re.finditer(r"\s+|[\x21-\x7e]+|.", text):
        yield piece.group()


def wrap(text: str, width: int) -> list[str]:
    """Lines of `text` no wider than `width` cells, broken as Japanese text is.

    A line may break between any two Japanese characters or at a space, never
    inside a Latin word (unless it is longer than a line), never before a
    closing bracket or 、。 and never after an opening bracket.
    """
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line: list[str] = []
        used = 0
        for token in _tokens(paragraph):
            size = _cells(token)
            if token.isspace():
                if line:
                    line.append(" ")
                    used += 1
                continue
            if used + size > width and line:
                while line and line[-1] == " ":
                    line.pop()
                carried: list[str] = []
                if token[0] in _NO_LINE_START and len(line) > 1:
                    carried.insert(0, line.pop())
                while len(line) > 1 and line[-1][-1] in _NO_LINE_END:
                    carried.insert(0, line.pop())
                lines.append("".join(line).rstrip())
                line = carried
                used = _cells("".join(line))
            while size > width:  # a Latin run longer than a line is folded
                cut = 0
                while _cells(token[:cut + 1]) <= width - used:
                    cut += 1
                lines.append("".join(line) + token[:cut])
                token, line, used = token[cut:], [], 0
                size = _cells(token)
            line.append(token)
            used += size
        lines.append("".join(line).rstrip())
    return lines


def _width() -> int:
    return max(40, min(shutil.get_terminal_size((80, 24)).columns, MAX_WIDTH))


def _text(code: str, **params: object) -> str:
    return message(code, HELP_LANG, **params)


def _metavar(param: Any, ctx: Any) -> str:
    """What goes after an option's name, or an argument's name, in Japanese."""
    if param.metavar:
        return str(param.metavar)
    shown = str(param.display_type(ctx)).strip("<>")
    if "|" in shown:
        return shown
    inner = re.sub(r"^list\[(.*)\]$", r"\1", shown)
    return _text({"int": "help_type_int", "path": "help_type_path", "float": "help_type_number"}
                 .get(inner, "help_type_text"))


def _param_row(param: Any, ctx: Any) -> tuple[str, str]:
    """(left column, help) for an option or an argument."""
    is_flag = bool(getattr(param, "is_flag", False))
    if param.param_type_name == "argument":
        left = _metavar(param, ctx)
    else:
        names = sorted(param.opts, key=len)
        left = ", ".join(names) + ("" if is_flag else " " + _metavar(param, ctx))
    notes = [param.help or ""]
    default = param._extract_default_help_str(ctx=ctx) if not is_flag else None
    if default not in (None, "") and param.show_default:
        notes.append(_text("help_default", value=default))
    if param.required:
        notes.append(_text("help_required"))
    return left, "".join(n for n in notes if n)


def _rows(title: str, rows: Sequence[tuple[str, str]], width: int) -> list[str]:
    if not rows:
        return []
    left = min(max(_cells(name) for name, _ in rows), LEFT_MAX) + 2
    out = [f"{title}:"]
    for name, text in rows:
        body = wrap(text, width - 2 - left)
        if _cells(name) + 2 > left:
            out.append(f"  {name}")
            out.extend(" " * (left + 2) + line for line in body)
        else:
            pad = " " * (left - _cells(name))
            out.append(f"  {name}{pad}{body[0]}")
            out.extend(" " * (left + 2) + line for line in body[1:])
    return [*out, ""]


def _usage(command: Any, ctx: Any, lang: Lang = HELP_LANG) -> str:
    pieces = [ctx.command_path, message("help_options_metavar", lang)]
    for param in command.get_params(ctx):
        if param.param_type_name == "argument":
            shown = _metavar(param, ctx) + ("..." if param.nargs != 1 else "")
            pieces.append(shown if param.required else f"[{shown}]")
    if isinstance(command, TyperGroup):
        pieces.append(message("help_command_metavar", lang))
    return message("help_usage", lang) + " ".join(pieces)


def help_page(command: Any, ctx: Any) -> str:
    """The whole help of a command or of the command group, as plain wrapped text."""
    width = _width()
    out = [_usage(command, ctx), ""]
    for paragraph in (command.help or "").split("\n\n"):
        if paragraph.strip():
            out += ["  " + line for line in wrap(" ".join(paragraph.split("\n")), width - 2)]
            out.append("")
    params = [p for p in command.get_params(ctx) if not getattr(p, "hidden", False)]
    out += _rows(_text("help_arguments"),
                 [_param_row(p, ctx) for p in params if p.param_type_name == "argument"], width)
    out += _rows(_text("help_options"),
                 [_param_row(p, ctx) for p in params if p.param_type_name != "argument"], width)
    if isinstance(command, TyperGroup):
        commands = [command.get_command(ctx, name) for name in command.list_commands(ctx)]
        out += _rows(_text("help_commands"),
                     [(c.name or "", (c.help or "").split("\n\n")[0])
                      for c in commands if c is not None and not c.hidden], width)
    return "\n".join(out).rstrip() + "\n"


def _names(values: Sequence[str], lang: Lang) -> str:
    return message("usage_list_separator", lang).join(
        message("usage_quoted", lang, name=v) for v in values)


def _lang_in(args: Sequence[str]) -> Lang:
    for at, arg in enumerate(args):
        if arg == "--lang=en" or (arg == "--lang" and args[at + 1:at + 2] == ["en"]):
            return "en"
    return "ja"


def usage_error_text(err: Any, lang: Lang) -> str:
    """The parser's complaint in `lang`, from the error's kind and fields, not its English."""
    from typer._click import exceptions as parsing

    text = str(getattr(err, "message", "") or "")
    if isinstance(err, parsing.NoSuchOption):
        said = message("usage_no_such_option", lang, name=err.option_name)
        if err.possibilities:
            names = _names(sorted(err.possibilities), lang)
            said += message("usage_did_you_mean", lang, names=names)
        return said
    if isinstance(err, parsing.MissingParameter) and err.param is not None:
        kind = "usage_kind_argument" if err.param.param_type_name == "argument" \
            else "usage_kind_option"
        name = (err.param.opts[0] if err.param.param_type_name != "argument"
                else _metavar(err.param, err.ctx))
        return message("usage_missing", lang, kind=message(kind, lang), name=name)
    if isinstance(err, parsing.BadParameter) and err.param is not None:
        shown = str(err.param.display_type(err.ctx)).strip("<>") if err.ctx else ""
        expect = (message("usage_expect_choice", lang, choices=", ".join(shown.split("|")))
                  if "|" in shown else
                  message("usage_expect_int", lang) if shown.endswith("int") else "")
        name = err.param.opts[0] if err.param.param_type_name != "argument" \
            else _metavar(err.param, err.ctx)
        return message("usage_bad_value_unknown", lang, name=name, expect=expect)
    if isinstance(err, parsing.BadOptionUsage):
        code = "usage_needs_value" if " requires " in text else \
            "usage_takes_no_value" if "does not take" in text else "usage_other"
        return message(code, lang, name=err.option_name)
    if found := re.match(r"Got unexpected extra argument(?:\(s\)|s)? \((.*)\)$", text):
        return message("usage_extra", lang, args=found.group(1))
    if found := re.match(r"No such command '(.*?)'\.(?: Did you mean (.*)\?)?$", text):
        said = message("usage_no_such_command", lang, name=found.group(1))
        if found.group(2):
            close = re.findall(r"'([^']*)'", found.group(2))
            said += message("usage_did_you_mean", lang, names=_names(close, lang))
        return said
    if text.startswith("Missing command"):
        return message("usage_missing_command", lang)
    return message("usage_other", lang)


def _show_usage_error(err: Any, lang: Lang) -> None:
    ctx = getattr(err, "ctx", None)
    if ctx is not None:
        typer.echo(_usage(ctx.command, ctx, lang), err=True)
        typer.echo(message("help_try", lang, command_path=ctx.command_path,
                           help_option="--help"), err=True)
    typer.echo(f"{message('help_error', lang)}: {usage_error_text(err, lang)}", err=True)


class _JapaneseHelp(ClickCommand):
    """Help laid out here, in Japanese, for a command or the group (mixed in first)."""

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = _text("help_option")
        return option

    def format_help(self, ctx: Any, formatter: Any) -> None:
        formatter.write(help_page(self, ctx))


class JigyoCommand(_JapaneseHelp, TyperCommand):
    """A command whose help is laid out here, in Japanese."""


class JigyoGroup(_JapaneseHelp, TyperGroup):
    """The `jigyo` command group: Japanese help, and usage errors worded from the catalogue."""

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             windows_expand_args: bool = True, **extra: Any) -> Any:
        """Run; a usage mistake is printed in Japanese (or English) and ends with status 2."""
        from typer._click import exceptions as parsing

        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode,
                                windows_expand_args, **extra)
        given = list(sys.argv[1:] if args is None else args)  # only to find --lang
        try:
            status = super().main(args, prog_name, complete_var, False, windows_expand_args,
                                  **extra)
        except parsing.NoArgsIsHelpError as err:
            typer.echo(err.format_message(), err=True, nl=False)
            sys.exit(err.exit_code)
        except parsing.UsageError as err:
            _show_usage_error(err, _lang_in(given))
            sys.exit(err.exit_code)
        except typer.TyperException as err:  # pragma: no cover - no such error is raised today
            typer.echo(err.format_message(), err=True)
            sys.exit(err.exit_code)
        except typer.Abort:
            typer.echo(message("help_aborted", _lang_in(given)), err=True)
            sys.exit(1)
        sys.exit(status if isinstance(status, int) else 0)


class JigyoTyper(typer.Typer):
    """A Typer whose commands are :class:`JigyoCommand` unless a command says otherwise."""

    def __init__(self, **settings: Any) -> None:
        settings.setdefault("cls", JigyoGroup)
        super().__init__(**settings)

    def command(self, *args: Any, **kwargs: Any) -> Callable[[Any], Any]:
        kwargs.setdefault("cls", JigyoCommand)
        return super().command(*args, **kwargs)
