"""Results files through the command line: the skeleton, check, and the report in every format."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jigyo.cli import app
from jigyo.fonts import FontUnavailable, find_fonts

from .conftest import REAL, ROOT, SAMPLE, need

RESULTS = ROOT / "tests" / "fixtures" / "results" / "2020" / "results"
runner = CliRunner()


def jigyo(*args: str):
    return runner.invoke(app, list(args), prog_name="jigyo")


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    """The sample plans with the fictitious results of tests/fixtures/results."""
    plans = tmp_path / "plans"
    shutil.copytree(SAMPLE, plans)
    shutil.copytree(RESULTS, plans / "2020" / "results")
    return plans


@pytest.fixture
def real(tmp_path: Path) -> Path:
    plans = tmp_path / "plans"
    shutil.copytree(REAL / "2020", plans / "2020")
    return plans


# --- the skeleton -------------------------------------------------------------


def test_skeleton_of_the_real_plan_is_accepted_and_a_second_run_changes_nothing(real: Path):
    made = jigyo("results", "new", "2020", "--plans", str(real))
    assert made.exit_code == 0, made.output
    folder = real / "2020" / "results"
    units = sorted(p.stem for p in (real / "2020").glob("*.yaml") if p.stem != "year")
    assert sorted(p.stem for p in folder.glob("*.yaml")) == units
    first = tree(folder)
    text = (folder / "houjin-unei.yaml").read_text(encoding="utf-8")
    assert '# (1)理事会　目標値: 7回予定\n  - path: "組織運営の取り組み › 理事会、評議員会の開催 › 理事会"' \
        in text
    checked = jigyo("check", "--plans", str(real))
    assert checked.exit_code == 0, checked.output
    assert "未記入" in checked.output  # every entry is still to be filled in
    again = jigyo("results", "new", "2020", "--plans", str(real))
    assert again.exit_code == 0
    assert "変更なし" in again.output
    assert tree(folder) == first


def test_skeleton_keeps_filled_values_and_comments_and_adds_what_the_plan_gained(filled: Path):
    soumu = filled / "2020" / "results" / "soumu.yaml"
    before = soumu.read_text(encoding="utf-8")
    unit = filled / "2020" / "soumu.yaml"
    unit.write_text(unit.read_text(encoding="utf-8").replace(
        "          - name: 評議員会\n",
        "          - name: 三役会\n            target: 4回\n          - name: 評議員会\n"),
        encoding="utf-8")
    made = jigyo("results", "new", "2020", "--plans", str(filled))
    assert made.exit_code == 0, made.output
    after = soumu.read_text(encoding="utf-8")
    assert after.startswith(before)  # nothing written before is touched
    added = after[len(before):]
    assert "# (2)三役会　目標値: 4回" in added
    assert added.count("- path:") == 2  # 三役会, and 講習会の開催 that was never filled
    assert jigyo("results", "new", "2020", "--plans", str(filled)).exit_code == 0
    assert soumu.read_text(encoding="utf-8") == after


def test_plans_loader_does_not_read_the_results_folder_as_a_unit(filled: Path):
    result = jigyo("check", "--plans", str(filled))
    assert result.exit_code == 0, result.output
    assert "2 件の計画単位に問題はありません。" in result.output
    assert "フォルダ" not in result.output


# --- check ----------------------------------------------------------------------


def test_missing_results_are_warnings_and_errors_with_strict(filled: Path):
    result = jigyo("check", "--plans", str(filled))
    assert result.exit_code == 0
    assert "soumu.yaml:1:1: 注意: 未記入: 「組織運営の取り組み › 広報 › 講習会の開催」の実績がありません" \
        in result.output
    assert "kenri.yaml:1:1: 注意: 未記入: 「相談 › 研修」" in result.output
    strict = jigyo("check", "--strict", "--plans", str(filled))
    assert strict.exit_code == 1
    assert "--strict では誤りです" in strict.output
    assert "問題が 2 件あります" in strict.output


def test_an_entry_left_empty_is_missing_at_its_line(filled: Path):
    soumu = filled / "2020" / "results" / "soumu.yaml"
    soumu.write_text(soumu.read_text(encoding="utf-8") + (
        "  - path: 組織運営の取り組み › 広報 › 講習会の開催\n    result:\n    status:\n"),
        encoding="utf-8")
    result = jigyo("check", "--plans", str(filled))
    line = soumu.read_text(encoding="utf-8").splitlines().index(
        "  - path: 組織運営の取り組み › 広報 › 講習会の開催") + 1
    assert f"soumu.yaml:{line}:1: 注意: 未記入: 「組織運営の取り組み › 広報 › 講習会の開催」" \
        in result.output


def test_a_wrong_path_is_a_located_error_with_the_nearest_entry(filled: Path):
    soumu = filled / "2020" / "results" / "soumu.yaml"
    text = soumu.read_text(encoding="utf-8").replace(
        "組織運営の取り組み › 理事会、評議員会の開催 › 評議員会",
        "組織運営の取組 › 理事会、評議員会の開催 › 評議委員会")
    soumu.write_text(text, encoding="utf-8")
    result = jigyo("check", "--plans", str(filled))
    assert result.exit_code == 1
    line = text.splitlines().index(
        "  - path: 組織運営の取組 › 理事会、評議員会の開催 › 評議委員会") + 1
    assert (f"soumu.yaml:{line}:11: 「組織運営の取組 › 理事会、評議員会の開催 › 評議委員会」に当たる"
            "事項は計画（法人運営係）にありません。もしかして"
            "「組織運営の取り組み › 理事会、評議員会の開催 › 評議員会」ですか？") in result.output
    assert "Traceback" not in result.output


def test_paths_match_across_full_and_half_width_and_spaces(filled: Path):
    soumu = filled / "2020" / "results" / "soumu.yaml"
    soumu.write_text(soumu.read_text(encoding="utf-8").replace(
        "要介護認定調査事業 › 調査 › 調査業務の実施", "要介護認定調査事業›調査 ›　調査業務の実施"),
        encoding="utf-8")
    assert jigyo("check", "--plans", str(filled)).exit_code == 0


def test_status_outside_the_vocabulary_lists_the_words(filled: Path):
    soumu = filled / "2020" / "results" / "soumu.yaml"
    soumu.write_text(soumu.read_text(encoding="utf-8").replace("status: 概ね達成",
                                                               "status: ほぼ達成"),
                     encoding="utf-8")
    result = jigyo("check", "--plans", str(filled))
    assert result.exit_code == 1
    assert "達成状況「ほぼ達成」は使えません。使える語: 達成、概ね達成、未達成、未実施、中止" \
        in result.output


def test_the_vocabulary_comes_from_jigyo_yaml(filled: Path):
    (filled / "jigyo.yaml").write_text(
        "results:\n  statuses: [達成, ほぼ達成, 未達成]\n", encoding="utf-8")
    soumu = filled / "2020" / "results" / "soumu.yaml"
    soumu.write_text(soumu.read_text(encoding="utf-8").replace("status: 概ね達成",
                                                               "status: ほぼ達成"),
                     encoding="utf-8")
    result = jigyo("check", "--plans", str(filled))
    assert result.exit_code == 1
    assert "「中止」は使えません。使える語: 達成、ほぼ達成、未達成" in result.output
    assert "ほぼ達成」は使えません" not in result.output


def test_the_report_words_come_from_jigyo_yaml(filled: Path, tmp_path: Path):
    (filled / "jigyo.yaml").write_text(
        "results:\n  words:\n    report: 事業成果報告\n    result: 決算\n"
        "    count_form: \"{n}項目\"\n", encoding="utf-8")
    out = tmp_path / "build"
    result = jigyo("build", "--plans", str(filled), "--out", str(out), "-f", "html,md")
    assert result.exit_code == 0, result.output
    page = (out / "site" / "2020" / "report.html").read_text(encoding="utf-8")
    assert "<h1>令和２年度　事業成果報告</h1>" in page
    assert "決算" in page and "実績" not in page
    assert "法人運営係: 達成6項目、概ね達成1項目" in page
    assert "事業成果報告" in (out / "md" / "2020" / "report.md").read_text(encoding="utf-8")


def test_an_unknown_report_word_is_a_located_error(filled: Path):
    (filled / "jigyo.yaml").write_text("results:\n  words:\n    resutl: 決算\n",
                                       encoding="utf-8")
    result = jigyo("check", "--plans", str(filled))
    assert result.exit_code == 1
    assert "jigyo.yaml:3:" in result.output
    assert "事業報告の語「resutl」は置き換えられません。" in result.output
    assert "Traceback" not in result.output


def test_a_results_file_for_no_unit_is_an_error_with_a_suggestion(filled: Path):
    folder = filled / "2020" / "results"
    (folder / "kenri.yaml").rename(folder / "kenri2.yaml")
    result = jigyo("check", "--plans", str(filled))
    assert result.exit_code == 1
    assert "kenri2.yaml:1:1: 実績ファイル「kenri2.yaml」に対応する計画単位ファイル" in result.output
    assert "もしかして「kenri.yaml」ですか？" in result.output


def test_a_result_written_twice_names_the_first(filled: Path):
    kenri = filled / "2020" / "results" / "kenri.yaml"
    kenri.write_text(kenri.read_text(encoding="utf-8") + (
        "  - path: 相談 › 問い合わせ <script>alert(1)</script> | 対応\n    result: 1件\n"),
        encoding="utf-8")
    result = jigyo("check", "--plans", str(filled))
    assert result.exit_code == 1
    assert "この事項の実績は 3 行目にも書かれています。" in result.output


# --- the report -----------------------------------------------------------------


def test_build_writes_the_report_in_html_markdown_and_json(filled: Path, tmp_path: Path):
    out = tmp_path / "build"
    result = jigyo("build", "--plans", str(filled), "--out", str(out), "-f", "html,md,json")
    assert result.exit_code == 0, result.output
    page = (out / "site" / "2020" / "report.html").read_text(encoding="utf-8")
    assert "<h1>令和２年度　事業報告</h1>" in page
    assert '<a href="soumu.html#' in page  # each entry links to the plan
    assert 'role="img"' in page and "<title id=\"chart-report-title\">" in page
    assert "法人運営係: 達成6件、概ね達成1件、未達成1件、中止1件、未記入1件" in page
    assert "<script>alert(1)</script>" not in page
    assert "&lt;b&gt;x&lt;/b&gt;" in page
    assert "<td>6</td>" in page
    assert "<td>〃</td>" in page  # 会場の予約手続き: under the merged 目標値 above
    plan_page = (out / "site" / "2020" / "soumu.html").read_text(encoding="utf-8")
    assert '<a href="report.html#u-soumu">事業報告</a>' in plan_page
    assert '<a href="interim.html#u-soumu">進行管理表</a>' in plan_page
    assert '<a href="report.html">事業報告</a>' in (
        out / "site" / "2020" / "index.html").read_text(encoding="utf-8")
    interim = (out / "site" / "2020" / "interim.html").read_text(encoding="utf-8")
    assert "令和２年度　進行管理表" in interim and "3回" in interim
    md = (out / "md" / "2020" / "report.md").read_text(encoding="utf-8")
    assert "<br>(1)理事会 | 7回予定 | 6回 | 概ね達成 | 86% |" in md
    data = json.loads((out / "json" / "2020.json").read_text(encoding="utf-8"))
    entry = data["departments"][0]["units"][0]["initiatives"][0]["table"][0]["entries"][0]
    assert entry["name"] == "理事会"
    assert entry["result"]["result"] == ["6回"] and entry["result"]["status"] == "概ね達成"
    assert entry["result"]["rate"] == pytest.approx(0.8571, abs=1e-4)
    assert entry["interim"]["result"] == ["3回"]
    assert data["results"]["report"]["year"]["counts"]["未記入"] == 2


def test_build_is_deterministic_with_results(filled: Path, tmp_path: Path):
    for name in ("a", "b"):
        assert jigyo("build", "--plans", str(filled), "--out", str(tmp_path / name),
                     "-f", "html,md,json").exit_code == 0
    assert tree(tmp_path / "a") == tree(tmp_path / "b")


def test_plans_without_results_build_as_before(sample_copy: Path, tmp_path: Path):
    out = tmp_path / "build"
    assert jigyo("build", "--plans", str(sample_copy), "--out", str(out), "-f",
                 "html,md").exit_code == 0
    assert not (out / "site" / "2020" / "report.html").exists()
    assert "事業報告" not in (out / "site" / "2020" / "index.html").read_text(encoding="utf-8")


def test_a_wrong_result_stops_the_build_before_anything_is_written(filled: Path,
                                                                  tmp_path: Path):
    kenri = filled / "2020" / "results" / "kenri.yaml"
    kenri.write_text(kenri.read_text(encoding="utf-8").replace("相談 ›", "相 ›"),
                     encoding="utf-8")
    result = jigyo("build", "--plans", str(filled), "--out", str(tmp_path / "b"))
    assert result.exit_code == 1
    assert not (tmp_path / "b").exists()


def test_pdf_report_has_the_result_columns_and_the_chart(filled: Path, tmp_path: Path):
    try:
        find_fonts()
    except FontUnavailable:
        need("a Japanese font for the PDF", False)
    need("pdftotext (poppler-utils)", shutil.which("pdftotext") is not None)
    out = tmp_path / "build"
    result = jigyo("build", "--plans", str(filled), "--out", str(out), "-f", "pdf")
    assert result.exit_code == 0, result.output
    pdf = out / "pdf" / "2020-report.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          check=True, text=True).stdout
    assert "令和２年度" in text and "事業報告" in text
    for word in ("目標値", "実績", "達成状況", "達成率", "未記入", "86%"):
        assert word in text
    assert "達成6件、概ね達成1件" in text  # the chart's numbers, as text
    assert (out / "pdf" / "2020-interim.pdf").is_file()
    assert (out / "pdf" / "2020.pdf").is_file()


# --- review ---------------------------------------------------------------------


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid",
                        "HOME": str(folder), "PATH": "/usr/bin:/bin"})


def test_diff_shows_a_result_corrected_after_the_audit(filled: Path):
    need("git", shutil.which("git") is not None)
    repo = filled.parent
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "results")
    soumu = filled / "2020" / "results" / "soumu.yaml"
    soumu.write_text(soumu.read_text(encoding="utf-8").replace("result: 2,205件",
                                                               "result: 2,198件"),
                     encoding="utf-8")
    result = jigyo("diff", "--plans", str(filled), "--base", "HEAD", "-f", "md")
    assert result.exit_code == 1, result.output
    assert "実績" in result.output and "2,205件" in result.output and "2,198件" in result.output
    assert "実績ファイル（plans/年度/results/）の変更も" in result.output
    assert "**実績の変更** 要介護認定調査事業 ＞ 調査 ＞ 調査業務の実施" in result.output
    unchanged = jigyo("diff", "--plans", str(filled), "--base", "HEAD", "-f", "text")
    assert "2,198件" in unchanged.output


def test_diff_of_two_years_leaves_their_results_out(filled: Path):
    shutil.copytree(filled / "2020", filled / "2021")
    year = filled / "2021" / "year.yaml"
    year.write_text(year.read_text(encoding="utf-8").replace("2020", "2021"), encoding="utf-8")
    shutil.rmtree(filled / "2021" / "results")
    result = jigyo("diff", "2020", "2021", "--plans", str(filled))
    assert result.exit_code == 0, result.output


def test_every_results_field_is_compared_or_ignored_by_the_differ():
    from jigyo.diff.coverage import RESULTS_COMPARED, RESULTS_IGNORED
    from jigyo.results import model as results_model

    models = (results_model.ResultsFile, results_model.Result, results_model.Progress)
    fields = {f"{cls.__name__}.{name}" for cls in models for name in cls.model_fields}
    assert fields == set(RESULTS_COMPARED) | set(RESULTS_IGNORED)
    assert not set(RESULTS_COMPARED) & set(RESULTS_IGNORED)


def test_a_results_file_linking_out_of_the_plans_folder_is_refused(filled: Path,
                                                                   tmp_path: Path):
    secret = tmp_path / "secret.yaml"
    secret.write_text("entries: []\n", encoding="utf-8")
    link = filled / "2020" / "results" / "kenri.yaml"
    link.unlink()
    link.symlink_to(secret)
    result = jigyo("check", "--plans", str(filled))
    assert result.exit_code == 1
    assert "kenri.yaml:1:1:" in result.output


def test_skeleton_refuses_a_file_whose_entries_are_not_a_list(filled: Path):
    kenri = filled / "2020" / "results" / "kenri.yaml"
    kenri.write_text("entries: 未定\n", encoding="utf-8")
    result = jigyo("results", "new", "2020", "--plans", str(filled))
    assert result.exit_code == 1
    assert "kenri.yaml の entries が一覧ではないため書き足せません。" in result.output
    assert kenri.read_text(encoding="utf-8") == "entries: 未定\n"


def test_missing_results_in_english(filled: Path):
    result = jigyo("check", "--lang", "en", "--plans", str(filled))
    assert "not filled in: no result for '相談 › 研修' (kenri.yaml)." in result.output


def test_results_help_is_japanese():
    result = jigyo("results", "--help")
    assert result.exit_code == 0
    assert "年度の計画から実績ファイルのひな形を作ります" in result.output
