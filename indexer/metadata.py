"""Stage 3: a ``SourceRecord`` becomes a ``Bulletin`` with all its metadata.

HTML goes through ``htmltext`` first; then cleaning, and the extractors:
title and date line (``cleaning``, ``dates``), reporting period (``periods``),
province and district (``places``), topics (``topics``) and cited document
numbers (``search.docnumbers``), then the figures it reports (``figures``, read with the
bulletin's province, district and period). Fields given by a JSONL record or a sidecar
override what extraction finds. Null means "the page does not say".
"""

from __future__ import annotations

from search.docnumbers import find_refs
from search.vocabulary import province_2025_of

from .cleaning import address_phrase, clean, never_headline
from .dates import DOCUMENT_HEADER, parse_date_line, stamp_month
from .figures import figures_of
from .htmltext import extract_page
from .periods import annual_document, before_its_results, reporting_period
from .places import dateline_day, locate, province_of_district
from .records import Bulletin, Skipped, SourceRecord
from .topic_model import refine
from .topics import assign_topics, with_figures

TITLE_FALLBACK_CHARS = 120


def _fallback_title(text: str) -> str:
    """The first line of a page without a headline that is no list item ("- 1Nghị quyết ... năm 2011": a legal
    site's list of related documents), scrap or banner (``cleaning.never_headline``)."""
    lines = text.split("\n")
    first = next((line for line in lines if line and not never_headline(line.lstrip())), lines[0])
    return first if len(first) <= TITLE_FALLBACK_CHARS else first[:TITLE_FALLBACK_CHARS].rsplit(" ", 1)[0] + "…"


def extract_metadata(record: SourceRecord, classify: bool = True) -> Bulletin | Skipped:
    """Clean a record and extract its metadata; Skipped when no article text is left. ``classify``: the topic
    classifier settles the topics the evidence rules give (``indexer.topic_model``; off: the rules' alone)."""
    given = record.given
    page_date = url = hint = None
    text = record.body
    if record.kind == "html":
        page = extract_page(record.body)
        text, hint, page_date, url = page.text, page.title, page.published, page.url
    url = given.get("url") or url
    cleaned = clean(text, title_hint=given.get("title") or hint, url=url)
    if not cleaned.text.strip():
        return Skipped(record.origin, "no article text after removing page chrome")
    title = given.get("title") or cleaned.title or _fallback_title(cleaned.text)
    dated = parse_date_line(cleaned.published_line) if cleaned.published_line else None
    published = given.get("published") or page_date or (dated[0] if dated else None) or dateline_day(cleaned.text)
    seen = next((month for month in map(stamp_month, cleaned.header) if month), None)  # "date 2020-09"
    year, quarter = reporting_period(title, cleaned.text, published or seen, annual_document(cleaned.numbers))
    if before_its_results(title, published, year, quarter):  # the page's clock: "Thứ 6 - 26/02/2016" above
        published = None  # "Kết quả chỉ số năng lực cạnh tranh cấp tỉnh năm 2017"
    header = "\n".join(line for line in cleaned.header if line not in (title, cleaned.published_line))
    issued = DOCUMENT_HEADER.match((cleaned.published_line or "").strip())  # "Huế, ngày 05 tháng 3 năm 2015"
    spelled = "" if given.get("title") or cleaned.title else address_phrase(url)  # no headline: the address's
    place = locate(title, cleaned.text, url, header=header, issued_in=issued.group("place") if issued else None,
                   spelled=spelled, published=published)
    district = given.get("district") or place.district
    province = given.get("province") or place.province
    if given.get("district") and not given.get("province"):
        province = province_of_district(district) or province
    bulletin = Bulletin(
        id=record.id,
        title=title,
        text=cleaned.text,
        url=url,
        published=published,
        province=province,
        province_2025=province_2025_of().get(province) if province else None,
        district=district,
        year=given.get("year", year),
        quarter=given.get("quarter", quarter),
        topics=given["topics"] if "topics" in given else assign_topics(title, cleaned.text),
        refs=find_refs(f"{title}\n{cleaned.text}"),
        origin=record.origin,
        digest=record.digest,
        warnings=list(record.warnings),
        converted_from=record.converted_from,
        aside=cleaned.aside,
        numbers=cleaned.numbers,
    )
    bulletin.figures = figures_of(bulletin)
    if "topics" not in given:
        bulletin.topics = with_figures(bulletin.topics, bulletin.figures, title, cleaned.text)
        if classify:
            bulletin.topics = refine(bulletin.topics, title, cleaned.text)
    return bulletin
