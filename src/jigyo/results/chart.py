"""The summary chart: one stacked bar per unit, drawn at build time as static SVG.

The SVG is self-contained (no script, no external font or style), carries
role="img" with a <title> and a <desc> that says every number in words, and
writes each bar's counts as text beside it, so it reads without JavaScript,
in print and to a screen reader. Colours differ in lightness as well as hue
and the legend names each one.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from .summary import Summary, Tally

COLOURS: tuple[str, ...] = ("#1b5e20", "#4caf50", "#f9a825", "#c62828", "#6d4c41", "#5c6bc0",
                            "#00838f", "#ad1457")
"""Fill of each word of the vocabulary in order; 未記入 is always grey."""
MISSING = "#bdbdbd"
WIDTH = 720
LABEL_H = 18
BAR_H = 16
ROW_H = LABEL_H + BAR_H + 10
BAR_W = 660
FONT = "font-family=\"Noto Sans CJK JP, sans-serif\""


def _attr(text: str) -> str:
    return escape(text, {'"': "&quot;"})


def _colour(index: int, columns: int) -> str:
    return MISSING if index == columns - 1 else COLOURS[index % len(COLOURS)]


def _words(summary: Summary, tally: Tally) -> str:
    count = summary.labels.count_form
    parts = [word + count.format(n=n)
             for word, n in zip(summary.statuses, tally.counts, strict=True) if n]
    return "、".join(parts) or count.format(n=0)


def chart_svg(summary: Summary, title: str, ident: str) -> str:
    """The chart as SVG text; `ident` makes its ids unique within a page."""
    units = summary.units
    most = max((t.total for t in units), default=0) or 1
    legend_y = 8 + ROW_H * len(units) + 6
    height = legend_y + 24
    desc = "。".join(f"{t.label}: {_words(summary, t)}" for t in units)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
           f'width="{WIDTH}" height="{height}" role="img" '
           f'aria-labelledby="{ident}-title {ident}-desc">',
           f'<title id="{ident}-title">{escape(title)}</title>',
           f'<desc id="{ident}-desc">{escape(desc)}</desc>']
    for row, tally in enumerate(units):
        y = 8 + row * ROW_H
        out.append(f'<text x="0" y="{y + 13}" font-size="13" {FONT} fill="#212121">'
                   f'{escape(tally.label)}<tspan font-size="11" fill="#424242">　'
                   f'{escape(_words(summary, tally))}</tspan></text>')
        x = 0.0
        for index, count in enumerate(tally.counts):
            if not count:
                continue
            w = BAR_W * count / most
            out.append(f'<rect x="{x:.1f}" y="{y + LABEL_H}" width="{w:.1f}" height="{BAR_H}" '
                       f'fill="{_colour(index, len(tally.counts))}" stroke="#ffffff" '
                       f'stroke-width="1"/>')
            x += w
        out.append(f'<text x="{x + 6:.1f}" y="{y + LABEL_H + 12}" font-size="11" {FONT} '
                   f'fill="#212121">{tally.total}件</text>')
    x = 0
    for index, word in enumerate(summary.statuses):
        out.append(f'<rect x="{x}" y="{legend_y}" width="12" height="12" '
                   f'fill="{_colour(index, len(summary.statuses))}"/>')
        out.append(f'<text x="{x + 16}" y="{legend_y + 11}" font-size="12" {FONT} '
                   f'fill="#212121">{escape(word)}</text>')
        x += 16 + 13 * len(word) + 18
    out.append("</svg>")
    return "\n".join(out) + "\n"
