"""Regular expressions tried only on texts that hold a word every one of their matches holds.

A pattern opening on a look-behind (``(?<!\\w)tính đến``) or on a word boundary is tried by the regular
expression engine at every character of the text, while a plain ``in`` test of the word it needs scans the text
at C speed. The figures' reader asks a dozen such patterns of every sentence with a figure: each is ``Gated``
by the words one of which every match holds (a necessary condition, so what it finds is unchanged).

>>> as_of = Gated(r"(?<!\\w)tính đến(?!\\w)", "tính đến")
>>> as_of.search("tính đến ngày 15/8") is not None, as_of.search("đến ngày 15/8"), as_of.sub("-", "đã giải quyết")
(True, None, 'đã giải quyết')
"""

from __future__ import annotations

import re


class Gated:
    """``re.compile(pattern, flags)``, its ``search``, ``sub``, ``subn`` and ``finditer`` answering "no match"
    at once for a text that holds none of ``words`` (as written: the pattern's literal spelling, case included)."""

    __slots__ = ("pattern", "words")

    def __init__(self, pattern: str, *words: str, flags: int = 0):
        self.pattern = re.compile(pattern, flags)
        self.words = words

    def holds(self, text: str) -> bool:
        return any(word in text for word in self.words)

    def search(self, text: str, *span: int) -> re.Match | None:
        return self.pattern.search(text, *span) if self.holds(text) else None

    def finditer(self, text: str):
        return self.pattern.finditer(text) if self.holds(text) else iter(())

    def sub(self, repl, text: str) -> str:
        return self.pattern.sub(repl, text) if self.holds(text) else text

    def subn(self, repl, text: str) -> tuple[str, int]:
        return self.pattern.subn(repl, text) if self.holds(text) else (text, 0)
