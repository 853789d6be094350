"""The settings of one organization's plan: plans/jigyo.yaml and a year's overrides.

- :mod:`.model`: what the file may say (also the JSON Schema);
- :mod:`.read`: reading it with located Japanese errors;
- :mod:`.labels`: the settings turned into the views' :class:`~jigyo.layout.Labels`.
"""

SETTINGS_FILE = "jigyo.yaml"
"""The settings file, at the top of the plans folder."""
