"""Stage 'speakers': who says each quote, to whom, how sure, and by which evidence.

Rules, strongest first: a speech tag next to the quote (tags.py); another quote of the same
paragraph that has one; an action beat naming a character in the paragraph; the previous turn's
vocative naming this speaker; turn-taking in an exchange (A, B, A, B); the other party of the
exchange; a speaker named at the start of the next paragraph; recency. Then, unless the quote
has an explicit name tag, the learned scorer (scorer.py) ranks the candidates. Addressees come
from vocatives and pet names, else from the other party of the exchange (addressees.py).
Confidence is the scorer's probability, or the measured accuracy of the deciding rule
(confidence.py).
"""

from __future__ import annotations

import re
from collections import Counter

from ficlens.characters import count_mentions, title_bearers
from ficlens.characters.appositives import NamedSpans, appositive_votes, clear_winner
from ficlens.characters.coref import is_subject
from ficlens.characters.epithets import PERSON_NOUNS, ROLES, by_comparison, by_looks, head_gender
from ficlens.characters.layout import Layout
from ficlens.characters.lexicon import PRONOUN_GENDER, PRONOUN_LABEL, TITLES, words
from ficlens.model import Character, Mention, Work
from ficlens.options import Options
from ficlens.speakers.action_beats import is_fan_fiction, settle_action_beats
from ficlens.speakers.address import addressed_by_quote, addressed_in_narration
from ficlens.speakers.addressees import assign_addressees
from ficlens.speakers.anaphora import BACK_REFERENCES, latter_or_former, resolve_unnamed_tags, spoken_to_self
from ficlens.speakers.answered import settle_answered
from ficlens.speakers.called_names import merge_called_names
from ficlens.speakers.confidence import confidence
from ficlens.speakers.context import Context
from ficlens.speakers.decode import decode_work
from ficlens.speakers.descriptions import merge_addressed_descriptions
from ficlens.speakers.epithet_beats import link_epithets_by_address, link_epithets_by_beats
from ficlens.speakers.exchange import Turn, build_runs, opens_paragraph, resolve_turns
from ficlens.speakers.newcomers import give_newcomers_their_pronouns, say_descriptions_again
from ficlens.speakers.scorer import load_model, settled
from ficlens.speakers.tags import (
    EXPLICIT_KINDS,
    RELATION_GENDER,
    MentionIndex,
    Tag,
    closes_on_speech,
    leads_into_quote,
    tag_after,
    tag_before,
)
from ficlens.speakers.voices import open_exchanges_at, reveal_voices

NARRATION_KINDS = frozenset({"name", "title", "nickname", "epithet", "pronoun", "narrator", "reader"})
_INDEXED_KINDS = NARRATION_KINDS | {"relation"}   # "Her father" opening a sentence (_relatives_as_subjects)
_WORDS_RE = re.compile(r"\w+(?:['’]\w+)*")
# Descriptions that often stand for a named character already on stage ("the young man" is
# Dorian); a role ("the surgeon", "the turnkey") is a minor character of its own.
_GENERIC_PEOPLE = words("""man woman men women lady ladies gentleman gentlemen girl boy lad lass
child person fellow youth stranger other others one comer newcomer""")


