"""Every kind of bad input gets one located, Japanese message (never a traceback)."""

from __future__ import annotations

from pathlib import Path

import pytest

from jigyo.errors import PlanError
from jigyo.loader import load_plans

from .conftest import UNIT


def problems(plans_dir: Path, lang: str = "ja") -> list[str]:
    with pytest.raises(PlanError) as caught:
        load_plans(plans_dir)
    root = plans_dir.parent
    return [p.format(lang).replace(root.as_posix() + "/", "") for p in caught.value.problems]


@pytest.mark.parametrize(("body", "expected"), [
    ("department: 総務課\nsection: [法人運営係\n",
     "3:1: [ ] や { } の中の書き方に誤りがあります。「,」を含む文は \"…\" で囲んでください。"),
    ("department: 総務課\ninitiatives:\n\t- title: x\n",
     "3:1: タブ文字は使えません。字下げには半角スペースを使ってください。"),
    ("department: 総務課\nsection: 係: 方針\n",
     "2:11: ここに「: 」は書けません。「: 」を含む文は \"…\" で囲んでください（字下げのずれでも起きます）。"),
    ("department: 総務課\nsection: \"法人運営係\n",
     "2:10: ここで開いた引用符（\" または '）が同じ行で閉じられていません。"
     "文の終わりにも同じ引用符を書いてください。"),
    ("department: 総務課\n  section: 法人運営係\n",
     "2:10: ここに「: 」は書けません。「: 」を含む文は \"…\" で囲んでください（字下げのずれでも起きます）。"),
    ("department: 総務課\nsection: a\n---\nsection: b\n",
     "3:1: 1つのファイルに複数の文書（---）は書けません。"),
])
def test_yaml_syntax_errors_are_explained(plans, body: str, expected: str):
    assert problems(plans({"a.yaml": body})) == [f"plans/2020/a.yaml:{expected}"]


def test_duplicate_key(plans):
    body = UNIT.replace("section: 法人運営係\n", "section: 法人運営係\nsection: 総務係\n")
    assert problems(plans({"a.yaml": body})) == [
        "plans/2020/a.yaml:3:1: キー「section」が重複しています（2行目にもあります）。"
    ]


def test_an_id_used_twice_in_a_unit_names_both_lines(plans):
    body = (UNIT.replace("  - title: 組織運営の取り組み\n", "  - title: 組織運営の取り組み\n    id: unei\n")
            .replace("          - name: 理事会\n", "          - name: 理事会\n            id: rijikai\n")
            + "          - name: 評議員会\n            id: rijikai\n"
            "            target: 2回\n"
            "      - item: 監査\n        id: unei\n        entries:\n          - name: 監事監査\n"
            "            target: 2回\n")
    assert problems(plans({"a.yaml": body})) == [
        "plans/2020/a.yaml:13:17: id「rijikai」は同じファイルの 10行目でも使われています。",
        "plans/2020/a.yaml:16:13: id「unei」は同じファイルの 5行目でも使われています。",
    ]
    custom = UNIT.replace("target: 7回予定", "target: 7回予定\n            id: rijikai\n"
                          "            custom:\n              id: rijikai")
    assert load_plans(plans({"a.yaml": custom})).years  # a custom column named id is no id


def test_unknown_key_suggests_the_right_one(plans):
    body = UNIT.replace("target: 7回予定", "targt: 7回予定")
    assert problems(plans({"a.yaml": body})) == [
        "plans/2020/a.yaml:9:13: 「targt」というキーは使えません。もしかして「target」ですか？"
    ]


def test_japanese_label_as_key_suggests_the_key(plans):
    body = UNIT.replace("target: 7回予定", "目標値: 7回予定")
    assert problems(plans({"a.yaml": body})) == [
        "plans/2020/a.yaml:9:13: 「目標値」というキーは使えません。もしかして「target」ですか？"
    ]


def test_missing_required_field(plans):
    body = UNIT.replace("  - title: 組織運営の取り組み\n    table:", "  - table:")
    assert problems(plans({"a.yaml": body})) == [
        "plans/2020/a.yaml:4:5: 必須のキー「title」（取り組み名）がありません。"
    ]


def test_wrong_type(plans):
    body = "department: 総務課\nsection: 法人運営係\ninitiatives: 組織運営\n"
    assert problems(plans({"a.yaml": body})) == [
        "plans/2020/a.yaml:3:14: ここにはリスト（「- 」で始まる行）を書いてください。"
    ]


def test_wrong_type_in_a_union_names_the_accepted_forms(plans):
    body = UNIT.replace("target: 7回予定", "target: {text: [a, {b: c}], span: 2}")
    found = problems(plans({"a.yaml": body}))
    assert found == ["plans/2020/a.yaml:9:32: ここには文字列を書いてください。"]


