"""Pronoun coreference, as far as speech tags and point of view need it.

A third-person pronoun in narration goes to the character of a compatible gender whose best
recent mention in the same scene, outside quotes, is the most salient: recency, with a sentence
subject counting double. "I" goes to the narrator of a first-person work, "you" to the reader of a
second-person one. A possessive followed by a parent or spouse ("her father") adds that
relative (``kin``) to the recent characters, so the next "he" can be him.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable

from ficlens.characters.kinship import NARRATION_KIN_RE
from ficlens.characters.lexicon import PRONOUN_GENDER
from ficlens.model import Mention

PRONOUN_RE = re.compile(r"\b(he|she|him|her|his|hers|himself|herself"
                        r"|He|She|Him|Her|His|Hers|Himself|Herself)\b")
FIRST_RE = re.compile(r"\b(I|me|my|myself|mine|Me|My|Myself|Mine)\b")
SECOND_RE = re.compile(r"\b(you|your|yourself|yours|You|Your|Yourself|Yours)\b")


def resolve_pronouns(text: str, paragraphs: list[tuple[int, int]], anchors: list[Mention],
                     genders: dict[str, str], in_quote, scene_of,
                     narrator: str | None = None, reader: str | None = None,
                     kin: Callable[[str, str], str | None] | None = None) -> list[Mention]:
    """Pronoun mentions (narration only), each pointing at a character id (or None), and
    "relation" mentions for the relatives ``kin(owner, noun)`` finds ("her father")."""
    anchors = sorted((m for m in anchors if m.character and not in_quote(m.start)), key=lambda m: m.start)
    pronouns: list[tuple[int, int, str]] = []
    for start, end in paragraphs:
        for m in PRONOUN_RE.finditer(text, start, end):
            if not in_quote(m.start()):
                pronouns.append((m.start(), m.end(), PRONOUN_GENDER[m.group(1).lower()]))
        if narrator:
            pronouns += [(m.start(), m.end(), "narrator") for m in FIRST_RE.finditer(text, start, end)
                         if not in_quote(m.start())]
        if reader:
            pronouns += [(m.start(), m.end(), "reader") for m in SECOND_RE.finditer(text, start, end)
                         if not in_quote(m.start())]
    pronouns.sort()
    out: list[Mention] = []
    recent: deque[tuple[int, str, str, bool]] = deque()   # (position, character, gender, subject)
    scene = -1
    ai = 0
    learned: dict[str, str] = {}
    for start, end, kind in pronouns:
        while ai < len(anchors) and anchors[ai].start < start:
            a = anchors[ai]
            ai += 1
            if scene_of(a.start) != scene:
                recent.clear()
                scene = scene_of(a.start)
            gender = genders.get(a.character, "unknown")
            recent.append((a.start, a.character, gender, is_subject(text, a.start)))
        if scene_of(start) != scene:
            recent.clear()
            scene = scene_of(start)
        while recent and start - recent[0][0] > _WINDOW:
            recent.popleft()
        if kind in ("narrator", "reader"):
            out.append(Mention(start, end, narrator if kind == "narrator" else reader, kind))
            continue
        best = _most_salient(recent, kind, start, learned)
        out.append(Mention(start, end, best, "pronoun"))
        if best:
            recent.append((start, best, kind, is_subject(text, start)))
            if genders.get(best, "unknown") == "unknown":
                learned[best] = kind  # "she" went to them once: they are not "he" next time
            owns = kin is not None and text[start:end].lower() in ("his", "her")
            relation = NARRATION_KIN_RE.match(text, end) if owns else None
            relative = kin(best, relation.group(1).lower()) if relation else None
            if relative:
                out.append(Mention(relation.start(1), relation.end(1), relative, "relation"))
                recent.append((relation.start(1), relative, genders.get(relative, "unknown"),
                               is_subject(text, start)))
    return out


_WINDOW = 1500


def is_subject(text: str, pos: int) -> bool:
    """Does the mention open a sentence or clause (a cheap stand-in for 'is the subject')?"""
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in ".!?\n;”\"—:"


def _most_salient(recent, gender: str, pos: int, learned: dict[str, str]) -> str | None:
    """Recent same-gender characters scored by their most salient mention (recency, sentence
    subjects counting double); an unknown-gender character competes at a discount. The best
    mention, not the sum: a character named all through the last page must not outweigh the
    one who just opened the sentence ("Dorian Gray passed his hand over his forehead")."""
    scores: dict[str, float] = {}
    for p, cid, g, subject in recent:
        g = learned.get(cid, g) if g == "unknown" else g
        if g == gender:
            weight = 1.0
        elif g == "unknown":
            weight = 0.4
        else:
            continue
        score = weight * (2.0 if subject else 1.0) / (1.0 + (pos - p) / 150.0)
        scores[cid] = max(scores.get(cid, 0.0), score)
    return max(scores, key=scores.get) if scores else None
