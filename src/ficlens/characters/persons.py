"""Narrative person: is there a first-person narrator, or a second-person reader ("you", "Y/N")?"""

from __future__ import annotations

import re
from collections import Counter

FIRST_RE = re.compile(r"\b(I|me|my|myself|mine)\b")
SECOND_RE = re.compile(r"\b(you|your|yourself|yours)\b", re.IGNORECASE)
THIRD_RE = re.compile(r"\b(he|she|him|her|his|himself|herself)\b", re.IGNORECASE)
READER_RE = re.compile(r"\(?\b[Yy]/[Nn]\b\)?")
NAME_GIVEN_RE = re.compile(r"\b(?:[Mm]y name (?:is|was)|[Cc]all me|I am|I'm|I’m|I called myself"
                           r"|I (?:was|am) (?:called|named)|came to be called"
                           r"|(?:[Tt]hey|[Ee]veryone) call(?:ed)? me)\s+((?:[A-Z][a-z]+\s?){1,3})")
# "…," I said / "…," said I; in fan fiction's present tense too ("…," I say, "…," I tell her)
SAID_I_RE = re.compile(r"^\W{0,4}(?:said|asked|replied|answered|cried|whispered|called|added|went on)\s+I\b"
                       r"|^\W{0,4}I\s+(?:said|asked|replied|answered|cried|whispered|called|added|muttered|"
                       r"say|ask|reply|answer|whisper|call|add|mutter|tell|groan|sigh|mumble|snap)\b")


def count_person(text: str, paragraphs: list[tuple[int, int]], in_quote) -> Counter:
    """Pronoun counts in narration (outside quotes), by person."""
    counts: Counter = Counter()
    for start, end in paragraphs:
        for regex, label in ((FIRST_RE, "first"), (SECOND_RE, "second"), (THIRD_RE, "third")):
            for m in regex.finditer(text, start, end):
                if not in_quote(m.start()):
                    counts[label] += 1
    return counts


def narrative_person(counts: Counter, has_reader_tag: bool) -> str:
    first, second, third = counts["first"], counts["second"], counts["third"]
    if has_reader_tag or (second >= 20 and second > 0.5 * third and second > first):
        return "second"
    if first >= 5 and first > 0.3 * third:
        return "first"
    return "third"
