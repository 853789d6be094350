"""What a results file may say: plans/<year>/results/<unit>.yaml.

One file per unit of the plan, named like the unit file. It lists, under
`entries`, one result per 事項 of the plan, found by the entry's `id` or by
its `path` (取り組み › 項目 › 事項, see :mod:`jigyo.results.keys`). Every
field but the key may be left empty: an entry with nothing filled in is
未記入.
"""

from __future__ import annotations

from pydantic import Field

from ..model import Lines, Slug, Strict, Text


class Progress(Strict):
    """The 上半期 (interim) progress of one entry, for the autumn 進行管理表."""

    result: Lines | None = Field(default=None, title="上半期の実績",
                                 description="上半期までの実績（例: 3回）。")
    status: Text | None = Field(default=None, title="上半期の達成状況",
                                description="上半期時点の達成状況（設定の語から）。")
    done: Lines | None = Field(default=None, title="上半期の実施状況",
                               description="上半期に実施したこと。")


class Result(Strict):
    """The result of one 事項: 実績, 達成状況 and the optional notes of the 事業報告."""

    id: Slug | None = Field(default=None, title="ID", description="計画の事項の id（あるとき）。")
    path: Text | None = Field(
        default=None, title="事項の場所",
        description="取り組み › 項目 › 事項（名前のない事項は内容の1行目）。id がないときに書きます。",
    )
    result: Lines | None = Field(default=None, title="実績",
                                 description="実績（例: 7回）。複数行は一覧で。")
    status: Text | None = Field(default=None, title="達成状況",
                                description="達成、概ね達成、未達成、未実施、中止（設定で変えられます）。")
    done: Lines | None = Field(default=None, title="実施状況", description="実施したこと。")
    issues: Lines | None = Field(default=None, title="課題", description="見えてきた課題。")
    next: Lines | None = Field(default=None, title="次年度の方向性",
                               description="次年度に向けた方向性。")
    interim: Progress | None = Field(default=None, title="上半期",
                                     description="上半期（進行管理）の進み具合。")

    @property
    def filled(self) -> bool:
        """Whether anything of the year's result is written (else the entry is 未記入)."""
        return any(v is not None for v in (self.result, self.status, self.done, self.issues,
                                           self.next))


class ResultsFile(Strict):
    """A results file: the results of one unit of the plan."""

    entries: list[Result] | None = Field(default=None, title="事項の実績",
                                         description="計画の事項ごとの実績。")
