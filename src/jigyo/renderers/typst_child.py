"""Run Typst compiles (or queries) in a child process with its address space capped.

Started by :mod:`jigyo.renderers.typst_run` as a script (``python -I -S
typst_child.py``), so it imports nothing of jigyo and nothing but the standard
library and typst, whose folder comes in the parameters (``-S`` skips the
site set-up, which costs more than the import itself). The parameters come as
JSON in argv; then requests, one after another, on stdin, each a JSON line
``{"query": …, "size": n}`` followed by `n` bytes of Typst source; each answer
on stdout is a JSON line ``{"status": s, "size": n}`` followed by `n` bytes:
the PDF (or, for a query, the metadata found, as JSON) when `s` is 0, else the
message. Every request after the first is compiled by the same Typst compiler,
whose fonts and layouts carry over: placing a year right after measuring it
costs a quarter less. The child ends when stdin closes, or, when memory runs
out, with :data:`OUT_OF_MEMORY`.
"""

from __future__ import annotations

import json
import sys
from typing import Any, BinaryIO

try:
    import resource
except ImportError:  # Windows: no address-space cap there; the time limit still holds
    resource = None  # type: ignore[assignment]

FAILED = 3
"""Typst reported an error in the document (the message is the answer)."""
OUT_OF_MEMORY = 4
"""The compile needed more memory than allowed (the child's exit status)."""


class Compiles:
    """The child's one Typst compiler, made by its first request."""

    def __init__(self, params: dict[str, Any]) -> None:
        self.options = {"root": params["root"], "font_paths": params["font_paths"],
                        "ignore_system_fonts": True, "sys_inputs": params["sys_inputs"]}
        self.compiler: Any = None

    def run(self, source: bytes, query: str | None) -> bytes:
        import typst

        if query is not None:
            # a query reads the compiler's own document: a compiler made for it
            self.compiler = typst.Compiler(source, **self.options)
            return str(self.compiler.query(query, field="value", format="json")).encode()
        if self.compiler is None:
            self.compiler = typst.Compiler(source, **self.options)
            pdf = self.compiler.compile(format="pdf")
        else:
            pdf = self.compiler.compile(source, format="pdf")
        if not isinstance(pdf, bytes):  # one document always gives one PDF
            raise RuntimeError("no PDF")
        return pdf


def _answer(out: BinaryIO, status: int, body: bytes) -> None:
    out.write(json.dumps({"status": status, "size": len(body)}).encode() + b"\n")
    out.write(body)
    out.flush()


def main() -> int:
    params = json.loads(sys.argv[1])
    sys.path[:0] = params.get("path", [])
    import typst  # before the cap: loading the engine is not the document's cost

    limit = int(params["memory"])
    if limit > 0 and resource is not None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    compiles = Compiles(params)
    requests, out = sys.stdin.buffer, sys.stdout.buffer
    while header := requests.readline():
        request = json.loads(header)
        source = requests.read(int(request["size"]))
        query = request.get("query")
        try:
            body = compiles.run(source, query if isinstance(query, str) else None)
        except MemoryError:
            return OUT_OF_MEMORY
        except typst.TypstError as err:
            _answer(out, FAILED, str(getattr(err, "message", err)).encode())
            continue
        except BaseException as err:  # a panic when the engine cannot allocate
            if "alloc" in str(err) or "memory" in str(err).lower():
                return OUT_OF_MEMORY
            _answer(out, FAILED, str(err).encode())
            continue
        _answer(out, 0, body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
