"""The plan as every output shows it: numbered, labelled, and laid out as a table.

Renderers (HTML, Markdown, PDF), the JSON export, search and the differ share
these views, so numbering, fixed words (:mod:`.labels`), anchors and merged
cells are decided once, here, and never in a template. Text stays as the user
wrote it (inline Markdown); each renderer converts it for its own format.

- :mod:`.labels`: the vocabulary and numbering forms (one `Labels` object);
- :mod:`.views`: the view classes;
- :mod:`.table`: the table laid out with merged cells, and written out flat;
- :mod:`.derive`: building the views from the loaded plan.
"""

from ..numbering import jnum
from .derive import blocks, commissioned, initiative_view, unit_view, year_view
from .labels import LABELS, Labels, era_label
from .table import entry_numbers, lines, marker
from .views import (
    BlockView,
    CellText,
    CellView,
    DepartmentView,
    EntryRow,
    EntryView,
    FlatRow,
    GroupView,
    InitiativeView,
    RowView,
    UnitView,
    YearView,
)

__all__ = [
    "LABELS", "BlockView", "CellText", "CellView", "DepartmentView", "EntryRow", "EntryView",
    "FlatRow", "GroupView", "InitiativeView", "Labels", "RowView", "UnitView", "YearView",
    "blocks", "commissioned", "entry_numbers", "era_label", "initiative_view", "jnum",
    "lines", "marker", "unit_view", "year_view",
]
