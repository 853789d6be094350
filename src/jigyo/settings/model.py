"""What plans/jigyo.yaml may say: the shape of one organization's plan.

Every key is optional; without the file (or a key) the plan reads as the
西東京市社会福祉協議会's 事業計画 always has. A year file may override the
same keys under `settings:` for what changes by year. The `lint:` and
`results:` sections belong to `jigyo lint` and the 事業報告 (results)
module: they are accepted here as mappings and read by their owners.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""A word of the outputs (kept apart from the plan model, which imports this module)."""

NumberStyle = Literal[
    "１．", "１", "1.", "１.", "1", "(1)", "（１）", "①", "ア", "(ア)", "（ア）", "第1", "第１",
    "Ⅰ", "Ⅰ．", "【1】", "<1>", "＜１＞", "none",
]
"""A numbering style, named by its first number as printed (the keys of STYLES)."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Levels(_Strict):
    """The names of the levels of the plan, as the outputs write them."""

    department: Text | None = Field(default=None, title="課の呼び名", description="例: 課、部、担当課")
    section: Text | None = Field(default=None, title="係の呼び名", description="例: 係、チーム、担当")
    project: Text | None = Field(default=None, title="事業の呼び名", description="例: 事業")
    initiative: Text | None = Field(default=None, title="取り組みの呼び名",
                                    description="例: 取り組み、重点事業、施策")
    item: Text | None = Field(default=None, title="項目の呼び名",
                              description="表の左端の列の見出し（例: 項目、区分）")
    entry: Text | None = Field(default=None, title="事項の呼び名", description="例: 事項、事業名")
    unit: Text | None = Field(default=None, title="計画単位の呼び名",
                              description="1つのファイルにまとめる単位の呼び名（例: 計画単位、部署）")
    unit_policy: Text | None = Field(default=None, title="係の方針の見出し",
                                     description="計画単位の冒頭の囲みの見出し（例: 係の方針、基本方針）")
    policy: Text | None = Field(default=None, title="方針の見出し",
                                description="取り組みごとの囲みの見出し（例: 方針、考え方）")
    bracket_units: bool | None = Field(
        default=None, title="計画単位名を【】で囲む",
        description="false にすると計画単位の名前を【】で囲まずに表示します。")


class Numbering(_Strict):
    """How each level is numbered; the numbers are always generated."""

    initiative: NumberStyle | None = Field(
        default=None, title="取り組みの番号",
        description="取り組みの番号の形（１．、1.、(1)、①、ア、(ア)、第1、Ⅰ、【1】、none など）。")
    entry: NumberStyle | None = Field(
        default=None, title="事項の番号", description="事項の番号の形（(1)、①、ア、none など）。")
    list: NumberStyle | None = Field(
        default=None, title="番号付きリストの番号",
        description="方針の中の番号付きリスト（numbered）の番号の形。")


class Columns(_Strict):
    """The headings of the table's columns."""

    item: Text | None = Field(default=None, title="項目列の見出し", description="例: 項目、区分")
    content: Text | None = Field(default=None, title="内容列の見出し",
                                 description="例: 内容、実施内容、事業内容")
    target: Text | None = Field(default=None, title="目標値列の見出し",
                                description="例: 目標値、実績、予算額、実施時期")


class ExtraColumn(_Strict):
    """A column after 目標値: one of the entry's typed cells, or a custom one by key."""

    kind: Literal["schedule", "owner", "budget", "remarks", "custom"] = Field(
        title="列の種類",
        description="schedule（実施時期）、owner（担当）、budget（予算額）、remarks（備考）、custom（独自）。")
    key: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=64)] | None = Field(
        default=None, title="キー", description="custom の列で、事項の custom に書くキー。")
    header: Text | None = Field(default=None, title="見出し",
                                description="列の見出し（既定: 実施時期・担当・予算額・備考）。")
    width: int | None = Field(default=None, ge=10, le=60, title="PDF の列幅（mm）",
                              description="PDF での列の幅（既定: 18mm）。")

    @model_validator(mode="after")
    def _custom_has_key(self) -> ExtraColumn:
        if self.kind == "custom" and (self.key is None or self.header is None):
            raise PydanticCustomError("custom_column", "a custom column needs key and header")
        return self


class Words(_Strict):
    """Other fixed words of the outputs."""

    approved: Text | None = Field(default=None, title="承認の見出し", description="表紙の「承認」")
    published: Text | None = Field(default=None, title="発行日の見出し",
                                   description="表紙の「発行日」")
    contact: Text | None = Field(default=None, title="連絡先の見出し",
                                 description="表紙の「連絡先」")
    draft: Text | None = Field(default=None, title="案の表示", description="既定:（案）")
    commissioned_form: Text | None = Field(
        default=None, title="受託の表示",
        description="受託元を示す文言。{source} が受託元になります（既定:（{source}からの受託事業））。")


class Overrides(_Strict):
    """What a year file may change for its year (`settings:` in year.yaml)."""

    title: Text | None = Field(default=None, title="表題",
                               description="文書の種類（例: 事業計画、事業報告、実施計画）")
    file_name: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=40)] | None = Field(
        default=None, title="ファイル名",
        description="サイトに置く PDF のファイル名の前半（英小文字・数字・ハイフン、例: jigyo-houkoku）。")
    era: Literal["wareki", "wareki_seireki", "seireki"] | None = Field(
        default=None, title="年度の表記",
        description="wareki: 令和２年度、wareki_seireki: 令和２年度（2020年度）、seireki: 2020年度")
    period: int | None = Field(
        default=None, title="計画期間（年数）", ge=1, le=10,
        description="複数年度にわたる計画の年数（例: 3 で 2018 年度から平成30～令和２年度）。")
    levels: Levels = Field(default_factory=Levels, title="階層の呼び名",
                           description="課・係・取り組み・項目・事項などの呼び名。")
    numbering: Numbering = Field(default_factory=Numbering, title="番号の付け方",
                                 description="階層ごとの番号の形。")
    columns: Columns = Field(default_factory=Columns, title="表の列の見出し",
                             description="項目・内容・目標値の列の見出し。")
    extra_columns: list[ExtraColumn] = Field(
        default_factory=list, max_length=4, title="表に足す列",
        description="目標値の右に足す列（4列まで。表は全部で7列まで）。")
    words: Words = Field(default_factory=Words, title="そのほかの決まった文言",
                         description="表紙の見出しなど。")


_OWNED = WithJsonSchema({"type": "object"})
"""A section read by another module: a mapping for editors, its contents checked by its owner."""


class Settings(Overrides):
    """plans/jigyo.yaml: the shape of the whole plan, for every year.

    `lint:` and `results:` are accepted as they are and worded by their owners
    (:mod:`jigyo.lint.config` and the results module), which also report a
    section that is not a mapping, in their own words and at its place.
    """

    lint: Annotated[Any, _OWNED] = Field(
        default=None, title="検査の設定",
        description="jigyo lint の設定（rules・variants の組）。中身は jigyo lint が読みます。")
    results: Annotated[Any, _OWNED] = Field(
        default=None, title="事業報告の設定",
        description="事業報告（実績）の設定。中身は事業報告の機能が読みます。")
