"""Where the wheel's files come from (the metadata lives in pyproject.toml).

The code is found under src/ as usual. The design card's top-level
`templates/` folder stays where designers edit it and is mapped into the
package as `jigyo.templates`, so a wheel carries every template and a plain
`pip install` works; the editable install maps the same folder, so both read
it through `importlib.resources`.
"""

from setuptools import find_namespace_packages, find_packages, setup

TEMPLATE_KINDS = [f"jigyo.templates.{name}" for name in find_namespace_packages("templates")
                  if "__pycache__" not in name]

setup(
    packages=[*find_packages("src"), "jigyo.templates", *TEMPLATE_KINDS],
    package_dir={"": "src", "jigyo.templates": "templates"},
    package_data={"jigyo": ["py.typed"], **{name: ["*"] for name in TEMPLATE_KINDS}},
    exclude_package_data={"": ["__pycache__/*", "*.pyc"]},
)
