"""The measures: ranking quality of one result list, and metadata agreement with labels.

Ranking (per query, from the ids an engine ranked and the graded judgements):
recall@10 (relevant = grade >= 1; found in the top 10 over the number relevant,
at most 10), the reciprocal rank of the first relevant result (0 when none is in
the list), and nDCG@10 with the grade as gain and a log2 discount, the ideal
ordering taken from the judgements.

Metadata (over a collection, from the extracted and the labelled values):
per-field accuracy (exact equality, null equal to null), wrong provinces (a
value extracted that differs from the label; nothing extracted is a miss, not
an error) and micro-averaged topic precision, recall and F1.

>>> recall_at(["a", "x", "b"], {"a": 2, "b": 1, "c": 1})
0.6667
>>> reciprocal_rank(["x", "a"], {"a": 2})
0.5
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable

CUTOFF = 10
DIGITS = 4  # every figure is rounded here, so reports and tests compare stable numbers
METADATA_FIELDS = ("title", "province", "province_2025", "district", "year", "quarter", "published")


def _round(value: float) -> float:
    return round(value, DIGITS)


def recall_at(ranked: list[str], relevant: dict[str, int], cutoff: int = CUTOFF) -> float:
    """Share of the relevant bulletins found in the first ``cutoff`` (denominator at most ``cutoff``)."""
    found = sum(1 for doc in ranked[:cutoff] if doc in relevant)
    return _round(found / min(cutoff, len(relevant)))


def reciprocal_rank(ranked: list[str], relevant: dict[str, int], cutoff: int = CUTOFF) -> float:
    """1 / the rank of the first relevant bulletin in the first ``cutoff``; 0.0 when there is none."""
    for rank, doc in enumerate(ranked[:cutoff], 1):
        if doc in relevant:
            return _round(1 / rank)
    return 0.0


def _dcg(gains: Iterable[int]) -> float:
    return sum(gain / math.log2(rank + 1) for rank, gain in enumerate(gains, 1))


def ndcg_at(ranked: list[str], relevant: dict[str, int], cutoff: int = CUTOFF) -> float:
    """DCG of the first ``cutoff`` (gain = grade) over the DCG of the best possible ordering."""
    ideal = _dcg(sorted(relevant.values(), reverse=True)[:cutoff])
    return _round(_dcg(relevant.get(doc, 0) for doc in ranked[:cutoff]) / ideal)


def score_ranking(ranked: list[str], relevant: dict[str, int]) -> dict:
    """The three measures of one ranked list."""
    return {"recall@10": recall_at(ranked, relevant), "rr": reciprocal_rank(ranked, relevant),
            "ndcg@10": ndcg_at(ranked, relevant)}


def average(scores: list[dict]) -> dict:
    """Mean recall@10, MRR and nDCG@10 over per-query scores, with the number of queries (0.0 for none)."""
    count = len(scores)
    return {"queries": count,
            "recall@10": _round(sum(s["recall@10"] for s in scores) / max(count, 1)),
            "mrr": _round(sum(s["rr"] for s in scores) / max(count, 1)),
            "ndcg@10": _round(sum(s["ndcg@10"] for s in scores) / max(count, 1))}


def same_title(extracted: str | None, label: str | None) -> bool:
    """Titles compared after NFC and collapsing whitespace."""
    def clean(text):
        return None if text is None else " ".join(unicodedata.normalize("NFC", text).split())
    return clean(extracted) == clean(label)


def field_right(name: str, extracted, label) -> bool:
    """Whether one extracted field agrees with its label (null equal to null)."""
    return same_title(extracted, label) if name == "title" else extracted == label


def field_accuracy(pairs: list[tuple[dict, dict]]) -> dict[str, float]:
    """Per field, the share of (extracted, label) pairs that agree."""
    return {name: _round(sum(field_right(name, got.get(name), want.get(name)) for got, want in pairs) / len(pairs))
            for name in METADATA_FIELDS}


def headline_titles(pairs: list[tuple[dict, dict]]) -> dict:
    """Titles right among the bulletins labelled with a headline, the way issue 18 reports them
    ("34 of 44 with a headline"): a page without one is left out of this figure."""
    labelled = [(got, want) for got, want in pairs if want.get("title") is not None]
    right = sum(same_title(got.get("title"), want["title"]) for got, want in labelled)
    return {"right": right, "of": len(labelled), "accuracy": _ratio(right, len(labelled))}


def province_errors(pairs: list[tuple[str, dict, dict]]) -> dict:
    """Ids whose extracted province is wrong (a different value) or missed (none where the label has one)."""
    wrong = [doc for doc, got, want in pairs if got.get("province") is not None
             and got.get("province") != want.get("province")]
    missed = [doc for doc, got, want in pairs if got.get("province") is None and want.get("province") is not None]
    return {"wrong": wrong, "missed": missed}


def _ratio(part: int, whole: int) -> float:
    """part / whole, and 1.0 when there is nothing to divide (nothing claimed, nothing wrong)."""
    return _round(part / whole) if whole else 1.0


def topic_scores(pairs: list[tuple[dict, dict]]) -> dict:
    """Micro precision, recall and F1 of extracted ``topics`` against labelled ``topics``."""
    extracted = labelled = agreed = 0
    for got, want in pairs:
        found, expected = set(got.get("topics") or []), set(want.get("topics") or [])
        extracted, labelled, agreed = extracted + len(found), labelled + len(expected), agreed + len(found & expected)
    precision, recall = _ratio(agreed, extracted), _ratio(agreed, labelled)
    f1 = _round(2 * precision * recall / (precision + recall)) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}
