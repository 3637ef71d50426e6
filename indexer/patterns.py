"""Regular expressions asked of every line or sentence, made cheap without changing what they find.

``Gated``: a pattern tried only on texts that hold a word every one of its matches holds. A pattern opening on a
look-behind (``(?<!\\w)tính đến``) or on a word boundary is tried by the regular expression engine at every
character of the text, while a plain ``in`` test of the word it needs scans the text at C speed. The figures'
reader asks a dozen such patterns of every sentence with a figure (a necessary condition, so what each finds is
unchanged). ``AnyOf``: a data file's patterns a whole line may match, asked in one alternation.

>>> as_of = Gated(r"(?<!\\w)tính đến(?!\\w)", "tính đến")
>>> as_of.search("tính đến ngày 15/8") is not None, as_of.search("đến ngày 15/8"), as_of.sub("-", "đã giải quyết")
(True, None, 'đã giải quyết')
"""

from __future__ import annotations

import re


class Gated:
    """``re.compile(pattern, flags)``, its ``search``, ``sub``, ``subn`` and ``finditer`` answering "no match"
    at once for a text that holds none of ``words`` (as the pattern spells them; in lower case, looked for in the
    lower-cased text, when ``flags`` ignore case)."""

    __slots__ = ("pattern", "words", "lower")

    def __init__(self, pattern: str, *words: str, flags: int = 0):
        self.pattern = re.compile(pattern, flags)
        self.lower = bool(flags & re.IGNORECASE)
        self.words = tuple(word.lower() for word in words) if self.lower else words

    def holds(self, text: str) -> bool:
        text = text.lower() if self.lower else text
        for word in self.words:  # a loop, not any() over a generator: a third of the time, asked of every sentence
            if word in text:
                return True
        return False

    def search(self, text: str, *span: int) -> re.Match | None:
        return self.pattern.search(text, *span) if self.holds(text) else None

    def finditer(self, text: str):
        return self.pattern.finditer(text) if self.holds(text) else iter(())

    def sub(self, repl, text: str) -> str:
        return self.pattern.sub(repl, text) if self.holds(text) else text

    def subn(self, repl, text: str) -> tuple[str, int]:
        return self.pattern.subn(repl, text) if self.holds(text) else (text, 0)


# what a pattern cannot keep inside an alternation of others: a backreference (joining shifts the group
# numbers), a named group (two patterns may name one alike), flags for the whole pattern ("(?i)...")
_APART = re.compile(r"\\[1-9]|\(\?P[=<]|^\(\?[aiLmsux]+\)")


class AnyOf:
    """Patterns a whole line is asked to match one of (``fullmatch``), asked in one pass: they are joined in one
    alternation (one call into the regular expression engine instead of one per pattern: the cleaner asks some
    eighty chrome patterns of every line), but for those that cannot stand inside one (``_APART``: a
    backreference, a named group, flags for the whole pattern), asked in turn.

    >>> AnyOf([r"xem cỡ chữ", r"(.+?)\\s+\\1"], re.I).fullmatch("Xem cỡ chữ"), AnyOf([r"in bài"]).fullmatch("in")
    (True, False)
    >>> AnyOf([r"(?i)in bài", r"(?P<n>\\d+) lượt xem", r"(?P<n>\\d+) bình luận"]).fullmatch("12 bình luận")
    True
    """

    __slots__ = ("joined", "apart")

    def __init__(self, patterns, flags: int = 0):
        plain = [p for p in patterns if not _APART.search(p)]
        self.joined = re.compile("|".join(f"(?:{p})" for p in plain), flags) if plain else None
        self.apart = tuple(re.compile(p, flags) for p in patterns if _APART.search(p))

    def fullmatch(self, line: str) -> bool:
        return (self.joined is not None and self.joined.fullmatch(line) is not None) \
            or any(p.fullmatch(line) for p in self.apart)
