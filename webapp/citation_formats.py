"""Citing bulletins: one bulletin's metadata as RIS, BibTeX, CSL-JSON, schema.org JSON-LD, Google Scholar
``citation_*`` meta tags and a formatted citation a person reads.

In: a bulletin's metadata dict (``search.schema.META_FIELDS``: ``id``, ``title``, ``url``, ``published``...,
as ``/api/documents/<id>`` and the exports give it). Out: text, or plain data the page renders.

Nothing is invented. A field the bulletin lacks (a null or blank title, no date, no source address) is left
out, never written empty or guessed; bulletins carry no authors, so none are written. The publisher is the
site the bulletin came from, named by the host of its source address (``sonla.gov.vn``), so a bulletin
without a source address has no publisher. Every bulletin is a news item of a web portal: RIS ``NEWS``,
schema.org ``NewsArticle``, CSL ``article-newspaper``, biblatex ``@online``; the language is Vietnamese.

BibTeX is written for biblatex (Biber): UTF-8, Vietnamese letters as they are, LaTeX's special characters
escaped in text fields, the URL verbatim with only braces, backslashes and spaces percent-encoded. Keys are
``cchc-`` and the bulletin id; an id with other characters than ASCII letters, digits, ``_`` and ``-`` gets
them replaced by ``-`` and ``.`` and a hash of the whole id appended (a plain key never holds a ``.``), so keys
stay stable and unique.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from .i18n import translate

LANGUAGE = "vi"
RIS_TYPE, JSON_LD_TYPE, CSL_TYPE, BIBTEX_TYPE = "NEWS", "NewsArticle", "article-newspaper", "online"
KEY_PREFIX = "cchc-"
LATEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
                 "#": r"\#", "_": r"\_", "^": r"\textasciicircum{}", "~": r"\textasciitilde{}"}
URL_ESCAPES = {" ": "%20", "{": "%7B", "}": "%7D", "\\": "%5C"}
DATE_WORDS = {"vi": "ngày {d}/{m}/{y}", "en": "{d} {month} {y}"}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


@dataclass(frozen=True)
class Format:
    """A file format reference managers import: its name in routes, label, file extension, media type, writer."""

    name: str
    label: str
    extension: str
    media_type: str
    write: Callable[[Iterable[dict]], str]

    @property
    def content_type(self) -> str:
        return self.media_type if self.media_type.endswith("json") else self.media_type + "; charset=utf-8"


@dataclass(frozen=True)
class Citable:
    """What a citation may say of one bulletin: each field None when the bulletin does not tell it."""

    id: str
    key: str
    title: str | None
    publisher: str | None
    published: date | None
    url: str | None


def safe_url(url: str | None) -> str | None:
    """The source address if it is a web address, else None (never a javascript: link).

    >>> safe_url(" https://sonla.gov.vn/a "), safe_url("javascript:alert(1)"), safe_url(None)
    ('https://sonla.gov.vn/a', None, None)
    """
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def one_line(text: str | None) -> str | None:
    """``text`` in NFC on one line (runs of white space, new lines included, become one space); None if blank.

    >>> one_line(" Kết quả\\n  CCHC "), one_line("  "), one_line(None)
    ('Kết quả CCHC', None, None)
    """
    if text is None:
        return None
    joined = " ".join(unicodedata.normalize("NFC", str(text)).split())
    return joined or None


def publisher_of(url: str | None) -> str | None:
    """The site a source address belongs to, by its host without ``www.``.

    >>> publisher_of("https://www.SonLa.gov.vn/tin/1"), publisher_of("https://x.vn:8080/"), publisher_of(None)
    ('sonla.gov.vn', 'x.vn', None)
    """
    url = safe_url(url)
    if url is None:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None


def published_date(value) -> date | None:
    """The publication date of a ``YYYY-MM-DD`` value; None for anything else.

    >>> published_date("2014-06-12"), published_date("2014"), published_date(None)
    (datetime.date(2014, 6, 12), None, None)
    """
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def citation_key(doc_id: str) -> str:
    """A BibTeX key for a bulletin id: stable, unique, ASCII letters, digits, ``_``, ``-`` and ``.`` only.

    >>> citation_key("002_3240b270d685cc74")
    'cchc-002_3240b270d685cc74'
    >>> citation_key("tin/12"), citation_key("tin-12")
    ('cchc-tin-12.01bf20dc', 'cchc-tin-12')
    """
    plain = re.sub(r"[^A-Za-z0-9_-]", "-", doc_id)
    if plain == doc_id and doc_id:
        return KEY_PREFIX + doc_id
    return f"{KEY_PREFIX}{plain}.{hashlib.sha256(doc_id.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"


def citable(meta: dict) -> Citable:
    """The citable fields of a bulletin's metadata dict."""
    doc_id = str(meta["id"])
    url = safe_url(meta.get("url"))
    return Citable(id=doc_id, key=citation_key(doc_id), title=one_line(meta.get("title")),
                   publisher=publisher_of(url), published=published_date(meta.get("published")), url=url)


# -- RIS ------------------------------------------------------------------------------------------------
def ris_record(meta: dict) -> str:
    """One bulletin as an RIS record (lines ``TAG  - value``, CRLF, closed by ``ER  - ``)."""
    item = citable(meta)
    lines = [("TY", RIS_TYPE), ("ID", one_line(item.id)), ("TI", item.title), ("PB", item.publisher)]
    if item.published:
        lines += [("DA", item.published.strftime("%Y/%m/%d/")), ("PY", str(item.published.year))]
    lines += [("UR", item.url), ("LA", LANGUAGE)]
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines if value) + "ER  - \r\n"


