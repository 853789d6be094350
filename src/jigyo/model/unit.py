"""A unit file (plans/<year>/<name>.yaml): the 係 or 事業, its 方針 and 取り組み, and the table.

Numbering is never stored: it is derived from order by :mod:`jigyo.layout`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, Discriminator, Field, Tag, model_validator
from pydantic_core import PydanticCustomError

from .text import Lines, Slug, Strict, Text

# --- 方針 blocks -------------------------------------------------------------


class Heading(Strict):
    heading: Text = Field(
        title="見出し",
        description="【】で囲んで表示する小見出し。【】は書かずに中身だけを書きます。",
    )


class Paragraph(Strict):
    text: Text = Field(title="段落", description="ひとつの段落。")


class Bullets(Strict):
    bullets: list[Text] = Field(
        title="箇条書き",
        description="「・」付きで表示する箇条書き。「・」は書きません。",
        min_length=1,
    )


class Numbered(Strict):
    numbered: list[Text] = Field(
        title="番号付きリスト",
        description="１.２.…の番号付きで表示するリスト。番号は自動で付くので書きません。",
        min_length=1,
    )


BLOCK_KEYS = ("heading", "text", "bullets", "numbered")


def _block_kind(value: Any) -> str | None:
    """Tell a block's kind by its single key, so errors name the right shape."""
    if isinstance(value, str):
        return "block:str"
    if isinstance(value, dict):
        present = [k for k in BLOCK_KEYS if k in value]
        return f"block:{present[0]}" if len(present) == 1 else None
    if isinstance(value, BaseModel):
        for key in BLOCK_KEYS:
            if key in type(value).model_fields:
                return f"block:{key}"
    return None


Block = Annotated[
    Annotated[Text, Tag("block:str")]
    | Annotated[Heading, Tag("block:heading")]
    | Annotated[Paragraph, Tag("block:text")]
    | Annotated[Bullets, Tag("block:bullets")]
    | Annotated[Numbered, Tag("block:numbered")],
    Discriminator(
        _block_kind,
        custom_error_type="block_kind",
        custom_error_message="block needs exactly one of heading, text, bullets, numbered",
    ),
]
"""A block of a 方針: a plain string is a paragraph."""

Policy = list[Block]


# --- the table 項目 / 内容 / 目標値 -------------------------------------------


class Spanning(Strict):
    """A cell merged over several consecutive entries, as in the printed table."""

    text: Lines = Field(title="内容・目標値", description="結合したセルに表示する文言。")
    span: int = Field(
        title="結合する行数",
        description="この行を含めて、下に続く何個の事項にまたがるか（2以上）。",
        ge=2,
    )


class BulletCell(Strict):
    """A cell printed as a bulleted list (・ before each item)."""

    bullets: list[Text] = Field(
        title="箇条書き",
        description="セルの中の「・」付きの箇条書き。「・」は書きません。",
        min_length=1,
    )


def _cell_kind(value: Any) -> str:
    """Tell a cell's form by its shape, so an error speaks of the form meant."""
    if isinstance(value, str | list):
        return "cell:lines"
    if isinstance(value, BulletCell) or (isinstance(value, dict) and "bullets" in value):
        return "cell:bullets"
    return "cell:span"


Cell = Annotated[
    Annotated[Lines, Tag("cell:lines")]
    | Annotated[BulletCell, Tag("cell:bullets")]
    | Annotated[Spanning, Tag("cell:span")],
    Discriminator(_cell_kind),
]
"""A 内容 or 目標値 cell: text, lines, a bulleted list, or a merged cell."""

RowCell = Annotated[
    Annotated[Lines, Tag("cell:lines")] | Annotated[BulletCell, Tag("cell:bullets")],
    Discriminator(_cell_kind),
]


class Budget(Strict):
    """An amount of money as printed: 1,200千円."""

    amount: int = Field(title="金額", description="金額（数字だけ。桁区切りは自動で付きます）。", ge=0)
    unit: Text = Field(default="千円", title="単位", description="金額の単位（既定: 千円）。")


