"""No document lost, none invented: a corpus of every bad file a real crawl produces, through `cchc index`.

The command runs in a subprocess exactly as an operator runs it. When the
tests run as root (CI), it runs without the capabilities that let root read
any file (``setpriv`` drops CAP_DAC_OVERRIDE / CAP_DAC_READ_SEARCH), so the
file with no read permission really is unreadable.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS
from tests.helpers import to_cp1258

CCHC = str(Path(sys.executable).with_name("cchc"))
SAMPLES = sorted(CORPUS.glob("*.txt"))


def _unprivileged(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    setpriv = shutil.which("setpriv")
    if not setpriv:
        pytest.skip("running as root without setpriv: a permission-denied file cannot be made")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search", *command]


def _bad_corpus(folder: Path) -> tuple[set[str], dict[str, str]]:
    """Write the corpus; (ids of the good bulletins, expected reason by bad file name)."""
    texts = [p.read_text(encoding="utf-8") for p in SAMPLES]
    good = set()

    def keep(name: str, data: bytes, record_id: str) -> None:
        (folder / name).write_bytes(data)
        good.add(record_id)

    keep("utf8.txt", texts[0].encode("utf-8"), "utf8")
    keep("bom.txt", b"\xef\xbb\xbf" + texts[1].encode("utf-8"), "bom")
    keep("windows-1258.txt", to_cp1258(texts[2]), "windows-1258")
    keep("utf-16.txt", texts[3].encode("utf-16"), "utf-16")
    lines = [json.dumps({"id": "jsonl-good-1", "text": texts[4]}, ensure_ascii=False),
             '{"id": "jsonl-bad", "text": "cut off in the midd',
             json.dumps({"id": "jsonl-good-3", "text": texts[0] + "\nBổ sung."}, ensure_ascii=False),
             json.dumps({"id": "utf8", "text": texts[1]}, ensure_ascii=False)]
    keep("batch.jsonl", "\n".join(lines).encode("utf-8"), "jsonl-good-1")
    good.add("jsonl-good-3")

    bad = {
        "invalid-utf8.txt": texts[0].encode("utf-8")[:3000] + b"\xff\xfe\xc3(" * 40 + texts[0].encode("utf-8")[3000:],
        "empty.txt": b"",
        "scan.pdf.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n" + bytes(range(256)) * 4,
        "huge.txt": None,
        "secret.txt": texts[2].encode("utf-8"),
    }
    for name, data in bad.items():
        if data is not None:
            (folder / name).write_bytes(data)
    with open(folder / "huge.txt", "wb") as handle:  # 50 MB of real text
        block = (texts[3] + "\n").encode("utf-8")
        for _ in range(50 * 1024 * 1024 // len(block) + 1):
            handle.write(block)
    (folder / "secret.txt").chmod(0)
    os.symlink(folder / "gone.txt", folder / "broken-link.txt")
    reasons = {
        "invalid-utf8.txt": "invalid UTF-8 at byte 2999 (the rest of the file is UTF-8, so it is not read as "
                            "Windows-1258)",
        "empty.txt": "empty file",
        "scan.pdf.txt": "not text: a PDF document",
        "huge.txt": "too large: 52,",
        "secret.txt": "unreadable: Permission denied",
        "broken-link.txt": "unreadable: broken symbolic link",
        "batch.jsonl:2": "malformed JSON: Unterminated string",
        # files are read in name order: the JSONL line came first, so the file is the duplicate
        "utf8.txt": "duplicate id 'utf8' (first read from batch.jsonl:4)",
    }
    return good, reasons


def test_every_good_bulletin_is_indexed_and_every_bad_file_reported_by_name(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    corpus, index = work / "corpus", work / "index"
    corpus.mkdir()
    good, reasons = _bad_corpus(corpus)
    before = {p.name: p.stat().st_mtime_ns for p in corpus.iterdir() if not p.is_symlink()}

    run = subprocess.run(_unprivileged([CCHC, "index", "--corpus", str(corpus), "--index", str(index), "--json",
                                        "--jobs", "1"]), capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    skipped = {item["origin"]: item["reason"] for item in report["skipped_files"]}
    assert sorted(skipped) == sorted(reasons)
    for origin, reason in reasons.items():
        assert skipped[origin].startswith(reason), (origin, skipped[origin])
    assert (report["added"], report["skipped"]) == (len(good), len(reasons))

    stats = subprocess.run([CCHC, "stats", "--index", str(index), "--json"], capture_output=True, text=True)
    assert json.loads(stats.stdout)["documents"] == len(good)
    found = subprocess.run([CCHC, "search", "", "--index", str(index), "--json", "--per-page", "100"],
                           capture_output=True, text=True)
    assert {hit["id"] for hit in json.loads(found.stdout)["results"]} == good
    after = {p.name: p.stat().st_mtime_ns for p in corpus.iterdir() if not p.is_symlink()}
    assert after == before  # the corpus is never written to
