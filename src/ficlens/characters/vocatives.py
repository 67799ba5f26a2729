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


# A name shouted in capitals inside a line: "ZUKO!", "SHERLOCK HOLMES, get down here".
_SHOUTED_RE = re.compile(r"(?<![\w'’])[A-Z][A-Z'’-]{2,}(?:\s+[A-Z][A-Z'’-]{2,})?(?![\w'’])")


def shouted_names(text: str, start: int, end: int, known) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, name words as the cast writes them) of each name shouted in capitals inside
    the quote text[start:end]; ``known(words)`` says whether the cast has that name ("Zuko")."""
    out = []
    for m in _SHOUTED_RE.finditer(text, start, end):
        tokens = tuple(w.capitalize() for w in m.group().split())
        if known(tokens):
            out.append((m.start(), m.end(), tokens))
        elif len(tokens) > 1 and known(tokens[:1]):
            first = m.group().split()[0]
            out.append((m.start(), m.start() + len(first), tokens[:1]))
    return out
