"""How a score was made: an evaluated query's arrays kept as a ``Trace`` tree, read for one document.

``search.vector`` keeps each node's match mask and scores when a request asks
for explanations (Elasticsearch's ``explain``); ``explain`` reads from them the
value of every node that contributed to one document's score, down to each
term, and ``describe`` labels the nodes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from whoosh import query as wq

from .clauses import BestMatch, Lift, Sequence


@dataclass
class Trace:
    """One node of an evaluated query: what it is, and its match mask and scores over every document."""

    label: str
    mask: np.ndarray
    scores: np.ndarray
    children: list = field(default_factory=list)
    boost: float = 1.0


def explain(trace: Trace, docnum: int) -> dict:
    """How ``docnum``'s score was made: this node's value and those of the children that matched it.

    A node whose value is more than its matched children's sum (a best match's lift for holding every
    word) says so with a ``lift`` entry.
    """
    out = {"value": round(float(trace.scores[docnum]), 6), "description": trace.label}
    if trace.label.startswith(LIFTED):  # a lift: its query's value times the factor it earns (its lifts decide,
        # they add nothing themselves)
        inner = explain(trace.children[0], docnum)
        times = out["value"] / trace.boost / inner["value"] if inner["value"] else 1.0
        out["details"] = [inner, {"value": round(times, 6), "description": "times"}]
        return out
    details = [explain(child, docnum) for child in trace.children if child.mask[docnum]]
    if details:
        out["details"] = details
        if trace.boost != 1.0:
            out["boost"] = trace.boost
        rest = float(trace.scores[docnum]) / trace.boost - sum(float(child.scores[docnum])
                                                               for child in trace.children if child.mask[docnum])
        if trace.label.startswith("best match") and rest > 1e-6:  # from the unrounded values: no rounding noise
            out["details"].append({"value": round(rest, 6), "description": "lift: every word present"})
    return out


LIFTED = "times 1 +"  # how a lift's explanation opens


def describe(node) -> str:
    """A short label of a query node for explanations."""
    boost = f" ^{node.boost:g}" if getattr(node, "boost", 1.0) != 1.0 else ""
    if isinstance(node, wq.Term):
        return f"{node.fieldname}:{node.text}{boost}"
    if isinstance(node, Sequence):
        return f"{node.fieldname}:\"{' '.join(node.pairs)}\" (in sequence){boost}"
    if isinstance(node, Lift):
        return f"{LIFTED} {node.factor:g} {node.label}{boost}"
    if isinstance(node, BestMatch):
        return f"best match of {', '.join(node.labels)} (share >= {node.min_share:g}){boost}"
    names = {wq.And: "all of", wq.Or: "sum of", wq.AndMaybe: "required, plus optional", wq.Not: "not",
             wq.Every: "every bulletin"}
    return names.get(type(node), type(node).__name__) + boost
