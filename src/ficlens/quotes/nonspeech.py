"""Quotation marks that are not speech: titles ("Harry Potter"), scare quotes, terms, signs.

Evidence, in order: a closed quote of 1-4 words inside a sentence (narration right before it,
not introduced by a comma or colon), with no ``!``/``?`` of its own; then a strong cue right before
it ("called", "word", "titled", "read" ...); else, with no speech verb nearby, a weak cue ("the",
"a", "her") before an unpunctuated quote, a lower-case start, or an unpunctuated quote (or a Title
Case one) straight after a word. Speech nearly always starts with a capital and ends in punctuation.
"""

from __future__ import annotations

import re

from ficlens.quotes.candidates import Candidate
from ficlens.quotes.lexicon import STRONG_CUES, TITLE_CUES, TITLE_ONLY_CUES, word_set
from ficlens.quotes.tags import has_speech_verb_near

_WORD = re.compile(r"[\w’'-]+")
_LAST_WORD = re.compile(r"([\w-]+)\W*$")
_SMALL = word_set("a an the of and or in on at to for by with from is")
MAX_WORDS = 4
MAX_WORDS_LOWER = 6  # "their 'substitute big brothers and sisters'": lower-case, so not a sentence
MAX_WORDS_TITLE = 8  # she read "The Tales of Beedle the Bard"


def _title_case(words: list[str]) -> bool:
    return all(w[0].isupper() or w[0].isdigit()
               for i, w in enumerate(words) if i == 0 or w.lower() not in _SMALL)


def _word_limit(inner: str, words: list[str], cue: str) -> int:
    """Longer spans pass only as a lower-case phrase or a cued Title Case title."""
    if inner[:1].islower():
        return MAX_WORDS_LOWER
    if cue in TITLE_CUES and _title_case(words):
        return MAX_WORDS_TITLE
    return MAX_WORDS


def nonspeech_mode(text: str, quote: Candidate, lo: int, hi: int) -> str | None:
    """``"title"`` or ``"scare"`` when the quote is not speech, else None."""
    if not quote.closed or quote.marks not in ("double", "single"):
        return None
    inner = text[quote.start + 1:quote.end - 1].strip()
    words = _WORD.findall(inner)
    if not words or inner.endswith(("!", "?", "…", "-", "—", "–")):  # exclaimed, asked, broken off
        return None
    before = text[max(lo, quote.start - 200):quote.start].rstrip()
    if not before or before[-1] in ".!?…\"“”‘’'—–-(":
        return None  # opens a sentence: speech
    last = _LAST_WORD.search(before[-30:])
    cue = last.group(1).lower() if last else ""
    if len(words) > _word_limit(inner, words, cue):
        return None
    title_case = _title_case(words)
    introduced = before[-1] in ",:;"  # 'she called, "Good morning"' introduces speech
    punctuated = inner.endswith((",", ".", ";"))
    if introduced and not (before[-1] == ":" and cue in STRONG_CUES):  # 'The sign read: "Keep Out"'
        return None
    kind = "title" if title_case and (len(words) > 1 or not punctuated or cue in TITLE_ONLY_CUES) else "scare"
    if cue in STRONG_CUES:
        return kind
    if has_speech_verb_near(text, quote.start, quote.end, lo, hi):
        return None
    after_word = before[-1].isalnum()
    if (cue in TITLE_CUES and not punctuated) or inner[:1].islower():
        return kind
    if after_word and (not punctuated or (title_case and len(words) > 1)):
        return kind
    return None
