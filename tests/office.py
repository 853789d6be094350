"""Shared by the office-format tests: building the real plan once, LibreOffice and pdftotext."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from jigyo.layout import YearView, year_view
from jigyo.loader import load_plans
from tests.conftest import need


def views(plans: Path) -> list[YearView]:
    return [year_view(y) for y in load_plans(plans, None).years]


def soffice_pdf(document: Path, out: Path) -> Path:
    """`document` converted to PDF by LibreOffice headless (skips or fails without it)."""
    soffice = shutil.which("soffice")
    need("LibreOffice (soffice)", soffice is not None)
    need("pdftotext", shutil.which("pdftotext") is not None)
    assert soffice is not None
    out.mkdir(parents=True, exist_ok=True)
    profile = out / "profile"
    done = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", "pdf", "--outdir", str(out), str(document)],
        capture_output=True, timeout=300, check=False)
    pdf = out / (document.stem + ".pdf")
    assert done.returncode == 0 and pdf.is_file(), done.stderr.decode(errors="replace")
    return pdf


def pdf_text(pdf: Path) -> str:
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          check=True)
    return done.stdout.decode("utf-8")


def pdf_pages(pdf: Path) -> int:
    done = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, check=True, text=True)
    line = next(x for x in done.stdout.splitlines() if x.startswith("Pages:"))
    return int(line.split()[1])


def compact(text: str) -> str:
    """Text without spaces and line breaks: PDF text extraction breaks lines where it likes."""
    return "".join(text.split())
