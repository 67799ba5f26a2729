"""AO3 download reader: the HTML download and (after spine concatenation) the calibre EPUB.

Keys on what survives calibre: ids (preface, chapters, afterword, endnotes, endnotesN),
``h2.heading``, ``h2.toc-heading``, ``p.message``, ``dl.tags``, ``div.byline``, ``div.endnote-link``
and ``blockquote.userstuff``. Never on calibreN classes. calibre repeats the wrapper divs in every
split file, so every ``#preface``/``#chapters``/``#afterword`` section is walked in order.
"""

from __future__ import annotations

import re
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ficlens.ingest import ao3_meta
from ficlens.ingest.blocks import Block, blocks_text, clean_text, extract, node_text
from ficlens.ingest.builder import WorkBuilder

SECTION_IDS = ("preface", "chapters", "afterword")
_ENDNOTES_N = re.compile(r"^endnotes\d+$")
_CHAPTER_LABELS = {"chapter summary": "chapter_summary", "chapter notes": "chapter_notes"}


def is_ao3_download(tree: LexborHTMLParser) -> bool:
    message = tree.css_first("p.message")
    return bool(message and "Archive" in message.text() and tree.css_first("#preface, #chapters"))


def sections(trees: list[LexborHTMLParser]) -> list[LexborNode]:
    """Every top-level preface/chapters/afterword div, in reading order across the trees."""
    found: list[LexborNode] = []
    for tree in trees:
        body = tree.body
        child = body.child if body is not None else None
        top = []
        while child is not None:
            if child.tag == "div" and child.attributes.get("id") in SECTION_IDS:
                top.append(child)
            child = child.next
        found.extend(top or tree.css("#preface, #chapters, #afterword"))
    return found


def _classes(node: LexborNode) -> set[str]:
    return set((node.attributes.get("class") or "").split())


def _is_endnote_link(node: LexborNode) -> bool:
    return node.tag == "div" and "endnote-link" in _classes(node)


