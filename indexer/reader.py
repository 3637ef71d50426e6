"""Stage 1: read a corpus folder into ``SourceRecord``s, reporting what it cannot read.

Formats: ``*.txt`` (text as scraped; a saved page's source behind that name is read as HTML),
``*.html``/``*.htm`` (a saved page),
``*.jsonl`` (one bulletin per line with ``text`` or ``html``). A sidecar
``NAME.meta.json`` beside a text or HTML file gives metadata fields. Every file
is either read or reported as ``Skipped`` with a reason, and one bad file or
line never stops the run.

Ids are stable: the path below the corpus root without its extension, and for
a JSONL record its ``id`` or ``FILE-STEM/LINE-NUMBER``.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

from search.textnorm import clean_unicode, is_digits
from search.vocabulary import QUARTERS, canonical_province, topic_ids

from .dates import parse_date
from .decoding import DecodeError, decode, decode_text
from .fingerprint import pipeline_fingerprint
from .records import Skipped, SourceRecord

DEFAULT_MAX_BYTES = 20_000_000
FILE_KINDS = {".txt": "text", ".html": "html", ".htm": "html"}
SIDECAR = ".meta.json"
GIVEN_FIELDS = ("title", "url", "published", "province", "district", "year", "quarter", "topics")
_SAFE_ID = re.compile(r"^[\w.-]+(?:/[\w.-]+)*$")
# a saved web page behind a .txt name (a scraper that kept the page's source): read as the page it is
_SAVED_PAGE = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)
SAVED_PAGE_NOTE = "a saved web page in a text file: read as HTML"


def discover(root: Path, exclude: Path | None = None) -> Iterator[Path]:
    """Every non-hidden file below ``root`` (but not below ``exclude``), in a stable order."""
    skip = exclude.resolve() if exclude else None
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and (Path(folder) / d).resolve() != skip)
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(folder) / name


def read_corpus(root: Path, max_bytes: int = DEFAULT_MAX_BYTES, exclude: Path | None = None,
                known: Mapping[str, str] | None = None) -> Iterator[SourceRecord | Skipped]:
    """Read every bulletin below ``root`` (an index folder inside it is ``exclude``-d).

    ``known`` maps ids to the digests already indexed: a file whose digest is its id's is not decoded
    (its record has an empty body), which makes a run over an unchanged corpus mostly file reading.
    """
    root = Path(root)
    seen: dict[str, str] = {}
    for path in discover(root, exclude):
        rel = path.relative_to(root).as_posix()
        for item in _read_path(root, path, rel, max_bytes, known):
            if isinstance(item, SourceRecord):
                if item.id in seen:
                    item = Skipped(item.origin, f"duplicate id '{item.id}' (first read from {seen[item.id]})")
                else:
                    seen[item.id] = item.origin
            yield item


def _read_path(root: Path, path: Path, rel: str, max_bytes: int,
               known: Mapping[str, str] | None) -> Iterator[SourceRecord | Skipped]:
    name = path.name.lower()
    if name.endswith(SIDECAR):
        if not _sidecar_owner(path):
            yield Skipped(rel, "sidecar without a bulletin beside it")
        return
    suffix = path.suffix.lower()
    if suffix in FILE_KINDS:
        yield _read_file(path, rel, FILE_KINDS[suffix], max_bytes, known)
    elif suffix == ".jsonl":
        yield from _read_jsonl(path, rel, max_bytes)
    else:
        yield Skipped(rel, f"unsupported file type '{suffix or path.name}' "
                           "(expected .txt, .html, .htm or .jsonl)")


def _sidecar_owner(sidecar: Path) -> Path | None:
    stem = sidecar.name[: -len(SIDECAR)]
    for suffix in FILE_KINDS:
        for candidate in (stem + suffix, stem + suffix.upper()):
            if (sidecar.parent / candidate).exists():
                return sidecar.parent / candidate
    return None


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """A file's bytes, or ``OSError``/``ValueError`` with a readable message."""
    if path.is_symlink() and not path.exists():
        raise OSError("broken symbolic link")
    size = path.stat().st_size
    if size > max_bytes:
        raise ValueError(f"too large: {size:,} bytes (limit {max_bytes:,})")
    with open(path, "rb") as handle:
        return handle.read(max_bytes + 1)


def _read_file(path: Path, rel: str, kind: str, max_bytes: int,
               known: Mapping[str, str] | None = None) -> SourceRecord | Skipped:
    record_id = rel.rsplit(".", 1)[0]
    try:
        data = read_bytes(path, max_bytes)
        given, warnings, sidecar_bytes = _read_sidecar(path, rel)
        if kind == "text" and _SAVED_PAGE.match(data[:4096]):
            kind = "html"
            warnings.append(SAVED_PAGE_NOTE)
        digest = _digest(kind, data, sidecar_bytes)
        if known is not None and known.get(record_id) == digest:
            # indexed before from these very bytes by this very pipeline: nothing to decode
            return SourceRecord(id=record_id, origin=rel, kind=kind, body="", given=given, digest=digest,
                                warnings=warnings)
        decoded = decode_text(data, html=kind == "html")
    except DecodeError as error:
        return Skipped(rel, str(error))
    except ValueError as error:
        return Skipped(rel, str(error))
    except OSError as error:
        return Skipped(rel, f"unreadable: {error.strerror or error}")
    if not decoded.text.strip():
        return Skipped(rel, "empty file")
    return SourceRecord(id=record_id, origin=rel, kind=kind, body=decoded.text, given=given, digest=digest,
                        warnings=warnings, converted_from=decoded.encoding if decoded.converted else None)


