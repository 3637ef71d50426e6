"""Stage 3b, the figures' text (``indexer.figures``): what a bulletin says about all its figures (``Context``) and
where its sentences start and end (``sentences``), a place's "TP." not taken for a sentence's end."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .places import district_mentions, provinces_named

_CAPITAL_AFTER = r"\s+(?:[\"“(]|[-–+•*]\s*)?[A-ZÀ-Ỹ0-9]"  # what follows a sentence's end mark: a capital or a
# digit, also after a bullet: items run on one line (". + Chỉ số cải cách hành chính ...")
# A sentence: its first character, then runs of characters that cannot end it taken whole, and ". ! ?" that do not
# end it one at a time, up to its end mark or line break. The same spans as the shortest run up to an end
# (``[^\n]+?(?:end)``), 5x faster: that form tried both ends after every character.
_SENTENCE = re.compile(r"[^\n][^\n.!?]*(?:[.!?](?!" + _CAPITAL_AFTER + r")[^\n.!?]*)*"
                       r"(?:[.!?](?=" + _CAPITAL_AFTER + r")|[.!?]?(?=\n|$))")
_CITY_DOT = ("TP.", "Tp.")  # "UBND TP. Nha Trang": the abbreviation of "thành phố", no sentence end before a place


@dataclass(frozen=True)
class Context:
    """What the bulletin says about all its figures."""

    province: str | None
    district: str | None
    year: int | None
    period: str | None
    title: str = ""  # the headline: the index a bulletin announces when no sentence before a figure names one


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``: ended by ". ! ?" before a capital, or by a line break; not by
    the dot of "TP." before the name of a place ("UBND TP. Nha Trang đã giải quyết ...")."""
    spans = []
    for m in _SENTENCE.finditer(text):
        found = m.group()
        if found.strip():
            start = m.start() + len(found) - len(found.lstrip())
            end = m.end() - (len(found) - len(found.rstrip()))
            if spans and text[spans[-1][1] - 3:spans[-1][1]] in _CITY_DOT and "\n" not in text[spans[-1][1]:start] \
                    and _place_at(text[start:start + 40]):
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
    return spans


def _place_at(text: str) -> bool:
    """Whether ``text`` opens on the name of a province or district ("Nha Trang trong quý III ...")."""
    names = provinces_named(text) | {d for (_, d) in district_mentions("TP. " + text)}
    return any(text.startswith(name) for name in names)
