"""Vietnamese text normalisation shared by indexing and querying.

Three operations, all pure functions on strings:

* ``clean_unicode`` - NFC, one space character, no invisible characters, the
  Icelandic eth (Ð, a common stand-in for Đ) mapped to Đ. Used on every text
  before it is stored, so stored offsets are offsets into NFC text.
* ``unify_tones`` - old-style tone placement (hoá, uỷ, thuỷ, khoẻ) rewritten in
  the new style (hóa, ủy, thủy, khỏe), syllable by syllable. The length of the
  text does not change, so character offsets stay valid.
* ``fold`` - diacritics and đ removed (``cải cách`` -> ``cai cach``); also
  length-preserving on NFC input.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # ` ´ ~ hook dot
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\x0b\x0c]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SYLLABLE = re.compile(r"[^\W\d_]+")
# only syllables ending in o/u + a toned a, e or y can be written in the old style: the pair is found where it ends
# a word (a scan for two characters, five times faster than matching each word from its start), the word's start
# is then looked for backwards
_OLD_END = re.compile(r"[oOuU][áàảãạÁÀẢÃẠéèẻẽẹÉÈẺẼẸýỳỷỹỵÝỲỶỸỴ](?![^\W\d_])")
_LETTER = re.compile(r"[^\W\d_]")  # a letter: a word character, no digit or underscore
_WORD_CHAR = re.compile(r"\w")
# open syllables whose tone moved between the old and the new convention
_GLIDE_PAIR = re.compile(r"^([bcdđghklmnprstvx]*)(o[ae]|uy)$")


def clean_unicode(text: str) -> str:
    """Return ``text`` in NFC with uniform spaces and line ends, no invisibles."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)  # a regex scan, far faster than str.translate with a dict
    text = _SPACES.sub(" ", text)
    text = _CONTROL.sub("", text)
    text = text.replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")
    return unicodedata.normalize("NFC", text)


def _split_tone(syllable: str) -> tuple[str, str | None, int]:
    """Split an NFC syllable into (toneless NFC text, tone mark, letter index)."""
    letters = []
    tone, where = None, -1
    for ch in unicodedata.normalize("NFD", syllable):
        if ch in TONE_MARKS:
            tone, where = ch, len(letters) - 1
        elif unicodedata.combining(ch):
            letters[-1] += ch
        else:
            letters.append(ch)
    return unicodedata.normalize("NFC", "".join(letters)), tone, where


def _unify_syllable(syllable: str) -> str:
    base, tone, where = _split_tone(syllable)
    if tone is None:
        return syllable
    found = _GLIDE_PAIR.match(base.lower())
    if not found or found.group(1).startswith("q"):
        return syllable
    glide_at = len(found.group(1))
    if where != glide_at + 1:
        return syllable
    letters = list(base)
    letters[glide_at] = letters[glide_at] + tone
    return unicodedata.normalize("NFC", "".join(letters))


def unify_tones(text: str) -> str:
    """Rewrite old-style tone placement (hoá, uỷ) in the new style (hóa, ủy).

    A syllable is a whole run of letters that starts a word (no digit or underscore joined before it: "2hoá"
    stays) and ends in o/u and a toned a, e or y.
    """
    pieces, done = [], 0
    for found in _OLD_END.finditer(text):
        start = _word_start(text, found.start())
        if start is None:
            continue  # a digit or underscore joined before the letters: no word starts there
        syllable = text[start:found.end()]
        unified = _unify_syllable(syllable)
        if unified != syllable:
            pieces += (text[done:start], unified)
            done = found.end()
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


