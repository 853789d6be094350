"""Messages about the settings file (plans/jigyo.yaml) and a year's overrides."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "target_column_off": (
        "{column}が書かれていますが、設定（columns.target: none）で{column}の列は置かない"
        "ことになっています。列を戻すか、この値を内容などに移してください。",
        "a {column} is written, but the settings (columns.target: none) switch the {column}"
        " column off; switch it back on or move this value (e.g. into the content).",
    ),
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
    "period_mismatch": (
        "period: {value} が計画期間のフォルダ {folder}（{years}年間）と合いません。"
        "period を {years} にするか、消してください（フォルダ名から決まります）。",
        "period: {value} does not match the period folder {folder} ({years} years); write"
        " {years} or leave period out (the folder name decides).",
    ),
    "unknown_goal": (
        "目標「{goal}」は year.yaml の goals にありません（あるもの: {declared}）。",
        "the goal \"{goal}\" is not among the goals of year.yaml ({declared}).",
    ),
}
