"""Bytes to text: the encodings Vietnamese sites have used, and what is not text.

UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark, and
Windows-1258 (older Vietnamese sites; its tone marks are combining characters,
so the result is put in NFC) are decoded. Binary files (PDF, Office, images,
anything with NUL bytes) and text that no supported encoding reads raise
``DecodeError`` with a reason a person can act on.
"""

from __future__ import annotations

import codecs
import re

from search.textnorm import clean_unicode

MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP or Office document",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\x1f\x8b": "a gzip archive",
}
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)
# well-formed multi-byte UTF-8 sequences; Windows-1258 text almost never contains them
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")


class DecodeError(ValueError):
    """The bytes are not text in a supported encoding."""


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in MAGIC.items():
        if data.startswith(magic):
            return kind
    if b"\x00" in data[:8192]:
        return "binary data (NUL bytes)"
    return None


def _declared_charset(data: bytes) -> str | None:
    found = _DECLARED.search(data[:4096])
    if not found:
        return None
    try:
        return codecs.lookup(found.group(1).decode("ascii")).name
    except LookupError:
        return None


def decode(data: bytes, html: bool = False) -> str:
    """Decode a file's bytes to NFC text, or raise ``DecodeError``."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16")
    kind = _binary_kind(data)
    if kind:
        raise DecodeError(f"not text: {kind}")
    try:
        return clean_unicode(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        utf8_error = error
    if _mostly_utf8(data):
        raise DecodeError(f"invalid UTF-8 at byte {utf8_error.start} "
                          "(the rest of the file is UTF-8, so it is not read as Windows-1258)")
    declared = _declared_charset(data) if html else None
    for encoding in dict.fromkeys(filter(None, [declared, "cp1258"])):
        try:
            return clean_unicode(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    raise DecodeError(
        f"undecodable: not UTF-8 (byte {utf8_error.start}) nor Windows-1258"
    )


def _mostly_utf8(data: bytes) -> bool:
    """True when most non-ASCII bytes form valid UTF-8 sequences: damaged UTF-8."""
    in_sequences = sum(len(m) for m in _UTF8_SEQUENCE.findall(data))
    return in_sequences >= 4 and in_sequences >= 0.5 * len(_HIGH_BYTE.findall(data))


def _strict(data: bytes, encoding: str) -> str:
    try:
        return clean_unicode(data.decode(encoding))
    except UnicodeDecodeError as error:
        raise DecodeError(f"undecodable: invalid {encoding} at byte {error.start}") from None
