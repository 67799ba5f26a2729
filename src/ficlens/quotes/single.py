"""Single quotation marks in one paragraph, told apart from apostrophes.

A mark between two letters (don't, o’clock, ma’am) is an apostrophe. A mark before a lower-case
elision ('em, ’cause, 'til, ’twas, '90s) never opens. Closing marks are ranked: after punctuation
(``,'`` ``?'``) is a sure closer; after a word it may be an elision (runnin', the Potters' house),
so it closes only when no sure closer comes before the next opener. Marks inside ``skip`` spans
(double-quoted text) are left alone: there they are nested quotes or apostrophes.
"""

from __future__ import annotations

import bisect
import re

from ficlens.quotes.candidates import Candidate, blank_backwards
from ficlens.quotes.lexicon import LEADING_ELISIONS, SPEECH_VERBS, THOUGHT_VERBS, TRAILING_ELISION_RE

SINGLE_MARKS = re.compile(r"['‘’‛]")
_OPEN_AFTER = "([{—–-_*/\"“”"
_STRONG_BEFORE = ".,!?;:…—–-"
_WORD_AFTER = re.compile(r"\w+")
_WORD_BEFORE = re.compile(r"\w+$")
_TAG_WORD = re.compile(r"[A-Za-z]+")
_YEAR = re.compile(r"\d\d?s?\b")
_SPEECH_START_BEFORE = re.compile(r"(?:[.!?:;…—–\-\"”’]\s*|\s[-—–]+\s*)$")

SURE, WORD, ELISION = 3, 2, 1


def _inside(i: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether ``i`` falls in one of the sorted, non-overlapping ``spans``."""
    k = bisect.bisect_right(starts, i) - 1
    return k >= 0 and i < spans[k][1]


def _inside_word(text: str, i: int, lo: int, hi: int) -> bool:
    """don't, o’clock, ma’am: an apostrophe between two letters."""
    return lo < i < hi - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()


def _can_open(text: str, i: int, lo: int, hi: int) -> bool:
    if text[i] == "’":
        return False
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    if after.isspace() or not (before.isspace() or before in _OPEN_AFTER):
        return False
    word = _WORD_AFTER.match(text, i + 1, hi)
    return not (word and (word.group(0) in LEADING_ELISIONS or _YEAR.fullmatch(word.group(0))))


def _closer_rank(text: str, i: int, lo: int, hi: int) -> int:
    """0 when the mark cannot close; else SURE, WORD or ELISION (how likely it closes)."""
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    if before.isspace() or after.isalnum():
        return 0
    if text[i] in "‘‛" and not (after.isspace() or i + 1 >= hi):
        return 0  # a turned mark closes only where nothing else can be ('Hello,‘ he said)
    if before in _STRONG_BEFORE:
        return SURE
    word = _WORD_BEFORE.search(text, max(lo, i - 30), i)
    if word and TRAILING_ELISION_RE.search(word.group(0)):
        return ELISION
    return WORD


def _speech_like_start(text: str, i: int, lo: int) -> bool:
    """An opener at the paragraph start or after a sentence end / dash: a real quote if unclosed."""
    return blank_backwards(text, lo, i) or bool(_SPEECH_START_BEFORE.search(text, max(lo, i - 6), i))


def scan_single(text: str, lo: int, hi: int, skip: list[tuple[int, int]]) -> list[Candidate]:
    """Single-quoted spans in ``text[lo:hi]`` outside ``skip``; the last may be unclosed."""
    skip = sorted(skip)
    skip_starts = [s for s, _ in skip]
    marks = [m.start() for m in SINGLE_MARKS.finditer(text, lo, hi)
             if not _inside(m.start(), skip, skip_starts)]
    marks = [i for i in marks if not _inside_word(text, i, lo, hi)]
    opens = [_can_open(text, i, lo, hi) for i in marks]
    ranks = [_closer_rank(text, i, lo, hi) for i in marks]
    found: list[Candidate] = []
    j = 0
    while j < len(marks):
        if not opens[j]:
            j += 1
            continue
        close = _find_closer(text, marks, opens, ranks, j)
        if close is not None:
            found.append(Candidate(marks[j], marks[close] + 1, "single"))
            j = close + 1
        elif _speech_like_start(text, marks[j], lo):
            end = hi
            while end > marks[j] + 1 and text[end - 1].isspace():
                end -= 1
            found.append(Candidate(marks[j], end, "single", closed=False))
            break
        else:
            j += 1
    return found


def _find_closer(text: str, marks: list[int], opens: list[bool], ranks: list[int], j: int) -> int | None:
    """Index of the mark closing the quote opened at ``marks[j]`` (None: never closed)."""
    best: dict[int, int] = {}
    for k in range(j + 1, len(marks)):
        if ranks[k] == SURE:
            return k
        if opens[k] and not ranks[k] and best and (
                WORD in best or _reads_as_tag(text, marks[best[ELISION]] + 1, marks[k])):
            break  # the next quote opens; the open one closed at a word-final mark
        if ranks[k]:
            best[ranks[k]] = k
    return best.get(WORD, best.get(ELISION))


def _reads_as_tag(text: str, start: int, end: int) -> bool:
    """Narration between two quotes holds a speech verb ("he said"); dialect inside one speech
    ("'Ow's it goin', mate? 'E said...") usually does not before its next elided word."""
    words = _TAG_WORD.findall(text, start, min(end, start + 60))
    return any(w.lower() in SPEECH_VERBS or w.lower() in THOUGHT_VERBS for w in words[:4])
