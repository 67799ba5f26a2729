"""A fast, quote-aware, rule-based sentence splitter (regex, no tagger).

A sentence ends at ``. ! ? …`` (plus any closing quotes/brackets) followed by whitespace and
something that can open a sentence: a capital, a digit or an opening quote. That keeps
``"So what?" said Harry.`` whole (lower-case "said" follows) while ``"How are you?" "I'm fine"``
splits (an opening quote follows). A capitalised name and a speech verb after a closing quote
(``"Stop!" Harry said.``) stay in the quote's sentence. Common abbreviations (Mr., Mrs., Dr.,
St. ...) never end one.
"""

from __future__ import annotations

import re

from ficlens.quotes.lexicon import SPEECH_VERBS

_ABBREVIATIONS = """
mr mrs ms mx dr st prof sr jr rev gen col capt lt sgt cpl maj hon gov pres fr br sen rep mt ft
vs etc e.g i.e cf no vol ch pp fig inc ltd co jan feb mar apr jun jul aug sep sept oct nov dec
"""
ABBREVIATIONS = frozenset(_ABBREVIATIONS.split())

_BOUNDARY = re.compile(
    r"(?:[.!?]+|…|\.\.\.)[\"”’')\]»]*"         # terminal punctuation, closing quotes/brackets
    r"(?=\s+[\"“‘'(\[«—–]*[A-Z0-9À-Ý])"        # then a space and a sentence opener
)
_TAG_WORDS = re.compile(r"(?:\s+[A-Z][\w.]*){1,2}\s+[a-z]+")  # "Harry said" / "Mr. Potter asked"
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")


def _is_abbreviation(text: str, dot_end: int) -> bool:
    """Whether the ``.`` ending at ``dot_end`` closes an abbreviation (or an initial, "J. K.")."""
    match = _WORD_BEFORE.search(text, max(0, dot_end - 12), dot_end)
    if not match:
        return False
    word = match.group(1).lower()
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha() and text[match.start(1)].isupper())


def _speech_tag_follows(text: str, at: int, end: int) -> bool:
    """'"Stop!" Harry said.': a tag right after a closing quote belongs to the quote's sentence."""
    words = _TAG_WORDS.match(text, at, min(end, at + 40))
    return bool(words) and any(w.lower() in SPEECH_VERBS for w in words.group(0).split())


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` in ``text[start:end]``, trimmed of surrounding whitespace."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        punct = match.group(0)
        if punct.rstrip("\"”’')]»") == "." and _is_abbreviation(text, match.start() + 1):
            continue
        if punct[-1] in "\"”’'»" and _speech_tag_follows(text, match.end(), end):
            continue
        _append(text, spans, cursor, match.end())
        cursor = match.end()
    _append(text, spans, cursor, end)
    return spans


def _append(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
