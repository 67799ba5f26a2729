"""Structure: paragraphs, in-body notes, chapters, scene breaks and scenes, for every format.

Plain text arrives as bare ``text``; markup arrives with paragraphs, site chapters, site notes,
breaks (hr / br_run / nbsp candidates), italics and centered spans already filled. Both go through
the same regex-over-paragraphs passes (no NLP, so this stage costs almost nothing):

1. paragraphs (plain text only), 2. glyph and POV-label breaks, 3. chapters (author headings, or
repeated headings inside site chapters), 4. notes (front matter, A/N, disclaimers, end markers),
5. breaks (+ blank-line runs, nbsp decisions), 6. paragraph kinds, 7. scenes, 8. metadata.
"""

from __future__ import annotations

import bisect

from ficlens.model import Break, Note, Work
from ficlens.options import Options
from ficlens.structure.breaks import blank_line_breaks, glyph_of, keep_nbsp, label_of
from ficlens.structure.chapters import (
    build_chapters,
    find_heading_groups,
    mark_repeated_headings,
    numeral_headings,
    split_heading_paragraphs,
)
from ficlens.structure.layout import Layout
from ficlens.structure.metadata_text import merge_metadata, parse_front_metadata
from ficlens.structure.paragraphs import line_view, split_paragraphs
from ficlens.structure.paratext import mark_chapter_notes, mark_front
from ficlens.structure.scenes import assemble_scenes

__all__ = ["run"]


def run(work: Work, options: Options) -> None:
    """Fill paragraphs (kinds), chapters, in-body notes, breaks, scenes (and plain-text metadata).
    Running it again on its own output changes nothing."""
    plain = not work.paragraphs
    if plain:
        work.paragraphs = split_paragraphs(work.text)
    layout = Layout.of(work)
    if plain:
        split_heading_paragraphs(layout)
    numerals = {} if work.chapters else numeral_headings(layout, layout.narrative(range(len(layout.roles))))
    _mark_glyph_breaks(layout, skip=numerals)
    if work.chapters:
        bodies = _site_bodies(layout)
        for index, body in enumerate(bodies):
            mark_repeated_headings(layout, index, body)
            mark_chapter_notes(layout, body, first_chapter=index == 0)
    else:
        bodies = _author_chapters(layout)
        for index, body in enumerate(bodies):
            mark_chapter_notes(layout, body, first_chapter=index == 0 and not layout.note_kinds)
    found = _merged_notes(layout, bodies)
    work.notes = found + [n for n in work.notes if n.kind not in _IN_BODY or not _overlaps(n, found)]
    work.notes.sort(key=lambda n: (n.start, n.end))
    for i, role in enumerate(layout.roles):
        work.paragraphs[i].kind = role
    work.breaks = _breaks(layout, plain, bodies)
    work.scenes = assemble_scenes(work.chapters, work.paragraphs, work.breaks)
    if plain:
        fronts = [n for n in work.notes if n.kind == "front_matter"]
        front = "\n".join(work.text[n.start:n.end] for n in fronts)
        at_top = bool(fronts) and fronts[0].start == work.paragraphs[0].start
        merge_metadata(work.metadata, parse_front_metadata(front, at_top=at_top))


_IN_BODY = {"front_matter", "author_note", "disclaimer", "end_marker"}


def _overlaps(note: Note, others: list[Note]) -> bool:
    """Whether ``note`` (an in-body note already on the work, e.g. from an earlier run) is
    found again; if not, it is kept, so running the stage twice changes nothing."""
    return any(o.start < note.end and note.start < o.end for o in others)


def _mark_glyph_breaks(layout: Layout, skip: dict[int, int]) -> None:
    """Glyph and POV-label lines become breaks (except ``skip``: "XXX" in a run of numerals)."""
    centered = sorted((s.start, s.end) for s in layout.work.centered)
    centered_starts = [s for s, _ in centered]
    for i, p in enumerate(layout.paragraphs):
        if layout.roles[i] != "text" or i in skip:
            continue
        line = layout.text_of(i)
        glyph = glyph_of(line, centered=_inside(p.start, p.end, centered, centered_starts))
        if glyph is not None:
            layout.roles[i] = "break"
            layout.glyphs[i] = ("glyph", glyph)
            continue
        label = label_of(line)
        if label is not None:
            layout.roles[i] = "break"
            layout.glyphs[i] = ("label", label)


