"""Units unchanged between two years are skipped by the differ: the report must not change."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from jigyo.diff.compare import diff_views
from jigyo.diff.sides import compare
from jigyo.layout import year_view
from jigyo.loader import load_year

from .test_diff import real_plans


def _pair(tmp_path: Path) -> Path:
    """2020 and a 2021 copy: one unit edited, two units of one 課 swapped, the rest untouched."""
    plans = real_plans(tmp_path)
    shutil.copytree(plans / "2020", plans / "2021")
    year = plans / "2021" / "year.yaml"
    text = re.sub(r"^fiscal_year: .*$", "fiscal_year: 2021", year.read_text(encoding="utf-8"),
                  flags=re.M)
    text = text.replace("      - soudan-coordinator\n      - soudan-konkyuu\n",
                        "      - soudan-konkyuu\n      - soudan-coordinator\n", 1)
    year.write_text(text, encoding="utf-8")
    unit = plans / "2021" / "volunteer-center.yaml"
    unit.write_text(unit.read_text(encoding="utf-8").replace("します。", "していきます。", 1),
                    encoding="utf-8")
    return plans


def test_skipping_unchanged_units_reports_what_a_full_comparison_does(tmp_path: Path) -> None:
    plans = _pair(tmp_path)
    skipped = compare(plans, ["2020", "2021"])[0]
    old, _ = load_year(plans / "2020")
    new, _ = load_year(plans / "2021")
    assert old is not None and new is not None
    full = diff_views(year_view(old), year_view(new), old_label="2020", new_label="2021")
    assert skipped == full
    statuses = {u.slug: u.status for u in skipped.units}
    assert statuses["volunteer-center"] == "changed"
    assert statuses["soudan-konkyuu"] == "changed" or statuses["soudan-coordinator"] == "changed"
    assert statuses["houjin-unei"] == "unchanged"
