"""Vietnamese legal document numbers (số ký hiệu văn bản).

A number such as ``61/2018/NĐ-CP``, ``4003/QĐ-UBND``, ``30c/NQ-CP`` or
``362 /SNV-CCHC`` is one searchable token and one entry of the ``refs`` field.
This module recognises them in text, gives each a display form (spaces
removed, Ð mapped to Đ) and a match key (lower case, diacritics folded), so
``61/2018/nd-cp`` and ``61/2018/NĐ-CP`` are the same reference.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from .textnorm import fold, unify_spelling

_ISSUER = r"[A-ZĐÐ]{2,}(?:-[A-ZĐÐ][A-Za-zĐđÐ0-9]*)*"
_ISSUER_HYPHENATED = r"[A-ZĐÐ][A-Za-zĐđÐ]*(?:-[A-ZĐÐ][A-Za-zĐđÐ0-9]*)+"
# a number opens on a digit, and the pattern does (nothing of a word, a slash, a dot, a comma or a hyphen before
# it, checked behind that digit): the engine then tries only where a digit stands
_NOT_AFTER = r"(?<![\w/.,-]\d)"
DOCNUMBER = re.compile(
    rf"(\d{_NOT_AFTER}\d{{0,4}}[a-zA-Z]?)[ \t]?/[ \t]?"  # serial number, may carry a letter (30c)
    r"(?:((?:19|20)\d{2})[ \t]?/[ \t]?)?"  # optional year of issue
    rf"({_ISSUER_HYPHENATED}|{_ISSUER})"  # issuer code: NĐ-CP, QĐ-UBND, SNV-CCHC, TTg
    r"(?![\w/])"
)

# What the tokenizer keeps whole: the strict form, or any hyphenated issuer code
# in any letter case, so that a typed ``61/2018/nd-cp`` is one token too.
DOCNUMBER_TOKEN = re.compile(
    rf"{DOCNUMBER.pattern}|"
    rf"\d{_NOT_AFTER}\d{{0,4}}[a-zA-Z]?/(?:(?:19|20)\d{{2}}/)?"
    r"[^\W\d_]+(?:-[^\W_]+)+(?![\w/])"
)


@cache
def _document_data() -> dict:
    """``search/data/document_types.json``: the kinds' codes ("types") and their names ("names")."""
    with open(Path(__file__).parent / "data" / "document_types.json", encoding="utf-8") as handle:
        return json.load(handle)


@cache
def _document_types() -> frozenset[str]:
    return frozenset(_document_data()["types"])


def _hyphenated(issuer: str) -> str:
    """An issuer code scraped without its hyphen gets it back after a document kind: ``NĐCP`` -> ``NĐ-CP``.

    >>> _hyphenated("NĐCP"), _hyphenated("qđubnd"), _hyphenated("NĐ-CP"), _hyphenated("UBND")
    ('NĐ-CP', 'qđ-ubnd', 'NĐ-CP', 'UBND')
    """
    if "-" in issuer:
        return issuer
    folded = fold(issuer).upper()
    for size in (3, 2):
        if folded[:size] in _document_types() and len(folded) - size >= 2 and folded[size:].isalpha():
            return f"{issuer[:size]}-{issuer[size:]}"
    return issuer


_SERIAL_AND_KIND = re.compile(r"(\d+[^\W\d_]?)/(?:(?:19|20)\d\d/)?([^\W\d_]+)-")  # "61/2018/nđ-": 61, nđ


def cited_as(number: str) -> str | None:
    """A lower-case document number as a short citation names it, its serial and its kind ("Nghị định 61",
    "NQ 30c"): ``<serial>/<kind code>`` (the index's ``cited`` field); None when its issuer code opens on no
    document kind.

    >>> cited_as("61/2018/nđ-cp"), cited_as("30c/nq-cp"), cited_as("766/qd-ttg"), cited_as("362/snv-cchc")
    ('61/nđ', '30c/nq', '766/qd', None)
    """
    found = _SERIAL_AND_KIND.match(number)
    if not found or fold(found.group(2)).upper() not in _document_types():
        return None
    return f"{found.group(1)}/{found.group(2)}"


@cache
def kind_names() -> dict[str, str]:
    """Folded name of a document kind, written out or short ("nghi dinh", "nd") -> its folded lower-case code."""
    names = _document_data()["names"]
    out = {code.lower(): code.lower() for code in _document_types()}
    out.update({" ".join(fold(unify_spelling(name.lower())).split()): code.lower() for code, spelled in names.items()
                for name in spelled})  # written as the query's syllables are ("quy chế": "qui che")
    return out


def canonical_number(text: str) -> str:
    """A document number as one token: spaces removed, a lost hyphen restored (``61/2018/NĐCP``).

    >>> canonical_number("61 / 2018/NĐCP")
    '61/2018/NĐ-CP'
    """
    head, slash, issuer = "".join(text.split()).rpartition("/")
    return f"{head}{slash}{_hyphenated(issuer)}" if slash else issuer


def display_form(match: re.Match) -> str:
    """The reference as it is cited, spaces removed, a lost hyphen restored: ``362/SNV-CCHC``."""
    serial, year, issuer = match.groups()
    parts = [serial, year, _hyphenated(issuer)] if year else [serial, _hyphenated(issuer)]
    return "/".join(parts).replace("Ð", "Đ")


def ref_key(text: str) -> str:
    """The match key of a reference: no spaces, a lost hyphen restored, lower case, folded.

    >>> ref_key("61/2018/NĐCP"), ref_key("61 /2018/nđ-cp")
    ('61/2018/nd-cp', '61/2018/nd-cp')
    """
    return fold(canonical_number(text).replace("Ð", "Đ")).lower()


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