def _inside(start: int, end: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether [start, end) lies in one of the sorted, non-overlapping ``spans``."""
    k = bisect.bisect_right(starts, start) - 1
    return k >= 0 and spans[k][1] >= end


def _site_bodies(layout: Layout) -> list[list[int]]:
    """Paragraph indices of each site chapter, in order."""
    starts = [p.start for p in layout.paragraphs]
    bodies = []
    for chapter in layout.work.chapters:
        lo = bisect.bisect_left(starts, chapter.start)
        hi = bisect.bisect_right(starts, chapter.end - 1) if chapter.end > chapter.start else lo
        bodies.append(list(range(lo, hi)))
    return bodies


def _author_chapters(layout: Layout) -> list[list[int]]:
    """Find author chapter headings, mark the credits block before them, build the chapters."""
    groups = find_heading_groups(layout)
    top = groups[0].indices[0] if groups else len(layout.paragraphs)
    region = layout.narrative(range(top))
    marked = mark_front(layout, region, whole=bool(groups))
    first_story = region[marked] if marked < len(region) else None
    layout.work.chapters = build_chapters(layout, groups, first_story)
    return _site_bodies(layout)


def _merged_notes(layout: Layout, bodies: list[list[int]]) -> list[Note]:
    """One Note per run of adjacent paragraphs of one kind (an A/N and its continuation)."""
    chapter_of = {i: n for n, body in enumerate(bodies) for i in body}
    notes: list[Note] = []
    last_index = -2
    for i in sorted(layout.note_kinds):
        kind = layout.note_kinds[i]
        p = layout.paragraphs[i]
        chapter = chapter_of.get(i)
        if notes and last_index == i - 1 and notes[-1].kind == kind and notes[-1].chapter == chapter \
                and kind != "end_marker":
            notes[-1].end = p.end
        else:
            notes.append(Note(p.start, p.end, kind, chapter))
        last_index = i
    return notes


def _breaks(layout: Layout, plain: bool, bodies: list[list[int]]) -> list[Break]:
    work = layout.work
    out = [Break(work.paragraphs[i].start, work.paragraphs[i].end, kind, glyph)
           for i, (kind, glyph) in layout.glyphs.items() if layout.roles[i] == "break"]
    narrative = {i for i, role in enumerate(layout.roles) if role == "text"}
    if plain:
        out += blank_line_breaks(line_view(work.text), work.paragraphs, narrative)
    chapter_of = {i: n for n, body in enumerate(bodies) for i in body}
    seen = {(b.kind, b.start, b.end) for b in out}
    given = [b for b in work.breaks if b.kind != "nbsp" and (b.kind, b.start, b.end) not in seen]
    candidates = [b for b in work.breaks if b.kind == "nbsp"]
    kept = keep_nbsp(candidates, work.paragraphs, narrative,
                     lambda a, b: chapter_of.get(a) is not None and chapter_of.get(a) == chapter_of.get(b))
    out += given + kept
    out.sort(key=lambda b: (b.start, b.end))
    return _between_story(out, work, bodies, narrative)


def _between_story(breaks: list[Break], work: Work, bodies: list[list[int]],
                   narrative: set[int]) -> list[Break]:
    """The breaks that stand between story paragraphs of one chapter. A divider framing a chapter
    heading, or one between the story's end and the end notes, is decoration (its paragraph
    keeps the kind "break") but not a scene break. POV labels always stay: they name a scene."""
    spans: list[tuple[int, int, int]] = []   # per chapter: (chapter start, first story end, last story start)
    for chapter, body in zip(work.chapters, bodies, strict=False):
        story = [i for i in body if i in narrative]
        if story:
            spans.append((chapter.start, work.paragraphs[story[0]].end, work.paragraphs[story[-1]].start))
    starts = [s for s, _, _ in spans]
    kept = []
    for b in breaks:
        k = bisect.bisect_right(starts, b.start) - 1
        if b.kind == "label" or (k >= 0 and spans[k][1] <= b.start and b.end <= spans[k][2]):
            kept.append(b)
    return kept
