"""Who an unlinked epithet is, from the lines beside it: "The detective was already reaching for
the Bradshaw." in the paragraph of a line Holmes speaks makes "the detective" Holmes.

The cast stage links an epithet by the company it keeps, which a short story gives too little
of (two sightings, tied between Holmes and his landlady). After decoding, every line has a
speaker, and an epithet opening a sentence in a paragraph whose lines are all one character's is
the action beat of that speaker. When every such paragraph agrees, the epithet is that character.
Runs after decoding, like the description merge; no line changes hands."""

from __future__ import annotations

import re
from collections import Counter

from ficlens.characters.coref import speaking_subject
from ficlens.characters.epithets import GENERIC, head_gender
from ficlens.model import Work

_POSSESSIVE_RE = re.compile(r"(?:['’]s|\s+s)\b")  # "the Signora's accent" is not her action


def link_epithets_by_beats(work: Work, ctx, decided: dict[int, tuple[str | None, str]]) -> None:
    """Give each epithet phrase no mention of which names anyone the character whose lines
    share a paragraph with it as a sentence subject, when those paragraphs all agree."""
    text, layout = work.text, ctx.layout
    speakers_of: dict[int, set[str | None]] = {}
    for qi, q in enumerate(work.quotes):
        p = layout.paragraph_index(q.start)
        if p is not None:
            speakers_of.setdefault(p, set()).add(decided[qi][0])
    by_phrase: dict[str, list] = {}
    for m in work.mentions:
        if m.kind == "epithet" and not layout.in_quote(m.start):
            by_phrase.setdefault(_phrase(text[m.start:m.end]), []).append(m)
    by_id = {c.id: c for c in work.characters}
    for phrase, mentions in by_phrase.items():
        if any(m.character for m in mentions) or phrase.split()[-1] in GENERIC:
            continue  # linked already, or a word for anyone ("the man")
        votes: Counter = Counter()
        for m in mentions:
            p = layout.paragraph_index(m.start)
            who = speakers_of.get(p, set())
            if speaking_subject(text, m.start) and not _POSSESSIVE_RE.match(text, m.end) \
                    and len(who) == 1 and None not in who \
                    and _beside_a_line(text, m.start, work.quotes, layout):
                votes[next(iter(who))] += 1
        if len(votes) != 1 or 2 * sum(votes.values()) < len(mentions):
            continue  # paragraphs that disagree, or a phrase mostly used away from its lines
        (who, _), = votes.items()
        if who not in by_id or not _fits(phrase, by_id[who].gender):
            continue
        for m in mentions:
            m.character = who
        by_id[who].epithets.append("the " + phrase)


def _beside_a_line(text: str, pos: int, quotes, layout) -> bool:
    """Does the sentence that opens at ``pos`` follow a line straight after it closes, or run
    straight into the next one ('… handwriting.” The detective was already reaching …')?"""
    ends = [q.end for q in quotes if q.end <= pos]
    if ends and not text[max(ends):pos].strip():
        return True
    stop = min((text.find(c, pos) for c in ".!?" if text.find(c, pos) >= 0), default=-1)
    starts = [q.start for q in quotes if q.start > pos]
    return stop >= 0 and bool(starts) and not text[stop + 1:min(starts)].strip()


def _phrase(span: str) -> str:
    """'The detective' -> 'detective': the phrase as the cast stores it."""
    words = span.split()
    return " ".join(words[1:] if words and words[0].lower() == "the" else words).lower()


def _fits(phrase: str, gender: str | None) -> bool:
    """Does the epithet's head word ("the old woman") allow the character's gender?"""
    said = head_gender(phrase)
    return said is None or gender in (None, "unknown", said)
