"""Topic assignment from the evidence terms of ``search/data/topics.json``.

A topic needs substance, not one word. Its evidence terms are matched as whole
words in the lower-cased, tone-unified title and body; a term found inside a
longer found term ("một cửa" in "một cửa liên thông") is the same piece of
evidence. A piece is a distinct term, each further sentence where a strong
term recurs, or the reform named beside a strong term in its sentence; a
generic word ("phổ biến", "tự chủ", "giám sát") never stands alone.

A topic is assigned when the headline holds one of its strong terms, when one
of its ``defining`` patterns matches ("tuyên truyền về CCHC"), or when the text
holds enough pieces (``pieces_needed``): one per ``chars_per_piece`` characters
of body, at least ``fewest_pieces``, at most ``min_pieces`` for the kind of
headline (``headline_kind``) - few for a whole-programme plan, whose every task
counts; more for a report or review of the reform as a whole; most for topical
news, which must be about the topic and not mention it in passing. Under a headline
about an index result or a ranking (a strong term of ``index_topic``), another
topic needs ``min_pieces["index"]`` whatever the length: such a body walks through
the index's components, one per reform area, and names each in passing. The scale
with length is what real pages need: an excerpt of a few paragraphs cannot hold
six pieces of anything (chosen on the real dev split, ``bench/real``).

Removed before matching: a topic's ``ignore`` phrases (the Department of
Information and Communications is no evidence of communication work; "nhiệm
vụ, công vụ" is no evidence of civil-service reform), and the pillar names of
any sentence that lists ``pillar_list`` or more reform areas in one breath -
such a sentence names the programme, it does not discuss each area. In a plan
the listed areas are the document's own tasks, so there each is assigned.

A topic's ``normative`` terms ("ban hành quy chế") are strong only on a page showing a legal normative
document's own number, whose year is in it ("Số: 18/2020/QĐ-UBND"): an administrative decision issuing an
operating regulation ("2165/QĐ-UBND") is no institutional reform.

A bulletin reporting figures of a topic's ``indicators`` (a share of dossiers filed online) gets the topic
too when its text holds one of the topic's strong terms (``with_figures``).

Only a bulletin about administrative reform gets topics: one on another
subject (a shop called "Một Cửa", a teachers' contest) gets none.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from search.textnorm import normalize_key
from search.vocabulary import Topic, topics, topics_config

# a sentence's end: white space after ". ! ?", or line breaks; written to open on the white space (the engine then
# tries only there), the same splits as "(?<=[.!?])\s+|\n+"
_SENTENCE = re.compile(r"\s(?:(?<=[.!?]\s)\s*|(?<=\n)\n*)")


# a legal normative document's own number carries its year ("1961/2019/QĐ-UBND", "18/2020/NQ-HĐND"); an
# administrative decision's does not ("2165/QĐ-UBND"): issuing a regulation is institutional reform only by the former
_NORMATIVE_NUMBER = re.compile(r"(?<![\w/])\d{1,5}/(?:19|20)\d{2}/(?:qđ|nq|tt|nđ|ct)-[\wđ]+")
# its own number: in the headline, or after "Số:" in the document's header (a cited one is "Nghị định số 61/...")
_OWN_NUMBER = re.compile(r"(?<!\w)số\s*:\s*" + _NORMATIVE_NUMBER.pattern)
_HEADER = 600  # the characters of a body where a document shows its own number
REFORM_NAMED = re.compile(r"\b(cải cách hành chính|cải cách hành chánh|cchc)\b")


@cache
def reform_signal() -> re.Pattern:
    """The phrases that make a bulletin about administrative reform (``reform_signal`` of topics.json):
    the reform named, or one of its own institutions ("một cửa", "dịch vụ công", "SIPAS")."""
    return re.compile(r"\b(" + "|".join(re.escape(p) for p in topics_config()["reform_signal"]) + r")\b")


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


def _found(terms, text: str) -> set[str]:
    """The terms present in ``text``, without those inside another present term."""
    present = {t for t in terms if _count(t, text, 1)}
    return {t for t in present if not any(t != other and t in other for other in present)}


def _pillars_in(sentence: str) -> set[str]:
    """Ids of the topics whose pillar name a sentence holds."""
    return {topic.id for topic in topics() if any(_count(p, sentence, 1) for p in topic.pillar)}


def split_pillar_lists(body: str) -> tuple[str, set[str]]:
    """(body without the pillar names of pillar-listing sentences, ids of the pillars they list).

    >>> text, listed = split_pillar_lists("nhiệm vụ: cải cách thể chế; cải cách thủ tục hành chính; "
    ...                                   "cải cách tài chính công. hồ sơ trễ hạn giảm.")
    >>> sorted(listed)
    ['tai_chinh_cong', 'the_che', 'thu_tuc']
    """
    if len(_pillars_in(body)) < topics_config()["pillar_list"]:
        return body, set()  # no sentence can list enough of them
    kept, listed = [], set()
    for sentence in _SENTENCE.split(body):
        named = _pillars_in(sentence)
        if len(named) >= topics_config()["pillar_list"]:
            listed |= named
            sentence = _without([p for t in topics() if t.id in named for p in t.pillar], sentence)
        kept.append(sentence)
    return "\n".join(kept), listed


@lru_cache(maxsize=8)
def _sentences(body: str) -> tuple[str, ...]:
    """A body's sentences, split once for the topics that read the same body (most ignore nothing in it)."""
    return tuple(_SENTENCE.split(body))


