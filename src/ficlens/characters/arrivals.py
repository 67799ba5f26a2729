"""Arrivals: an unnamed person a story brings on stage with an indefinite description and who
then speaks ("A nurse in purple scrubs rounded the corner. She took one look at them." /
"Visiting hours ended at eight.").

Such a person becomes a character of their own, named by the description ("the nurse"), so that
the next "she" and the lines that follow have someone to go to instead of the nearest named
woman. Later "the nurse" in the same scene is the same person. An arrival is an indefinite
description ("A scout skids to a stop", "a woman in a grey coat") or a trade its scene meets for
the first time as a clause subject ("…, and the young deputy at his desk was holding a printout");
never an office a story calls its named cast by ("the detective"), and only when a line follows
at once that no tag gives to someone named: a passer-by who never speaks stays out of the cast.
The speakers stage treats arrivals like the characters its tags make from descriptions.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ficlens.characters.coref import is_subject
from ficlens.characters.epithets import ADJ_RE, GENERIC, LOOKS, PERSON_NOUNS, ROLES, head_gender
from ficlens.characters.layout import Layout
from ficlens.language.verbs import TAG_VERBS
from ficlens.model import Character, Mention

# "a woman in a grey coat" is someone new too; "the woman" alone (_TRADES) may be anyone on stage
_ROLE_NOUNS = sorted(PERSON_NOUNS - {"female", "male", "newcomer", "visitor", "stranger"},
                     key=len, reverse=True)
_ROLE_RE = "|".join(map(re.escape, _ROLE_NOUNS))
# "A uniformed officer", "a harried waitress": a participle describes as well as the listed words
_ARRIVAL_RE = re.compile(
    rf"\b(?:A|An|(?<=[a-z], )an?)\s+(?:(?:{ADJ_RE}|[a-z]+(?:ed|ing))\s+){{0,2}}"
    rf"(?P<noun>(?i:{_ROLE_RE}))\b(?![-'’])")
# "… and the young deputy hovering at the edge of his desk was holding a printout": a role met for
# the first time in its scene, as a clause's subject, no one the cast already holds
# Only trades a story does not call its named cast by ("the deputy", not "the detective").
_TRADES = sorted(set(_ROLE_NOUNS) - ROLES - LOOKS - GENERIC, key=len, reverse=True)
_FIRST_SEEN_RE = re.compile(rf"\b(?:The|(?<=\band )the)\s+(?:(?:{ADJ_RE})\s+){{0,2}}"
                            rf"(?P<noun>{'|'.join(map(re.escape, _TRADES))})\b(?![-'’])")
# "A woman should some day write the philosophy of clothes": a saying about anyone, no arrival
_GENERIC_SAYING_RE = re.compile(r"\s+(?:should|would|could|might|must|can|cannot|may|will|ought|never|always"
                                r"|needs|knows|is\s+(?:a|an|never|always))\b")
# the next sentence's subject pronoun, for the arrival's gender ("… rounded the corner. She took")
_NEXT_SUBJECT_RE = re.compile(r"[^.!?“”\"]*[.!?]\s+(He|She)\b")
# the tag of the arrival's first line: '"You have to sign in," he said'
_TAG_PRONOUN_RE = re.compile(rf"\s*(he|she)\s+(?:{'|'.join(sorted(TAG_VERBS))})\b")
_SENTENCE_END_RE = re.compile(r"[.!?]")
_OWN_PRONOUN_RE = re.compile(r"[^.!?;:‘“\"A-Z]{0,80}?\b(he|him|his|himself|she|her|hers|herself)\b")


def introduce_arrivals(text: str, layout: Layout, characters: list[Character],
                       mentions: list[Mention]) -> dict[str, str]:
    """Add a character for each arrival that speaks next, its mentions (the arrival and the
    same description later in its scene), and return their genders (id -> gender)."""
    taken = {a.lower() for c in characters for a in [c.name, *c.aliases, *c.epithets]}
    made: dict[str, Character] = {}
    genders: dict[str, str] = {}
    arrivals: list[tuple[int, int, str, int]] = []   # start, end, character id, scene
    held = _held_spans(mentions)
    for p, (lo, hi) in enumerate(layout.paragraphs):
        first_seen = (m for m in _FIRST_SEEN_RE.finditer(text, lo, hi)
                      if _first_in_scene(text, layout, m, held))
        found = [*_ARRIVAL_RE.finditer(text, lo, hi), *first_seen]
        sentence_taken = -1   # an arrival's sentence: ", a kid with a buzz cut" after it describes it
        for m in sorted(found, key=lambda m: m.start()):
            if layout.in_quote(m.start()) or not _opens_clause(text, m, hi) \
                    or _GENERIC_SAYING_RE.match(text, m.end()) or not _speaks_next(text, layout, p, m.end()):
                continue
            if m.group(0)[0] == "a" and sentence_taken >= 0 and not _SENTENCE_END_RE.search(
                    text, sentence_taken, m.start()):
                continue
            sentence_taken = m.end()
            noun = m.group("noun").lower()
            name = "the " + noun
            if name in taken and name not in made and m.group(0)[0] in "Tt":
                continue   # someone the story already calls "the nurse"; "a nurse" is someone new
            character = made.get(name)
            if character is None:
                character = Character(f"c{len(characters)}", name, [name], origin="text")
                characters.append(character)
                made[name] = character
            gender = head_gender(noun) or _pronoun_gender(text, layout, m.end(), hi)
            if gender and genders.get(character.id, gender) == gender:
                genders[character.id] = gender
            elif gender:
                genders[character.id] = "unknown"   # a male and a female guard: no one gender
            arrivals.append((m.start(), m.end(), name, layout.scene_index(m.start())))
    if not arrivals:
        return {}
    for c in made.values():
        c.gender = genders.setdefault(c.id, "unknown")
    _add_mentions(text, layout, mentions, arrivals, {name: c.id for name, c in made.items()})
    return genders


def _held_spans(mentions: list[Mention]) -> dict[int, str | None]:
    """start -> character of each epithet mention (None when the cast linked it to no one)."""
    return {m.start: m.character for m in mentions if m.kind == "epithet"}


def _first_in_scene(text: str, layout: Layout, m: re.Match, held: dict[int, str | None]) -> bool:
    """The role's first mention in its scene, and not a description the cast linked to someone."""
    if held.get(m.start()) is not None:
        return False
    lo = layout.scenes[layout.scene_index(m.start())][0]
    said = re.compile(rf"\b{re.escape(m.group('noun'))}\b", re.IGNORECASE)
    return said.search(text, lo, m.start()) is None


