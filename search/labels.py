"""Display labels of facet values in Vietnamese and English, for pages, facet buckets and the command line.

The labels are data (``data/labels.json``). Nothing here is indexed, so this
module and its file are outside the indexing pipeline: editing a label
re-extracts no bulletin (``indexer.fingerprint``).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "labels.json"


@cache
def _labels() -> dict:
    with open(DATA, encoding="utf-8") as handle:
        return json.load(handle)


def topic_label(topic_id: str, lang: str = "vi") -> str:
    """A topic's label in ``lang`` ("vi" or "en"); its id when it has none.

    >>> topic_label("thu_tuc"), topic_label("thu_tuc", "en")
    ('Cải cách thủ tục hành chính', 'Administrative procedures')
    """
    return _labels()["topics"].get(topic_id, {}).get("en" if lang == "en" else "vi", topic_id)


def quarter_label(code: str, lang: str = "vi") -> str:
    """A reporting period's label in ``lang``; its code when it has none.

    >>> quarter_label("H1"), quarter_label("H1", "en"), quarter_label("Q5")
    ('6 tháng đầu năm', 'First half', 'Q5')
    """
    return _labels()["quarters"].get(code, {}).get("en" if lang == "en" else "vi", code)