def run(work: Work, options: Options) -> None:
    if not work.quotes:
        return
    text = work.text
    work.quotes.sort(key=lambda q: q.start)
    quotes = work.quotes
    layout = Layout.of(work)
    index = _narration_index(work, layout)
    # Tags may have a pronoun subject coreference left open ("returned she"): it still gives gender.
    # So may a description no character holds yet ('The Queen said severely "…"'): the stage gives it one.
    tag_index = MentionIndex([m for m in work.mentions if m.kind in NARRATION_KINDS
                              and (m.character or m.kind == "pronoun" or _open_description(text, m))
                              and not layout.in_quote(m.start)])
    addressed = addressed_by_quote(work)
    turned_to = addressed_in_narration(work, layout)
    for qi, names in turned_to.items():
        addressed.setdefault(qi, set()).update(names)
    work.runtime["speakers.addressed"] = addressed
    para = [layout.paragraph_index(q.start) for q in quotes]
    tags: list[Tag | None] = []
    for i, q in enumerate(quotes):
        p = para[i]
        if p is not None:
            p_lo, p_hi = layout.paragraphs[p]
        else:
            p_lo, p_hi = max(0, q.start - 200), min(len(text), q.end + 200)
        lo = quotes[i - 1].end if i and para[i - 1] == p and p is not None else p_lo
        if lo == p_lo and p and opens_paragraph(text, p_lo, q.start):
            prev_lo, prev_hi = layout.paragraphs[p - 1]
            # 'Emma could not help saying,' / 'Syme … said in a small and quiet voice' + blank line
            prev_end = prev_lo + len(text[prev_lo:prev_hi].rstrip())
            opens_quote = leads_into_quote(text, prev_lo, prev_end, finished=False)
            if not opens_quote and (i == 0 or quotes[i - 1].end <= prev_lo):
                # 'Anne herself answered, lifting her head.' is all a narration paragraph says last
                opens_quote = closes_on_speech(text, prev_lo, prev_end)
            elif not opens_quote and quotes[i - 1].end <= prev_end \
                    and _untagged_after(tags[i - 1], quotes[i - 1]):
                # '"…by the exercise."--A short pause followed this speech, and Mrs. Hurst began again.'
                opens_quote = closes_on_speech(text, quotes[i - 1].end, prev_end)
            if opens_quote and (i == 0 or quotes[i - 1].end <= prev_hi):
                # 'Emma could not help saying,' closes the paragraph before the quote
                lo = max(prev_lo, quotes[i - 1].end) if i else prev_lo
        hi = quotes[i + 1].start if i + 1 < len(quotes) and para[i + 1] == p and p is not None else p_hi
        after = tag_after(text, q.end, hi, tag_index)
        before = tag_before(text, q.start, lo, tag_index)
        ends_sentence = text[q.start:q.end].rstrip("”\"’' \n").endswith(".")
        if after is not None and (before is not None or ends_sentence) and i + 1 < len(quotes) \
                and para[i + 1] == p and not text[after.end:quotes[i + 1].start].strip(" \t\r\n,:—–-“\"‘'"):
            # 'Piglet said, "…," and Pooh said, "…"' / '"…yourself." Bull said "I understand…"':
            # that tag opens the next quote
            after = None
        if after is not None and before is not None and _INTRODUCES_RE.match(text, after.end):
            after = None  # '…and said, "A snake!" The villagers agreed, and Aziz explained: yes…'
        chosen = (before or after) if ends_sentence else (after or before)
        if chosen is not None and chosen.mention.character is not None \
                and chosen.mention.character in addressed.get(i, ()):
            # '"Pray, pray stop, Mr. Thorpe." But Mr. Thorpe only laughed': the one spoken to reacts
            chosen = before if chosen is after else after
            if chosen is not None and chosen.mention.character in addressed.get(i, ()):
                chosen = None
        tags.append(chosen)

    _unlink_epithets_beside_their_holder(work, tags, para)
    described = _give_descriptions_a_character(work, tags, index)
    described |= work.runtime.get("characters.arrivals", set())   # "A nurse rounded the corner."
    said_again = say_descriptions_again(work, described, layout)
    if give_newcomers_their_pronouns(work, described, layout) or said_again:
        index = _narration_index(work, layout)
    turns = _turns(quotes, para)
    for turn in turns:
        turn.last_paragraph = layout.paragraph_index(max(quotes[turn.quotes[-1]].end - 1, 0))
        turn.tagged = {qi: tags[qi] for qi in turn.quotes if tags[qi] is not None}
        p = turn.paragraph
        if p is not None:
            lo, hi = layout.paragraphs[p]
            turn.narration = [m for m in index.within(lo, hi)]
    runs = build_runs(turns, layout)
    decided = resolve_turns(turns, runs, work, layout, index)
    resolve_unnamed_tags(work, turns, runs, tags, decided, index, addressed)
    spoken_to_self(turns, runs, tags, decided, addressed)
    _named_after_scene_opening(work, turns, layout, index, decided)
    voiced = reveal_voices(work, tags, decided, index, layout, addressed)
    runs = open_exchanges_at(runs, turns, voiced)
    _share_within_utterances(quotes, tags, decided, {c.id: c.gender for c in work.characters})
    settle_action_beats(work, turns, tags, decided, layout, index, addressed)
    context = Context(work, turns, runs, tags, decided, layout, index)
    work.runtime["speakers.context"] = context
    model = load_model(options)
    scored: dict[int, float] = {}
    if model is not None:
        for qi, (speaker, probability) in decode_work(context, model).items():
            decided[qi] = (speaker, "scorer")
            scored[qi] = probability
        _one_speaker_per_utterance(quotes, tags, decided, scored)
    settle_answered(work, turns, tags, decided, addressed)
    merge_addressed_descriptions(work, context, decided, described)
    merge_called_names(work, context, decided)
    link_epithets_by_beats(work, context, decided, described)
    link_epithets_by_address(work, context, decided, described)
    _sync_turns(turns, decided)

    group_tag = {q.group: tags[qi] for qi, q in enumerate(quotes) if q.group is not None and tags[qi]}
    for qi, q in enumerate(quotes):
        speaker, evidence = decided[qi]
        tag = tags[qi] or group_tag.get(q.group)  # the pieces of one utterance share its tag
        q.speaker = speaker
        q.evidence = evidence
        if tag is not None:
            q.type = tag.kind
            q.tag = tag.as_dict(text)
        else:
            q.type = "implicit"
            q.tag = None
        q.confidence = (round(scored[qi], 3) if qi in scored else confidence(evidence)) if speaker else 0.0
    assign_addressees(work, turns, runs, layout, turned_to)
    _pronouns_in_speech(work)
    count_mentions(work.characters, work.mentions)  # tags and quotes added mentions here
    _count_speech(work)


