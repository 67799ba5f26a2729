"""Epithets standing in for a named character ("the blonde", "the older man", "the potions master").

A role is fine while the name is unknown (before the character is first named, or never named);
after that, fan fiction readers read "the blond" as the writer avoiding the name. Worst in the
character's own POV: nobody thinks of themselves as "the shorter man".
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from ficlens.beta.context import BetaContext
from ficlens.beta.registry import rule
from ficlens.model import Finding

_LOOKS = (
    r"blond|blonde|brunet|brunette|redhead|red-head|raven-haired|ginger|pinkette|bluenette|"
    r"silverette|[a-z]+-haired|[a-z]+-eyed"
)
_ADJECTIVES = (
    r"older|younger|elder|taller|shorter|smaller|bigger|larger|slimmer|thinner|"
    r"blond|blonde|brunette|dark|pale|tall|short|small|lanky|muscular|[a-z]+-haired|[a-z]+-eyed"
)
_PERSONS = r"man|woman|boy|girl|teen|teenager|male|female|lad|lass|wizard|witch|omega|alpha|brother|sister"
EPITHET_RE = re.compile(
    rf"\b[Tt]he\s+(?:(?:{_ADJECTIVES})\s+(?:{_PERSONS})|(?:{_LOOKS})(?:\s+(?:{_PERSONS}))?)\b"
)
# Fandom epithets that almost always stand for a main, named character: counted like looks.
_FANDOM_ROLES = (
    r"(?:consulting\s+)?detective|(?:(?:former|ex-)\s*)?army\s+(?:doctor|surgeon)|ex-soldier|"
    r"potions\s+master|boy\s+who\s+lived|super\s+soldier|god\s+of\s+\w+|billionaire|genius"
)
# Roles that are as often an unnamed stranger: counted only when the mentions layer links them.
_ROLES = (
    r"soldier|auror|assassin|spy|prince|princess|werewolf|vampire|hunter|mechanic|inventor|archer|"
    r"demigod|dragon|alpha|omega"
)
_AGE = r"(?:(?:older|younger|elder|tall|taller|short|shorter|former)\s+)?"
FANDOM_ROLE_RE = re.compile(rf"\b[Tt]he\s+{_AGE}(?i:{_FANDOM_ROLES})(?![-\w])")
ROLE_RE = re.compile(rf"\b[Tt]he\s+{_AGE}(?i:{_ROLES})(?![-\w])")
STRETCH_WORDS = 300
STRETCH_MIN = 3
RATE_WARNING = 2.0  # epithets per 1,000 words


def epithet_spans(ctx: BetaContext) -> list[tuple[int, int, str | None]]:
    """``(start, end, character)`` of epithets standing for an already-named character.

    What counts as an epithet is decided here: looks, age, size (EPITHET_RE) and fandom epithets
    such as "the potions master" (FANDOM_ROLE_RE) when someone of that gender was named earlier in
    the scene; generic roles such as "the soldier" (ROLE_RE) only when the mentions layer links
    them to a named character.
    The mentions layer's own "epithet" kind is used for *who*, not *whether*: on real fics it also
    tags plain roles ("the nurse", "the guard") that are fine for unnamed people.
    """
    work = ctx.work
    first_named = ctx.cast.first_named()
    earliest_name = min(first_named.values(), default=None)
    links = {m.start: m.character for m in work.mentions if m.character}
    found: list[tuple[int, int, str | None]] = []
    for start, end in ctx.narration:
        for pattern in (EPITHET_RE, FANDOM_ROLE_RE, ROLE_RE):
            for match in pattern.finditer(ctx.text, start, end):
                char = links.get(match.start()) or links.get(match.start() + 4)
                if char is not None:
                    if char in first_named and first_named[char] < match.start():
                        found.append((match.start(), match.end(), char))
                elif (
                    pattern is not ROLE_RE
                    and earliest_name is not None
                    and earliest_name < match.start()
                    and _named_in_scene(ctx, match.start(), _noun_gender(match.group(0)))
                    and not _introduced_soon(ctx, first_named, match.start(), _noun_gender(match.group(0)))
                ):
                    found.append((match.start(), match.end(), None))
    return sorted(set(found))


def cached_epithets(ctx: BetaContext) -> list[tuple[int, int, str | None]]:
    if "epithets" not in ctx.memo:
        ctx.memo["epithets"] = epithet_spans(ctx)
    return ctx.memo["epithets"]


_MALE = frozenset(["man", "boy", "male", "lad", "wizard", "brother", "brunet", "blond"])
_FEMALE = frozenset(["woman", "girl", "female", "lass", "witch", "sister", "brunette", "blonde"])


def _noun_gender(epithet: str) -> str | None:
    """The gender an epithet's head noun implies ("the older man" → male), if any."""
    words = epithet.lower().split()
    head = words[-1]
    if head in _MALE:
        return "male"
    if head in _FEMALE:
        return "female"
    return None


