"""Messages about the settings file (plans/jigyo.yaml) and a year's overrides."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "dict_type": ("ここには「キー: 値」の組（マッピング）を書きます。",
                  "a mapping (key: value pairs) is needed here."),
}
