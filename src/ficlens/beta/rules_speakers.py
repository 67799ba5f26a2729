"""Unclear speakers: dialogue a reader cannot attribute."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ficlens.beta.context import BetaContext
from ficlens.beta.registry import rule
from ficlens.model import Finding
from ficlens.pov.narration import narration_ranges

LOW_CONFIDENCE = 0.3  # the speaker scorer's confidence below which a line reads as unattributed
UNTAGGED_RUN = 4
LOOKBACK_PARAGRAPHS = 4  # how far back a reader still holds who is in the room


@rule(
    "unclear-speaker",
    "dialogue a reader cannot attribute: low confidence, long untagged runs, ambiguous pronoun tags",
)
def unclear_speaker(ctx: BetaContext) -> Iterator[Finding]:
    yield from _low_confidence(ctx)
    yield from _untagged_runs(ctx)
    yield from _ambiguous_pronoun_tags(ctx)


def _low_confidence(ctx: BetaContext) -> Iterator[Finding]:
    quotes = ctx.speech_quotes
    if not any(q.confidence > 0 for q in quotes):  # no speaker attribution ran
        return
    seen_groups: set[int] = set()
    for quote in quotes:
        if quote.group is not None:
            if quote.group in seen_groups:
                continue
            seen_groups.add(quote.group)
        if quote.confidence >= LOW_CONFIDENCE:
            continue
        paragraph = ctx.paragraph_index(quote.start)
        if (
            id(quote) in _anchored_quotes(ctx)
            or _paragraph_names_someone(ctx, paragraph, quote)
            or _introduced(ctx, quote)
        ):
            continue
        lo = ctx.paragraphs[max(0, paragraph - LOOKBACK_PARAGRAPHS)][0]
        present = ctx.cast.named_in(lo, ctx.paragraphs[paragraph][1])
        if len(present) < 3:
            continue  # two people talking: readers follow the alternation
        yield Finding(
            "unclear-speaker",
            quote.start,
            quote.end,
            f"Hard to tell who says this: no tag or beat, and {len(present)} characters were named "
            "in the last few paragraphs.",
            "info",
            {"kind": "low_confidence", "confidence": round(quote.confidence, 2), "guess": quote.speaker},
        )


def _anchored_quotes(ctx: BetaContext) -> set[int]:
    """ids of quotes that have a tag or a beat punctuated as one."""
    if "anchored" not in ctx.memo:
        ctx.memo["anchored"] = {
            id(t.quote)
            for t in ctx.tags
            if t.is_speech_tag or t.kind == "silent" or (t.inner_last == "," and t.position != "before")
        }
    return ctx.memo["anchored"]


def _introduced(ctx: BetaContext, quote) -> bool:
    """A lead-in tag before the quote: 'She kept asking, "Where is she?"'."""
    lead = ctx.text[max(0, quote.start - 80) : quote.start].split("\n")[-1].rstrip()
    return lead.endswith((",", ":")) and bool(
        re.search(r"\b(?:ask|say|said|call|cr[iy]|shout|yell|whisper|tell|told|repl)\w*", lead)
    )


def _untagged_runs(ctx: BetaContext) -> Iterator[Finding]:
    """Four or more bare lines in consecutive paragraphs (no tag, no beat), three or more people
    named around them."""
    tagged = _anchored_quotes(ctx)
    run: list = []
    last_paragraph = -2

    def flush() -> Iterator[Finding]:
        if len(run) < UNTAGGED_RUN:
            return
        first = ctx.paragraph_index(run[0].start)
        lo = ctx.paragraphs[max(0, first - LOOKBACK_PARAGRAPHS)][0]
        present = _present(ctx, lo, run[0].start, run[-1].end)
        if len(present) > 2:
            yield Finding(
                "unclear-speaker",
                run[0].start,
                run[-1].end,
                f"{len(run)} lines of dialogue in a row with no tag or beat, and {len(present)} "
                "characters around: add a tag or an action to anchor the speaker.",
                "warning",
                {"kind": "untagged_run", "quotes": len(run), "characters": sorted(present)},
            )

    for quote in ctx.speech_quotes:
        paragraph = ctx.paragraph_index(quote.start)
        if paragraph == last_paragraph:
            continue  # one paragraph, one speaker
        anchored = quote.tag is not None or id(quote) in tagged or _has_beat(ctx, paragraph)
        if anchored or paragraph != last_paragraph + 1:
            yield from flush()
            run = []
        if not anchored:
            run.append(quote)
        last_paragraph = paragraph
    yield from flush()


def _present(ctx: BetaContext, start: int, run_start: int, end: int) -> set[str]:
    """Characters named in narration up to ``end`` (not inside quotes: "Bob Tanner done it" is
    talked about, not present) or given a line before the run."""
    present = {q.speaker for q in ctx.work.quotes if q.speaker and start <= q.start < run_start}
    for lo, hi in narration_ranges(ctx.work, start, end):
        present.update(ctx.cast.named_in(lo, hi))
    return present


def _has_beat(ctx: BetaContext, paragraph: int) -> bool:
    """Narration of three words or more in the paragraph: an action beat that carries the speaker."""
    start, end = ctx.paragraphs[paragraph]
    narration = " ".join(ctx.text[lo:hi] for lo, hi in narration_ranges(ctx.work, start, end))
    return len(narration.split()) >= 3


def _paragraph_names_someone(ctx: BetaContext, paragraph: int, quote) -> bool:
    """An action beat in the paragraph that names a character anchors the speaker."""
    start, end = ctx.paragraphs[paragraph]
    names = ctx.cast.named_in(start, end)
    if not names:
        return False
    narration = "".join(ctx.text[lo:hi] for lo, hi in narration_ranges(ctx.work, start, end))
    return len(narration.strip()) > 3


_PRONOUN_GENDER = {"he": "male", "she": "female"}


def _ambiguous_pronoun_tags(ctx: BetaContext) -> Iterator[Finding]:
    """A pronoun tag right after a sentence that names two characters of that gender."""
    for tag in ctx.tags:
        gender = _PRONOUN_GENDER.get(tag.subject.lower())
        if gender is None or not tag.is_speech_tag:
            continue
        lo, hi = _sentence_before(ctx, tag.quote.start)
        same = sorted(c for c in set(ctx.cast.named_in(lo, hi)) if ctx.cast.gender.get(c) == gender)
        if len(same) < 2:
            continue
        rest_end = min(
            x for x in (ctx.text.find("\n", tag.end), ctx.text.find(".", tag.end), len(ctx.text)) if x >= 0
        )
        addressed = set(ctx.cast.named_in(tag.end, rest_end))  # "he asks John": not John
        if len([c for c in same if c not in addressed]) < 2:
            continue
        if _clear_subject(ctx, lo, hi, gender):
            continue
        yield Finding(
            "unclear-speaker",
            tag.start,
            tag.end,
            f'"{tag.subject} {tag.verb}" could be {character_names(ctx, same)}: use a name.',
            "info",
            {"kind": "ambiguous_pronoun", "candidates": same},
        )


def _clear_subject(ctx: BetaContext, lo: int, hi: int, gender: str) -> bool:
    """Exactly one character of that gender is the subject of a verb in the sentence ("Jake puts
    his hands on John's shoulders", "X caught and Emmanellain drew back"), and not as part of a
    compound ("Ben and Carl sat"): readers take the pronoun for that subject."""
    subjects: set[str] = set()
    mention = ctx.cast.first_named_at(lo, hi)
    while mention:
        start, end, char = mention
        if ctx.cast.gender.get(char) == gender and _SUBJECT_VERB.match(ctx.text, end):
            if _COMPOUND.search(ctx.text, max(lo, start - 40), start):
                return False
            subjects.add(char)
        mention = ctx.cast.first_named_at(end, hi)
    return len(subjects) == 1


_COMPOUND = re.compile(r"[A-Z][\w'’]+\s+(?:and|&)\s+$")
_SUBJECT_VERB = re.compile(  # a name then a (probable) verb: not a conjunction, preposition or relative
    r"\s+(?:[a-z]+ly\s+)?(?!(?:and|or|but|nor|the|a|an|to|of|in|into|with|at|on|for|from|by|as|who|whose|"
    r"which|that|than|or|if|so)\b)[a-z]+\b"
)


def _sentence_before(ctx: BetaContext, quote_start: int) -> tuple[int, int]:
    """The last sentence of narration a reader saw before this quote (same or previous paragraph)."""
    paragraph = ctx.paragraph_index(quote_start)
    p_start = ctx.paragraphs[paragraph][0]
    text = ctx.text
    if not text[p_start:quote_start].strip() and paragraph > 0:
        p_start, quote_start = ctx.paragraphs[paragraph - 1]
    segment = text[p_start:quote_start].rstrip()
    cut = max(
        segment.rfind(". ", 0, len(segment) - 1),
        segment.rfind("? ", 0, len(segment) - 1),
        segment.rfind("! ", 0, len(segment) - 1),
        segment.rfind("\n", 0, len(segment) - 1),
    )
    return p_start + (cut + 1 if cut >= 0 else 0), p_start + len(segment)


def character_names(ctx: BetaContext, ids: list[str]) -> str:
    names = [(ctx.work.character(i).name if ctx.work.character(i) else i) for i in ids]
    return " or ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " or " + names[-1]
