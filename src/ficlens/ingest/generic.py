"""Fallback readers for HTML and EPUB from anywhere else: title from ``<title>``/``h1``, story
paragraphs from the block elements. Chapters in generic HTML are left to the structure stage; in
a generic EPUB each spine document that opens with a heading is a chapter."""

from __future__ import annotations

from typing import Any

from selectolax.lexbor import LexborHTMLParser

from ficlens.ingest import ao3_meta
from ficlens.ingest.blocks import Block, extract, node_text
from ficlens.ingest.builder import WorkBuilder
from ficlens.ingest.epub import Epub, description_text

_HEADINGS = ("h1", "h2", "h3")


def read_html(tree: LexborHTMLParser) -> tuple[WorkBuilder, dict[str, Any]]:
    meta = ao3_meta.empty_metadata()
    meta["title"] = node_text(tree.css_first("title")) or node_text(tree.css_first("h1")) or None
    author = tree.css_first("meta[name=author]")
    if author is not None and author.attributes.get("content"):
        meta["authors"] = [author.attributes["content"]]
    b = WorkBuilder()
    b.add_story(extract(tree.body))
    return b, meta


def read_epub(epub: Epub) -> tuple[WorkBuilder, dict[str, Any]]:
    opf = epub.opf
    meta = ao3_meta.empty_metadata()
    meta["title"], meta["authors"], meta["language"] = opf["title"], opf["creators"], opf["language"]
    meta["additional_tags"] = list(opf["subjects"])
    meta["summary"] = description_text(opf["description"])
    b = WorkBuilder()
    if meta["summary"]:
        b.add_note("summary", [Block(meta["summary"])])
    for _, doc in epub.spine:
        items = extract(doc.body)
        first = next((i for i in items if isinstance(i, Block)), None)
        head = doc.body.css_first(",".join(_HEADINGS)) if doc.body is not None else None
        if first is not None and head is not None and node_text(head) == first.text:
            items.remove(first)
            number, title = ao3_meta.chapter_heading(first.text)
            b.start_chapter(number, title if number else first.text, first.text, "site" if number else None)
        b.add_story(items)
    b.close_chapter()
    return b, meta