def _narration_index(work: Work, layout: Layout) -> MentionIndex:
    """The narration's mentions of characters, the beats and subjects the stage reads."""
    return MentionIndex([m for m in _relatives_as_subjects(work.text, work.mentions) if m.character
                         and m.kind in _INDEXED_KINDS and not layout.in_quote(m.start)
                         and not _narrator_object(work.text, m)])


# a colon right after the tag: it introduces what follows ('Aziz explained: yes, a black cobra')
_INTRODUCES_RE = re.compile(r"[^.!?\"“”\n]{0,30}:")


_ANSWERS_ITS_HOLDER = 3   # turns where an epithet's tag answers its holder's name tag


def _unlink_epithets_beside_their_holder(work: Work, tags: list[Tag | None], para: list[int | None]) -> None:
    """'"…," replied the policeman.' '"Eh?" said Syme.': an epithet the cast linked to a character
    is someone else when its tags answer that character's own name tags, turn for turn. The
    epithet loses that link everywhere, and its tags make a character of their own."""
    text = work.text
    answers: Counter = Counter()
    for i, tag in enumerate(tags):
        if tag is None or tag.mention.kind != "epithet" or tag.mention.character is None or tag.relation:
            continue
        holder = tag.mention.character
        for j in (i - 1, i + 1):
            other = tags[j] if 0 <= j < len(tags) else None
            named_holder = other is not None and other.mention.kind in EXPLICIT_KINDS \
                and other.mention.character == holder
            if named_holder and para[i] is not None and para[j] is not None and abs(para[j] - para[i]) == 1:
                answers[(_phrase(text, tag.mention).lower(), holder)] += 1
    linked = {(e.lower(), c.id) for c in work.characters for e in c.epithets}
    # a generic "the man" is resolved one mention at a time, not linked; and one speaker may go
    # on in the next paragraph once or twice
    conflicts = {pair for pair, n in answers.items() if n >= _ANSWERS_ITS_HOLDER} & linked
    if not conflicts:
        return
    for m in work.mentions:
        if m.kind == "epithet" and (_phrase(text, m).lower(), m.character) in conflicts:
            m.character = None
    for c in work.characters:
        c.epithets = [e for e in c.epithets if (e.lower(), c.id) not in conflicts]


def _phrase(text: str, m: Mention) -> str:
    """A mention's words on one line ("the old\n  man" -> "the old man")."""
    return " ".join(text[m.start:m.end].split())