class Row(Strict):
    content: RowCell | None = Field(
        default=None,
        title="内容",
        description="この行の内容。リストにすると複数行で表示します。",
    )
    target: Lines | None = Field(
        default=None,
        title="目標値",
        description="この行の目標値。リストにすると複数行で表示します。",
    )


class Entry(Strict):
    """One row (or several rows) of the table: (1)理事会 …"""

    id: Slug | None = Field(
        default=None,
        title="ID",
        description="年度をまたいで同じ事項であることを示す任意の識別子（英小文字・数字・ハイフン）。",
    )
    name: Text | None = Field(
        default=None,
        title="事項",
        description="(1)などの番号の後に続く名前。番号は自動で付くので書きません。",
    )
    numbered: bool = Field(
        default=True,
        title="番号を付ける",
        description="false にすると (1) などの番号を付けません。",
    )
    content: Cell | None = Field(
        default=None,
        title="内容",
        description="内容。リストにすると複数行、{text, span} で下の事項と結合したセルになります。",
    )
    target: Cell | None = Field(
        default=None,
        title="目標値",
        description="目標値。リストにすると複数行、{text, span} で下の事項と結合したセルになります。",
    )
    rows: list[Row] | None = Field(
        default=None,
        title="内容と目標値の組",
        description="ひとつの事項に内容・目標値の組が複数あるときに使います（content/target とは併用不可）。",
        min_length=1,
    )
    note: Text | None = Field(
        default=None,
        title="注記",
        description="事項に添える注記（【隔年実施のため…】など、書かれたとおりに）。",
    )
    schedule: Text | None = Field(
        default=None, title="実施時期",
        description="実施時期の列（plans/jigyo.yaml の extra_columns）に表示します。列がなければ内容に添えます。")
    owner: Text | None = Field(
        default=None, title="担当", description="担当の列に表示します。列がなければ内容に添えます。")
    budget: Budget | None = Field(
        default=None, title="予算額", description="予算額の列に表示します。列がなければ内容に添えます。")
    remarks: Lines | None = Field(
        default=None, title="備考", description="備考の列に表示します。列がなければ内容に添えます。")
    custom: dict[Slug, Lines] = Field(
        default_factory=dict, title="独自の列",
        description="extra_columns に kind: custom と key で決めた列の値（key: 値）。")

    @model_validator(mode="after")
    def _rows_or_cells(self) -> Entry:
        if self.rows is not None and (self.content is not None or self.target is not None):
            raise PydanticCustomError("rows_with_cells", "an entry with rows cannot have cells")
        if self.name is None and not self.numbered:
            raise PydanticCustomError("unnumbered_without_name", "numbered: false needs a name")
        return self


class Group(Strict):
    """A 項目: the left-hand cell that groups entries."""

    id: Slug | None = Field(default=None, title="ID", description="任意の識別子。")
    item: Text | None = Field(
        default=None,
        title="項目",
        description="表の左端「項目」欄の文言。空欄なら省略します。",
    )
    entries: list[Entry] = Field(title="事項", description="この項目の事項（行）。", min_length=1)

    @model_validator(mode="after")
    def _spans_fit(self) -> Group:
        """A merged cell must cover entries that exist and leave that column empty.

        An entry with neither 内容 nor 目標値 (and no merged cell over it) is
        refused: that is what is left when the first entry of a merged cell is
        deleted, and the merged text would vanish from the table without a
        word. An entry meant to stay blank says so with an empty `target:`.
        """
        covered: set[int] = set()
        for column in ("content", "target"):
            left_over = 0
            for index, entry in enumerate(self.entries):
                cell = getattr(entry, column)
                if left_over:
                    left_over -= 1
                    covered.add(index)
                    if cell is not None or entry.rows is not None:
                        raise PydanticCustomError(
                            "span_covered", "cell inside a merged cell",
                            {"column": column, "entry": index + 1},
                        )
                    continue
                if isinstance(cell, Spanning):
                    left = len(self.entries) - index
                    if cell.span > left:
                        raise PydanticCustomError(
                            "span_too_long", "span too long",
                            {"column": column, "span": cell.span, "left": left},
                        )
                    left_over = cell.span - 1
        for index, entry in enumerate(self.entries):
            if (entry.rows is None and entry.content is None and entry.target is None
                    and index not in covered
                    and not {"content", "target"} & entry.model_fields_set):
                raise PydanticCustomError("entry_empty", "entry without cells",
                                          {"entry": index + 1})
        return self


