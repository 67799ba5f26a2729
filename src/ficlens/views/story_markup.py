"""The story itself as escaped HTML: chapters, notes, scene breaks, paragraphs, and inside them the
quotes (tinted by speaker), mentions, italics and beta-reader findings.

Everything is built from ``work.text`` and the span layers; nothing from the source file's own HTML
ever reaches the page. The text is cut into chunks of a few thousand words. Chunks near the top are
written as live HTML; the rest go into ``<template>`` elements that the page's script hydrates when
the reader scrolls near them, so a 500,000-word work opens in seconds.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from html import escape
from typing import Any

from ficlens.model import Chapter, Note, Paragraph, Quote, Work
from ficlens.structure.paragraphs import split_paragraphs
from ficlens.views.cast_index import CastIndex
from ficlens.views.inline_markup import InlineSpan, escape_text, inline_html

CHUNK_CHARS = 16_000        # ~3,000 words per chunk
LIVE_CHARS = 120_000        # text written as live HTML before chunks become lazy templates
LOW_CONFIDENCE = 0.5
SEVERITIES = ("info", "warning", "issue")
NOTE_LABELS = {
    "summary": "Summary", "work_notes": "Notes", "work_end_notes": "End notes",
    "chapter_summary": "Chapter summary", "chapter_notes": "Chapter notes",
    "chapter_end_notes": "Chapter end notes", "front_matter": "Front matter",
    "author_note": "Author's note", "disclaimer": "Disclaimer", "end_marker": "End",
}
OPEN_NOTE_KINDS = {"summary", "chapter_summary"}


@dataclass
class StoryMarkup:
    """The rendered story plus what the panels and the script need to point into it."""

    html: str
    quote_table: list[list[Any]] = field(default_factory=list)   # per data-q: see _quote_row
    finding_chunks: dict[int, int] = field(default_factory=dict)  # finding index -> chunk
    scene_chunks: dict[int, int] = field(default_factory=dict)    # scene index -> chunk
    chapter_ids: list[tuple[str, str]] = field(default_factory=list)  # (anchor id, label) for the TOC
    chunk_count: int = 0
    lazy_chunks: int = 0


def render_story(work: Work, cast: CastIndex) -> StoryMarkup:
    return _StoryBuilder(work, cast).build()


class _StoryBuilder:
    def __init__(self, work: Work, cast: CastIndex):
        self.work = work
        self.text = work.text
        self.cast = cast
        self.markup = StoryMarkup(html="")
        self.quotes = sorted(work.quotes, key=lambda q: (q.start, -q.end))
        self.findings = sorted(enumerate(work.findings), key=lambda f: (f[1].start, -f[1].end))
        self.spans = self._inline_spans()
        self.notes = sorted(work.notes, key=lambda n: n.start)
        self.note_starts = [n.start for n in self.notes]
        self.centered = sorted((s.start, s.end) for s in work.centered)
        self.opened: set[int] = set()   # spans whose first piece is out (ids, tab stops stay unique)
        self.scene_list = sorted(enumerate(work.scenes), key=lambda s: s[1].start)
        # Cursors of the single pass over the text: spans, scenes, dividers, chunks.
        self.span_ptr = 0
        self.carry: list[InlineSpan] = []
        self.scene_ptr = 0
        self.divider_ptr = 0
        self.dividers: list[tuple[int, str]] = []
        self.chunk_index = 0
        self.chunk_starts: list[int] = []
        self.live_budget = LIVE_CHARS

    # -- inline spans -------------------------------------------------------------------------
    def _inline_spans(self) -> list[InlineSpan]:
        spans: list[InlineSpan] = []
        for i, f in self.findings:
            sev = f.severity if f.severity in SEVERITIES else "info"
            attrs = f'class="fd sev-{sev}" data-f="{i}"'
            end = max(f.end, min(f.start + 1, len(self.text)))   # an empty finding still gets a mark
            spans.append(InlineSpan(f.start, end, 0, f'<mark id="f{i}" {attrs}>', "</mark>",
                                    f"<mark {attrs}>"))
        for n, q in enumerate(self.quotes):
            self.markup.quote_table.append(self._quote_row(q))
            who = self.cast.of(q.speaker)
            classes = f"q s{who}" if who is not None else "q su"
            if q.mode == "thought":
                classes += " th"
            low = who is None or q.confidence < LOW_CONFIDENCE
            if low:
                classes += " lc"
            hint = '<span class="sr">(uncertain speaker) </span>' if low else ""
            if q.end <= q.start:
                continue   # keeps its row (data-q numbering) but has no text to wrap
            spans.append(InlineSpan(q.start, q.end, 1,
                                    f'<span class="{classes}" data-q="{n}" tabindex="0">{hint}',
                                    "</span>", f'<span class="{classes}" data-q="{n}">'))
        for s in self.work.italics:
            spans.append(InlineSpan(s.start, s.end, 2, "<i>", "</i>"))
        for m in self.work.mentions:
            who = self.cast.of(m.character)
            if who is not None and m.end > m.start:
                spans.append(InlineSpan(m.start, m.end, 3, f'<span class="m m{who}">', "</span>"))
        spans.sort(key=lambda s: (s.start, -s.end, s.rank))
        return spans

    def _quote_row(self, q: Quote) -> list[Any]:
        """[speaker index | -1, addressee indexes, confidence, type, mode, tag text, tag verb, rule],
        and once chunks are laid out, the chunk the quote is in."""
        tag = q.tag or {}
        tag_text = tag.get("text")
        if not tag_text and isinstance(tag.get("start"), int) and isinstance(tag.get("end"), int):
            tag_text = self.text[tag["start"]:tag["end"]]
        who = self.cast.of(q.speaker)
        addressees = [i for i in (self.cast.of(a) for a in q.addressees) if i is not None]
        return [-1 if who is None else who, addressees, round(float(q.confidence or 0.0), 2),
                str(q.type or ""), str(q.mode or ""), str(tag_text or ""), str(tag.get("verb") or ""),
                str(q.evidence or "")]

    # -- blocks ---------------------------------------------------------------------------------
    def _paragraphs(self) -> list[Paragraph]:
        paragraphs = sorted(self.work.paragraphs, key=lambda p: p.start)
        if not paragraphs:
            paragraphs = split_paragraphs(self.text)
        covered = {id(n) for n in self.notes if any(p.start < n.end and p.end > n.start for p in paragraphs)}
        extra = [Paragraph(n.start + p.start, n.start + p.end, "note") for n in self.notes
                 if id(n) not in covered for p in split_paragraphs(self.text[n.start:n.end])]
        return sorted(paragraphs + extra, key=lambda p: p.start) if extra else paragraphs

    def _note_of(self, p: Paragraph) -> Note | None:
        i = bisect_right(self.note_starts, p.start) - 1
        for n in self.notes[max(0, i - 1):i + 1][::-1]:   # notes do not nest; look one back for safety
            if n.start <= p.start < n.end:
                return n
        return None

    def build(self) -> StoryMarkup:
        paragraphs = self._paragraphs()
        chapters = sorted(self.work.chapters, key=lambda c: c.start)
        groups = self._group_by_chapter(paragraphs, chapters)
        parts: list[str] = []
        self.dividers = self._divider_points(paragraphs)
        multi = len(chapters) > 1
        for key, chapter, paras in groups:
            section_id = "front" if key == -1 else "back" if key == -2 else f"ch{key + 1}"
            heading_span, heading_html = None, ""
            if chapter is not None:
                heading_html, heading_span = self._chapter_heading(chapter, multi)
            labelled = f' aria-labelledby="{section_id}-h"' if heading_html else ""
            parts.append(f'<section class="part" id="{section_id}"{labelled}>')
            if chapter is not None and heading_html:
                parts.append(f'<h2 class="chapter" id="{section_id}-h">{heading_html}</h2>')
                label = _plain_heading(self.text, chapter, heading_span) or f"Chapter {key + 1}"
                self.markup.chapter_ids.append((f"{section_id}-h", label))
            body = [p for p in paras if not _in_heading(p, heading_span)]
            parts.extend(self._chunks(body))
            parts.append("</section>")
        self.markup.html = "".join(parts)
        self.markup.chunk_count = self.chunk_index
        self._locate_anchors()
        return self.markup

    def _group_by_chapter(self, paragraphs: list[Paragraph], chapters: list[Chapter]):
        """[(chapter index | -1 front | -2 back, chapter, paragraphs)] in text order."""
        starts = [c.start for c in chapters]
        groups: list[tuple[int, Chapter | None, list[Paragraph]]] = []
        for p in paragraphs:
            i = bisect_right(starts, p.start) - 1
            if i < 0:
                key = -1
            elif i == len(chapters) - 1 and p.start >= chapters[i].end:
                key = -2
            else:
                key = i
            if not groups or groups[-1][0] != key:
                groups.append((key, chapters[key] if key >= 0 else None, []))
            groups[-1][2].append(p)
        seen = {g[0] for g in groups}
        for i, c in enumerate(chapters):   # chapters without paragraphs still get their heading
            if i not in seen:
                groups.append((i, c, []))
        groups.sort(key=lambda g: (g[1].start if g[1] else (-1 if g[0] == -1 else len(self.text) + 1)))
        return groups

    def _chapter_heading(self, chapter: Chapter, multi: bool) -> tuple[str, tuple[int, int] | None]:
        if chapter.heading and len(chapter.heading) == 2:
            a, b = int(chapter.heading[0]), int(chapter.heading[1])
            lines = [line.strip() for line in self.text[a:b].splitlines() if line.strip()]
            if lines:
                return "<br>".join(escape_text(line) for line in lines), (a, b)
        if not multi:
            return "", None
        label = f"Chapter {chapter.number}" if chapter.number is not None else "Chapter"
        if chapter.title:
            label += f": {chapter.title}"
        return f'<span class="synth">{escape_text(label)}</span>', None

    def _divider_points(self, paragraphs: list[Paragraph]) -> list[tuple[int, str]]:
        """Scene breaks that have no break paragraph of their own: (offset, glyph)."""
        break_paras = sorted((p.start, p.end) for p in paragraphs if p.kind == "break")
        points: dict[int, str] = {}
        for b in self.work.breaks:
            i = bisect_right(break_paras, (b.start, len(self.text) + 1)) - 1
            if i >= 0 and break_paras[i][0] <= b.start <= break_paras[i][1]:
                continue
            points.setdefault(b.start, (b.glyph or "").strip())
        edges = sorted({x for span in break_paras for x in span} | set(points))
        for _, sc in self.scene_list:
            if sc.break_kind in (None, "chapter"):
                continue
            i = bisect_right(edges, sc.start)
            near = edges[max(0, i - 1):i + 1]
            if not any(self._adjacent(x, sc.start) for x in near):
                points.setdefault(sc.start, "")
        return sorted(points.items())

    def _adjacent(self, a: int, b: int) -> bool:
        """Only whitespace between two offsets (a divider there already opens the scene)."""
        return abs(a - b) < 200 and not self.text[min(a, b):max(a, b)].strip()

    # -- chunks ---------------------------------------------------------------------------------
    def _chunks(self, paragraphs: list[Paragraph]) -> list[str]:
        out: list[str] = []
        blocks: list[str] = []
        size = 0
        first = None
        i = 0
        while i < len(paragraphs):
            p = paragraphs[i]
            note = self._note_of(p) if self.notes else None
            if note is not None:
                group = [p]
                while i + 1 < len(paragraphs) and note.start <= paragraphs[i + 1].start < note.end:
                    i += 1
                    group.append(paragraphs[i])
                first = p.start if first is None else first
                blocks.append(self._pre_block(p.start))
                blocks.append(self._note_html(note, group))
                size += sum(g.end - g.start for g in group)
            else:
                first = p.start if first is None else first
                blocks.append(self._pre_block(p.start))
                blocks.append(self._paragraph_html(p))
                size += p.end - p.start
            i += 1
            if size >= CHUNK_CHARS:
                out.append(self._chunk(blocks, first, size))
                blocks, size, first = [], 0, None
        if blocks:
            out.append(self._chunk(blocks, first, size))
        return out

    def _chunk(self, blocks: list[str], first: int | None, size: int) -> str:
        k = self.chunk_index
        self.chunk_index += 1
        self.chunk_starts.append(first if first is not None else 0)
        body = "".join(blocks)
        if self.live_budget > 0:
            self.live_budget -= size
            return f'<div class="chunk" data-k="{k}">{body}</div>'
        self.markup.lazy_chunks += 1
        estimate = max(4, round(size / 62 * 1.7))   # ~62 characters a line at 1.7em line height
        return (f'<div class="chunk lazy" data-k="{k}" style="min-height:{estimate}em">'
                f"<template>{body}</template></div>")

    def _pre_block(self, pos: int) -> str:
        """Scene anchors and dividers that fall before the block starting at ``pos``."""
        out = []
        while self.divider_ptr < len(self.dividers) and self.dividers[self.divider_ptr][0] <= pos:
            glyph = self.dividers[self.divider_ptr][1]
            out.append(f'<div class="brk" role="separator" aria-label="scene break">'
                       f"{escape_text(glyph)}</div>")
            self.divider_ptr += 1
        while self.scene_ptr < len(self.scene_list) and self.scene_list[self.scene_ptr][1].start <= pos:
            i, sc = self.scene_list[self.scene_ptr]
            out.append(f'<div class="scene" id="sc{i}">{escape_text(self._scene_label(i, sc))}</div>')
            self.scene_ptr += 1
        return "".join(out)

    def _scene_label(self, i: int, sc) -> str:
        parts = [f"Scene {i + 1}"]
        if sc.pov:
            who = {"mixed": "mixed point of view", "external": "external narrator"}.get(sc.pov)
            parts.append(who or f"POV {self.cast.name(sc.pov)}")
        if sc.person:
            parts.append(f"{sc.person} person")
        return " · ".join(parts)

    def _spans_for(self, start: int, end: int) -> list[InlineSpan]:
        """Inline spans overlapping [start, end), scanning the sorted list once for the whole work."""
        spans = self.spans
        carry = [s for s in self.carry if s.end > start]
        while self.span_ptr < len(spans) and spans[self.span_ptr].start < end:
            s = spans[self.span_ptr]
            if s.end > start or (s.start == s.end and s.start >= start):
                carry.append(s)
            self.span_ptr += 1
        self.carry = [s for s in carry if s.end > end]
        return [s for s in carry if s.start < end and (s.end > start or s.start == s.end)]

    def _paragraph_html(self, p: Paragraph) -> str:
        start, end = p.start, p.end
        while end > start and self.text[end - 1].isspace():
            end -= 1
        inner = inline_html(self.text, start, end, self._spans_for(p.start, p.end), self.opened)
        if "\n" in inner and _short_lines(self.text, start, end):
            inner = inner.replace("\n", "<br>\n")   # verse, lists, notes; not hard-wrapped prose
        if p.kind == "break":
            return f'<div class="brk" role="separator" aria-label="scene break">{inner}</div>'
        if p.kind == "heading":
            return f'<h3 class="sub">{inner}</h3>'
        cls = "end" if p.kind == "end_marker" else ""
        if self._is_centered(p):
            cls = (cls + " ctr").strip()
        return f'<p class="{cls}">{inner}</p>' if cls else f"<p>{inner}</p>"

    def _is_centered(self, p: Paragraph) -> bool:
        i = bisect_right(self.centered, (p.start, len(self.text) + 1)) - 1
        return i >= 0 and self.centered[i][0] <= p.start and p.end <= self.centered[i][1] + 1

    def _note_html(self, note: Note, group: list[Paragraph]) -> str:
        label = NOTE_LABELS.get(note.kind, "Note")
        kind = note.kind if note.kind in NOTE_LABELS else "note"
        preview = " ".join(self.text[group[0].start:group[0].end].split())
        preview = preview[:70] + "…" if len(preview) > 70 else preview
        body = "".join(self._paragraph_html(Paragraph(p.start, p.end, "text")) for p in group)
        is_open = " open" if note.kind in OPEN_NOTE_KINDS else ""
        return (f'<details class="note n-{kind}"{is_open}><summary><b>{escape_text(label)}</b> '
                f'<span class="pv">{escape_text(preview)}</span></summary>{body}</details>')

    def _locate_anchors(self) -> None:
        starts = self.chunk_starts

        def chunk_of(pos: int) -> int:
            return max(0, bisect_right(starts, pos) - 1)

        for i, f in self.findings:
            self.markup.finding_chunks[i] = chunk_of(f.start)
        for i, sc in self.scene_list:
            self.markup.scene_chunks[i] = chunk_of(sc.start)
        for row, q in zip(self.markup.quote_table, self.quotes, strict=True):
            row.append(chunk_of(q.start))


def _in_heading(p: Paragraph, span: tuple[int, int] | None) -> bool:
    """Is this paragraph the chapter heading already shown as the section's <h2>?"""
    if span is None:
        return False
    inside = span[0] <= p.start and p.end <= span[1]
    return inside or (p.kind == "heading" and p.start < span[1] and p.end > span[0])


def _plain_heading(text: str, chapter: Chapter, span: tuple[int, int] | None) -> str:
    if span:
        lines = [" ".join(line.split()) for line in text[span[0]:span[1]].splitlines() if line.strip()]
        return ": ".join(lines)[:120]
    label = f"Chapter {chapter.number}" if chapter.number is not None else ""
    return f"{label}: {chapter.title}" if chapter.title and label else (chapter.title or label)


def _short_lines(text: str, start: int, end: int) -> bool:
    return max(len(line) for line in text[start:end].split("\n")) <= 60


def attr(value: object) -> str:
    """Escape a value for a double-quoted attribute."""
    return escape(str(value), quote=True)
