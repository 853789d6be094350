"""Starting next year's plan from this year's.

Every file of the previous year is copied byte for byte; only the
`fiscal_year` value in year.yaml is rewritten, in place, so comments and
layout stay as they were and `jigyo diff` of the two years shows no change.
The new folder appears all at once or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import JigyoError, PlanError
from .fsutil import replace_folders
from .loader import YEAR_FILE, load_year
from .messages import Msg, msg
from .yamlread import read


class NewYearError(JigyoError):
    """The new year cannot be made (it exists, or there is no year to start from)."""


@dataclass(frozen=True)
class NewYear:
    folder: Path
    copied: tuple[str, ...]
    warnings: tuple[Msg, ...] = field(default=())
    """Things to check by hand in the new year, worded when printed."""


def _set_fiscal_year(source: Path, text: str, old: int, new: int) -> str:
    """year.yaml with the fiscal_year value replaced where it is written."""
    doc, problems = read(source)
    if doc is None:
        raise PlanError(problems)
    line_no, column = doc.values[("fiscal_year",)]
    lines = text.splitlines(keepends=True)
    line = lines[line_no - 1]
    at = line.find(str(old), column - 1)
    if at < 0:  # pragma: no cover - the loader checked fiscal_year == folder name
        raise NewYearError("new_year_cannot_rewrite", path=source.as_posix(), line=line_no,
                           column=column)
    lines[line_no - 1] = line[:at] + str(new) + line[at + len(str(old)):]
    return "".join(lines)


def new_year(plans_dir: Path, year: int) -> NewYear:
    """Create plans/<year>/ from plans/<year - 1>/; raises NewYearError or PlanError."""
    previous = plans_dir / str(year - 1)
    target = plans_dir / str(year)
    if target.exists():
        raise NewYearError("new_year_exists", path=target.as_posix())
    if not previous.is_dir():
        raise NewYearError("new_year_no_previous", path=previous.as_posix())
    loaded, problems = load_year(previous)
    if problems or loaded is None:
        raise PlanError(problems)
    warnings: list[Msg] = []
    if loaded.meta.era_label:
        warnings.append(msg("new_year_era_label", path=f"{target.as_posix()}/{YEAR_FILE}",
                            label=loaded.meta.era_label))
    files: dict[str, bytes] = {}
    for path in sorted(previous.iterdir()):
        if not path.is_file() or path.name.startswith("."):
            continue
        data = path.read_bytes()
        if path.name == YEAR_FILE:
            bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
            text = _set_fiscal_year(path, data[len(bom):].decode("utf-8"), year - 1, year)
            data = bom + text.encode("utf-8")
        files[path.name] = data
    replace_folders({target: files})
    copied = list(files)
    stale = _stale_years(target)
    if stale:
        warnings.append(msg("new_year_stale", path=target.as_posix(), count=stale))
    return NewYear(target, tuple(copied), tuple(warnings))


def _stale_years(folder: Path) -> int:
    """How many 年度 and dates of the year copied from are left (jigyo lint's stale-year)."""
    from .lint import lint_year
    from .lint.staleyear import RULE, count_stale

    return count_stale(lint_year(folder, only=frozenset({RULE})))
