"""Omniscient narration: a narrator who is in everyone's head on purpose, so it is not head-hopping.

A reader tells it from two things: the narrator speaking in their own voice ("we", "our heroine",
"dear reader", "the reader will forgive") and interiority handed out evenly to several
characters rather than one head with a slip into another. Either is enough here.
"""

from __future__ import annotations

import re
from collections import Counter

from ficlens.model import Work
from ficlens.pov.narration import narration_ranges

# Narrator commentary that only an omniscient (or intrusive) narrator uses.
COMMENTARY_RE = re.compile(
    r"\b(?:(?:our|my)\s+(?:hero|heroine|heroes|heroines|friends?|protagonists?|lovers|tale|story)"
    r"|(?:dear|gentle|kind|patient)\s+reader|the\s+reader|as\s+we\s+(?:shall|will|have)\s+(?:see|seen)"
    r"|we\s+(?:must|shall|will|may)\s+(?:now\s+)?(?:leave|return|turn|follow|forgive|pity|admit))\b",
    re.IGNORECASE,
)
NARRATOR_WE_RE = re.compile(r"\b(?:we|us|our)\b", re.IGNORECASE)
MIN_WE = 2  # "we"/"our" in narration this many times in a third-person scene: the narrator's voice
EVEN_HEADS = 3  # this many characters with real interiority ...
EVEN_SHARE = 0.5  # ... and nobody with more than this share of it: spread evenly, by design


def commentary_evidence(work: Work, start: int, end: int) -> list[dict]:
    """Narrator-commentary spans ``{start, end, kind: "commentary", character: None}`` in narration."""
    found = []
    we_hits = []
    for lo, hi in narration_ranges(work, start, end):
        found.extend(
            {"start": m.start(), "end": m.end(), "kind": "commentary", "character": None}
            for m in COMMENTARY_RE.finditer(work.text, lo, hi)
        )
        we_hits.extend(NARRATOR_WE_RE.finditer(work.text, lo, hi))
    if not found and len(we_hits) >= MIN_WE:
        found = [
            {"start": m.start(), "end": m.end(), "kind": "commentary", "character": None} for m in we_hits
        ]
    return found


def is_omniscient(scores: Counter[str], commentary: list[dict], min_score: float) -> bool:
    """Whether interiority for several characters reads as omniscient narration, not a slip."""
    heads = [value for value in scores.values() if value >= min_score]
    if len(heads) < 2:
        return False
    if commentary:
        return True
    total = sum(scores.values())
    return len(heads) >= EVEN_HEADS and max(heads) <= EVEN_SHARE * total
