"""Topic assignment from the evidence terms of ``search/data/topics.json``.

A topic scores its evidence terms as whole words in the lower-cased, tone-
unified text: a strong term (a specific phrase) 2 points per occurrence,
counted at most twice; a weak term (a generic word) 1 point, counted once;
terms in the title count double. The ``ignore`` phrases of a topic are removed
first (the Department of Information and Communications is no evidence of
communication work). A topic is assigned at the file's ``threshold``, and only
to a bulletin about administrative reform at all: one on another subject gets
none.
"""

from __future__ import annotations

import re
from functools import cache

from search.textnorm import normalize_key
from search.vocabulary import Topic, topics, topics_config

STRONG, WEAK, STRONG_CAP = 2, 1, 2
REFORM_SIGNAL = re.compile(r"\b(cải cách hành chính|cải cách hành chánh|cchc)\b")
MIN_SCORE_WITHOUT_SIGNAL = 6  # total evidence that makes a bulletin about reform without naming it


@cache
def _term_pattern(term: str) -> re.Pattern:
    return re.compile(rf"(?<!\w){re.escape(term)}(?!\w)")


def _is_word_char(text: str, index: int) -> bool:
    """As the regex ``\\w``: a letter, digit or underscore (none outside the text)."""
    return 0 <= index < len(text) and (text[index].isalnum() or text[index] == "_")


def _count(term: str, text: str, cap: int) -> int:
    """Whole-word, non-overlapping occurrences of ``term`` in ``text``, counting stops at ``cap``.

    The same count as ``_term_pattern(term).findall`` up to the cap, with ``str.find``: most terms are
    absent or found early, and the scan ends as soon as the cap is reached.
    """
    found, start, size = 0, 0, len(term)
    while found < cap:
        at = text.find(term, start)
        if at < 0:
            break
        if not _is_word_char(text, at - 1) and not _is_word_char(text, at + size):
            found += 1
            start = at + size
        else:
            start = at + 1
    return found


def _without(phrases, text: str) -> str:
    for phrase in phrases:
        if phrase in text:
            text = _term_pattern(phrase).sub(" ", text)
    return text


def score_topic(topic: Topic, title: str, body: str) -> int:
    """Evidence points of ``topic`` in a normalised title and body."""
    points = 0
    for text, factor in ((_without(topic.ignore, title), 2), (_without(topic.ignore, body), 1)):
        points += factor * sum(STRONG * _count(t, text, STRONG_CAP) for t in topic.strong)
        points += factor * sum(WEAK * _count(t, text, 1) for t in topic.weak)
    return points


def topic_scores(title: str, body: str) -> dict[str, int]:
    """Points of every topic for a bulletin."""
    title_n, body_n = normalize_key(title or ""), normalize_key(body)
    return {topic.id: score_topic(topic, title_n, body_n) for topic in topics()}


def assign_topics(title: str, body: str) -> list[str]:
    """Topic ids the bulletin substantially discusses, in taxonomy order."""
    scores = topic_scores(title, body)
    about_reform = REFORM_SIGNAL.search(normalize_key(f"{title}\n{body}"))
    if not about_reform and sum(scores.values()) < MIN_SCORE_WITHOUT_SIGNAL:
        return []
    threshold = topics_config()["threshold"]
    return [topic_id for topic_id, points in scores.items() if points >= threshold]
