"""Mutations of the real plans: whatever a slip does to a file, only located problems come out.

Lines are deleted, duplicated, re-indented and typed into, the way hurried
editing breaks a file. Reading the year must then either succeed (and the
views be built) or return problems that word themselves in both languages;
any other exception is a bug. Bounded and derandomized so that CI stays
under a minute and never flakes.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jigyo.layout import year_view
from jigyo.loader import load_year

from .conftest import REAL

FOLDER = REAL / "2020"
FILES = {p.name: p.read_bytes() for p in sorted(FOLDER.iterdir()) if p.suffix == ".yaml"}
NAMES = sorted(FILES)

# What slips type: YAML's own punctuation, Japanese look-alikes, controls, digits.
TYPED = st.sampled_from([
    ":", ": ", "-", "- ", "\"", "'", "[", "]", "{", "}", ",", "#", "&", "*", "!", "%", "@",
    "|", ">", "?", "\t", "　", "：", "、", "\\", "\x1b", "\x00", "\r", "\u202e", "1,2",
    "\n", "  ", "x: y", "span: 2", "id: a", "~", "null",
])


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(NAMES))
    lines = FILES[name].decode("utf-8").split("\n")
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "indent", "dedent", "type"]))
        if action == "delete" and len(lines) > 1:
            del lines[at]
        elif action == "duplicate":
            lines.insert(at, lines[at])
        elif action == "indent":
            lines[at] = " " * draw(st.integers(1, 4)) + lines[at]
        elif action == "dedent":
            lines[at] = lines[at][draw(st.integers(1, 4)):] if lines[at].startswith(" ") \
                else lines[at]
        else:
            column = draw(st.integers(0, len(lines[at])))
            lines[at] = lines[at][:column] + draw(TYPED) + lines[at][column:]
    return name, "\n".join(lines).encode("utf-8")


@settings(max_examples=150, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated())
def test_mutated_real_plans_give_only_located_problems(change: tuple[str, bytes]) -> None:
    name, body = change
    loaded, problems = load_year(Path("plans/2020"), {**FILES, name: body})
    if loaded is not None:
        assert not problems
        year_view(loaded)
        return
    assert problems
    for found in problems:
        assert found.line >= 1 and found.column >= 1
        assert found.format("ja") and found.format("en")
        assert "Input should" not in found.format("ja")
