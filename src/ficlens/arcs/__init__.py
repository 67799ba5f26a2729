"""Stage 'arcs': sentiment and emotion per scene, per chapter and per character's dialogue.

Sentiment: VADER on each sentence (``work.runtime["sentences"]``), averaged per span. Emotion:
ficlens's own small lexicon (:mod:`ficlens.arcs.emotions`), counts per 1,000 words.
"""

from __future__ import annotations

import bisect
import math

from ficlens.arcs.emotions import emotion_counts, per_thousand
from ficlens.arcs.sentiment import MAX_SENTENCES, mean_scores, sample_evenly, score
from ficlens.interactions.counts import utterances
from ficlens.model import Work
from ficlens.options import Options
from ficlens.pov.narration import effective_scenes, sentence_spans

MAX_QUOTES_PER_CHARACTER = 500
MIN_PER_SCENE = 10
METHOD = (
    "VADER compound/pos/neg averaged over sentences{sampled}; emotions: ficlens lexicon "
    "(8 Plutchik emotions), words per 1,000"
)


def _span_entry(work: Work, start: int, end: int, scored: list[tuple[int, dict]], starts: list[int]) -> dict:
    lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
    counts, words = emotion_counts(work.text[start:end])
    entry = {
        "start": start,
        "end": end,
        **mean_scores([s for _, s in scored[lo:hi]]),
        "sentences": hi - lo,
        "emotions": per_thousand(counts, words),
    }
    return entry


def character_arcs(work: Work) -> list[dict]:
    """Mean VADER compound and emotions of each speaker's dialogue."""
    by_speaker: dict[str, list[str]] = {}
    for quote, _ in utterances(work):
        if quote.speaker:
            by_speaker.setdefault(quote.speaker, []).append(work.text[quote.start : quote.end])
    out = []
    for char, texts in by_speaker.items():
        sample = sample_evenly(texts, MAX_QUOTES_PER_CHARACTER)
        counts, words = emotion_counts(" ".join(texts))
        out.append(
            {
                "character": char,
                "quotes": len(texts),
                "compound": mean_scores([score(t) for t in sample])["compound"],
                "emotions": per_thousand(counts, words),
            }
        )
    out.sort(key=lambda c: (-c["quotes"], c["character"]))
    return out


def sample_sentences(work: Work, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """All sentences, or past MAX_SENTENCES an even sample within each scene (at least
    MIN_PER_SCENE per scene, so a short scene never goes unscored)."""
    if len(sentences) <= MAX_SENTENCES:
        return sentences
    rate = MAX_SENTENCES / len(sentences)
    starts = [s for s, _ in sentences]
    sampled: list[tuple[int, int]] = []
    for scene in effective_scenes(work) or [None]:
        lo = 0 if scene is None else bisect.bisect_left(starts, scene.start)
        hi = len(sentences) if scene is None else bisect.bisect_left(starts, scene.end)
        part = sentences[lo:hi]
        sampled.extend(sample_evenly(part, max(MIN_PER_SCENE, math.ceil(len(part) * rate))))
    return sorted(set(sampled))


def run(work: Work, options: Options) -> None:
    """Fill ``work.arcs``."""
    sentences = sentence_spans(work)
    sampled = sample_sentences(work, sentences)
    scored = [(s, score(work.text[s:e])) for s, e in sampled]
    starts = [s for s, _ in scored]
    scenes = []
    for index, scene in enumerate(effective_scenes(work)):
        scenes.append(
            {
                "index": index,
                "chapter": scene.chapter,
                **_span_entry(work, scene.start, scene.end, scored, starts),
            }
        )
    chapters = [
        {"index": i, "number": c.number, **_span_entry(work, c.start, c.end, scored, starts)}
        for i, c in enumerate(work.chapters)
    ]
    note = f" (sampled {len(sampled)} of {len(sentences)})" if len(sampled) < len(sentences) else ""
    work.arcs = {
        "scenes": scenes,
        "chapters": chapters,
        "characters": character_arcs(work),
        "method": METHOD.format(sampled=note),
    }
