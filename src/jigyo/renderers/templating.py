"""The one Jinja environment factory, and where templates are found.

Templates ship inside the package (`jigyo.templates`, the design card's
top-level `templates/<kind>/` folders, mapped by setup.py) and decide
presentation only; everything they show is prepared by :mod:`jigyo.layout`.
A council's repository may keep its own `templates/` folder next to `plans/`:
a file there replaces the package's file of the same kind and name, every other
file still comes from the package. The build says which project is being
built (:func:`project_templates`); a renderer only asks for its kind.
In every kind the filter `inline` turns plan text into that format safely.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
import jinja2.meta

from .. import inline
from ..cachedir import cache_folder


def _package_folder() -> Path:
    root = resources.files("jigyo.templates")
    if not isinstance(root, Path):  # pragma: no cover - jigyo is never imported from a zip
        raise RuntimeError(f"jigyo's templates are not a folder on disk: {root}")
    return root


TEMPLATES = _package_folder()
"""The package's template folder (holds one folder per kind)."""

AUTOESCAPED = frozenset({"html", "diff"})
"""Kinds whose output is HTML: every value is escaped unless marked safe."""

_INLINE: dict[str, Callable[[str], Any]] = {
    "html": inline.to_html,
    "md": inline.to_markdown,
}

_SEARCHED: dict[str, tuple[str, ...]] = {"diff": ("diff", "html")}
"""Kinds whose templates also find those of other kinds (the 新旧対照表 uses the site's macros)."""

_overrides: ContextVar[Mapping[str, Path] | None] = ContextVar("jigyo_template_overrides",
                                                              default=None)


@contextmanager
def project_templates(folder: Path | None) -> Iterator[None]:
    """Within this block, files in `folder/<kind>/` override the package's templates.

    The folder is looked at once, on entry (once per build); the files inside
    are re-read by Jinja whenever they change.
    """
    token = _overrides.set(_kinds(folder) if folder is not None else None)
    try:
        yield
    finally:
        _overrides.reset(token)


def _kinds(folder: Path) -> dict[str, Path]:
    """The project's folder of each kind it has, unless it is the package's own folder."""
    if not folder.is_dir() or folder.resolve() == TEMPLATES.resolve():
        return {}
    return {kind.name: kind for kind in sorted(folder.iterdir()) if kind.is_dir()}


def _override(kind: str) -> Path | None:
    overrides = _overrides.get()
    return None if overrides is None else overrides.get(kind)


def folder(kind: str) -> Path:
    """The package's folder of one kind (e.g. the Typst root for `typst`)."""
    return TEMPLATES / kind


def source(kind: str, name: str) -> Path:
    """The file a template or asset is read from: the project's when it has one."""
    override = _override(kind)
    if override is not None and (override / name).is_file():
        return override / name
    return TEMPLATES / kind / name


def asset(kind: str, name: str) -> bytes:
    """A file copied or embedded as it is (CSS, JavaScript), honouring overrides."""
    return source(kind, name).read_bytes()


def environment(kind: str, *, autoescape: bool | None = None,
                finalize: Callable[[Any], Any] | None = None,
                filters: Mapping[str, Callable[..., Any]] | None = None) -> jinja2.Environment:
    """The environment for templates of `kind` (html, md, typst, diff), built once per setup.

    `autoescape` defaults to escaping for HTML kinds; `finalize` is Jinja's
    output hook (the Typst renderer turns every value into a string literal
    there); `filters` are added to (or replace) the default `inline` filter.
    Callers pass the same module-level functions each time, so the cache hits.
    """
    escape = kind in AUTOESCAPED if autoescape is None else autoescape
    extra = tuple(sorted((filters or {}).items()))
    return _environment(kind, escape, finalize, extra, _override(kind))


class _Compiled(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept between runs (keyed by each template's source, so an edited
    template is compiled again): compiling the site's templates cost a sixth of building
    a small year. A cache that cannot be read or written is simply not used."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, ValueError, EOFError):
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with suppress(OSError):
            super().dump_bytecode(bucket)


@cache
def _bytecode_cache(setup: str) -> jinja2.BytecodeCache | None:
    """Compiled templates in the cache folder (cachedir); `setup` names the
    environment's options, which the compiled code depends on."""
    folder = cache_folder() / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _Compiled(str(folder), f"jinja-{jinja2.__version__}-{setup}-%s.cache")


@cache
def _environment(kind: str, autoescape: bool, finalize: Callable[[Any], Any] | None,
                 filters: tuple[tuple[str, Callable[..., Any]], ...],
                 override: Path | None) -> jinja2.Environment:
    package = jinja2.FileSystemLoader([TEMPLATES / k for k in _SEARCHED.get(kind, (kind,))])
    loader: jinja2.BaseLoader = package if override is None else jinja2.ChoiceLoader(
        [jinja2.FileSystemLoader(override), package])
    env = jinja2.Environment(
        loader=loader,
        autoescape=autoescape,
        finalize=finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=_bytecode_cache(f"{kind}-{int(autoescape)}{int(finalize is not None)}"),
    )
    if kind in _INLINE:
        env.filters["inline"] = _INLINE[kind]
    if autoescape:  # the site's table cells (macros.html), also found by the diff's pages
        from .htmlcells import cell_html, rows_html

        env.filters["cell_html"] = cell_html
        env.filters["rows_html"] = rows_html
    env.filters.update(dict(filters))
    return env


def render(kind: str, name: str, **context: Any) -> str:
    """Render one template of `kind` with the default environment of that kind."""
    return environment(kind).get_template(name).render(**context)


def macro(kind: str, template: str, name: str) -> Callable[..., Any]:
    """A macro of a template, to be called from Python (its output is Markup when escaped)."""
    function: Callable[..., Any] = getattr(environment(kind).get_template(template).module, name)
    return function


def generate(kind: str, name: str, **context: Any) -> Iterator[str]:
    """Render one template piece by piece (a page too large to hold whole)."""
    return environment(kind).get_template(name).generate(**context)


_PARSED: weakref.WeakKeyDictionary[jinja2.Template, tuple[frozenset[str], tuple[str | None, ...]]] \
    = weakref.WeakKeyDictionary()


def _names(env: jinja2.Environment, template: jinja2.Template
           ) -> tuple[frozenset[str], tuple[str | None, ...]]:
    """The context variables one template reads, and the templates it names (None: by a
    variable), parsed once per template object (an edited file is a new object)."""
    found = _PARSED.get(template)
    if found is None:
        assert env.loader is not None and template.name is not None
        tree = env.parse(env.loader.get_source(env, template.name)[0])
        found = (frozenset(jinja2.meta.find_undeclared_variables(tree)),
                 tuple(jinja2.meta.find_referenced_templates(tree)))
        _PARSED[template] = found
    return found


def reads(kind: str, name: str) -> tuple[tuple[jinja2.Template, ...], frozenset[str]] | None:
    """The templates a page of template `name` is made from (itself and what it extends,
    includes or imports) and every context variable they read; None when one of them
    names another through a variable, so that what it reads cannot be known."""
    env = environment(kind)
    templates: list[jinja2.Template] = []
    names: set[str] = set()
    todo, seen = [name], set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        template = env.get_template(current)
        templates.append(template)
        read, named = _names(env, template)
        names |= read
        for other in named:
            if other is None:
                return None
            todo.append(other)
    return tuple(templates), frozenset(names)
