"""Interiority cues a reader uses to know whose head a scene is in.

Lexicon + regex over narration outside quotes (no parsing): the subject of a thought, perception
or feeling verb ("he realised", "Watson noticed", "she couldn't help thinking"), a body-feeling
("his heart pounded"), a thought quote attributed by the speakers stage, and free indirect
discourse (a question or exclamation in narration right after that character's interiority).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache

from ficlens.model import Work
from ficlens.pov.cast import CastIndex
from ficlens.pov.narration import narration_ranges

THOUGHT_VERBS = (
    "thought wondered realized realised knew remembered decided wished hoped believed suspected "
    "imagined understood figured considered pondered mused reasoned recalled doubted guessed supposed "
    "assumed worried feared longed regretted dreaded thinks wonders realizes realises knows remembers "
    "decides wishes hopes believes suspects imagines understands worries fears thinking wondering "
    "reflected reflects wanted wants craved craves"
)
PERCEPTION_VERBS = (
    "noticed saw heard sensed smelled smelt tasted spotted glimpsed registered observed "
    "notices sees hears senses smells tastes spots registers observes"
)
FEELING_VERBS = "felt feels feel feeling"
_VERB_KIND = {
    **dict.fromkeys(THOUGHT_VERBS.split(), "thought_verb"),
    **dict.fromkeys(PERCEPTION_VERBS.split(), "perception"),
    **dict.fromkeys(FEELING_VERBS.split(), "feeling"),
}
_MODIFIERS = (
    r"(?:had|has|could|did|didn't|couldn't|could\s+not|can|can't|cannot|suddenly|finally|"
    r"only|just|still|also|already|never|not|was|were|is|am|are|vaguely|dimly|slowly|"
    r"abruptly|briefly|absently|distantly|help|but|couldn't\s+help|n't|barely|hardly|"
    r"immediately|instantly|then|now|really|somehow|almost|began\s+to|started\s+to)"
)
_BODY_PARTS = r"heart|stomach|chest|throat|pulse|breath|mind|gut|thoughts|cheeks|face|skin|blood|insides"
_BODY_VERBS = (
    r"\w+ed|sank|sinks|went|goes|swam|spun|spins|ached|aches|beat|beats|caught|catches|"
    r"froze|freezes|raced|races|pounded|pounds|leapt|leaps|burned|burns|burnt|ran|runs|stuttered|"
    r"stopped|hammered|lurched|twisted|flipped|fluttered|tightened|hitched|skipped|flushed|reeled|"
    r"whirled|churned|clenched|dropped|warmed|heated|prickled|crawled|turned|filled|swelled"
)
_STATES = (
    r"sure|certain|glad|afraid|relieved|grateful|ashamed|embarrassed|furious|terrified|worried|aware|"
    r"convinced|tempted|desperate|determined|disappointed|jealous|nervous|anxious|lonely|homesick|"
    r"curious|confused|startled|thrilled|miserable|guilty|torn"
)
SUBJECT_PRONOUNS = ("he", "she", "they", "i")


@lru_cache(maxsize=64)
def _patterns(names: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(subject + interiority verb, possessive + body part + verb, subject + inner state) for this
    cast's names."""
    name_alt = "|".join(re.escape(n) for n in names)
    subject = r"\b(?:[Hh]e|[Ss]he|[Tt]hey|I" + (f"|{name_alt}" if name_alt else "") + r")\b"
    verbs = "|".join(sorted(_VERB_KIND, key=len, reverse=True))
    interiority = re.compile(rf"(?P<subj>{subject})(?:\s+{_MODIFIERS}){{0,3}}\s+(?P<verb>{verbs})\b")
    possessive = r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y" + (f"|(?:{name_alt})['’]s" if name_alt else "") + r")\b"
    body = re.compile(
        rf"(?P<poss>{possessive})\s+(?:own\s+)?(?P<part>{_BODY_PARTS})\s+"
        rf"(?:\w+ly\s+)?(?P<verb>{_BODY_VERBS})\b"
    )
    state = re.compile(
        rf"(?P<subj>{subject})(?:['’]s|\s+(?:is|was|isn't|wasn't|is\s+not|was\s+not|felt|feels))\s+"
        rf"(?:(?:not|so|very|too|almost|suddenly|completely|absolutely|quite|a\s+little|oddly|strangely)\s+)?"
        rf"(?P<state>{_STATES})\b"
    )
    return interiority, body, state


def _cast_names(cast: CastIndex) -> tuple[str, ...]:
    """Capitalised names to match as subjects (longest first)."""
    return tuple(sorted(cast.display_names, key=len, reverse=True))


def _subject_character(cast: CastIndex, text: str, start: int, narrator: str | None) -> str | None:
    word = text.casefold()
    if word == "i" or word == "my":
        return narrator
    if word in ("he", "she", "they", "his", "her", "their"):
        return cast.resolve_pronoun(start, word)
    word = re.sub(r"['’]s$", "", word)
    return cast.lookup(word)


_CLAUSE_OPENERS = frozenset(["and", "but", "then", "so", "yet", "now", "still", "suddenly", "finally"])


_PRONOUNS = frozenset(["he", "she", "they", "i"])
_AS_IF = re.compile(r"\b(?:as\s+if|as\s+though)\s*$", re.IGNORECASE)


def _not_their_mind(text: str, subject: str, subject_start: int, floor: int) -> bool:
    """Cues that report someone else's mind from outside: "as if he knows", "glad when Sherlock
    decides"."""
    if _AS_IF.search(text, max(floor, subject_start - 12), subject_start):
        return True
    return subject.lower() not in _PRONOUNS and _subordinate(text, subject_start, floor)


def _subordinate(text: str, subject_start: int, floor: int) -> bool:
    """Whether a named subject sits inside another clause ("glad when Sherlock decides", "doubts
    Sherlock would"): there it is usually the viewpoint character's inference about someone else.
    (A pronoun there, "before he realised", is still the viewpoint character's own mind.)"""
    before = text[max(floor, subject_start - 30) : subject_start].rstrip()
    if not before or not before[-1].isalpha():
        return False
    word = re.findall(r"[A-Za-z']+$", before)
    return bool(word) and word[0].lower() not in _CLAUSE_OPENERS


def interiority_evidence(
    work: Work, cast: CastIndex, start: int, end: int, narrator: str | None = None
) -> list[dict]:
    """Evidence spans ``{start, end, kind, character}`` in narration of ``[start, end)``."""
    names = _cast_names(cast)
    interiority, body, state = _patterns(names)
    found: list[dict] = []
    text = work.text
    for lo, hi in narration_ranges(work, start, end):
        for match in interiority.finditer(text, lo, hi):
            subj = match.group("subj")
            if _not_their_mind(text, subj, match.start("subj"), lo):
                continue
            char = _subject_character(cast, subj, match.start("subj"), narrator)
            if char:
                found.append(
                    {
                        "start": match.start(),
                        "end": match.end(),
                        "kind": _VERB_KIND[match.group("verb").lower()],
                        "character": char,
                    }
                )
        for match in body.finditer(text, lo, hi):
            char = _subject_character(cast, match.group("poss"), match.start("poss"), narrator)
            if char:
                found.append(
                    {"start": match.start(), "end": match.end(), "kind": "feeling", "character": char}
                )
        for match in state.finditer(text, lo, hi):
            subj = match.group("subj")
            if _not_their_mind(text, subj, match.start("subj"), lo):
                continue
            char = _subject_character(cast, match.group("subj"), match.start("subj"), narrator)
            if char:
                found.append(
                    {"start": match.start(), "end": match.end(), "kind": "feeling", "character": char}
                )
    for quote in work.quotes:
        if quote.mode == "thought" and quote.speaker and start <= quote.start < end and _thought_tag(quote):
            found.append(
                {"start": quote.start, "end": quote.end, "kind": "thought", "character": quote.speaker}
            )
    found.sort(key=lambda e: e["start"])
    found.extend(_free_indirect(work, start, end, found))
    found.sort(key=lambda e: e["start"])
    return found


def _thought_tag(quote) -> bool:
    """A thought quote counts only with a thinking tag ("Idiot, he thought"): untagged italics are
    as often text messages, letters or emphasis as thoughts."""
    verb = str((quote.tag or {}).get("verb") or "").lower()
    return _VERB_KIND.get(verb) == "thought_verb"


_FID_END = re.compile(r"[?!]+")
_FID_STOPS = ".!?\"“”\n"
FID_MAX = 200  # characters of narration before the "?" or "!" that make the question


def _fid_spans(text: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """Questions/exclamations in narration ``[lo, hi)``: from the last sentence stop (at most
    FID_MAX characters back) to the run of "?"/"!". Searching for the "?" first and looking back
    is linear; a regex that tried a 200-character run at every offset was a third of the stage."""
    floor = lo
    for end_match in _FID_END.finditer(text, lo, hi):
        q = end_match.start()
        start = max(floor, q - FID_MAX)
        stop = max(text.rfind(c, start, q) for c in _FID_STOPS)
        start = max(start, stop + 1)
        floor = end_match.end()
        if q - start >= 3:
            yield start, end_match.end()


def _free_indirect(work: Work, start: int, end: int, anchors: list[dict], reach: int = 300) -> list[dict]:
    """Questions/exclamations in narration shortly after a character's interiority."""
    if not anchors:
        return []
    out: list[dict] = []
    starts = [a["start"] for a in anchors]

    for lo, hi in narration_ranges(work, start, end):
        for m_start, m_end in _fid_spans(work.text, lo, hi):
            i = bisect.bisect_left(starts, m_start) - 1
            if i >= 0 and m_start - anchors[i]["end"] <= reach:
                segment = work.text[m_start:m_end]
                s = m_start + len(segment) - len(segment.lstrip())
                out.append({"start": s, "end": m_end, "kind": "fid", "character": anchors[i]["character"]})
    return out
