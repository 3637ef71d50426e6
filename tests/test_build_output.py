"""What a cold build writes, against a record made by the code before issue 19's speed work.

Speed changes to reading, extraction, analysis and writing must leave the index as it was: the stored
fields of every document and the scores of a few queries are compared with ``files/build_recorded.json``
(40 generated bulletins). A change meant to alter what is indexed records the file again:
``python -m tests.test_build_output > tests/files/build_recorded.json``.
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from pathlib import Path

RECORDED = Path(__file__).parent / "files" / "build_recorded.json"
QUERIES = ("cải cách hành chính", "một cửa liên thông", "cai cach hanh chinh quy I nam 2021",
           "\"dịch vụ công\" trực tuyến", "61/2018/NĐ-CP")


def build_output(root: Path) -> dict:
    """The stored fields of a build of 40 generated bulletins (long texts as digests) and the first five
    results of each of ``QUERIES`` with their scores to 9 decimals."""
    from whoosh import index as whoosh_index

    from bench.generate import write_corpus
    from indexer.builder import build_index
    from search import storage
    from search.engine import SearchEngine
    from search.models import make_request

    build_index(write_corpus(40, root / "corpus"), root / "index", jobs=1)
    with whoosh_index.open_dir(str(storage.current_generation(root / "index"))).reader() as reader:
        stored = [_stored(reader.stored_fields(n)) for n in reader.all_doc_ids()]
    engine = SearchEngine(root / "index")
    scores = {}
    for query in QUERIES:
        results = engine.run_search(make_request(query, per_page=5)).results
        scores[query] = [[hit.id, round(hit.score, 9)] for hit in results]
    return {"stored": stored, "scores": scores}


def _stored(fields: dict) -> dict:
    out = {}
    for name, value in sorted(fields.items()):
        if name == "digest":  # the pipeline's fingerprint is in it: any edit of the code changes it
            continue
        if isinstance(value, str) and len(value) > 200:
            value = "sha256:" + hashlib.sha256(value.encode("utf-8")).hexdigest()
        out[name] = value
    return json.loads(json.dumps(out, ensure_ascii=False, default=str))


def test_a_cold_build_stores_and_scores_as_recorded(tmp_path):
    assert build_output(tmp_path) == json.loads(RECORDED.read_text(encoding="utf-8"))


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        json.dump(build_output(Path(folder)), sys.stdout, ensure_ascii=False, indent=1)
        print()
