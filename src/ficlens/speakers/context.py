"""What the scorer may know about a quote: its turn, the neighbouring turns' speakers, who is
named around it, vocatives, recency and salience. Built once per run from the rules' pass."""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter

from ficlens.characters.coref import is_subject, speaking_subject
from ficlens.characters.epithets import head_gender
from ficlens.characters.lexicon import PRONOUN_GENDER
from ficlens.model import Mention, Work
from ficlens.speakers.anaphora import opening_owner
from ficlens.speakers.exchange import opens_paragraph
from ficlens.speakers.scorer import settled
from ficlens.speakers.style import StyleModel
from ficlens.speakers.tags import TITLE_FORMS

_RECENT_WINDOW = 5000
_ANCHOR_REACH = 8      # turns searched for a settled anchor on each side
_EARLIER_REACH = 8     # turns behind the quote whose speakers count as earlier in the exchange


class Context:
    def __init__(self, work: Work, turns, runs, tags, rule, layout, index):
        self.work, self.turns, self.tags, self.rule = work, turns, tags, rule
        self.layout, self.index = layout, index
        self.turn_of: dict[int, int] = {qi: t for t, turn in enumerate(turns) for qi in turn.quotes}
        self._quoted_paragraphs = {p for turn in turns if turn.paragraph is not None
                                   for p in range(turn.paragraph, turn.end_paragraph + 1)}
        self.run_pos: dict[int, tuple[list[int], int]] = {
            t: (run, i) for run in runs for i, t in enumerate(run)}
        self.genders = {c.id: c.gender for c in work.characters}
        counts = Counter(m.character for m in work.mentions if m.character)
        top = max(counts.values(), default=1)
        self._salience = {c: math.log1p(n) / math.log1p(top) for c, n in counts.items()}
        self._top = [c for c, _ in counts.most_common(3)]
        self.narrator = work.runtime.get("characters.narrator")
        self.addressed: dict[int, set[str]] = work.runtime.get("speakers.addressed", {})
        self._vocatives: dict[int, set[str]] = {}
        self._run_share: dict[int, dict[str, float]] = {}
        self._cache: dict[tuple, object] = {}
        settled_speakers = {qi: s for qi, (s, e) in rule.items() if s and settled(e, tags[qi])}
        self.style = StyleModel([work.text[q.start:q.end] for q in work.quotes], settled_speakers)
        # who the exchange certainly holds: speakers of its name-tagged lines, people it addresses
        self._run_people: dict[int, tuple[set[str], set[str]]] = {}
        # the speaker of each turn a name tag settles: anchors the turn-taking is counted from
        self._settled_turn: dict[int, str] = {}
        for run in runs:
            counts = Counter(turns[t].speaker for t in run if turns[t].speaker)
            total = sum(counts.values()) or 1
            self._run_share[run[0]] = {c: n / total for c, n in counts.items()}
            quotes = [qi for t in run for qi in turns[t].quotes]
            self._run_people[run[0]] = ({settled_speakers[qi] for qi in quotes if qi in settled_speakers},
                                        set().union(*(self.addressed.get(qi, set()) for qi in quotes)))
            for t in run:
                first = next((qi for qi in turns[t].quotes if qi in settled_speakers), None)
                if first is not None:
                    self._settled_turn[t] = settled_speakers[first]
        self._quote_starts = [q.start for q in work.quotes]
        self._named: dict[int, set[str]] = {}
        starts = [m.start for m in work.mentions]
        for qi, q in enumerate(work.quotes):
            i = bisect_left(starts, q.start)
            found, named = set(), set()
            while i < len(work.mentions) and work.mentions[i].start < q.end:
                m = work.mentions[i]
                if m.kind == "vocative" and m.character:
                    found.add(m.character)
                elif m.kind in ("name", "title", "nickname") and m.character:
                    named.add(m.character)
                i += 1
            self._vocatives[qi] = found | self.addressed.get(qi, set())
            self._named[qi] = named

    # -- simple look-ups -----------------------------------------------------------------
    def gender(self, c: str) -> str | None:
        return self.genders.get(c)

    def salience(self, c: str) -> float:
        return self._salience.get(c, 0.0)

    def quote_start(self, qi: int) -> int:
        return self.work.quotes[qi].start

    def quotes_since(self, qi: int, offset: int | None) -> int:
        """How many quotes have passed since the narration last mentioned someone at ``offset``:
        a speaker the narration has not touched for several lines is one the turn-taking may have
        lost (after a misread pronoun tag the alternation runs on in the wrong phase)."""
        if offset is None:
            return len(self._quote_starts)
        return qi - bisect_right(self._quote_starts, offset)

    def tag_gender(self, qi: int) -> str | None:
        tag = self.tags[qi]
        if tag is None:
            return None
        if tag.gender:
            return tag.gender
        if tag.mention.kind == "epithet":  # "returned the girl" is a woman, whoever she is
            return head_gender(self.work.text[tag.mention.start:tag.mention.end])
        if tag.mention.kind != "pronoun":
            return None
        return PRONOUN_GENDER.get(self.work.text[tag.mention.start:tag.mention.end].lower())

    def tag_relation(self, qi: int) -> bool:
        tag = self.tags[qi]
        return bool(tag is not None and tag.relation)

    def _turn_at(self, qi: int, offset: int):
        t = self.turn_of[qi]
        run, i = self.run_pos[t]
        j = i + offset
        return self.turns[run[j]] if 0 <= j < len(run) else None

    def turn_opener(self, qi: int) -> str | None:
        """Who spoke the paragraph's first quote, when this quote is a later one in it ('"…" He
        unfolded the paper, and added, "…"'): this reading's speaker of that quote."""
        turn = self.turns[self.turn_of[qi]]
        return turn.speaker if turn.quotes[0] != qi else None

    def anchors(self, qi: int) -> tuple[tuple[str, int] | None, tuple[str, int] | None]:
        """The nearest settled turns of the exchange behind and ahead of this quote's turn, as
        (speaker, distance in turns): in A, B, A, B an anchor an even distance away spoke this
        turn too, one an odd distance away is the other party."""
        return self._cached("anchors", qi, self._anchors)

    def _anchors(self, qi: int):
        t = self.turn_of[qi]
        run, i = self.run_pos[t]
        out = []
        for step in (-1, 1):
            found = None
            for d in range(1, _ANCHOR_REACH + 1):
                j = i + step * d
                if not 0 <= j < len(run):
                    break
                first, last = sorted((self.turns[run[j - step]], self.turns[run[j]]),
                                     key=lambda t: t.paragraph)
                if last.paragraph - first.end_paragraph > 1:
                    break  # across a narration paragraph the same speaker often goes on
                if run[j] in self._settled_turn:
                    found = (self._settled_turn[run[j]], d)
                    break
            out.append(found)
        return out[0], out[1]

    def earlier_speakers(self, qi: int) -> list[str]:
        """Who spoke the exchange's turns before the last two, nearest first (each once): a
        third party coming back into the conversation."""
        t = self.turn_of[qi]
        run, i = self.run_pos[t]
        out: list[str] = []
        for j in range(i - 3, max(-1, i - 1 - _EARLIER_REACH), -1):
            speaker = self.turns[run[j]].speaker
            if speaker and speaker not in out:
                out.append(speaker)
        return out

    def neighbours(self, qi: int):
        out = []
        for offset in (-1, -2, 1, 2):
            turn = self._turn_at(qi, offset)
            if turn is None:
                out.append((None, False))
            else:
                out.append((turn.speaker, bool(turn.evidence and turn.evidence.startswith("tag_"))))
        return out

    def _paragraph_counts(self, p: int | None) -> Counter:
        if p is None or not 0 <= p < len(self.layout.paragraphs):
            return Counter()
        lo, hi = self.layout.paragraphs[p]
        return Counter(m.character for m in self.index.within(lo, hi))

    # What does not depend on the reading being decoded is computed once per quote: the decoder
    # asks for the same quote's features once per reading in its beam.
    def paragraph_mentions(self, qi: int):
        return self._cached("paragraph_mentions", qi, self._paragraph_mentions)

    def vocatives(self, qi: int):
        return self._cached("vocatives", qi, self._vocatives_around)

    def last_seen(self, qi: int) -> dict[str, int]:
        return self._cached("last_seen", qi, self._last_seen)

    def tag_objects(self, qi: int) -> set[str]:
        return self._cached("tag_objects", qi, self._tag_objects)

    def style_score(self, qi: int, c: str) -> float:
        return self._cached(("style", c), qi, lambda q: self.style.score(q, c))

    def subjects_around(self, qi: int) -> tuple[str | None, str | None]:
        return self._cached("subjects_around", qi, self._subjects_around)

    def _cached(self, what: str | tuple, qi: int, compute):
        key = (what, qi)
        if key not in self._cache:
            self._cache[key] = compute(qi)
        return self._cache[key]

    def _paragraph_mentions(self, qi: int):
        turn = self.turns[self.turn_of[qi]]
        p = turn.paragraph
        here: dict[str, tuple[int, bool]] = {}
        if p is not None:
            lo, hi = self.layout.paragraphs[p]
            for m in self.index.within(lo, hi):
                n, subj = here.get(m.character, (0, False))
                here[m.character] = (n + 1, subj or is_subject(self.work.text, m.start))
        prev = self._paragraph_counts(p - 1) if p is not None else Counter()
        nxt = self._paragraph_counts(turn.end_paragraph + 1) if p is not None else Counter()
        return here, prev, nxt

    def _subjects_around(self, qi: int) -> tuple[str | None, str | None]:
        quotes = self.work.quotes
        following = quotes[qi + 1].start if qi + 1 < len(quotes) else len(self.work.text)
        return subjects_around(self.work, self.layout, self.index, self.turns[self.turn_of[qi]].paragraph,
                               quotes[qi], following)

    def narration_before(self, qi: int) -> tuple[str | None, str | None]:
        return self._cached("narration_before", qi, self._narration_before)

    def _narration_before(self, qi: int) -> tuple[str | None, str | None]:
        """When the quote opens its paragraph and the paragraph before is narration only ('Mr.
        Hurst looked at her with astonishment.' then '"…" said he'): that paragraph's last
        sentence subject, and the last character it mentions."""
        turn = self.turns[self.turn_of[qi]]
        p = turn.paragraph
        if not p or turn.quotes[0] != qi or (p - 1) in self._quoted_paragraphs:
            return None, None
        text = self.work.text
        if not opens_paragraph(text, self.layout.paragraphs[p][0], self.work.quotes[qi].start):
            return None, None
        mentions = self.index.within(*self.layout.paragraphs[p - 1])
        subjects = [m for m in mentions if speaking_subject(text, m.start)]
        return (subjects[-1].character if subjects else None), (mentions[-1].character if mentions else None)

    def previous_beat(self, qi: int) -> str | None:
        """The subject of the narration closing the previous turn ('"…" He turned away.')."""
        turn = self._turn_at(qi, -1)
        return self.subjects_around(turn.quotes[-1])[1] if turn else None

    def _vocatives_around(self, qi: int):
        here = self._vocatives.get(qi, set())
        prev_turn, next_turn = self._turn_at(qi, -1), self._turn_at(qi, 1)
        prev = set().union(*(self._vocatives.get(q, set()) for q in prev_turn.quotes)) if prev_turn else set()
        nxt = set().union(*(self._vocatives.get(q, set()) for q in next_turn.quotes)) if next_turn else set()
        return here, prev, nxt

    def _last_seen(self, qi: int) -> dict[str, int]:
        start = self.quote_start(qi)
        seen: dict[str, int] = {}
        for m in self.index.within(max(0, start - _RECENT_WINDOW), start):
            seen[m.character] = m.start
        return seen

    def _tag_objects(self, qi: int) -> set[str]:
        """Characters named in the tag's clause besides its subject ('she said to Elizabeth')."""
        tag = self.tags[qi]
        if tag is None:
            return set()
        return {m.character for m in self.index.within(tag.start, tag.end + 60)
                if m is not tag.mention and m.character != tag.mention.character}

    def previous_tag_objects(self, qi: int) -> set[str]:
        """Who the previous turn's tag spoke to ('said Elizabeth to Darcy'): they answer next."""
        turn = self._turn_at(qi, -1)
        return set().union(*(self.tag_objects(q) for q in turn.quotes)) if turn else set()

    def named_in_quote(self, qi: int) -> set[str]:
        return self._named.get(qi, set())

    def run_share(self, qi: int) -> dict[str, float]:
        """How much of this exchange each character was (by the rules) heard speaking; fixed
        before decoding, so it does not depend on the reading being scored."""
        run, _ = self.run_pos[self.turn_of[qi]]
        return self._run_share[run[0]]

    def run_people(self, qi: int) -> tuple[set[str], set[str]]:
        """(speakers of the exchange's name-tagged lines, characters it addresses by name)."""
        run, _ = self.run_pos[self.turn_of[qi]]
        return self._run_people[run[0]]

    def recent_of_gender(self, qi: int, gender: str, n: int = 3) -> list[str]:
        seen = self.last_seen(qi)
        return [c for c in sorted(seen, key=lambda c: -seen[c]) if self.gender(c) == gender][:n]

    def candidates(self, qi: int) -> list[str]:
        cands: list[str] = []
        tag = self.tags[qi]

        def add(c: str | None) -> None:
            if c and c not in cands:
                cands.append(c)

        add(self.rule[qi][0])
        gender = self.tag_gender(qi)
        unsure = tag is not None and (tag.mention.character is None
                                      or tag.mention.kind in ("pronoun", "epithet"))
        if unsure and gender:  # a pronoun's coreference may be wrong: whoever else it can be stands too
            for c in self.recent_of_gender(qi, gender):
                add(c)
        if tag is not None:
            add(tag.mention.character)
        for c, _ in self.neighbours(qi):
            add(c)
        here, prev, nxt = self.paragraph_mentions(qi)
        for c in list(here) + list(prev) + list(nxt):
            add(c)
        for c in self.narration_before(qi):
            add(c)
        for group in self.vocatives(qi):
            for c in group:
                add(c)
        for group in self.run_people(qi):
            for c in sorted(group):
                add(c)
        recent = sorted(self.last_seen(qi).items(), key=lambda kv: -kv[1])[:5]
        for c, _ in recent:
            add(c)
        for c in self._top:
            add(c)
        if self.narrator:
            add(self.narrator)
        spoken_to = self.addressed.get(qi, set())  # nobody addresses themselves by name
        owner = self._relation_owner(tag)   # "Ron's mother said" is not Ron, "her partner" not her
        return [c for c in cands if c not in spoken_to and c != owner][:20]

    def _relation_owner(self, tag) -> str | None:
        """Whose relative a relation tag names ("the undertaker's wife", "Ron's mother", "Her
        partner": whom coreference took "Her" for)."""
        if tag is None or not tag.relation \
                or self.work.text[tag.mention.start:tag.mention.end].split()[-1].lower() in TITLE_FORMS:
            return None   # "her ladyship" is herself
        return opening_owner(tag, self.index)


def subjects_around(work: Work, layout, index, paragraph: int | None, quote,
                    following: int) -> tuple[str | None, str | None]:
    """The last sentence subject of the paragraph's narration before the quote ('Poirot
    hurried to explain himself. "…"') and the first one after it and before the ``following``
    quote ('"…" He turned away.')."""
    lead, beat = subject_mentions_around(work, layout, index, paragraph, quote, following)
    return (lead.character if lead else None), (beat.character if beat else None)


def subject_mentions_around(work: Work, layout, index, paragraph: int | None, quote,
                            following: int) -> tuple[Mention | None, Mention | None]:
    """The mentions ``subjects_around`` reads its characters from."""
    if paragraph is None:
        return None, None
    lo, hi = layout.paragraphs[paragraph]
    text = work.text
    before = [m for m in index.within(lo, quote.start) if speaking_subject(text, m.start)]
    after = [m for m in index.within(quote.end, min(hi, following)) if speaking_subject(text, m.start)]
    return (before[-1] if before else None), (after[0] if after else None)
