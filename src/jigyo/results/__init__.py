"""事業報告 and 進行管理: results recorded against the plan, and the report built from them.

`model` says what a results file may hold, `config` reads the 達成状況 words
from plans/jigyo.yaml, `keys` names plan entries by path, `loader` matches
results to the plan, `skeleton` writes `jigyo results new`, `quantity` reads
目標値 as numbers, `report` and `summary` prepare what the outputs show,
`chart` draws the summary as SVG, `outputs` hands the report files to the build.
"""
