"""Where a character offset sits: which paragraph, which scene, inside a quote or not.

Every layer is a sorted list of spans, so each question is one bisect; both the characters and
the speakers stage share one :class:`Layout` per run (kept in ``work.runtime``)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from ficlens.model import Work


@dataclass
class Layout:
    paragraphs: list[tuple[int, int]]
    scenes: list[tuple[int, int]]
    quotes: list[tuple[int, int]]

    def __post_init__(self) -> None:
        self._p_starts = [s for s, _ in self.paragraphs]
        self._s_starts = [s for s, _ in self.scenes]
        self._q_starts = [s for s, _ in self.quotes]

    @classmethod
    def of(cls, work: Work) -> Layout:
        cached = work.runtime.get("ficlens.layout")
        if cached is not None and cached.quotes == sorted((q.start, q.end) for q in work.quotes):
            return cached
        paragraphs = [(p.start, p.end) for p in work.narrative_paragraphs()]
        if not paragraphs and work.text.strip():
            paragraphs = [(0, len(work.text))]
        scenes = sorted((s.start, s.end) for s in work.scenes) or [(0, len(work.text))]
        layout = cls(paragraphs, scenes, sorted((q.start, q.end) for q in work.quotes))
        work.runtime["ficlens.layout"] = layout
        return layout

    def paragraph_index(self, pos: int) -> int | None:
        i = bisect_right(self._p_starts, pos) - 1
        if i >= 0 and pos < self.paragraphs[i][1]:
            return i
        return None

    def scene_index(self, pos: int) -> int:
        return max(0, bisect_right(self._s_starts, pos) - 1)

    def quote_index(self, pos: int) -> int | None:
        """Index of the quote containing ``pos`` (marks included when the quote has them)."""
        i = bisect_right(self._q_starts, pos) - 1
        if i >= 0 and pos < self.quotes[i][1]:
            return i
        return None

    def quote_before(self, pos: int) -> int | None:
        """Index of the last quote that starts before ``pos``."""
        i = bisect_right(self._q_starts, pos - 1) - 1
        return i if i >= 0 else None

    def in_quote(self, pos: int) -> bool:
        return self.quote_index(pos) is not None
