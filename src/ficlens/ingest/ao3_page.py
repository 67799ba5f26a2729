"""Saved AO3 work web page: ``dl.work.meta.group``, ``div#workskin``, ``div#chapters``.

The page carries navigation, comments and kudos chrome; only the preface (summary, notes), the
chapters (their preface, body minus the "Chapter Text" landmark, end notes) and the work end
notes are read.
"""

from __future__ import annotations

import re
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ficlens.ingest import ao3_meta
from ficlens.ingest.blocks import blocks_text, clean_text, extract, node_text
from ficlens.ingest.builder import WorkBuilder

_DT_CLASSES = {"rating": "rating", "warning": "warnings", "category": "categories", "fandom": "fandoms",
               "relationship": "relationships", "character": "characters", "freeform": "additional_tags",
               "collections": "collections"}
_COUNTS = ("comments", "kudos", "bookmarks", "hits")


def is_ao3_page(tree: LexborHTMLParser) -> bool:
    return tree.css_first("dl.work.meta") is not None or (
        tree.css_first("div#workskin") is not None and tree.css_first("div#chapters") is not None)


def _is_landmark(node: LexborNode) -> bool:
    return node.tag == "h3" and "landmark" in (node.attributes.get("class") or "")


def _quote(node: LexborNode | None) -> LexborNode | None:
    if node is None:
        return None
    return node.css_first("blockquote.userstuff") or node.css_first("blockquote")


def _metadata(tree: LexborHTMLParser) -> dict[str, Any]:
    meta = ao3_meta.empty_metadata()
    meta["site"] = "ao3"
    dl = tree.css_first("dl.work.meta")
    labels: list[tuple[str, bool, int]] = []
    if dl is not None:
        for dd in dl.css("dd"):
            classes = set((dd.attributes.get("class") or "").split())
            values = [node_text(a) for a in dd.css("a.tag")] or [node_text(a) for a in dd.css("a")]
            dt = dd.prev
            while dt is not None and dt.tag != "dt":
                dt = dt.prev
            for cls, key in _DT_CLASSES.items():
                if cls in classes:
                    if dt is not None:
                        norm, plural = ao3_meta.normalise_label(node_text(dt))
                        labels.append((norm, plural, len(values)))
                    ao3_meta.apply_tags(meta, key, values)
            if "language" in classes:
                meta["language"] = node_text(dd) or None
            elif "series" in classes:
                meta["series"] = _series(dd)
    meta["label_era"] = ao3_meta.label_era(labels)
    stats = ao3_meta.empty_stats()
    for key in ("published", "words", "chapters", "status", *_COUNTS):
        dd = tree.css_first(f"dl.stats dd.{key}")
        if dd is None:
            continue
        value = node_text(dd)
        if key == "published":
            stats["published"] = value
        elif key == "status":
            label = node_text(dd.prev) if dd.prev is not None else ""
            stats["completed" if "Completed" in label else "updated"] = value
        elif key == "chapters":
            m = re.match(r"(\d+)\s*/\s*(\d+|\?)", value)
            if m:
                ao3_meta.set_chapters(stats, m.group(1), m.group(2))
        else:
            digits = re.sub(r"\D", "", value)
            stats[key] = int(digits) if digits else None
    meta["stats"] = stats
    title = tree.css_first("h2.title")
    meta["title"] = node_text(title) or None
    byline = tree.css_first("h3.byline")
    if byline is not None:
        meta["authors"] = [node_text(a) for a in byline.css("a[rel=author]")] or [node_text(byline)]
    html_text = tree.html or ""
    m = re.search(r"/works/(\d+)", html_text)
    if m:
        meta["work_id"] = m.group(1)
        meta["url"] = f"https://archiveofourown.org/works/{m.group(1)}"
    return meta


def _series(dd: LexborNode) -> list[dict[str, Any]]:
    out = []
    for span in dd.css("span.position") or [dd]:
        text = clean_text(span.text())
        a = span.css_first("a[href*='/series/']")
        m = re.search(r"Part\s+(\d+)", text)
        if a is not None:
            href = a.attributes.get("href")
            sid = re.search(r"/series/(\d+)", href or "")
            out.append({"name": node_text(a), "part": int(m.group(1)) if m else None, "url": href,
                        "id": sid.group(1) if sid else None})
    return out


def read_tree(tree: LexborHTMLParser) -> tuple[WorkBuilder, dict[str, Any]]:
    meta = _metadata(tree)
    b = WorkBuilder()
    work_preface = tree.css_first("div#workskin > div.preface")
    summary_text = None
    if work_preface is not None:
        summary = _quote(work_preface.css_first("div.summary"))
        if summary is not None:
            items = extract(summary)
            summary_text = blocks_text(items) or None
            b.add_note("summary", items)
        b.add_note("work_notes", extract(_quote(work_preface.css_first("div.notes"))))
    meta["summary"] = summary_text
    chapters = tree.css("div#chapters > div.chapter") or []
    if chapters:
        for n, chapter in enumerate(chapters, 1):
            _chapter(b, chapter, n)
    else:
        body = tree.css_first("div#chapters div.userstuff") or tree.css_first("div#chapters")
        if body is not None:
            b.start_chapter(1, None, None)
            b.add_story(extract(body, _is_landmark))
    b.close_chapter()
    b.add_note("work_end_notes", extract(_quote(tree.css_first("div#work_endnotes"))))
    return b, meta


def _chapter(b: WorkBuilder, chapter: LexborNode, position: int) -> None:
    preface = chapter.css_first("div.chapter.preface")
    title_node = preface.css_first("h3.title") if preface is not None else None
    heading = node_text(title_node) or None
    number, title = ao3_meta.chapter_heading(heading or "")
    m = re.search(r"chapter-(\d+)", chapter.attributes.get("id") or "")
    number = number or (int(m.group(1)) if m else position)
    index = b.start_chapter(number, title, heading)
    if preface is not None:
        b.add_note("chapter_summary", extract(_quote(preface.css_first("div.summary"))), index)
        b.add_note("chapter_notes", extract(_quote(preface.css_first("div.notes"))), index)
    body = chapter.css_first("div.userstuff")
    b.add_story(extract(body, _is_landmark))
    end = chapter.css_first("div.end.notes") or chapter.css_first("div.end")
    b.add_note("chapter_end_notes", extract(_quote(end)), index)
