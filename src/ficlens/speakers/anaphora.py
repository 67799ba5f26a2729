"""Speakers of pronoun and relation tags ("returned she", "said her mother", "cried his friend").

Coreference's pick for the pronoun stands unless the dialogue rules it out: the speaker is never
the person the quote addresses by name, nor one named beside the tag ("said she to Charlotte"); a
relation ("said her mother") is not the one the quote answers. Then (and for relations, which
coreference does not see) the character of the tag's gender who was last the subject of the
narration since the previous line, else the one who spoke two turns back (A, B, A), else the
latest one mentioned.
Also the constraint that nobody speaks to themselves by name, and "said the latter" / "the former
replied": the last / the last but one person the narration named."""

from __future__ import annotations

import re
from collections import Counter

from ficlens.characters import title_bearers
from ficlens.characters.coref import is_subject
from ficlens.characters.kinship import family_member, surnames
from ficlens.model import Work
from ficlens.speakers.tags import TITLE_FORMS

_WINDOW = 1500
_TO_RE = re.compile(r"\s+to\s+")


def _gender_ok(genders: dict[str, str | None], c: str, gender: str | None) -> bool:
    return gender is None or genders.get(c) in (gender, None, "unknown")


# How many distinct named characters back each phrase points.
BACK_REFERENCES = {"the latter": 1, "the former": 2}
_NAMED_KINDS = ("name", "title", "nickname")


