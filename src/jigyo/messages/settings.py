"""Messages about the settings file (plans/jigyo.yaml) and a year's overrides."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "budget_total_mismatch": (
        "予算額の合計 {total} が、取り組みの予算額の合計 {found} と合いません。",
        "the total budget {total} is not the sum of the initiatives' budgets ({found}).",
    ),
    "budget_other_unit": (
        "予算額の単位「{unit}」が合計の単位「{total_unit}」と違うので足し合わせられません。",
        "the budget's unit \"{unit}\" differs from the total's \"{total_unit}\"; it cannot be"
        " added up.",
    ),
    "mixed_organizations": (
        "法人名「{name}」が {year} 年度の「{first}」と違います。1つの plans フォルダには1つの法人の計画を"
        "置きます（別の法人なら別のフォルダに）。",
        "the organization \"{name}\" differs from \"{first}\" of {year}; keep one organization's plans"
        " per plans folder.",
    ),
    "period_folder": (
        "フォルダ {name} は読みません。複数年度の計画は、最初の年度のフォルダ（{first}）に置き、"
        "plans/jigyo.yaml に period: {years} と書きます（表記は自動で「平成30～令和２年度」のようになります）。",
        "the folder {name} is not read: put a plan over several years in its first year's folder"
        " ({first}) and write period: {years} in plans/jigyo.yaml.",
    ),
    "unknown_goal": (
        "目標「{goal}」は year.yaml の goals にありません（あるもの: {declared}）。",
        "the goal \"{goal}\" is not among the goals of year.yaml ({declared}).",
    ),
}
