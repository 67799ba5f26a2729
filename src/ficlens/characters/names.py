"""Proper-name candidates, with evidence pooled over the whole work.

spaCy's per-mention NER misses many fiction names and is too slow for a whole novel, so names are
found the way a reader would: capitalised word sequences, counted across the work, kept when they
behave like names (seen mid-sentence, after an honorific, next to a speech verb, as a vocative) and
dropped when they behave like words (the lowercase form is common) or places ("at Hartfield").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ficlens.characters.gender import name_gender
from ficlens.characters.layout import Layout
from ficlens.characters.lexicon import (
    CALENDAR,
    FEMALE_NAMES,
    MALE_NAMES,
    NOT_NAMES,
    PET_NAMES,
    PLACE_PREPOSITIONS,
    PLACES_AND_FAITHS,
    TITLES,
    words,
)
from ficlens.language.verbs import SPEECH_VERBS, TAG_VERBS

_TITLE_ABBREV = r"(?:Mr|Mrs|Ms|Mx|Dr|St|Mme|Mlle|Capt|Col|Lt|Sgt|Prof|Rev)\.?"
# Japanese honorifics of anime fandoms ("Kakashi-sensei", "Sakura-chan", "Sasuke-teme") follow
# the name after a hyphen: the name is the word before it, as "Mr." is not part of "Darcy".
HONORIFIC_SUFFIXES = ("kun", "chan", "san", "sama", "sensei", "senpai", "sempai", "dono", "teme",
                      "nii", "nee", "niisan", "neesan", "niichan", "neechan", "hime", "kohai", "tan")
_HONORIFIC = "|".join(HONORIFIC_SUFFIXES)
HONORIFIC_SUFFIX_RE = re.compile(rf"-(?:{_HONORIFIC})\b")
_WORD = rf"(?:[A-Z][’'])?[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:-(?!(?:{_HONORIFIC})\b)[A-Z]?[a-z]+)*"
_TOKEN = rf"(?:{_TITLE_ABBREV}(?![a-z])|{_WORD})"
_SEP = r"(?:[ \t]+|[ \t]*\r?\n[ \t]*)"
# "Professor de Worms", "Anna de la Cruz", "Ludwig van Beethoven": a lower-case particle inside a name
_PARTICLE = r"(?:(?:de|van|von|der|den|du|da|di|del|della|des|le|la|ten|ter)[ \t]+){1,2}"
# not inside a hyphenated word ("Winnie-the-Pooh"), but after a dash typed as two hyphens ("--Emma");
# not the head of a contraction ("Don't" is no Don)
# Not inside a word ("O'Hara" is one name, "x-Ray" no name), but a name may open a single-quoted
# line ("'Sally Donovan,' I said.")
# A stammer ("K-Kacchan!", "S-Sasuke") is the name after its first letter. A word after a
# closing-quote mark that follows a space is an elision ("’Em won’t scrub themselves", "’Tis").
_STAMMER = r"(?<=(?<![\w’'])(?P<stammer>[A-Z])-)(?=(?P=stammer))"
SEQUENCE_RE = re.compile(rf"(?<!\w)(?<!\s’)(?:(?<!\w[’'])(?<![\w’']-)|{_STAMMER})"
                         rf"{_TOKEN}(?:{_SEP}(?:{_PARTICLE})?{_TOKEN}){{0,4}}"
                         r"(?![\w])(?![’']t\b)")
TOKEN_RE = re.compile(_TOKEN)
LOWER_WORD_RE = re.compile(r"(?<![\w’'])[a-z]+(?![\w])")
READER_RE = re.compile(r"\(?\b[Yy]/[Nn]\b\)?")

_SENTENCE_END = ".!?…:"
_PLACE_HEADS = words("""
street road lane house hall park abbey court square rock island bay castle church station hotel
inn lake river hill manor place row gardens garden bridge cottage farm wood woods forest
mountain valley city town village college school university hospital club theatre company
railway ocean sea office street's ministry alley avenue terrace common green mill tower palace
lodge corner grange vicarage rectory parsonage priory crescent weald heath moor downs cathedral
chapel museum gallery library market field fields circus gate gates wharf dock docks harbour
harbor port quay pier shire county road's parish villa villas
""")
_VESSELS = words("ship brig schooner yacht boat vessel steamer frigate barque sloop cutter liner steamship")
# First words of place names ("Piazza Signoria", "Santa Croce", "Mount Olympus").
_PLACE_FIRST = words("""
piazza santa san via rue mount lake port fort cape isle loch glen lago monte villa
""")


def _is_stop(word: str, named: frozenset[str] = frozenset()) -> bool:
    """A stopword or a capitalised word that is never a name, unless this work ``named`` someone
    by it (see ``_word_names``)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    low = word.lower().rstrip(".")
    if low in named:
        return False
    if low.endswith("ly") and len(low) > 5 and not is_given_name(low) \
            and not (low.endswith("lly") and not low.endswith(("ally", "fully", "wholly"))):
        return True  # "Unluckily Aziz": an adverb opening the sentence ("Scully", "Donnelly": names)
    return low in NOT_NAMES or low in STOP_WORDS


