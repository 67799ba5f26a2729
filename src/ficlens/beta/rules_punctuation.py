"""Dialogue punctuation a beta reader corrects: period before a tag, capitalised tag after a comma,
lower-case narration after a question, and mixed ``,"`` / ``",`` styles."""

from __future__ import annotations

from collections.abc import Iterator

from ficlens.beta.context import BetaContext
from ficlens.beta.dialogue_tags import ACTIONS
from ficlens.beta.registry import rule
from ficlens.model import Finding

MIN_MAJORITY = 3


@rule("dialogue-punctuation", "inconsistent or wrong punctuation between a quote and its tag")
def dialogue_punctuation(ctx: BetaContext) -> Iterator[Finding]:
    for tag in ctx.tags:
        if tag.position == "before":
            continue
        subject_capital = tag.subject[:1].isupper() and tag.subject.lower() in (
            "he",
            "she",
            "they",
            "we",
            "you",
        )
        if (
            tag.is_speech_tag
            and tag.inner_last == "."
            and tag.position in ("after", "inverted")
            and (tag.subject[:1].islower() or (tag.kind == "plain" and ctx.text.startswith(".", tag.end)))
        ):
            yield Finding(
                "dialogue-punctuation",
                tag.quote.start,
                tag.end,
                'A period before a speech tag: use a comma inside the quote ("Hello," she said.).',
                "warning",
                {"kind": "period_before_tag"},
            )
        elif tag.is_speech_tag and tag.inner_last == "," and subject_capital:
            yield Finding(
                "dialogue-punctuation",
                tag.quote.start,
                tag.end,
                f'After a comma the tag goes on the same sentence: "{tag.subject.lower()} '
                f'{tag.verb}", not "{tag.subject} {tag.verb}".',
                "warning",
                {"kind": "capitalised_tag"},
            )
        elif (
            tag.inner_last in ("?", "!")
            and tag.subject in ("he", "she", "they", "we", "you")
            and not tag.is_speech_tag
            and (tag.kind == "silent" or tag.verb.lower() in ACTIONS)
            and not ctx.text.startswith(" to ", tag.end)
        ):
            yield Finding(
                "dialogue-punctuation",
                tag.quote.start,
                tag.end,
                f'"{tag.subject} {tag.verb}" is an action, not a speech tag: after the question '
                "or exclamation start a new sentence with a capital.",
                "info",
                {"kind": "lowercase_after_question"},
            )
    yield from _comma_style(ctx)


def _comma_style(ctx: BetaContext) -> Iterator[Finding]:
    inside = [t for t in ctx.tags if t.position != "before" and t.inner_last == ","]
    outside = [t for t in ctx.tags if t.position != "before" and t.after_comma]
    if not inside or not outside:
        return
    majority, minority, style = (
        (inside, outside, "inside") if len(inside) >= len(outside) else (outside, inside, "outside")
    )
    if len(majority) < MIN_MAJORITY:
        return
    for tag in minority:
        yield Finding(
            "dialogue-punctuation",
            tag.quote.start,
            tag.end,
            f"Comma {'outside' if style == 'inside' else 'inside'} the closing quote mark here, but "
            f"{style} it {len(majority)} other times in this work: pick one style.",
            "info",
            {
                "kind": "mixed_comma_style",
                "majority": style,
                "majority_count": len(majority),
                "minority_count": len(minority),
            },
        )
