"""Which field of every plan model the differ compares, and which it leaves out and why.

A test walks every field of every model in :mod:`jigyo.model` and fails
unless it is listed here, so a new field cannot be forgotten by the diff.
"""

from __future__ import annotations

COMPARED: dict[str, str] = {
    "YearFile.organization": "year change `organization`",
    "YearFile.title": "year change `plan_title`",
    "YearFile.era_label": "year change `era` (the printed era, YearView.era)",
    "YearFile.departments": "課 added, removed and reordered",
    "YearFile.draft": "year change `draft`",
    "YearFile.approved": "year change `approved`",
    "YearFile.published": "year change `published`",
    "YearFile.contact": "year change `contact`",
    "Department.name": "課 added, removed and reordered; a unit's `department`",
    "Department.units": "units reordered within their 課",
    "Unit.department": "unit change `department`",
    "Unit.section": "unit change `section`, and matching",
    "Unit.project": "unit change `project`, and matching",
    "Unit.commissioned_by": "unit change `commissioned` (the printed 受託 suffix)",
    "Unit.policy": "方針 lines",
    "Unit.initiatives": "取り組み added, removed, renamed, moved, reordered",
    "Unit.note": "unit change `note`",
    "Initiative.title": "renamed, and matching",
    "Initiative.commissioned_by": "initiative change `commissioned`",
    "Initiative.policy": "方針 lines",
    "Initiative.numbering": "initiative change `numbering`, and the printed numbers",
    "Initiative.table": "項目 and entries",
    "Initiative.note": "initiative change `note`",
    "Initiative.status": "initiative change `facts` (the printed facts line)",
    "Initiative.funding": "initiative change `facts` (the printed facts line)",
    "Initiative.category": "initiative change `facts` (the printed facts line)",
    "Initiative.schedule": "initiative change `facts` (the printed facts line)",
    "Initiative.owner": "initiative change `facts` (the printed facts line)",
    "Initiative.budget": "initiative change `facts` (the printed facts line)",
    "Initiative.goals": "initiative change `facts` (the goals' titles in the facts line)",
    "Funding.kind": "initiative change `facts`",
    "Funding.source": "initiative change `facts`",
    "Budget.amount": "initiative change `facts`; year change `budget_total`",
    "Budget.unit": "initiative change `facts`; year change `budget_total`",
    "YearFile.basic_policy": "year change `basic_policy` (its printed lines)",
    "YearFile.priorities": "year change `priorities`",
    "YearFile.goals": "year change `goals` (id: title per line)",
    "YearFile.budget_total": "year change `budget_total`",
    "Goal.id": "year change `goals`",
    "Goal.title": "year change `goals`; the facts line of the initiatives serving it",
    "Group.item": "renamed, and matching",
    "Group.entries": "entries added, removed, renamed, moved, reordered",
    "Entry.name": "renamed, and matching",
    "Entry.numbered": "entry change `numbered`",
    "Entry.content": "entry change `content`",
    "Entry.target": "entry change `target`, with its 増減",
    "Entry.rows": "row by row (`row` changes), with the 増減 per row",
    "Entry.note": "entry change `note`",
    "Entry.schedule": "entry change `extra` (its column), else `note` (added to the note)",
    "Entry.owner": "entry change `extra` (its column), else `note` (added to the note)",
    "Entry.budget": "entry change `extra` (its column), else `note` (added to the note)",
    "Entry.remarks": "entry change `extra` (its column), else `note` (added to the note)",
    "Entry.custom": "entry change `extra` (its column), else `note` (added to the note)",
    "Row.content": "row change `content`",
    "Row.target": "row change `target`",
    "Spanning.text": "the merged cell's text as the entry's content or target",
    "Spanning.span": "entry change `content_span` / `target_span`",
    "BulletCell.bullets": "the cell's lines, each after its printed ・",
    "Heading.heading": "方針 line 【…】",
    "Paragraph.text": "方針 line",
    "Bullets.bullets": "方針 lines ・…",
    "Numbered.numbered": "方針 lines １.…",
}
"""Model.field → how the differ reports a change of it."""

IGNORED: dict[str, str] = {
    "YearFile.fiscal_year": "it names the two sides being compared (the report's labels)",
    "YearFile.limits": "limits govern reading the files, not the printed plan",
    "YearFile.settings": "wording only: its effect is compared through the printed views"
                         " (headings, numbers, era), never as settings",
    "Initiative.id": "an id only pins identity across years; it is never printed",
    "Group.id": "an id only pins identity across years; it is never printed",
    "Entry.id": "an id only pins identity across years; it is never printed",
}
"""Model.field → why a change of it is deliberately not reported."""
