"""Numbering styles: how the n-th 取り組み or 事項 is numbered, chosen by a sample.

A style is named by how its first number looks (`１．`, `(1)`, `①`, `ア`, …),
so a settings file reads like the printed plan. The numbers are generated from
order, never typed in the YAML.
"""

from __future__ import annotations

from collections.abc import Callable

_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def jnum(n: int) -> str:
    """A number as the council prints it: one digit full-width (２), more half-width (12)."""
    return str(n).translate(_FULLWIDTH) if n < 10 else str(n)

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿"
_IROHA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
_ROMAN = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ"


def _circled(n: int) -> str:
    return _CIRCLED[n - 1] if n <= len(_CIRCLED) else f"({n})"


def _iroha(n: int) -> str:
    return _IROHA[n - 1] if n <= len(_IROHA) else str(n)


def _roman(n: int) -> str:
    return _ROMAN[n - 1] if n <= len(_ROMAN) else str(n)


STYLES: dict[str, Callable[[int], str]] = {
    "１．": lambda n: f"{jnum(n)}．",
    "１": jnum,
    "1.": lambda n: f"{n}.",
    "１.": lambda n: f"{jnum(n)}.",
    "1": str,
    "(1)": lambda n: f"({n})",
    "（１）": lambda n: f"（{jnum(n)}）",
    "①": _circled,
    "ア": _iroha,
    "(ア)": lambda n: f"({_iroha(n)})",
    "（ア）": lambda n: f"（{_iroha(n)}）",
    "第1": lambda n: f"第{n}　",
    "第１": lambda n: f"第{jnum(n)}　",
    "Ⅰ": _roman,
    "Ⅰ．": lambda n: f"{_roman(n)}．",
    "【1】": lambda n: f"【{n}】",
    "<1>": lambda n: f"<{n}>",
    "＜１＞": lambda n: f"＜{jnum(n)}＞",
    "none": lambda n: "",
}
"""Style (its first number as printed) → the n-th number; `none` prints nothing."""


def number(style: str, n: int) -> str:
    """The n-th number (from 1) in `style` (a key of STYLES)."""
    return STYLES[style](n)
