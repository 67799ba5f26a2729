"""Stage 'language': cheap layers over the whole text, parsing only where it pays.

``run`` fills ``work.runtime["sentences"]`` (rule-based, quote-aware, over narrative paragraphs)
and ``work.stats["tokens"]`` / ``["words"]`` (regex counts, see :mod:`ficlens.language.tokens`);
it never runs the tagger. Later stages call :func:`parse_windows` on the few small windows they
need parsed (speech tags), and :func:`get_nlp` for the shared spaCy pipeline.
"""

from __future__ import annotations

import bisect

from ficlens.language.nlp import get_nlp
from ficlens.language.sentences import split_sentences
from ficlens.language.tokens import count_tokens, count_words
from ficlens.language.windows import parse_windows, text_span, to_text_offset
from ficlens.model import Work
from ficlens.options import Options

__all__ = ["count_tokens", "count_words", "get_nlp", "parse_windows", "run", "sentence_at", "sentences",
           "split_sentences", "text_span", "to_text_offset"]


def _story_blocks(work: Work) -> list[tuple[int, int]]:
    """Spans of story text: narrative paragraphs, or the whole text when there are none."""
    if work.paragraphs:
        return [(p.start, p.end) for p in work.narrative_paragraphs()]
    return [(0, len(work.text))] if work.text.strip() else []


def sentences(work: Work) -> list[tuple[int, int]]:
    """The work's sentence spans (computed once per run, cached in ``work.runtime``)."""
    cached = work.runtime.get("sentences")
    if cached is None:
        cached = [span for s, e in _story_blocks(work) for span in split_sentences(work.text, s, e)]
        work.runtime["sentences"] = cached
    return cached


def sentence_at(work: Work, offset: int) -> tuple[int, int] | None:
    """The sentence holding ``work.text[offset]`` (None between sentences or outside the story)."""
    spans = sentences(work)
    k = bisect.bisect_right(spans, (offset, len(work.text) + 1)) - 1
    return spans[k] if k >= 0 and spans[k][0] <= offset < spans[k][1] else None


def run(work: Work, options: Options) -> None:
    """Sentences and token/word counts of the story text (notes and headings excluded)."""
    work.runtime.pop("sentences", None)
    sentences(work)
    blocks = _story_blocks(work)
    work.stats["tokens"] = sum(count_tokens(work.text[s:e]) for s, e in blocks)
    work.stats["words"] = sum(count_words(work.text[s:e]) for s, e in blocks)
