"""Scenes: each chapter's narrative cut at its scene breaks."""

from __future__ import annotations

import bisect

from ficlens.model import Break, Chapter, Paragraph, Scene


def assemble_scenes(chapters: list[Chapter], paragraphs: list[Paragraph], breaks: list[Break]) -> list[Scene]:
    """One Scene per run of narrative paragraphs between breaks, never across a chapter.
    ``break_kind`` is "chapter" at a chapter start (None for the work's first scene), else the
    kind of the break that opened it (a POV label wins when one gap holds several breaks)."""
    events: list[tuple[int, int, Break | Paragraph]] = [(b.start, 0, b) for b in breaks]
    events += [(p.start, 1, p) for p in paragraphs if p.kind == "text"]
    events.sort(key=lambda e: (e[0], e[1]))
    positions = [e[0] for e in events]
    scenes: list[Scene] = []
    for index, chapter in enumerate(chapters):
        lo = bisect.bisect_left(positions, chapter.start)
        hi = bisect.bisect_right(positions, chapter.end)
        current: list[Paragraph] = []
        gap: list[str] = []
        opening: str | None = None
        started = False
        for _, _, item in events[lo:hi]:
            if isinstance(item, Break):
                if current:
                    scenes.append(Scene(current[0].start, current[-1].end, index, opening))
                    current = []
                gap.append(item.kind)
                continue
            if item.end > chapter.end:
                continue
            if not current:
                if not started:
                    opening = "chapter" if scenes else None
                    started = True
                else:
                    opening = "label" if "label" in gap else (gap[0] if gap else None)
                gap = []
            current.append(item)
        if current:
            scenes.append(Scene(current[0].start, current[-1].end, index, opening))
    return scenes
