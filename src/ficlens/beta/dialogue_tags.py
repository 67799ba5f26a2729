"""Dialogue tags  off the text around each quote, with the punctuation a beta reader checks.

``"Hello," she hissed.`` → subject "she", verb "hissed" (a said-bookism), the comma inside the
closing mark. Read from the characters around the quote rather than the speakers stage's tag, so the
punctuation rules see exactly what the writer typed; the verb lexicons below classify the verb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ficlens.model import Quote, Work
from ficlens.pov.cast import CastIndex

PLAIN = frozenset(
    re.findall(r"\w+", "said says say asked asks ask replied replies answered answers told tells")
)
ACCEPTED = frozenset(
    re.findall(
        r"\w+",
        """
    whispered whispers murmured murmurs muttered mutters called calls shouted shouts yelled yells cried
    cries explained explains began begins continued continues added adds repeated repeats agreed agrees
    admitted admits insisted insists demanded demands suggested suggests mumbled mumbles stammered
    stammers stuttered stutters interrupted interrupts responded responds declared declares announced
    announces protested protests inquired inquires enquired enquires remarked remarks warned warns
    promised promises corrected corrects conceded concedes confirmed confirms reminded reminds argued
    argues countered counters teased teases joked jokes confessed confesses screamed screams pleaded
    pleads begged begs prompted prompts urged urges commanded commands wondered wonders mused muses
    exclaimed exclaims retorted retorts echoed echoes concurred concurs greeted greets""",
    )
) | {"pointed out", "points out"}
BOOKISMS = frozenset(
    re.findall(
        r"\w+",
        """
    hissed hisses growled growls snarled snarls barked barks spat spits purred purrs drawled drawls chirped
    chirps quipped quips chortled chortles intoned intones opined opines sneered sneers scoffed scoffs
    snorted snorts huffed huffs laughed laughs chuckled chuckles giggled giggles sighed sighs groaned
    groans moaned moans gasped gasps whined whines whimpered whimpers squeaked squeaks squealed squeals
    roared roars bellowed bellows grumbled grumbles grunted grunts cooed coos crooned croons sang sings
    snapped snaps breathed breathes hummed hums trilled trills gushed gushes sniffed sniffs sobbed sobs
    cackled cackles tutted tuts simpered simpers ejaculated""",
    )
)
SILENT = frozenset(
    re.findall(
        r"\w+",
        """
    smiled smiles smirked smirks grinned grins nodded nods shrugged shrugs frowned frowns beamed beams
    winced winces blinked blinks glared glares grimaced grimaces pouted pouts winked winks scowled scowls
    waved waves gestured gestures shook shakes tilted tilts looked looks leaned leans turned turns
    pointed points stared stares rolled rolls raised raises""",
    )
)
ACTIONS = frozenset(
    re.findall(
        r"\w+",
        """walked walks stood stands sat sits left leaves ran runs moved moves stepped steps reached
    reaches grabbed grabs pulled pulls pushed pushes opened opens closed closes took takes threw throws
    picked picks put puts walked headed heads slammed slams""",
    )
)
NOT_ADVERBS = frozenset(
    re.findall(
        r"\w+",
        """only early family silly ugly holy lonely reply supply apply fly finally eventually
    suddenly immediately belatedly instantly
    belly rally jelly bully lovely daily likely friendly""",
    )
)

_SUBJ = (
    r"(?P<subj>[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e|[Yy]ou|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?|[Tt]he\s(?:[\w-]+\s)?[\w-]+)"
)
_AFTER = re.compile(_SUBJ + r"\s+(?:(?P<adv1>[a-z]+ly)\s+)?(?P<verb>[a-z]+)\b(?:\s+(?P<adv2>[a-z]+ly)\b)?")
_INVERTED = re.compile(
    r"(?P<verb>said|asked|replied|answered|whispered|muttered|murmured|called|shouted|"
    r"cried|added|continued|hissed|growled|snapped)\s+(?P<subj>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?"
    r"|he|she|they)\b(?:,?\s+(?P<adv2>[a-z]+ly)\b)?"
)
_BEFORE = re.compile(
    _SUBJ + r"\s+(?:(?P<adv1>[a-z]+ly)\s+)?(?P<verb>[a-z]+)\b(?P<rest>[^.!?\n\"“”]{0,80}),[ \t]*\Z"
)
CLOSERS = "\"”’'"
OPENERS = "\"“‘'"


@dataclass
class DialogueTag:
    """A tag (or beat punctuated as one) next to a quote."""

    quote: Quote
    position: str  # after | inverted | before
    start: int  # the tag's span in work.text
    end: int
    subject: str
    verb: str
    adverb: str | None
    inner_last: str  # the last character inside the quote marks ("," "." "?" ...)
    after_comma: bool  # a comma right after the closing mark: ``"Hello", she said``
    character: str | None = None

    @property
    def kind(self) -> str:
        """plain | accepted | bookism | silent | other."""
        verb = self.verb.lower()
        for name, words in (
            ("plain", PLAIN),
            ("accepted", ACCEPTED),
            ("bookism", BOOKISMS),
            ("silent", SILENT),
        ):
            if verb in words:
                return name
        return "other"

    @property
    def is_speech_tag(self) -> bool:
        return self.kind in ("plain", "accepted", "bookism")


def _close_mark(text: str, quote: Quote) -> int | None:
    """Index of the quote's closing mark (span may or may not include the marks)."""
    if quote.end - 1 >= 0 and text[quote.end - 1 : quote.end] in CLOSERS and quote.end - 1 > quote.start:
        return quote.end - 1
    if text[quote.end : quote.end + 1] in CLOSERS and text[quote.end : quote.end + 1]:
        return quote.end
    return None


