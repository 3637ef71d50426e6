"""Vietnamese legal document numbers (số ký hiệu văn bản).

A number such as ``61/2018/NĐ-CP``, ``4003/QĐ-UBND``, ``30c/NQ-CP`` or
``362 /SNV-CCHC`` is one searchable token and one entry of the ``refs`` field.
This module recognises them in text, gives each a display form (spaces
removed, Ð mapped to Đ) and a match key (lower case, diacritics folded), so
``61/2018/nd-cp`` and ``61/2018/NĐ-CP`` are the same reference.
"""

from __future__ import annotations

import re

from .textnorm import fold

_ISSUER = r"[A-ZĐÐ]{2,}(?:-[A-ZĐÐ][A-Za-zĐđÐ0-9]*)*"
_ISSUER_HYPHENATED = r"[A-ZĐÐ][A-Za-zĐđÐ]*(?:-[A-ZĐÐ][A-Za-zĐđÐ0-9]*)+"
DOCNUMBER = re.compile(
    r"(?<![\w/.,-])"
    r"(\d{1,5}[a-zA-Z]?)[ \t]?/[ \t]?"  # serial number, may carry a letter (30c)
    r"(?:((?:19|20)\d{2})[ \t]?/[ \t]?)?"  # optional year of issue
    rf"({_ISSUER_HYPHENATED}|{_ISSUER})"  # issuer code: NĐ-CP, QĐ-UBND, SNV-CCHC, TTg
    r"(?![\w/])"
)

# What the tokenizer keeps whole: the strict form, or any hyphenated issuer code
# in any letter case, so that a typed ``61/2018/nd-cp`` is one token too.
DOCNUMBER_TOKEN = re.compile(
    rf"{DOCNUMBER.pattern}|"
    r"(?<![\w/.,-])\d{1,5}[a-zA-Z]?/(?:(?:19|20)\d{2}/)?"
    r"[^\W\d_]+(?:-[^\W_]+)+(?![\w/])"
)


def display_form(match: re.Match) -> str:
    """The reference as it is cited, spaces removed: ``362/SNV-CCHC``."""
    serial, year, issuer = match.groups()
    parts = [serial, year, issuer] if year else [serial, issuer]
    return "/".join(parts).replace("Ð", "Đ")


def ref_key(text: str) -> str:
    """The match key of a reference: no spaces, lower case, folded."""
    return fold(re.sub(r"\s+", "", text).replace("Ð", "Đ")).lower()


def find_refs(text: str) -> list[str]:
    """All document numbers cited in ``text``, in order of first appearance."""
    seen: dict[str, str] = {}
    for match in DOCNUMBER.finditer(text):
        form = display_form(match)
        seen.setdefault(ref_key(form), form)
    return list(seen.values())


def is_ref(text: str) -> bool:
    """True when the whole of ``text`` is one document number."""
    return DOCNUMBER_TOKEN.fullmatch(text.strip()) is not None
