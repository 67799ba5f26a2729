"""FanFicFare EPUB: ``title_page.xhtml`` metadata, chapters under ``h3.fff_chapter_title``, and
site notes in ``div.fff_chapter_notes`` (head/foot) with bold labels.

The note labels are configurable in FanFicFare (FanFicFare#1347), so the known defaults map to
note kinds and anything else falls back on where the div sits (head → chapter notes, foot →
chapter end notes).
"""

from __future__ import annotations

import posixpath
import re
from typing import Any

from selectolax.lexbor import LexborNode

from ficlens.ingest import ao3_meta
from ficlens.ingest.blocks import Block, clean_text, extract, node_text
from ficlens.ingest.builder import WorkBuilder
from ficlens.ingest.epub import Epub, description_text

_SKIP_FILES = ("title_page.xhtml", "toc_page.xhtml", "log_page.xhtml", "cover.xhtml")
_LABEL_KEYS = {
    "category": "fandoms", "fandoms": "fandoms", "fandom": "fandoms", "rating": "rating",
    "warnings": "warnings", "warning": "warnings", "characters": "characters",
    "relationships": "relationships", "pairings": "relationships", "ships": "relationships",
    "freeform tags": "additional_tags", "extra tags": "additional_tags", "genre": "additional_tags",
    "ao3 categories": "categories", "language": "language", "collections": "collections",
}
_NOTE_LABELS = {
    "summary for the chapter": "chapter_summary", "chapter summary": "chapter_summary",
    "notes for the chapter": "chapter_notes", "chapter notes": "chapter_notes",
    "end notes for the chapter": "chapter_end_notes", "chapter end notes": "chapter_end_notes",
}


def _classes(node: LexborNode) -> set[str]:
    return set((node.attributes.get("class") or "").split())


def _title_page(epub: Epub) -> dict[str, str]:
    """``<b>Label:</b> value<br/>`` pairs (or table rows) from title_page.xhtml."""
    fields: dict[str, str] = {}
    for path, doc in epub.spine:
        if posixpath.basename(path) != "title_page.xhtml" or doc.body is None:
            continue
        html_text = doc.body.html or ""
        for line in re.split(r"<br\s*/?>|</tr>|</p>|</div>", html_text, flags=re.I):
            m = re.search(r"<b[^>]*>\s*([^<:]+?)\s*:\s*</b>(.*)", line, re.S | re.I)
            if m:
                from selectolax.lexbor import LexborHTMLParser

                fields[m.group(1).strip().lower()] = clean_text(LexborHTMLParser(m.group(2)).text() or "")
        link = doc.css_first("h3 a[href]")
        if link is not None:
            fields.setdefault("story url", link.attributes.get("href") or "")
    return fields


def _metadata(epub: Epub, fields: dict[str, str]) -> dict[str, Any]:
    opf = epub.opf
    meta = ao3_meta.empty_metadata()
    meta["title"] = opf["title"] or fields.get("title")
    meta["authors"] = opf["creators"] or [a.strip() for a in fields.get("author", "").split(",") if a.strip()]
    meta["language"] = fields.get("language") or opf["language"]
    for label, key in _LABEL_KEYS.items():
        if fields.get(label):
            values = [v.strip() for v in fields[label].split(",") if v.strip()]
            if key in ("fandoms", "additional_tags") and meta[key]:
                values = [v for v in values if v not in meta[key]]
            ao3_meta.apply_tags(meta, key, values)
    stats = meta["stats"]
    stats["published"] = _iso(fields.get("published"))
    stats["updated"] = _iso(fields.get("updated"))
    if fields.get("status", "").lower().startswith("complete"):
        stats["completed"] = stats["updated"] or stats["published"]
    if fields.get("words"):
        digits = re.sub(r"\D", "", fields["words"])
        stats["words"] = int(digits) if digits else None
    m = re.match(r"(\d+)\s*(?:/\s*(\d+|\?))?", fields.get("chapters", ""))
    if m:
        ao3_meta.set_chapters(stats, m.group(1), m.group(2) or m.group(1))
    url = fields.get("story url") or next((s for s in opf["sources"] if s.startswith("http")), None)
    url = url or next((i.split(":", 2)[-1] for i in opf["identifiers"] if "http" in i), None)
    meta["url"] = url
    if url and "archiveofourown.org" in url:
        meta["site"], meta["work_id"] = "ao3", ao3_meta.work_id_from_url(url)
    elif url and "fanfiction.net" in url:
        sid = re.search(r"/s/(\d+)", url)
        meta["site"], meta["work_id"] = "ffn", sid.group(1) if sid else None
    meta["summary"] = description_text(opf["description"]) or fields.get("summary")
    if fields.get("series"):
        m = re.match(r"(.*?)\s*\[(\d+)\]\s*$", fields["series"])
        meta["series"] = [{"name": m.group(1) if m else fields["series"],
                           "part": int(m.group(2)) if m else None, "url": None}]
    return meta


def _iso(value: str | None) -> str | None:
    m = re.search(r"\d{4}-\d{2}-\d{2}", value or "")
    return m.group(0) if m else None


def read_epub(epub: Epub) -> tuple[WorkBuilder, dict[str, Any]]:
    fields = _title_page(epub)
    meta = _metadata(epub, fields)
    b = WorkBuilder()
    if meta["summary"]:
        b.add_note("summary", [Block(meta["summary"])])
    chapter_docs = [(p, d) for p, d in epub.spine if posixpath.basename(p) not in _SKIP_FILES]
    for n, (_, doc) in enumerate(chapter_docs, 1):
        if doc.body is None:
            continue
        title_node = doc.css_first("h3.fff_chapter_title") or doc.css_first("h1, h2, h3")
        heading = node_text(title_node) or None
        number, title = ao3_meta.chapter_heading(heading or "")
        index = b.start_chapter(number or n, title if number else heading, heading)
        last = n == len(chapter_docs)
        story: list = []
        child = doc.body.child
        while child is not None:
            if child.tag.startswith("-") and child.tag != "-text":
                child = child.next
                continue
            if title_node is not None and child == title_node:
                pass
            elif child.tag != "-text" and "fff_chapter_notes" in _classes(child):
                b.add_story(story)
                story = []
                head = "fff_foot_notes" not in _classes(child)
                _notes(b, child, index, head=head, first=n == 1, last=last)
            else:
                story.extend(extract(child, include_self=True))
            child = child.next
        b.add_story(story)
    b.close_chapter()
    return b, meta


def _work_note_kind(head: bool, first: bool, last: bool) -> str | None:
    """An "Author's Note" heads the first chapter (work notes) or ends the last (work end notes)."""
    if head:
        return "work_notes" if first else None
    return "work_end_notes" if last else None


def _notes(b: WorkBuilder, div: LexborNode, index: int, *, head: bool, first: bool, last: bool) -> None:
    default = "chapter_notes" if head else "chapter_end_notes"
    kind = default
    child = div.child
    while child is not None:
        if child.tag in ("b", "strong", "p") and child.css_first("blockquote") is None:
            label = node_text(child).rstrip(":").lower()
            if label in _NOTE_LABELS:
                kind = _NOTE_LABELS[label]
                if not head and kind == "chapter_notes":  # FanFicFare labels foot notes the same way
                    kind = "chapter_end_notes"
            elif label in ("author's note", "authors note", "notes", "author note"):
                kind = _work_note_kind(head, first, last) or default
        elif child.tag == "blockquote" or child.tag == "div":
            b.add_note(kind, extract(child), None if kind.startswith("work") else index)
        child = child.next