def _open_mark(text: str, quote: Quote) -> int | None:
    if text[quote.start : quote.start + 1] in OPENERS and text[quote.start : quote.start + 1]:
        return quote.start
    if quote.start > 0 and text[quote.start - 1] in OPENERS:
        return quote.start - 1
    return None


def _adverb(match: re.Match[str]) -> str | None:
    for group in ("adv1", "adv2"):
        word = match.groupdict().get(group)
        if word and word.lower() not in NOT_ADVERBS:
            return word
    return None


def _resolve(cast: CastIndex, subject: str, offset: int) -> str | None:
    lower = subject.lower()
    if lower in ("he", "she", "they"):
        return cast.resolve_pronoun(offset, lower)
    return cast.lookup(subject)


def find_tags(work: Work, quotes: list[Quote], cast: CastIndex) -> list[DialogueTag]:
    """Tags after each quote (``"..." she said`` / ``"..." said Anna``) and beats before it."""
    tags: list[DialogueTag] = []
    for quote in quotes:
        if quote.marks not in ("double", "single"):
            continue
        for found in (_tag_after(work.text, quote, cast), _beat_before(work.text, quote, cast)):
            if found is not None:
                tags.append(found)
    return tags


def _tag_after(text: str, quote: Quote, cast: CastIndex) -> DialogueTag | None:
    """``"Hello," she said`` / ``"Hello," said Anna`` / ``"Hello", he said``."""
    close = _close_mark(text, quote)
    if close is None:
        return None
    inner_last = text[close - 1] if close > quote.start else ""
    after = close + 1
    after_comma = text[after : after + 1] == ","
    cursor = after + (1 if after_comma else 0)
    gap = re.match(r"[ \t]*", text[cursor : cursor + 10])
    cursor += gap.end() if gap else 0
    if cursor == after and not after_comma:
        return None  # no space after the closing mark: not a tag
    for pattern, position in ((_INVERTED, "inverted"), (_AFTER, "after")):
        match = pattern.match(text, cursor, min(len(text), cursor + 120))
        if not match or (position == "after" and _looks_like_new_sentence(match, inner_last)):
            continue
        verb = match.group("verb")
        if text.startswith(" out", match.end("verb")) and verb.lower() in ("pointed", "points"):
            verb += " out"
        subject = match.group("subj")
        return DialogueTag(
            quote,
            position,
            match.start(),
            match.end(),
            subject,
            verb,
            _adverb(match),
            inner_last,
            after_comma,
            _resolve(cast, subject, match.start("subj")),
        )
    return None


def _beat_before(text: str, quote: Quote, cast: CastIndex) -> DialogueTag | None:
    """``He smiled, "Hello."``: a subject + verb clause ending in a comma right before the quote."""
    opening = _open_mark(text, quote)
    if opening is None:
        return None
    line_start = text.rfind("\n", 0, opening) + 1
    window_start = max(line_start, opening - 160)
    segment_start = max(text.rfind(mark, window_start, opening) for mark in (". ", "? ", "! "))
    lo = segment_start + 2 if segment_start >= window_start else window_start
    match = _BEFORE.match(text, lo, opening)
    if not match or _names_speech(match.group("rest")):
        return None
    subject = match.group("subj")
    return DialogueTag(
        quote,
        "before",
        match.start(),
        match.end("rest"),
        subject,
        match.group("verb"),
        _adverb(match),
        "",
        False,
        _resolve(cast, subject, match.start("subj")),
    )


def _names_speech(words: str) -> bool:
    """Whether a beat's tail already holds a speech verb ("He turned to her and said,")."""
    return any(w in PLAIN or w in ACCEPTED or w in BOOKISMS for w in re.findall(r"[a-z]+", words.lower()))


def _looks_like_new_sentence(match: re.Match[str], inner_last: str) -> bool:
    """``"Go." The door slammed.`` / ``"Go." He sighed.`` are narration, not tags: a capitalised
    word after a period (or a capitalised pronoun or "The" after ? or !) not followed by a plain
    speech verb. ``"Why?" Anna snapped.`` stays a tag: names are capitalised anyway."""
    subject = match.group("subj")
    if inner_last not in ".!?" or not subject[0].isupper():
        return False
    if inner_last in "!?" and subject.split()[0].lower() not in ("he", "she", "they", "we", "you", "the"):
        return False
    verb = match.group("verb").lower()
    return verb not in PLAIN and verb not in ACCEPTED
