"""Comparing two years of plans: what changed, for a reviewer and a board (新旧対照表).

The differ reads views (:mod:`jigyo.layout`), never the models, so every label
and number it shows is the one the plan prints.

- :mod:`.tree` builds comparable nodes from the views and matches them across years;
- :mod:`.walk` walks each matched unit once, giving its changes (:mod:`.records`,
  classified by :mod:`.classify`) and its 新旧 rows (aligned by :mod:`.align`);
- :mod:`.compare` is the entry point: ``diff_views(old, new, …)`` / ``diff_years(old, new)``;
- :mod:`.sides` says what ``jigyo diff`` arguments mean: ``compare(plans, specs, base)``;
- :mod:`.formats` holds the one registry of output formats: ``render(reports, name, options)``;
- :mod:`.site` gives the website its comparison pages: ``comparison(old, new)``;
- :mod:`.coverage` lists every model field as compared or ignored.

This package module stays empty so that importing the format registry is cheap.
"""
