"""Benchmark: jigyo side by side with anchors measured in the same run, on the real plans and on
generated years of 1,000 and 3,000 units.

Run with `make bench` (or `make bench BENCH=core,diff` for some parts: core, site, diff, pdf,
serve). Each command runs in its own process, as a user runs it; jigyo and its anchor run
interleaved, several times, and the median is kept. The figure compared is CPU time (user + sys
of the process and the children it waited for), which a shared machine disturbs less than wall
time; wall time and peak resident memory (the kernel's accounting) are shown beside it.

Anchors: `mkdocs build` on jigyo's own Markdown, the Typst compiler alone (the `typst` package
compiling jigyo's Typst source in one process), `diff -ru`, `git diff --stat`, `python -c pass`,
and `jigyo check` of both years for the diff. The exit status is 0 when every goal is met and 1
otherwise; the table ends with a line naming each miss.
"""

from __future__ import annotations

import math
import os
import shutil
import statistics
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
PY = sys.executable
JIGYO = [PY, "-m", "jigyo"]
REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mb: float


@dataclass
class Row:
    name: str
    ours: float
    unit: str = "s"
    anchor_name: str = ""
    anchor: float | None = None
    ratio_goal: float | None = None
    limit: float | None = None
    extra: str = ""

    @property
    def ratio(self) -> float | None:
        return self.ours / self.anchor if self.anchor else None

    @property
    def missed(self) -> list[str]:
        misses = []
        if self.ratio_goal is not None and self.ratio is not None and self.ratio > self.ratio_goal:
            misses.append(f"{self.ratio:.2f}× > {self.ratio_goal:g}×")
        if self.limit is not None and self.ours > self.limit:
            misses.append(f"{self.ours:.3g} {self.unit} > {self.limit:g} {self.unit}")
        return misses

    @property
    def goal(self) -> str:
        parts = []
        if self.ratio_goal is not None:
            parts.append(f"≤ {self.ratio_goal:g}×")
        if self.limit is not None:
            parts.append(f"≤ {self.limit:g} {self.unit}")
        return "、".join(parts)


ROWS: list[Row] = []
FAILED: list[str] = []
GROWTH: dict[str, dict[int, float]] = {}


