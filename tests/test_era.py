"""The era label of a fiscal year, as the council writes it (令和２年度, 令和元年度)."""

from __future__ import annotations

import pytest

from jigyo.layout import era_label, year_view
from jigyo.loader import load_plans

from .conftest import UNIT, YEAR


@pytest.mark.parametrize(
    ("year", "label"),
    [
        (1989, "平成元年度"),  # 平成 began in January 1989, before the fiscal year
        (1990, "平成２年度"),
        (1997, "平成９年度"),
        (1998, "平成10年度"),
        (2018, "平成30年度"),
        (2019, "令和元年度"),  # April 2019 – March 2020: 令和 from 1 May 2019
        (2020, "令和２年度"),  # one digit is written full-width
        (2027, "令和９年度"),
        (2028, "令和10年度"),  # two digits half-width, as in the printed plan
        (2100, "令和82年度"),
    ],
)
def test_era_label_edges(year: int, label: str):
    assert era_label(year) == label


def test_the_year_file_may_override_the_label(plans):
    year = YEAR.replace("fiscal_year: 2020", "fiscal_year: 2019\nera_label: 平成31年度")
    folder = plans({"a.yaml": UNIT}, year=year)
    (folder / "2020").rename(folder / "2019")
    view = year_view(load_plans(folder).years[0])
    assert (view.year, view.era) == (2019, "平成31年度")
    assert view.department_header("総務課") == "平成31年度　総務課　事業計画"


def test_without_override_the_label_is_computed(plans):
    view = year_view(load_plans(plans({"a.yaml": UNIT})).years[0])
    assert view.era == "令和２年度"
    assert view.heading == "令和２年度　事業計画"