def _definite(phrase: str) -> str:
    """The name a person introduced by an indefinite description goes by afterwards: "a
    sleepy-faced carpenter", "one wondering labourer" -> "the sleepy-faced carpenter", "the
    wondering labourer"."""
    first, _, rest = phrase.partition(" ")
    return f"the {rest}" if rest and first.lower() in ("a", "an", "one") else phrase


def _named_after_scene_opening(work: Work, turns: list[Turn], layout: Layout, index: MentionIndex,
                               decided: dict) -> None:
    """'~*~*~ / "You came." / Draco stood by the window of the empty classroom.': an untagged line
    that opens a scene is spoken by the one the narration right after it brings on, named as its
    first subject."""
    text = work.text
    for turn in turns:
        p = turn.paragraph
        if p is None or turn.tagged or turn.narration or p + 1 >= len(layout.paragraphs) or (
                p and layout.scene_index(layout.paragraphs[p - 1][0])
                == layout.scene_index(layout.paragraphs[p][0])):
            continue
        lo, hi = layout.paragraphs[p + 1]
        if any(layout.in_quote(i) for i in range(lo, min(hi, lo + 60))):
            continue
        head = [m for m in index.within(lo, min(hi, lo + 40)) if m.kind in EXPLICIT_KINDS]
        if head and head[0].start == _LEADING_SPACE_RE.match(text, lo).end():
            for qi in turn.quotes:
                decided[qi] = (head[0].character, "scene_opening")
            turn.speaker, turn.evidence = head[0].character, "scene_opening"


def _office(phrase: str) -> bool:
    """"the potions master", "the detective": a role a story calls a named character by ("the
    Queen", capitalised, is a name of its own)."""
    words_ = phrase.split()
    return len(words_) >= 2 and words_[0].lower() == "the" and words_[-1] in ROLES and phrase[4:].islower()


def _just_introduced(work: Work, index: MentionIndex, since: int, tag: Tag, phrase: str) -> str | None:
    """The one character the narration since the previous line names as a sentence subject
    (gender allowing), when it names just one: the newcomer an office then stands for."""
    lo = max(since, tag.start - 600)
    gender = head_gender(phrase)
    genders = {c.id: c.gender for c in work.characters}
    subjects = [m for m in index.within(lo, tag.mention.start)
                if m.kind in EXPLICIT_KINDS and is_subject(work.text, m.start)
                and (gender is None or genders.get(m.character) == gender)]
    found = {m.character for m in subjects}
    if len(found) > 1:
        # "Stiles breathed." / "Scott's eyes flicked toward the doors…" / '"…," the werewolf
        # said': the paragraph just before the line, when it has one subject, is the one meant
        layout = Layout.of(work)
        p = layout.paragraph_index(subjects[-1].start)
        last = layout.paragraphs[p][0] if p is not None else lo
        found = {m.character for m in subjects if m.start >= last}
    return found.pop() if len(found) == 1 else None


def _introduced_as(key: str, made: set[str], work: Work) -> str | None:
    """The character an earlier tag introduced with more words that end in this description's
    ("a little ugly hump-backed man" for "the hump-backed man"); None for a bare "the man"."""
    words = key.split()
    if len(words) < 3 or words[0] != "the":
        return None
    tail = words[1:]
    for character in reversed(work.characters):
        name = character.name.lower().split()
        if character.id in made and len(name) > len(words) and name[-len(tail):] == tail:
            return character.id
    return None


