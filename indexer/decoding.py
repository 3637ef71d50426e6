"""Bytes to text: the encodings Vietnamese documents have used, and what is not text.

UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark are
read first and cheaply. Bytes that are not UTF-8 get candidate readings -
Windows-1258 (older Vietnamese sites; its tone marks are combining characters),
an HTML page's declared charset, and the pre-Unicode font encodings TCVN3 and
VNI-Windows (``legacy_encodings``) - and the reading in which most words are
Vietnamese syllables wins (``syllables``). Readings are compared on a sample
of the text: for an HTML page the text it shows (``visible_text``: what stands
outside ``<head>``, ``<script>``, ``<style>``, comments and tags), wherever it
starts, since portals inline tens of kilobytes of ASCII CSS and scripts that
read alike in every encoding; for other files their first characters. Unicode text that holds TCVN3 or
VNI-Windows mojibake (a legacy file once opened as Windows-1252 and saved as
Unicode: "C¶i c¸ch", "Caûi caùch") is converted the same way, but only when the
Latin-1 symbols such mojibake is made of are a good share of its non-ASCII
characters (a cheap test, so ordinary UTF-8 is never scored) and the converted
text scores clearly better. Text comes out in NFC.

Binary files (PDF, Office, images, anything with NUL bytes), damaged UTF-8 and
bytes that no reading makes Vietnamese raise ``DecodeError`` with a reason a
person can act on.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import AnyStr

from search.textnorm import clean_unicode

from .legacy_encodings import ENCODINGS, mojibake_signs, to_unicode
from .syllables import vietnamese_score

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
# Unicode text without any character that TCVN3 or VNI-Windows mojibake is made of is taken as it is, unscored
_MOJIBAKE_SIGN = re.compile(f"[{re.escape(mojibake_signs())}]")
_NON_ASCII = re.compile("[^\x00-\x7f]")
SIGN_SHARE = 0.1  # mojibake signs among the non-ASCII characters of Unicode text that make it worth scoring
PLAUSIBLE = 0.5  # least share of Vietnamese syllables (among words with non-ASCII letters) to accept a reading
MARGIN = 0.2  # how much better a converted reading of Unicode text must score than the text as it is
SAMPLE_SIZE = 32_000  # readings are compared on this many bytes (or characters) of text: some 5,000 words
SCAN_LIMIT = 1_000_000  # an HTML page's shown text is looked for in its first bytes (bounded work for huge files)
CODEC_NAMES = {"cp1258": "Windows-1258"}
NOT_VIETNAMESE = "not plausible Vietnamese text in any known encoding"


class DecodeError(ValueError):
    """The bytes are not text in a supported encoding."""


@dataclass(frozen=True)
class Decoded:
    """A file's text and the encoding it was read in."""

    text: str  # NFC
    encoding: str  # "UTF-8", "UTF-16", "Windows-1258", "TCVN3", "VNI-Windows mojibake in UTF-8", ...
    converted: bool = False  # True when converted from a legacy font encoding (TCVN3, VNI-Windows)


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
    """Decode a file's bytes to NFC text, or raise ``DecodeError`` (see ``decode_text``)."""
    return decode_text(data, html).text


