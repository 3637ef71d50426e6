"""Parse stage: the query language to a small syntax tree.

Syntax: words (best match: see ``search.compiler``), "exact phrases", ``AND``
(both sides required), ``OR``, ``NOT`` (upper case) or a leading ``-``, a leading
``+`` (required), parentheses, and ``field:value`` / ``field:"two words"`` for the
fields in ``FIELDS``. A word with a colon whose prefix is not a field is an
ordinary word, but for a standard's number and version (``ISO 9001:2015``): the
body and number are a phrase (``ISO 9001``), the version's year a word, so a
bulletin on another version still matches. Adjacent plain words are kept together
as one ``Words`` node so the analyzer can segment them as Vietnamese text.

Malformed input (unbalanced quotes or parentheses, a dangling operator, an
empty field value, a query over the length limit) raises ``QuerySyntaxError``
with a message meant for the person who typed it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .messages import Explained
from .textnorm import clean_unicode

MAX_QUERY_CHARS = 1000
MAX_CLAUSES = 64
FIELDS = ("title", "province", "province_2025", "district", "year", "quarter", "topic", "refs", "id")
OPERATORS = ("AND", "OR", "NOT")
# a standard's number and version ("ISO 9001:2015"): the body and number a phrase, the version's year a word
_STANDARD = re.compile(r"^(\d{3,5}(?:-\d{1,2})?):((?:19|20)\d{2})$")
_STANDARD_BODY = re.compile(r"^(?:ISO|TCVN|IEC|ISO/IEC|TCVN/ISO)$", re.I)
_FIELD = re.compile(rf"^({'|'.join(FIELDS)}):(.*)$", re.S)


class QuerySyntaxError(Explained, ValueError):
    """The query cannot be parsed; the message (``search.messages``) says why, for a person."""


@dataclass(frozen=True)
class Words:
    text: str


@dataclass(frozen=True)
class Phrase:
    text: str


@dataclass(frozen=True)
class Field:
    name: str
    value: str
    phrase: bool = False


@dataclass(frozen=True)
class Not:
    child: object


@dataclass(frozen=True)
class Required:
    """A part that every result must match: ``+word``, ``+"phrase"``, either side of an explicit ``AND``."""

    child: object


@dataclass(frozen=True)
class And:
    children: tuple


@dataclass(frozen=True)
class Or:
    children: tuple


def _lex(text: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch in "()":
            tokens.append((ch, ch))
            i += 1
        elif ch == '"':
            end = text.find('"', i + 1)
            if end < 0:
                raise QuerySyntaxError("unbalanced_quote", at=i + 1)
            tokens.append(("phrase", text[i + 1 : end]))
            i = end + 1
        elif ch in "-+" and _starts_negation(text, i):
            tokens.append(("minus" if ch == "-" else "plus", ch))
            i += 1
        else:
            match = re.match(r'[^\s()"]+', text[i:])
            word = match.group(0)
            i += len(word)
            _lex_word(word, text, i, tokens)
    return tokens


def _starts_negation(text: str, i: int) -> bool:
    """A '-' or '+' right before a term, at the start of a word: ``-tthc`` (but not ``a - b`` or ``x-y``)."""
    follows = i + 1 < len(text) and not text[i + 1].isspace()
    return follows and (i == 0 or text[i - 1].isspace() or text[i - 1] == "(")


def _lex_word(word: str, text: str, end: int, tokens: list) -> None:
    if word in OPERATORS:
        tokens.append(("op", word))
        return
    field = _FIELD.match(word)
    standard = _STANDARD.match(word) if not field else None
    if standard:
        body = tokens[-1][0] == "word" and _STANDARD_BODY.match(tokens[-1][1]) if tokens else None
        if body:
            tokens.pop()  # "ISO 9001:2015": the body's name and the number, one phrase; its version a word
        tokens.append(("phrase", f"{body.group()} {standard.group(1)}") if body else ("word", standard.group(1)))
        tokens.append(("word", standard.group(2)))
    elif not field:
        tokens.append(("word", word))
    elif field.group(2):
        tokens.append(("field", (field.group(1), field.group(2), False)))
    elif end < len(text) and text[end] == '"':
        tokens.append(("field-phrase", field.group(1)))
    else:
        raise QuerySyntaxError("field_needs_value", field=field.group(1))


class _Parser:
    def __init__(self, tokens):
        self.tokens = tokens
        self.at = 0
        self.clauses = 0

    def peek(self):
        return self.tokens[self.at] if self.at < len(self.tokens) else (None, None)

    def take(self):
        token = self.peek()
        self.at += 1
        return token

    def parse(self):
        node = self.or_expr()
        kind, value = self.peek()
        if kind == ")":
            raise QuerySyntaxError("unopened_parenthesis")
        if kind is not None:
            raise QuerySyntaxError("unexpected", token=value)
        return node

    def or_expr(self):
        children = [self.and_expr()]
        while self.peek() == ("op", "OR"):
            self.take()
            children.append(self.and_expr("OR"))
        return children[0] if len(children) == 1 else Or(tuple(children))

    def and_expr(self, after: str | None = None):
        children: list = []
        words: list[str] = []
        after_and = False
        while True:
            kind, value = self.peek()
            if kind == "word":
                self.take()
                words.append(value)
                after = None
                continue
            if words:
                children.append(self.counted(Words(" ".join(words))))
                words = []
                if after_and:
                    children[-1] = Required(children[-1])
                    after_and = False
            if kind == "op" and value == "AND":
                self.take()
                if not children:
                    raise QuerySyntaxError("operator_sides", operator="AND")
                if not isinstance(children[-1], Required):
                    children[-1] = Required(children[-1])
                after = "AND"
                after_and = True
                continue
            if kind in (None, ")") or (kind == "op" and value == "OR"):
                break
            children.append(self.unary())
            if after_and and not isinstance(children[-1], Required):
                children[-1] = Required(children[-1])
            after, after_and = None, False
        if not children and (after or kind == "op"):
            raise QuerySyntaxError("operator_sides", operator=after or value)
        if not children:
            raise QuerySyntaxError("empty_group")
        if after == "AND":
            raise QuerySyntaxError("operator_sides", operator="AND")
        return children[0] if len(children) == 1 else And(tuple(children))

    def unary(self):
        kind, value = self.take()
        if kind == "op" and value == "NOT" or kind == "minus":
            if self.peek()[0] in (None, ")", "op") and self.peek() != ("op", "NOT"):
                raise QuerySyntaxError("not_needs_term")
            return Not(self.unary())
        if kind == "plus":
            if self.peek()[0] in (None, ")", "op", "plus", "minus"):
                raise QuerySyntaxError("plus_needs_term")
            child = self.unary()
            return child if isinstance(child, Required) else Required(child)
        if kind == "(":
            node = self.or_expr()
            if self.take()[0] != ")":
                raise QuerySyntaxError("unclosed_parenthesis")
            return node
        if kind == "phrase":
            return self.counted(Phrase(value))
        if kind == "field":
            return self.counted(Field(*value))
        if kind == "field-phrase":
            phrase_kind, phrase = self.take()
            return self.counted(Field(value, phrase, True))
        if kind == "word":
            return self.counted(Words(value))
        raise (QuerySyntaxError("operator_sides", operator=value) if kind == "op"
               else QuerySyntaxError("unexpected", token=value))

    def counted(self, node):
        self.clauses += 1
        if self.clauses > MAX_CLAUSES:
            raise QuerySyntaxError("too_many_terms", limit=MAX_CLAUSES)
        return node


def repaired(text: str) -> str | None:
    """The query with what it leaves open closed (a quote, parentheses), when that is all it lacks; else None."""
    fixed = (text or "").rstrip()
    for _ in range(MAX_CLAUSES):
        try:
            parse_query(fixed)
        except QuerySyntaxError as error:
            if error.code not in _CLOSERS:
                return None
            fixed += _CLOSERS[error.code]
            continue
        return fixed if fixed != (text or "").rstrip() else None
    return None


_CLOSERS = {"unbalanced_quote": '"', "unclosed_parenthesis": ")"}


def parse_query(text: str):
    """The syntax tree of a query string, or None for an empty query."""
    text = clean_unicode(text or "")
    if len(text) > MAX_QUERY_CHARS:
        raise QuerySyntaxError("query_too_long", length=len(text), limit=MAX_QUERY_CHARS)
    tokens = _lex(text)
    if not tokens:
        return None
    return _Parser(tokens).parse()