def run(args: list[str], cwd: Path = ROOT, ok: tuple[int, ...] = (0,),
        env: dict[str, str] | None = None) -> Run:
    """One command in its own process: wall time, CPU time and peak resident memory."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, **(env or {})})
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code
    if code not in ok:
        raise SystemExit(f"failed ({code}): {' '.join(args)}\n{err.decode(errors='replace')}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def median(runs: list[Run]) -> Run:
    return Run(statistics.median(r.wall for r in runs), statistics.median(r.cpu for r in runs),
               max(r.peak_mb for r in runs))


def pair(ours: Callable[[], Run], anchor: Callable[[], Run], repeat: int = REPEAT,
         ) -> tuple[Run, Run]:
    """jigyo and its anchor run alternately `repeat` times each; the medians."""
    a: list[Run] = []
    b: list[Run] = []
    for _ in range(repeat):
        a.append(ours())
        b.append(anchor())
    return median(a), median(b)


def row(name: str, ours: Run, anchor_name: str = "", anchor: Run | None = None,
        ratio_goal: float | None = None, limit: float | None = None, extra: str = "") -> None:
    shown = f"壁時計 {ours.wall:.2f} s、{ours.peak_mb:.0f} MB"
    ROWS.append(Row(name, ours.cpu, "s", anchor_name, anchor.cpu if anchor else None,
                    ratio_goal, limit, f"{shown}{'、' + extra if extra else ''}"))


def generate_year(folder: Path, units: int) -> Path:
    """A fiscal year of `units` units, replicated from the real FY2020 units.

    Every 1,000 units start new departments (総務課２, …): the year file is read
    before its own `limits:` apply, so one department lists at most 1,000 units.
    """
    source = PLANS / "2020"
    year = yaml.load((source / "year.yaml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    originals = sorted(p for p in source.glob("*.yaml") if p.name != "year.yaml")
    target = folder / "2020"
    target.mkdir(parents=True)
    departments = year["departments"]
    year["departments"] = []
    year["limits"] = {"unit_files": units + 1}
    by_dept: dict[str, dict[str, object]] = {}
    for i in range(units):
        original = originals[i % len(originals)]
        data = yaml.load(original.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        copy = i // len(originals)
        data["project"] = f"{data.get('project', data['section'])}（写し{copy}）"
        slug = f"{original.stem}-{copy}"
        if i >= 1000:
            data["department"] = f"{data['department']}{i // 1000 + 1}"
        if data["department"] not in by_dept:
            model = next(d for d in departments if data["department"].startswith(d["name"]))
            by_dept[data["department"]] = {**model, "name": data["department"], "units": []}
        units_of = by_dept[data["department"]]["units"]
        assert isinstance(units_of, list)
        units_of.append(slug)
        (target / f"{slug}.yaml").write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    names = [d["name"] for d in departments]
    year["departments"] = [by_dept[n] for c in range(units // 1000 + 1)
                           for n in (f"{m}{c + 1}" if c else m for m in names) if n in by_dept]
    (target / "year.yaml").write_text(
        yaml.safe_dump(year, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return folder


def mkdocs(md: Path, work: Path) -> Callable[[], Run]:
    """`mkdocs build` of a folder of Markdown (jigyo's own md output)."""
    config = work / f"mkdocs-{md.parent.name}.yml"
    config.write_text(f"site_name: bench\ndocs_dir: {md}\nsite_dir: {work / 'mkdocs-site'}\n",
                      encoding="utf-8")
    return lambda: run([PY, "-m", "mkdocs", "build", "-q", "-f", str(config)], cwd=work)


def build(plans: Path, out: Path, fmt: str, env: dict[str, str] | None = None,
          ) -> Callable[[], Run]:
    return lambda: run([*JIGYO, "build", "--plans", str(plans), "--out", str(out),
                        "--format", fmt], env=env)


STACK_ALONE = """
import typer, yaml
from pydantic import BaseModel
class Plan(BaseModel):
    name: str
app = typer.Typer(add_completion=False)
@app.command()
def check(plans: str = "plans", site: bool = False) -> None:
    Plan(**yaml.load("name: a", Loader=yaml.CSafeLoader))
    if site:
        import jinja2
        jinja2.Environment(autoescape=True).from_string("{{ x }}").render(x="<")
app()
"""
"""A command on jigyo's stack (typer, pydantic, PyYAML; jinja2 for the site) doing nothing:
the start-up every jigyo command pays before its own first line."""


def bench_core(work: Path, sizes: dict[int, Path]) -> None:
    nothing = lambda: run([PY, "-c", "pass"])  # noqa: E731
    ours, anchor = pair(lambda: run([*JIGYO, "--help"]), nothing, repeat=max(REPEAT, 5))
    row("jigyo --help", ours, "python -c pass", anchor, limit=0.12)
    ours, anchor = pair(lambda: run([*JIGYO, "check", "--plans", str(PLANS)]), nothing)
    row("check（実データ）", ours, "python -c pass", anchor, limit=0.2)
    stack = pair(lambda: run([PY, "-c", STACK_ALONE]),
                 lambda: run([PY, "-c", STACK_ALONE, "--site"]))
    row("起動の下限: typer・pydantic・PyYAML で何もしないコマンド", stack[0])
    row("起動の下限: 同じく jinja2 も読み込むもの（サイト）", stack[1])
    for units, plans in sizes.items():
        r = run([*JIGYO, "check", "--plans", str(plans)])
        row(f"check（{units:,} 単位）", r)
        GROWTH.setdefault("check", {})[units] = r.cpu
        for fmt in ("md", "json"):
            r = build(plans, work / f"out-{fmt}-{units}", fmt)()
            row(f"build {fmt}（{units:,} 単位）", r)
            GROWTH.setdefault(f"build {fmt}", {})[units] = r.cpu


def bench_site(work: Path, sizes: dict[int, Path]) -> None:
    """The website against mkdocs building jigyo's own Markdown of the same year."""
    build(PLANS, work / "real-md", "md")()
    ours, anchor = pair(build(PLANS, work / "out-site", "html"),
                        mkdocs(work / "real-md" / "md", work))
    row("build html サイト（実データ）", ours, "mkdocs build", anchor, ratio_goal=0.8)
    for units, plans in sizes.items():
        build(plans, work / f"md-{units}", "md")()
        ours, anchor = pair(build(plans, work / f"site-{units}", "html"),
                            mkdocs(work / f"md-{units}" / "md", work), repeat=1)
        if units == 1000:
            row(f"build html サイト（{units:,} 単位）", ours, "mkdocs build", anchor,
                ratio_goal=0.2)
            ROWS.append(Row(f"build html サイト（{units:,} 単位）ピークメモリ", ours.peak_mb, "MB",
                            limit=150))
        else:
            row(f"build html サイト（{units:,} 単位）", ours, "mkdocs build", anchor)
        GROWTH.setdefault("build html", {})[units] = ours.cpu
        shutil.rmtree(work / f"md-{units}", ignore_errors=True)
        shutil.rmtree(work / f"site-{units}", ignore_errors=True)


def _edited_pair(source: Path, folder: Path, every: int = 1) -> Path:
    """`source` as 2020 and a 2021 copy in which every `every`-th unit has a changed target."""
    import re

    shutil.copytree(source, folder / "2020")
    shutil.copytree(source, folder / "2021")
    year = folder / "2021" / "year.yaml"
    year.write_text(re.sub(r"^fiscal_year: .*$", "fiscal_year: 2021",
                           year.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")
    units = sorted(p for p in (folder / "2021").glob("*.yaml") if p.name != "year.yaml")
    for unit in units[::every]:
        text = unit.read_text(encoding="utf-8")
        text = re.sub(r"target: '?(\d+)回", lambda m: f"target: {int(m.group(1)) + 1}回", text,
                      count=1)
        text = text.replace("します。", "していきます。", 1)
        unit.write_text(text, encoding="utf-8")
    return folder


def jigyo_diff(plans: Path, fmt: str, out: Path) -> Callable[[], Run]:
    return lambda: run([*JIGYO, "diff", "2020", "2021", "--plans", str(plans), "--format", fmt,
                        "--output", str(out)], ok=(1,))


def bench_diff(work: Path, sizes: dict[int, Path]) -> None:
    """jigyo diff: the real year against an edited copy; two 1,000-unit years, a tenth changed."""
    real = _edited_pair(PLANS / "2020", work / "diff-real")
    diff_ru = lambda: run(["diff", "-ru", "2020", "2021"], cwd=real, ok=(1,))  # noqa: E731
    for fmt in ("text", "md"):
        ours, anchor = pair(jigyo_diff(real, fmt, work / f"diff-real.{fmt}"), diff_ru)
        row(f"diff --format {fmt}（実データと編集した写し）", ours, "diff -ru", anchor, limit=0.25)
    for units, plans in sizes.items():
        big = _edited_pair(plans / "2020", work / f"diff-{units}", every=10)
        ours, anchor = pair(jigyo_diff(big, "md", work / "diff-big.md"),
                            lambda: run([*JIGYO, "check", "--plans", str(big)]), repeat=1)  # noqa: B023
        stat = run(["git", "diff", "--no-index", "--stat", "2020", "2021"], cwd=big, ok=(1,))
        row(f"diff --format md（{units:,} 単位の2年度、1割を変更）", ours, "check（2年度）", anchor,
            ratio_goal=1.2 if units == 1000 else None,
            extra=f"git diff --stat {stat.cpu:.2f} s（{ours.cpu / max(stat.cpu, 1e-3):.0f}×）")
        GROWTH.setdefault("diff md", {})[units] = ours.cpu
        shutil.rmtree(big, ignore_errors=True)


TYPST_ALONE = """
import json, sys, typst
params = json.loads(open(sys.argv[1]).read())
typst.Compiler(root=params["root"], font_paths=params["font_paths"], ignore_system_fonts=True,
               sys_inputs=params["sys_inputs"]).compile(open(sys.argv[2], "rb").read(), format="pdf")
"""

TYPST_SOURCE = """
import json, sys
from pathlib import Path
from jigyo.fonts import find_fonts
from jigyo.layout import year_view
from jigyo.loader import load_plans
from jigyo.renderers.pdf import TYPST_TEMPLATES, typst_source, _covering
year = year_view(load_plans(Path(sys.argv[1])).years[0])
source = typst_source(year)
fonts = _covering(source, year, find_fonts())
Path(sys.argv[2]).write_text(source, encoding="utf-8")
Path(sys.argv[3]).write_text(json.dumps({"root": str(TYPST_TEMPLATES), "font_paths": fonts.folders,
    "sys_inputs": {"body-font": fonts.body.family, "heading-font": fonts.heading.family}}))
"""


def typst_alone(plans: Path, work: Path) -> Callable[[], Run]:
    """The Typst compiler alone on jigyo's Typst source of the first year under `plans`."""
    source, params = work / f"{plans.name}.typ", work / f"{plans.name}.json"
    run([PY, "-c", TYPST_SOURCE, str(plans), str(source), str(params)])
    return lambda: run([PY, "-c", TYPST_ALONE, str(params), str(source)])


def bench_pdf(work: Path, sizes: dict[int, Path]) -> None:
    """The printed plan (needs a Japanese font): the real year, then the 1,000-unit year.

    jigyo keeps measured pages and font coverage in a cache folder: each run here
    starts from an empty one (a first build), and the real year is also shown
    with the cache its previous build left (a build after an edit or none).
    """
    runs = iter(range(10**6))

    def cold(plans: Path, out: Path, extra: dict[str, str] | None = None) -> Callable[[], Run]:
        def once() -> Run:
            fresh = work / f"pdf-cache-{next(runs)}"
            return build(plans, out, "pdf", env={"JIGYO_CACHE_DIR": str(fresh), **(extra or {})})()
        return once

    ours, anchor = pair(cold(PLANS, work / "out-pdf"), typst_alone(PLANS, work))
    row("build pdf（実データ）", ours, "typst のみ", anchor, ratio_goal=1.2)
    kept = {"JIGYO_CACHE_DIR": str(work / "pdf-cache-kept")}
    build(PLANS, work / "out-pdf", "pdf", env=kept)()
    ours, anchor = pair(build(PLANS, work / "out-pdf", "pdf", env=kept), typst_alone(PLANS, work))
    row("build pdf（実データ、前回の計測を再利用）", ours, "typst のみ", anchor)
    plans = sizes.get(1000)
    if plans is None:
        return
    # the time limit is per compile; the memory limit is Typst's own address space
    roomy = {"JIGYO_PDF_MEMORY": "65536", "JIGYO_PDF_TIMEOUT": "1200"}
    ours = cold(plans, work / "out-pdf-big", roomy)()
    row("build pdf（1,000 単位）", ours)
    ROWS.append(Row("build pdf（1,000 単位）ピークメモリ", ours.peak_mb, "MB", limit=1500))


SERVE_EDIT = """
import sys, time
from pathlib import Path
from jigyo import gcpolicy
from jigyo.serve import BuildState, rebuild
gcpolicy.apply()  # as the command line's entry point does for `jigyo serve`
plans, out = Path(sys.argv[1]), Path(sys.argv[2])
state, said = BuildState(), []
rebuild(plans, out, state, lambda text, bad: said.append(bad))
unit = sorted((plans / "2020").glob("[!y]*.yaml"))[0]
times = []
for i in range(int(sys.argv[3])):
    unit.write_text(unit.read_text(encoding="utf-8").replace("します。", "します。 ", 1),
                    encoding="utf-8")
    start = time.process_time()
    rebuild(plans, out, state, lambda text, bad: said.append(bad))
    times.append(time.process_time() - start)
assert not any(said), "a rebuild failed"
print(sorted(times)[len(times) // 2])
"""


def bench_serve(work: Path, sizes: dict[int, Path]) -> None:
    """`jigyo serve`: one rebuild after a save of one unit (CPU time inside the process)."""
    plans = work / "serve-plans"
    shutil.copytree(PLANS, plans)
    done = subprocess.run([PY, "-c", SERVE_EDIT, str(plans), str(work / "serve-out"),
                           str(max(REPEAT, 3))], capture_output=True, text=True, check=True)
    seconds = float(done.stdout.strip())
    ROWS.append(Row("serve: 1単位を保存した後の再ビルド（実データ）", seconds, "s", limit=0.3))
    big = sizes.get(1000)
    if big is not None:
        plans = work / "serve-plans-1000"
        shutil.copytree(big, plans)
        done = subprocess.run([PY, "-c", SERVE_EDIT, str(plans), str(work / "serve-out-1000"),
                               str(max(REPEAT, 3))], capture_output=True, text=True, check=True)
        ROWS.append(Row("serve: 1単位を保存した後の再ビルド（1,000 単位）",
                        float(done.stdout.strip()), "s", limit=0.3))
        shutil.rmtree(plans, ignore_errors=True)


BENCHES: dict[str, Callable[[Path, dict[int, Path]], None]] = {
    "core": bench_core, "site": bench_site, "diff": bench_diff, "pdf": bench_pdf,
    "serve": bench_serve,
}


def exponent(figures: dict[int, float]) -> float | None:
    if 1000 not in figures or 3000 not in figures or figures[1000] <= 0:
        return None
    return math.log(figures[3000] / figures[1000]) / math.log(3)


def report() -> int:
    print("| 項目 | jigyo（CPU） | 比較対象 | 比較対象（CPU） | 比 | 目標 | 判定 | 備考 |")
    print("|---|---:|---|---:|---:|---|---|---|")
    misses: list[str] = [f"失敗 {failure}" for failure in FAILED]
    for r in ROWS:
        anchor = f"{r.anchor:.3f} s" if r.anchor is not None else ""
        ratio = f"{r.ratio:.2f}×" if r.ratio is not None else ""
        verdict = ("未達" if r.missed else "OK") if r.goal else ""
        if r.missed:
            misses.append(f"{r.name}: {'; '.join(r.missed)}")
        print(f"| {r.name} | {r.ours:.3f} {r.unit} | {r.anchor_name} | {anchor} | {ratio} "
              f"| {r.goal} | {verdict} | {r.extra} |")
    if GROWTH:
        print("\n| 伸び（1,000 → 3,000 単位） | 指数 | 目標 | 判定 |")
        print("|---|---:|---|---|")
        for name, figures in GROWTH.items():
            power = exponent(figures)
            if power is None:
                continue
            goal = 1.05 if name != "check" else None
            verdict = "" if goal is None else ("OK" if power <= goal else "未達")
            if goal is not None and power > goal:
                misses.append(f"伸び {name}: n^{power:.2f} > n^{goal:g}")
            print(f"| {name} | n^{power:.2f} | {'≤ n^1.05' if goal else ''} | {verdict} |")
    if misses:
        print(f"\n未達 {len(misses)} 件（終了状態 1）:")
        for miss in misses:
            print(f"- {miss}")
        return 1
    print("\nすべての目標を達成（終了状態 0）")
    return 0


def main() -> None:
    chosen = [name for arg in sys.argv[1:] for name in arg.split(",") if name] or list(BENCHES)
    unknown = sorted(set(chosen) - set(BENCHES))
    if unknown:
        raise SystemExit(f"unknown part(s): {', '.join(unknown)} (choose from {', '.join(BENCHES)})")
    counts = [int(n) for n in os.environ.get("BENCH_UNITS", "1000,3000").split(",") if n]
    with tempfile.TemporaryDirectory(prefix="jigyo-bench-") as tmp:
        work = Path(tmp)
        sizes = {n: generate_year(work / f"plans-{n}", n) for n in counts}
        for name in chosen:
            try:
                BENCHES[name](work, sizes)
            except SystemExit as err:  # a failed command: the part's miss, the others still run
                print(err, file=sys.stderr)
                FAILED.append(f"{name}: {str(err).splitlines()[0]}")
    sys.exit(report())


if __name__ == "__main__":
    main()
