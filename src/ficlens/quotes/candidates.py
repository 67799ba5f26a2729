"""A quote found by a scanner, before mode, grouping and paragraph merging are decided."""

from __future__ import annotations

from dataclasses import dataclass


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
