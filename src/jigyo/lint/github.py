"""Problems as GitHub workflow commands, so that they appear as annotations on the pull request.

`::warning file=plans/2020/x.yaml,line=3,col=5,title=stale-year::message`: the
message and the properties are escaped as GitHub reads them back (% and line
breaks everywhere, and : and , inside a property), so no text of a plan can
end a command early or start another one.
"""

from __future__ import annotations

from ..messages import Lang, message
from ..problems import Problem, visible


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(found: Problem, lang: Lang = "ja") -> str:
    """One `::error` or `::warning` line for a problem."""
    params = dict(found.params)
    title = str(params.get("rule") or message("github_title", lang))
    body = found.text(lang)
    prefix = message("warning_prefix", lang)
    if found.severity == "warning" and body.startswith(prefix):
        body = body[len(prefix):]
    level = "error" if found.severity == "error" else "warning"
    where = (f"file={escape_property(visible(found.path.as_posix()))},line={found.line},"
             f"col={found.column},title={escape_property(title)}")
    return f"::{level} {where}::{escape_data(body)}"
