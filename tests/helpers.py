"""Helpers that make test inputs the way real crawls produce them."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

from bench.generate import write_corpus
from indexer.builder import build_index

TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Encode Vietnamese text as Windows-1258 does: base letters precomposed, tone marks combining."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


def dead_pid() -> int:
    """The id of a process that has exited: what a writer killed mid-write leaves in a temporary's name."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def changed_index(root: Path, size: int, every: int, removed: slice) -> Path:
    """``size`` generated bulletins indexed, then every ``every``-th changed and the ``removed`` ones deleted,
    indexed again: several segments and deleted documents, as an index that has lived a while."""
    corpus = write_corpus(size, root / "corpus")
    build_index(corpus, root / "index", jobs=1)
    for path in sorted(corpus.glob("*.txt"))[::every]:
        path.write_text(path.read_text(encoding="utf-8") + "\n\nCập nhật: một cửa liên thông.", encoding="utf-8")
    for path in sorted(corpus.glob("*.txt"))[removed]:
        path.unlink()
    build_index(corpus, root / "index", jobs=1)
    return root / "index"


def engine_over(texts: dict[str, str], root: Path):
    """A ``SearchEngine`` over a real index on disk of ``texts`` (id -> the text of ``<id>.txt``)."""
    from search.engine import SearchEngine

    (root / "corpus").mkdir(parents=True)
    for name, text in texts.items():
        (root / "corpus" / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    build_index(root / "corpus", root / "index", jobs=1)
    return SearchEngine(root / "index")


def client_over(corpus: Path, root: Path):
    """A Flask test client of the web app over a real index of ``corpus`` built at ``root`` (request limits off)."""
    from webapp import create_app

    build_index(corpus, root, jobs=1)
    return create_app({"INDEX": str(root), "RATE_LIMIT": "", "EXPORT_RATE_LIMIT": ""}).test_client()


def holding(response) -> list:
    """The hits that match a query as typed: with quoted phrases followed by their words (``phrase_matches``), the
    bulletins holding the phrases; every hit otherwise."""
    return response.results[:response.phrase_matches] if response.phrase_matches is not None else response.results


def ranked_ids(engine, query: str, **options) -> list[str]:
    """The ids of a search's first page, best first."""
    from search.models import make_request

    return [hit.id for hit in engine.run_search(make_request(query, **options)).results]


def portal_head(size: int) -> str:
    """An ASCII ``<head>`` of at least ``size`` characters, inline CSS and scripts as portals write them."""
    rules = [f".menu-{n} a:hover, .box-{n} > li {{ margin: 0 {n % 9}px; color: #{n * 2654435761 % 0xFFFFFF:06x}; }}"
             for n in range(size // 70 + 1)]
    script = ("window.dataLayer = window.dataLayer || [];\n"
              "function gtag() { dataLayer.push(arguments); }\n"
              "var banners = [" + ", ".join(f"'/images/banner-{n}.jpg'" for n in range(40)) + "];\n"
              "if (a < b && b > 0) { document.write('<div class=\"x\">' + banners[0] + '</div>'); }\n")
    return ("<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">\n"
            "<style type=\"text/css\">\n" + "\n".join(rules) + "\n</style>\n"
            "<!-- <p>a comment that looks like text</p> -->\n"
            "<script type=\"text/javascript\">\n" + script + "</script>\n</head>\n")