# a syllable whose only vowel is i or y after its initial consonants is spelt either way (tỷ lệ / tỉ lệ, kỹ / kĩ,
# lý / lí, quy / qui): found at the y that ends a word right after a consonant or "qu", the initial then checked
_LONE_Y = re.compile("[yýỳỷỹỵYÝỲỶỸỴ](?![^\\W\\d_])(?:(?<=[bcdđhklmnprstvxBCDĐHKLMNPRSTVX].)|(?<=[qQ][uU].))")
_INITIAL = re.compile(r"[bcdđhklmnprstvx]+|qu", re.I)
LONE_I_FOLDED = re.compile(r"(?:[bcdhklmnprstvx]+|qu)i")  # such a syllable folded and unified: "ti" (``highlight``)
_I_FOR_Y = dict(zip("yýỳỷỹỵYÝỲỶỸỴ", "iíìỉĩịIÍÌỈĨỊ", strict=True))
# no Vietnamese syllable ends in k: one that does is a Central Highlands name, its a written with or without the
# breve and the tone (Đắk Lắk, Đăk Lăk, Đak Pơ, Krông Pắk)
_HIGHLAND_AK = re.compile("[aăắAĂẮ](?=[kK](?![^\\W\\d_]))")
_CONSONANTS = re.compile(r"[bcdđfghjklmnpqrstvwxz]+", re.I)


def unify_spelling(text: str) -> str:
    """``unify_tones``, and two spellings of one word made one: a syllable spelt with a lone y after its initial
    consonants written with i (tỷ -> tỉ, kỹ -> kĩ, lý -> lí, quy -> qui; the 1984 rule prefers i, pages write both,
    "tỉ lệ" beside "tỷ lệ"; not a y of two vowels: tay, này, tuy, Huy), and the a of a Central Highlands syllable in
    k written ắ (Đăk Lăk, Đak Pơ -> Đắk Lắk, Đắk Pơ). Length-preserving, like ``unify_tones``; the search fields and
    queries compare these forms (``search.analysis``), metadata keeps ``unify_tones``'.

    >>> unify_spelling("Tỷ lệ kỹ năng, quý I, công ty này, Huy; Đăk Lăk")
    'Tỉ lệ kĩ năng, quí I, công ti này, Huy; Đắk Lắk'
    """
    text = unify_tones(text)
    if not _Y_OR_K.search(text):
        return text  # most words (a snippet's matches are unified one by one): one scan, a third of the time
    pieces, done = [], 0
    for pattern, initial, written in ((_LONE_Y, _INITIAL, _I_FOR_Y), (_HIGHLAND_AK, _CONSONANTS, _AK)):
        for found in pattern.finditer(text):
            start = _word_start(text, found.start())
            if start is not None and initial.fullmatch(text, start, found.start()):
                pieces.append((found.start(), written[found.group()]))
    if not pieces:
        return text
    out = []
    for at, letter in sorted(pieces):
        out += (text[done:at], letter)
        done = at + 1
    out.append(text[done:])
    return "".join(out)


_AK = {"a": "ắ", "ă": "ắ", "ắ": "ắ", "A": "Ắ", "Ă": "Ắ", "Ắ": "Ắ"}
_Y_OR_K = re.compile("[yýỳỷỹỵYÝỲỶỸỴkK]")  # what either rule needs


def _word_start(text: str, at: int) -> int | None:
    """Where the run of letters holding ``at`` starts; None when a digit or underscore is joined before it."""
    start = at
    while start and _LETTER.match(text, start - 1):
        start -= 1
    return None if start and _WORD_CHAR.match(text, start - 1) else start


def _fold_table() -> dict[int, str]:
    table = {ord("đ"): "d", ord("Đ"): "D"}
    for code in range(0x00C0, 0x1F00):
        base = unicodedata.normalize("NFD", chr(code))[0]
        if base != chr(code) and base.isascii():
            table[code] = base
    return table


_FOLD = _fold_table()


def fold(text: str) -> str:
    """Remove tone marks, vowel diacritics and the bar of đ (NFC in, NFC out)."""
    return text.translate(_FOLD)


@cache
def folding_class(char: str) -> str:
    """A regular-expression class of every character that folds to ``char`` ("a" -> "[aàáả...]"), so a
    folded word can be found in text that is not folded; other characters escaped as they are.

    >>> import re; bool(re.fullmatch(folding_class("d") + folding_class("o"), "đồ"))
    True
    """
    alike = folding_alike(char)
    return "[" + "".join(re.escape(c) for c in alike) + "]" if len(alike) > 1 else re.escape(char)