class Funding(Strict):
    """Where the money of a 取り組み comes from: 自主, 補助 or 受託, and from whom."""

    kind: Literal["自主", "補助", "受託"] = Field(
        title="財源の種類", description="自主（自主財源）、補助（補助金）、受託（受託事業）のどれか。")
    source: Text | None = Field(
        default=None, title="補助元・委託元", description="補助や受託のときの相手（例: 東京都、西東京市）。")


STATUSES = ("新規", "拡充", "継続", "縮小", "廃止")
CATEGORIES = ("社会福祉事業", "公益事業", "収益事業")


class Initiative(Strict):
    """A 取り組み: １．組織運営の取り組み …"""

    id: Slug | None = Field(default=None, title="ID", description="任意の識別子。")
    title: Text = Field(
        title="取り組み名",
        description="「１．」などの番号の後に続く名前。番号は自動で付くので書きません。",
    )
    commissioned_by: Text | None = Field(
        default=None,
        title="受託元",
        description="受託事業のときの委託元（例: 西東京市、東社協）。「（…からの受託事業）」と表示します。",
    )
    policy: Policy = Field(default_factory=list, title="方針", description="方針の文章。")
    numbering: Literal["item", "table"] = Field(
        default="item",
        title="事項の番号の付け方",
        description="item（既定）: 項目ごとに (1) から付け直す。table: 表全体で通し番号にする。",
    )
    table: list[Group] = Field(
        default_factory=list,
        title="項目・内容・目標値の表",
        description="項目ごとのまとまりのリスト。",
    )
    note: Text | None = Field(default=None, title="注記", description="取り組みに添える注記。")
    status: Literal["新規", "拡充", "継続", "縮小", "廃止"] | None = Field(
        default=None, title="事業の状況", description="新規・拡充・継続・縮小・廃止のどれか。")
    funding: Funding | None = Field(default=None, title="財源", description="自主・補助・受託と、その相手。")
    category: Literal["社会福祉事業", "公益事業", "収益事業"] | None = Field(
        default=None, title="事業区分", description="社会福祉事業・公益事業・収益事業のどれか。")
    schedule: Text | None = Field(default=None, title="実施時期", description="例: 通年、4月～9月。")
    owner: Text | None = Field(default=None, title="担当", description="担当する課・係・人など。")
    budget: Budget | None = Field(default=None, title="予算額", description="予算額（金額と単位）。")
    goals: list[Slug] = Field(
        default_factory=list, title="基本目標",
        description="この取り組みが担う、複数年度の計画の目標の ID（year.yaml の goals に書いたもの）。")


class Unit(Strict):
    """One plan unit: a 係, or one 事業 of a 係."""

    department: Text = Field(title="課", description="所属する課（年度ファイルの departments にある名前）。")
    section: Text = Field(title="係", description="係の名前（例: 法人運営係）。")
    project: Text | None = Field(
        default=None,
        title="事業",
        description="係が複数の事業に分かれるときの事業名（例: ふれあいのまちづくり事業）。",
    )
    commissioned_by: Text | None = Field(
        default=None,
        title="受託元",
        description="受託事業のときの委託元（例: 西東京市）。「（…からの受託事業）」と表示します。",
    )
    policy: Policy = Field(default_factory=list, title="係の方針", description="係の方針。")
    initiatives: list[Initiative] = Field(
        title="取り組み", description="取り組みのリスト（並び順が番号になります）。", min_length=1
    )
    note: Text | None = Field(default=None, title="注記", description="この計画単位に添える注記。")


