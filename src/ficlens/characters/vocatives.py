"""Vocatives and pet names inside quotes: who is being spoken to ("Sherlock, you're bleeding",
"Come here, love")."""

from __future__ import annotations

import re

from ficlens.characters.lexicon import PET_NAMES

_PET = "|".join(sorted((re.escape(p) for p in PET_NAMES), key=len, reverse=True))
# "my dear", "my love", "dear boy", "darling" at a clause edge, set off by commas.
PET_RE = re.compile(
    rf"(?<![\w'’])((?:my |you )?(?:(?:dear|little|poor|old|sweet) )?(?:{_PET}))"
    rf"(?=\s*[,.!?;—–]|\s*[”\"’]|$)", re.IGNORECASE)


def pet_names_in(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of pet-name vocatives inside the quote text[start:end]."""
    out = []
    for m in PET_RE.finditer(text, start, end):
        s, e = m.span(1)
        before = text[max(start, s - 3):s].strip()
        if before and before[-1] not in ",“\"‘'":
            continue
        out.append((s, e))
    return out
