"""Each lint rule on real FY2020 wording and on the slips a proofreader marks.

The sentences are those of plans/2020 (西東京市社会福祉協議会), quoted into a small
made-up plan; a finding must name the file, the line and the column of the character.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jigyo.lint import RULES, lint_year
from jigyo.lint.config import LintSettings
from jigyo.problems import Problem

from .conftest import REAL

HEAD = """\
department: 総務課
section: 法人運営係
"""


def entry(content: str, target: str = "随時", name: str = "事業") -> str:
    return (HEAD + "initiatives:\n  - title: 広報\n    table:\n      - item: 広報\n"
            "        entries:\n"
            f"          - name: {name}\n            content: {content}\n"
            f"            target: {target}\n")


def bullets(*lines: str) -> str:
    return (HEAD + "policy:\n  - bullets:\n" + "".join(f"      - {line}\n" for line in lines)
            + "initiatives:\n  - title: 広報\n    policy:\n      - 広く知らせます。\n")


def found(plans, files: dict[str, str], rule: str | None = None, year: int = 2020,
          settings: LintSettings | None = None) -> list[Problem]:
    files = {name: text.replace("section: 法人運営係", f"section: {name}係")
             for name, text in files.items()}  # one 係 per file
    folder = plans(files, year=f"fiscal_year: {year}\norganization: テスト市社会福祉協議会\n"
                   "departments:\n  - name: 総務課\n") / "2020"
    if year != 2020:
        shutil.rmtree(folder.parent / str(year), ignore_errors=True)
        folder = folder.rename(folder.parent / str(year))
    problems = lint_year(folder, settings)
    assert all(p.severity == "warning" for p in problems), [p.format() for p in problems]
    return [p for p in problems if rule is None or dict(p.params)["rule"] == rule]


def where(problem: Problem) -> str:
    return f"{problem.path.name}:{problem.line}:{problem.column}"


def char_at(path: Path, problem: Problem, size: int = 1) -> str:
    line = path.read_text(encoding="utf-8").splitlines()[problem.line - 1]
    return line[problem.column - 1:problem.column - 1 + size]


def test_every_rule_has_a_japanese_description_and_warns_by_default():
    from jigyo.messages import message

    assert len(RULES) >= 12
    for rule_id, each in RULES.items():
        assert each.severity == "warning", rule_id
        assert any("\u3040" <= c <= "\u9fff" for c in message(each.description, "ja")), rule_id


# --- 表記ゆれ ------------------------------------------------------------------------------------

def test_variants_report_the_majority_and_each_exception_once(plans):
    files = {"a.yaml": bullets("関係機関との連携に取り組みます。", "地域の取り組みを広げます。",
                               "公益的な取り組みを実施します。"),
             "b.yaml": bullets("協働して地域における公益的な取組みを実施するため、取組みを続けます。")}
    result = found(plans, files, "notation-variants")
    assert [where(p) for p in result] == ["b.yaml:5:23"]  # the first 取組み of b.yaml, once
    assert "「取組み」（2か所）: この年度の計画では「取り組み」が2か所で使われています" \
        in result[0].text()
    assert result[0].text().endswith("[notation-variants]")


def test_verbs_and_nouns_are_separate_words(plans):
    files = {"a.yaml": bullets("募金額の拡大に取組みます。", "解決に取り組みます。",
                               "準備に取り組みます。")}
    result = found(plans, files, "notation-variants")
    assert len(result) == 1 and "取組む（取組みます）" in result[0].text()


@pytest.mark.parametrize(("major", "minor"), [
    ("ホームページ", "HP"), ("子ども", "子供"), ("ボランティア", "ボランテイア"),
    ("コーディネーター", "コーディネータ"), ("SNS", "ＳＮＳ"), ("及び", "および"),
    ("（概ね月1回）", "(概ね月1回)"), ("2か所", "2ヶ所"),
])
def test_the_typical_variants(plans, major: str, minor: str):
    files = {"a.yaml": bullets(f"{major}を使います。", f"{major}で伝えます。",
                               f"{minor}を使います。")}
    result = found(plans, files, "notation-variants")
    assert len(result) == 1 and where(result[0]) == f"a.yaml:7:{9 + minor[0].isdigit()}"


def test_hp_that_defines_the_abbreviation_is_not_a_variant(plans):
    files = {"a.yaml": bullets("ホームページ（HP)、ＳＮＳの運営", "ホームページを更新します。")}
    assert not [p for p in found(plans, files, "notation-variants") if "HP" in p.text()]


def test_settings_add_variant_groups(plans):
    files = {"a.yaml": bullets("ふれまちの活動", "ふれまちの広報", "ふれあいのまちづくりの活動")}
    assert not found(plans, files, "notation-variants")
    settings = LintSettings(variants=[["ふれまち", "ふれあいのまちづくり"]])
    result = found(plans, files, "notation-variants", settings=settings)
    assert len(result) == 1 and "「ふれあいのまちづくり」（1か所）" in result[0].text()


def test_a_word_is_never_found_across_two_strings(plans):
    """The rules search the year's strings joined: a form never starts in one and ends in the
    next, and a finding in a later string is placed in that string."""
    files = {"a.yaml": bullets("子ども食堂を開きます。", "地域の子", "供の居場所", "子供の声",
                               "子どもの参加")}
    result = found(plans, files, "notation-variants")
    assert [where(p) for p in result] == ["a.yaml:8:9"]
    assert "「子供」（1か所）" in result[0].text()


def test_digits_of_two_widths_in_one_table(plans):
    text = (HEAD + "initiatives:\n  - title: 会議\n    table:\n      - item: 会議\n"
            "        entries:\n          - name: 監査\n            content: 上半期、下半期に各１回\n"
            "            target: 2回\n          - name: 理事会\n            target: 7回\n")
    result = found(plans, {"a.yaml": text}, "mixed-width")
    assert [where(p) for p in result] == ["a.yaml:9:31"]
    assert "「１」は「1」にしてください" in result[0].text()


# --- hand-typed numbering --------------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["１３．", "13.", "(1)", "（２）", "①", "・", "1)"])
def test_hand_typed_numbering_at_the_start(plans, typed: str):
    result = found(plans, {"a.yaml": entry("随時", name=f"{typed}理事会の開催")}, "hand-numbering")
    assert len(result) == 1 and where(result[0]) == "a.yaml:8:19"
    assert f"「{typed}」を消してください" in result[0].text()


def test_numbers_that_are_wording_are_not_numbering(plans):
    files = {"a.yaml": entry("随時", name="2020年度事業報告"),
             "b.yaml": bullets("1日体験を行います。", "3.5倍になりました。", "※令和元年度の実績")}
    assert not found(plans, files, "hand-numbering")


# --- stale years and the calendar ------------------------------------------------------------------

def test_the_previous_fiscal_year_left_in(plans):
    files = {"a.yaml": bullets("平成31年度は、新たにスタートした就労準備支援事業との協働に取り組みます。",
                               "日時は2020年9月10日（木）")}
    result = found(plans, files, "stale-year", year=2021)
    # 平成31 is FY2019, two years back; 2020年9月10日 is in FY2020
    assert [where(p) for p in result] == ["a.yaml:6:12"]
    files["a.yaml"] = bullets("令和２年度は、気球くんプランに基づき取り組みます。",
                              "日時は2020年9月10日（木）")
    result = found(plans, files, "stale-year", year=2021)
    assert [where(p) for p in result] == ["a.yaml:5:9", "a.yaml:6:12"]
    assert "「令和２年度」は前年度です（この計画は 2021 年度）" in result[0].text()


def test_what_is_plainly_about_the_past_is_not_stale(plans):
    files = {"a.yaml": bullets("10～11月に実施。　※令和元年度は「ひばりヶ丘駅～新座市平林寺」を散策。",
                               "令和元年度から第四期が始まります。", "平成31（2019）年度～2023年度の計画")}
    assert not found(plans, files, "stale-year")


def test_era_and_western_year_agree(plans):
    files = {"a.yaml": bullets("＜平成31（2019）年度～2023年度＞", "＜平成31（2020）年度～2023年度＞",
                               "2019(令和2)年")}
    result = found(plans, files, "era-year")
    assert [where(p) for p in result] == ["a.yaml:6:15", "a.yaml:7:9"]
    assert "平成31年は西暦 2019 年です（括弧内は 2020）" in result[0].text()


def test_weekday_matches_the_date(plans):
    files = {"a.yaml": bullets("2020年9月10日（木）", "2021年9月9日（金）", "9月10日(金)",
                               "令和3年2月30日（火）")}
    result = found(plans, files, "weekday")
    assert [where(p) for p in result] == ["a.yaml:6:19", "a.yaml:7:15", "a.yaml:8:13"]
    assert "2021年の「2021年9月9日（金）」は木曜日です" in result[0].text()
    assert "2020年の「9月10日(金)」は木曜日です" in result[1].text()  # FY2020: Sept. is 2020
    assert "にない日付です" in result[2].text()


def test_gannen_and_first_year_mixed(plans):
    files = {"a.yaml": bullets("※令和元年度「動物園の世界」", "※令和元年度は散策", "令和1年10月策定")}
    result = found(plans, files, "gannen")
    assert [where(p) for p in result] == ["a.yaml:7:11"]


# --- arithmetic -------------------------------------------------------------------------------------

def test_product_in_the_content_against_the_target(plans):
    good = entry("20地区×11月", "220回", name="住民懇談会の開催")
    assert not found(plans, {"a.yaml": good}, "arithmetic")
    assert not found(plans, {"a.yaml": entry("週1回×8ケ所×4週×12月", "384日")}, "arithmetic")
    result = found(plans, {"a.yaml": entry("20地区×11月", "200回")}, "arithmetic")
    assert [where(p) for p in result] == ["a.yaml:10:21"]
    assert "「20地区×11月」は 220 ですが、目標値は「200」です" in result[0].text()


def test_a_total_that_is_not_the_sum(plans):
    text = (HEAD + "initiatives:\n  - title: 募金\n    table:\n      - item: 募金\n"
            "        entries:\n          - name: 広報\n            target:\n"
            "              - 4回\n              - 6回\n              - 計12回\n")
    result = found(plans, {"a.yaml": text}, "total-sum")
    assert [where(p) for p in result] == ["a.yaml:12:18"]
    assert "計「12回」が上の2行の和（10回）と合いません" in result[0].text()
    fy2020 = text.replace("4回\n              - 6回\n              - 計12回",
                          "新規１カ所\n              - 計2ヶ所")
    assert not found(plans, {"a.yaml": fy2020}, "total-sum")


# --- brackets and characters ------------------------------------------------------------------------

def test_unbalanced_brackets(plans):
    files = {"a.yaml": bullets("「第四次西東京市地域福祉活動計画」＜平成31（2019）年度～2023年度＞",
                               "「福しんごうくんの自己財源確保計画(改訂版)」", "「人材育成・活用基本方針",
                               "住民の「自分たちでできること」』の共有")}
    result = found(plans, files, "unbalanced-bracket")
    assert [where(p) for p in result] == ["a.yaml:7:9", "a.yaml:8:24"]
    assert "「「」が閉じていません" in result[0].text()
    assert "「』」に対応する「『」がありません" in result[1].text()


def test_halfwidth_kana_with_its_fix(plans):
    result = found(plans, {"a.yaml": bullets("ﾌｫﾛﾜｰ数300人", "実習生･施設見学実習生の受入れ")},
                   "halfwidth-kana")
    assert [where(p) for p in result] == ["a.yaml:5:9", "a.yaml:6:12"]
    assert "「ﾌｫﾛﾜｰ」は全角の「フォロワー」にしてください" in result[0].text()


def test_zero_width_characters(plans):
    result = found(plans, {"a.yaml": bullets("地域福祉\u200bコーディネーター")}, "invisible-char")
    assert [where(p) for p in result] == ["a.yaml:5:13"] and "U+200B" in result[0].text()


def test_doubled_particles_but_not_words_that_hold_them(plans):
    files = {"a.yaml": bullets("研修のの実施", "仕事をを行う", "このの会を開く",
                               "把握するとともに、連携を図ります。", "自分たちでできることの共有")}
    result = found(plans, files, "doubled-particle")
    assert [where(p) for p in result] == ["a.yaml:5:11", "a.yaml:6:11"]
    assert "助詞「のの」が重なっています。「の」にしてください" in result[0].text()


# --- positions in every style of scalar ---------------------------------------------------------

@pytest.mark.parametrize(("written", "line", "column"), [
    ("      - 'ﾌｫﾛﾜｰ''s'\n", 5, 10),
    ('      - "x ﾌｫﾛﾜｰ"\n', 5, 12),
    ("      - |\n        一行目\n        二行目ﾌｫﾛﾜｰ\n", 7, 12),
])
def test_positions_inside_quoted_and_block_scalars(plans, written: str, line: int, column: int):
    text = HEAD + "policy:\n  - bullets:\n" + written + bullets().split("policy:\n  - bullets:\n")[1]
    result = found(plans, {"a.yaml": text}, "halfwidth-kana")
    assert [(p.line, p.column) for p in result] == [(line, column)]


def test_the_real_plan_findings_point_at_the_characters_they_name():
    problems = lint_year(REAL / "2020")
    assert problems
    for problem in problems:
        said = dict(problem.params).get("found")
        if isinstance(said, str) and problem.params and said not in ("()", "（）") \
                and "（" not in said:
            assert char_at(problem.path, problem, len(said)) == said, problem.format()


def test_a_total_row_of_an_entry(plans):
    text = (HEAD + "initiatives:\n  - title: 研修\n    table:\n      - item: 研修\n"
            "        entries:\n          - name: 研修の実施\n            rows:\n"
            "              - content: スキルアップ研修の実施\n                target: 1回\n"
            "              - content: 車いす介助研修の実施\n                target: 1回\n"
            "              - content: 計\n                target: 3回\n")
    result = found(plans, {"a.yaml": text}, "total-sum")
    assert [where(p) for p in result] == ["a.yaml:15:25"]
    assert "計「3回」が上の2行の和（2回）と合いません" in result[0].text()


def test_english_wording(plans):
    result = found(plans, {"a.yaml": bullets("2021年9月9日（金）")}, "weekday")
    assert result[0].text("en") == ("warning: '2021年9月9日（金）' in 2021 is a Thursday. "
                                    "[weekday]")