def evidence(topic: Topic, title: str, body: str) -> tuple[set[str], int]:
    """(strong terms of the headline, pieces of evidence in the body) of ``topic``.

    A piece is a distinct term; each further sentence where a strong term recurs; and the reform named
    in a sentence beside a strong term ("tuyên truyền ... về CCHC").
    """
    title, body = _without(topic.ignore, title), _without(topic.ignore, body)
    normative = bool(topic.normative) and bool(_NORMATIVE_NUMBER.search(title) or _OWN_NUMBER.search(body, 0, _HEADER))
    own = (*topic.strong, *(topic.normative if normative else ()))
    terms = _found((*own, *topic.weak), f"{title}\n{body}")
    strong = terms & set(own)
    if not strong:
        return set(), 0
    sentences = [s for s in _sentences(body) if any(t in s and _count(t, s, 1) for t in strong)]
    in_context = any(REFORM_NAMED.search(s) for s in sentences)
    return _found(own, title), len(terms) + max(len(sentences) - 1, 0) + in_context


@cache
def _headline_kinds() -> tuple[re.Pattern, re.Pattern]:
    config = topics_config()
    return tuple(re.compile("|".join(f"(?:{p})" for p in config[key])) for key in ("plan_headline", "review_headline"))


def headline_kind(title: str) -> str:
    """"plan" (a whole-programme plan), "review" (a report, review or meeting on the reform as a whole), "index"
    (an index result or a ranking: a strong term of ``index_topic``) or "other", for a normalised headline; the
    kind sets how much evidence a topic needs.

    >>> headline_kind("kết quả công tác cải cách hành chính quý i/2022"), headline_kind("hội thi tìm hiểu cchc")
    ('review', 'other')
    >>> headline_kind("tỉnh xếp thứ 12 về chỉ số cải cách hành chính năm 2022")
    'index'
    """
    plan, review = _headline_kinds()
    if plan.search(title):
        return "plan"
    if review.search(title):
        return "review"
    index = next(t for t in topics() if t.id == topics_config()["index_topic"])
    return "index" if any(_count(term, title, 1) for term in index.strong) else "other"


@cache
def _defining(topic: Topic) -> re.Pattern | None:
    return re.compile("|".join(f"(?:{p})" for p in topic.defining)) if topic.defining else None


def pieces_needed(kind: str, body: str) -> int:
    """Pieces of evidence a topic needs in a body of this length under a headline of this kind.

    >>> pieces_needed("other", "x" * 300), pieces_needed("other", "x" * 1500), pieces_needed("other", "x" * 9000)
    (2, 4, 6)
    """
    config = topics_config()
    if kind == "index":  # the body walks through the index's components, one per reform area, at any length
        return config["min_pieces"]["index"]
    scaled = -(-len(body) // config["chars_per_piece"])
    return min(config["min_pieces"][kind], max(config["fewest_pieces"], scaled))


def _substantial(topic: Topic, found: tuple[set[str], int], body: str, kind: str) -> bool:
    headline, pieces = found
    defining = _defining(topic)
    # under an index headline a defining phrase ("tuyên truyền CCHC") is one of the index's criteria, named in passing
    return (bool(headline) or pieces >= pieces_needed(kind, body)
            or bool(kind != "index" and defining and defining.search(_without(topic.ignore, body))))


def topic_evidence(title: str, body: str) -> dict[str, int]:
    """Pieces of evidence of every topic for a bulletin, pillar lists removed."""
    title_n, (body_n, _) = normalize_key(title or ""), split_pillar_lists(normalize_key(body))
    return {topic.id: evidence(topic, title_n, body_n)[1] for topic in topics()}


def assign_topics(title: str, body: str) -> list[str]:
    """Topic ids the bulletin substantially discusses, in taxonomy order."""
    title_n = normalize_key(title or "")
    body_n, listed = split_pillar_lists(normalize_key(body))
    found = {topic: evidence(topic, title_n, body_n) for topic in topics()}
    about_reform = reform_signal().search(f"{title_n}\n{body_n}")
    if not about_reform and sum(pieces for _, pieces in found.values()) < topics_config()["pieces_without_signal"]:
        return []
    kind = headline_kind(title_n)
    listed = listed if kind == "plan" else set()
    return [topic.id for topic in topics() if topic.id in listed or _substantial(topic, found[topic], body_n, kind)]


def with_figures(assigned: list[str], figures: list[dict], title: str | None = None, body: str = "") -> list[str]:
    """``assigned`` with the topics whose ``indicators`` the bulletin reports figures of (a bulletin giving the
    share of dossiers filed online discusses digital government), in taxonomy order. Given the bulletin's
    ``title`` and ``body``, a figure adds its topic only when the text also holds one of the topic's strong
    terms: a share of dossiers "trực tuyến" in a report on dossier handling that names nothing of digital
    government is a figure of that report, not a discussion of the topic."""
    reported = {figure["indicator"] for figure in figures}
    text = f"{normalize_key(title)}\n{normalize_key(body)}" if title is not None else None  # the body's key
    # as ``assign_topics`` made it

    def worded(topic: Topic) -> bool:
        return text is None or any(_count(term, text, 1) for term in topic.strong)

    return [topic.id for topic in topics()
            if topic.id in assigned or (reported & set(topic.indicators) and worded(topic))]
