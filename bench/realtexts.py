"""The real collection (``bench/real``): its files, its fixed dev/test split, and its texts on disk.

Real bulletins are third-party text: only their addresses, the queries that found them, labels and
judgements are committed; the texts sit in the git-ignored ``bench/real/texts/`` (``bench/real/README.md``
says how a helper collects them again with the search tool). This module reads what is committed, says
which texts are missing, and lays one split out as a corpus folder the indexer reads (each text with a
``.meta.json`` giving its address, as a scraper records it).

    python -m bench.realtexts check      # counts per split, texts present and missing
    python -m bench.realtexts missing    # each missing text with the queries that find it
    python -m bench.realtexts verify     # each present text holds its labelled title and figure sentences
    python -m bench.realtexts parts DIR  # the missing texts' queries in parts, one per helper (test's first)
    python -m bench.realtexts assemble DIR  # the helpers' answers in DIR written out as texts
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
import unicodedata
from pathlib import Path

from bench.collection import CollectionError, JudgedQuery, read_jsonl, read_queries

REAL = Path(__file__).resolve().parent / "real"
SPLITS = ("dev", "test")
TEST_SHARE = 2  # of 5: int(sha1(source_url)) % 5 < TEST_SHARE is test


def bulletin_id(source_url: str) -> str:
    """``r`` + the first 10 hex digits of the SHA-1 of the address.

    >>> bulletin_id("https://example.gov.vn/a")
    'r3c9f0081be'
    """
    return "r" + hashlib.sha1(source_url.encode("utf-8")).hexdigest()[:10]


def split_of(source_url: str) -> str:
    """``dev`` or ``test``, fixed once by the address's hash (about 40% test)."""
    return "test" if int(hashlib.sha1(source_url.encode("utf-8")).hexdigest(), 16) % 5 < TEST_SHARE else "dev"


def read_sources(real: Path = REAL) -> list[dict]:
    """``sources.jsonl``: one line per bulletin, checked for a consistent id."""
    sources = read_jsonl(real / "sources.jsonl")
    for source in sources:
        if source.get("id") != bulletin_id(source.get("source_url", "")):
            raise CollectionError(f"sources.jsonl: id {source.get('id')!r} is not the hash of its source_url")
    return sources


def text_path(doc_id: str, real: Path = REAL) -> Path:
    return real / "texts" / f"{doc_id}.txt"


def status(real: Path = REAL) -> dict:
    """Per split: the ids labelled, and those of them whose text is missing."""
    labels = read_jsonl(real / "labels.jsonl")
    urls = {source["id"]: source["source_url"] for source in read_sources(real)}
    out = {split: {"labelled": [], "missing": []} for split in SPLITS}
    for label in labels:
        if label["id"] not in urls:
            raise CollectionError(f"labels.jsonl: {label['id']} has no line in sources.jsonl")
        split = out[split_of(urls[label["id"]])]
        split["labelled"].append(label["id"])
        if not text_path(label["id"], real).is_file():
            split["missing"].append(label["id"])
    return out


def split_collection(split: str | None, folder: Path, real: Path = REAL,
                     queries_file: str = "queries.jsonl") -> tuple[list[JudgedQuery], list[dict], list[str]]:
    """Lay ``split`` (None: the whole collection) out in ``folder``: (queries, labels, ids missing).

    ``folder/corpus`` gets each present text and a sidecar with its address. Each query keeps the
    judgements of the split's present bulletins; a query with none there is left out of this split
    (with ``split`` None every query is kept: the pool for judging is drawn from them).
    """
    urls = {source["id"]: source["source_url"] for source in read_sources(real)}
    labels = [label for label in read_jsonl(real / "labels.jsonl")
              if split is None or split_of(urls[label["id"]]) == split]
    corpus = Path(folder) / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    present, missing = [], []
    for label in labels:
        source = text_path(label["id"], real)
        if not source.is_file():
            missing.append(label["id"])
            continue
        shutil.copyfile(source, corpus / source.name)
        (corpus / f"{label['id']}.meta.json").write_text(json.dumps({"url": urls[label["id"]]}), encoding="utf-8")
        present.append(label)
    ids = {label["id"] for label in present}
    queries = []
    for query in read_queries(real, require_relevant=False, name=queries_file):
        relevant = {doc: grade for doc, grade in query.relevant.items() if doc in ids}
        if relevant or split is None:
            queries.append(JudgedQuery(query.id, query.query, query.kind, query.filters, relevant))
    return queries, present, missing


