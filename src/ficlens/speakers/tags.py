"""Speech tags next to a quote: '"…," said Harry.', '"…," Ginny snapped.', 'Harry said, "…"',
'"…," said he.', '"…," the old man muttered.'

The tag's subject is the character mention (name, title, epithet, pronoun, narrator "I") that sits
next to a speech verb in the narration just after or just before the quote, within one clause.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ficlens.characters.epithets import PERSON_NOUNS
from ficlens.characters.lexicon import PRONOUN_GENDER, words
from ficlens.language.verbs import BEAT_ONLY, PHRASAL, SPEECH_VERBS, TAG_VERBS, THOUGHT_VERBS, WRITING_VERBS
from ficlens.model import Mention

_WORD_RE = re.compile(r"[A-Za-z](?:[A-Za-z’']|-(?=[A-Za-z]))*")  # "said--" is "said"
# A clause ends at punctuation or an opening quote, but not at the stop of "Mr." or "Dr.".
_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "St", "Mme", "Prof", "Rev", "Capt", "Col", "Lt", "Sgt")
_CLAUSE_END_RE = re.compile("".join(rf"(?<!\b{a})" for a in _ABBREVIATIONS) + r"[.]|[!?;:…]|[“\"‘]")
_ABBREVIATION_RE = re.compile(r"\b(?:" + "|".join(_ABBREVIATIONS) + r")\.")
_LEADING_MARKS_RE = re.compile(r"[\s”\"’'»,—–-]*")
_AFTER_SEMICOLON_RE = re.compile(r"\s+(?:said|replied|answered|returned|rejoined|cried|asked)\b")
EXPLICIT_KINDS = frozenset({"name", "title", "nickname", "vocative"})


@dataclass
class Tag:
    start: int
    end: int
    verb: str
    mention: Mention
    side: str            # "after" | "before"
    gender: str | None = None  # what a pronoun or a relation ("said her mother") tells of the speaker
    relation: bool = False     # "said her mother": the subject is someone's relative, not a name
    described: bool = False    # "said the surgeon": a description that became a character of its own
    onstage: bool = False      # "the blond drawled": a look, not a person of its own; someone on stage

    def as_dict(self, text: str) -> dict:
        return {"start": self.start, "end": self.end, "verb": self.verb,
                "text": " ".join(text[self.start:self.end].split())}

    @property
    def kind(self) -> str:
        return "explicit" if self.mention.kind in EXPLICIT_KINDS else "anaphoric"


class MentionIndex:
    """Narration mentions (outside quotes) sorted by position, for window look-ups."""

    def __init__(self, mentions: list[Mention]):
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]

    def within(self, lo: int, hi: int) -> list[Mention]:
        i = bisect_left(self.starts, lo)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < hi:
            if self.mentions[i].end <= hi:
                out.append(self.mentions[i])
            i += 1
        return out


# "her ladyship", "his lordship": a title form, not a possession; it stands for the one on stage
# who holds "Lady …" / "Lord …" herself or himself
TITLE_FORMS = {"ladyship": "Lady ", "lordship": "Lord "}
_TITLE_FORM_WORDS = "|".join(form.capitalize() for form in TITLE_FORMS)
_POSSESSIVE_RE = re.compile(rf"\s+(?:[a-z]|{_TITLE_FORM_WORDS})")
_PARTICLE_RE = re.compile(r"\s+([a-z]+)\b")


def _tags_alone(verb: str) -> bool:
    """A verb that makes a tag with no complement ("said", not "smiled")."""
    return verb in TAG_VERBS and verb not in BEAT_ONLY


_ASPECT_VERBS = frozenset({"began", "begun", "begins", "begin", "started", "starts", "continued",
                           "continues", "commenced", "ceased"})
_INFINITIVE_RE = re.compile(r"\s+to\s+[a-z]")
_GERUND_RE = re.compile(r"\s+([a-z]+ing)\b")   # "began straightening the atlases": no speech
_SPOKEN_GERUNDS = frozenset({"singing", "saying", "talking", "speaking", "reading", "laughing", "sobbing",
                             "crying", "chanting", "reciting", "praying", "swearing", "chattering"})


def _speaks(gerund: str) -> bool:
    """Is "scolding", "singing", "muttering" a way of speaking (a tag verb's -ing form)?"""
    stem = gerund[:-3]
    return gerund in _SPOKEN_GERUNDS or any(form in TAG_VERBS for form in (
        stem + "ed", stem + "d", stem[:-1] + "ed" if len(stem) > 2 and stem[-1] == stem[-2] else ""))
_TO_BEFORE_RE = re.compile(r"\bto\s+$")
# "in a whisper", "with a sigh", "made no answer": the noun, not the verb
_NOUN_BEFORE_RE = re.compile(r"\b(?:a|an|no)\s+(?:(?!later\b|after\b)[a-z]+(?<!ly)\s+)?$")
# "Mr. McBryde did not speak much", "Adela never said a word", "Ronny said nothing": nobody speaks there
_NEGATED_RE = re.compile(r"(?:\bnot|\bnever|n[’']t)\s+(?:[a-z]+ly\s+)?$")
_NOTHING_RE = re.compile(r"\s+(?:nothing|not\s+a\s+word|no\s+more|something)\b")
# '"…?" instead of answering, as she…', 'without replying': a speech named as not happening
_GERUND_OBJECT_RE = re.compile(r"\b(?:instead\s+of|without|before)\s+$")


# 'Then Margaret went down to breakfast.': going somewhere, not 'went on' or '"…," she went.'
_GOING = frozenset({"went", "go", "goes"})
_GOING_SOMEWHERE_RE = re.compile(r"\s+(?:down|up|to|into|out|back|away|off|in|over|across|through|home|"
                                 r"toward|towards|round|along|inside|outside|upstairs|downstairs|and)\b")


def _is_speech_verb(text: str, w: re.Match) -> bool:
    """'said', 'cried'…, or a phrasal one with its particle ('put in', 'broke out'); 'began' but
    not 'began to think' (neither verb is a tag there), nor a speech denied ('did not speak',
    'said nothing', 'instead of answering')."""
    verb = w.group().lower()
    gerund = _GERUND_RE.match(text, w.end())
    if (verb in _ASPECT_VERBS and (_INFINITIVE_RE.match(text, w.end())
                                   or (gerund and not _speaks(gerund.group(1))))) \
            or _TO_BEFORE_RE.search(text, max(0, w.start() - 6), w.start()) \
            or _NOUN_BEFORE_RE.search(text, max(0, w.start() - 20), w.start()) \
            or _NEGATED_RE.search(text, max(0, w.start() - 20), w.start()) \
            or _NOTHING_RE.match(text, w.end()) \
            or (verb.endswith("ing") and _GERUND_OBJECT_RE.search(text, max(0, w.start() - 14), w.start())) \
            or (verb in _GOING and _GOING_SOMEWHERE_RE.match(text, w.end())):
        return False
    if verb in TAG_VERBS:
        return _tags_alone(verb)
    particle = _PARTICLE_RE.match(text, w.end())
    return verb in PHRASAL and particle is not None and particle.group(1) in PHRASAL[verb]


_THOUGHT_OR_WRITING = THOUGHT_VERBS | WRITING_VERBS
# An owner's "'s", also where a conversion lost the apostrophe ("Emma s", "Edward s future wife").
_OWNER_S = r"(?:['’]s| s)"
# "Mr. Bumble's good lady" is someone else; "the Rabbit's voice", "Mr. Woodhouse's saying" are him
_OWNED_RE = re.compile(_OWNER_S + r"\s+(?![a-z-]*ing\b|(?:[a-z-]+\s+)?(?:voice|voices|lips|tongue)\b)"
                       r"[a-z-]+\b")
_OBJECT_PRONOUNS = frozenset({"him", "them", "us", "me", "whom"})


def _not_a_subject(text: str, m: Mention) -> bool:
    """'said her uncle': 'her' owns the speaker, it is not the speaker; nor is an object
    ('James, as the door closed on them, said'), nor a named owner ('asked Mr. Bumble's good
    lady')."""
    if m.kind not in ("pronoun", "narrator", "reader"):
        return m.kind in EXPLICIT_KINDS and _OWNED_RE.match(text, m.end) is not None
    word = text[m.start:m.end].lower()
    return word in _OBJECT_PRONOUNS or word in ("my", "your", "our") or (
        word in ("his", "her", "their", "its") and bool(_POSSESSIVE_RE.match(text, m.end))) or (
        word == "her" and text[m.end:m.end + 1] in (",", ";", ".", ":"))  # "followed her, saying"


def _with_gender(tag: Tag, text: str) -> Tag:
    """A pronoun subject says the speaker's gender, even when coreference left it unresolved."""
    if tag.mention.kind == "pronoun":
        tag.gender = PRONOUN_GENDER.get(text[tag.mention.start:tag.mention.end].lower())
    return tag


# "said his wife", "her mother cried", "cried his faithful assistant": a relation of someone just
# named or spoken to; the relation word gives the speaker's gender and the speaker is not the owner.
RELATION_GENDER: dict[str, str | None] = {
    **dict.fromkeys(words("""wife lady mother sister daughter aunt niece mistress hostess grandmother
        sister-in-law"""), "female"),
    **dict.fromkeys(words("""husband lord father brother son uncle nephew master host grandfather
        brother-in-law"""), "male"),
    **dict.fromkeys(words("""friend companion cousin neighbour neighbor partner assistant guest
        visitor parent child colleague"""), None),
    "ladyship": "female", "lordship": "male",   # "said her ladyship": the titled one on stage
    "other": None,  # '"Not yet," cried the other': the one of the two who did not just speak
}
_RELATION_AFTER_RE = re.compile(rf"\s+(?:his|her|their)\s+(?:[a-z’'-]+\s+){{0,2}}?"
                                rf"([a-z-]+|{_TITLE_FORM_WORDS})\b"
                                r"|\s+the\s+(other)(?=\s*[,.;:!?—–]"
                                r"|\s+(?:[a-z]+ly|[a-z]+ing|after|with|without|in|at|as|to|and|who)\b)")
# 'Aziz was full of civilization …, and it was with diffidence that the other said:': the one of
# the two just named who is not the one named
_OTHER_BEFORE_RE = re.compile(r"\b[Tt]he\s+(other)\s+(?:[a-z]+ly\s+)?$")
# "his father", also after a conjunction ("…; but her mother, without waiting, continued,")
_RELATION_OPENS_RE = re.compile(r"(?:(?:[Aa]nd|[Bb]ut|[Tt]hen|[Ww]hile)\s+)?"
                                r"(?:His|Her|Their|his|her|their)\s+(?:[a-z’'-]+\s+){0,2}?([a-z-]+)\b")
_LEADING_SPACE_RE = re.compile(r"[\s,—–-]*")
_RELATION_BEFORE_RE = re.compile(r"(?:His|Her|Their|his|her|their)\s+(?:[a-z’'-]+\s+){0,2}?([a-z-]+)\s+"
                                 r"(?:[a-z]+ly\s+)?$")


def _relational_subject(text: str, verb: re.Match, start: int, clause_end: int) -> Mention | None:
    m = _RELATION_AFTER_RE.match(text, verb.end(), clause_end)
    if m is None:
        m = _RELATION_BEFORE_RE.search(text, start, verb.start())
        if m is None or _words_between(text, start, m.start()) > 0:
            return None
    group = 1 if m.group(1) else 2
    if m.group(group).lower() not in RELATION_GENDER:
        return None
    return Mention(m.start(), m.end(group), None, "epithet")


def _relational_tag(text: str, verb: re.Match, start: int, clause_end: int, side: str) -> Tag | None:
    subject = _relational_subject(text, verb, start, clause_end)
    return None if subject is None else _relation_tag(text, verb, subject, side)


def _relation_tag(text: str, verb: re.Match, subject: Mention, side: str) -> Tag:
    """A tag whose subject is a relative ("his wife", "the son"): the kinship noun ends the
    subject and gives the speaker's gender."""
    noun = text[subject.start:subject.end].split()[-1].lower()
    lo, hi = min(subject.start, verb.start()), max(subject.end, verb.end())
    return Tag(lo, hi, verb.group().lower(), subject, side, RELATION_GENDER[noun], relation=True)


# '"…," was Mrs. Weston's parting injunction' / 'were Colonel Fitzwilliam's words'
_POSSESSED_SPEECH_RE = re.compile(r"(?:was|were|came)\s+(?:the\s+)?$")
_POSSESSIVE_S_RE = re.compile(_OWNER_S + r"\b")


def _possessed_speech(text: str, start: int, clause_end: int, index: MentionIndex) -> Tag | None:
    """'"…," was Emma's conclusion': the quote is named as someone's words."""
    lead = re.match(r"(?:was|were|came)\s+", text[start:clause_end])
    if lead is None:
        return None
    owned = _RELATION_OWNS_SPEECH_RE.match(text, start + lead.end(), clause_end)
    if owned is not None and owned.group(2).lower() in RELATION_GENDER:
        # '"…," was her mother's foreboding remark': a relative's words
        kin = Mention(owned.start(1), owned.end(2), None, "epithet")
        return _relation_tag(text, re.compile(r"\w+").match(text, start), kin, "after")
    for m in index.within(start, min(clause_end, start + 60)):
        if m.kind in EXPLICIT_KINDS and m.character and _POSSESSIVE_S_RE.match(text, m.end) \
                and _words_between(text, start, m.start) <= 2:
            return Tag(start, m.end + 2, "was", m, "after")
        if m.kind == "pronoun" and text[m.start:m.end].lower() in ("his", "her") \
                and _words_between(text, start, m.start) <= 1:
            # '"…," was her next remark': words the quote is named as, owned by a pronoun
            noun = _SPEECH_NOUN_AFTER_RE.match(text, m.end)
            if noun is not None:
                return _with_gender(Tag(start, noun.end(), "was", m, "after"), text)
    return None


_RELATION_OWNS_SPEECH_RE = re.compile(r"((?:his|her|their)\s+)([a-z-]+)" + _OWNER_S
                                      + r"(?:\s+[a-z-]+){0,2}?\s+(?:remark|reply|answer|words|exclamation"
                                      r"|observation|rejoinder|response|comment|retort|question)\b")
_SPEECH_NOUN_AFTER_RE = re.compile(
    r"(?:\s+[a-z-]+){0,2}?\s+(?:remark|reply|answer|words|exclamation|observation|rejoinder|response"
    r"|comment|retort|greeting|salutation|injunction|conclusion|farewell|cry|question)\b")


def _words_between(text: str, a: int, b: int) -> int:
    return len(_WORD_RE.findall(text, a, b)) if b > a else 0


# '"Bosh'tet," the quarian mutters, but I can hear her laugh': "I" opens a clause of its own
_NEW_CLAUSE_RE = re.compile(r"\b(?:but|and|so|yet|or|while|because|though|although|when|until|if)\b")


def _gap_ok(text: str, a: int, b: int, max_words: int) -> bool:
    if b < a:
        return False
    between = _ABBREVIATION_RE.sub("", text[a:b])  # "said Mr. Erskine": the stop of "Mr." is no break
    return not re.search(r"[.!?;:\"“”]", between) and _words_between(text, a, b) <= max_words


# '"…," replied the voice of the Dodger' / '"…" It was Marilla who spoke'
_VOICE_OF_RE = re.compile(r"\s+the\s+(?:[a-z]+\s+)?voice\s+of\s+(?:(?:old|young|little)\s+)?")
_CLEFT_RE = re.compile(r"It\s+was\s+")
# '"…," loudly whispered by Aunt Juley': the agent of a passive speech verb
_BY_AGENT_RE = re.compile(r"\s+by\s+")
# '"…," said the more candid Lady Bertram' / 'cried the good-hearted Mrs. John Knightley'
_QUALIFIED_NAME_RE = re.compile(r"\s+the\s+(?:[a-z’'-]+\s+){1,3}")
_APPOSITION_RE = re.compile(r",\s*")


def _name_in_apposition(text: str, described: Mention, index: MentionIndex) -> Mention | None:
    """'said the other sister, Laura,': the name set beside a description is its subject."""
    comma = _APPOSITION_RE.match(text, described.end)
    if comma is None:
        return None
    return next((m for m in index.within(comma.end(), comma.end() + 40)
                 if m.start == comma.end() and m.kind in EXPLICIT_KINDS), None)


def _name_right_after(text: str, described: Mention, mentions: list[Mention]) -> Mention | None:
    """'replied the poet Syme': a name straight after a description is whom it describes."""
    return next((m for m in mentions if m.start > described.end and m.kind in EXPLICIT_KINDS
                 and not text[described.end:m.start].strip()), None)


# a bracket opening a clause of its own ('(when she thought it over…') is an aside; '(he drawled
# the word)' is still a tag
_ASIDE_OPENS_RE = re.compile(r"[(\[]\s*(?:when|while|whilst|as|which|who|though|although|if|because"
                             r"|for|and|but"
                             r"|or|that|this|not|it|there)\b", re.IGNORECASE)


_OWNED_WORDS_RE = re.compile(_OWNER_S + r"\s+([a-z-]+)\b(?:\s+([a-z-]+)\b)?")


def _owned_kin_end(text: str, owner_end: int) -> int | None:
    """Where "'s wife" / "'s good lady mother" ends after an owner, when a relative is owned."""
    m = _OWNED_WORDS_RE.match(text, owner_end)
    if m is None:
        return None
    for group in (1, 2):
        if m.group(group) and m.group(group).lower() in RELATION_GENDER:
            return m.end(group)
    return None


def _owned_relative(text: str, verb_end: int, clause_end: int, index: MentionIndex) -> Mention | None:
    """'said the undertaker's wife', 'cried Harry's mother': a relative of the character named
    right after the verb (the owner, whose mention opens the returned span)."""
    owner = next((m for m in index.within(verb_end, clause_end) if m.character), None)
    if owner is None or not _gap_ok(text, verb_end, owner.start, 1) \
            or text[verb_end:owner.start].strip().lower() not in ("", "the"):
        return None
    kin_end = _owned_kin_end(text, owner.end)
    return None if kin_end is None else Mention(owner.start, kin_end, None, "epithet")


def tag_after(text: str, end: int, hi: int, index: MentionIndex) -> Tag | None:
    """A tag in the clause right after the quote ('"…," said Harry')."""
    if end >= hi:
        return None
    start = _LEADING_MARKS_RE.match(text, end, hi).end()
    if text.startswith(";", start) and _AFTER_SEMICOLON_RE.match(text, start + 1):
        start = _LEADING_MARKS_RE.match(text, start + 1, hi).end()   # '"Yes, sir"; replied the servant.'
    if start >= hi or _ASIDE_OPENS_RE.match(text, start, hi):
        return None  # '"…late!" (when she thought it over afterwards, …)': an aside, not a tag
    cut = _CLAUSE_END_RE.search(text, start, min(hi, start + 120))
    clause_end = cut.start() if cut else min(hi, start + 120)
    words = list(_WORD_RE.finditer(text, start, clause_end))[:8]
    mentions = [m for m in index.within(start, clause_end) if not _not_a_subject(text, m)]
    for wi, w in enumerate(words):
        verb = w.group().lower()
        after = [m for m in mentions if m.start >= w.end() and (
            not _after_preposition(text, m) or _BY_AGENT_RE.fullmatch(text, w.end(), m.start)) and (
            not _NEW_CLAUSE_RE.search(text, w.end(), m.start)) and (
            _gap_ok(text, w.end(), m.start, 1) or _VOICE_OF_RE.fullmatch(text, w.end(), m.start)
            or (m.kind in EXPLICIT_KINDS and _QUALIFIED_NAME_RE.fullmatch(text, w.end(), m.start)))]
        inverted_beat = verb in BEAT_ONLY and wi == 0 and bool(after) and after[0].kind in EXPLICIT_KINDS
        if not (_is_speech_verb(text, w) or inverted_beat):  # '"Yes," nodded Evie' is a tag
            continue
        before = [m for m in mentions if m.end <= w.start() and _gap_ok(text, m.end, w.start(), 2) and (
            _words_between(text, start, m.start) <= 1 or _CLEFT_RE.fullmatch(text, start, m.start))]
        if not before:
            relative = _owned_relative(text, w.end(), clause_end, index)
            if relative is not None:  # '"Dear me!" said the undertaker's wife'
                return _relation_tag(text, w, relative, "after")
        subject = before[-1] if before else after[0] if after else None
        if subject is not None and subject.kind == "epithet":
            subject = _name_right_after(text, subject, mentions) or subject  # "the poet Syme"
        if not before and subject is not None and subject.kind == "epithet":
            marked = _distinguished_end(text, subject.start, subject.end, clause_end)
            if marked is not None:  # not whoever "the gentleman" was taken for: a man of his own
                subject = Mention(subject.start, marked, None, "epithet")
        if subject is None:
            relational = _relational_tag(text, w, start, clause_end, "after")
            if relational is not None:
                return relational
            subject = _described_subject(text, w, start, clause_end)
            if subject is not None:
                subject = _name_in_apposition(text, subject, index) or subject
        if _kin_description(text, subject):  # '"…," said the son': the son of one on stage
            return _relation_tag(text, w, subject, "after")
        if subject is not None:
            lo, hi_ = min(subject.start, w.start()), max(subject.end, w.end())
            return _with_gender(Tag(lo, hi_, verb, subject, "after"), text)
        if wi >= 4:
            break
    return _possessed_speech(text, start, clause_end, index)


_KIN_DESCRIPTION_RE = re.compile(r"[Tt]he\s+(?:[a-z]+\s+)?(son|daughter|mother|father|wife|husband|brother"
                                 r"|sister|aunt|uncle)")


def _kin_description(text: str, subject: Mention | None) -> bool:
    """Is the subject a kinship description no character holds ("the son", "the anxious mother")?
    Such a tag is a relation of someone on stage, not a character of its own."""
    return subject is not None and subject.kind == "epithet" and subject.character is None \
        and _KIN_DESCRIPTION_RE.fullmatch(text, subject.start, subject.end) is not None


_DESCRIBED_AFTER_RE = re.compile(
    r"\s+((?:the|a|an|one)\s+(?:[A-Za-z’'-]+\s+){0,3}?[A-Za-z’'-]+)(?=\s*(?:[,.;:!?—–]|$)|"
    r"\s+(?:to|with|in|as|and|at|from|who|whose|of|upon|on|for|again|presently|quickly|slowly|softly|"
    r"loudly|quietly|very|rather|quite|somewhat|almost|still|now|then|[a-z]+ly)\b)")
_DESCRIBED_BEFORE_RE = re.compile(
    r"((?:[Tt]he\s+(?:[A-Za-z’'-]+\s+){0,2}|(?:[Aa]n?|One)\s+(?:[a-z’'-]+\s+){0,2})[A-Za-z’'-]+)\s+(?:[a-z]+ly\s+)?$")
_LY_ADJECTIVE_RE = re.compile(r"\s+([a-z]+ly)\s+([A-Za-z]+)\b")
_NEXT_WORD_RE = re.compile(r"\s+([a-z’'-]+)")
# "the gentleman in the white waistcoat", "the gentleman with the red rosette": what sets him apart
# is part of the description; "in a hoarse voice", "with the same placidity" is manner
_DISTINGUISHED_BY_RE = re.compile(r"\s+(?:in|with)\s+the\s+(?:([a-z-]+)\s+)?([a-z-]+)(?=\s*(?:[,.;:!?]|$))")
_MANNER_NOUNS = words("""voice tone whisper manner air way look smile laugh sigh groan accent hand
hands eyes face head breath moment time end same""")
_NOT_PEOPLE = words("""
words word same other question answer voice reply next first last time day one matter thing door way
chant song music noise sound echo bell clock gesture logic evidence truth glee stones stick letter
sentence
""")
# '"…," the worthy woman finally concluded', 'The jury all wrote': the description ends before them
_TRAILING_NOT_DESCRIPTION = words("all both only too alone")
# 'The bookseller rose and began': a second verb joined to the subject's first
_JOINING_VERBS = words("and then but")
# '"…," the men would tell her': the description ends before its auxiliary
_AUXILIARIES = words("would will could should might must can did does do had has have was were is")


def _distinguished_end(text: str, start: int, end: int, clause_end: int) -> int | None:
    """Where "the gentleman" (``start``, ``end``) ends when the text goes on "in the white
    waistcoat" and keeps calling him that; None when no such mark follows, or the text uses it
    once (a passing detail of someone it names otherwise)."""
    marked = _DISTINGUISHED_BY_RE.match(text, end, clause_end)
    if marked is None or {marked.group(1), marked.group(2)} & _MANNER_NOUNS:
        return None
    phrase = re.compile(r"\s+".join(map(re.escape, text[start:marked.end()].split())), re.IGNORECASE)
    return marked.end() if len(phrase.findall(text)) >= 2 else None


def _described_subject(text: str, verb: re.Match, start: int, clause_end: int,
                        inverted: bool = True) -> Mention | None:
    """'…," said the turnkey' / '…," the old pauper said': a description no character holds yet,
    returned as an epithet mention without a character (the stage gives it one). Before a quote
    only the plain order counts ('The drummer shouted: "…"'); 'continued the subject' is an
    object."""
    m = _DESCRIBED_AFTER_RE.match(text, verb.end(), clause_end) if inverted else None
    if m is None:
        m = _DESCRIBED_BEFORE_RE.search(text, start, verb.start())
        if m is None or _words_between(text, start, m.start(1)) > 0:
            return None
    phrase = m.group(1)  # "the turnkey", "the old pauper", "the Duchess", "a girl opposite"
    words = phrase.split()
    end = m.end(1)
    joined = next((i for i, w in enumerate(words) if w in _JOINING_VERBS), None)
    if joined is not None and joined >= 3:
        # "The bookseller rose and began …": the subject ends before its first verb
        words = words[:joined - 1]
        end = m.start(1) + len(" ".join(words))
        if text[m.start(1):end] != " ".join(words):
            return None
        phrase = " ".join(words)
    lyish = _LY_ADJECTIVE_RE.match(text, end)
    if lyish and len(words) < 4 and lyish.group(2).lower() in PERSON_NOUNS:
        end = lyish.end()  # "a great lubberly fellow", "the burly man": an adjective, not an adverb
        phrase = text[m.start(1):end]
        words = phrase.split()
    if words[0].lower() != "the" and not any(w in PERSON_NOUNS for w in words[1:]):
        # "a little ugly hump-backed man": "ugly" is no adverb; read on to the person noun
        following = list(_NEXT_WORD_RE.finditer(text, end, min(clause_end, end + 40)))[:3]
        noun = next((i for i, f in enumerate(following) if f.group(1) in PERSON_NOUNS), None)
        if noun is not None and all(f.start() == (following[i - 1].end() if i else end)
                                    for i, f in enumerate(following[:noun + 1])):
            end = following[noun].end()
            phrase = text[m.start(1):end]
            words = phrase.split()
    if len(words) > 2 and (words[-1] in _AUXILIARIES or words[-1] in _TRAILING_NOT_DESCRIPTION
                           or (words[-1].endswith("ly") and words[-1] not in PERSON_NOUNS)):
        words = words[:-1]
        end = text.rindex(words[-1], m.start(1), end) + len(words[-1])
    if words[-1].lower() in _NOT_PEOPLE:
        return None
    if words[0].lower() == "the":
        end = _distinguished_end(text, m.start(1), end, clause_end) or end
    if words[0].lower() != "the" and not (
            all(w.islower() for w in words[1:]) and any(w in PERSON_NOUNS for w in words[1:])):
        return None  # "said an amused, faintly accented voice", "a boy that Harry thought"
    return Mention(m.start(1), end, None, "epithet")


# "the White Rabbit, who said" / "Marianne, who with her usual inattention …, exclaimed" /
# "Mr. Woodhouse, whose thoughts were on the Bates's, said--"
_WHO_RE = re.compile(r",?\s*who(?:se|m)?\b(?:[^.!?;:\"“”]|\b(?:Mr|Mrs|Ms|Dr|St)\.){0,120}$")
# 'Lucy went on. "…"' / 'Elinor replied.': a sentence that is only a speech tag, closing before the quote
_ENDS_WITH_VERB_RE = re.compile(r"\b([a-z]+)(?:\s+(?:on|in|out|up|forth))?[.]?\s*$")
# 'Anne answered, lifting her head. "…"' / 'Lucy went on quietly. "…"': the tag sentence ends
# in a manner adverb or a participle clause, not in an object (which would be reported speech);
# a pronoun object is no reported speech ('Poirot answered them categorically.', 'Mr. Mace began
# at once.').
_ENDS_WITH_VERB_MANNER_RE = re.compile(
    r"\b([a-z]+)(?:\s+(?:them|him|her|me|us|forth|out))?(?:\s+[a-z]+ly|\s+again|\s+now|\s+thus|\s+at\s+once"
    r"|\s+at\s+last)*"
    r"(?:,\s+[a-z]+ing\b[^.!?;:\"“”]{0,50})?[.]\s*$")


def _ends_with_speech_verb(text: str, lo: int, end: int) -> bool:
    """Does text[lo:end] end in a tag's verb with no object ('Then she spoke.', 'Anne answered,
    lifting her head.'), outside a clause of time ('… as she spoke.')?"""
    return any(m is not None and (_tags_alone(m.group(1)) or _phrasal_at(text, m) or _began_speaking(text, m))
               and not _SUBORDINATE_RE.search(text, lo, m.start(1))
               for m in (_ENDS_WITH_VERB_RE.search(text, max(lo, end - 40), end),
                         _ENDS_WITH_VERB_MANNER_RE.search(text, max(lo, end - 80), end)))


def _phrasal_at(text: str, m: re.Match) -> bool:
    """'… and broke out', 'burst forth again.': a phrasal speech verb with its particle."""
    particle = _PARTICLE_RE.match(text, m.end(1))
    return m.group(1) in PHRASAL and particle is not None and particle.group(1) in PHRASAL[m.group(1)]


# 'the glance which the lady darted at her spouse as she spoke. "…"': a clause of time around the
# verb tells when something happened, not who says the quote that follows
_TIME_CONJUNCTIONS = r"(?:as|while|whilst|when|whenever|before|after|until|till)"
_SUBORDINATE_RE = re.compile(r"\b" + _TIME_CONJUNCTIONS + r"\s+"
                             r"(?:he|she|they|I|we|you|[A-Z][\w.'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+$")


# what turns a tag into reported speech ('said that…', 'told him to go'); 'said to the Knave "…"'
# names whom the quote is said to, and stays a tag
_REPORTED_RE = re.compile(r"\b(?:that|if|whether|what|how|nothing|something)\b"
                          r"|\bto\b(?!\s+(?:[A-Z]|(?:the|him|her|them|me|us|his|my|itself|himself|herself"
                          r"|themselves|myself)\b))")


def _speech_verb_then_manner(text: str, lo: int, end: int) -> bool:
    """'the Secretary said in a curious, strained voice "…"', 'the Colonel began again abruptly "…"':
    some writers open the quote straight after the tag's adverbial, with no comma; a speech verb
    within a few words of the quote, with no object clause between."""
    window = max(lo, end - 70)
    for m in _WORD_RE.finditer(text, window, end):
        if _tags_alone(m.group().lower()) and m.group().lower() not in _THOUGHT_OR_WRITING:
            tail = text[m.end():end]
            if not re.search(r"[.!?;:\"“”—]", tail) and _words_between(text, m.end(), end) <= 7 \
                    and not _REPORTED_RE.search(tail):
                return True
    return False


_LEAD_IN_ENDS = ",:—–-"


# Verbs that answer the last speaker without a line of one's own ('Miss Honeychurch assented.',
# 'Fanny explained.'): after them the quote in the next paragraph is the other party's.
_ANSWERS_WITHOUT_A_LINE = words("""
acquiesced agreed assented concurred confirmed corroborated acknowledged explained groaned
sighed point pointed
""")


# 'ignored the remark.', 'gave a little sigh.': the noun, not the verb; 'what was said.': a passive
_NOT_A_TAG_BEFORE_RE = re.compile(r"\b(?:(?:a|an|the|no|his|her|its|their|my|your|our|this|that|some)"
                                  r"(?:\s+[a-z]+)?|was|were|is|are|be|been|being)\s+$")


# '…, and as soon as they were gone Mr. Collins began.': the clause of time has closed, and a name opens the
# main clause right before the verb
_NAME_THEN_VERB_RE = re.compile(r"\b[A-Z][a-z]+\s+[a-z]+(?:\s+[a-z]+)?[.]?\s*$")


_ASPECT_BEFORE_RE = re.compile(r"\b(?:began|begun|continued|kept|went\s+on)\s+$")


def _began_speaking(text: str, m: re.Match) -> bool:
    """'Mrs. Norris began scolding.': an aspect verb and the -ing form of a speech verb."""
    verb = m.group(1)
    return verb.endswith("ing") and (verb[:-3] + "ed" in SPEECH_VERBS or verb[:-3] + "d" in SPEECH_VERBS) \
        and _ASPECT_BEFORE_RE.search(text, max(0, m.start(1) - 14), m.start(1)) is not None


def closes_on_speech(text: str, lo: int, end: int) -> bool:
    """Does a narration paragraph ``text[lo:end]`` end in a sentence that is only a speech tag
    ('Anne herself answered, lifting her head.', 'Sir Thomas … went on.', 'Mr. Mace began at
    once.')? Then the quote that opens the next paragraph is that speaker's. Verbs that answer
    without a line of their own, and clauses of time ('… before the conversation began.'), do not
    count."""
    sentence_lo = max([lo, *(m.end() for m in _SENTENCE_END_RE.finditer(text, lo, max(lo, end - 1)))])
    # a conjunction opening a clause, not an adverb ('who had seldom spoken before, …')
    timed = list(re.finditer(r"\b" + _TIME_CONJUNCTIONS + r"\s+[A-Za-z]", text[sentence_lo:end]))
    if timed and not _NAME_THEN_VERB_RE.search(text, sentence_lo + timed[-1].end() - 1, end):
        return False  # '… before the conversation began.'
    for regex, reach in ((_ENDS_WITH_VERB_RE, 40), (_ENDS_WITH_VERB_MANNER_RE, 80)):
        m = regex.search(text, max(sentence_lo, end - reach), end)
        verb = m.group(1) if m is not None else ""
        if verb in ("went", "go", "goes") and not re.match(r"\s+on\b", text[m.end(1):end]):
            continue  # 'I went in.' is no 'went on.'
        if m is not None and (verb in SPEECH_VERBS or _phrasal_at(text, m) or _began_speaking(text, m)) \
                and verb not in _ANSWERS_WITHOUT_A_LINE \
                and not _NOT_A_TAG_BEFORE_RE.search(text, max(sentence_lo, m.start(1) - 30), m.start(1)):
            return True
    return False


def leads_into_quote(text: str, lo: int, end: int, finished: bool = True) -> bool:
    """Does ``text[lo:end]`` end the way a tag before a quote does: in a comma, colon or dash, or
    in a speech verb with nothing after it but its manner ('Then she spoke.', 'said in a small
    and quiet voice')? With ``finished`` False, a verb counts only when its sentence is left open
    (a paragraph that runs on into the quote of the next one)."""
    last = text[end - 1] if end > lo else ""
    if last and last in _LEAD_IN_ENDS:
        return True
    if not last or (not finished and not last.isalpha()):
        return False
    return _ends_with_speech_verb(text, lo, end) or _speech_verb_then_manner(text, lo, end)


def tag_before(text: str, start: int, lo: int, index: MentionIndex) -> Tag | None:
    """A tag in the clause right before the quote ('Harry said, "…"', 'Then he asked: "…"')."""
    seg_end = start
    while seg_end > lo and text[seg_end - 1] in " \t\r\n“\"‘'":
        seg_end -= 1
    if seg_end <= lo or not leads_into_quote(text, lo, seg_end):
        return None
    window_lo = max(lo, seg_end - 160)
    cuts = list(_CLAUSE_END_RE.finditer(text, window_lo, seg_end - 1))
    clause_start = cuts[-1].end() if cuts else window_lo
    words = list(_WORD_RE.finditer(text, clause_start, seg_end))
    within = index.within(clause_start, seg_end)
    mentions = [m for m in within if not _not_a_subject(text, m)]
    for w in reversed(words[-14:]):
        verb = w.group().lower()
        if not _is_speech_verb(text, w):
            continue
        if verb in _ENDED_SPEAKING \
                and _ENDED_CLAUSE_RE.search(text, max(clause_start, w.start() - 50), w.start()):
            continue   # '"Hope," said Picard, when Riker had finished, "is…"': Riker listened
        heard = next((m for m in within if m.kind == "pronoun" and _perceived(text, clause_start, m)
                      and (_gap_ok(text, m.end, w.start(), 1)
                           or _AND_THEN_RE.fullmatch(text, m.end, w.start())
                           or _ADVERBS_ONLY_RE.fullmatch(text, m.end, w.start()))), None)
        if heard is not None:  # "Emma heard her saying to Jane,", "she heard him say,"
            return _with_gender(Tag(heard.start, w.end(), verb, heard, "before"), text)
        if _HEARD_SOMEONE_RE.search(text, max(clause_start, w.start() - 30), w.start()):
            return None  # 'Alice heard it say to itself,': someone the cast does not hold speaks
        other = _OTHER_BEFORE_RE.search(text, clause_start, w.start())
        if other is not None:  # '…, and it was with diffidence that the other said:'
            return _relation_tag(text, w, Mention(other.start(), other.end(1), None, "epithet"), "before")
        before = [m for m in mentions if m.end <= w.start() and _gap_ok(text, m.end, w.start(), 8)
                  and not _after_preposition(text, m)
                  and not _OBJECT_AND_RE.search(text, max(0, m.start - 12), m.start)]
        objects = [m for m in before if _object_of_a_verb(text, clause_start, m, mentions)]
        timed = [m for m in before if _closed_time_clause(text, m, w.start())]
        if timed and _sentence_opener(text, lo, w.start(), mentions, index) not in (None, *timed):
            objects += timed  # 'Mr. Collins listened …, and when she ceased speaking, replied thus,'
        if objects:
            before = [m for m in before if m not in objects]
            if not before:
                opener = _sentence_opener(text, lo, w.start(), mentions, index)
                before = [opener] if opener is not None else []
        after = [m for m in mentions if m.start >= w.end() and _gap_ok(text, w.end(), m.start, 1)
                 and not _after_preposition(text, m)]  # 'rising up, said to Elizabeth,'
        antecedents = [m for m in mentions if m.end <= w.start() and _WHO_RE.match(text, m.end, w.start())
                       and not any(m.end <= o.start < w.start()
                                   and (_opens_clause(text, o) or _subordinate_subject(text, o))
                                   for o in mentions)]
        # "looked at the White Rabbit, who said," the relative's antecedent; else a name before an aside
        related = None if antecedents or verb in _THOUGHT_OR_WRITING \
            else _related_clause_subject(text, clause_start, w.start(), mentions)
        if related is not None:  # '…," said Lucy, while her brother, in whose memory …, exclaimed'
            return _relation_tag(text, w, related, "before")
        subject = antecedents[-1] if antecedents else _parenthesised_subject(text, clause_start, mentions,
                                                                             w.start())
        if subject is None and before:  # the clause's own subject beats an object nearer the verb
            # "Very soon the Rabbit noticed Alice, …, and called out": the article is part of the name
            article = _ARTICLE_BEFORE_RE.search(text[max(clause_start, before[0].start - 4):before[0].start])
            opening = _words_between(text, clause_start, before[0].start) <= 2 + bool(article)
            nearest = before[-1]
            # "As he helped her down, she said:": a subordinate clause, then the verb's own subject
            own_subject = (nearest is not before[0] and "," in text[before[0].end:nearest.start]
                           and not re.search(r"[,;:—–]", text[nearest.end:w.start()])
                           and _words_between(text, nearest.end, w.start()) <= 1)
            # "Wilfred was stopped by Tobias's saying,": whose saying it is
            own_subject = own_subject or (_SAYING_RE.match(text, nearest.end) is not None
                                          and _words_between(text, nearest.end, w.start()) <= 1)
            subject = nearest if own_subject or not opening or _perceived(text, clause_start, nearest) \
                else _coordinate_subject(text, before, w.start()) or before[0]
        elif subject is None and after:
            subject = after[0]
        if subject is None:
            relational = _RELATION_OPENS_RE.match(text, _LEADING_SPACE_RE.match(text, clause_start).end(),
                                                  w.start())
            if relational is not None and relational.group(1).lower() in RELATION_GENDER \
                    and _gap_ok(text, relational.end(), w.start(), 6):
                mention = Mention(relational.start(), relational.end(1), None, "epithet")
                return Tag(mention.start, w.end(), verb, mention, "before",
                           RELATION_GENDER[relational.group(1).lower()], relation=True)
            subject = _clause_opener(text, clause_start, w.start(), mentions) \
                or _sentence_subject(text, lo, w.start(), index) \
                or _coordinated_from(text, lo, w.start(), index)
        if subject is None:  # 'The drummer shouted: "…"': a description the cast does not hold
            subject = _described_subject(text, w, clause_start, seg_end, inverted=False) \
                or _described_opener(text, lo, w, index)
        if subject is not None:
            kin_end = _owned_kin_end(text, subject.end) if subject.character else None
            if kin_end is not None:
                # 'said the undertaker's wife, "he's very small."': the wife, not the undertaker
                return _relation_tag(text, w, Mention(subject.start, kin_end, None, "epithet"), "before")
            return _with_gender(Tag(min(subject.start, w.start()), max(subject.end, w.end()), verb,
                                    subject, "before"), text)
    return None


_ARTICLE_BEFORE_RE = re.compile(r"\b[Tt]he\s+$")
# "when Riker had finished": the one who stopped talking, in a clause of time
_ENDED_SPEAKING = frozenset({"finished", "done", "ended", "stopped", "paused", "concluded"})
_ENDED_CLAUSE_RE = re.compile(r"\b(?:when|after|once|until|till|as\s+soon\s+as)\s+[^,;:.!?]{1,40}?"
                              r"\s+(?:had\s+)?$")
# 'She met Mr. Weston on his entrance, …, exclaiming,' / 'saw Fielding crouched below him, and
# said,': a past-tense verb right before the name makes it the object
_VERB_BEFORE_RE = re.compile(r"\b(?:[a-z]+ed|met|saw|took|gave|told|left|found|held|kept|caught|struck|led|"
                             r"brought|bade|let|set|sent|knew|thanked|joined)\s+$")
_DETERMINER_RE = re.compile(r"\b(?:the|a|an|his|her|their|its|my|your|our)\s+$", re.IGNORECASE)
_PERCEIVING = frozenset({"heard", "watched", "noticed", "observed"})
_NOT_VERBS = frozenset({"bed", "red", "need", "speed", "seed", "indeed", "reed", "hundred", "sacred", "naked",
                        "wicked", "married", "tired"})


def _object_of_a_verb(text: str, clause_start: int, m: Mention, mentions: list[Mention]) -> bool:
    """Is the name the object of a past-tense verb whose subject stands before it ('She met Mr.
    Weston', 'He … saw Fielding')? Perceiving ('heard the Rabbit say') is left to ``_perceived``."""
    if m.kind not in EXPLICIT_KINDS:
        return False
    found = _VERB_BEFORE_RE.search(text, max(0, m.start - 16), m.start)
    if found is None or found.group().split()[0] in _NOT_VERBS | _PERCEIVING:
        return False
    if text[found.start() - 1:found.start()] == "-" or _DETERMINER_RE.search(text, max(0, found.start() - 8),
                                                                              found.start()):
        return False  # 'the black-browed Secretary': an adjective
    if re.match(r"[^,.;:!?]{0,40},\s*who(?:se|m)?\b", text[m.end:m.end + 60]):
        return False  # 'met Maria in the landing place, who … cried out': the relative's antecedent
    return found.start() > clause_start or any(o.end <= found.start() for o in mentions if o is not m)


_TIME_CLAUSE_OPENS_RE = re.compile(r"\b" + _TIME_CONJUNCTIONS + r"\s+$")


def _closed_time_clause(text: str, m: Mention, verb_start: int) -> bool:
    """'…, and when she ceased speaking, replied thus,': the subject of a clause of time that closes
    with a comma before the verb is not the verb's subject."""
    if _TIME_CLAUSE_OPENS_RE.search(text, max(0, m.start - 10), m.start) is None \
            or re.match(r"[a-z]+ing\b", text[verb_start:verb_start + 16], re.IGNORECASE):
        return False  # 'when the servant came in, announcing': the participle is still the servant's
    comma = text.find(",", m.end, verb_start)
    # the clause of time has a verb of its own ('ceased', 'had finished'), so it closes at the comma
    return comma >= 0 and _FINITE_RE.search(text, m.end, comma) is not None


_FINITE_RE = re.compile(r"\b(?:[a-z]{3,}ed|had|was|were|did|came|went|saw|met|took|gave|made|got|left|sat|"
                        r"stood|ran|began)\b")


def _sentence_opener(text: str, lo: int, verb_start: int, mentions: list[Mention],
                     index: MentionIndex) -> Mention | None:
    """The pronoun or name that opens the verb's sentence, when the names nearer the verb are
    its objects."""
    window_lo = max(lo, verb_start - 250)
    ends = list(_SENTENCE_END_RE.finditer(text, window_lo, verb_start))
    sentence_start = ends[-1].end() if ends else window_lo
    opening = index.within(sentence_start, verb_start)
    if opening and _words_between(text, sentence_start, opening[0].start) <= 1 \
            and opening[0].kind in (*EXPLICIT_KINDS, "pronoun"):
        return opening[0]
    return None
_PREPOSITION_RE = re.compile(r"\b(?:to|at|towards|toward|with|from|upon|on|for|by|about|into|over|"
                             r"behind|beside|after|near)\s+(?:the\s+)?$")


_SAYING_RE = re.compile(_OWNER_S + r"\s+[a-z]+ing\b")


def _after_preposition(text: str, m: Mention) -> bool:
    """'and, turning to Elizabeth, said,': a name after a preposition is not the speaker (but
    'stopped by Miss Tilney's saying,' is: her saying)."""
    return _PREPOSITION_RE.search(text, max(0, m.start - 14), m.start) is not None \
        and not _SAYING_RE.match(text, m.end)


_BEFORE_VERB_AFTER_COMMA_RE = re.compile(r",\s*(?:[a-z]+ly\s+|thus\s+|then\s+|at\s+last\s+)?$")


# 'At the same moment Mr. Crawford, approaching Julia, said,': a phrase of time or place before
# the subject
_ADVERBIAL_OPENING_RE = re.compile(
    r"\s*(?:At|In|After|Before|For|On|Upon|Then|Now|Soon|Presently|During|Within|Here|There)\b"
    r"[^,;:.!?\"“”]{0,40}$")


def _parenthesised_subject(text: str, clause_start: int, mentions: list[Mention],
                           verb_start: int) -> Mention | None:
    """'Diana, going to the east gable, where Anne was standing, said gently:' / 'Isabella,
    embracing Catherine, thus began:': a name opening the clause (or a coordinate clause after
    ", and"), set off by a comma, and an aside closing with a comma right before the verb: the
    name is the subject, not the names inside the aside."""
    if not _BEFORE_VERB_AFTER_COMMA_RE.search(text[max(clause_start, verb_start - 20):verb_start]):
        return None
    for m in mentions:
        if m.end >= verb_start:
            return None
        # '…sent away, and Isabella, embracing Catherine, thus began:' opens a coordinate clause
        if _words_between(text, clause_start, m.start) > 2 and not _after_conjunction(text, m) \
                and not _ADVERBIAL_OPENING_RE.match(text, clause_start, m.start):
            continue
        if text[m.end:m.end + 3].lstrip(" ").startswith(",") and m.kind != "vocative":
            aside = text[m.end:verb_start]
            return m if aside.count(",") >= 2 else None
    return None


_CONJUNCTION_RE = re.compile(r",\s*(?:but|and|yet|so|then)\s+$")
_COORDINATE_OPENS_RE = re.compile(r"[,;]\s*(?:but|and|yet)\s+$")
_BARE_CONJUNCTION_RE = re.compile(r"[a-z]\s+(?:but|and)\s+$")
_CLAUSE_OPENS_RE = re.compile(r"[,;]\s*(?:and\s+|but\s+|then\s+|yet\s+|so\s+)?$")


def _after_conjunction(text: str, m: Mention, pattern: re.Pattern = _CONJUNCTION_RE) -> bool:
    """Does ``pattern`` (", and", ", but"…) end right before the mention?"""
    return pattern.search(text, max(0, m.start - 12), m.start) is not None


def _opens_clause(text: str, m: Mention) -> bool:
    """A mention set off by a comma or a semicolon ('…, and she continued'): another clause's
    subject, not an object inside a relative clause ('who had been eyeing Dr. Grant and Edmund')."""
    return _after_conjunction(text, m, _CLAUSE_OPENS_RE)


# "she leant behind her and Willoughby, and said": a name joined to an object is an object too
_OBJECT_AND_RE = re.compile(r"\b(?:her|him|them|me|us)\s+and\s+$")
_SUBORDINATOR_RE = re.compile(r"\b" + _TIME_CONJUNCTIONS + r"\s+$")
_NOMINATIVE = frozenset({"he", "she", "they", "we", "i"})


def _subordinate_subject(text: str, m: Mention) -> bool:
    """'Mr. Darcy, who …, was not unwilling to receive it, when she instantly drew back, and said':
    a pronoun opening a clause of time is that clause's subject, and the verb after it is hers."""
    return m.kind in ("pronoun", "narrator") and text[m.start:m.end].lower() in _NOMINATIVE \
        and _SUBORDINATOR_RE.search(text, max(0, m.start - 10), m.start) is not None


def _coordinate_subject(text: str, before: list[Mention], verb_start: int) -> Mention | None:
    """'I was becoming excited, but Poirot damped my ardour by remarking:': the subject of the
    last coordinate clause before the verb, not the sentence's first; also with no comma when the
    name stands right before the verb ('Mrs. Weston was disengaged and Emma began again--')."""
    for m in reversed(before[1:]):
        if re.search(r"[,;:—–]", text[m.end:verb_start]):
            return None
        if m.kind == "pronoun":
            continue
        if _after_conjunction(text, m) or (_after_conjunction(text, m, _BARE_CONJUNCTION_RE)
                                           and _words_between(text, m.end, verb_start) <= 1):
            return m
    return None


_PERCEPTION_RE = re.compile(r"\b(?:hear|hears|heard|hearing|overheard|saw|see|sees|listened\s+to)\s+$")


# 'Emma heard him almost immediately afterwards say to himself,': only adverbs between
_ADVERBS_ONLY_RE = re.compile(
    r"(?:\s+(?:[a-z]+ly|almost|just|afterwards|again|then|now|once|soon|still)){1,3}\s+")
# 'Mr. Beebe heard her kiss Lucy and say:': the one heard does something else first
_AND_THEN_RE = re.compile(r"(?:\s+[A-Za-z’'-]+){1,4}\s+and\s+")
_HEARD_SOMEONE_RE = re.compile(r"\b(?:hear|hears|heard|hearing|overheard)\s+"
                               r"(?:it|someone|somebody|one|a\s+voice)"
                               r"\s+$")


def _perceived(text: str, clause_start: int, m: Mention) -> bool:
    """'Alice heard the Rabbit say to itself,': the one heard speaks, not the one hearing."""
    return _PERCEPTION_RE.search(text, max(clause_start, m.start - 20), m.start) is not None


_SENTENCE_END_RE = re.compile("".join(rf"(?<!\b{a})" for a in _ABBREVIATIONS) + r"[.]|[!?]|[“\"”]")


_AND_CLAUSE_RE = re.compile(r",\s+(?:and|but)\s+(?:[^,;:.!?\"“”]*?,\s*)?[^,;:.!?\"“”]*$")
_FOLLOWED_BY_VERB_RE = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:[a-z]+ed|came|went|saw|met|took|gave|made|got|left"
                                  r"|sat|stood|ran|began|was|had|did|could|would)\b")


