"""The year chart as shares: each year's matching bulletins over all its bulletins, as bar geometry.

``share_chart`` draws from ``search.coverage.year_shares`` the same ``Bar``
shapes as ``webapp.chart.year_chart`` (one segment per bar), so the template
draws both alike; the tallest bar is the highest share, and each bar says its
share, count and denominator in words.
"""

from __future__ import annotations

from .chart import AXIS, HEIGHT, WIDTH, Bar, Segment, label_years

SHARE_COLOUR = "#2a7f62"


def percent(share: float, lang: str) -> str:
    """A share as a percentage with one decimal, in the language's decimal mark.

    >>> percent(0.125, "vi"), percent(0.125, "en")
    ('12,5%', '12.5%')
    """
    text = f"{share * 100:.1f}%"
    return text.replace(".", ",") if lang == "vi" else text


def share_caption(row: dict, lang: str) -> str:
    word = "of" if lang == "en" else "trên"
    return f"{row['year']}: {percent(row['share'], lang)} ({row['matching']} {word} {row['all']})"


def share_chart(shares: list[dict], selected: list[str], lang: str) -> list[Bar]:
    """Bars for each year of ``shares`` (oldest first), heights proportional to the share."""
    if not shares or not any(row["matching"] for row in shares):
        return []
    peak = max(row["share"] for row in shares)
    slot = WIDTH / len(shares)
    width = max(4.0, min(48.0, slot * 0.7))
    bars = []
    for i, row in enumerate(shares):
        height = round((HEIGHT - AXIS - 12) * row["share"] / peak, 1)
        caption = share_caption(row, lang)
        segment = Segment("share", caption, row["matching"], round(HEIGHT - AXIS - height, 1), height, SHARE_COLOUR)
        bars.append(Bar(str(row["year"]), row["matching"], round(i * slot + (slot - width) / 2, 1), round(width, 1),
                        [segment] if height else [], str(row["year"]) in selected, caption))
    return label_years(bars, slot)