def _give_descriptions_a_character(work: Work, tags: list[Tag | None], index: MentionIndex) -> set[str]:
    """A tag subject that is a description no character holds ("said the turnkey") becomes a
    character of its own, one per description, so the line is still attributed to someone; "the
    latter" / "the former" is the person last / last but one named, and no character of its own.
    Returns the ids of the characters made."""
    by_alias = {a.lower(): c.id for c in work.characters for a in [*c.aliases, *c.epithets]}
    unresolved = {(m.start, m.end): m for m in work.mentions if m.character is None and m.kind == "epithet"}
    holders = Counter(a.lower() for c in work.characters for a in {*c.aliases} if " " not in a)
    unique_heads = {a for a, n in holders.items() if n == 1}
    unique_heads |= _offices_of_one(work, by_alias, unique_heads)
    added = False
    made: set[str] = set()
    introduced: set[str] = set()   # "the hump-backed man" after "a little ugly hump-backed man"
    spans: list[NamedSpans] = []

    def named() -> NamedSpans:   # built once, and only when a description needs it
        if not spans:
            spans.append(NamedSpans([(m.start, m.end, m.character) for m in work.mentions
                                     if m.kind in ("name", "title", "nickname") and m.character]))
        return spans[0]

    arrived = {m.start: m.character for m in work.mentions
               if m.kind == "epithet" and m.character in work.runtime.get("characters.arrivals", ())}
    for i, tag in enumerate(tags):
        if tag is not None and tag.mention.kind == "epithet" and tag.mention.character is None \
                and tag.mention.start in arrived:   # "A man leaned over … and asked": the arrival
            tag.mention.character = arrived[tag.mention.start]
            tag.described = True
            continue
        if tag is not None and tag.mention.kind == "epithet" and tag.mention.character is not None \
                and not tag.relation:
            # "said the Professor" where the characters stage linked the office to its holder
            head = work.text[tag.mention.start:tag.mention.end].split()[-1].lower()
            tag.described = head not in _GENERIC_PEOPLE
            continue
        if tag is None or tag.mention.character is not None or tag.relation or tag.mention.kind == "pronoun":
            continue
        phrase = _phrase(work.text, tag.mention)
        if phrase.lower() in BACK_REFERENCES:
            # "said the latter": the last person named, never a character called "the latter"
            tag.mention.character = latter_or_former(phrase, tag.mention.start, index)
            if tag.mention.character is None:
                tags[i] = None
                continue
            tag.described = True
        else:
            key = _known_head(phrase, by_alias, unique_heads)
            if key not in by_alias and (by_looks(phrase) or by_comparison(phrase)):
                # "the blond drawled", "the taller boy asked": someone on stage, found like "he"
                tag.onstage = True
                tag.gender = head_gender(phrase)
                continue
            since = work.quotes[i - 1].end if 0 < i <= len(work.quotes) else 0
            newcomer = None if key in by_alias or not _office(phrase) else \
                _just_introduced(work, index, since, tag, phrase)
            if newcomer is None and key not in by_alias and i > 0 and _by_kind(phrase) \
                    and is_fan_fiction(work):
                newcomer = _the_one_called(work, i - 1, _tag_sentence_gender(work.text, tag))
            if newcomer is not None:
                # "Severus Snape swept in, robes billowing. / "Detention," the potions master said.'
                # '"Wrex. Good to see you. What is that?" / "Dinner," the krogan rumbles'
                by_alias[key] = newcomer
                work.character(newcomer).epithets.append(phrase.lower())
            if key not in by_alias:
                holder = _apposed_holder(work.text, phrase, named(), work.mentions, tag.start)
                if holder is not None:   # '"…," said Mr. Buttons, the chairman,'
                    by_alias[key] = holder
            if key not in by_alias:
                earlier = _introduced_as(key, made, work)
                if earlier is not None:   # "said a little ugly hump-backed man" … "said the hump-backed man"
                    by_alias[key] = earlier
                    introduced.add(key)
                    work.character(earlier).aliases.append(phrase)
            if key not in by_alias:
                char_id = f"c{len(work.characters)}"
                gender = head_gender(phrase) or "unknown"   # "said the duchess": a woman
                name = _definite(phrase)   # "cried a looker-on": the looker-on from now on
                if name.lower() in by_alias:
                    name = phrase  # "a little girl" is someone new, not the little girl met before
                work.characters.append(Character(char_id, name, list(dict.fromkeys([name, phrase])),
                                                 gender=gender, pronouns=PRONOUN_LABEL.get(gender),
                                                 origin="text"))
                by_alias[key] = by_alias[name.lower()] = char_id
                made.add(char_id)
            tag.mention.character = by_alias[key]
            # "the young man" may be anyone on stage; "a young man" is someone new
            tag.described = key.split()[-1] not in _GENERIC_PEOPLE or key.split()[0] in ("a", "an", "one") \
                or key in introduced
        existing = unresolved.get((tag.mention.start, tag.mention.end))
        if existing is not None:
            existing.character = tag.mention.character
        else:
            work.mentions.append(tag.mention)
            added = True
    _link_same_descriptions(work, unresolved.values(), by_alias)
    if added:
        work.mentions.sort(key=lambda m: (m.start, m.end))
    return made


