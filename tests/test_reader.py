import json
import os

from indexer.reader import read_corpus
from indexer.records import Skipped, SourceRecord
from tests.helpers import to_cp1258

ARTICLE = "Hội nghị cải cách hành chính\n\nNội dung bài viết về cải cách hành chính của tỉnh."


def _summary(items):
    return [(type(i).__name__, i.id if isinstance(i, SourceRecord) else i.origin,
             i.kind if isinstance(i, SourceRecord) else i.reason) for i in items]


def test_every_format_is_read_and_every_problem_reported(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text(f"<html><body><h1>T</h1><p>{ARTICLE}</p></body></html>")
    (tmp_path / "c.txt").write_bytes(to_cp1258(ARTICLE))
    (tmp_path / "d.txt").write_bytes(ARTICLE.encode("utf-16"))
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "doc.pdf.txt").write_bytes(b"%PDF-1.4 binary")
    (tmp_path / "big.txt").write_text("x" * 5000)
    (tmp_path / "notes.md").write_text("# notes")
    (tmp_path / "orphan.meta.json").write_text("{}")
    os.symlink(tmp_path / "missing.txt", tmp_path / "link.txt")
    lines = [
        json.dumps({"id": "j-1", "text": ARTICLE, "province": "cao bang"}),
        "{not json",
        json.dumps({"text": ARTICLE}),
        json.dumps(["a list"]),
        json.dumps({"id": "j-1", "text": ARTICLE}),
        json.dumps({"title": "no body"}),
        json.dumps({"id": "../etc/passwd", "text": ARTICLE}),
        "",
        json.dumps({"html": f"<p>{ARTICLE}</p>"}),
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines), encoding="utf-8")
    items = list(read_corpus(tmp_path, max_bytes=4000))
    assert _summary(items) == [
        ("SourceRecord", "a", "text"),
        ("SourceRecord", "j-1", "text"),
        ("Skipped", "batch.jsonl:2", "malformed JSON: Expecting property name enclosed in double quotes: "
                                     "line 1 column 2 (char 1)"),
        ("SourceRecord", "batch/3", "text"),
        ("Skipped", "batch.jsonl:4", "not a JSON object"),
        ("Skipped", "batch.jsonl:5", "duplicate id 'j-1' (first read from batch.jsonl:1)"),
        ("Skipped", "batch.jsonl:6", "no 'text' or 'html' field with content"),
        ("Skipped", "batch.jsonl:7", "invalid id '../etc/passwd' (letters, digits, '_', '-', '.' and '/' only)"),
        ("SourceRecord", "batch/9", "html"),
        ("Skipped", "big.txt", "too large: 5,000 bytes (limit 4,000)"),
        ("SourceRecord", "c", "text"),
        ("SourceRecord", "d", "text"),
        ("Skipped", "doc.pdf.txt", "not text: a PDF document"),
        ("Skipped", "empty.txt", "empty file"),
        ("Skipped", "link.txt", "unreadable: broken symbolic link"),
        ("Skipped", "notes.md", "unsupported file type '.md' (expected .txt, .html, .htm or .jsonl)"),
        ("Skipped", "orphan.meta.json", "sidecar without a bulletin beside it"),
        ("SourceRecord", "sub/b", "html"),
    ]
    by_id = {i.id: i for i in items if isinstance(i, SourceRecord)}
    assert by_id["c"].body == by_id["a"].body == by_id["d"].body == ARTICLE
    assert by_id["j-1"].given == {"province": "Cao Bằng"}


def test_sidecar_fields_are_validated(tmp_path):
    (tmp_path / "x.txt").write_text(ARTICLE)
    (tmp_path / "x.meta.json").write_text(json.dumps({
        "url": "https://sonla.gov.vn/a", "year": "2020", "quarter": "h1", "published": "05/01/2021",
        "province": "Atlantis", "topics": ["thu_tuc", "nope"], "district": "Mộc Châu", "extra": 1}))
    (record,) = read_corpus(tmp_path)
    assert record.given == {"url": "https://sonla.gov.vn/a", "year": 2020, "quarter": "H1",
                            "published": "2021-01-05", "district": "Mộc Châu"}
    assert record.warnings == ["given province ignored: unknown province 'Atlantis'",
                               "given topics ignored: unknown topics ['nope']"]


def test_ids_and_digests_are_stable(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    first = next(iter(read_corpus(tmp_path)))
    second = next(iter(read_corpus(tmp_path)))
    assert (first.id, first.digest) == (second.id, second.digest)
    (tmp_path / "a.txt").write_text(ARTICLE + " thêm")
    assert next(iter(read_corpus(tmp_path))).digest != first.digest
    assert isinstance(next(iter(read_corpus(tmp_path, max_bytes=10))), Skipped)


def test_a_saved_page_behind_a_text_name_is_read_as_html(tmp_path):
    """A scraper that kept a page's source under .txt: the file is read as the page it is, and says so."""
    page = f"\ufeff  <!DOCTYPE html>\n<html><head><title>T</title></head><body><p>{ARTICLE}</p></body></html>"
    (tmp_path / "saved.txt").write_text(page, encoding="utf-8")
    (tmp_path / "told.txt").write_text(f"Trang <html> trong bài.\n\n{ARTICLE}", encoding="utf-8")
    items = {item.id: item for item in read_corpus(tmp_path)}
    assert (items["saved"].kind, items["saved"].warnings) == ("html", ["a saved web page in a text file: read as HTML"])
    assert (items["told"].kind, items["told"].warnings) == ("text", [])
