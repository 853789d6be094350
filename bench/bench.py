"""Benchmark: times the jigyo commands on the real plans and on a generated year.

Run with `make bench` (or `make bench BENCH=core,diff` for some parts: core,
site, diff, pdf). Every figure is measured here, on this machine; each command
runs in its own process through the `jigyo` command line (as a user runs it),
so the benchmark does not depend on how the package is laid out inside, and its
peak memory is read from the kernel's accounting of that process.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PLANS = ROOT / "plans"
JIGYO = [sys.executable, "-m", "jigyo"]


@dataclass
class Row:
    name: str
    value: float
    unit: str
    target: float | None = None
    extra: str = ""

    @property
    def verdict(self) -> str:
        if self.target is None:
            return ""
        return "OK" if self.value <= self.target else "遅い"


ROWS: list[Row] = []


@dataclass
class Run:
    seconds: float
    peak_mb: float


def run(args: list[str], cwd: Path = ROOT, ok: tuple[int, ...] = (0,)) -> Run:
    """One command in its own process: wall time and peak resident memory."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in ok:
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(args)}\n{err}")
    return Run(seconds, usage.ru_maxrss / 1024)


def best(args: list[str], repeat: int = 3, cwd: Path = ROOT, ok: tuple[int, ...] = (0,)) -> Run:
    runs = [run(args, cwd, ok) for _ in range(repeat)]
    return min(runs, key=lambda r: r.seconds)