INTRODUCTION_REACH = 600  # characters: "the blond boy said ... The name's Malfoy"


def _introduced_soon(ctx: BetaContext, first_named: dict[str, int], offset: int, gender: str | None) -> bool:
    """A character of that gender is first named shortly after: the epithet is most likely them,
    before the reader knows the name."""
    return any(
        offset < first <= offset + INTRODUCTION_REACH
        and (gender is None or ctx.cast.gender.get(char) in (gender, None))
        for char, first in first_named.items()
    )


def _named_in_scene(ctx: BetaContext, offset: int, gender: str | None = None) -> bool:
    """Someone (of that gender, when the epithet implies one) was named earlier in the scene:
    the epithet then most likely stands for a known character rather than a stranger."""
    scene = ctx.scene_at(offset)
    lo = scene.start if scene else 0
    named = ctx.cast.named_in(lo, offset)
    if gender is None:
        return bool(named)
    return any(ctx.cast.gender.get(c) == gender for c in named)


def epithet_rate(ctx: BetaContext) -> tuple[int, float]:
    spans = cached_epithets(ctx)
    return len(spans), round(1000 * len(spans) / ctx.words, 2) if ctx.words else 0.0


@rule("epithets", 'epithets ("the blonde", "the older man") standing in for a named character')
def epithets(ctx: BetaContext) -> Iterator[Finding]:
    spans = cached_epithets(ctx)
    if not spans:
        return
    count, rate = epithet_rate(ctx)
    text = ctx.text
    if count >= STRETCH_MIN:
        start, end, _ = spans[0]
        yield Finding(
            "epithets",
            start,
            end,
            f"{count} epithets for named characters ({rate} per 1,000 words), "
            f'e.g. "{text[start:end]}": readers prefer the name or a pronoun.',
            "warning" if rate >= RATE_WARNING else "info",
            {"kind": "rate", "count": count, "per_1000_words": rate},
        )
    yield from _stretches(ctx, spans)
    for start, end, char in spans:
        scene = ctx.scene_at(start)
        if char and scene and scene.pov == char:
            name = ctx.work.character(char).name if ctx.work.character(char) else char
            yield Finding(
                "epithets",
                start,
                end,
                f'"{text[start:end]}" in {name}\'s own POV: nobody thinks of themselves by an epithet.',
                "warning",
                {"kind": "own_pov", "character": char},
            )


def _stretches(ctx: BetaContext, spans: list[tuple[int, int, str | None]]) -> Iterator[Finding]:
    """Runs of STRETCH_MIN or more epithets within STRETCH_WORDS words."""
    word_ends = [m.end() for m in re.finditer(r"\S+", ctx.text)] if len(spans) >= STRETCH_MIN else []
    index = [bisect.bisect_left(word_ends, s) for s, _, _ in spans]
    i = 0
    while i < len(spans):
        j = i
        while j + 1 < len(spans) and index[j + 1] - index[i] <= STRETCH_WORDS:
            j += 1
        if j - i + 1 >= STRETCH_MIN:
            words = ", ".join(dict.fromkeys(f'"{ctx.text[s:e]}"' for s, e, _ in spans[i : j + 1]))
            yield Finding(
                "epithets",
                spans[i][0],
                spans[j][1],
                f"{j - i + 1} epithets within {STRETCH_WORDS} words ({words}).",
                "info",
                {"kind": "stretch", "count": j - i + 1},
            )
            i = j + 1
        else:
            i += 1
