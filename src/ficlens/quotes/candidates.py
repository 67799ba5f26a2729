"""A quote found by a scanner, before mode, grouping and paragraph merging are decided."""

from __future__ import annotations

import re
from dataclasses import dataclass

_BLANK = re.compile(r"[\s*_]*")


def blank(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is only whitespace (or italic marks), without copying it:
    asked once per quote, so it must not cost a paragraph's length each time."""
    return _BLANK.match(text, start, end).end() == end


def blank_backwards(text: str, start: int, end: int) -> bool:
    """Like :func:`blank`, scanning back from ``end`` (cheap when the answer is no)."""
    k = end
    while k > start and (text[k - 1].isspace() or text[k - 1] in "*_"):
        k -= 1
    return k == start


@dataclass(slots=True)
class Candidate:
    """``[start, end)`` includes the marks; ``closed`` is False when the paragraph ended first."""

    start: int
    end: int
    marks: str            # double | single | dash | italic
    closed: bool = True
    mode: str = "speech"  # speech | thought | title | scare
    continues: bool = False  # closes a quote left open in an earlier paragraph (no opening mark here)

    def contains(self, other: Candidate) -> bool:
        return self.start <= other.start and other.end <= self.end and self is not other