def _coordinated_from(text: str, lo: int, verb_start: int, index: MentionIndex) -> Mention | None:
    """'…when Miss Bingley came towards her, and with an expression of civil disdain thus accosted
    her,': a coordinate clause with no subject of its own shares the subject of the clause before
    it, the last name there followed by its verb."""
    window_lo = max(lo, verb_start - 250)
    ends = list(_SENTENCE_END_RE.finditer(text, window_lo, verb_start))
    sentence_start = ends[-1].end() if ends else window_lo
    joint = _AND_CLAUSE_RE.search(text, sentence_start, verb_start)
    if joint is None or index.within(joint.start(), verb_start):
        return None  # the clause names someone of its own
    named = [m for m in index.within(sentence_start, joint.start()) if m.kind in EXPLICIT_KINDS
             and _FOLLOWED_BY_VERB_RE.match(text, m.end) and not _after_preposition(text, m)
             and not re.search(r"\b(?:that|whether|if|than)\s+$", text[max(0, m.start - 10):m.start])]
    return named[-1] if named else None


_RELATION_CLAUSE_RE = re.compile(r"[,;]\s*(?:and|but|while|whilst|when)\s+((?:his|her|their)\s+"
                                 r"(?:[a-z’'-]+\s+){0,2}?([a-z-]+))\b")