@dataclass
class Occurrence:
    start: int
    end: int
    title: str | None          # normalised honorific ("mr"), None without one
    tokens: tuple[str, ...]    # the name words ("Frank", "Churchill")
    initial: bool              # first word of a sentence (weak evidence)
    in_quote: bool
    person: int = 0            # speech-verb neighbour / vocative evidence
    place: bool = False        # after "at", "in", "to"...
    vocative: bool = False
    quoted_tag: bool = False   # '"Snape said eight," Harry said': a speech verb after it, inside a quote
    acts: bool = False         # "Marisol dropped her bag": see _ACTS_ON_OWN_RE


@dataclass
class NameEvidence:
    """Pooled counts per single name word."""

    total: Counter = field(default_factory=Counter)
    noninitial: Counter = field(default_factory=Counter)
    person: Counter = field(default_factory=Counter)
    place: Counter = field(default_factory=Counter)
    titled: Counter = field(default_factory=Counter)
    lower: Counter = field(default_factory=Counter)
    # Person evidence other than a vocative-looking word opening a quote ("Fine," he said.):
    # an interjection or adjective alone in a quote looks just like a called-out name.
    firm_person: Counter = field(default_factory=Counter)
    alone: Counter = field(default_factory=Counter)  # the whole of a quote: "Yep?", "Frustrated."
    # after an indefinite article ("a Native Christian", "an average Christian"): a noun or an
    # adjective that happens to be capitalised, not a name
    determined: Counter = field(default_factory=Counter)
    # followed by a place word ("Howards End", "Oniton Grange", "Cissie Villa"): part of a place name
    before_place: Counter = field(default_factory=Counter)
    quoted_tag: Counter = field(default_factory=Counter)   # see Occurrence.quoted_tag
    acts: Counter = field(default_factory=Counter)         # see Occurrence.acts
    vocative: Counter = field(default_factory=Counter)     # called out in a line ("Hiya, Cupcake!")
    named: frozenset[str] = frozenset()   # stopwords this work names people by (``_word_names``)


def title_key(token: str) -> str | None:
    key = token.rstrip(".").lower()
    return key if key in TITLES else None


def _initial(text: str, start: int, para_start: int) -> bool:
    """Is ``start`` the first word of a sentence (or of a quote)? Right after a closing quote
    mark it is not: that is where tags put names ("Go!" Harry said)."""
    i = start - 1
    while i >= para_start and text[i] in " \t\r\n":
        i -= 1
    if i < para_start:
        return True
    c = text[i]
    if c in "“‘([":
        return True
    if c in "”’":
        return False
    if c in "\"'":
        return i == para_start or text[i - 1] in " \t\r\n—–-(["
    return c in _SENTENCE_END


