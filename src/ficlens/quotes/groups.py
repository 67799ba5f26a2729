"""Group the pieces of one utterance split by a speech tag: “Wait…” she said, “…you never told me.”"""

from __future__ import annotations

import re

from ficlens.quotes.candidates import Candidate
from ficlens.quotes.lexicon import SPEECH_VERBS, THOUGHT_VERBS

MAX_TAG_CHARS = 120
MAX_BARE_TAG_WORDS = 6
_WORD = re.compile(r"[A-Za-z]+")
_SENTENCE_END = re.compile(r"[.!?]\s")
_CONTINUES_AFTER = (",", "—", "–", "-", "…", "...")


def _continues(text: str, first: Candidate, second: Candidate) -> bool:
    between = text[first.end:second.start]
    if first.marks != second.marks or not first.closed or len(between) > MAX_TAG_CHARS:
        return False
    if "\n\n" in between or not between.strip():
        return False
    tag = between.strip()
    inner_last = text[first.start:first.end].rstrip("\"”’'»").rstrip()[-1:]
    inner_first = text[second.start + 1:second.end].lstrip("\"“‘' ")[:1]
    split_mid_sentence = inner_last in ",—–-…" or inner_first.islower() or inner_first in "…—–-."
    if tag.endswith(_CONTINUES_AFTER) or (split_mid_sentence and not tag.endswith((".", "!", "?"))):
        return True
    return _bare_tag(tag)


def _bare_tag(tag: str) -> bool:
    """'asked Olga.' / 'she said.': nothing but a short speech tag between two pieces (PDNC's view)."""
    body = tag.strip(" \t\n—–-").rstrip(".")
    words = [w.lower() for w in _WORD.findall(body)]
    return (0 < len(words) <= MAX_BARE_TAG_WORDS and not _SENTENCE_END.search(body)
            and any(w in SPEECH_VERBS or w in THOUGHT_VERBS for w in words))


def assign_groups(text: str, quotes: list[Candidate], paragraph_of: list[int]) -> list[int]:
    """One utterance number per quote (in order); pieces split by a tag share theirs."""
    groups: list[int] = []
    number = -1
    for k, quote in enumerate(quotes):
        same_paragraph = k > 0 and paragraph_of[k] == paragraph_of[k - 1]
        same_kind = k > 0 and quote.mode == quotes[k - 1].mode
        if not (same_paragraph and same_kind and _continues(text, quotes[k - 1], quote)):
            number += 1
        groups.append(number)
    return groups
