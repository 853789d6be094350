"""Starting a new plans repository: `jigyo init`.

Writes everything a council needs to begin, and nothing that exists already:
the settings file, the first year's year.yaml, one commented sample unit, the
schemas and the editor settings that map them, .gitignore, requirements.txt,
the pull-request workflow and a short README. `jigyo check` and `jigyo build`
pass at once in the new folder.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .errors import JigyoError
from .fsutil import write_atomic
from .renderers.templating import TEMPLATES
from .schema import schemas

DEPARTMENT = "総務課"
"""The one department of the sample, so that it passes `jigyo check` as written."""


class InitError(JigyoError):
    """The folder already holds what init would write, or a value is missing."""


@dataclass(frozen=True)
class Project:
    organization: str
    year: int
    title: str = "事業計画"


def _yaml_text(value: str) -> str:
    """A YAML scalar for user text (a JSON string is a valid double-quoted YAML scalar)."""
    return json.dumps(value, ensure_ascii=False)


def _settings(project: Project) -> str:
    return (
        "# yaml-language-server: $schema=../schema/settings.schema.json\n"
        "# 計画の形の設定です。書かなかったものは既定の形（事業計画・課・係・１．・(1)・令和２年度）になります。\n"
        f"title: {_yaml_text(project.title)}\n"
        "# era: wareki            # 令和６年度 / wareki_seireki: 令和６年度（2024年度）/ seireki: 2024年度\n"
        "# levels:                # 階層の呼び名\n"
        "#   department: 課\n"
        "#   section: 係\n"
        "#   initiative: 取り組み\n"
        "# numbering:             # 番号の形（１．、(1)、①、ア、(ア)、第1、Ⅰ、【1】、none など）\n"
        "#   initiative: １．\n"
        "#   entry: (1)\n"
        "# columns:               # 表の列の見出し\n"
        "#   item: 項目\n"
        "#   content: 内容\n"
        "#   target: 目標値\n"
        "# lint: {}               # jigyo lint の設定\n"
        "# results: {}            # 事業報告（実績）の設定\n"
    )


def _year_file(project: Project) -> str:
    return (
        "# yaml-language-server: $schema=../../schema/year.schema.json\n"
        f"fiscal_year: {project.year}\n"
        f"organization: {_yaml_text(project.organization)}\n"
        "draft: true  # 理事会で承認されたら false にします\n"
        "departments:\n"
        f"  - name: {DEPARTMENT}\n"
        "    units: [sample]\n"
    )


def _editor_settings() -> str:
    mapping = {"yaml.schemas": {
        "./schema/settings.schema.json": ["plans/jigyo.yaml"],
        "./schema/year.schema.json": ["plans/*/year.yaml"],
        "./schema/unit.schema.json": ["plans/*/*.yaml", "!plans/*/year.yaml"],
    }}
    return json.dumps(mapping, ensure_ascii=False, indent=2) + "\n"


def files(project: Project) -> dict[str, str]:
    """Relative path → text of every file init writes."""
    starter = TEMPLATES / "init"
    params = {"organization": project.organization, "title": project.title,
              "year": project.year, "next_year": project.year + 1, "department": DEPARTMENT}
    out = {
        "plans/jigyo.yaml": _settings(project),
        f"plans/{project.year}/year.yaml": _year_file(project),
        f"plans/{project.year}/sample.yaml":
            (starter / "sample.yaml").read_text(encoding="utf-8").format(**params),
        ".vscode/settings.json": _editor_settings(),
        ".gitignore": "build/\n.venv/\n",
        "requirements.txt": "jigyo\n",
        ".github/workflows/plan-review.yml":
            (starter / "plan-review.yml").read_text(encoding="utf-8"),
        "README.md": (starter / "README.md").read_text(encoding="utf-8").format(**params),
    }
    out |= {f"schema/{name}": text for name, text in schemas().items()}
    return out


def init(folder: Path, project: Project) -> list[Path]:
    """Write the new project into `folder`; refuses (InitError) if any file exists."""
    planned = files(project)
    for rel in sorted(planned):
        if (folder / rel).exists() or (folder / rel).is_symlink():
            raise InitError("init_exists", path=(folder / rel).as_posix())
    if (folder / "plans").exists():
        raise InitError("init_exists", path=(folder / "plans").as_posix())
    written = []
    for rel, text in sorted(planned.items()):
        write_atomic(folder / rel, text)
        written.append(folder / rel)
    return written
