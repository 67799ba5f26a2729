"""Grammatical person of a scene's narration, from pronoun counts outside quotes.

First-person narration is full of I/me/my; second-person (reader-insert) of you/your and Y/N;
third-person of he/she/they. Dialogue is skipped: characters say "I" in every kind of story.
"""

from __future__ import annotations

import re
from collections import Counter

from ficlens.model import Work
from ficlens.pov.narration import narration_ranges

_PRONOUN_RE = re.compile(
    r"\b(?:I|me|my|mine|myself|we|us|our|ours|ourselves|you|your|yours|yourself|he|him|his|himself|"
    r"she|her|hers|herself|they|them|their|theirs|themselves)\b|[\[(]?\b[YyLlEe]/[Nn]\b[\])]?",
    re.IGNORECASE,
)
_FIRST = frozenset(re.findall(r"\w+", "i me my mine myself we us our ours ourselves"))
_SECOND = frozenset(re.findall(r"\w+", "you your yours yourself"))


def pronoun_counts(work: Work, start: int, end: int) -> Counter[str]:
    """Counts of ``first``/``second``/``third`` person pronouns in narration of ``[start, end)``."""
    counts: Counter[str] = Counter()
    text = work.text
    for lo, hi in narration_ranges(work, start, end):
        for match in _PRONOUN_RE.finditer(text, lo, hi):
            word = match.group(0)
            if "/" in word:
                counts["second"] += 2  # Y/N, (y/n), L/N: reader-insert
                continue
            lower = word.lower()
            if lower == "i" and word != "I":
                continue
            if lower in _FIRST:
                counts["first"] += 1
            elif lower in _SECOND:
                counts["second"] += 1
            else:
                counts["third"] += 1
    return counts


def scene_person(counts: Counter[str]) -> str | None:
    """``first``/``second``/``third`` (None when the narration has no pronoun at all)."""
    first, second, third = counts["first"], counts["second"], counts["third"]
    if first + second + third == 0:
        return None
    if second >= 3 and second > first and second >= 0.3 * third:
        return "second"
    if first >= 3 and first >= 0.3 * third:
        return "first"
    return "third"
