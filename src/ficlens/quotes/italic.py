"""Inner speech set in italics: HTML ``<i>/<em>`` runs (``work.italics``) or plain-text ``*...*`` /
``_..._``. Only a clause of inner speech counts, not an emphasised word or a book title."""

from __future__ import annotations

import re

from ficlens.quotes.candidates import Candidate, blank_backwards
from ficlens.quotes.lexicon import word_set
from ficlens.quotes.tags import tag_kind

_PLAIN_ITALIC = re.compile(r"(?<![\w*])\*(?=[^\s*])[^*\n]+?(?<=[^\s*])\*(?![\w*])"
                           r"|(?<![\w_])_(?=[^\s_])[^_\n]+?(?<=[^\s_])_(?![\w_])")
_WORD = re.compile(r"[A-Za-z’']+")
_PERSONAL = word_set("i i'm i’m i'd i’d i'll i’ll i've i’ve me my mine myself we us our "
                      "you your yours yourself")
_ENGLISH = _PERSONAL | word_set(
    "the a an is was are were be been to of and in on at for with but or not no so if that this there "
    "here what why how who where when he she it they him her them his its their can will would could "
    "should must do did have has had just only")
_SMALL = word_set("a an the of and or in on at to for by with from")


def plain_italics(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """``*asterisk*`` and ``_underscore_`` runs in plain text (the marks included)."""
    return [(m.start(), m.end()) for m in _PLAIN_ITALIC.finditer(text, lo, hi)]


def _title_case(words: list[str]) -> bool:
    return all(w[0].isupper() for i, w in enumerate(words) if i == 0 or w.lower() not in _SMALL)


def is_inner_speech(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """A clause of thought: 3+ words (2 with ``?``/``!``), not Title Case; and either a clause inside
    a paragraph (4+ words), or first/second person, a question or exclamation, or a thought tag.
    A whole italic paragraph needs that evidence: it may be a letter or a flashback."""
    inner = text[start:end].strip(" \t\n*_")
    words = _WORD.findall(inner)
    asks = inner.rstrip("\"'”’").endswith(("?", "!"))
    if len(words) < (2 if asks else 3) or (len(words) <= 8 and _title_case(words)):
        return False
    if not any(w.lower() in _ENGLISH for w in words):
        return False  # a foreign phrase or a sound ("Tra-la-la"), set in italics as a term
    whole_paragraph = blank_backwards(text, lo, start) and not text[end:hi].strip(" \t\n*_.")[:1]
    if len(words) >= 4 and not whole_paragraph:
        return True
    personal = any(w.lower() in _PERSONAL for w in words)
    return personal or asks or tag_kind(text, start, end, lo, hi) == "thought"


def italic_thoughts(text: str, lo: int, hi: int, runs: list[tuple[int, int]]) -> list[Candidate]:
    """Italic runs of ``text[lo:hi]`` that read as inner speech, clipped to the paragraph."""
    found = []
    for s, e in runs:
        s, e = max(s, lo), min(e, hi)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s and is_inner_speech(text, s, e, lo, hi):
            found.append(Candidate(s, e, "italic", mode="thought"))
    return found
