"""Where the narration is: scenes, quote spans and the stretches of narrative between quotes.

POV, arcs and the beta reader all need "narration outside quotes, scene by scene". These helpers
degrade gracefully when an earlier layer is empty: no scenes → one scene per chapter (or one for
the whole text); no quotes layer → a regex over double/curly quotes, so the later stages still work
on a Work built by hand or when an upstream stage found nothing.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from ficlens.model import Scene, Work

WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# "..." or “...” on one paragraph: the fallback when the quotes layer is empty.
_QUOTE_RE = re.compile(r"\"[^\"\n]{1,2000}\"|“[^”\n]{1,2000}”")


def effective_scenes(work: Work) -> list[Scene]:
    """``work.scenes``, else one scene per chapter, else one scene over the narrative text."""
    if work.scenes:
        return work.scenes
    if work.chapters:
        return [Scene(c.start, c.end, chapter=i) for i, c in enumerate(work.chapters)]
    blocks = story_blocks(work)
    if not blocks:
        return []
    return [Scene(blocks[0][0], blocks[-1][1])]


def story_blocks(work: Work) -> list[tuple[int, int]]:
    """Narrative paragraph spans, or the whole text when there is no paragraph layer (cached)."""
    cached = work.runtime.get("pov.blocks")
    if cached is None or cached[0] != len(work.paragraphs):
        if work.paragraphs:
            blocks = [(p.start, p.end) for p in work.paragraphs if p.kind == "text"]
        else:
            blocks = [(0, len(work.text))] if work.text.strip() else []
        cached = work.runtime["pov.blocks"] = (len(work.paragraphs), blocks, [b[1] for b in blocks])
    return cached[1]


def quote_spans(work: Work) -> list[tuple[int, int]]:
    """Sorted ``(start, end)`` of speech/thought quotes (cached per run in ``work.runtime``)."""
    cached = work.runtime.get("pov.quote_spans")
    if cached is None:
        if work.quotes:
            cached = sorted((q.start, q.end) for q in work.quotes)
        else:
            cached = [(m.start(), m.end()) for m in _QUOTE_RE.finditer(work.text)]
        work.runtime["pov.quote_spans"] = cached
    return cached


def narration_ranges(work: Work, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The parts of the story blocks inside ``[start, end)`` that are not inside a quote."""
    quotes = quote_spans(work)
    starts = _quote_starts(work)
    blocks = story_blocks(work)
    block_ends = work.runtime["pov.blocks"][2]
    for index in range(bisect.bisect_right(block_ends, start), len(blocks)):
        b_start, b_end = blocks[index]
        if b_start >= end:
            break
        lo, hi = max(start, b_start), min(end, b_end)
        if lo >= hi:
            continue
        cursor = lo
        i = max(0, bisect.bisect_right(starts, lo) - 1)
        while i < len(quotes) and quotes[i][0] < hi:
            q_start, q_end = quotes[i]
            if q_end > cursor:
                if q_start > cursor:
                    yield cursor, q_start
                cursor = max(cursor, q_end)
            i += 1
        if cursor < hi:
            yield cursor, hi


def _quote_starts(work: Work) -> list[int]:
    quotes = quote_spans(work)
    starts = work.runtime.get("pov.quote_starts")
    if starts is None or len(starts) != len(quotes):
        starts = work.runtime["pov.quote_starts"] = [q[0] for q in quotes]
    return starts


def sentence_spans(work: Work) -> list[tuple[int, int]]:
    """The language stage's sentences (recomputed if the runtime cache was cleared)."""
    from ficlens.language import sentences

    return sentences(work)


def in_quote(work: Work, offset: int) -> bool:
    """Whether ``offset`` lies inside a quote."""
    quotes = quote_spans(work)
    i = bisect.bisect_right(_quote_starts(work), offset) - 1
    return i >= 0 and quotes[i][0] <= offset < quotes[i][1]


def word_count(text: str) -> int:
    return sum(1 for _ in WORD_RE.finditer(text))
