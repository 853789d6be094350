"""The design card: Jinja templates, CSS and Typst layout, one folder per output kind.

This file only makes the folder the `jigyo.templates` package of the wheel
(see setup.py); the renderers find it with `importlib.resources`.
"""
