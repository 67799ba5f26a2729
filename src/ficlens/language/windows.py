"""Tag and parse only small windows of the text (the narration around quotes), never the whole.

Each parsed ``Doc`` remembers where it sits in ``work.text`` in ``doc.user_data["offset"]``;
:func:`to_text_offset` turns a token back into a ``work.text`` index. Parses are cached per work
in ``work.runtime["parsed_windows"]`` keyed by ``(start, end)``, so stages can share them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ficlens.language import nlp as nlp_module
from ficlens.model import Work

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

CACHE_KEY = "parsed_windows"
BATCH_SIZE = 256


def parse_windows(work: Work, spans: Iterable[tuple[int, int]]) -> list[Doc]:
    """One tagged+parsed Doc per ``(start, end)`` span of ``work.text``, in the given order."""
    wanted = [(int(s), int(e)) for s, e in spans]
    cache: dict[tuple[int, int], Doc] = work.runtime.setdefault(CACHE_KEY, {})
    missing = list(dict.fromkeys(span for span in wanted if span not in cache))
    if missing:
        nlp = nlp_module.get_nlp()
        texts = (work.text[s:e] for s, e in missing)
        for span, doc in zip(missing, nlp.pipe(texts, batch_size=BATCH_SIZE), strict=True):
            doc.user_data["offset"] = span[0]
            cache[span] = doc
    return [cache[span] for span in wanted]


def to_text_offset(doc: Doc, token: Token | Span) -> int:
    """Where ``token`` (or a span of tokens) starts in ``work.text``."""
    start = token.start_char if hasattr(token, "start_char") else token.idx
    return doc.user_data.get("offset", 0) + start


def text_span(doc: Doc, item: Token | Span) -> tuple[int, int]:
    """``(start, end)`` in ``work.text`` of a token or span of a window Doc."""
    base = doc.user_data.get("offset", 0)
    if hasattr(item, "start_char"):  # a Span
        return base + item.start_char, base + item.end_char
    return base + item.idx, base + item.idx + len(item.text)