_LEADING_SPACE_RE = re.compile(r"\s*")
_OWNER_GAP_RE = re.compile(r"\s+(?:[a-z]+\s+)?")


def _relatives_as_subjects(text: str, mentions: list[Mention]) -> list[Mention]:
    """'Her father was waiting.' / 'Her father's jaw set.': the sentence is about the father, not
    about the "her" who owns him, so "Her father" counts as one mention of him where it opens a
    sentence (the speakers' view only; the work keeps both mentions). Elsewhere the relation is
    left out, as before: "from her father" is no sign of who speaks."""
    relations = {m.start: m for m in mentions if m.kind == "relation" and m.character}
    out: list[Mention] = []
    for m in mentions:
        if m.kind == "pronoun" and is_subject(text, m.start):
            relation = next((relations[i] for i in range(m.end + 1, m.end + 20)
                             if i in relations and _OWNER_GAP_RE.fullmatch(text, m.end, i)), None)
            if relation is not None and text[m.start:m.end].lower() in ("his", "her", "their"):
                out.append(Mention(m.start, relation.end, relation.character, "relation"))
                continue
        if m.kind != "relation":
            out.append(m)
    return out


def _untagged_after(tag: Tag | None, quote) -> bool:
    """No tag of this quote stands after it (so narration after it is not its tag)."""
    return tag is None or tag.end <= quote.start


def _narrator_object(text: str, m: Mention) -> bool:
    """"She stared at me.": the narrator as object or owner is there, but not acting."""
    return m.kind == "narrator" and text[m.start:m.end] != "I"


def _open_description(text: str, m: Mention) -> bool:
    """An epithet no character holds that names a person ("the Queen", "the servant"), not a
    relative ("the son", whose parent decides who) nor a stray phrase ("the voices")."""
    if m.kind != "epithet" or m.character is not None:
        return False
    head = text[m.start:m.end].split()[-1]
    return _one_person(head) and (head[:1].isupper() or head.lower() in PERSON_NOUNS)


def _by_kind(phrase: str) -> bool:
    """"the krogan", "the quarian": a word for a kind of being no list of people has (a species,
    a people), which fan fiction uses for someone on stage it also names."""
    words_ = phrase.split()
    head = words_[-1]
    return len(words_) == 2 and words_[0].lower() == "the" and head.isalpha() and head.islower() \
        and head not in PERSON_NOUNS and head not in RELATION_GENDER and head not in _GENERIC_PEOPLE


def _the_one_called(work: Work, qi: int, gender: str | None) -> str | None:
    """The one character the line ``qi`` calls by name, the gender allowing: the one who answers
    it ('"Wrex. Good to see you. What is that?" / "Dinner," the krogan rumbles')."""
    q = work.quotes[qi]
    called = {m.character for m in work.mentions
              if q.start <= m.start < q.end and m.kind == "vocative" and m.character}
    if len(called) != 1:
        return None
    who = called.pop()
    own = work.character(who).gender
    return who if gender is None or own in (None, "unknown", gender) else None


# the rest of a tag's sentence up to its first pronoun of the third person
_SENTENCE_PRONOUN_RE = re.compile(r"[^.!?“”\"‘]{0,80}?\b(he|him|his|himself|she|her|hers|herself)\b")


def _tag_sentence_gender(text: str, tag: Tag) -> str | None:
    """'"Dinner," the krogan rumbles, enormously pleased with himself': the gender the tag's own
    sentence gives a description whose noun has none."""
    m = _SENTENCE_PRONOUN_RE.match(text, tag.end)
    return PRONOUN_GENDER[m.group(1)] if m else None