def _squeezed(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def verify(real: Path = REAL) -> list[tuple[str, str]]:
    """(id, what is not found) for each present text that lacks its labelled title or a figure's sentence:
    a text collected again on a new machine is checked against what its labellers read (spaces squeezed)."""
    expected = _labelled_strings(real)
    problems = []
    for doc_id, wanted in expected.items():
        path = text_path(doc_id, real)
        if not path.is_file():
            continue
        text = _squeezed(path.read_text(encoding="utf-8"))
        problems += [(doc_id, f"{what} not found: {string!r}") for what, string in wanted
                     if _squeezed(string) not in text]
    return problems


def _labelled_strings(real: Path) -> dict[str, list[tuple[str, str]]]:
    """Each bulletin's strings that its labellers read in its text: the labelled title, then each labelled
    figure's sentence, as ``(what, string)``."""
    figures_file = real / "figures.jsonl"
    figures = ({entry["id"]: entry.get("figures", []) for entry in read_jsonl(figures_file)}
               if figures_file.is_file() else {})
    expected = {}
    for label in read_jsonl(real / "labels.jsonl"):
        strings = [("title", label["title"])] if label.get("title") else []
        strings += [("figure sentence", figure["sentence"]) for figure in figures.get(label["id"], [])
                    if figure.get("sentence")]
        expected[label["id"]] = strings
    return expected


def _missing(real: Path) -> set[str]:
    """The ids, of both splits, whose text is missing."""
    return {doc for ids in status(real).values() for doc in ids["missing"]}


def plan_parts(real: Path = REAL, size: int = 48) -> list[list[dict]]:
    """The queries of the missing texts in parts of about ``size``, one helper's work each:
    ``[{"query", "take": [{"id", "url", "k"}, ...]}, ...]`` per part, ``k`` being the query's place among its
    bulletin's queries. Queries that share a bulletin stay in one part (a bulletin's text needs all of its
    excerpts), and parts holding a test bulletin come first: a session's look-ups may run out before the end,
    and the test split is the one reported whole."""
    missing = _missing(real)
    sources = [source for source in read_sources(real) if source["id"] in missing]
    take: dict[str, list[dict]] = {}
    for source in sources:
        for k, query in enumerate(source["queries"]):
            take.setdefault(query, []).append({"id": source["id"], "url": source["source_url"], "k": k})
    groups = _query_groups(sources)
    groups.sort(key=lambda group: not any(split_of(t["url"]) == "test" for q in group for t in take[q]))
    parts: list[list[dict]] = []
    for group in groups:
        if not parts or len(parts[-1]) + len(group) > size:
            parts.append([])
        parts[-1].extend({"query": query, "take": take[query]} for query in group)
    return parts


def _query_groups(sources: list[dict]) -> list[list[str]]:
    """The queries joined by the bulletins they share (union-find), each group in the order first met."""
    parent: dict[str, str] = {}

    def root(query: str) -> str:
        while parent.setdefault(query, query) != query:
            parent[query] = parent[parent[query]]
            query = parent[query]
        return query

    for source in (source for source in sources if source["queries"]):
        first, *others = source["queries"]
        joined = root(first)
        for query in others:
            parent[root(query)] = joined
    groups: dict[str, list[str]] = {}
    for query in parent:
        groups.setdefault(root(query), []).append(query)
    return list(groups.values())


def assemble(answers: Path, real: Path = REAL) -> dict:
    """Write the missing texts from helpers' answers: every ``*.jsonl`` in ``answers`` holds lines
    ``{"id", "k", "excerpt"}`` (or ``{"id", "k", "missing": true}`` where the address was not returned). A
    bulletin's text is written once each of its queries has an excerpt: in query order, joined by a blank line,
    an excerpt already taken not repeated; where an answer held the address twice, the excerpt holding the most
    of what its labellers read (the labelled headline, the labelled figures' sentences) is taken, the last of the
    best. Returns the ids written, those still incomplete, the entries
    reported missing and the lines that do not parse (file:line)."""
    excerpts: dict[tuple[str, int], list[str]] = {}
    reported, unreadable = [], []
    for path in sorted(Path(answers).glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
                key = (entry["id"], int(entry["k"]))
                if entry.get("missing"):
                    reported.append(key)
                else:
                    excerpts.setdefault(key, []).append(entry["excerpt"])
            except (ValueError, KeyError, TypeError):
                unreadable.append(f"{path.name}:{number}")
    expected = _labelled_strings(real)
    missing = _missing(real)
    written, incomplete = [], []
    for source in read_sources(real):
        if source["id"] not in missing:
            continue
        chosen = [_holding(excerpts.get((source["id"], k), []), expected.get(source["id"], []))
                  for k in range(len(source["queries"]))]
        if any(text is None for text in chosen):
            incomplete.append(source["id"])
            continue
        path = text_path(source["id"], real)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n\n".join(dict.fromkeys(chosen)), encoding="utf-8")
        written.append(source["id"])
    return {"written": written, "incomplete": incomplete, "reported_missing": reported, "unreadable": unreadable}


def _holding(options: list[str], expected: list[tuple[str, str]]) -> str | None:
    """The excerpt to keep of those one query returned for an address: the one holding the most of the strings
    its labellers read (the last of the best)."""
    if not options:
        return None
    wanted = [_squeezed(string) for _, string in expected]
    held = [sum(string in _squeezed(text) for string in wanted) for text in options]
    return options[max(range(len(options)), key=lambda i: (held[i], i))]


def main(argv: list[str] | None = None) -> int:
    command = (argv if argv is not None else sys.argv[1:]) or ["check"]
    if command[0] not in ("check", "missing", "verify", "parts", "assemble") or (
            command[0] in ("parts", "assemble")) != (len(command) == 2):
        print("usage: python -m bench.realtexts [check|missing|verify|parts DIR|assemble DIR]", file=sys.stderr)
        return 2
    try:
        found = status()
    except (FileNotFoundError, CollectionError) as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    if command[0] == "parts":
        return _write_parts(Path(command[1]))
    if command[0] == "assemble":
        done = assemble(Path(command[1]))
        print(f"{len(done['written'])} texts written, {len(done['incomplete'])} still lacking an excerpt, "
              f"{len(done['reported_missing'])} excerpts reported missing, {len(done['unreadable'])} lines unreadable")
        for where in done["unreadable"]:
            print(f"unreadable: {where}")
        return 1 if done["unreadable"] else 0
    if command[0] == "verify":
        problems = verify()
        for doc, problem in problems:
            print(f"{doc}: {problem}")
        print(f"{len(problems)} problems in the texts present")
        return 1 if problems else 0
    if command[0] == "check":
        for split, ids in found.items():
            print(f"{split}: {len(ids['labelled'])} labelled, {len(ids['labelled']) - len(ids['missing'])} texts "
                  f"present, {len(ids['missing'])} missing")
        return 0
    sources = {source["id"]: source for source in read_sources()}
    for split, ids in found.items():
        for doc in ids["missing"]:
            print(json.dumps({"id": doc, "split": split, "source_url": sources[doc]["source_url"],
                              "queries": sources[doc]["queries"]}, ensure_ascii=False))
    return 0


def _write_parts(folder: Path) -> int:
    parts = plan_parts()
    folder.mkdir(parents=True, exist_ok=True)
    for number, part in enumerate(parts):
        lines = "".join(json.dumps(entry, ensure_ascii=False) + "\n" for entry in part)
        (folder / f"part{number:02d}.jsonl").write_text(lines, encoding="utf-8")
    print(f"{sum(map(len, parts))} queries in {len(parts)} parts written to {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
