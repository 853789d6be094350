"""How often the cycle collector runs in a jigyo process, set once when the command starts.

Loading, comparing and rendering a large year each allocate millions of small
container objects that live until the command is done. With Python's default
thresholds (a young collection every 700 net allocations) the collector rescans
them over and over while nothing needs collecting. Raising the threshold of the
youngest generation keeps collection on (so the long-running preview server
still frees cycles and memory stays where it was) but runs it about 140 times
less often.

Measured on the generated 1,000-unit year (bench/bench.py's), 2 shared cores,
CPU seconds, medians of 3 in two runs — default thresholds / the former pauses
inside the library / this policy: check 1.9–2.2 / 1.6–1.7 / 1.2–1.4; build
html+md+json 11.3–13.7 / 9.7–10.3 / 9.1–10.8; diff md of two such years
7.3–9.3 / 6.0–6.2 / 5.6; peak memory the same in all three (129, 332, 178 MB);
the real year is unchanged within noise. Switching the collector off for the
whole process was no faster for check and build and took 50 % more memory in
the diff (271 MB), so it is not done.
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 100_000
"""Net allocations of container objects between two collections of the youngest generation."""


def apply() -> None:
    """Set the policy for this process (called once, by the command line's entry point)."""
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)