def generate_year(folder: Path, units: int) -> Path:
    """A fiscal year of `units` units, replicated from the real FY2020 units."""
    source = PLANS / "2020"
    year = yaml.load((source / "year.yaml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    originals = sorted(p for p in source.glob("*.yaml") if p.name != "year.yaml")
    target = folder / "2020"
    target.mkdir(parents=True)
    for dept in year["departments"]:
        dept["units"] = []
    by_dept = {d["name"]: d for d in year["departments"]}
    for i in range(units):
        original = originals[i % len(originals)]
        data = yaml.load(original.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        copy = i // len(originals)
        data["project"] = f"{data.get('project', data['section'])}（写し{copy}）"
        slug = f"{original.stem}-{copy}"
        by_dept[data["department"]]["units"].append(slug)
        (target / f"{slug}.yaml").write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    (target / "year.yaml").write_text(
        yaml.safe_dump(year, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return folder


def bench_core(work: Path, big: Path) -> None:
    r = best([*JIGYO, "--help"], repeat=5)
    ROWS.append(Row("jigyo --help", r.seconds, "s", 0.3))
    r = best([*JIGYO, "check", "--plans", str(PLANS)])
    ROWS.append(Row("check（実データ）", r.seconds, "s", 0.5))
    out = work / "out-real"
    r = best([*JIGYO, "build", "--plans", str(PLANS), "--out", str(out),
              "--format", "html,md,json"])
    ROWS.append(Row("build html+md+json（実データ）", r.seconds, "s", 1.0,
                    f"{r.peak_mb:.0f} MB"))
    r = run([*JIGYO, "check", "--plans", str(big)])
    ROWS.append(Row("check（1,000 単位）", r.seconds, "s", None, f"{r.peak_mb:.0f} MB"))
    r = run([*JIGYO, "build", "--plans", str(big), "--out", str(work / "out-big"),
             "--format", "html,md,json"])
    ROWS.append(Row("build html+md+json（1,000 単位）", r.seconds, "s", 15.0,
                    f"{r.peak_mb:.0f} MB"))
    ROWS.append(Row("build（1,000 単位）ピークメモリ", r.peak_mb, "MB", 500.0))


def bench_site(work: Path, big: Path) -> None:
    """The website alone: its build time and the size of its search index."""
    out = work / "out-site"
    r = best([*JIGYO, "build", "--plans", str(PLANS), "--out", str(out), "--format", "html"])
    ROWS.append(Row("build html サイト（実データ）", r.seconds, "s", 1.5, f"{r.peak_mb:.0f} MB"))
    index = out / "site" / "assets" / "search-index.js"
    ROWS.append(Row("検索索引の大きさ（実データ）", index.stat().st_size / 1000, "KB", 200.0))
    big_out = work / "out-site-big"
    r = run([*JIGYO, "build", "--plans", str(big), "--out", str(big_out), "--format", "html"])
    index = big_out / "site" / "assets" / "search-index.js"
    ROWS.append(Row("build html サイト（1,000 単位）", r.seconds, "s", None,
                    f"{r.peak_mb:.0f} MB、検索索引 {index.stat().st_size / 1_000_000:.1f} MB"))


def _edited_pair(source: Path, folder: Path) -> Path:
    """plans/2020 and a 2021 copy in which every unit has a changed target and policy."""
    shutil.copytree(source, folder / "2020")
    shutil.copytree(source, folder / "2021")
    year = folder / "2021" / "year.yaml"
    year.write_text(re.sub(r"^fiscal_year: .*$", "fiscal_year: 2021",
                           year.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")
    for unit in sorted((folder / "2021").glob("*.yaml")):
        if unit.name == "year.yaml":
            continue
        text = unit.read_text(encoding="utf-8")
        text = re.sub(r"target: (\d+)回", lambda m: f"target: {int(m.group(1)) + 1}回", text,
                      count=1)
        text = text.replace("します。", "していきます。", 1)
        unit.write_text(text, encoding="utf-8")
    return folder


def bench_diff(work: Path, big: Path) -> None:
    """jigyo diff: the real year against an edited copy, and two 1,000-unit years."""
    real = _edited_pair(PLANS / "2020", work / "diff-real")
    for fmt, target in (("text", 0.5), ("json", 0.5), ("html", None)):
        r = best([*JIGYO, "diff", "2020", "2021", "--plans", str(real), "--format", fmt,
                  "--output", str(work / f"diff-real.{fmt}")], ok=(1,))
        ROWS.append(Row(f"diff --format {fmt}（実データと編集した写し）", r.seconds, "s", target,
                        f"{r.peak_mb:.0f} MB"))
    pair = _edited_pair(big / "2020", work / "diff-big")
    r = run([*JIGYO, "diff", "2020", "2021", "--plans", str(pair), "--format", "md",
             "--output", str(work / "diff-big.md")], ok=(1,))
    ROWS.append(Row("diff --format md（1,000 単位の2年度）", r.seconds, "s", 5.0,
                    f"{r.peak_mb:.0f} MB（2年度の読み込みを含む）"))
    shutil.rmtree(pair, ignore_errors=True)


def pdf_pages(pdf: Path) -> int:
    """Pages of a PDF, counted from its page objects."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf.read_bytes()))


def bench_pdf(work: Path, big: Path) -> None:
    """The printed plan (needs a Japanese font): the real year, then the 1,000-unit year."""
    out = work / "out-pdf"
    r = best([*JIGYO, "build", "--plans", str(PLANS), "--out", str(out), "--format", "pdf"])
    pages = pdf_pages(out / "pdf" / "2020.pdf")
    ROWS.append(Row("build pdf（実データ）", r.seconds, "s", 3.0,
                    f"{pages} ページ、{pages / r.seconds:.0f} ページ/秒、{r.peak_mb:.0f} MB"))
    big_out = work / "out-pdf-big"
    r = run([*JIGYO, "build", "--plans", str(big), "--out", str(big_out), "--format", "pdf"])
    pages = pdf_pages(big_out / "pdf" / "2020.pdf")
    ROWS.append(Row("build pdf（1,000 単位）", r.seconds, "s", None,
                    f"{pages} ページ、{pages / r.seconds:.0f} ページ/秒、{r.peak_mb:.0f} MB"))


BENCHES: dict[str, Callable[[Path, Path], None]] = {
    "core": bench_core, "site": bench_site, "diff": bench_diff, "pdf": bench_pdf,
}


def main() -> None:
    chosen = [name for arg in sys.argv[1:] for name in arg.split(",") if name] or list(BENCHES)
    unknown = sorted(set(chosen) - set(BENCHES))
    if unknown:
        raise SystemExit(f"unknown part(s): {', '.join(unknown)} (choose from {', '.join(BENCHES)})")
    with tempfile.TemporaryDirectory(prefix="jigyo-bench-") as tmp:
        work = Path(tmp)
        big = generate_year(work / "plans-1000", 1000)
        for name in chosen:
            BENCHES[name](work, big)
        shutil.rmtree(work / "plans-1000", ignore_errors=True)
    print("| 項目 | 計測値 | 目標 | 判定 | 備考 |")
    print("|---|---:|---:|---|---|")
    for r in ROWS:
        target = f"< {r.target:g} {r.unit}" if r.target is not None else ""
        print(f"| {r.name} | {r.value:.2f} {r.unit} | {target} | {r.verdict} | {r.extra} |")
    if any(r.verdict == "遅い" for r in ROWS):
        sys.exit(1)


if __name__ == "__main__":
    main()
