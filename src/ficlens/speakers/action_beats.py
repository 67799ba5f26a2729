"""Action beats in fan fiction: '"Good." But Tsukishima stood up anyway.' names who said it.

Fan fiction, like most prose written since writing guides taught "use beats, not tags", gives
an untagged line to the one whose action shares its paragraph: a paragraph is one character's.
The nineteenth-century novels the scorer learned from do not (there, "Syme suddenly took off his
hat." after a line is as often the listener's reaction; on PDNC such a subject is the speaker of
58 % of the untagged lines, and where it and the scorer disagree the scorer is right 90 times to
20). So the beat settles a line only in a work that shows it is fan fiction (a fan fiction
site's download, AO3 tags, an author's note or disclaimer, a "Y/N" reader, or a fandom's canon
cast) or reads as prose of today (tags mostly in the present tense, "she says"; or the words of
today's life, "okay", "phone", "couch", which no PDNC novel uses more than once in 10,000 words),
and it does so before decoding, so the exchange around it is counted from it like a tag."""

from __future__ import annotations

import re

from ficlens.characters.coref import speaking_subject
from ficlens.characters.epithets import GENERIC
from ficlens.characters.kinship import FAMILY
from ficlens.language.verbs import SPEECH_VERBS
from ficlens.model import Mention, Work
from ficlens.speakers.context import subject_mentions_around
from ficlens.speakers.scorer import settled
from ficlens.speakers.tags import MentionIndex, Tag

_FAN_FORMATS = ("ao3-", "ffn-", "fanficfare-", "fanfictionnlp-")
_FAN_METADATA = ("fandoms", "relationships", "warnings", "rating", "kudos")
_FAN_NOTES = ("author_note", "disclaimer")
# '…and said, ‘Come, nephew…,’ he had very nearly wept': a line the sentence before it tags
_SAID_BEFORE_RE = re.compile(r"\b([a-z]+)[,:]\s*$")
# "She could feel him smile.": the subject perceives; the one perceived may be the speaker
_PERCEIVES_RE = re.compile(r"\s+(?:could\s+|can\s+|did\s+not\s+|didn[’']t\s+)?"
                           r"(?:feel|felt|hear|heard|see|saw|watch|watched|notice|noticed|sense|sensed"
                           r"|feels|hears|sees|watches|notices|senses)\b")


def is_fan_fiction(work: Work) -> bool:
    """Does the work show it is fan fiction (see the module docstring)? Decided once per work."""
    known = work.runtime.get("speakers.fan_fiction")
    if known is None:
        known = work.runtime["speakers.fan_fiction"] = _shows_fan_fiction(work)
    return known


def _shows_fan_fiction(work: Work) -> bool:
    if str(work.source.get("format", "")).startswith(_FAN_FORMATS):
        return True
    if any(work.metadata.get(key) for key in _FAN_METADATA):
        return True
    if any(c.name == "Y/N" for c in work.characters):
        return True   # a reader-insert: "Y/N" is written nowhere else
    if any(n.kind in _FAN_NOTES for n in work.notes) or work.runtime.get("characters.fandoms"):
        return True
    return reads_as_contemporary(work.text)


# words of today's life (a novel of 1900 has a "telephone", not a "phone")
_TODAY_RE = re.compile(r"\b(?:okay|OK|phone|phones|texted|texting|laptop|TV|computer|internet|yeah|gonna"
                       r"|wanna|hoodie|jeans|fridge|shower|elevator|couch|email|selfie|guys|kinda|sorta"
                       r"|dude|mom|Mom)\b")
_TAG_NOW_RE = re.compile(r"\b(?:he|she|I|[A-Z][a-z]+) (says|asks|replies|mutters|grins|sighs|laughs|snorts"
                         r"|nods|shrugs|smiles|rolls|looks|turns)\b")
_TAG_THEN_RE = re.compile(r"\b(?:he|she|I|[A-Z][a-z]+) (said|asked|replied|muttered|grinned|sighed|laughed"
                          r"|snorted|nodded|shrugged|smiled|rolled|looked|turned)\b")
_TODAY_PER_10K = 12      # PDNC's novels: at most 0.9; LitBank's at most 7; the stories 15 to 200
_SAMPLE = 100_000
_PRESENT_SHARE = 0.65    # Huckleberry Finn's "says I" reaches 0.51; present-tense stories 0.7 to 0.95