def ris(metas) -> str:
    """Bulletins as one RIS file, a blank line between records."""
    return "\r\n".join(ris_record(meta) for meta in metas)


# -- BibTeX ---------------------------------------------------------------------------------------------
def latex_text(text: str) -> str:
    """Text for a BibTeX field: LaTeX's special characters escaped, ``--`` kept from becoming a dash.

    >>> print(latex_text('50% & {x} -- $1 #2 a_b ~ ^ \\\\ "q"'))
    50\\% \\& \\{x\\} -{}- \\$1 \\#2 a\\_b \\textasciitilde{} \\textasciicircum{} \\textbackslash{} "q"
    """
    escaped = "".join(LATEX_SPECIAL.get(ch, ch) for ch in text)
    return escaped.replace("--", "-{}-").replace("--", "-{}-")


def bibtex_url(url: str) -> str:
    """A URL for biblatex's verbatim ``url`` field: only what would break the braces is percent-encoded."""
    return "".join(URL_ESCAPES.get(ch, ch) for ch in url)


def bibtex_entry(meta: dict) -> str:
    """One bulletin as a biblatex ``@online`` entry."""
    item = citable(meta)
    fields = [("title", item.title and latex_text(item.title)),
              ("organization", item.publisher and latex_text(item.publisher)),
              ("date", item.published and item.published.isoformat()),
              ("url", item.url and bibtex_url(item.url)),
              ("langid", "vietnamese")]
    body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields if value)
    return f"@{BIBTEX_TYPE}{{{item.key},\n{body}}}\n"


def bibtex(metas) -> str:
    """Bulletins as one UTF-8 BibTeX file."""
    return "\n".join(bibtex_entry(meta) for meta in metas)


# -- CSL-JSON ---------------------------------------------------------------------------------------------
def csl_item(meta: dict) -> dict:
    """One bulletin as a CSL-JSON item."""
    item = citable(meta)
    out = {"id": item.id, "type": CSL_TYPE, "title": item.title, "publisher": item.publisher}
    if item.published:
        out["issued"] = {"date-parts": [[item.published.year, item.published.month, item.published.day]]}
    out |= {"URL": item.url, "language": LANGUAGE}
    return {name: value for name, value in out.items() if value is not None}


def csl_json(metas) -> str:
    """Bulletins as a CSL-JSON file: a list of items."""
    return json.dumps([csl_item(meta) for meta in metas], ensure_ascii=False, indent=2) + "\n"


# -- the bulletin page ------------------------------------------------------------------------------------
def json_ld(meta: dict) -> dict:
    """The schema.org description of a bulletin (the page writes it with Jinja's ``tojson``, which escapes
    ``<``, ``>`` and ``&`` so no title can close the script)."""
    item = citable(meta)
    out = {"@context": "https://schema.org", "@type": JSON_LD_TYPE, "identifier": item.id, "headline": item.title}
    if item.published:
        out["datePublished"] = item.published.isoformat()
    if item.publisher:
        out["publisher"] = {"@type": "Organization", "name": item.publisher}
    out |= {"url": item.url, "inLanguage": LANGUAGE}
    return {name: value for name, value in out.items() if value is not None}


def meta_tags(meta: dict) -> list[tuple[str, str]]:
    """The Google Scholar ``citation_*`` meta tags of a bulletin, as (name, content) pairs."""
    item = citable(meta)
    tags = [("citation_title", item.title), ("citation_publisher", item.publisher),
            ("citation_publication_date", item.published and item.published.strftime("%Y/%m/%d")),
            ("citation_public_url", item.url), ("citation_language", LANGUAGE)]
    return [(name, value) for name, value in tags if value]


def date_words(day: date, lang: str) -> str:
    """A date as people write it in ``lang``.

    >>> date_words(date(2014, 6, 2), "vi"), date_words(date(2014, 6, 2), "en")
    ('ngày 2/6/2014', '2 June 2014')
    """
    return DATE_WORDS[lang].format(d=day.day, m=day.month, y=day.year, month=MONTHS[day.month - 1])


def _sentence(text: str) -> str:
    """``text`` ending with a full stop, unless it ends with one already (or ``?``, ``!``, ``…``)."""
    return text if text.endswith((".", "?", "!", "…")) else text + "."


def formatted_citation(meta: dict, lang: str) -> str:
    """A citation to paste: “Title.” Publisher, date. URL. - in Vietnamese or English (which then says that
    the bulletin is in Vietnamese).

    >>> formatted_citation({"id": "a", "title": "Họp CCHC", "url": "https://sonla.gov.vn/1",
    ...                     "published": "2021-01-05"}, "en")
    '“Họp CCHC.” sonla.gov.vn, 5 January 2021. https://sonla.gov.vn/1. In Vietnamese.'
    >>> formatted_citation({"id": "a", "title": "Họp CCHC?", "url": None, "published": None}, "vi")
    '“Họp CCHC?” không rõ ngày.'
    """
    lang = "en" if lang == "en" else "vi"
    item = citable(meta)
    when = date_words(item.published, lang) if item.published else translate("cite_no_date", lang)
    parts = [f"“{_sentence(item.title or translate('cite_untitled', lang))}”",
             _sentence(f"{item.publisher}, {when}" if item.publisher else when)]
    if item.url:
        parts.append(item.url + ".")
    if lang != LANGUAGE:
        parts.append(translate("cite_in_vietnamese", lang))
    return " ".join(parts)


FORMATS = {f.name: f for f in (
    Format("ris", "RIS", "ris", "application/x-research-info-systems", ris),
    Format("bibtex", "BibTeX", "bib", "application/x-bibtex", bibtex),
    Format("csl_json", "CSL-JSON", "csl.json", "application/vnd.citationstyles.csl+json", csl_json),
)}
