"""Tense drift: a scene whose narration slips between past and present tense.

Counts subject + verb pairs in narration outside quotes and italics (thoughts are often present
tense on purpose) against a lexicon of common verbs' past, third-person present and base forms.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ficlens.beta.context import BetaContext
from ficlens.beta.registry import rule
from ficlens.model import Finding

# base 3sg past, for verbs common in narration (ambiguous ones like put/let/read are left out)
_VERBS = """
have has had|do does did|say says said|go goes went|come comes came|look looks looked|turn turns turned|
walk walks walked|know knows knew|think thinks thought|feel feels felt|see sees saw|take takes took|
get gets got|make makes made|smile smiles smiled|nod nods nodded|ask asks asked|tell tells told|
give gives gave|stand stands stood|sit sits sat|run runs ran|want wants wanted|seem seems seemed|
leave leaves left|hear hears heard|find finds found|hold holds held|bring brings brought|begin begins began|
keep keeps kept|start starts started|try tries tried|pull pulls pulled|open opens opened|shake shakes shook|
laugh laughs laughed|sigh sighs sighed|grin grins grinned|shrug shrugs shrugged|step steps stepped|
move moves moved|reach reaches reached|watch watches watched|wait waits waited|push pushes pushed|
fall falls fell|speak speaks spoke|answer answers answered|reply replies replied|whisper whispers whispered|
lean leans leaned|frown frowns frowned|close closes closed|stare stares stared|glance glances glanced|
need needs needed|like likes liked|love loves loved|hate hates hated|wonder wonders wondered|
realize realizes realized|realise realises realised|notice notices noticed|remember remembers remembered|
decide decides decided|sleep sleeps slept|eat eats ate|drink drinks drank|write writes wrote|
grab grabs grabbed|pick picks picked|throw throws threw|catch catches caught|kiss kisses kissed|
touch touches touched|climb climbs climbed|smirk smirks smirked|roll rolls rolled|sink sinks sank|
drop drops dropped|rise rises rose|wake wakes woke|lie lies lay|follow follows followed|call calls called"""
SUBJECTS_3SG = frozenset(["he", "she", "it"])
MIN_VERBS = 12
MIN_MINORITY = 4
MIN_SHARE = 0.25
_COMMENTARY = frozenset(
    [
        "am",
        "are",
        "have",
        "do",
        "say",
        "call",
        "know",
        "think",
        "want",
        "believe",
        "suppose",
        "hope",
        "remember",
        "mean",
        "feel",
        "need",
        "like",
        "wonder",
    ]
)


@lru_cache(maxsize=1)
def verb_forms() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(base forms, third-person present forms, past forms)."""
    base, third, past = set(), set(), set()
    for entry in _VERBS.replace("\n", "").split("|"):
        b, t, p = entry.split()
        base.add(b)
        third.add(t)
        past.add(p)
    return frozenset(base - past), frozenset(third - past), frozenset(past)


def _pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    alt = "|".join(re.escape(n) for n in names)
    subject = r"I|[Hh]e|[Ss]he|[Ii]t|[Tt]hey|[Ww]e|[Yy]ou" + (f"|{alt}" if alt else "")
    return re.compile(rf"\b(?P<subj>{subject})\s+(?:[a-z]+ly\s+)?(?P<verb>[a-z]+)\b")


def classify(subject: str, verb: str) -> str | None:
    """``past``, ``present`` or None for a subject + verb pair."""
    base, third, past = verb_forms()
    subj = subject.lower()
    if subj == "it":
        return None  # "it is still a matter of wonder": generic, either tense
    if subj in ("i", "we", "they", "you") and verb in _COMMENTARY:
        return None  # "I say", "as we call it", "I am not going to relate": the narrator's aside
    if verb in past or (verb == "was" and subj != "you") or verb == "were":
        return "past"
    if verb in ("am", "is", "are"):
        return "present"
    singular = subj in SUBJECTS_3SG or (subject[0].isupper() and subj not in ("i", "they", "we", "you"))
    if singular and verb in third:
        return "present"
    if not singular and verb in base:
        return "present"
    return None


_HYPOTHETICAL = re.compile(r"\b(?:if|wish|wishes|wished|unless|though|whether)\s*$", re.IGNORECASE)


def _hypothetical(text: str, subject_start: int, floor: int) -> bool:
    """ "if he did", "wishes she knew": the past form there is a subjunctive, not a tense slip."""
    return bool(_HYPOTHETICAL.search(text, max(floor, subject_start - 12), subject_start))


def _outside(ranges: list[tuple[int, int]], italics: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    for lo, hi in ranges:
        cursor = lo
        for i_start, i_end in italics:
            if i_end <= cursor or i_start >= hi:
                continue
            if i_start > cursor:
                yield cursor, i_start
            cursor = max(cursor, i_end)
        if cursor < hi:
            yield cursor, hi


@rule("tense-drift", "a scene whose narration switches between past and present tense")
def tense_drift(ctx: BetaContext) -> Iterator[Finding]:
    pattern = _pattern(tuple(sorted(ctx.cast.display_names, key=len, reverse=True)))
    italics = sorted((s.start, s.end) for s in ctx.work.italics)
    for scene in ctx.scenes:
        ranges = [
            (max(lo, scene.start), min(hi, scene.end))
            for lo, hi in ctx.narration
            if hi > scene.start and lo < scene.end
        ]
        hits: dict[str, list[tuple[int, int]]] = {"past": [], "present": []}
        for lo, hi in _outside(ranges, italics):
            for match in pattern.finditer(ctx.text, lo, hi):
                if _hypothetical(ctx.text, match.start(), lo):
                    continue
                tense = classify(match.group("subj"), match.group("verb"))
                if tense:
                    hits[tense].append((match.start(), match.end()))
        past, present = len(hits["past"]), len(hits["present"])
        if past + present < MIN_VERBS:
            continue
        main, other = ("past", "present") if past >= present else ("present", "past")
        minority = hits[other]
        if len(minority) < MIN_MINORITY or len(minority) / (past + present) < MIN_SHARE:
            continue
        start, end = minority[0]
        examples = ", ".join(f'"{ctx.text[s:e]}"' for s, e in minority[:3])
        yield Finding(
            "tense-drift",
            start,
            end,
            f"This scene is told mostly in the {main} tense ({len(hits[main])} verbs) but slips into "
            f"the {other} ({len(minority)}: {examples}).",
            "warning",
            {
                "main": main,
                "past": past,
                "present": present,
                "scene_start": scene.start,
                "scene_end": scene.end,
                "slips": [list(s) for s in minority[:20]],
            },
        )