def decode_text(data: bytes, html: bool = False) -> Decoded:
    """Decode a file's bytes to NFC text and say which encoding they were in.

    :raises DecodeError: binary data, damaged UTF-8 or UTF-16, or no plausible Vietnamese reading.

    >>> decode_text(b"C\\xb6i c\\xb8ch h\\xb5nh ch\\xddnh")
    Decoded(text='Cải cách hành chính', encoding='TCVN3', converted=True)
    """
    if data.startswith(codecs.BOM_UTF8):
        return _unicode(_strict(data[3:], "utf-8"), "UTF-8", html)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _unicode(_strict(data, "utf-16"), "UTF-16", html)
    kind = _binary_kind(data)
    if kind:
        raise DecodeError(f"not text: {kind}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return _legacy(data, html, error)
    return _unicode(text, "UTF-8", html)


def _unicode(text: str, encoding: str, html: bool = False) -> Decoded:
    """Unicode text as it is, or converted when it is clearly TCVN3 or VNI-Windows mojibake."""
    sample = _sample(text, html)
    if _looks_like_mojibake(sample):
        scores = {name: vietnamese_score(to_unicode(sample, name)) for name in ENCODINGS}
        legacy = max(scores, key=scores.get)
        if scores[legacy] >= PLAUSIBLE and scores[legacy] >= vietnamese_score(sample) + MARGIN:
            return Decoded(clean_unicode(to_unicode(text, legacy)), f"{legacy} mojibake in {encoding}", True)
    return Decoded(clean_unicode(text), encoding)


def _looks_like_mojibake(sample: str) -> bool:
    """Cheap test before scoring: mojibake signs make up a good share of the non-ASCII characters.

    A "©" or "«" in a Vietnamese page does not qualify; TCVN3 and VNI-Windows mojibake always does.
    """
    if not _MOJIBAKE_SIGN.search(sample):
        return False
    return len(_MOJIBAKE_SIGN.findall(sample)) >= SIGN_SHARE * len(_NON_ASCII.findall(sample))


def _legacy(data: bytes, html: bool, utf8_error: UnicodeDecodeError) -> Decoded:
    """Not UTF-8: the candidate reading in which the text is most Vietnamese."""
    if _mostly_utf8(data):
        raise DecodeError(f"invalid UTF-8 at byte {utf8_error.start} "
                          "(the rest of the file is UTF-8, so it is not read as Windows-1258)")
    sample = _sample(data, html)
    best, best_score = None, -1.0
    for name, read in _readings(data, html):
        score = vietnamese_score(read(sample))
        if score > best_score:  # the first of equal readings wins: a declared charset, then Windows-1258
            best, best_score = (name, read), score
    if best is None or best_score < PLAUSIBLE:
        raise DecodeError(NOT_VIETNAMESE)
    name, read = best
    return Decoded(clean_unicode(read(data)), name, name in ENCODINGS)


def _sample(data: AnyStr, html: bool) -> AnyStr:
    """What readings are compared on: a page's shown text when it has any non-ASCII, else the first characters."""
    if html:
        shown = visible_text(data)
        if not shown.isascii():
            return shown
    return data[:SAMPLE_SIZE]


def _markup_patterns(kind: type) -> tuple[re.Pattern, dict, re.Pattern]:
    """(the start of a tag or comment, the end of each hidden element by its opening, the rest of a tag).

    The opening group is ``!--``, ``head``, ``script`` or ``style``, or the first character of any other tag.
    """
    def pattern(text: str) -> re.Pattern:
        return re.compile(text.encode("ascii") if kind is bytes else text, re.I)

    opening = pattern(r"<(!--|(?:head|script|style)(?=[\s/>])|[a-z/!?])")
    hidden = {"!--": pattern("-->"), "script": pattern(r"</script\s*>"), "style": pattern(r"</style\s*>"),
              "head": pattern(r"</head\s*>|(?=<body[\s/>])")}  # a <head> left open ends where <body> starts
    if kind is bytes:
        hidden = {name.encode("ascii"): end for name, end in hidden.items()}
    return opening, hidden, pattern(r"""(?:"[^"]*"|'[^']*'|[^'">])*>""")  # quoted values may hold ">"


_MARKUP = {kind: _markup_patterns(kind) for kind in (str, bytes)}


def visible_text(markup: AnyStr, size: int = SAMPLE_SIZE, limit: int = SCAN_LIMIT) -> AnyStr:
    """The first ``size`` characters (or bytes) of the text an HTML page shows, its pieces joined by a space.

    Only the first ``limit`` characters are looked at, so the work is bounded however large the page;
    an element, comment or tag left open there hides the rest.

    >>> visible_text("<html><head><style>p{}</style><title>T</title></head><!-- x --><p>Cải <b>cách</b></p>")
    'Cải  cách'
    >>> visible_text(b"<script>a<b</script>\\xb6 <p class='x>'>ok")
    b'\\xb6  ok'
    """
    opening, hidden, tag_rest = _MARKUP[type(markup)]
    data, pieces, found, position = markup[:limit], [], 0, 0
    while found < size and position is not None:
        tag = opening.search(data, position)
        piece = data[position:tag.start() if tag else len(data)]
        if piece.strip():
            pieces.append(piece)
            found += len(piece)
        position = _past(data, tag, hidden, tag_rest)
    return (" " if isinstance(markup, str) else b" ").join(pieces)[:size]


def _past(data: AnyStr, tag: re.Match | None, hidden: dict, tag_rest: re.Pattern) -> int | None:
    """Where shown text may resume after ``tag`` (a tag, comment or hidden element); None: not in ``data``."""
    if tag is None:
        return None
    closing = hidden.get(tag.group(1).lower())
    end = closing.search(data, tag.end()) if closing else tag_rest.match(data, tag.end())
    return end.end() if end else None


def _readings(data: bytes, html: bool):
    """(name, bytes -> text) for every encoding the whole of ``data`` can be read in, in order of preference."""
    declared = _declared_charset(data) if html else None
    for codec in dict.fromkeys(filter(None, [declared, "cp1258"])):
        try:
            data.decode(codec)
        except UnicodeDecodeError:
            continue
        yield CODEC_NAMES.get(codec, codec), lambda raw, codec=codec: raw.decode(codec, errors="replace")
    for name in ENCODINGS:
        yield name, lambda raw, name=name: to_unicode(byte_text(raw), name)


def byte_text(data: bytes) -> str:
    """Bytes as byte text: one character per byte, as Windows-1252 shows it (Latin-1 where it has none).

    >>> byte_text(b"C\\xb6i \\x93x\\x94 \\x81")
    'C¶i “x” \\x81'
    """
    return data.decode("latin-1").translate(_WINDOWS_1252)


def _windows_1252_table() -> dict[int, str]:
    """The C1 control characters Windows-1252 shows as punctuation and letters."""
    table = {}
    for code in range(0x80, 0xA0):
        try:
            table[code] = bytes([code]).decode("cp1252")
        except UnicodeDecodeError:
            continue
    return table


_WINDOWS_1252 = _windows_1252_table()


def _mostly_utf8(data: bytes) -> bool:
    """True when most non-ASCII bytes form valid UTF-8 sequences: damaged UTF-8."""
    in_sequences = sum(len(m) for m in _UTF8_SEQUENCE.findall(data))
    return in_sequences >= 4 and in_sequences >= 0.5 * len(_HIGH_BYTE.findall(data))


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise DecodeError(f"undecodable: invalid {encoding} at byte {error.start}") from None
