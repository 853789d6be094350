"""The plan as open data: one CSV per year and a Frictionless data package describing them.

The CSV follows the government's rules for machine-readable tables (総務省
「統計表における機械判読可能なデータの表記方法の統一ルール」, which デジタル庁's
推奨データセット build on): one header row, no merged or blank-as-ditto cells,
numbers without thousands separators, 西暦 and 和暦 columns, a unit column,
UTF-8, the same columns in the same order every year
(:mod:`jigyo.renderers.tabular`). Line breaks are kept only where the plan has
separate lines (bullets, a target written on two lines), quoted as RFC 4180 says. Excel reads UTF-8
only with a byte order mark: JIGYO_CSV_BOM=1 writes one (the data package says so).
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Mapping, Sequence
from typing import Any

from ..layout import YearView
from ..results.report import Report
from . import Files
from .csv_results import results_columns
from .tabular import Column, table

BOM_SETTING = "JIGYO_CSV_BOM"
"""Environment variable: 1 writes the CSV with a UTF-8 byte order mark (for Excel)."""


def with_bom() -> bool:
    """Whether JIGYO_CSV_BOM asks for a byte order mark."""
    return os.environ.get(BOM_SETTING, "").strip().lower() in ("1", "true", "yes")


def csv_bytes(columns: Sequence[Column], rows: Sequence[Sequence[str]], bom: bool) -> bytes:
    """One header row and the rows, quoted where needed, CRLF line ends (RFC 4180)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([c.name for c in columns])
    writer.writerows(rows)
    return ("\ufeff" if bom else "").encode() + buffer.getvalue().encode("utf-8")


def schema(columns: Sequence[Column]) -> dict[str, Any]:
    """The Table Schema of the CSV: every column with its Japanese title and description."""
    return {
        "fields": [{"name": c.name, "title": c.title, "description": c.description,
                    "type": c.kind} for c in columns],
        "missingValues": [""],
    }


def datapackage(years: Sequence[YearView], columns: Sequence[Column] | Mapping[int, Sequence[Column]],
                bom: bool) -> bytes:
    """datapackage.json: one resource per year's CSV (the results columns where it has results)."""
    by_year = columns if isinstance(columns, Mapping) else {y.year: columns for y in years}
    organization = next((y.organization for y in years), "")
    package = {
        "profile": "tabular-data-package",
        "name": "jigyo-plan",
        "title": f"{organization} 事業計画",
        "description": ("事業計画の事項を1行ずつ（複数行の事項は行ごとに）並べた表。"
                        "目標値は記載どおりの列と、数値・単位・補足に分けた列を持つ。"),
        "resources": [{
            "name": f"plan-{y.name}",
            "path": f"{y.name}.csv",
            "title": f"{y.organization} {y.heading}",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8-sig" if bom else "utf-8",
            "dialect": {"delimiter": ",", "header": True, "lineTerminator": "\r\n"},
            "schema": schema(by_year[y.year]),
        } for y in years],
    }
    return (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode()


def render_csv(years: list[YearView], reports: Sequence[Report] = ()) -> Files:
    """`<year>.csv` for every year and the `datapackage.json` describing them.

    A year with results (`reports`, the 事業報告 and 進行管理表 built) gets the
    results columns after the plan's.
    """
    bom = with_bom()
    files: Files = {}
    by_year: dict[int, tuple[Column, ...]] = {}
    for year in years:
        columns, rows = table(year, results_columns(reports, year.year))
        by_year[year.year] = columns
        files[f"{year.name}.csv"] = csv_bytes(columns, rows, bom)
    if years:
        files["datapackage.json"] = datapackage(years, by_year, bom)
    return files
