"""The CSV and its data package: デジタル庁's machine-readable rules, checked by real readers."""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from frictionless import validate
from typer.testing import CliRunner

from jigyo.cli import app
from jigyo.renderers.csvdata import render_csv
from jigyo.renderers.tabular import COLUMNS, places
from jigyo.targets import PLACE, normalized, parse_target
from tests.conftest import REAL
from tests.office import views

REFERENCE = Path(__file__).parent / "fixtures" / "reference"


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("csv")
    result = CliRunner().invoke(app, ["build", "--plans", str(REAL), "--out", str(out),
                                      "--format", "csv"])
    assert result.exit_code == 0, result.output
    return out / "csv"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_data_package_is_valid(real: Path):
    report = validate(str(real / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = json.loads((real / "datapackage.json").read_text(encoding="utf-8"))
    fields = package["resources"][0]["schema"]["fields"]
    assert [f["name"] for f in fields] == [c.name for c in COLUMNS]
    assert all(re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", f["title"] + f["description"])
               for f in fields)


def test_every_entry_of_fy2020_is_a_row_with_its_target(real: Path):
    rows = _rows(real / "2020.csv")
    year = views(REAL)[0]
    expected = list(places(year))
    assert len(rows) == len(expected) > 300
    by_place = {(r["係"], r["取り組み"], r["項目"], r["事項"], r["行"]): r for r in rows}
    for place in expected:
        key = (place.unit.section, place.initiative.title, place.group.item or "",
               place.entry.name or "", str(place.row))
        row = by_place[key]
        assert row["目標値"] == (place.target.text if place.target else "")
        assert row["内容"] == (place.content.text if place.content else "")
    # a 目標値 merged over two entries is written on both, never left blank as a ditto
    assert sum(1 for r in rows if r["目標値"] == "") == sum(
        1 for p in expected if p.target is None or not p.target.lines)
    assert [r for r in rows if r["目標値"] == "2,100件程度"].__len__() == 2


def test_rows_follow_the_machine_readable_rules(real: Path):
    raw = (real / "2020.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # plain UTF-8 unless asked
    raw.decode("utf-8")
    reader = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    header, body = reader[0], reader[1:]
    assert header == [c.name for c in COLUMNS]
    assert all(len(r) == len(header) for r in body)
    column = {name: i for i, name in enumerate(header)}
    assert {r[column["年度"]] for r in body} == {"2020"}
    assert {r[column["和暦"]] for r in body} == {"令和2年度"}
    assert all(r[column["課"]] and r[column["係"]] and r[column["取り組み"]] for r in body)
    for r in body:
        for name in ("目標値_数値", "目標値_上限"):
            assert r[column[name]] == "" or re.fullmatch(r"\d+(\.\d+)?", r[column[name]])
    assert "2100" in {r[column["目標値_数値"]] for r in body}


def test_the_columns_are_the_same_every_year(tmp_path: Path):
    files = render_csv(views(REFERENCE))
    headers = {name: data.decode().splitlines()[0] for name, data in files.items()
               if name.endswith(".csv")}
    assert set(headers) == {"2020.csv", "2021.csv"}
    assert len(set(headers.values())) == 1
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    assert validate(str(tmp_path / "datapackage.json")).valid


def test_a_bom_for_excel_when_asked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setenv("JIGYO_CSV_BOM", "1")
    files = render_csv(views(REFERENCE))
    assert files["2020.csv"].startswith(b"\xef\xbb\xbf")
    package = json.loads(files["datapackage.json"])
    assert {r["encoding"] for r in package["resources"]} == {"utf-8-sig"}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    assert validate(str(tmp_path / "datapackage.json")).valid


def test_rebuilds_are_byte_identical():
    assert render_csv(views(REAL)) == render_csv(views(REAL))


# --- the 目標値 parser on every target of the FY2020 plan ------------------------

def _written(quantity_text: str) -> str:
    return normalized(quantity_text).replace(",", "")


def test_every_parsed_target_of_fy2020_gives_back_what_is_written():
    targets = [p.target.text for p in places(views(REAL)[0]) if p.target and p.target.lines]
    parsed = {t: parse_target(t) for t in targets}
    read = [t for t, q in parsed.items() if q is not None]
    for text in read:
        q = parsed[text]
        assert q is not None
        number = format(q.value, "f") + (f"～{format(q.upper, 'f')}" if q.upper else "")
        shown = (q.qualifier or PLACE).replace(PLACE, number + q.unit)
        assert shown.replace(",", "") == _written(text), text
    # figures of the FY2020 plan: 318 target cells (with repeats), 214 read as one quantity;
    # 126 different texts, 103 of them read
    assert len(targets) == 318
    assert sum(1 for t in targets if parsed[t] is not None) == 214
    assert len(set(targets)) == 126
    assert len(set(read)) == 103


@pytest.mark.parametrize(("text", "value", "upper", "unit", "qualifier"), [
    ("7回予定", "7", None, "回", "…予定"),
    ("年間1235回を予定", "1235", None, "回", "年間…を予定"),
    ("2,100件程度", "2100", None, "件", "…程度"),
    ("５回", "5", None, "回", ""),
    ("2～3回", "2", "3", "回", ""),
    ("240件／年", "240", None, "件", "…/年"),
    ("１回（200人）", "1", None, "回", "…（200人）"),
    ("年24回\n（月2回）", "24", None, "回", "年…\n（月2回）"),
    ("9,600時間", "9600", None, "時間", ""),
    ("73か所", "73", None, "か所", ""),
])
def test_a_quantity_is_split(text: str, value: str, upper: str | None, unit: str,
                             qualifier: str):
    q = parse_target(text)
    assert q is not None
    assert (q.value, q.upper, q.unit, q.qualifier) == (
        Decimal(value), Decimal(upper) if upper else None, unit, qualifier)


@pytest.mark.parametrize("text", ["随時", "適宜", "通年", "―", "4月～", "30万円/年1回",
                                  "田無25団体\n保谷4団体", "1回\n15事業所", "上半期実施",
                                  "30万円/100カ所", "面接2回実施\n1月末日までに終了", ""])
def test_what_is_not_one_quantity_is_left_as_written(text: str):
    assert parse_target(text) is None


def test_the_column_reference_lists_every_column():
    text = (Path(__file__).parents[1] / "docs" / "csv-columns.md").read_text(encoding="utf-8")
    for column in COLUMNS:
        assert f"| `{column.name}` | {column.title} |" in text


def test_more_columns_join_at_the_end_in_the_same_order():
    from jigyo.renderers.tabular import Column, table

    extra = Column("実績", "実績", "年度の実績。", "string", lambda p: "済")
    columns, rows = table(views(REFERENCE)[0], [extra])
    assert [c.name for c in columns] == [c.name for c in COLUMNS] + ["実績"]
    assert rows and all(r[-1] == "済" for r in rows)


EXAMPLES = Path(__file__).parents[1] / "examples"


def test_the_settings_words_and_extra_columns_are_used(tmp_path: Path):
    files = render_csv(views(EXAMPLES / "shirosato-yosan" / "plans"))
    header = files["2015.csv"].decode().splitlines()[0].split(",")
    assert "項" in header and "説明" in header and "予算額（千円）_数値" in header
    files = render_csv(views(EXAMPLES / "hita-houkoku" / "plans"))
    header = files["2015.csv"].decode().splitlines()[0].split(",")
    assert header[-2:] == ["決算額", "備考（追加列）"]  # never two columns of one name
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    assert validate(str(tmp_path / "datapackage.json")).valid
