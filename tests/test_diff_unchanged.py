"""Units unchanged between two years are skipped by the differ: the report must not change."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from jigyo import loader
from jigyo.diff.compare import diff_views
from jigyo.diff.sides import compare
from jigyo.errors import PlanError
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


def test_an_untouched_file_is_read_once_and_named_by_each_side(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch):
    plans = _pair(tmp_path)
    parsed: list[Path] = []
    parse = loader.parse

    def counted(path: Path, raw: bytes, *args: Any, **kwargs: Any) -> Any:
        parsed.append(path)
        return parse(path, raw, *args, **kwargs)

    monkeypatch.setattr(loader, "parse", counted)
    compare(plans, ["2020", "2021"])
    assert [p.name for p in parsed if p.parent.name == "2021"] == ["volunteer-center.yaml"]
    assert len([p for p in parsed if p.parent.name == "2020"]) == 11
    # a problem of the 2021 side in a file untouched since 2020 names the 2021 file
    year = plans / "2021" / "year.yaml"
    year.write_text(year.read_text(encoding="utf-8").replace("name: 総務課", "name: 総務部"),
                    encoding="utf-8")
    with pytest.raises(PlanError) as caught:
        compare(plans, ["2020", "2021"])
    assert (plans / "2021" / "houjin-unei.yaml", "unknown_department") in [
        (p.path, p.code) for p in caught.value.problems]
    assert not [p for p in caught.value.problems if p.path.parent.name == "2020"]
