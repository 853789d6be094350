"""Run one Typst compile in a child process with its address space capped.

Started by :mod:`jigyo.renderers.pdf` as a script (``python -I typst_child.py``),
so it imports nothing of jigyo: the parameters come as JSON in argv, the Typst
source on stdin, the PDF goes to stdout. A compile that fails writes its
message to stderr and exits with one of the statuses below.
"""

from __future__ import annotations

import json
import resource
import sys

FAILED = 3
"""Typst reported an error in the document (the message is on stderr)."""
OUT_OF_MEMORY = 4
"""The compile needed more memory than allowed."""


def main() -> int:
    import typst  # before the cap: loading the engine is not the document's cost

    params = json.loads(sys.argv[1])
    limit = int(params["memory"])
    if limit > 0:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    source = sys.stdin.buffer.read()
    try:
        compiler = typst.Compiler(
            root=params["root"],
            font_paths=params["font_paths"],
            ignore_system_fonts=True,
            sys_inputs=params["sys_inputs"],
        )
        pdf = compiler.compile(source, format="pdf")
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
    if not isinstance(pdf, bytes):  # one document always gives one PDF
        sys.stderr.write("no PDF")
        return FAILED
    sys.stdout.buffer.write(pdf)
    return 0


if __name__ == "__main__":
    sys.exit(main())
