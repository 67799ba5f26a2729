"""An unnamed newcomer's pronouns: "She arrived at four, shaking rain from a yellow umbrella." /
… / '"I can't pay what it's worth," the woman went on'.

A tag made "the woman" a character of her own (she has no name). The pronouns the cast could
not resolve in her scene, with no other woman in it, and the same description said again
("The young woman blinked at him"), are hers: they are the beats that tell her lines from the
others'."""

from __future__ import annotations

import re
from bisect import bisect_left

from ficlens.characters.appositives import NamedSpans
from ficlens.characters.epithets import GENERIC, PERSON_NOUNS
from ficlens.characters.layout import Layout
from ficlens.model import Mention, Work

_PRONOUNS = {"female": frozenset({"she", "her", "hers", "herself"}),
             "male": frozenset({"he", "him", "his", "himself"})}


def give_newcomers_their_pronouns(work: Work, made: set[str], layout: Layout) -> bool:
    """Resolve the open pronouns and descriptions of each tag-made character's scene to it, when
    no one else of its gender is in the scene. True when any mention changed."""
    by_id = {c.id: c for c in work.characters}
    scenes: dict[int, set[str]] = {}
    for m in work.mentions:
        if m.character in made and not layout.in_quote(m.start):
            scenes.setdefault(layout.scene_index(m.start), set()).add(m.character)
    changed = False
    mentions = sorted(work.mentions, key=lambda m: m.start) if scenes else []
    starts = [m.start for m in mentions]
    for scene, newcomers in scenes.items():
        lo, hi = layout.scenes[scene]
        inside = [m for m in mentions[bisect_left(starts, lo):bisect_left(starts, hi)]
                  if not layout.in_quote(m.start)]
        for who in newcomers:
            gender = by_id[who].gender
            head = by_id[who].name.split()[-1].lower()
            if gender not in _PRONOUNS or any(
                    m.character not in (None, who) and by_id.get(m.character) is not None
                    and by_id[m.character].gender == gender for m in inside):
                continue   # someone else of that gender is there: "she" may be her
            if sum(1 for n in newcomers if by_id[n].gender == gender) > 1:
                continue   # two unnamed women: which "she" is which is not for this rule
            for m in inside:
                if m.character is not None:
                    continue
                said = work.text[m.start:m.end].lower()
                if (m.kind == "pronoun" and said in _PRONOUNS[gender]) or (
                        m.kind == "epithet" and said.split()[-1] == head):
                    m.character = who
                    changed = True
    return changed


def say_descriptions_again(work: Work, made: set[str], layout: Layout) -> bool:
    """'"We're full," the innkeeper said.' / … / 'The innkeeper looked at the coins, then…': a
    tag made "the innkeeper" a character, and the narration's "The innkeeper" elsewhere is a
    mention of them, though the epithet finder does not know the word. Only a description of one
    person ("the turnkey", not "the man") whose head is a word for a person. True when any
    mention was added."""
    taken = NamedSpans([(m.start, m.end, m.character or "") for m in work.mentions])
    added: list[Mention] = []
    for c in work.characters:
        words_ = c.name.split()
        if c.id not in made or len(words_) < 2 or words_[0].lower() != "the" \
                or words_[-1].lower() not in PERSON_NOUNS or words_[-1].lower() in GENERIC:
            continue
        said = re.compile(r"\b[Tt]he\s+" + r"\s+".join(map(re.escape, words_[1:])) + r"\b(?![-\w])")
        for m in said.finditer(work.text):
            if not layout.in_quote(m.start()) and not taken.overlaps(m.start(), m.end()):
                added.append(Mention(m.start(), m.end(), c.id, "epithet"))
    if added:
        work.mentions.extend(added)
        work.mentions.sort(key=lambda m: (m.start, m.end))
    return bool(added)