def _one_person(head: str) -> bool:
    """A description's head that means the same person wherever it recurs: not anyone on stage
    ("the man"), nor someone's relative ("the son")."""
    return head.lower() not in _GENERIC_PEOPLE and head.lower() not in RELATION_GENDER


def _link_same_descriptions(work: Work, unresolved, by_alias: dict[str, str]) -> None:
    """"the Queen" tagged once as a speaker is the Queen wherever the narration says "the Queen"
    (in the cast's mentions; the scorer reads the narration as the characters stage left it);
    a generic "the man" may be anyone, and stays open."""
    for m in unresolved:
        if m.character is not None:
            continue
        key = _phrase(work.text, m).lower()
        if key.startswith("the ") and key in by_alias and _one_person(key.split()[-1]):
            m.character = by_alias[key]


def _offices_of_one(work: Work, by_alias: dict[str, str], taken: set[str]) -> set[str]:
    """Office titles only one character bears ("Colonel Ducroix"): "said the bewildered Colonel"
    is him. Adds the bare title to ``by_alias`` and returns the titles added."""
    bearers: dict[str, set[str]] = {}
    for word, ids in title_bearers(work.characters).items():
        title = word.rstrip(".").lower()
        if title in TITLES and TITLES[title] is None and title not in ("cousin", "comrade"):
            bearers.setdefault(title, set()).update(ids)
    offices = {t for t, ids in bearers.items() if len(ids) == 1 and t not in taken and t not in by_alias}
    for t in offices:
        by_alias[t] = next(iter(bearers[t]))
    return offices


def _apposed_holder(text: str, phrase: str, named: NamedSpans, mentions: list[Mention],
                    at: int) -> str | None:
    """The character a definite description is set in apposition to elsewhere in the work
    ("Mr. Buttons, the chairman, with mechanical rapidity"), or the character named near the tag
    at ``at`` who is said to be it ("Eugenio's our courier"; the whole description must match, so
    "Jem was a active officer" does not make "the senior officer" Jem), when one clearly leads."""
    words = phrase.split()
    if words[0].lower() != "the" or len(words) < 2 or words[-1].lower() in _GENERIC_PEOPLE:
        return None   # "the young man" may be anyone on stage, whoever it was set beside once
    pattern = re.compile(r"\b" + r"\s+".join(map(re.escape, words)) + r"\b", re.IGNORECASE)
    votes = appositive_votes(text, [(phrase, m.start(), m.end()) for m in pattern.finditer(text)],
                             named).get(phrase, Counter())
    description = r"\s+".join(map(re.escape, words[1:]))   # "senior officer" is not "active officer"
    said_to_be = re.compile(_COPULA + r"(?:[a-z-]+\s+){0,2}" + description + r"(?=\s*[,.;:!?)—–-])",
                            re.IGNORECASE)
    near = {m.character for m in mentions if abs(m.start - at) <= _NEAR_THE_TAG}
    votes.update(m.character for m in mentions if m.character in near and m.kind in EXPLICIT_KINDS
                 and said_to_be.match(text, m.end))
    return clear_winner(votes)


_NEAR_THE_TAG = 3000
# "Eugenio s our courier", "Gogol was a Pole": what someone is said to be
_COPULA = r"(?:\s+(?:is|was)|['’]s| s)\s+(?:a|an|the|our|his|her|their|my|your)\s+"


def _known_head(phrase: str, by_alias: dict[str, str], unique_heads: set[str]) -> str:
    """The alias a description stands for when it ends in a capitalised name one character
    holds ("the March Hare" is Hare); else the description itself, lower-cased."""
    key = phrase.lower()
    if key in by_alias:
        return key
    bare = key.removeprefix("the ")
    if bare in by_alias:
        return bare
    last = phrase.split()[-1]
    if bare != key and last[:1].isupper() and last.lower() in unique_heads:
        return last.lower()
    return key


