"""TCVN3 and VNI-Windows, the font encodings of pre-Unicode Vietnamese documents, to and from Unicode.

Before Unicode, Vietnamese was typed in fonts that drew Vietnamese letters in
the places of Latin-1 characters: TCVN3 (TCVN 5712:1993 VN3, the ABC
".VnTime" fonts) uses one byte per letter, VNI-Windows an ASCII letter followed
by a mark byte. Without the font the same bytes read "C¶i c¸ch" or
"Caûi caùch". The tables are data (``data/legacy_encodings.json``: letter ->
bytes in hexadecimal).

Both directions work on *byte text*: a string whose characters stand for bytes
one to one, as the raw bytes read as Latin-1 give, and as a UTF-8 file does
that a program made by reading such bytes as Windows-1252 or Latin-1.
Characters outside the tables pass through unchanged.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "legacy_encodings.json"
ENCODINGS = ("TCVN3", "VNI-Windows")


@cache
def tables() -> dict[str, dict[str, str]]:
    """Encoding name -> {Vietnamese letter: its bytes as byte text}."""
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    return {name: {letter: bytes.fromhex(code).decode("latin-1") for letter, code in raw[name].items()}
            for name in ENCODINGS}


@cache
def mojibake_signs() -> str:
    """The characters of legacy byte text that are neither ASCII nor Vietnamese letters ("¶", "¸", "û", "ø"...).

    Unicode text without any of them cannot be TCVN3 or VNI-Windows mojibake.
    """
    vietnamese = set(tables()["VNI-Windows"])  # every precomposed Vietnamese letter
    used = {ch for table in tables().values() for code in table.values() for ch in code}
    return "".join(sorted(ch for ch in used - vietnamese if not ch.isascii()))


def _mixed_case(table: dict[str, str]) -> dict[str, str]:
    """Capital base letters followed by lowercase mark bytes ("Aù" for Á), as some VNI keyboards typed them."""
    extra = {}
    for code, letter in table.items():
        if len(code) == 2 and letter.isupper():
            extra.setdefault(code[0] + code[1].lower(), letter)
    return {code: letter for code, letter in extra.items() if code not in table}


@cache
def _reader(encoding: str) -> tuple[re.Pattern, dict[str, str]]:
    """A pattern matching every code of ``encoding`` (longest first) and the letter of each code."""
    letters = {code: letter for letter, code in tables()[encoding].items()}
    letters.update(_mixed_case(letters))
    codes = sorted(letters, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, codes))), letters


def to_unicode(byte_text: str, encoding: str) -> str:
    """Read byte text in a legacy ``encoding`` as Vietnamese, in NFC.

    >>> to_unicode("C¶i c¸ch hµnh chÝnh", "TCVN3")
    'Cải cách hành chính'
    >>> to_unicode("Caûi caùch haønh chính", "VNI-Windows")
    'Cải cách hành chính'
    """
    pattern, letters = _reader(encoding)
    return unicodedata.normalize("NFC", pattern.sub(lambda found: letters[found.group()], byte_text))


def from_unicode(text: str, encoding: str) -> str:
    """Write Vietnamese ``text`` as byte text in a legacy ``encoding`` (``.encode("latin-1")`` gives the bytes).

    TCVN3 has no capitals with tone marks: like its typists, who switched to a
    capitals-only font, this writes the lowercase letter's byte for them.

    >>> from_unicode("Cải cách", "TCVN3").encode("latin-1")
    b'C\\xb6i c\\xb8ch'
    >>> from_unicode("Ủy ban", "VNI-Windows")
    'UÛy ban'
    """
    table = tables()[encoding]
    return "".join(table.get(ch) or table.get(ch.lower()) or ch for ch in unicodedata.normalize("NFC", text))
