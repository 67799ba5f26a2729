"""Look just outside a quote for a speech or thought tag ("she said", "he thought")."""

from __future__ import annotations

import re

from ficlens.quotes.lexicon import SPEECH_VERBS, THOUGHT_PHRASE_RE, THOUGHT_VERBS

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
# "John thinks about it.": a thought verb with an object after the quote is narration, not a tag.
_NOT_A_TAG = re.compile(
    r"\W*(?:\w+\W+){0,2}?(?:think|thinks|thought|wonders|wondered)\s+(?:about|of|that|so|it|over|back)\b",
    re.IGNORECASE)
# Where a tag's sentence stops: sentence punctuation, a paragraph break, or another quotation mark
# (an apostrophe between letters, as in "Harry's", is not one).
_SENTENCE_END = re.compile(r"[.!?…]\s|[\"“”„«»]|(?<![A-Za-z])['‘’]|['‘’](?![A-Za-z])|\n\s*\n")
WINDOW = 60
AFTER_WORDS = 3   # '"Hi!" said Mr. Bumble' / '"Hi," Harry Potter said': the verb comes early
BEFORE_WORDS = 2  # 'Harry thought, "..."': the verb sits right before the quote


def _tag_words_after(text: str, end: int, limit: int) -> list[str]:
    stop = min(limit, end + WINDOW)
    window = text[end:stop]
    cut = _SENTENCE_END.search(window)
    if cut:
        window = window[:cut.start()]
    return [w.lower() for w in _WORD.findall(window)][:AFTER_WORDS]


def _tag_words_before(text: str, start: int, limit: int) -> list[str]:
    window = text[max(limit, start - WINDOW):start]
    cuts = list(_SENTENCE_END.finditer(window))
    if cuts:
        window = window[cuts[-1].end():]
    return [w.lower() for w in _WORD.findall(window)][-BEFORE_WORDS:]


def tag_kind(text: str, start: int, end: int, lo: int, hi: int) -> str | None:
    """``"thought"``, ``"speech"`` or None: the verb of the tag around quote ``[start, end)``.

    ``lo``/``hi`` bound the search (the paragraph), so a tag is never borrowed from a neighbour.
    """
    after_window = text[end:min(hi, end + WINDOW)]
    before_window = text[max(lo, start - WINDOW):start]
    if THOUGHT_PHRASE_RE.search(after_window[:40]) or THOUGHT_PHRASE_RE.search(before_window[-40:]):
        return "thought"
    words = _tag_words_after(text, end, hi) + _tag_words_before(text, start, lo)
    if any(w in THOUGHT_VERBS for w in words) and not _NOT_A_TAG.match(text, end, min(hi, end + WINDOW)):
        return "thought"
    if any(w in SPEECH_VERBS for w in words):
        return "speech"
    return None


def has_speech_verb_near(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """A speech or thought verb within a few words either side (a short quote that is speech)."""
    before = [w.lower() for w in _WORD.findall(text[max(lo, start - 40):start])][-4:]
    after = [w.lower() for w in _WORD.findall(text[end:min(hi, end + 30)])][:3]
    return any(w in SPEECH_VERBS or w in THOUGHT_VERBS for w in before + after)