def latter_or_former(phrase: str, start: int, index) -> str | None:
    """The character "the latter" (last named) or "the former" (named before them) stands for
    (``phrase`` is a key of BACK_REFERENCES, any case): counted over the distinct characters the
    narration named in the window before ``start``; None when it named too few."""
    back = BACK_REFERENCES[phrase.lower()]
    seen: list[str] = []
    for m in reversed(index.within(max(0, start - _WINDOW // 3), start)):
        if m.kind in _NAMED_KINDS and m.character and m.character not in seen:
            seen.append(m.character)
            if len(seen) == back:
                return m.character
    return None


def resolve_unnamed_tags(work: Work, turns, runs, tags, decided, index,
                         addressed: dict[int, set[str]]) -> None:
    """Give every pronoun or relation tag the character a reader would take it to mean."""
    genders = {c.id: c.gender for c in work.characters}
    company = kin_in_company(work, index, genders)
    position = {t: (run, i) for run in runs for i, t in enumerate(run)}
    by_span: dict[tuple[int, int], str | None] = {}
    for t, turn in enumerate(turns):
        for qi in turn.quotes:
            tag = tags[qi]
            if tag is None or not (tag.relation or tag.onstage or tag.mention.kind == "pronoun"):
                continue
            if (tag.start, tag.end) in by_span:  # the two halves of '"…," said she, "…"'
                choice, how = by_span[(tag.start, tag.end)]
            else:
                choice, how = _resolve(work, turns, position, t, turn, qi, tag, genders, index, addressed,
                                       tags, decided, company)
                by_span[(tag.start, tag.end)] = choice, how
            if choice is None:
                continue
            decided[qi] = (choice, how or decided[qi][1])
            if qi == turn.quotes[0]:
                turn.speaker = choice
        for qi in turn.quotes:  # the other quotes of the paragraph follow its tag
            if turn.tagged and decided[qi][1] == "same_paragraph":
                nearest = min(turn.tagged, key=lambda t, qi=qi: (abs(t - qi), t > qi))
                decided[qi] = (decided[nearest][0], "same_paragraph")


def _resolve(work: Work, turns, position, t, turn, qi, tag, genders, index,
             addressed, tags, decided, company) -> tuple[str | None, str | None]:
    """The speaker, and "family" when a kinship relation settled it (else None: the tag's own
    evidence stands)."""
    run, i = position[t]
    prev_turn = turns[run[i - 1]] if i else None
    prev = prev_turn.speaker if prev_turn else None
    before = turns[run[i - 2]].speaker if i >= 2 else None
    start = work.quotes[qi].start
    first = turn.quotes[0]
    since = work.quotes[first - 1].end if first else 0
    since = max(since, start - _WINDOW)
    narration = [m for m in index.within(since, start) if m.character]
    subjects = [m.character for m in reversed(narration) if is_subject(work.text, m.start)]
    named = [m.character for m in reversed(narration)]
    recent = [m.character for m in reversed(index.within(max(0, start - _WINDOW), since))]
    coref = tag.mention.character if tag.mention.kind == "pronoun" else None
    objects = {m.character for m in index.within(tag.end, tag.end + 40)
               if m.character and m.kind != "pronoun" and _TO_RE.fullmatch(work.text, tag.end, m.start)}
    blocked = addressed.get(qi, set()) | objects
    if tag.relation:  # "said her mother": the mother answers the one who just spoke
        blocked |= {prev}
    else:
        earlier = _earlier_in_paragraph(turn, qi, tags, decided, index, genders, tag)
        if earlier is not None and earlier not in blocked:
            return earlier, None
    if coref and coref not in blocked:
        return coref, None
    if tag.relation:
        relative = next((m.character for m in index.within(tag.mention.start - 12, tag.mention.end)
                         if m.kind == "relation" and m.start <= tag.mention.start < m.end), None)
        if relative is not None and relative not in addressed.get(qi, set()):
            return relative, "family"   # coreference found "his wife" ('"…?" his wife called')
        owner = _owner(work, tag, index)
        # '"…" said her sister' answering the sister who just spoke: "her" is that speaker
        answered = prev is not None and genders.get(prev) == genders.get(owner) != "unknown"
        owners = [*sorted(addressed.get(qi, set())), *((prev, owner) if answered else (owner, prev))]
        noun = work.text[tag.mention.start:tag.mention.end].split()[-1].lower()
        if noun in company and company[noun] not in blocked:
            return company[noun], "family"
        family = family_member(work.characters, [o for o in owners if o], noun, tag.gender, genders)
        if family is not None:
            return family, "family"
    pool = [c for c in (*subjects, *named, before, *recent) if c and c not in blocked]
    if tag.relation and noun in TITLE_FORMS:   # "said her ladyship": the one who holds "Lady …"
        holders = title_bearers(work.characters).get(TITLE_FORMS[noun].strip(), set())
        titled = next((c for c in pool if c in holders), None)
        if titled is not None:
            return titled, None
    exact = next((c for c in pool if tag.gender is not None and genders.get(c) == tag.gender), None)
    if exact is not None:
        return exact, None
    return next((c for c in pool if _gender_ok(genders, c, tag.gender)), coref), None


_AUNT_OR_UNCLE_RE = re.compile(r"\b(?:her|his|their)\s+(?:[a-z]+\s+)?(aunt|uncle)\b(?![-’'])")
_WIFE_RE = re.compile(r"^(?:Mrs\.?|Lady)\s")
_REACH = {"aunt": 200, "uncle": 80}


def kin_in_company(work: Work, index, genders: dict[str, str | None]) -> dict[str, str]:
    """Whom "her aunt" and "her uncle" mean in this work: the married woman the narration names
    most often beside "her aunt" ("her aunt, Mrs. Gardiner"), when one clearly leads, and her
    husband (the man of her surname); else the man most often named right beside "her uncle".
    A surname does not tell otherwise: an aunt seldom shares her niece's."""
    by_id = {c.id: c for c in work.characters}
    wives = {c.id for c in work.characters if any(_WIFE_RE.match(a) for a in c.aliases)}
    votes: dict[str, Counter] = {"aunt": Counter(), "uncle": Counter()}
    for m in _AUNT_OR_UNCLE_RE.finditer(work.text):
        noun = m.group(1)
        reach = _REACH[noun]
        near = {x.character for x in index.within(max(0, m.start() - reach), m.end() + reach)
                if x.kind in _NAMED_KINDS and x.character
                and (x.character in wives if noun == "aunt" else genders.get(x.character) == "male")}
        votes[noun].update(near)
    out = {}
    for noun, counter in votes.items():
        ranked = counter.most_common(2)
        if ranked and ranked[0][1] >= 3 and (len(ranked) == 1 or ranked[0][1] >= 1.5 * ranked[1][1]):
            out[noun] = ranked[0][0]
    if "aunt" in out:  # her uncle is her aunt's husband
        husband = [c.id for c in work.characters if genders.get(c.id) == "male"
                   and surnames(c) & surnames(by_id[out["aunt"]])]
        if len(husband) == 1:
            out["uncle"] = husband[0]
    return out


def _earlier_in_paragraph(turn, qi: int, tags, decided, index, genders, tag) -> str | None:
    """'"…!" said an official. Then he added: "…"': a pronoun tag later in a paragraph whose
    earlier quote a name or description tag settled is that speaker going on, when the
    narration between names nobody else and the pronoun fits them."""
    for q in reversed([q for q in turn.quotes if q < qi]):
        earlier = tags[q]
        speaker, evidence = decided[q]
        if earlier is None or not speaker or not evidence.startswith("tag_"):
            continue
        if earlier.mention.kind not in _NAMED_KINDS and not earlier.described:
            return None
        if tag.gender is not None and genders.get(speaker) not in (tag.gender, None, "unknown"):
            return None
        others = [m for m in index.within(earlier.end, tag.start)
                  if m.character and m.character != speaker and m.kind != "pronoun"]
        return None if others else speaker
    return None


def _owner(work: Work, tag, index) -> str | None:
    """Whom 'her' in 'said her mother' means, as coreference resolved it."""
    for m in index.within(tag.mention.start, tag.mention.start + 6):
        if m.kind == "pronoun" and m.character:
            return m.character
    return opening_owner(tag, index)


def opening_owner(tag, index) -> str | None:
    """The character whose mention opens a relation tag ("the undertaker's wife", "Harry's
    mother", "Her partner": whom coreference took "Her" for)."""
    return next((m.character for m in index.within(tag.mention.start, tag.mention.end)
                 if m.character and m.start == tag.mention.start), None)


def spoken_to_self(turns, runs, tags, decided, addressed: dict[int, set[str]]) -> None:
    """A rule's speaker who is addressed by name in the quote is swapped for the other party of
    the exchange; an explicit name tag is left as it is."""
    position = {t: (run, i) for run in runs for i, t in enumerate(run)}
    for t, turn in enumerate(turns):
        run, i = position[t]
        for qi in turn.quotes:
            speaker, evidence = decided[qi]
            names = addressed.get(qi)
            if not names or speaker not in names or evidence.endswith(":explicit"):
                continue
            others = [turns[run[j]].speaker for j in (i - 1, i + 1, i - 2) if 0 <= j < len(run)]
            choice = next((c for c in others if c and c not in names), None)
            decided[qi] = (choice, "not_addressee")
            if qi == turn.quotes[0]:
                turn.speaker, turn.evidence = choice, "not_addressee"
