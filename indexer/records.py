"""Plain records passed between the indexer's stages."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class SourceRecord:
    """One bulletin as read from the corpus, before cleaning."""

    id: str
    origin: str  # where it came from: "dir/file.txt" or "dir/batch.jsonl:12"
    kind: str  # "text" or "html"
    body: str  # decoded text or HTML
    given: dict = field(default_factory=dict)  # metadata given by JSONL or a sidecar
    digest: str = ""  # content hash: raw bytes, sidecar and pipeline version
    warnings: list[str] = field(default_factory=list)  # problems that did not stop indexing
    converted_from: str | None = None  # the legacy encoding the body was converted from ("TCVN3", ...)


@dataclass
class Skipped:
    """A corpus file or record that was not indexed, and why."""

    origin: str
    reason: str


@dataclass
class Cleaned:
    """Article text with page chrome removed."""

    title: str | None
    text: str  # the searchable body, NFC
    published_line: str | None = None  # the page's own date line, if one was found
    header: list[str] = field(default_factory=list)  # lines before the body
    aside: str = ""  # every line of the page outside the title and the body, in order (searchable, low weight)
    numbers: list[str] = field(default_factory=list)  # the document's own numbers ("Số: 23/KH-UBND")


@dataclass
class Bulletin:
    """A bulletin ready to index: cleaned text and all its metadata."""

    id: str
    title: str
    text: str
    url: str | None
    published: str | None
    province: str | None
    province_2025: str | None
    district: str | None
    year: int | None
    quarter: str | None
    topics: list[str]
    refs: list[str]
    origin: str
    digest: str
    warnings: list[str] = field(default_factory=list)
    converted_from: str | None = None  # as in ``SourceRecord``
    aside: str = ""  # as in ``Cleaned``
    numbers: list[str] = field(default_factory=list)  # the document's own numbers ("Số: 23/KH-UBND")
    figures: list[dict] = field(default_factory=list)  # the figures it reports (``indexer.figures``)

    def to_dict(self) -> dict:
        return asdict(self)
