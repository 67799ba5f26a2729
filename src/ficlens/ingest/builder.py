"""Build ``work.text`` from readable blocks, recording every layer's offsets as the text grows.

Markup readers never compute offsets themselves: they feed blocks (story text, notes, chapter
headings) in reading order and this builder joins them with blank lines and keeps paragraphs,
notes, chapters, breaks, italics and centered spans in step with the text.
"""

from __future__ import annotations

from typing import Any

from ficlens.ingest.blocks import Block, Item, Marker
from ficlens.model import Break, Chapter, Note, Paragraph, Span, Work

SEPARATOR = "\n\n"


class WorkBuilder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.paragraphs: list[Paragraph] = []
        self.notes: list[Note] = []
        self.breaks: list[Break] = []
        self.italics: list[Span] = []
        self.centered: list[Span] = []
        self.chapters: list[Chapter] = []
        self._pending: list[Marker] = []
        self._run_sizes: dict[int, int] = {}   # index in self.breaks -> size, for br_run breaks
        self._chapter_open = False

    # -- text -------------------------------------------------------------------------------------
    def _append(self, text: str, kind: str) -> tuple[int, int]:
        if self.parts:
            self.parts.append(SEPARATOR)
            self.length += len(SEPARATOR)
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        self.paragraphs.append(Paragraph(start, self.length, kind))
        for marker in self._pending:
            self._add_break(start, marker)
        self._pending.clear()
        if self._chapter_open:
            self.chapters[-1].end = self.length
        return start, self.length

    def add_story(self, items: list[Item]) -> tuple[int, int] | None:
        """Story blocks: paragraphs of kind "text", with their breaks, italics and centering."""
        first = last = None
        for item in items:
            if isinstance(item, Marker):
                self._pending.append(item)
                continue
            start, end = self._append(item.text, "text")
            first = start if first is None else first
            last = end
            self.italics.extend(Span(start + a, start + b) for a, b in item.italics)
            if item.centered:
                self.centered.append(Span(start, end))
        self.flush_breaks()
        return None if first is None else (first, last)  # type: ignore[return-value]

    def add_note(self, kind: str, items: list[Item], chapter: int | None = None) -> Note | None:
        """Site notes: paragraphs of kind "note" under one Note span (breaks inside are dropped)."""
        first = last = None
        for item in items:
            if isinstance(item, Block):
                start, end = self._append(item.text, "note")
                first = start if first is None else first
                last = end
        if first is None:
            return None
        note = Note(first, last, kind, chapter)  # type: ignore[arg-type]
        self.notes.append(note)
        return note

    def flush_breaks(self) -> None:
        """Breaks still waiting for a following paragraph sit at the end of the text so far."""
        for marker in self._pending:
            self._add_break(self.length, marker)
        self._pending.clear()

    def _add_break(self, at: int, marker: Marker) -> None:
        if marker.kind == "br_run":
            self._run_sizes[len(self.breaks)] = marker.size
        self.breaks.append(Break(at, at, marker.kind))

    def _usual_breaks(self) -> list[Break]:
        """The breaks without one-off short ``<br>`` runs: where a work's breaks are runs of 8
        ``<br>``, a lone run of 3 is a formatting slip between two paragraphs, not a scene break
        (a run at most half the work's median run, with 3 runs at least to judge by)."""
        sizes = sorted(self._run_sizes.values())
        if len(sizes) < 3:
            return self.breaks
        median = sizes[len(sizes) // 2]
        return [b for n, b in enumerate(self.breaks) if self._run_sizes.get(n, median) * 2 > median]

    # -- chapters -----------------------------------------------------------------------------------
    def start_chapter(self, number: int | None, title: str | None, heading: str | None,
                      number_source: str | None = "site") -> int:
        """Open a chapter; its heading line (if any) becomes a "heading" paragraph."""
        self.flush_breaks()
        self.close_chapter()
        span = None
        if heading:
            self._chapter_open = False
            span = list(self._append(heading, "heading"))
        start = span[0] if span else (self.length + (len(SEPARATOR) if self.parts else 0))
        end = span[1] if span else start
        self.chapters.append(Chapter(start, end, number, title, span, number_source))
        self._chapter_open = True
        return len(self.chapters) - 1

    def close_chapter(self) -> None:
        if self._chapter_open:
            self.flush_breaks()
        self._chapter_open = False

    @property
    def chapter_index(self) -> int | None:
        return len(self.chapters) - 1 if self._chapter_open else None

    def has_text(self) -> bool:
        return any(p.kind != "heading" for p in self.paragraphs)

    def build(self, source: dict[str, Any], metadata: dict[str, Any]) -> Work:
        self.flush_breaks()
        self.close_chapter()
        text = "".join(self.parts)
        chapters = [c for c in self.chapters if c.end >= c.start]
        for c in chapters:  # a chapter with no blocks at all is a zero-width span at its start
            c.end = max(c.end, c.start)
            c.start = min(c.start, len(text))
            c.end = min(c.end, len(text))
        return Work(text=text, source=source, metadata=metadata, paragraphs=self.paragraphs,
                    notes=self.notes, breaks=self._usual_breaks(), italics=self.italics,
                    centered=self.centered, chapters=chapters)