def _read_sidecar(path: Path, rel: str) -> tuple[dict, list[str], bytes]:
    sidecar = path.with_name(path.name[: -len(path.suffix)] + SIDECAR)
    if not sidecar.exists():
        return {}, [], b""
    try:
        raw = sidecar.read_bytes()
        data = json.loads(decode(raw))
    except (OSError, DecodeError, ValueError) as error:
        return {}, [f"sidecar {sidecar.name} ignored: {error}"], b""
    if not isinstance(data, dict):
        return {}, [f"sidecar {sidecar.name} ignored: not a JSON object"], b""
    given, warnings = validate_given(data)
    return given, warnings, raw


def _read_jsonl(path: Path, rel: str, max_bytes: int) -> Iterator[SourceRecord | Skipped]:
    stem = rel.rsplit(".", 1)[0]
    try:
        handle = open(path, "rb")
    except OSError as error:
        yield Skipped(rel, f"unreadable: {error.strerror or error}")
        return
    with handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            origin = f"{rel}:{number}"
            if len(line) > max_bytes:
                yield Skipped(origin, f"too large: {len(line):,} bytes (limit {max_bytes:,})")
                continue
            yield _jsonl_record(line, origin, f"{stem}/{number}")


def _jsonl_record(line: bytes, origin: str, default_id: str) -> SourceRecord | Skipped:
    try:
        decoded = decode_text(line.rstrip(b"\r\n"))
        data = json.loads(decoded.text)
    except DecodeError as error:
        return Skipped(origin, str(error))
    except ValueError as error:
        return Skipped(origin, f"malformed JSON: {error}")
    if not isinstance(data, dict):
        return Skipped(origin, "not a JSON object")
    kind = "html" if isinstance(data.get("html"), str) and not isinstance(data.get("text"), str) else "text"
    body = data.get(kind)
    if not isinstance(body, str) or not body.strip():
        return Skipped(origin, "no 'text' or 'html' field with content")
    record_id = data.get("id", default_id)
    if isinstance(record_id, int) and not isinstance(record_id, bool):
        record_id = str(record_id)
    if not isinstance(record_id, str) or not _SAFE_ID.match(record_id) or ".." in record_id.split("/"):
        return Skipped(origin, f"invalid id {record_id!r} (letters, digits, '_', '-', '.' and '/' only)")
    given, warnings = validate_given(data)
    return SourceRecord(id=record_id, origin=origin, kind=kind, body=clean_unicode(body),
                        given=given, digest=_digest(kind, line, b""), warnings=warnings,
                        converted_from=decoded.encoding if decoded.converted else None)


def validate_given(data: dict) -> tuple[dict, list[str]]:
    """Keep the known metadata fields with valid values; warn about the rest."""
    given: dict = {}
    warnings: list[str] = []
    for name in GIVEN_FIELDS:
        if data.get(name) in (None, "") or (data.get(name) == [] and name != "topics"):
            continue
        value, problem = _check(name, data[name])
        if problem:
            warnings.append(f"given {name} ignored: {problem}")
        else:
            given[name] = value
    return given, warnings


def _check(name: str, value) -> tuple[object, str | None]:
    if name in ("title", "url", "district"):
        return (value.strip(), None) if isinstance(value, str) else (None, "not a string")
    if name == "province":
        found = canonical_province(value) if isinstance(value, str) else None
        return (found, None) if found else (None, f"unknown province {value!r}")
    if name == "year":
        year = int(value) if isinstance(value, int) or (isinstance(value, str) and is_digits(value)) else None
        return (year, None) if year and 1945 <= year <= 2100 else (None, f"not a year: {value!r}")
    if name == "quarter":
        code = str(value).upper()
        return (code, None) if code in QUARTERS else (None, f"not one of {', '.join(QUARTERS)}: {value!r}")
    if name == "published":
        return _check_date(value)
    if name == "topics":
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(t, str) for t in items):
            return None, "not a list of topic ids"
        unknown = [t for t in items if t not in topic_ids()]
        return (items, None) if not unknown else (None, f"unknown topics {unknown}")
    return None, "unknown field"


def _check_date(value) -> tuple[object, str | None]:
    date = parse_date(value.strip()) if isinstance(value, str) else None
    if date:
        return date, None
    return None, f"not a date (YYYY-MM-DD): {value!r}"


def _digest(kind: str, data: bytes, sidecar: bytes) -> str:
    hasher = hashlib.sha256(f"{pipeline_fingerprint()}\0{kind}\0".encode())
    hasher.update(data)
    hasher.update(b"\0")
    hasher.update(sidecar)
    return hasher.hexdigest()[:32]