def _related_clause_subject(text: str, clause_start: int, verb_start: int,
                            mentions: list[Mention]) -> Mention | None:
    """A relative who opens the verb's own coordinate or subordinate clause ('said Lucy, while her
    brother, in whose memory the boiled egg had already grown unsubstantial, exclaimed'), when no
    name or subject pronoun stands between them and the verb."""
    found = [m for m in _RELATION_CLAUSE_RE.finditer(text, clause_start, verb_start)
             if m.group(2).lower() in RELATION_GENDER]
    if not found:
        return None
    last = found[-1]
    if any(last.end() <= m.start < verb_start and (m.kind in EXPLICIT_KINDS
                                                   or text[m.start:m.end].lower() in _SUBJECT_PRONOUNS)
           for m in mentions):
        return None
    return Mention(last.start(1), last.end(2), None, "epithet")


_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
_CLAUSE_OPENER_RE = re.compile(r"\s*(?:but|and|yet|so|then|while)?\s*$")


def _clause_opener(text: str, clause_start: int, verb_start: int, mentions: list[Mention]) -> Mention | None:
    """'…; but Edmund, after waiting a moment, obliged her to bring down her mind from its
    heavenly flight by saying,': the name that opens the verb's clause, however far off."""
    first = next((m for m in mentions if m.start < verb_start), None)
    if first is None or first.kind not in EXPLICIT_KINDS \
            or not _CLAUSE_OPENER_RE.fullmatch(text, clause_start, first.start):
        return None
    if any(m.start > first.start and text[m.start:m.end].lower() in _SUBJECT_PRONOUNS
           for m in mentions if m.start < verb_start):
        return None  # '…and Elizabeth at that instant moving towards them, he was struck …'
    return first


