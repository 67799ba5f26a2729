"""Who an unlinked epithet is, from the lines beside it: "The detective was already reaching for
the Bradshaw." in the paragraph of a line Holmes speaks makes "the detective" Holmes.

The cast stage links an epithet by the company it keeps, which a short story gives too little
of (two sightings, tied between Holmes and his landlady). After decoding, every line has a
speaker, and an epithet opening a sentence in a paragraph whose lines are all one character's is
the action beat of that speaker. When every such paragraph agrees, the epithet is that character.
Runs after decoding, like the description merge; no line changes hands."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from ficlens.characters.coref import speaking_subject
from ficlens.characters.epithets import GENERIC, ROLES, head_gender
from ficlens.model import Work
from ficlens.speakers.fold import fold_characters

_POSSESSIVE_RE = re.compile(r"(?:['’]s|\s+s)\b")  # "the Signora's accent" is not her action


def link_epithets_by_beats(work: Work, ctx, decided: dict[int, tuple[str | None, str]],
                           described: set[str] = frozenset()) -> None:
    """For each epithet phrase none of whose mentions names anyone yet: link it to the character
    whose lines it stands beside as a sentence subject, when all such paragraphs agree. A role
    ("the angel", "the detective") already held is moved the same way, with two such paragraphs
    and none of its own tags counted: the cast linked it by the company it keeps, which in a
    scene of three is whoever is named most, or a tag made it a character of its own
    ('"Tonight," the angel agreed', ``described``), folded in when the two never answer each
    other. The lines its tags gave the old holder go with it."""
    text, layout = work.text, ctx.layout
    speakers_of: dict[int, set[str | None]] = {}
    for qi, q in enumerate(work.quotes):
        p = layout.paragraph_index(q.start)
        if p is not None:
            speakers_of.setdefault(p, set()).add(decided[qi][0])
    by_phrase = _narration_epithets(work, layout)
    tagged_by = {t.mention.start: qi for qi, t in enumerate(ctx.tags) if t is not None}
    lines = _Lines(text, work.quotes)
    by_id = {c.id: c for c in work.characters}
    merged: dict[str, str] = {}
    for phrase, mentions in by_phrase.items():
        holders = {m.character for m in mentions if m.character}
        held = next(iter(holders)) if len(holders) == 1 and phrase.split()[-1] in ROLES else None
        if (holders and held is None) or phrase.split()[-1] in GENERIC:
            continue  # linked to several, or a relation or a trade; or a word for anyone ("the man")
        own_tags = {tagged_by[m.start] for m in mentions if m.start in tagged_by}
        own_paragraphs = {layout.paragraph_index(work.quotes[qi].start) for qi in own_tags} if held else set()
        votes: Counter = Counter()
        for m in mentions:
            p = layout.paragraph_index(m.start)
            who = speakers_of.get(p, set())
            if p not in own_paragraphs and speaking_subject(text, m.start) \
                    and not _POSSESSIVE_RE.match(text, m.end) and len(who) == 1 and None not in who \
                    and lines.beside(m.start):
                votes[next(iter(who))] += 1
        if len(votes) != 1 or 2 * sum(votes.values()) < len(mentions):
            continue  # paragraphs that disagree, or a phrase mostly used away from its lines
        (who, n), = votes.items()
        if who == held or who not in by_id or not _fits(phrase, by_id[who].gender):
            continue
        if held is not None and (who in described or n < 2 or (
                held in described and _answer_each_other(ctx, decided, held, who))):
            continue
        _move_epithet(phrase, mentions, held, who, by_id, described, merged)
        if held is not None and held not in described:
            groups = {work.quotes[qi].group for qi in own_tags} - {None}
            for qi, q in enumerate(work.quotes):   # the tagged lines, and the rest of their utterances
                if (qi in own_tags or q.group in groups) and decided[qi][0] == held:
                    decided[qi] = (who, decided[qi][1])
    if merged:
        fold_characters(work, decided, merged)


# A role said bare in address ("Yes, Captain.", "Come here, angel."): the word the text's
# epithet for that person uses ("the captain", "the angel")
_ADDRESS_RE = re.compile(r"(?<=[,“\"‘'—–]) ?(?:my )?([A-Za-z]+)(?=[,.!?;—–…]|[”\"’]|$)")


# what a servant calls whoever employs them: not the one "the master" of the narration is
_SERVANTS_SAY = frozenset({"master", "mistress", "lord", "king", "queen", "prince", "princess"})


def link_epithets_by_address(work: Work, ctx, decided: dict[int, tuple[str | None, str]],
                             described: set[str] = frozenset()) -> None:
    """An office or role the lines use in address ("Wait, angel—", "Yes, Detective.") is,
    as "the angel" or "the detective" in narration, the one they address: the other party of
    the exchange, when at least two such calls agree and none goes to anyone else. Fan
    fiction's leads are called by the same word in speech and in narration; a role held by
    co-occurrence, or made a character of its own by a tag, moves to that person with its lines."""
    text = work.text
    by_phrase = {phrase: mentions for phrase, mentions in _narration_epithets(work, ctx.layout).items()
                 if phrase in ROLES and phrase not in _SERVANTS_SAY}
    if not by_phrase:
        return
    # the tag-made "the angel" answering calls of "angel" is the one in question: not counted
    made_by = {phrase: {m.character for m in mentions} & described for phrase, mentions in by_phrase.items()}
    calls: dict[str, Counter] = {}
    for qi, q in enumerate(work.quotes):
        speaker = decided[qi][0]
        for call in _ADDRESS_RE.finditer(text, q.start, q.end):
            word = call.group(1).lower()
            if word not in by_phrase:
                continue
            others = _neighbours(ctx, decided, qi) - {speaker, None} - made_by[word]
            if len(others) == 1:
                calls.setdefault(word, Counter())[next(iter(others))] += 1
    by_id = {c.id: c for c in work.characters}
    merged: dict[str, str] = {}
    for phrase, counter in calls.items():
        mentions = by_phrase[phrase]
        holders = {m.character for m in mentions if m.character}
        if len(counter) != 1 or len(holders) > 1:
            continue
        (who, n), = counter.items()
        held = next(iter(holders), None)
        if n < 2 or who == held or who not in by_id or not _fits(phrase, by_id[who].gender):
            continue
        _move_epithet(phrase, mentions, held, who, by_id, described, merged)
    if merged:
        fold_characters(work, decided, merged)


def _move_epithet(phrase: str, mentions: list, held: str | None, who: str, by_id: dict,
                  described: set[str], merged: dict[str, str]) -> None:
    """Give "the <phrase>" and its mentions to ``who``: a tag-made holder is to be folded into
    them (``merged``), any other holder loses the epithet."""
    for m in mentions:
        m.character = who
    by_id[who].epithets.append("the " + phrase)
    if held in described:
        merged[held] = who
    elif held is not None:
        by_id[held].epithets = [e for e in by_id[held].epithets if e.lower() != "the " + phrase]


def _answer_each_other(ctx, decided: dict[int, tuple[str | None, str]], a: str, b: str) -> bool:
    """Does a line of ``a`` stand next to a line of ``b`` in an exchange (two people talking)?"""
    return any(speaker == a and b in _neighbours(ctx, decided, qi) for qi, (speaker, _) in decided.items())


def _neighbours(ctx, decided: dict[int, tuple[str | None, str]], qi: int) -> set[str | None]:
    """The speakers of the turns just before and after the one of line ``qi`` in its exchange."""
    run, i = ctx.run_pos[ctx.turn_of[qi]]
    return {decided[q][0] for j in (i - 1, i + 1) if 0 <= j < len(run) for q in ctx.turns[run[j]].quotes}


def _narration_epithets(work: Work, layout) -> dict[str, list]:
    """The epithet mentions of the narration (not the quotes), by phrase as the cast stores it."""
    by_phrase: dict[str, list] = {}
    for m in work.mentions:
        if m.kind == "epithet" and not layout.in_quote(m.start):
            by_phrase.setdefault(_phrase(work.text[m.start:m.end]), []).append(m)
    return by_phrase


class _Lines:
    """Where the work's lines start and end, to ask what stands right before or after a point."""

    def __init__(self, text: str, quotes) -> None:
        self.text = text
        self.starts = [q.start for q in quotes]
        self.ends = sorted(q.end for q in quotes)

    def beside(self, pos: int) -> bool:
        """Does the sentence that opens at ``pos`` follow a line straight after it closes, or run
        straight into the next one ('… handwriting.” The detective was already reaching …')?"""
        i = bisect_right(self.ends, pos)
        if i and not self.text[self.ends[i - 1]:pos].strip():
            return True
        stop = _STOP_RE.search(self.text, pos)
        j = bisect_right(self.starts, pos)
        return stop is not None and j < len(self.starts) and not self.text[stop.end():self.starts[j]].strip()


_STOP_RE = re.compile(r"[.!?]")


def _phrase(span: str) -> str:
    """'The detective' -> 'detective': the phrase as the cast stores it."""
    words = span.split()
    return " ".join(words[1:] if words and words[0].lower() == "the" else words).lower()


def _fits(phrase: str, gender: str | None) -> bool:
    """Does the epithet's head word ("the old woman") allow the character's gender?"""
    said = head_gender(phrase)
    return said is None or gender in (None, "unknown", said)
