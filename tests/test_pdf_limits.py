"""The PDF compile is bounded, its messages come from the catalogue, its metadata is plain text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jigyo.cli import app
from jigyo.errors import JigyoError
from jigyo.fonts import FontUnavailable, find_fonts
from jigyo.messages import pdf as pdf_messages
from jigyo.renderers import pdf
from jigyo.renderers.skipped import FormatSkipped

from .conftest import UNIT, YEAR
from .test_pdf import ZWSP, make_pdf, need_pdf_tools, run

runner = CliRunner()


def test_every_pdf_message_has_japanese_and_english():
    for code, (ja, en) in pdf_messages.MESSAGES.items():
        assert re.search(r"[ぁ-んァ-ン一-龥]", ja), code
        assert en.isascii(), code
        assert sorted(re.findall(r"\{(\w+)\}", ja)) == sorted(re.findall(r"\{(\w+)\}", en)), code


def test_skipped_formats_and_missing_fonts_are_jigyo_errors_worded_in_either_language():
    err = FormatSkipped.because(FontUnavailable("pdf_no_font", setting="JIGYO_PDF_FONT"))
    assert isinstance(err, JigyoError)
    assert str(err).startswith("日本語フォントが見つからないため")
    assert err.text("en").startswith("No Japanese font was found")
    assert "fonts-noto-cjk" in err.text("en")


def test_metadata_title_and_author_have_no_break_hints(plans, tmp_path: Path):
    need_pdf_tools()
    latin = "Nishitokyo-Shakai-Fukushi-Kyogikai-Example"
    year = YEAR.replace("organization: テスト市社会福祉協議会", f"organization: {latin}")
    year += "title: AnnualBusinessPlanWithALongLatinTitle\n"
    out = make_pdf(plans({"a.yaml": UNIT}, year=year), tmp_path / "out")
    info = run("pdfinfo", str(out))
    assert ZWSP not in info
    assert re.search(r"Author:\s+" + re.escape(latin) + r"\n", info)
    assert re.search(r"Title:\s+令和２年度　AnnualBusinessPlanWithALongLatinTitle\n", info)


def test_a_compile_over_its_memory_limit_skips_the_pdf_only(plans, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch):
    need_pdf_tools()
    monkeypatch.setenv(pdf.MEMORY_SETTING, "64")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", "--plans", str(plans({"a.yaml": UNIT})), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "pdf: PDF の組版がメモリの上限（64 MB）を超えたため作成しませんでした" in result.output
    assert "Traceback" not in result.output
    assert (out / "site" / "index.html").is_file() and (out / "json" / "2020.json").is_file()
    assert not (out / "pdf").exists()


def test_a_compile_that_does_not_end_is_stopped_at_its_time_limit(monkeypatch: pytest.MonkeyPatch):
    need_pdf_tools()
    fonts = find_fonts()
    monkeypatch.setenv(pdf.TIMEOUT_SETTING, "1")
    endless = "#for i in range(100000) { for j in range(100000) { } }\n"
    with pytest.raises(FormatSkipped) as caught:
        pdf.compile_pdf(endless, fonts)
    assert caught.value.msg.code == "pdf_compile_timeout"
    assert "1 秒で終わらなかった" in str(caught.value)
    assert "within 1 seconds" in caught.value.text("en")


def test_a_typst_error_is_reported_from_the_catalogue():
    need_pdf_tools()
    fonts = find_fonts()
    with pytest.raises(FormatSkipped) as caught:
        pdf.compile_pdf("#no-such-function()\n", fonts)
    assert str(caught.value).startswith("PDF の組版に失敗したため作成しませんでした")
    assert "no-such-function" in str(caught.value)


@pytest.mark.parametrize("value", ["0", "-5", "a lot", "1.5"])
def test_a_limit_setting_that_is_not_a_positive_number_is_reported(value: str,
                                                                   monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(pdf.TIMEOUT_SETTING, value)
    with pytest.raises(FormatSkipped) as caught:
        pdf.compile_pdf("", None)  # type: ignore[arg-type]  # refused before any font is needed
    assert caught.value.msg.code == "pdf_limit_setting"
    assert value in str(caught.value)


def test_a_session_goes_on_compiling_after_a_typst_error():
    need_pdf_tools()
    from jigyo.renderers.typst_run import Session

    with Session(find_fonts()) as session:
        with pytest.raises(FormatSkipped) as caught:
            session.run("#no-such-function()\n")
        assert "no-such-function" in str(caught.value)
        assert session.run("= 事業計画\n").startswith(b"%PDF")


def test_the_child_compiles_where_there_is_no_address_space_cap(tmp_path: Path):
    """Windows has no `resource` module: the child still compiles (only the time limit holds)."""
    import json
    import subprocess
    import sys

    from jigyo.renderers import typst_run

    need_pdf_tools()
    fonts = find_fonts()
    params = {"root": str(typst_run.TYPST_TEMPLATES), "font_paths": fonts.folders,
              "sys_inputs": {}, "memory": 64 * 1024 * 1024, "path": [typst_run._typst_path()]}
    without = ("import runpy, sys; sys.modules['resource'] = None; "
               f"sys.argv = ['typst_child.py', {json.dumps(params)!r}]; "
               f"runpy.run_path({str(typst_run._CHILD)!r}, run_name='__main__')")
    source = b"= Plan\n"
    request = json.dumps({"query": None, "size": len(source)}).encode() + b"\n" + source
    done = subprocess.run([sys.executable, "-I", "-S", "-c", without], input=request,
                          capture_output=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr.decode()
    header, _, pdf = done.stdout.partition(b"\n")
    assert json.loads(header)["status"] == 0 and pdf.startswith(b"%PDF")
