"""Chapters: author headings in the text, and in-body repeats of a site's chapter heading.

Plain text (and markup whose site gave no chapters) is cut at heading paragraphs ("Chapter 3",
"Chapter 3: Title", "Prologue"...), a bare "Chapter 3" taking the short line under it as its
title. Where the site gave chapters, a heading the author repeats at the top of the body is only
marked a heading paragraph: it is not a second chapter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ficlens.model import Chapter, Paragraph
from ficlens.structure.headings import Heading, is_title_line, parse_heading
from ficlens.structure.layout import Layout
from ficlens.structure.numbers import parse_number

_REPEAT_WINDOW = 4  # paragraphs at the top of a site chapter's body searched for a repeated heading
_BARE_NUMBER = re.compile(r"\s*(\d{1,3}|[IVXLC]{1,8})\.?\s*")
_BARE_WORD = re.compile(r"\s*(?:chapter|part|book)\s*", re.IGNORECASE)
_UNDERLINE = re.compile(r"\s*(?:={3,}|-{3,})\s*")   # a Markdown setext heading's underline
_MAX_TITLE_LINES = 3


@dataclass
class HeadingGroup:
    """One chapter heading: the paragraph indices it covers and what it says."""

    indices: list[int]
    number: int | None
    title: str | None


def split_heading_paragraphs(layout: Layout) -> None:
    """Plain text only: a heading glued to prose without a blank line ("Chapter 1\\nIt was…")
    becomes its own paragraph, so the prose is not hidden under the heading."""
    text = layout.work.text
    out: list[Paragraph] = []
    for p in layout.paragraphs:
        block = text[p.start:p.end]
        lines = block.split("\n")
        if len(lines) > 1 and parse_heading(lines[0]):
            cut = len(lines[0])
            underlined = bool(_UNDERLINE.fullmatch(lines[1]))
            titled = len(lines) > 2 and is_title_line(lines[1]) and parse_heading(lines[0]).title is None
            if underlined or titled:
                cut += 1 + len(lines[1])
            rest = block[cut:]
            if rest.strip() and not all(is_title_line(x) or not x.strip() for x in rest.split("\n")):
                head_end = p.start + len(block[:cut].rstrip())
                rest_start = p.start + cut + (len(rest) - len(rest.lstrip()))
                out.extend([Paragraph(p.start, head_end, p.kind), Paragraph(rest_start, p.end, p.kind)])
                continue
        out.append(p)
    layout.work.paragraphs = out
    layout.roles = [p.kind or "text" for p in out]


def numeral_headings(layout: Layout, candidates: list[int]) -> dict[int, int]:
    """Bare numbers on their own line ("IV", "12.") that count up from 1 (restarting at 1 for a
    new part) are chapter headings, as in many plain-text books; 3 at least, else none."""
    found: dict[int, int] = {}
    expected = 1
    for i in candidates:
        m = _BARE_NUMBER.fullmatch(layout.text_of(i))
        if not m:
            continue
        value = parse_number(m.group(1))
        if value == expected or (value == 1 and found):
            found[i] = value
            expected = value + 1
    return found if len(found) >= 3 else {}


def heading_of(layout: Layout, i: int, numerals: dict[int, int] | None = None) -> Heading | None:
    """The heading paragraph ``i`` is (its first line a heading, any other lines title lines)."""
    if numerals and i in numerals:
        return Heading(numerals[i], None, "number")
    lines = [x for x in layout.text_of(i).split("\n") if x.strip() and not _UNDERLINE.fullmatch(x)]
    if not lines or len(lines) > 1 + _MAX_TITLE_LINES:
        return None
    heading = parse_heading(lines[0])
    if heading is None and len(lines) > 1 and _BARE_WORD.fullmatch(lines[0]):
        heading = parse_heading(f"{lines[0].strip()} {lines[1].strip()}")   # "CHAPTER" over "1"
        lines = lines[1:]
    if heading is None or not _title_lines(lines[1:]):
        return None
    if heading.title is None and len(lines) > 1:
        heading = Heading(heading.number, " ".join(x.strip() for x in lines[1:]), heading.word)
    return heading


def find_heading_groups(layout: Layout) -> list[HeadingGroup]:
    """Author headings among the narrative paragraphs, with a title line that follows a bare
    heading, and consecutive headings ("Part One" / "Chapter 1") merged into one."""
    groups: list[HeadingGroup] = []
    candidates = layout.narrative(range(len(layout.paragraphs)))
    numerals = numeral_headings(layout, candidates)
    position = {i: n for n, i in enumerate(candidates)}
    skip: set[int] = set()
    for i in candidates:
        if i in skip:
            continue
        heading = heading_of(layout, i, numerals)
        if heading is None:
            continue
        indices = [i]
        title = heading.title
        nxt = candidates[position[i] + 1] if position[i] + 1 < len(candidates) else None
        if (title is None and nxt is not None and nxt == i + 1 and heading_of(layout, nxt, numerals) is None
                and _title_paragraph(layout, nxt) and position[nxt] + 1 < len(candidates)):
            indices.append(nxt)
            skip.add(nxt)
            title = _title_paragraph(layout, nxt)
        if groups and groups[-1].indices[-1] + 1 == indices[0]:
            last = groups[-1]
            last.indices.extend(indices)
            last.number = heading.number if heading.number is not None else last.number
            last.title = title or last.title
            continue
        groups.append(HeadingGroup(indices, heading.number, title))
    return groups


def _title_lines(lines: list[str]) -> bool:
    """Whether ``lines`` are one title wrapped over lines (inner lines may end in "," or ";")."""
    last = len(lines) - 1
    return all(is_title_line(x if n == last else x.rstrip().rstrip(",;")) for n, x in enumerate(lines))


def _title_paragraph(layout: Layout, i: int) -> str | None:
    """The title a paragraph under a bare heading is: one title line, or a title wrapped over
    up to three lines ("IN WHICH POOH GOES VISITING AND / GETS INTO A TIGHT PLACE")."""
    lines = [x.strip() for x in layout.text_of(i).split("\n") if x.strip()]
    if not lines or len(lines) > _MAX_TITLE_LINES or not _title_lines(lines):
        return None
    title = " ".join(lines)
    return title if len(title) <= 150 else None


def build_chapters(layout: Layout, groups: list[HeadingGroup], first_story: int | None) -> list[Chapter]:
    """Chapters cut at the heading groups; text before the first heading (from ``first_story``,
    the first paragraph that is not front matter) is a chapter without a heading."""
    paras = layout.paragraphs
    if not paras:
        return []
    chapters: list[Chapter] = []
    starts: list[tuple[int, HeadingGroup | None]] = []
    if first_story is not None and (not groups or first_story < groups[0].indices[0]):
        starts.append((first_story, None))
    starts.extend((g.indices[0], g) for g in groups)
    for n, (i, group) in enumerate(starts):
        last = (starts[n + 1][0] if n + 1 < len(starts) else len(paras)) - 1
        start, end = paras[i].start, paras[last].end
        if group is None:
            chapters.append(Chapter(start, end, 1 if not groups else None))
            continue
        for j in group.indices:
            layout.roles[j] = "heading"
        heading = [paras[group.indices[0]].start, paras[group.indices[-1]].end]
        chapters.append(Chapter(start, end, group.number, group.title, heading, "author"))
    return chapters


def mark_repeated_headings(layout: Layout, chapter_index: int, body: list[int]) -> None:
    """At the top of a site chapter's body, mark as heading paragraphs the lines that repeat a
    chapter heading ("Chapter Three") or the chapter's title, and a title line right after."""
    chapter = layout.work.chapters[chapter_index]
    site_title = _normal(chapter.title or "")
    previous_was_heading = False
    marked: list[int] = []
    for i in layout.narrative(body)[:_REPEAT_WINDOW]:
        line = layout.text_of(i).strip()
        heading = heading_of(layout, i)
        same_title = bool(site_title) and _normal(line) == site_title
        title_line = previous_was_heading and heading is None and is_title_line(line) \
            and layout.is_single_line(i)
        if heading is not None or same_title or title_line:
            layout.roles[i] = "heading"
            marked.append(i)
            title = heading.title if heading is not None else (line if title_line else None)
            if title and chapter.title is None:
                chapter.title = title
            previous_was_heading = True
            continue
        if previous_was_heading or len(line) > 120:
            break
    if marked and chapter.heading is None:  # the site gave no heading line: the author's is the visible one
        chapter.heading = [layout.paragraphs[marked[0]].start, layout.paragraphs[marked[-1]].end]


def _normal(text: str) -> str:
    return " ".join("".join(c for c in text.lower() if c.isalnum() or c.isspace()).split())
