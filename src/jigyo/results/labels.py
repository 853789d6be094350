"""The fixed words of the 事業報告 and the 進行管理表, in one place (like layout.Labels)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReportLabels:
    plan: str = "計画"
    result: str = "実績"
    status: str = "達成状況"
    rate: str = "達成率"
    done: str = "実施状況"
    issues: str = "課題"
    next: str = "次年度の方向性"
    report: str = "事業報告"
    interim_report: str = "進行管理表"
    interim: str = "上半期"
    missing: str = "未記入"
    summary: str = "集計"
    unit: str = "計画単位"
    initiative: str = "取り組み"
    entries: str = "事項"
    count: str = "件数"
    total: str = "計"
    rate_note_form: str = ("達成率は、数値の目標値と同じ単位の{result}がある事項の {result} ÷ 目標値 "
                           "の平均です。")
    report_heading_form: str = "{era}　{title}"
    chart_title_form: str = "{heading}：達成状況の件数"
    count_form: str = "{n}件"
    rate_form: str = "{percent}%"
    rate_count_form: str = "{percent}%（{n}件）"
    to_report: str = "この計画の実績（{title}）"
    to_plan: str = "計画のページへ"


    @property
    def rate_note(self) -> str:
        """How the 達成率 is computed, in this report's words."""
        return self.rate_note_form.format(result=self.result)


REPORT_LABELS = ReportLabels()
