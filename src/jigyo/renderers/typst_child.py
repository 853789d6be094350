"""Run one Typst compile (or query) in a child process with its address space capped.

Started by :mod:`jigyo.renderers.typst_run` as a script (``python -I -S
typst_child.py``), so it imports nothing of jigyo and nothing but the standard
library and typst, whose folder comes in the parameters (``-S`` skips the
site set-up, which costs more than the import itself): the parameters come as
JSON in argv, the Typst source on stdin, the PDF (or, with `query`, the
metadata found, as JSON) goes to stdout. A compile that fails writes its
message to stderr and exits with one of the statuses below.
"""

from __future__ import annotations

import json
import resource
import sys
from typing import Any

FAILED = 3
"""Typst reported an error in the document (the message is on stderr)."""
OUT_OF_MEMORY = 4
"""The compile needed more memory than allowed."""


def _run(params: dict[str, Any], source: bytes) -> bytes:
    import typst

    root: str = params["root"]
    fonts: list[Any] = params["font_paths"]
    inputs: dict[str, str] = params["sys_inputs"]
    query = params.get("query")
    if isinstance(query, str):
        compiler = typst.Compiler(source, root=root, font_paths=fonts, ignore_system_fonts=True,
                                  sys_inputs=inputs)
        return compiler.query(query, field="value", format="json").encode()
    pdf = typst.Compiler(root=root, font_paths=fonts, ignore_system_fonts=True,
                         sys_inputs=inputs).compile(source, format="pdf")
    if not isinstance(pdf, bytes):  # one document always gives one PDF
        raise RuntimeError("no PDF")
    return pdf


def main() -> int:
    params = json.loads(sys.argv[1])
    sys.path[:0] = params.get("path", [])
    import typst  # before the cap: loading the engine is not the document's cost

    limit = int(params["memory"])
    if limit > 0:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    source = sys.stdin.buffer.read()
    try:
        out = _run(params, source)
    except MemoryError:
        return OUT_OF_MEMORY
    except typst.TypstError as err:
        sys.stderr.write(str(getattr(err, "message", err)))
        return FAILED
    except BaseException as err:  # a panic when the engine cannot allocate
        if "alloc" in str(err) or "memory" in str(err).lower():
            return OUT_OF_MEMORY
        sys.stderr.write(str(err))
        return FAILED
    sys.stdout.buffer.write(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
