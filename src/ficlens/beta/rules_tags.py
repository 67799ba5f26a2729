"""Said-bookisms, adverb tags, and action beats punctuated as tags."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ficlens.beta.context import BetaContext
from ficlens.beta.registry import rule
from ficlens.model import Finding


def tag_stats(ctx: BetaContext) -> dict:
    """Counts of speech tags by kind, and the said-bookism ratio (bookisms + silent verbs as tags)."""
    kinds = Counter(t.kind for t in ctx.tags if t.position != "before" and t.kind != "other")
    total = sum(kinds.values())
    odd = kinds["bookism"] + kinds["silent"]
    return {
        "tags": total,
        "by_kind": dict(kinds),
        "said_bookism_ratio": round(odd / total, 3) if total else 0.0,
    }


@rule("said-bookisms", "non-speech verbs used as dialogue tags (hissed, growled, laughed) and adverb tags")
def said_bookisms(ctx: BetaContext) -> Iterator[Finding]:
    stats = tag_stats(ctx)
    verbs = Counter(t.verb.lower() for t in ctx.tags if t.position != "before" and t.kind == "bookism")
    for tag in ctx.tags:
        if tag.position == "before":
            continue
        if tag.kind == "bookism":
            yield Finding(
                "said-bookisms",
                tag.start,
                tag.end,
                f'"{tag.verb}" as a dialogue tag draws attention to itself; "said" is invisible, '
                "or show the tone with an action beat.",
                "info",
                {
                    "kind": "bookism",
                    "verb": tag.verb.lower(),
                    "count_of_verb": verbs[tag.verb.lower()],
                    "ratio": stats["said_bookism_ratio"],
                },
            )
        if tag.adverb and tag.is_speech_tag:
            yield Finding(
                "said-bookisms",
                tag.start,
                tag.end,
                f'Adverb tag "{tag.verb} {tag.adverb}": let the words of the line carry the tone.',
                "info",
                {"kind": "adverb", "verb": tag.verb.lower(), "adverb": tag.adverb.lower()},
            )


@rule("action-beat-as-tag", 'an action beat punctuated as a tag: "Hello," he smiled. / He smiled, "Hello."')
def action_beat_as_tag(ctx: BetaContext) -> Iterator[Finding]:
    for tag in ctx.tags:
        if tag.kind != "silent":
            continue
        if tag.position == "before":
            yield Finding(
                "action-beat-as-tag",
                tag.start,
                tag.end,
                f'"{ctx.text[tag.start : tag.end]}," is an action, not a speech tag: end it with a '
                "period before the quote.",
                "warning",
                {"verb": tag.verb.lower(), "position": "before"},
            )
        elif tag.inner_last == "," or tag.after_comma:
            yield Finding(
                "action-beat-as-tag",
                tag.start,
                tag.end,
                f'Nobody can {_base(tag.verb)} words: make "{ctx.text[tag.start : tag.end]}" its own '
                "sentence (period inside the quote, capital letter).",
                "warning",
                {"verb": tag.verb.lower(), "position": "after"},
            )


def _base(verb: str) -> str:
    verb = verb.lower()
    irregular = {
        "shook": "shake",
        "smiled": "smile",
        "waved": "wave",
        "raised": "raise",
        "gestured": "gesture",
        "smirked": "smirk",
        "grimaced": "grimace",
        "nodded": "nod",
        "grinned": "grin",
    }
    if verb in irregular:
        return irregular[verb]
    if verb.endswith("ed"):
        return verb[:-2]
    if verb.endswith("s"):
        return verb[:-1]
    return verb
