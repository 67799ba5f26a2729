"""What every rule needs, computed once per run: scenes with POV, the cast, tags, word counts."""

from __future__ import annotations

import bisect
from functools import cached_property

from ficlens.beta.dialogue_tags import DialogueTag, find_tags
from ficlens.model import Quote, Scene, Work
from ficlens.pov import analyze_scene
from ficlens.pov.cast import CastIndex, cast_index
from ficlens.pov.narration import effective_scenes, narration_ranges, quote_spans, story_blocks, word_count


class BetaContext:
    def __init__(self, work: Work):
        self.work = work
        self.text = work.text
        self.memo: dict = {}

    @cached_property
    def cast(self) -> CastIndex:
        return cast_index(self.work)

    @cached_property
    def scenes(self) -> list[Scene]:
        """Scenes with POV filled (computed here when the work has no scenes layer)."""
        scenes = effective_scenes(self.work)
        for scene in scenes:
            if scene.pov is None and scene.person is None:
                analyze_scene(self.work, scene)
        return scenes

    @cached_property
    def _scene_starts(self) -> list[int]:
        return [s.start for s in self.scenes]

    def scene_at(self, offset: int) -> Scene | None:
        i = bisect.bisect_right(self._scene_starts, offset) - 1
        if i >= 0 and offset < self.scenes[i].end:
            return self.scenes[i]
        return None

    @cached_property
    def speech_quotes(self) -> list[Quote]:
        """Speech quotes (layer), else quotes found by the narration fallback."""
        if self.work.quotes:
            return sorted((q for q in self.work.quotes if q.mode == "speech"), key=lambda q: q.start)
        return [Quote(s, e) for s, e in quote_spans(self.work)]

    @cached_property
    def tags(self) -> list[DialogueTag]:
        return find_tags(self.work, self.speech_quotes, self.cast)

    @cached_property
    def _presence(self) -> tuple[list[int], list[str]]:
        """Sorted (offset, character) of every sign a character is there: names, mentions, speakers."""
        marks = [(s, c) for s, _, c in self.cast.named_mentions]
        marks += [(m.start, m.character) for m in self.work.mentions if m.character]
        marks += [(q.start, q.speaker) for q in self.work.quotes if q.speaker]
        marks.sort()
        return [m[0] for m in marks], [m[1] for m in marks]

    def characters_in(self, start: int, end: int) -> set[str]:
        """Characters named, mentioned or speaking inside ``[start, end)``."""
        offsets, chars = self._presence
        return set(chars[bisect.bisect_left(offsets, start) : bisect.bisect_left(offsets, end)])

    @cached_property
    def narration(self) -> list[tuple[int, int]]:
        """Every stretch of narration outside quotes, in text order."""
        return list(narration_ranges(self.work, 0, len(self.text)))

    @cached_property
    def words(self) -> int:
        return int(
            self.work.stats.get("words")
            or sum(word_count(self.text[s:e]) for s, e in story_blocks(self.work))
        )

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        """Narrative paragraph spans (blank-line split when the layer is empty)."""
        if self.work.paragraphs:
            return [(p.start, p.end) for p in self.work.paragraphs if p.kind == "text"]
        spans, cursor = [], 0
        for chunk in self.text.split("\n"):
            if chunk.strip():
                spans.append((cursor, cursor + len(chunk)))
            cursor += len(chunk) + 1
        return spans

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p[0] for p in self.paragraphs]

    def paragraph_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._paragraph_starts, offset) - 1)