def _share_within_utterances(quotes, tags: list[Tag | None], decided, genders: dict[str, str | None]) -> None:
    """The pieces of one tag-split utterance ('"Wait…" she went on, "…you never told me"') have
    one speaker: a piece without a settled tag takes the settled piece's speaker and tag. A piece
    with a tag of its own whose pronoun is the other gender ('…Emma spoke her pity, that he cried,
    "Ah!"') is another speaker's line."""
    settled_piece: dict[int, int] = {}
    for qi, q in enumerate(quotes):
        if q.group is not None and q.group not in settled_piece and settled(decided[qi][1], tags[qi]):
            settled_piece[q.group] = qi
    broken: set[int] = set()   # groups where another speaker took over: later pieces are theirs
    for qi, q in enumerate(quotes):
        source = settled_piece.get(q.group) if q.group is not None else None
        if source is None or source == qi or settled(decided[qi][1], tags[qi]) or q.group in broken:
            continue
        own, theirs = tags[qi], tags[source]
        speaker_gender = genders.get(decided[source][0] or "")
        if (own is not None and (theirs is None or own.start != theirs.start) and own.gender
                and speaker_gender in ("female", "male") and own.gender != speaker_gender):
            if qi > source:
                broken.add(q.group)
            continue
        decided[qi] = decided[source]
        tags[qi] = tags[qi] or tags[source]


def _one_speaker_per_utterance(quotes, tags: list[Tag | None], decided, scored: dict[int, float]) -> None:
    """The scorer decodes the pieces of one utterance one by one; pieces that share the tag
    between them ('"I was only—" he began, …, "—hoping you might stay."') are one speaker's,
    the one the scorer was surest of."""
    pieces: dict[int, list[int]] = {}
    for qi, q in enumerate(quotes):
        if q.group is not None:
            pieces.setdefault(q.group, []).append(qi)
    for group in pieces.values():
        own_tags = {id(tags[qi]) for qi in group if tags[qi] is not None}
        if len({decided[qi][0] for qi in group}) < 2 or len(own_tags) != 1 \
                or any(qi not in scored or decided[qi][1] != "scorer" for qi in group):
            continue   # one speaker already, a rule's piece, no tag, or two (two speakers may answer)
        best = max(group, key=lambda qi: scored[qi])
        for qi in group:
            decided[qi], scored[qi] = decided[best], scored[best]


_FIRST_PERSON_RE = re.compile(r"\b(?:I|me|my|mine|myself)\b")
_SECOND_PERSON_RE = re.compile(r"\b(?:[Yy]ou|[Yy]our|[Yy]ours|[Yy]ourself)\b")


def _pronouns_in_speech(work: Work) -> None:
    """Inside a quote, "I" is its speaker and "you" its one addressee: pronoun mentions for them
    (coreference stops at the narration otherwise, and a story is half dialogue)."""
    added = []
    for q in work.quotes:
        if q.mode != "speech" or q.speaker is None:
            continue
        for m in _FIRST_PERSON_RE.finditer(work.text, q.start, q.end):
            added.append(Mention(m.start(), m.end(), q.speaker, "pronoun"))
        if len(q.addressees) == 1:
            for m in _SECOND_PERSON_RE.finditer(work.text, q.start, q.end):
                added.append(Mention(m.start(), m.end(), q.addressees[0], "pronoun"))
    if added:
        taken = {(m.start, m.end) for m in work.mentions}
        work.mentions.extend(m for m in added if (m.start, m.end) not in taken)
        work.mentions.sort(key=lambda m: (m.start, m.end))


def _sync_turns(turns: list[Turn], decided) -> None:
    """Turn speakers follow the final decision (addressees read them)."""
    for turn in turns:
        turn.speaker, turn.evidence = decided[turn.quotes[0]]


def _turns(quotes, para) -> list[Turn]:
    turns: list[Turn] = []
    for qi, p in enumerate(para):
        if turns and p is not None and turns[-1].paragraph == p:
            turns[-1].quotes.append(qi)
        else:
            turns.append(Turn(p, [qi]))
    return turns


def _count_speech(work: Work) -> None:
    counts: Counter = Counter()
    words: Counter = Counter()
    for q in work.quotes:
        if q.speaker:
            counts[q.speaker] += 1
            words[q.speaker] += len(_WORDS_RE.findall(work.text, q.start, q.end))
    for ch in work.characters:
        ch.quote_count = counts[ch.id]
        ch.words_spoken = words[ch.id]