def reads_as_contemporary(text: str) -> bool:
    """Is the work written like prose of today: its tags mostly in the present tense ("she
    says"), or its narration full of the words of today's life? Its first 100,000 characters
    say (a novel's style is plain by then, and the check stays cheap)."""
    text = text[:_SAMPLE]
    today = len(_TODAY_RE.findall(text))
    if today >= 3 and today * 10_000 >= _TODAY_PER_10K * max(1, len(text.split())):
        return True
    now, then = len(_TAG_NOW_RE.findall(text)), len(_TAG_THEN_RE.findall(text))
    return now >= 10 and now >= _PRESENT_SHARE * (now + then)


def settle_action_beats(work: Work, turns, tags: list[Tag | None], decided, layout,
                        index: MentionIndex, addressed: dict[int, set[str]]) -> int:
    """Give each untagged line of a fan fiction work the one character its paragraph's narration
    has as sentence subject beside it (the last before the line, the first after it), when those
    agree and no line of the paragraph calls that character by name. Returns how many lines it settled."""
    if not is_fan_fiction(work):
        return 0
    quotes = work.quotes
    tagged_groups = {q.group for qi, q in enumerate(quotes) if q.group is not None and tags[qi]}
    turn_of = {qi: turn for turn in turns for qi in turn.quotes}
    unnamed = {c.id for c in work.characters if c.name[:4].lower() == "the "}
    done = 0
    for qi, q in enumerate(quotes):
        if tags[qi] is not None or q.group in tagged_groups or settled(decided[qi][1], None):
            continue
        turn = turn_of[qi]
        following = quotes[qi + 1].start if qi + 1 < len(quotes) else len(work.text)
        said = _SAID_BEFORE_RE.search(work.text, max(0, q.start - 30), q.start)
        if said is not None and said.group(1) in SPEECH_VERBS:
            continue
        around = subject_mentions_around(work, layout, index, turn.paragraph, q, following)
        if around == (None, None):
            continue
        lo, hi = layout.paragraphs[turn.paragraph]
        subjects = [m for m in index.within(lo, hi) if speaking_subject(work.text, m.start)]
        if any(_POSSESSIVE_RE.match(work.text, m.start) for m in subjects):
            continue   # "Her brother emerged": the brother acts, whom "her" does not name
        who = {m.character for m in subjects}
        if len(who) != 1 or None in who \
                or any(_perceives(work.text, m) or _anyone(work.text, m, unnamed) for m in subjects):
            continue   # two people act in the paragraph, or someone only perceives, or "the man"
        actor = who.pop()
        if any(m.kind == "pronoun" and _named_later_in_sentence(work.text, index, m) for m in subjects):
            continue   # "She withdrew her hand and propelled Penelope forward": she is not Penelope
        if any(actor in addressed.get(qj, ()) for qj in turn.quotes):
            continue   # a line of the paragraph calls them by name: they listen
        decided[qi] = (actor, "action_beat")
        if turn.quotes[0] == qi:
            turn.speaker, turn.evidence = actor, "action_beat"
        done += 1
    return done


_POSSESSIVE_RE = re.compile(r"(?:[Hh]er|[Hh]is|[Tt]heir|[Mm]y)\s+(?:(?:older|younger|little|big|best)\s+)?"
                            rf"(?:{'|'.join(sorted(FAMILY))}|friend|partner|boyfriend|girlfriend|roommate|boss"
                            r"|mom|dad|mum|grandma|grandpa|twin)\b")


_SENTENCE_REST_RE = re.compile(r"[^.!?“”\"]*")


def _named_later_in_sentence(text: str, index: MentionIndex, m: Mention) -> bool:
    """Does the pronoun's own sentence go on to name the character it was resolved to? A
    subject pronoun is never the person its clause names ("She … propelled Penelope forward")."""
    rest = _SENTENCE_REST_RE.match(text, m.end)
    return any(o.character == m.character and o.kind not in ("pronoun", "relation")
               for o in index.within(m.end, rest.end()))


def _anyone(text: str, m: Mention, unnamed: set[str]) -> bool:
    """A word for anyone ("the man", "the girl") that coreference gave a named character: a
    guess a beat cannot settle. The young woman a tag made a character of her own is herself."""
    return m.kind == "epithet" and m.character not in unnamed \
        and text[m.start:m.end].split()[-1].lower() in GENERIC


def _perceives(text: str, m: Mention) -> bool:
    """Is the subject only perceiving ("She could feel him smile", "Harry heard her sigh")?"""
    return bool(_PERCEIVES_RE.match(text, m.end))