def _prev_word(text: str, start: int, floor: int) -> str:
    m = re.search(r"([A-Za-z]+)[^A-Za-z.!?;:]{0,3}$", text[max(floor, start - 24):start])
    return m.group(1).lower() if m else ""


_LOOK_VERB_RE = re.compile(r"(?:look|smil|glanc|star|turn|nodd|grinn|wav|wink|laugh|point|call|"
                           r"shout|whisper|spok|talk|glar|frown|gaz|peer|lean)\w*\s+\w+\W{0,3}$",
                           re.IGNORECASE)


def _after_place_preposition(text: str, start: int, floor: int) -> bool:
    """'at Hartfield', 'to London', 'the brig Marian' — but not 'looked at Harry', 'turned to Ron'."""
    prev = _prev_word(text, start, floor)
    if prev in _VESSELS:
        return True  # a ship's name counts with places: neither is a person
    if prev not in PLACE_PREPOSITIONS:
        return False
    return not _LOOK_VERB_RE.search(text[max(floor, start - 30):start])


# "Marisol dropped her bag", "Nico shakes his head": a subject doing something to his or her own
# (a place or a company does it to "its" or "their"): a person, in narration
_ACTS_ON_OWN_RE = re.compile(r" (?:[a-z]{3,}(?:ed|es|s)|took|shook|held|threw|bit|hid|lost|kept|let|put|set)"
                             r" (?:his|her) ")


# "Femininity", "Scotchmen", "Jewess": a personified or capitalised common noun, not a name
_COMMON_NOUN_END_RE = re.compile(r"\w{3,}(?:ity|ness|ism|ship|hood|men|ess)$")


def _next_word(text: str, end: int, ceil: int) -> str:
    m = re.match(r"[^A-Za-z\n]{0,3}([A-Za-z]+)", text[end:min(ceil, end + 24)])
    return m.group(1).lower() if m else ""


def _split_sequence(words: list[tuple[str, int, int]], named: frozenset[str] = frozenset(),
                    ) -> list[tuple[str | None, list[tuple[str, int, int]]]]:
    """Cut a capitalised run into (title, name words) pieces: stopwords cut (not the ``named``
    ones), honorifics open."""
    pieces: list[tuple[str | None, list[tuple[str, int, int]]]] = []
    title: str | None = None
    title_span: tuple[int, int] | None = None
    current: list[tuple[str, int, int]] = []

    def flush() -> None:
        nonlocal current, title, title_span
        if current:
            if title_span:
                current = [("", title_span[0], title_span[0]), *current]
            pieces.append((title, current))
        current, title, title_span = [], None, None

    for k, (word, s, e) in enumerate(words):
        key = title_key(word)
        if key is not None and (word.endswith(".") or not current):
            flush()
            title, title_span = key, (s, e)
            continue
        opens_run = not current and title is None and k + 1 < len(words)
        if _is_stop(word, named) or word.lower() in TITLES or re.search(r"-[a-z]+$", word) \
                or (opens_run and word.lower() in CALENDAR):
            # "Cold-hearted Elinor": a hyphenated adjective is no part of a name; "on Tuesday
            # Kanga said": a day before a name is no part of it ("President Sunday" keeps it)
            flush()
            continue
        current.append((word, s, e))
    flush()
    return pieces


# Stopwords that fan fiction names people by ("Will", Divergent's "Four", Stranger Things'
# "Eleven"): names only in a work that treats them as a person again and again
_WORD_NAMES = words("will four five six seven eight nine ten eleven twelve")
_WORD_NAME_RE = re.compile(r"\b(?:" + "|".join(w.capitalize() for w in sorted(_WORD_NAMES)) + r")\b")
_NOT_BEFORE_A_NAME = words("""the a an his her my your our their its this that these those all of at
chapter part book volume number page team section""")
_VERB_AFTER_RE = re.compile(r"[ \t]+(?:(?:is|was|has|had|does|did)(?:n[’']t)?|doesn|didn|isn|wasn)\b")
_VOCATIVE_AFTER_RE = re.compile(r"[,.!?…]*[”\"’']")
_WORD_NAME_EVIDENCE = 2


