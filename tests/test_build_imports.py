"""A build loads only what its formats need: the site never pays for Typst or the office formats."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

NOT_FOR_THE_SITE = ("typst", "fontTools", "openpyxl", "docx", "jigyo.renderers.pdf",
                    "jigyo.diff.compare", "jigyo.renderers.markdown", "jigyo.renderers.jsondata",
                    "jigyo.results.loader")
"""The PDF, the office formats, the differ, the other formats, and results (the plans have none)."""

SCRIPT = """
import sys
from jigyo.cli import main
sys.argv = ["jigyo", "build", "--plans", sys.argv[1], "--out", sys.argv[2], "--format", "html"]
try:
    main()
except SystemExit as done:
    assert not done.code, done.code
print(" ".join(sorted(sys.modules)))
"""


def test_building_the_site_imports_no_other_format(tmp_path: Path):
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(ROOT / "plans"), str(tmp_path)],
                          capture_output=True, text=True, check=True)
    loaded = set(done.stdout.splitlines()[-1].split())
    assert (tmp_path / "site" / "index.html").is_file()
    assert [name for name in NOT_FOR_THE_SITE if name in loaded] == []
