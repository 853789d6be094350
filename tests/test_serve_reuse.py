"""`jigyo serve` builds again only what a save changed, and the site is the one a fresh build
gives: after an edit of a unit, of the settings, of a template, and after a broken save."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jigyo import loader
from jigyo.build import build
from jigyo.serve import BuildState, rebuild

from .conftest import REAL


def _site(out: Path) -> dict[str, bytes]:
    site = out / "site"
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


class Preview:
    """A preview's builds (as `jigyo serve` makes them on each save) of a copy of the plans."""

    def __init__(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.root = tmp_path / "project"
        self.plans = self.root / "plans"
        shutil.copytree(REAL, self.plans)
        self.out = tmp_path / "served"
        self.fresh = tmp_path / "fresh"
        self.state = BuildState()
        self.told: list[tuple[str, bool]] = []
        self.parsed: list[str] = []
        parse = loader.parse

        def counted(path: Path, raw: bytes, *args: object, **kwargs: object) -> object:
            self.parsed.append(path.name)
            return parse(path, raw, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(loader, "parse", counted)

    def save(self, name: str, old: str, new: str) -> None:
        path = self.plans / "2020" / name if not name.startswith("/") else self.root / name[1:]
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def own_template(self, name: str, old: str, new: str) -> None:
        """The council's own `templates/html/<name>`: the package's with `old` replaced."""
        own = self.root / "templates" / "html"
        own.mkdir(parents=True, exist_ok=True)
        text = (Path(__file__).parents[1] / "templates" / "html" / name).read_text(
            encoding="utf-8")
        assert old in text
        (own / name).write_text(text.replace(old, new), encoding="utf-8")

    def add_unit(self) -> None:
        """A new unit file, houjin-shinki.yaml (法人新規係), copied from houjin-unei.yaml."""
        unit = (self.plans / "2020" / "houjin-unei.yaml").read_text(encoding="utf-8")
        (self.plans / "2020" / "houjin-shinki.yaml").write_text(
            unit.replace("section: 法人運営係", "section: 法人新規係"), encoding="utf-8")

    def page(self, name: str) -> str:
        return (self.out / "site" / "2020" / name).read_text(encoding="utf-8")

    def rebuild(self) -> None:
        self.parsed.clear()
        rebuild(self.plans, self.out, self.state, lambda text, bad: self.told.append((text, bad)))

    def same_as_a_fresh_build(self) -> bool:
        shutil.rmtree(self.fresh, ignore_errors=True)
        build(self.plans, self.fresh, ["html"])
        return _site(self.out) == _site(self.fresh)


@pytest.fixture
def preview(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Preview:
    made = Preview(tmp_path, monkeypatch)
    made.rebuild()
    assert made.told == [("組版しました。", False)]
    return made


def test_a_saved_unit_is_the_only_file_read_again(preview: Preview):
    preview.rebuild()
    assert preview.parsed == []  # nothing changed: no unit file is read again
    preview.save("houjin-unei.yaml", "理事会", "理事会（定例）")
    preview.rebuild()
    assert preview.parsed == ["houjin-unei.yaml"]
    page = preview.page("houjin-unei.html")
    assert "理事会（定例）" in page
    assert preview.same_as_a_fresh_build()


def test_settings_and_templates_edited_during_the_preview_reach_every_page(preview: Preview):
    (preview.plans / "jigyo.yaml").write_text("columns:\n  target: 成果目標\n",
                                               encoding="utf-8")
    preview.rebuild()
    assert preview.told[-1] == ("組版しました。", False)
    page = preview.page("houjin-unei.html")
    assert ">成果目標</th>" in page
    assert preview.same_as_a_fresh_build()
    preview.own_template("macros.html", '<section class="initiative"',
                         '<section class="initiative own"')
    preview.rebuild()
    page = preview.page("houjin-unei.html")
    assert '<section class="initiative own"' in page
    assert preview.same_as_a_fresh_build()


def test_after_a_broken_save_the_fix_gives_the_fresh_site(preview: Preview):
    preview.save("kenri-yougo.yaml", "department:", "department: [")
    preview.rebuild()
    assert preview.told[-1][1] is True  # the error is shown, the last good site stays
    preview.save("kenri-yougo.yaml", "department: [", "department:")
    preview.save("houjin-unei.yaml", "理事会", "評議員会")
    preview.rebuild()
    # kenri-yougo.yaml is back to the bytes the last good build read: it is not read again
    assert preview.parsed == ["houjin-unei.yaml"]
    assert preview.told[-1] == ("組版しました。", False)
    assert preview.same_as_a_fresh_build()


def test_a_new_unit_and_a_deleted_one_renumber_the_search_index(preview: Preview):
    preview.add_unit()
    preview.rebuild()
    assert preview.parsed == ["houjin-shinki.yaml"]
    assert "法人新規係" in (preview.out / "site" / "assets" / "search-index.js").read_text(
        encoding="utf-8")
    assert preview.same_as_a_fresh_build()
    (preview.plans / "2020" / "houjin-shinki.yaml").unlink()
    preview.rebuild()
    assert not (preview.out / "site" / "2020" / "houjin-shinki.html").exists()
    assert preview.same_as_a_fresh_build()


def test_pages_a_save_leaves_as_they_were_are_linked_not_written_again(preview: Preview):
    site = preview.out / "site" / "2020"
    before = {p.name: p.stat().st_ino for p in site.iterdir()}
    preview.save("houjin-unei.yaml", "理事会", "理事会（定例）")
    preview.rebuild()
    after = {p.name: p.stat().st_ino for p in site.iterdir()}
    assert after["houjin-unei.html"] != before["houjin-unei.html"]  # its page changed
    assert after["all.html"] != before["all.html"]
    kept = [name for name in before if before[name] == after[name]]
    assert "kenri-yougo.html" in kept and len(kept) >= len(before) - 3
    assert preview.same_as_a_fresh_build()


def test_a_page_changed_by_hand_in_the_output_is_written_afresh(preview: Preview):
    page = preview.out / "site" / "2020" / "kenri-yougo.html"
    page.write_text("消してしまった", encoding="utf-8")  # a file under the served folder edited
    preview.save("houjin-unei.yaml", "理事会", "理事会（定例）")
    preview.rebuild()
    assert "消してしまった" not in page.read_text(encoding="utf-8")
    assert preview.same_as_a_fresh_build()


def test_unit_pages_a_save_does_not_touch_are_not_rendered_again(
        preview: Preview, monkeypatch: pytest.MonkeyPatch):
    from jigyo.renderers import html

    rendered: list[str] = []
    render = html.render

    def counted(kind: str, name: str, **context: object) -> str:
        if name == "unit.html":
            rendered.append(str(context["page_title"]))
        return render(kind, name, **context)

    monkeypatch.setattr(html, "render", counted)
    preview.save("houjin-unei.yaml", "理事会", "理事会（定例）")
    preview.rebuild()
    assert len(rendered) == 1 and rendered[0].startswith("法人運営係")
    assert preview.same_as_a_fresh_build()


def test_the_unit_page_reads_nothing_of_the_year_it_is_not_given():
    """A unit page is kept while what its templates read is unchanged; the year view is new
    on every build, so jigyo's own unit page must not read it (a council's may: see below)."""
    from jigyo.renderers.templating import reads

    found = reads("html", "unit.html")
    assert found is not None
    templates, names = found
    assert [t.name for t in templates] == ["unit.html", "base.html"]
    assert "year" not in names and {"unit", "body", "switcher", "breadcrumbs"} <= names


def test_a_councils_unit_page_that_reads_the_year_is_rendered_on_every_build(
        preview: Preview):
    preview.own_template("unit.html", '<h1 class="banner">',
                         '<p class="own-count">{{ year.units|length }} 単位</p>\n'
                         '<h1 class="banner">')
    preview.rebuild()
    assert "11 単位" in preview.page("kenri-yougo.html")
    preview.add_unit()
    preview.rebuild()
    assert "12 単位" in preview.page("kenri-yougo.html")  # an untouched unit's page, made again
    assert preview.same_as_a_fresh_build()


def test_values_a_page_reads_are_the_same_when_equal_and_views_only_when_kept():
    from jigyo.reuse import same_reads

    crumbs = [("事業計画", "index.html")]
    view = object()
    assert same_reads({"title": "a", "crumbs": crumbs, "unit": view},
                      {"title": "a", "crumbs": list(crumbs), "unit": view})
    assert not same_reads({"unit": view}, {"unit": object()})
    assert not same_reads({"title": "a"}, {"title": "b"})
    assert not same_reads({"title": "a"}, {"title": "a", "year": view})


def test_a_councils_unit_page_edited_during_the_preview_reaches_every_unit_page(
        preview: Preview):
    preview.own_template("unit.html", '<h1 class="banner">', '<h1 class="banner own">')
    preview.rebuild()
    assert '<h1 class="banner own">' in preview.page("kenri-yougo.html")
    preview.own_template("unit.html", '<h1 class="banner">', '<h1 class="banner own2">')
    preview.rebuild()
    assert '<h1 class="banner own2">' in preview.page("kenri-yougo.html")
    assert preview.same_as_a_fresh_build()
