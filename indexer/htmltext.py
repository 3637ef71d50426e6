"""Stage 1b: a saved web page to article text, title, date and address.

Uses selectolax (the Lexbor HTML5 parser): scripts, styles, menus, headers,
footers, sidebars and share bars are removed, the element most likely to hold
the article (``<article>``, ``itemprop=articleBody``, a content/detail block) is
chosen, and its text is rebuilt with one line per block element, so the same
line-based cleaning applies to HTML and to scraped text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

from .dates import parse_date

REMOVE = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
          "iframe", "svg", "button", "select", "input", "textarea", "object", "embed")
_FURNITURE = re.compile(
    r"(^|[\s_-])(menu|nav|navbar|footer|header|sidebar|side-bar|breadcrumbs?|share|social|comments?|"
    r"related|tin-?lien-?quan|tin-?khac|widget|banner|advert|ads|quang-?cao|pagination|toolbar|print)($|[\s_-])",
    re.I,
)
CONTENT_SELECTORS = ("[itemprop=articleBody]", "article", ".article-content", ".news-content",
                     ".content-detail", ".detail-content", ".noidung", ".chitiet", ".post-content",
                     ".entry-content", "main", "#content", ".content")
BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
          "section", "article", "blockquote", "figure", "figcaption", "dd", "dt", "pre", "main", "hr"}
_DATE_META = ("article:published_time", "og:published_time", "pubdate", "publishdate", "date",
              "dc.date", "dc.date.issued", "article:published")


@dataclass
class Page:
    """What a saved page says about its article."""

    title: str | None
    text: str
    published: str | None  # YYYY-MM-DD from the page's metadata
    url: str | None


def _meta(tree, *names: str) -> str | None:
    for name in names:
        for attr in ("property", "name", "itemprop"):
            node = tree.css_first(f'meta[{attr}="{name}"]')
            if node and (node.attributes.get("content") or "").strip():
                return node.attributes["content"].strip()
    return None


def _strip_furniture(root) -> None:
    for tag in REMOVE:
        for node in root.css(tag):
            node.decompose()
    for node in root.css("[class], [id], [role]"):
        attrs = node.attributes
        label = " ".join(filter(None, (attrs.get("class"), attrs.get("id"), attrs.get("role"))))
        if _FURNITURE.search(label) and node.tag not in ("body", "html", "main", "article"):
            node.decompose()


def _content_root(tree):
    best, best_len = None, 0
    for selector in CONTENT_SELECTORS:
        for node in tree.css(selector):
            length = len(node.text(strip=True))
            if length > best_len * 1.2:
                best, best_len = node, length
        if best is not None and best_len > 200:
            return best
    return best or tree.body or tree.root


def _text_of(node, out: list[str]) -> None:
    for child in node.iter(include_text=True):
        if child.tag == "-text":
            out.append(child.text_content or "")
        elif child.tag in BLOCKS:
            out.append("\n")
            _text_of(child, out)
            out.append("\n")
        elif child.tag not in ("-comment",):
            _text_of(child, out)


def block_text(node) -> str:
    """Text of ``node`` with a line break around every block element."""
    out: list[str] = []
    _text_of(node, out)
    lines = (" ".join(line.split()) for line in "".join(out).split("\n"))
    return "\n\n".join(line for line in lines if line)


def _title(tree, root) -> str | None:
    for scope in (root, tree):
        node = scope.css_first("h1") if scope is not None else None
        if node and node.text(strip=True):
            return " ".join(node.text().split())
    title = _meta(tree, "og:title")
    if not title and tree.css_first("title"):
        title = tree.css_first("title").text()
        parts = [p.strip() for p in re.split(r"\s[|–-]\s", title) if p.strip()]
        title = max(parts, key=len) if parts else None
    return " ".join(title.split()) if title else None


def extract_page(html: str) -> Page:
    """Article title, text, date and canonical address of a saved page (with no text in its body, its title and
    description stand as its text)."""
    tree = LexborHTMLParser(html)
    published = _meta(tree, *_DATE_META)
    time_node = tree.css_first("time[datetime]")
    if not published and time_node:
        published = time_node.attributes.get("datetime")
    canonical = tree.css_first('link[rel="canonical"]')
    url = (canonical.attributes.get("href") if canonical else None) or _meta(tree, "og:url")
    if tree.body is not None:
        _strip_furniture(tree.body)
    root = _content_root(tree)
    title = _title(tree, root)
    text = block_text(root) if root is not None else ""
    if not text.strip():  # a page whose scripts write its body, or a copy cut after its head: what the head says
        text = "\n\n".join(dict.fromkeys(filter(None, (title, _meta(tree, "description", "og:description")))))
    return Page(title=title, text=text, published=parse_date(published) if published else None, url=url)
