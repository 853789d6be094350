"""Limits on the size of a plan, far above any real plan, so that no file can stall a build.

A plan repository takes pull requests from many people and its CI builds
whatever they push: a file of a million 取り組み or a paragraph of ten million
characters must be refused at once, with a located message, rather than take
minutes and gigabytes. The defaults are about a hundred times what the real
plans use; a year file may raise them under ``limits:`` (the same mapping is
meant to move into a settings file later, unchanged).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from .digits import Number


class Limits(BaseModel):
    """The largest plan jigyo reads; beyond any of these a file is refused."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    file_bytes: Number = Field(
        default=1_048_576,
        title="ファイルの大きさ（バイト）",
        description="1つの計画ファイルの大きさの上限（既定: 1,048,576 = 1 MiB）。",
        ge=1,
    )
    text_chars: Number = Field(
        default=10_000,
        title="1つの文言の文字数",
        description="1つの文言（段落・目標値など）の文字数の上限（既定: 10,000）。",
        ge=1,
    )
    list_items: Number = Field(
        default=1_000,
        title="リストの要素数",
        description="1つのリスト（取り組み・事項・箇条書きなど）の要素数の上限（既定: 1,000）。",
        ge=1,
    )
    values: Number = Field(
        default=20_000,
        title="1つのファイルの値の数",
        description="1つの計画ファイルに書ける値とキーの数の合計の上限（既定: 20,000）。",
        ge=1,
    )
    depth: Number = Field(
        default=32,
        title="入れ子の深さ",
        description="リストや「キー: 値」の組の入れ子の深さの上限（既定: 32、最大 100）。",
        ge=1,
        le=100,
    )
    unit_files: Number = Field(
        default=500,
        title="計画単位ファイルの数",
        description="1つの年度フォルダの計画単位ファイルの数の上限（既定: 500）。",
        ge=1,
    )


DEFAULT = Limits()
"""The limits when nothing raises them."""
