"""Messages of the wording checks (jigyo lint) and their settings.

Each entry is a code → (Japanese, English) pair; parameters in braces are
filled when the message is printed. A finding ends with its rule id in
brackets, the name to use in the settings or in a disable comment.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # the rules, as listed by jigyo lint --list-rules
    "lint_rule_arithmetic": (
        "内容の掛け算（20地区×11月）と目標値（220回）が合わない",
        "a product in the content (20 districts × 11 months) that differs from the target",
    ),
    "lint_rule_brackets": (
        "閉じていない括弧（「」『』（）＜＞【】）",
        "brackets that do not close (「」『』（）＜＞【】)",
    ),
    "lint_rule_era_year": (
        "和暦と括弧内の西暦が合わない（平成31（2019）年度は正しい）",
        "an era year and the Western year in parentheses that disagree",
    ),
    "lint_rule_gannen": (
        "「令和元年」と「令和1年」の書き方が混在",
        "'令和元年' and '令和1年' both used",
    ),
    "lint_rule_weekday": (
        "日付と曜日が合わない（存在しない日付も）",
        "a weekday that does not match its date (or a date that does not exist)",
    ),
    "lint_rule_halfwidth_kana": ("半角カナ（ﾌｫﾛﾜｰ、･）", "half-width katakana (ﾌｫﾛﾜｰ, ･)"),
    "lint_rule_invisible": (
        "ゼロ幅空白などの見えない文字",
        "zero-width spaces and other invisible characters",
    ),
    "lint_rule_numbering": (
        "題名・名称・箇条の先頭に手で打った番号や記号（「１３．」「(1)」「①」「・」）",
        "numbering typed by hand at the start of a title, name or item ('１３．', '(1)', '①', '・')",
    ),
    "lint_rule_particles": ("助詞の重複（のの、をを、にに）", "doubled particles (のの, をを, にに)"),
    "lint_rule_stale_year": (
        "前年度の年度や日付が残っている",
        "a fiscal year or date of the previous year left in the plan",
    ),
    "lint_rule_total": (
        "計・合計が上の行の和と合わない",
        "a total that is not the sum of the lines above it",
    ),
    "lint_rule_variants": (
        "年度全体の表記ゆれ（取組／取り組み、ホームページ／HP、ボランティア／ボランテイア、（）／()など）",
        "one word written in different ways in the year (取組／取り組み, ホームページ／HP, （）／())",
    ),
    "lint_rule_widths": (
        "同じ表の中で全角と半角の数字・英字が混在（「１回」と「1回」）",
        "full-width and half-width digits or letters mixed in one table",
    ),
    # findings
    "lint_arithmetic": (
        "「{expression}」は {product} ですが、目標値は「{target}」です。 [{rule}]",
        "'{expression}' makes {product}, but the target is '{target}'. [{rule}]",
    ),
    "lint_bracket_unopened": (
        "「{char}」に対応する「{opening}」がありません。 [{rule}]",
        "'{char}' has no matching '{opening}'. [{rule}]",
    ),
    "lint_bracket_unclosed": (
        "「{char}」が閉じていません（「{closing}」がありません）。 [{rule}]",
        "'{char}' is not closed (no '{closing}'). [{rule}]",
    ),
    "lint_era_year": (
        "{era}年は西暦 {right} 年です（括弧内は {west}）。 [{rule}]",
        "{era} is {right}, not {west}. [{rule}]",
    ),
    "lint_gannen": (
        "「{found}」: この年度の計画では「{major}」が{major_count}か所で使われています。"
        "そろえてください。 [{rule}]",
        "'{found}': the year's plan writes '{major}' ({major_count} places); use one form. "
        "[{rule}]",
    ),
    "lint_weekday": (
        "{year}年の「{date}」は{right}曜日です。 [{rule}]",
        "'{date}' in {year} is a {right_en}. [{rule}]",
    ),
    "lint_no_such_date": (
        "「{date}」は{year}年にない日付です。 [{rule}]",
        "'{date}' does not exist in {year}. [{rule}]",
    ),
    "lint_halfwidth_kana": (
        "半角カナ「{found}」は全角の「{fixed}」にしてください。 [{rule}]",
        "half-width katakana '{found}': write '{fixed}'. [{rule}]",
    ),
    "lint_invisible": (
        "見えない文字 {char} があります。消してください。 [{rule}]",
        "invisible character {char}: delete it. [{rule}]",
    ),
    "lint_hand_numbering": (
        "先頭の「{found}」は手で打った番号・記号です。番号や記号は jigyo が付けるので、"
        "「{found}」を消してください。 [{rule}]",
        "'{found}' at the start is numbering typed by hand; jigyo numbers items itself, so "
        "delete '{found}'. [{rule}]",
    ),
    "lint_doubled_particle": (
        "助詞「{found}」が重なっています。「{fixed}」にしてください。 [{rule}]",
        "doubled particle '{found}': write '{fixed}'. [{rule}]",
    ),
    "lint_stale_fiscal_year": (
        "「{found}」は前年度です（この計画は {year} 年度）。書き直し忘れでないか確かめてください。"
        " [{rule}]",
        "'{found}' is the previous fiscal year (this plan is for {year}); check it was "
        "rewritten. [{rule}]",
    ),
    "lint_stale_date": (
        "「{found}」は前年度の日付です（この計画は {year} 年度）。書き直し忘れでないか"
        "確かめてください。 [{rule}]",
        "'{found}' is a date in the previous fiscal year (this plan is for {year}); check it "
        "was rewritten. [{rule}]",
    ),
    "lint_total": (
        "計「{total}{unit}」が上の{count}行の和（{sum}{unit}）と合いません。 [{rule}]",
        "the total {total}{unit} is not the sum of the {count} lines above ({sum}{unit}). "
        "[{rule}]",
    ),
    "lint_variant": (
        "「{found}」（{count}か所）: この年度の計画では「{major}」が{major_count}か所で"
        "使われています。「{major}」にそろえてください。 [{rule}]",
        "'{found}' ({count} places): the year's plan mostly writes '{major}' ({major_count} "
        "places); use '{major}'. [{rule}]",
    ),
    "lint_mixed_width": (
        "この表の{kind}は半角{half}か所・全角{full}か所で混在しています。"
        "「{found}」は「{fixed}」にしてください。 [{rule}]",
        "this table mixes half-width ({half}) and full-width ({full}) {kind}; write '{fixed}' "
        "for '{found}'. [{rule}]",
    ),
    "lint_unknown_disable": (
        "「{name}」という規則はないので、この jigyo-lint: disable は何も止めません。"
        "（一覧: jigyo lint --list-rules）",
        "there is no rule '{name}', so this jigyo-lint: disable exempts nothing "
        "(list: jigyo lint --list-rules).",
    ),
    # settings (plans/jigyo.yaml)
    "lint_settings_mapping": (
        "lint: には「rules:」「variants:」の組を書いてください。",
        "lint: must be a mapping of 'rules:' and 'variants:'.",
    ),
    "lint_unknown_rule": (
        "「{name}」という規則はありません。{suggest}（一覧: jigyo lint --list-rules）",
        "there is no rule '{name}'.{suggest} (list: jigyo lint --list-rules)",
    ),
    "lint_variant_pair": (
        "表記ゆれの組には、異なる書き方を2つ以上書いてください（例: [取組, 取り組み]）。",
        "a variants group needs two or more different forms (e.g. [取組, 取り組み]).",
    ),
    # the command line
    "lint_help": (
        "公用文の表記（表記ゆれ、手で打った番号、前年度の日付、和暦と曜日、計算、括弧と文字）を"
        "確かめます（指摘なし 0、指摘あり 1、計画ファイルが読めないとき 2）。",
        "Checks the wording of the plans (variants, hand-typed numbering, stale years, eras "
        "and weekdays, arithmetic, brackets and characters); 0 without findings, 1 with, 2 when the plans cannot be read.",
    ),
    "lint_opt_list_rules": ("規則の一覧を表示する", "list the rules"),
    "opt_report_format": (
        "出力形式（text, github: GitHub のワークフローコマンド）",
        "output format (text, github: GitHub workflow commands)",
    ),
    "check_opt_strict": (
        "表記の指摘（jigyo lint）があれば失敗にする",
        "fail when the wording checks (jigyo lint) find anything",
    ),
    "lint_rule_listed": ("{id}（{severity}）: {description}", "{id} ({severity}): {description}"),
    "lint_none": ("{path}: 表記の指摘はありません。", "{path}: no wording findings."),
    "lint_count": ("表記の指摘が {count} 件あります。", "{count} wording finding(s)."),
    "lint_strict_failed": (
        "--strict のため、表記の指摘 {count} 件で失敗にしました。",
        "failed because of {count} wording finding(s) (--strict).",
    ),
    "github_title": ("jigyo の検査", "jigyo check"),
    "lint_kind_digits": ("数字", "digits"),
    "lint_kind_letters": ("英字", "letters"),
    "new_year_stale": (
        "{path} に前年度の年度・日付が {count} か所あります。jigyo lint で場所を確かめて"
        "書き直してください。",
        "{path} holds {count} year(s) or date(s) of the previous fiscal year; find them with "
        "jigyo lint and rewrite them.",
    ),
}