class _Reader:
    def __init__(self) -> None:
        self.b = WorkBuilder()
        self.meta = ao3_meta.empty_metadata()
        self.meta["site"] = "ao3"
        self.labels: list[tuple[str, bool, int]] = []
        self.summary_items: list = []
        self.associations: list[str] = []

    # -- preface ----------------------------------------------------------------------------------
    def preface(self, node: LexborNode) -> None:
        mode: str | None = None
        for child in _element_children(node):
            tag, cls = child.tag, _classes(child)
            if tag == "p" and "message" in cls:
                self._message(child)
            elif tag == "dl" and "tags" in cls:
                self._tags(child)
            elif tag == "h1":
                self.meta["title"] = node_text(child) or self.meta["title"]
            elif tag == "div" and "byline" in cls:
                self._byline(child)
            elif tag == "p":
                label = node_text(child).rstrip(":").lower()
                mode = {"summary": "summary", "notes": "work_notes"}.get(label, mode)
            elif tag == "blockquote" and mode:
                items = extract(child)
                if mode == "summary":
                    self.summary_items.extend(items)
                self.b.add_note(mode, items)
            elif tag == "ul":
                self.associations.extend(node_text(li) for li in child.css("li"))
            elif tag == "div" and not _is_endnote_link(child) and not child.css_first("h2.heading"):
                self.preface(child)

    def _message(self, node: LexborNode) -> None:
        title = node.css_first("b")
        if title is not None and not self.meta["title"]:
            self.meta["title"] = node_text(title)
        for a in node.css("a"):
            href = a.attributes.get("href") or ""
            if "/works/" in href:
                self.meta["url"] = href
                self.meta["work_id"] = ao3_meta.work_id_from_url(href)

    def _tags(self, dl: LexborNode) -> None:
        for dt in dl.css("dt"):
            dd = dt.next
            while dd is not None and dd.tag != "dd":
                dd = dd.next
            if dd is None:
                continue
            key, plural = ao3_meta.normalise_label(node_text(dt))
            field = ao3_meta.LABELS.get(key)
            links = [node_text(a) for a in dd.css("a")]
            if field == "stats":
                self.meta["stats"] = ao3_meta.parse_stats(clean_text(dd.text()))
            elif field == "series":
                self.meta["series"] = parse_series(dd)
            elif field == "language":
                self.meta["language"] = node_text(dd) or None
            elif field:
                values = links or [v.strip() for v in node_text(dd).split(",") if v.strip()]
                self.labels.append((key, plural, len(values)))
                ao3_meta.apply_tags(self.meta, field, values)

    def _byline(self, node: LexborNode) -> None:
        authors = [node_text(a) for a in node.css("a[rel=author]")]
        if not authors:
            text = re.sub(r"^\s*by\s+", "", node_text(node))
            authors = [a.strip() for a in text.split(",") if a.strip()]
        self.meta["authors"] = authors

    # -- chapters ---------------------------------------------------------------------------------
    def chapters(self, node: LexborNode) -> None:
        for child in _element_children(node):
            tag = child.tag
            element_id = child.attributes.get("id") or ""
            if tag == "h2" and "heading" in _classes(child):
                self._chapter_heading(child)
            elif tag == "h2" and "toc-heading" in _classes(child):
                self.b.start_chapter(1, None, None)
            elif _ENDNOTES_N.match(element_id):
                self._notes(child, {"chapter end notes": "chapter_end_notes"}, "chapter_end_notes")
            elif child.css_first("h2.heading") is not None:
                self._meta_group(child)
            elif tag in ("div", "p", "blockquote", "section"):
                items = extract(child)
                if self.b.chapter_index is None and any(isinstance(i, Block) for i in items):
                    self.b.start_chapter(len(self.b.chapters) + 1, None, None)
                self.b.add_story(items)

    def _chapter_heading(self, node: LexborNode) -> None:
        heading = node_text(node)
        number, title = ao3_meta.chapter_heading(heading)
        self.b.start_chapter(number or len(self.b.chapters) + 1, title, heading)

    def _meta_group(self, node: LexborNode) -> None:
        """``div.meta.group``: heading, optional chapter byline, chapter summary and notes."""
        mode: str | None = None
        for child in _element_children(node):
            tag, cls = child.tag, _classes(child)
            if tag == "h2" and "heading" in cls:
                self._chapter_heading(child)
            elif tag == "p" and "byline" in cls:
                continue
            elif tag == "p":
                label = node_text(child).rstrip(":").lower()
                mode = _CHAPTER_LABELS.get(label, mode)
            elif tag == "blockquote" and mode:
                self.b.add_note(mode, extract(child), self.b.chapter_index)
            elif tag == "div" and not _is_endnote_link(child):
                self._meta_group(child)

    def _notes(self, node: LexborNode, labels: dict[str, str], default: str) -> None:
        mode = default
        for child in _element_children(node):
            if child.tag == "p" and not _classes(child) & {"message"}:
                mode = labels.get(node_text(child).rstrip(":").lower(), mode)
            elif child.tag == "blockquote":
                self.b.add_note(mode, extract(child), self.b.chapter_index)
            elif child.tag == "div":
                self._notes(child, labels, mode)

    # -- afterword --------------------------------------------------------------------------------
    def afterword(self, node: LexborNode) -> None:
        self.b.close_chapter()
        for child in _element_children(node):
            if child.attributes.get("id") == "endnotes":
                self._notes(child, {"end notes": "work_end_notes"}, "work_end_notes")
            elif child.tag == "dl":
                self.meta.setdefault("inspired_works", []).extend(node_text(dd) for dd in child.css("dd"))
            elif child.tag == "div":
                self.afterword(child)

    def read(self, nodes: list[LexborNode]) -> WorkBuilder:
        for node in nodes:
            section = node.attributes.get("id")
            if section == "preface":
                self.preface(node)
            elif section == "chapters":
                self.chapters(node)
            elif section == "afterword":
                self.afterword(node)
        self.meta["summary"] = blocks_text(self.summary_items) or None
        self.meta["label_era"] = ao3_meta.label_era(self.labels)
        if self.associations:
            self.meta["associations"] = self.associations
        return self.b


def _element_children(node: LexborNode) -> list[LexborNode]:
    out = []
    child = node.child
    while child is not None:
        if not child.tag.startswith("-"):
            out.append(child)
        child = child.next
    return out


def parse_series(dd: LexborNode) -> list[dict[str, Any]]:
    """``Part 1 of <a href=".../series/15213">Watches 'Verse</a>`` (repeated with commas)."""
    series: list[dict[str, Any]] = []
    pending = ""
    child = dd.child
    while child is not None:
        if child.tag == "-text":
            pending += child.text_content or ""
        elif child.tag == "a":
            m = re.search(r"Part\s+(\d+)\s+of\s*$", pending.strip() + " ")
            m = m or re.search(r"Part\s+(\d+)\s+of", pending)
            href = child.attributes.get("href") or None
            sid = re.search(r"/series/(\d+)", href or "")
            series.append({"name": node_text(child), "part": int(m.group(1)) if m else None, "url": href,
                           "id": sid.group(1) if sid else None})
            pending = ""
        else:
            pending += child.text() or ""
        child = child.next
    return series


def read_trees(trees: list[LexborHTMLParser]) -> tuple[WorkBuilder, dict[str, Any]]:
    reader = _Reader()
    builder = reader.read(sections(trees))
    return builder, reader.meta
