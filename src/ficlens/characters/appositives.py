"""Appositives: a description set beside a name between commas is that person.

"The potions master, Severus Snape, swept in", "the Collector, Mr. Turton, with whom they had
dined", "Harry glared at Snape, the potions master." A writer introduces an epithet this way, and
co-occurrence alone reads the pair as two people (they share a sentence). A list ("Harry, the
potions master, and Ron"; "the Nawab Bahadur, Hamidullah, Mahmoud Ali") and a possessive
("Snape, the potions master's friend") are not appositions.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

_COMMA_RE = re.compile(r",[ \t]*\n?[ \t]*")
# What may close an apposition: a comma, a sentence or clause end, a dash, a bracket.
_CLOSE_RE = re.compile(r"\s*(?:,|;|:|\.|!|\?|\)|—|--)")
_LIST_RE = re.compile(r",?\s+(?:and|or|nor)\b")
_POSSESSIVE_RE = re.compile(r"['’]s?\b")
# A comma followed by another capitalised word goes on listing people ("the Nawab Bahadur,
# Hamidullah, Mahmoud Ali…").
_LIST_GOES_ON_RE = re.compile(r"\s*,\s*[A-Z]")
_LISTED_BEFORE_RE = re.compile(r",\s+(?:[a-z]+\s+){0,2}$")


def _closes(text: str, pos: int) -> bool:
    """The apposition ends at ``pos``: punctuation follows, not a list's "and" or a possessive."""
    ahead = text[pos:pos + 12]
    if _POSSESSIVE_RE.match(ahead) or _LIST_RE.match(ahead) or _LIST_GOES_ON_RE.match(ahead):
        return False
    return bool(_CLOSE_RE.match(ahead))


class NamedSpans:
    """Named mentions (start, end, character) sorted by start, looked up by either edge."""

    def __init__(self, named: list[tuple[int, int, str]]):
        self.spans = sorted(named)
        self._starts = [s for s, _, _ in self.spans]
        self._by_end = {e: (s, c) for s, e, c in self.spans}

    def starting_at(self, pos: int) -> tuple[int, int, str] | None:
        i = bisect_left(self._starts, pos)
        return self.spans[i] if i < len(self.spans) and self._starts[i] == pos else None

    def overlaps(self, start: int, end: int) -> bool:
        """Does a span cover any of [start, end)? (Name mentions never overlap one another, so
        the last span starting before ``end`` is the only one to check.)"""
        i = bisect_left(self._starts, end)
        return i > 0 and self.spans[i - 1][1] > start

    def ending_at(self, pos: int) -> tuple[int, str] | None:
        return self._by_end.get(pos)

    def listed_before(self, text: str, pos: int) -> bool:
        """Another name, a comma and at most two small words stand just before ``pos``:
        "Fielding, the servant Antony, the Nawab Bahadur" lists three people."""
        m = _LISTED_BEFORE_RE.search(text, max(0, pos - 40), pos)
        return bool(m) and m.end() == pos and self.ending_at(m.start()) is not None


# "Mr. Haq, the Inspector of Police, …": an office's "of <Name>" belongs to the description
_OF_COMPLEMENT_RE = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?")


def _past_complement(text: str, end: int) -> int:
    m = _OF_COMPLEMENT_RE.match(text, end)
    return m.end() if m else end


def appositive_partner(text: str, start: int, end: int, named: NamedSpans) -> str | None:
    """The character named in apposition to the description at [start, end), if any."""
    comma = _COMMA_RE.match(text, end)
    if comma:
        span = named.starting_at(comma.end())
        if span is not None and _closes(text, span[1]) and not named.listed_before(text, start):
            return span[2]
    before = text[max(0, start - 6):start]
    comma = re.search(r",\s*$", before)
    if comma and _closes(text, _past_complement(text, end)):
        partner = named.ending_at(start - len(before) + comma.start())
        if partner is not None and not named.listed_before(text, partner[0]):
            return partner[1]
    return None


def appositive_votes(text: str, spans: list[tuple[str, int, int]], named: NamedSpans) -> dict[str, Counter]:
    """key -> Counter of characters set in apposition to its occurrences ``(key, start, end)``."""
    votes: dict[str, Counter] = {}
    for key, start, end in spans:
        cid = appositive_partner(text, start, end, named)
        if cid is not None:
            votes.setdefault(key, Counter())[cid] += 1
    return votes


def clear_winner(counter: Counter) -> str | None:
    """The character a description is set beside at least twice as often as any other."""
    ranked = counter.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]