def test_unknown_department(plans):
    body = UNIT.replace("department: 総務課", "department: 総務部")
    found = problems(plans({"a.yaml": body}))
    assert found == [
        "plans/2020/a.yaml:1:13: 課「総務部」は年度ファイル（"
        + found[0].split("（", 1)[1].split("）", 1)[0]
        + "）の departments にありません。もしかして「総務課」ですか？"
    ]
    assert "plans/2020/year.yaml" in found[0]


def test_two_files_claim_the_same_unit(plans):
    found = problems(plans({"a.yaml": UNIT, "b.yaml": UNIT}))
    assert len(found) == 1
    assert found[0].startswith("plans/2020/b.yaml:2:10: この計画単位（法人運営係）は ")
    assert found[0].endswith("plans/2020/a.yaml と同じです。1つのファイルにまとめてください。")


def test_shift_jis_file(plans):
    body = UNIT.encode("cp932")
    assert problems(plans({"a.yaml": body})) == [
        "plans/2020/a.yaml:1:13: UTF-8 の文字コードではありません（Shift_JIS で保存されているようです）。"
        "UTF-8 で保存し直してください。"
    ]


def test_python_tag_is_refused(plans):
    body = UNIT.replace("target: 7回予定", "target: !!python/object/apply:os.system [ls]")
    assert problems(plans({"a.yaml": body})) == [
        "plans/2020/a.yaml:9:21: タグ「!!python/object/apply:os.system」は使えません。値はそのまま書いてください。"
    ]


def test_alias_bomb_is_refused_without_expanding(plans):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    assert problems(plans({"a.yaml": bomb})) == [
        "plans/2020/a.yaml:2:8: アンカーとエイリアス（& と *）は使えません。同じ文言をもう一度書いてください。"
    ]


def test_unit_not_in_year_file_order(plans):
    year = (
        "fiscal_year: 2020\norganization: テスト\ndepartments:\n"
        "  - name: 総務課\n    units: [a, missing]\n"
    )
    assert problems(plans({"a.yaml": UNIT}, year=year)) == [
        "plans/2020/year.yaml:5:16: 計画単位ファイル「missing.yaml」がありません。"
    ]


def test_fiscal_year_must_match_folder(plans):
    year = "fiscal_year: 2021\norganization: テスト\ndepartments:\n  - name: 総務課\n"
    assert problems(plans({"a.yaml": UNIT}, year=year)) == [
        "plans/2020/year.yaml:1:14: fiscal_year 2021 がフォルダ名 2020 と一致しません。"
    ]


def test_japanese_file_name_is_refused(plans):
    assert problems(plans({"法人運営係.yaml": UNIT})) == [
        "plans/2020/法人運営係.yaml:1:1: ファイル名「法人運営係.yaml」は使えません。"
        "英小文字・数字・ハイフンだけの名前にしてください（例: houjin-unei.yaml）。"
    ]


def test_span_longer_than_the_group(plans):
    body = UNIT.replace("target: 7回予定", "target: {text: 随時実施, span: 3}")
    assert problems(plans({"a.yaml": body})) == [
        "plans/2020/a.yaml:6:9: target の span 3 が、この項目の残りの事項数（1）を超えています。"
    ]


def test_cell_inside_a_span(plans):
    body = UNIT.replace(
        "target: 7回予定",
        "target: {text: 随時実施, span: 2}\n          - name: 評議員会\n            target: 1回",
    )
    assert problems(plans({"a.yaml": body})) == [
        "plans/2020/a.yaml:11:21: この事項の target は上の事項の結合セル（span）に含まれるので、書けません。"
    ]


def test_every_mistake_in_every_file_at_once(plans):
    bad_a = UNIT.replace("target: 7回予定", "targt: 7回予定")
    bad_b = UNIT.replace("法人運営係", "経理係").replace("department: 総務課", "department: 総務部")
    found = problems(plans({"a.yaml": bad_a, "b.yaml": bad_b, "c.yaml": "- x\n"}))
    assert [f.split(":")[0] for f in found] == [
        "plans/2020/a.yaml", "plans/2020/b.yaml", "plans/2020/c.yaml",
    ]


def test_english_messages(plans):
    body = UNIT.replace("target: 7回予定", "targt: 7回予定")
    assert problems(plans({"a.yaml": body}), lang="en") == [
        "plans/2020/a.yaml:9:13: unknown key 'targt'. Did you mean 'target'?"
    ]


def test_scalars_stay_the_text_that_was_written(plans):
    body = UNIT.replace("target: 7回予定", "target: [12, 2020-09-10, no, '1,000', 1.50, 0x1F]")
    loaded = load_plans(plans({"a.yaml": body}))
    entry = loaded.years[0].units[0].unit.initiatives[0].table[0].entries[0]
    assert entry.target == ["12", "2020-09-10", "no", "1,000", "1.50", "0x1F"]
