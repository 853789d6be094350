"""Byte-identical ZIP packages (xlsx, docx): the same plan always gives the same file.

openpyxl and python-docx stamp the time of saving into every ZIP entry and
into docProps/core.xml. :func:`deterministic` rewrites a package with one
fixed time everywhere, the entries in the order the library wrote them.
"""

from __future__ import annotations

import io
import re
import zipfile

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
"""The earliest time a ZIP entry can carry: no build time leaks into the file."""
FIXED_W3CDTF = "1980-01-01T00:00:00Z"
_STAMPS = re.compile(
    rb"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(</dcterms:(?:created|modified)>)")
_CORE = "docProps/core.xml"


def deterministic(package: bytes) -> bytes:
    """The same package with fixed entry times and fixed creation and modification dates."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == _CORE:
                data = _STAMPS.sub(rb"\g<1>" + FIXED_W3CDTF.encode() + rb"\g<2>", data)
            entry = zipfile.ZipInfo(info.filename, FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            entry.create_system = 0
            target.writestr(entry, data, compresslevel=9)
    return out.getvalue()