_DESCRIBED_OPENER_RE = re.compile(r"(?:[Tt]he|An?)\s+(?:[a-z’'-]+\s+){0,2}?([a-z’'-]+)\b")


def _described_opener(text: str, lo: int, verb: re.Match, index: MentionIndex) -> Mention | None:
    """'A man leaned over from the other side of the seat and asked in English:': a description
    of a person that opens the sentence is the subject of its "and asked", when nobody else is
    named in between."""
    window_lo = max(lo, verb.start() - 200)
    ends = list(_SENTENCE_END_RE.finditer(text, window_lo, verb.start()))
    sentence_start = _LEADING_SPACE_RE.match(text, ends[-1].end() if ends else window_lo).end()
    m = _DESCRIBED_OPENER_RE.match(text, sentence_start, verb.start())
    if m is None or m.group(1) not in PERSON_NOUNS or index.within(m.end(), verb.start()):
        return None
    if not re.search(r"\sand\s+(?:(?:then|at\s+once|[a-z]+ly)\s+)?$", text[m.end():verb.start()]):
        return None
    return Mention(m.start(), m.end(), None, "epithet")


def _sentence_subject(text: str, lo: int, verb_start: int, index: MentionIndex) -> Mention | None:
    """'Mr. Collins was gratified; and with a more smiling solemnity replied,': the verb's clause
    has no subject of its own, so it is the sentence's: a name that opens the sentence."""
    window_lo = max(lo, verb_start - 250)
    ends = list(_SENTENCE_END_RE.finditer(text, window_lo, verb_start))
    sentence_start = ends[-1].end() if ends else window_lo
    mentions = index.within(sentence_start, verb_start)
    if mentions and mentions[0].kind == "pronoun":
        return _main_clause_subject(text, sentence_start, verb_start, index)
    if not mentions or mentions[0].kind not in EXPLICIT_KINDS:  # pronouns this far off misread
        return None
    first = mentions[0]
    if _words_between(text, sentence_start, first.start) > 3:
        return None
    # '…begged her ladyship to take some refreshment; but Lady Catherine very resolutely …
    # declined eating any thing; and then rising up, said': the verb belongs to the last
    # coordinate clause that names its subject
    later = [m for m in mentions[1:] if m.kind in EXPLICIT_KINDS
             and _after_conjunction(text, m, _COORDINATE_OPENS_RE)]
    return later[-1] if later else first


def _main_clause_subject(text: str, sentence_start: int, verb_start: int, index: MentionIndex
                         ) -> Mention | None:
    """'When she awoke, Adela had ceased to plan, and leant out of a window, saying,': a
    subordinate clause opens the sentence; the name right after its comma is the subject."""
    comma = text.find(",", sentence_start, verb_start)
    if comma < 0 or _words_between(text, sentence_start, comma) > 8:
        return None
    after = [m for m in index.within(comma, verb_start) if m.kind in EXPLICIT_KINDS]
    if not after or _words_between(text, comma, after[0].start) > 0:
        return None
    return after[0]
