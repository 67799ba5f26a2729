"""Saved FanFiction.Net chapter page: the story is ``div#storytext``, the rest is chrome.

Metadata comes from the " - "-separated line ("Rated: ... - id: N"; in ``span.xgray`` on current
pages, a bare text line on old ones), the breadcrumb (fandom), the page title and the chapter
menu. Old pages use uppercase tags; the HTML parser lowercases them.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from ficlens.ingest import ao3_meta
from ficlens.ingest.blocks import clean_text, extract, node_text
from ficlens.ingest.builder import WorkBuilder

GENRES = frozenset({"Adventure", "Angst", "Crime", "Drama", "Family", "Fantasy", "Friendship", "General",
                    "Horror", "Humor", "Hurt/Comfort", "Mystery", "Parody", "Poetry", "Romance", "Sci-Fi",
                    "Spiritual", "Supernatural", "Suspense", "Tragedy", "Western"})
_META_LINE = re.compile(r"Rated:.*?id:\s*\d+", re.S)
_TITLE = re.compile(r"^(?P<title>.*?)\s+Chapter\s+(?P<chapter>\d+),\s+an?\s+(?P<fandom>.*?)\s+fanfic", re.S)


def is_ffn_page(tree: LexborHTMLParser) -> bool:
    return tree.css_first("div#storytext") is not None


def _date(text: str) -> str | None:
    text = text.strip()
    for fmt in ("%m-%d-%y", "%m/%d/%Y", "%m/%d/%y", "%b %d, %Y", "%b %d %Y"):
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _meta_line(tree: LexborHTMLParser) -> str:
    span = tree.css_first("span.xgray")
    if span is not None and "Rated" in span.text():
        return clean_text(span.text())
    body = tree.body
    text = body.text(deep=True) if body is not None else ""
    story = tree.css_first("div#storytext")
    if story is not None:
        text = text.replace(story.text(deep=True), " ")
    m = _META_LINE.search(text)
    return clean_text(m.group(0)) if m else ""


def parse_meta_line(line: str, meta: dict[str, Any], tree: LexborHTMLParser) -> None:
    stats = meta["stats"]
    stamps = [int(s.attributes.get("data-xutime") or 0) for s in tree.css("span[data-xutime]")]
    fields = [f.strip() for f in line.split(" - ") if f.strip()]
    complete = False
    for n, field in enumerate(fields):
        key, _, value = field.partition(":")
        key, value = key.strip().lower(), value.strip()
        if _ and key == "rated":
            meta["rating"] = value.replace("Fiction", "").strip() or value
        elif _ and key in ("chapters", "words", "reviews", "favs", "follows"):
            digits = re.sub(r"\D", "", value)
            if key == "chapters":
                stats["chapters_posted"] = int(digits) if digits else None
            elif key == "words":
                stats["words"] = int(digits) if digits else None
            else:
                stats[key] = int(digits) if digits else None
        elif _ and key in ("updated", "published"):
            stats[key] = _date(value)
        elif _ and key == "status":
            complete = value.lower().startswith("complete")
        elif _ and key == "id":
            meta["work_id"] = value
        elif n == 1 and not _:
            meta["language"] = field
        elif not _ and all(g in GENRES for g in _split_genres(field)):
            meta["genres"] = _split_genres(field)
        elif not _:
            _characters(field, meta)
    if stamps:  # current pages: [updated,] published as unix times
        dates = [dt.datetime.fromtimestamp(s, dt.UTC).date().isoformat() for s in stamps if s]
        if dates:
            stats["published"] = dates[-1]
            if len(dates) > 1:
                stats["updated"] = dates[0]
    if complete:  # FFN gives no completion date: the last update is when it was completed
        stats["completed"] = stats.get("updated") or stats.get("published")


def _split_genres(field: str) -> list[str]:
    parts = field.replace("Hurt/Comfort", "\0").split("/")
    return [p.replace("\0", "Hurt/Comfort").strip() for p in parts if p.strip()]


def _characters(field: str, meta: dict[str, Any]) -> None:
    """"[Harry P., Draco M.] Ron W." -> pairings in brackets (romantic), characters by comma or &."""
    for group in re.findall(r"\[([^\]]+)\]", field):
        names = [n.strip() for n in group.split(",") if n.strip()]
        if len(names) > 1:
            meta["relationships"].append({"tag": "/".join(names), "kind": "romantic", "characters": names})
    names = [n.strip() for n in re.split(r",|\s&\s|[\[\]]", field) if n.strip()]
    meta["characters"] = names
    meta["characters_raw"] = [field]


def read_tree(tree: LexborHTMLParser) -> tuple[WorkBuilder, dict[str, Any]]:
    meta = ao3_meta.empty_metadata()
    meta["site"] = "ffn"
    title_node = tree.css_first("title")
    page_title = node_text(title_node)
    m = _TITLE.match(page_title)
    chapter_number = None
    if m:
        meta["title"] = m.group("title").strip()
        chapter_number = int(m.group("chapter"))
        meta["fandoms"] = [m.group("fandom").strip()]
    profile_title = tree.css_first("#profile_top b.xcontrast_txt")
    if profile_title is not None:
        meta["title"] = node_text(profile_title)
    crumbs = [node_text(a) for a in tree.css("#pre_story_links a")]
    if crumbs:
        meta["fandoms"] = [re.sub(r"\s+Crossover$", "", crumbs[-1])]
    author = tree.css_first("#profile_top a[href^='/u/']") or tree.css_first("a[href^='/u/']")
    if author is not None:
        meta["authors"] = [node_text(author)]
    parse_meta_line(_meta_line(tree), meta, tree)
    canonical = tree.css_first("link[rel=canonical]")
    href = canonical.attributes.get("href") if canonical is not None else None
    if href:
        meta["url"] = href if href.startswith("http") else "https://www.fanfiction.net" + href
        sid = re.search(r"/s/(\d+)", href)
        meta["work_id"] = meta["work_id"] or (sid.group(1) if sid else None)
    meta["summary"] = _summary(tree)
    selected = tree.css_first("select#chap_select option[selected], select[name=chapter] option[selected]")
    chapter_title = None
    if selected is not None:
        chapter_title = re.sub(r"^\d+\.\s*", "", node_text(selected)) or None
        value = selected.attributes.get("value") or ""
        chapter_number = chapter_number or (int(value) if value.isdigit() else None)
    menu = tree.css_first("select#chap_select, select[name=chapter]")
    options = menu.css("option") if menu is not None else []
    if options and meta["stats"]["chapters_posted"] is None:
        meta["stats"]["chapters_posted"] = len(options)
    if chapter_title and re.fullmatch(r"Chapter\s+\d+", chapter_title):
        chapter_title = None
    b = WorkBuilder()
    if meta["summary"]:
        b.add_note("summary", [_block(meta["summary"])])
    b.start_chapter(chapter_number or 1, chapter_title, None)
    b.add_story(extract(tree.css_first("div#storytext")))
    b.close_chapter()
    return b, meta


def _summary(tree: LexborHTMLParser) -> str | None:
    node = tree.css_first("#profile_top div.xcontrast_txt")
    if node is not None:
        return node_text(node) or None
    for script in tree.css("script"):
        m = re.search(r"var\s+summary\s*=\s*'((?:[^'\\]|\\.)*)'", script.text() or "")
        if m:
            return clean_text(m.group(1).replace("\\'", "'")) or None
    return None


def _block(text: str):
    from ficlens.ingest.blocks import Block

    return Block(text)
