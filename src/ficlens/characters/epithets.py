"""Epithets: descriptions that stand for a named character ("the potions master", "the redhead",
"the older man", "the Boy Who Lived").

A distinctive epithet is linked to one character by co-occurrence over the whole work: it keeps
turning up in the same scenes as that character (of a compatible gender) but never in the same
sentence, where the two would be different people. Generic ones ("the man") are resolved one by
one to the most recent compatible character instead, and are not kept as aliases.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from ficlens.characters.lexicon import words

_MALE = words("""
man boy gentleman fellow lad guy king prince lord duke headmaster wizard monk priest vicar
curate rector clergyman butler landlord policeman cabman sailor count earl baron marquess
signor husband boyfriend brunet marquis knight sorcerer
""")
_FEMALE = words("""
woman girl lady maid landlady headmistress witch queen princess nun housekeeper governess widow
actress waitress countess duchess baroness marchioness signora wife girlfriend heiress matron
sorceress
""")
_NEUTRAL = words("""
detective doctor inspector captain professor colonel sergeant lieutenant major general
chaplain beadle undertaker secretary president master auror soldier officer nurse surgeon lawyer
solicitor keeper servant driver constable agent stranger child kid teen teenager redhead blonde
blond brunette youth healer teacher student boss chef pilot writer artist musician
painter poet guard doctor's superintendent magistrate judge robber thief burglar murderer convict
prisoner
vampire werewolf demon angel archangel hunter mechanic billionaire genius assassin spy hybrid
mutant hero villain elf dwarf hobbit ghost alpha omega heir seeker
bard witcher mage jedi scavenger stormtrooper ranger smuggler
""")
# Roles that name a different minor person each time: kept as mentions, never linked.
UNLINKED = words("""
servant maid housekeeper butler driver cabman waiter landlord landlady guard
""")
_NEAR = 2000  # characters around an epithet that count as its company
GENERIC = words("""
man woman boy girl lady gentleman fellow stranger child kid guy lad youth
""")
# Offices and roles a story calls a named character by ("the potions master", "the detective"),
# not the looks of fan fiction ("the blond") nor a word for anyone ("the man")
ROLES = frozenset((_MALE | _FEMALE | _NEUTRAL) - GENERIC - UNLINKED - words("""
blond blonde brunet brunette redhead teen teenager boyfriend girlfriend wife husband widow"""))
_ADJ = sorted(words("""
older younger elder eldest youngest old young tall short little big small taller shorter smaller
larger former new pale dark fair thin fat handsome pretty beautiful lanky burly stout elderly
aged blonde blond redheaded red-haired dark-haired fair-haired grey-haired gray-haired
silver-haired white-haired black-haired brown-haired curly-haired bearded english french german
american irish scottish italian spanish russian welsh quiet angry furious smiling grinning
"""), key=len, reverse=True)
_NOUNS = sorted(_MALE | _FEMALE | _NEUTRAL, key=len, reverse=True)
# Nouns for a person, for descriptions that stand in a speech tag ("said a girl opposite").
PERSON_NOUNS = frozenset(_MALE | _FEMALE | _NEUTRAL | GENERIC | words("""
labourer laborer worker farmer clerk porter peasant boatman fisherman gardener footman coachman
shopkeeper passenger traveller traveler spectator onlooker female male official attendant
messenger visitor newcomer neighbour neighbor bystander customer guest
looker-on passer-by carpenter countryman countrywoman butcher baker waiter waitress turnkey jailer
gaoler beggar peddler pedlar hawker watchman shopman housemaid cook groom blacksmith tailor
innkeeper barman barmaid tradesman postman milkman ostler carter drover shepherd sweep
deputy bartender barista receptionist paramedic cashier janitor librarian cop medic scout courier
valet bouncer usher vendor merchant sentry herald bellhop concierge
"""))
# Fan fiction's looks-based descriptions: "the raven-haired boy", "the green-eyed wizard".
_LOOKS_RE = r"[a-z]+-(?:haired|eyed|skinned|faced|headed|blooded|born|looking)"
ADJ_RE = "|".join([*_ADJ, _LOOKS_RE])
_NOUN_RE = "|".join(re.escape(n) for n in _NOUNS)
# The head noun may be capitalised ("the Potions Master", "the Dark Lord", "the young Auror"):
# a "the X Who Y" epithet and an office are tried first, so "the Boy Who Lived" stays whole.
EPITHET_RE = re.compile(
    r"\b[Tt]he\s+(?P<who>(?:[A-Z][a-z]+\s+)+(?:Who|That)\s+[A-Z][a-z]+)"
    r"|\b[Tt]he\s+(?P<office>Doctor|Professor|Colonel|Captain|Inspector|Major|General|Sergeant|Lieutenant"
    r"|Marquis)\b"
    rf"|\b[Tt]he\s+(?P<description>(?:(?:{ADJ_RE})\s+){{0,2}}(?:[A-Za-z]+\s+)?(?i:{_NOUN_RE}))\b")


LOOKS = words("""blond blonde brunet brunette redhead ginger""")
_COMPARED = words("""older younger elder taller shorter smaller bigger""")
# Hair and eyes mark someone on stage; "sleepy-faced" or "hump-backed" may introduce a stranger.
_HAIR_OR_EYES_RE = re.compile(r"[a-z]+-(?:haired|eyed)")


def by_looks(phrase: str) -> bool:
    """A description by looks ("the blond", "the bushy-haired witch"): fan fiction's way of
    naming someone already on stage, never a person of its own."""
    words_ = phrase.lower().split()
    if len(words_) < 2 or words_[0] != "the":
        return False
    return words_[-1] in LOOKS or any(_HAIR_OR_EYES_RE.fullmatch(w) for w in words_[1:])


def by_comparison(phrase: str) -> bool:
    """A description by comparison with the other one on stage ("the taller boy", "the elder
    lady"): someone there, though not the one last named."""
    words_ = phrase.lower().split()
    return len(words_) > 2 and words_[0] == "the" and words_[1] in _COMPARED and words_[-1] in PERSON_NOUNS


def head_gender(phrase: str) -> str | None:
    """The gender a description's head noun gives ("the old woman" → female), else None."""
    head = phrase.split()[-1].lower() if phrase.split() else ""
    return "male" if head in _MALE else "female" if head in _FEMALE else None


@dataclass
class Epithet:
    start: int
    end: int
    phrase: str          # lowercase, "the" dropped: "potions master"
    gender: str | None
    generic: bool
    possessive: bool = False   # "the robber's grasp": a re-description, seldom a second person
    pronoun: str | None = None  # "The bard opened his mouth": the gender its own sentence gives it


def find_epithets(text: str, paragraphs: list[tuple[int, int]], in_quote) -> list[Epithet]:
    out = []
    for p_start, p_end in paragraphs:
        for m in EPITHET_RE.finditer(text, p_start, p_end):
            if in_quote(m.start()):
                continue
            described = m.group("description") is not None
            phrase = re.sub(r"\s+", " ", m.group(m.lastgroup)).lower()
            words = phrase.split()
            # "the man who…" style captures of a free modifier must not eat verbs or articles.
            if described and len(words) >= 2 and words[-2] in ("and", "of", "a", "an", "to", "was", "is"):
                continue
            generic = described and phrase in GENERIC
            possessive = re.match(r"['’]s\b| s\b", text[m.end():m.end() + 3]) is not None
            out.append(Epithet(m.start(), m.end(), phrase, head_gender(phrase), generic, possessive,
                               _own_pronoun(text, m.end(), p_end)))
    return out


# The rest of an epithet's clause up to its first pronoun, with no name or line in between.
_OWN_PRONOUN_RE = re.compile(r"[^.!?;:‘“\"A-Z]{0,60}?\b(he|him|his|himself|she|her|hers|herself)\b")


def _own_pronoun(text: str, end: int, limit: int) -> str | None:
    """"The bard opened his mouth": the gender of the first pronoun after an epithet in its own
    clause, when nothing that may be another person (a capitalised word, a line) comes first."""
    m = _OWN_PRONOUN_RE.match(text, end, limit)
    if m is None:
        return None
    return "male" if m.group(1) in ("he", "him", "his", "himself") else "female"


def _pronoun_genders(epithets: list[Epithet]) -> dict[str, str]:
    """phrase -> the gender its own pronouns agree on, for epithets whose noun has none ("the
    bard" … his mouth): never when they disagree."""
    votes: dict[str, set[str]] = defaultdict(set)
    for ep in epithets:
        if ep.gender is None and ep.pronoun:
            votes[ep.phrase].add(ep.pronoun)
    return {phrase: next(iter(g)) for phrase, g in votes.items() if len(g) == 1}


def link_epithets(epithets: list[Epithet], named: list[tuple[int, int, str]], genders: dict[str, str],
                  scene_of, sentence_bounds, not_them: dict[int, set[str]] | None = None) -> dict[str, str]:
    """phrase -> character id for distinctive epithets, by scene co-occurrence. ``not_them``:
    epithet start -> characters it cannot be there (those its own line calls by name)."""
    by_scene: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for start, _, cid in named:
        by_scene[scene_of(start)].append((start, cid))
    scores: dict[str, Counter] = defaultdict(Counter)
    beside: dict[str, Counter] = defaultdict(Counter)   # same-sentence co-occurrences
    seen: Counter = Counter()
    by_pronoun = _pronoun_genders(epithets)
    for ep in epithets:
        gender = ep.gender or by_pronoun.get(ep.phrase)
        if ep.generic or ep.phrase.split()[-1] in UNLINKED:
            continue
        seen[ep.phrase] += 1
        for cid in (not_them or {}).get(ep.start, ()):
            beside[ep.phrase][cid] += 1   # "'…calfskin, Geralt…,' the bard was saying": not Geralt
        s_lo, s_hi = sentence_bounds(ep.start)
        near: Counter = Counter()
        for pos, cid in by_scene.get(scene_of(ep.start), ()):
            if ep.gender and genders.get(cid) != ep.gender:
                continue  # a gendered head ("the old woman") needs a character known to match
            if gender and genders.get(cid) in ("male", "female") and genders[cid] != gender:
                continue  # "the bard … his": not the woman beside him
            if s_lo <= pos < s_hi and not ep.possessive:
                beside[ep.phrase][cid] += 1  # "Harry glared at the potions master": someone else
            elif abs(pos - ep.start) <= _NEAR:
                near[cid] += 1
        for cid, n in near.items():
            scores[ep.phrase][cid] += min(n, 3)  # salience around the epithet, capped
    for phrase, counter in beside.items():
        for cid, n in counter.items():
            if n >= max(1, 0.1 * seen[phrase]):
                scores[phrase][cid] = 0  # seen beside it: someone else
    # A protagonist shares a scene with every role in the book: weigh co-occurrence by how
    # particular it is to the character (divide by the square root of their scene count).
    presence: Counter = Counter()
    for members in by_scene.values():
        for cid in {cid for _, cid in members}:
            presence[cid] += 1
    for counter in scores.values():
        for cid in counter:
            if counter[cid] > 0:
                counter[cid] = counter[cid] / max(1.0, presence[cid]) ** 0.5
    links = {}
    for phrase, counter in scores.items():
        ranked = [kv for kv in counter.most_common() if kv[1] > 0]
        if not ranked:
            continue
        best, n = ranked[0]
        runner = ranked[1][1] if len(ranked) > 1 else 0
        # a clear lead, or a small one that holds over many sightings ("the beadle", 63 times)
        steady = seen[phrase] >= 10 and n >= 1.1 * runner
        if n >= 0.5 and seen[phrase] >= 2 and (n >= 1.5 * runner or steady):
            links[phrase] = best
    return links


# Honorific spellings -> the noun an epithet uses for the same office ("Dr. Bull" -> "the doctor").
_TITLE_NOUN = {"dr": "doctor", "prof": "professor", "capt": "captain", "col": "colonel",
               "lt": "lieutenant", "sgt": "sergeant", "rev": "reverend"}


# Words before an office that may mark a different holder ('the young doctor', 'the police
# inspector', 'the English colonel'), unlike 'the little doctor' or 'the dying professor'.
_DISTINGUISHING = words("""
young younger youngest elder eldest older new other former second first local civil parish
police army naval head chief assistant village country mohammedan hindu moslem muslim christian
anarchist english french german american irish scottish italian spanish russian welsh indian
""")


def title_links(epithets: list[Epithet], title_holders: dict[str, Counter]) -> dict[str, str]:
    """'the doctor' -> the one character the text calls "Dr. <Name>" (or the clearly dominant
    one): an office named without a name is most often the holder the reader already knows."""
    holders: dict[str, Counter] = defaultdict(Counter)
    for title, counts in title_holders.items():
        holders[_TITLE_NOUN.get(title, title)].update(counts)
    links = {}
    for phrase in dict.fromkeys(ep.phrase for ep in epithets):   # text order: a stable cast
        # 'the little doctor', 'the dying professor': an office with a word of description is
        # still its holder; a phrase that adds another noun ('the police inspector') is not
        office = phrase.split()[-1]
        if _DISTINGUISHING.intersection(phrase.split()[:-1]):
            continue
        ranked = holders.get(office, Counter()).most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] >= 3 * ranked[1][1]):
            links[phrase] = ranked[0][0]
    return links
