"""`jigyo check` of plans without results skips the results code and says the same."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from jigyo.layout import year_view
from jigyo.loader import load_plans
from jigyo.results.loader import load_results
from jigyo.results.presence import has_results

ROOT = Path(__file__).resolve().parents[1]
PLANS = ROOT / "plans"


def test_real_plans_have_no_results_and_the_full_path_finds_none() -> None:
    loaded = load_plans(PLANS)
    assert not has_results(PLANS, (y.path for y in loaded.years))
    assert load_results(PLANS, (year_view(y) for y in loaded.years), True) == ({}, [])


def test_settings_file_or_results_folder_count(tmp_path: Path) -> None:
    year = tmp_path / "2020"
    year.mkdir()
    assert not has_results(tmp_path, [year])
    (year / "results").mkdir()
    assert has_results(tmp_path, [year])
    (year / "results").rmdir()
    (tmp_path / "jigyo.yaml").write_text("{}\n", encoding="utf-8")
    assert has_results(tmp_path, [year])


def test_check_does_not_import_the_results_loader() -> None:
    code = ("import sys\nfrom jigyo.cli import main\nsys.argv = ['jigyo', 'check', '--plans', "
            f"{str(PLANS)!r}]\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('jigyo.results.loader' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.split()[-1] == "False"