def _word_names(text: str) -> frozenset[str]:
    """The words of ``_WORD_NAMES`` this work treats as a person at least twice: a speech verb
    beside it ("Will says", "says Four"), a verb after it ("Four doesn't look"; "Will laughs" only
    for the word no plural noun follows: "Four guards"), a call at the end of a line ("That's
    called strategy, Will."), or a capital in mid-sentence ("Tell Four the…")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    seen: Counter = Counter()
    for m in _WORD_NAME_RE.finditer(text):
        start, end = m.span()
        before, after = _prev_word(text, start, max(0, start - 24)), _next_word(text, end, end + 24)
        if before in _NOT_BEFORE_A_NAME:
            continue
        called = text[max(0, start - 2):start] == ", " and _VOCATIVE_AFTER_RE.match(text, end) is not None
        acts = _VERB_AFTER_RE.match(text, end) is not None or (   # "Five hundred", "Four guards"
            m.group() == "Will" and after.endswith(("s", "ed")) and after not in STOP_WORDS)
        tagged = after in TAG_VERBS or (before in TAG_VERBS and text[start - 1] in " \t")
        mid_sentence = re.search(r"[a-z][ \t]+$", text[max(0, start - 3):start]) is not None \
            and before not in STOP_WORDS
        if tagged or called or acts or mid_sentence:
            seen[m.group().lower()] += 1
    return frozenset(w for w, n in seen.items() if n >= _WORD_NAME_EVIDENCE)


def find_occurrences(text: str, layout: Layout) -> list[Occurrence]:
    """Every capitalised name-like word run in narrative paragraphs (narration and dialogue)."""
    out: list[Occurrence] = []
    named = _word_names(text)
    for p_start, p_end in layout.paragraphs:
        for m in SEQUENCE_RE.finditer(text, p_start, p_end):
            words = [(t.group(), m.start() + t.start(), m.start() + t.end())
                     for t in TOKEN_RE.finditer(m.group())]
            for title, piece in _split_sequence(words, named):
                has_title = piece[0][0] == ""
                names = piece[1:] if has_title else piece
                if not names:
                    continue
                start, end = piece[0][1], names[-1][2]
                first_word_start = names[0][1]
                initial = (not has_title and first_word_start == words[0][1]
                           and _initial(text, first_word_start, p_start))
                occ = Occurrence(start, end, title, tuple(w for w, _, _ in names), initial,
                                 layout.in_quote(start))
                before, after = _prev_word(text, start, p_start), _next_word(text, end, p_end)
                if not occ.in_quote and (after in TAG_VERBS or before in TAG_VERBS
                                         or _TAG_SENTENCE_RE.match(text, end, p_end) is not None
                                         or (initial and _BEAT_SENTENCE_RE.match(text, end, p_end))):
                    occ.person += 1
                occ.acts = not occ.in_quote and before not in ("the", "this", "that", "every") \
                    and _ACTS_ON_OWN_RE.match(text, end) is not None
                occ.place = title is None and _after_place_preposition(text, start, p_start)
                if occ.in_quote:
                    # "Snape said", not "Kept thinking about that kid": a finite verb, not an -ing
                    occ.quoted_tag = after in TAG_VERBS and not after.endswith("ing")
                    occ.vocative = looks_vocative(text, start, end)
                    occ.person += occ.vocative
                out.append(occ)
        out += _capitals(text, p_start, p_end, layout)
    return out


# A name written in capitals ("EDI", "JARVIS", "JJ"): alone, not inside a shouted run of them
_CAPITALS_RE = re.compile(
    r"(?<![\w’'-])(?<![A-Z][!?.,]\s)[A-Z]{2,6}(?![\w-])(?![’'](?!s\b))(?!\s+[A-Z]{2,}\b)")
_POSSESSIVE_RE = re.compile(r"[’']s\b")


def _capitals(text: str, p_start: int, p_end: int, layout: Layout) -> list[Occurrence]:
    """Occurrences of words in capitals in one paragraph, with the evidence ``capitals_name``
    weighs (a vocative, a speech verb beside it, a possessive)."""
    out = []
    for m in _CAPITALS_RE.finditer(text, p_start, p_end):
        start, end = m.span()
        occ = Occurrence(start, end, None, (m.group(),), _initial(text, start, p_start),
                         layout.in_quote(start))
        before, after = _prev_word(text, start, p_start), _next_word(text, end, p_end)
        occ.vocative = occ.in_quote and looks_vocative(text, start, end)
        occ.person = int(occ.vocative or (not occ.in_quote and (after in TAG_VERBS or before in TAG_VERBS)))
        occ.acts = _POSSESSIVE_RE.match(text, end) is not None   # "EDI's optics sweep the kitchen"
        out.append(occ)
    return out


def capitals_name(word: str, ev: NameEvidence) -> bool:
    """A word in capitals is a name only when the text never writes it otherwise ("edi",
    "Edi") and treats it as someone more than once: addressed, tagged, owning something."""
    return ev.lower[word.lower()] == 0 and ev.total[word.capitalize()] == 0 and ev.total[word] >= 2 \
        and ev.person[word] + ev.acts[word] >= 2 and not _is_stop(word)


# "Desmond stood up, stretched, and said, “Time for bed.”": the subject of a sentence that ends
# by saying a line
_TAG_SENTENCE_RE = re.compile(r"[^.!?;“”\"‘’]{0,80}?\b(?:and|then)\s+(?:" + "|".join(sorted(SPEECH_VERBS))
                              + r")[,:]?\s*[“\"‘]")


# "Ferro pushed through the crowd, shaking snow out of his hair. “Did I miss the fight?”": the
# subject of an action beat, a sentence about someone ("his", "her") that a line follows
_BEAT_SENTENCE_RE = re.compile(r"\s+[a-z]+(?:ed|s)\b[^.!?;“”\"‘’]{0,160}?\b(?:his|her|himself|herself)\b"
                               r"[^.!?;“”\"‘’]{0,80}[.!?]\s*[“\"‘]")


def looks_vocative(text: str, start: int, end: int) -> bool:
    suffix = HONORIFIC_SUFFIX_RE.match(text, end)
    end = suffix.end() if suffix else end   # "Sakura-chan, you're so smart"
    left = text[max(0, start - 3):start].rstrip()
    right = text[end:end + 2]
    opened = not left or left[-1] in "\"“‘'"
    after_comma = bool(left) and left[-1] == ","
    # '"Wrex. Good to see you."': a name alone as the line's first sentence greets its bearer
    greeted = opened and re.match(r"\.\s+[A-Z]", text[end:end + 3]) is not None
    # '"… the last transmission. Geordi, anything?"': a later sentence of the line opens on the
    # name; not a list ("Harry, Ron and I went") or a subject ("Mr. Weston, who had been…, is";
    # "Mr. Martin, I imagine, has")
    called = bool(left) and left[-1] in ".!?" and right[:1] == "," \
        and _LISTED_AFTER_RE.match(text, end) is None
    return (opened and right[:1] in (",", "!", "?")) or greeted or called \
        or (after_comma and right[:1] in (",", ".", "!", "?"))


_LISTED_AFTER_RE = re.compile(r",\s*(?:[A-Z][a-z]+(?:,|\s+and\b|\s+or\b)|[-—–]"
                              r"|(?:who|which|whose|whom|that|the|a|an|he|she|it|they)\b"
                              r"|(?:I|you|we)\s+[a-z]+(?:\s+[a-z]+)?,)")


_ALONE_AFTER_RE = re.compile(r"[,.!?…]*[”\"’']")


_NEXT_CAPITALISED_RE = re.compile(r"[ \t]+([A-Z][a-z]+)\b")
_BEFORE_PLACE_WORDS = _PLACE_HEADS | words("end cross")  # "Howards End", "Oniton Grange"
_DETERMINED_RE = re.compile(r"\b[Aa]n?\s+(?:[a-z-]+\s+)?$")


def pool_evidence(text: str, occurrences: list[Occurrence]) -> NameEvidence:
    ev = NameEvidence()
    wanted: set[str] = set()
    for occ in occurrences:
        determined = occ.title is None and _DETERMINED_RE.search(text, max(0, occ.start - 30), occ.start)
        next_word = _NEXT_CAPITALISED_RE.match(text, occ.end)
        if next_word and next_word.group(1).lower() in _BEFORE_PLACE_WORDS:
            ev.before_place[occ.tokens[-1]] += 1
        for word in occ.tokens:
            ev.determined[word] += bool(determined)
            ev.total[word] += 1
            ev.noninitial[word] += not occ.initial
            ev.person[word] += occ.person + (occ.title is not None)
            ev.place[word] += occ.place
            ev.titled[word] += occ.title is not None
            ev.firm_person[word] += occ.person - (occ.vocative and occ.initial) + (occ.title is not None)
            ev.quoted_tag[word] += occ.quoted_tag
            ev.acts[word] += occ.acts and not determined
            ev.vocative[word] += occ.vocative
            wanted.add(word.lower())
        if len(occ.tokens) == 1 and occ.in_quote and occ.initial and _ALONE_AFTER_RE.match(text, occ.end):
            ev.alone[occ.tokens[0]] += 1
    for m in LOWER_WORD_RE.finditer(text):
        w = m.group()
        if w in wanted:
            ev.lower[w] += 1
    ev.named = frozenset(w for w in wanted if w in _WORD_NAMES)   # their runs were not cut
    return ev


def is_given_name(word: str) -> bool:
    """Is the word a given name of the nickname or gendered name lists ("Lizzy", "Imogen")?"""
    from ficlens.characters.nicknames import nickname_groups

    low = word.lower()
    return low in nickname_groups() or low in FEMALE_NAMES or low in MALE_NAMES


def is_name_word(word: str, ev: NameEvidence, in_accepted_multiword: bool = False) -> bool:
    """Does this capitalised word behave like a (character) name across the work?"""
    if word.isupper() and len(word) > 1:
        return capitals_name(word, ev)
    if _is_stop(word, ev.named):
        return False
    if word.lower() in PET_NAMES and ev.vocative[word] == ev.total[word]:
        return False   # "Hiya, Cupcake!", "Honey, can you…": a pet name, only ever called out
    cap, non_initial, person = ev.total[word], ev.noninitial[word], ev.person[word]
    lower = ev.lower[word.lower()]
    if ev.titled[word]:
        return lower <= 2 * cap
    if lower > 0.5 * cap and person < 2:
        return False
    if lower > cap and ev.firm_person[word] < max(3, 0.1 * cap):
        return False  # "Death" (28 times "death"): a word, even when it once stands by "said"
    if ev.place[word] > 0.34 * cap and person == 0:
        return False
    if word.lower() in _PLACE_HEADS:
        return False
    if ev.before_place[word] + ev.place[word] >= 0.5 * cap and ev.firm_person[word] < max(2, 0.1 * cap):
        return False  # "at Howards End", "Howards End was…": a house, whatever follows it
    if word.lower() in CALENDAR and ev.firm_person[word] < max(3, 0.1 * ev.total[word]):
        return False  # "on Sunday", "last Thursday": a day, unless it talks or is addressed
    if word.lower() in PLACES_AND_FAITHS and ev.firm_person[word] < max(2, 0.1 * ev.total[word]):
        return False  # "India" said as a subject 140 times and "called" three: still a country
    if not is_given_name(word) and (
            not re.search(r"[aeiouy]", word.lower())
            or (non_initial == 0 and ev.alone[word] == cap and ev.firm_person[word] == 0)
            or (lower > 0 and ev.firm_person[word] == 0 and non_initial < 3)):
        # A vowelless interjection ("Hm", "Shhh"), or a word also written in lowercase with
        # nothing person-like about it beyond opening a quote ("Fine," he said; "Irritation
        # chokes him"): not a name.
        return False
    if person == 0 and ev.determined[word] >= max(2, 0.25 * cap):
        return False  # "a Christian", "an Englishman": never called a person's name here
    if person >= 1 and cap == 1 and ev.firm_person[word] == 0 and not is_given_name(word):
        return False  # '"Bossy, doll."': once, and only as a line's first word before a comma
    if lower == 0 and ev.acts[word] and not ev.determined[word] and not _COMMON_NOUN_END_RE.search(word):
        return True   # "Marisol dropped her bag", and never "marisol": an unusual name, not a word
    if person >= 1 or (lower == 0 and (is_given_name(word) or ev.quoted_tag[word])):
        return True   # a speech verb after it in someone's line ("Snape said eight") is weaker
    if cap <= 2 and not in_accepted_multiword:
        return False  # seen once or twice, never named as a person ("Frustrated", "Chinatown")
    return non_initial >= 2 or (in_accepted_multiword and non_initial >= 1)


FormKey = tuple[str | None, tuple[str, ...]]


def accepted_forms(occurrences: list[Occurrence], ev: NameEvidence) -> dict[FormKey, int]:
    """The surface forms kept as names, with how often each was seen."""
    counts: Counter = Counter((o.title, o.tokens) for o in occurrences)
    multi_ok: set[str] = set()
    accepted: dict[tuple[str | None, tuple[str, ...]], int] = {}
    for (title, tokens), n in counts.items():
        if len(tokens) < 2 or tokens[-1].lower() in _PLACE_HEADS or tokens[0].lower() in _PLACE_FIRST:
            continue
        known = all(ev.lower[t.lower()] == 0 for t in tokens) and is_given_name(tokens[0])
        lower_first = ev.lower[tokens[0].lower()]
        first_ok = is_given_name(tokens[0]) or title is not None or lower_first == 0 or (
            lower_first <= 0.25 * ev.total[tokens[0]] and ev.noninitial[tokens[0]] > 0)
        if (title is None and n == 1 and ev.noninitial[tokens[0]] == 0 and not is_given_name(tokens[0])
                and not is_name_word(tokens[0], ev) and not is_name_word(tokens[-1], ev)):
            # "Unlike Sarah", once, and "Unlike" nowhere a name: no first name ("Unlike" is not
            # a name word at all); "Severus Snape swept in", once, and "Snape said" elsewhere: one
            continue
        # a given name seen twice before a common word is a surname ("Harvey Stone", "Tom Brown")
        given_then_word = n >= 2 and (is_given_name(tokens[0]) or name_gender(tokens[0]) is not None) \
            and lower_first <= 0.25 * ev.total[tokens[0]]
        evidence = sum(ev.person[t] + ev.quoted_tag[t] for t in tokens)
        if first_ok and (n >= 2 or title is not None or known or evidence) and all(
                ev.lower[t.lower()] <= ev.total[t] or (given_then_word and i) for i, t in enumerate(tokens)):
            if title is None and ev.place[tokens[0]] > 0.5 * ev.total[tokens[0]]:
                continue  # "London Lydia": a place and a name that a line break glued together
            accepted[(title, tokens)] = n
            multi_ok.update(tokens)
    for (title, tokens), n in counts.items():
        if len(tokens) != 1:
            continue
        word = tokens[0]
        titled = title is not None and not _is_stop(word, ev.named) \
            and ev.lower[word.lower()] <= 2 * ev.total[word]
        if titled or (title is None and is_name_word(word, ev, word in multi_ok)):
            accepted[(title, tokens)] = n
    return accepted


def group_occurrences(occurrences: list[Occurrence]) -> dict[FormKey, list[Occurrence]]:
    grouped: dict[FormKey, list[Occurrence]] = defaultdict(list)
    for occ in occurrences:
        grouped[(occ.title, occ.tokens)].append(occ)
    return grouped
