"""The year file (plans/<year>/year.yaml): the document's metadata and the order of 課."""

from __future__ import annotations

from pydantic import Field

from ..digits import Number
from ..limits import DEFAULT, Limits
from ..settings.model import Overrides
from .text import Lines, Slug, Strict, Text
from .unit import Budget, Policy


class Department(Strict):
    name: Text = Field(title="課", description="課の名前（例: 総務課）。")
    units: list[Slug] = Field(
        default_factory=list,
        title="計画単位の並び順",
        description="この課の計画単位ファイル名（拡張子なし）を表示順に。書かなかったものはファイル名順で後に続きます。",
    )


class Goal(Strict):
    """A goal of the multi-year plan that 取り組み serve (declared once in the year file)."""

    id: Slug = Field(title="ID", description="取り組みの goals から指す識別子。")
    title: Text = Field(title="目標", description="目標の文言（例: 誰もが安心して暮らせるまち）。")


class YearFile(Strict):
    """Document metadata of one fiscal year: plans/<year>/year.yaml."""

    fiscal_year: Number = Field(
        title="年度",
        description="年度の始まる西暦年（例: 2020 は令和２年度）。フォルダ名と同じにします。",
        ge=1989,
        le=2200,
    )
    organization: Text = Field(title="法人名", description="例: 西東京市社会福祉協議会")
    title: Text = Field(default="事業計画", title="表題", description="例: 事業計画")
    era_label: Text | None = Field(
        default=None,
        title="年度の和暦表記",
        description="自動の和暦表記（令和２年度など）を上書きするときだけ書きます（例: 平成31年度）。",
    )
    departments: list[Department] = Field(
        title="課", description="課を表示順に並べたリスト。", min_length=1
    )
    draft: bool = Field(
        default=False,
        title="案",
        description="true のあいだは理事会で承認される前の案として、表題に「（案）」を付けて出力します。",
    )
    approved: Text | None = Field(
        default=None,
        title="承認",
        description="理事会などで承認された日を書かれたとおりに（例: 令和２年３月２５日　理事会承認）。表紙に表示します。",
    )
    published: Text | None = Field(
        default=None,
        title="発行日",
        description="発行日を書かれたとおりに（例: 令和２年４月１日）。表紙に表示します。",
    )
    contact: Lines | None = Field(
        default=None,
        title="連絡先",
        description="問い合わせ先（住所・電話番号など）。リストにすると複数行で表示します。",
    )
    basic_policy: Policy = Field(
        default_factory=list, title="基本方針",
        description="年度全体の基本方針（段落・箇条書き・番号付きリスト）。表紙の次に表示します。")
    priorities: list[Text] = Field(
        default_factory=list, title="重点目標", description="年度の重点目標の一覧。")
    goals: list[Goal] = Field(
        default_factory=list, title="計画の目標",
        description="複数年度の計画の目標。取り組みの goals から ID で指し、目標ごとのページができます。")
    budget_total: Budget | None = Field(
        default=None, title="予算額の合計",
        description="取り組みの予算額の合計。書くと、合計が合っているかを検査します。")
    settings: Overrides | None = Field(
        default=None,
        title="この年度の設定",
        description="plans/jigyo.yaml の設定のうち、この年度だけ変えるもの（表題・年度の表記・呼び名・番号・列の見出し）。",
    )
    limits: Limits = Field(
        default=DEFAULT,
        title="上限",
        description="読み込む計画の大きさの上限（ファイルの大きさ・文字数・要素数など）。"
        "実際の計画よりはるかに大きい既定値で足りないときだけ書きます。",
    )