def _opens_clause(text: str, m: re.Match, limit: int) -> bool:
    """A sentence subject ("A scout skids to a stop"), or the subject of the clause after a
    subordinate one ("Before they could ask, a nurse rounded the corner"): not an apposition
    ("Mary, a nurse at the hospital, said"), which a comma closes."""
    if m.group(0)[0] in "AT":
        return is_subject(text, m.start(), after_opener=True)
    if m.group(0)[0] == "t":
        return True   # "…, and the young deputy … was holding"
    rest = _CLAUSE_RE.match(text, m.end(), limit)
    return rest is not None and rest.group(1) != ","


_CLAUSE_RE = re.compile(r"[^,.;!?“”\"]*([,.;!?])")


def _speaks_next(text: str, layout: Layout, p: int, after: int) -> bool:
    """A line follows the arrival in its own paragraph or opens the next one, and no tag gives
    it to someone named ('The butler came, and said that … / "I'll go," said Margaret')."""
    hi = layout.paragraphs[p][1]
    q = layout.quote_before(after)
    q = 0 if q is None else q + 1
    if not (q < len(layout.quotes) and layout.quotes[q][0] < hi):
        if p + 1 >= len(layout.paragraphs):
            return False
        n_lo = layout.paragraphs[p + 1][0]
        if not (q < len(layout.quotes) and layout.quotes[q][0] - n_lo < 3):
            return False
    return _NAMED_TAG_RE.match(text, layout.quotes[q][1]) is None


# '"…," said Margaret' / '"…," Margaret said': a line a tag gives to a name
_NAMED_TAG_RE = re.compile(rf"\s*(?:(?:{'|'.join(sorted(TAG_VERBS))})\s+(?:Mrs?\.\s+|Miss\s+)?[A-Z][a-z]+"
                           rf"|(?:Mrs?\.\s+|Miss\s+)?[A-Z][a-z]+\s+(?:{'|'.join(sorted(TAG_VERBS))})\b)")


def _pronoun_gender(text: str, layout: Layout, end: int, limit: int) -> str | None:
    """'A scout … corrects herself' / '… rounded the corner. She took one look' / '… window.
    "You have to sign in," he said'."""
    m = _OWN_PRONOUN_RE.match(text, end, limit) or _NEXT_SUBJECT_RE.match(text, end, limit)
    if m is None:
        q = layout.quote_before(end)
        q = 0 if q is None else q + 1
        if q < len(layout.quotes) and layout.quotes[q][0] < limit:
            m = _TAG_PRONOUN_RE.match(text, layout.quotes[q][1])
    if m is None:
        return None
    return "female" if m.group(1).lower() in ("she", "her", "hers", "herself") else "male"


def _add_mentions(text: str, layout: Layout, mentions: list[Mention],
                  arrivals: list[tuple[int, int, str, int]], ids: dict[str, str]) -> None:
    """The arrival itself, and "the nurse" after it in the same scene (taking over whatever the
    epithet linker gave that description there). ``arrivals``: (start, end, name, scene)."""
    ordered = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    added: set[int] = set()   # a span the same description's earlier arrival already took

    def mark(start: int, end: int, cid: str, over: Mention | None) -> None:
        if over is not None:
            over.character = cid
        elif start not in added:
            mentions.append(Mention(start, end, cid, "epithet"))
            added.add(start)

    for start, end, name, scene in arrivals:
        cid = ids[name]
        i = bisect_right(starts, start) - 1
        here = ordered[i] if i >= 0 and ordered[i].end > start and ordered[i].kind == "epithet" else None
        mark(start, end, cid, here)   # the description the epithet finder saw, now someone
        said = re.compile(r"\b[Tt]he\s+" + re.escape(name.split()[-1]) + r"\b(?![-'’])")
        for m in said.finditer(text, end, layout.scenes[scene][1]):
            if layout.in_quote(m.start()):
                continue
            i = bisect_right(starts, m.start()) - 1
            existing = ordered[i] if i >= 0 and ordered[i].end > m.start() else None
            if existing is None or existing.kind == "epithet":
                mark(m.start(), m.end(), cid, existing)
