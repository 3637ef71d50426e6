"""Figures quality: the figures our index extracted (``indexer.figures``) against hand labels.

The labels are ``bench/real/figures.jsonl`` (format and conventions in ``bench/real/FIGURES.md`` once merged:
``{"id", "figures": [{"indicator", "value", "unit", "period", "year", "scope", "scope_level", "sentence"}]}``).
A figure is correct when its indicator, value, unit, period (with its year) and scope all equal a labelled figure
of the same bulletin (each labelled figure matched once); an agency's scope matches when one name holds the
other (the labels append the province to an agency name that lacks it; "tỉnh" or "thành phố" before it
aside), both being agencies' (a province's figure is never an agency's whose name holds the province's).
Precision = correct / extracted, recall = correct / labelled, per indicator and overall. ``bench.quality`` calls
``figure_quality`` for each real split with the figures its index holds; the dev report lists the wrong and missed
figures, test's none.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from search.textnorm import folded_key

LABELS = "figures.jsonl"
_PROVINCE_WORD = re.compile(r"(?<!\w)(?:tinh|thanh pho|tp\.?)(?!\w)")
_UNIT = re.compile(r"^(?:tinh|thanh pho|huyen|thi xa|quan|tp\.?|xa|phuong|thi tran|dac khu)\s+")


def read_figure_labels(real: Path) -> dict[str, list[dict]] | None:
    """id -> labelled figures, or None when the collection has no figure labels yet."""
    path = Path(real) / LABELS
    if not path.is_file():
        return None
    with open(path, encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return {row["id"]: row["figures"] for row in rows}


def _key(figure: dict) -> tuple:
    period = figure.get("period") or None
    return (figure["indicator"], round(float(figure["value"]), 4), figure["unit"], period, figure.get("year"))


def _scope_key(scope: str | None) -> str:
    """A scope compared without its unit word: "huyện Châu Thành" is "Châu Thành", "xã Vĩnh An" is "Vĩnh An"."""
    return _UNIT.sub("", folded_key(scope or "")).strip()


def _same_scope(got: dict, want: dict) -> bool:
    mine, theirs = _scope_key(got.get("scope")), _scope_key(want.get("scope"))
    if mine == theirs:
        return True
    agency = got.get("scope_level") == want.get("scope_level") == "agency"  # never a province inside an agency's name
    if agency:  # "Trung tâm Hành chính công Quảng Ninh" is "... công tỉnh Quảng Ninh"
        mine, theirs = (" ".join(_PROVINCE_WORD.sub(" ", name).split()) for name in (mine, theirs))
    return agency and bool(mine) and bool(theirs) and (mine in theirs or theirs in mine)


def match_figures(got: list[dict], want: list[dict]) -> tuple[list[dict], list[dict], list[dict]]:
    """(correct, wrong, missed) of one bulletin: each labelled figure matched at most once."""
    left = list(want)
    correct, wrong = [], []
    for figure in got:
        found = next((w for w in left if _key(w) == _key(figure) and _same_scope(figure, w)), None)
        if found is None:
            wrong.append(figure)
        else:
            left.remove(found)
            correct.append(figure)
    return correct, wrong, left


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def figure_quality(extracted: dict[str, list[dict]], labels: dict[str, list[dict]]) -> dict:
    """Precision and recall per indicator and overall over the labelled bulletins, and what was wrong or
    missed (bulletin id, indicator, value, unit, period, year, scope)."""
    counts = {name: Counter() for name in ("extracted", "labelled", "correct")}
    wrong, missed = [], []
    for doc_id, want in labels.items():
        got = extracted.get(doc_id) or []
        correct, bad, left = match_figures(got, want)
        for name, rows in (("extracted", got), ("labelled", want), ("correct", correct)):
            counts[name].update(f["indicator"] for f in rows)
        wrong += [_line(doc_id, f) for f in bad]
        missed += [_line(doc_id, f) for f in left]
    indicators = sorted(set(counts["extracted"]) | set(counts["labelled"]))
    per = {code: _scores(counts["extracted"][code], counts["labelled"][code], counts["correct"][code])
           for code in indicators}
    totals = [sum(c.values()) for c in (counts["extracted"], counts["labelled"], counts["correct"])]
    return {"bulletins": len(labels), "overall": _scores(*totals), "per_indicator": per,
            "wrong": wrong, "missed": missed}


def _scores(extracted: int, labelled: int, correct: int) -> dict:
    return {"extracted": extracted, "labelled": labelled, "correct": correct,
            "precision": _ratio(correct, extracted), "recall": _ratio(correct, labelled)}


def _line(doc_id: str, figure: dict) -> str:
    return (f"{doc_id} {figure['indicator']} {figure['value']:g} {figure['unit']} {figure.get('period')} "
            f"{figure.get('year')} {figure.get('scope')} ({figure.get('scope_level')})")


def markdown_lines(quality: dict, listed: bool) -> list[str]:
    """The figures section of one split's report; ``listed``: also the wrong and missed figures (dev only)."""
    def cell(value):
        return "–" if value is None else f"{value:.3f}"

    lines = ["### Figures against the hand labels", "",
             "A figure is correct when indicator, value, unit, period and year, and scope all match a labelled one.",
             "", "| indicator | labelled | extracted | correct | precision | recall |",
             "|---|---:|---:|---:|---:|---:|"]
    for code, row in [*quality["per_indicator"].items(), ("**all**", quality["overall"])]:
        lines.append(f"| {code} | {row['labelled']} | {row['extracted']} | {row['correct']} | "
                     f"{cell(row['precision'])} | {cell(row['recall'])} |")
    if listed:
        for title, key in (("Wrong (extracted, not labelled):", "wrong"),
                           ("Missed (labelled, not extracted):", "missed")):
            lines += ["", title, ""] + ([f"- {line}" for line in quality[key]] or ["None."])
    return lines