def folding_alike(char: str) -> list[str]:
    """Every character that folds to ``char``, itself included, in code point order.

    >>> "đ" in folding_alike("d"), folding_alike("7")
    (True, ['7'])
    """
    return sorted({char, *(chr(code) for code, base in _FOLD.items() if base == char)})


def has_diacritics(text: str) -> bool:
    """True when ``text`` contains a Vietnamese diacritic or đ."""
    return fold(text) != text


SHORT = 1024  # texts up to this many characters (sentences, headlines, queries) keep their keys in a cache


def normalize_key(text: str) -> str:
    """The comparison key used for matching: NFC, lower case, new-style tones. Made character by character (a
    syllable's tone by its syllable), so the key of a text joined from parts is the parts' keys joined."""
    return _short_key(text) if len(text) <= SHORT else _long_key(text)


def _key(text: str) -> str:
    return unify_tones(clean_unicode(text)).lower()


_short_key = lru_cache(maxsize=2048)(_key)  # extraction asks for one sentence's key several times
_long_key = lru_cache(maxsize=2)(_key)  # and for a bulletin's text in turn: its topics' rules, classifier, figures


def folded_key(text: str) -> str:
    """The diacritics-insensitive comparison key: ``normalize_key`` then ``fold``."""
    return fold(normalize_key(text))


ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"  # the Vietnamese order of letters (f, j, w, z for foreign names)
_SHAPED = {("a", "\u0306"): "ă", ("a", "\u0302"): "â", ("e", "\u0302"): "ê", ("o", "\u0302"): "ô",
           ("o", "\u031b"): "ơ", ("u", "\u031b"): "ư"}  # a letter with a breve, circumflex or horn (NFD)
_SHAPE_MARKS = frozenset(mark for _, mark in _SHAPED)
_TONE_ORDER = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng (ngang 0)


def sort_key(text: str) -> tuple:
    """A key that orders Vietnamese names as a dictionary does: letter by letter in the Vietnamese alphabet (a, ă,
    â, b, ..., d, đ, e, ê, ...), tone marks deciding only between names otherwise equal.

    >>> names = ["Bạc Liêu", "Bắc Kạn", "Cao Bằng", "Cà Mau", "Đồng Nai", "Dak", "Hòa Bình", "Hồ Chí Minh"]
    >>> sorted(names, key=sort_key)
    ['Bạc Liêu', 'Bắc Kạn', 'Cà Mau', 'Cao Bằng', 'Dak', 'Đồng Nai', 'Hòa Bình', 'Hồ Chí Minh']
    """
    letters, tones = [], []
    for char in unicodedata.normalize("NFD", unify_tones(text).lower()):
        if char in _TONE_ORDER:
            tones[-1:] = [_TONE_ORDER[char]] if tones else []
        elif char in _SHAPE_MARKS and letters:
            letters[-1] = _shaped(letters[-1], char)
        else:
            letters.append(_letter_code(char))
            tones.append(0)
    return tuple(letters), tuple(tones)


def _letter_code(char: str) -> int:
    """A character's place in ``sort_key``: a space first (a shorter word before a longer: "Cà Mau", "Cao Bằng"),
    then digits, then letters in the Vietnamese order, then anything else."""
    if char.isspace() or char in "-–,.()":
        return -2000
    if char in ALPHABET:
        return ALPHABET.index(char) * 2
    return -1000 + ord(char) if char.isdigit() else 1000 + ord(char)


def _shaped(code: int, mark: str) -> int:
    """The code of a letter with a breve, circumflex or horn ("a" + breve is ă), as ``sort_key`` numbers them."""
    base = ALPHABET[code // 2] if 0 <= code < 2 * len(ALPHABET) else ""
    shaped = _SHAPED.get((base, mark))
    return ALPHABET.index(shaped) * 2 if shaped else code + 1


def is_digits(text: str) -> bool:
    """ASCII digits only (``str.isdigit`` also accepts '²' and '٣', which ``int`` refuses or reads differently)."""
    return text.isascii() and text.isdigit()
