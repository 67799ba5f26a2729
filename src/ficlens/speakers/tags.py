"""Speech tags next to a quote: '"…," said Harry.', '"…," Ginny snapped.', 'Harry said, "…"',
'"…," said he.', '"…," the old man muttered.'

The tag's subject is the character mention (name, title, epithet, pronoun, narrator "I") that sits
next to a speech verb in the narration just after or just before the quote, within one clause.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ficlens.model import Mention
from ficlens.speakers.verbs import BEAT_ONLY, SPEECH_VERBS

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z’'-]*")
_CLAUSE_END_RE = re.compile(r"[.!?;:…]|[“\"‘]")
_LEADING_MARKS_RE = re.compile(r"[\s”\"’'»,—–-]*")
EXPLICIT_KINDS = frozenset({"name", "title", "nickname", "vocative"})


@dataclass
class Tag:
    start: int
    end: int
    verb: str
    mention: Mention
    side: str            # "after" | "before"

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


def _words_between(text: str, a: int, b: int) -> int:
    return len(_WORD_RE.findall(text, a, b)) if b > a else 0


def _gap_ok(text: str, a: int, b: int, max_words: int) -> bool:
    if b < a:
        return False
    between = text[a:b]
    return not re.search(r"[.!?;:\"“”]", between) and _words_between(text, a, b) <= max_words


def tag_after(text: str, end: int, hi: int, index: MentionIndex) -> Tag | None:
    """A tag in the clause right after the quote ('"…," said Harry')."""
    if end >= hi:
        return None
    start = _LEADING_MARKS_RE.match(text, end, hi).end()
    if start >= hi:
        return None
    cut = _CLAUSE_END_RE.search(text, start, min(hi, start + 120))
    clause_end = cut.start() if cut else min(hi, start + 120)
    words = list(_WORD_RE.finditer(text, start, clause_end))[:8]
    mentions = index.within(start, clause_end)
    for wi, w in enumerate(words):
        verb = w.group().lower()
        if verb not in SPEECH_VERBS or verb in BEAT_ONLY:
            continue
        before = [m for m in mentions if m.end <= w.start() and _gap_ok(text, m.end, w.start(), 2)
                  and _words_between(text, start, m.start) <= 1]
        after = [m for m in mentions if m.start >= w.end() and _gap_ok(text, w.end(), m.start, 1)]
        subject = before[-1] if before else after[0] if after else None
        if subject is not None:
            lo, hi_ = min(subject.start, w.start()), max(subject.end, w.end())
            return Tag(lo, hi_, verb, subject, "after")
        if wi >= 4:
            break
    return None


def tag_before(text: str, start: int, lo: int, index: MentionIndex) -> Tag | None:
    """A tag in the clause right before the quote ('Harry said, "…"', 'Then he asked: "…"')."""
    seg_end = start
    while seg_end > lo and text[seg_end - 1] in " \t\r\n“\"‘'":  # noqa: RUF001
        seg_end -= 1
    if seg_end <= lo or text[seg_end - 1] not in ",:—–-" and not text[lo:seg_end].rstrip().endswith(
            tuple(SPEECH_VERBS)):
        return None
    window_lo = max(lo, seg_end - 160)
    cuts = list(_CLAUSE_END_RE.finditer(text, window_lo, seg_end - 1))
    clause_start = cuts[-1].end() if cuts else window_lo
    words = list(_WORD_RE.finditer(text, clause_start, seg_end))
    mentions = index.within(clause_start, seg_end)
    for w in reversed(words[-10:]):
        verb = w.group().lower()
        if verb not in SPEECH_VERBS or verb in BEAT_ONLY:
            continue
        before = [m for m in mentions if m.end <= w.start() and _gap_ok(text, m.end, w.start(), 8)]
        after = [m for m in mentions if m.start >= w.end() and _gap_ok(text, w.end(), m.start, 1)]
        subject = None
        if before:  # the clause's own subject beats an object nearer the verb ("Harry told Ron,")
            opening = _words_between(text, clause_start, before[0].start) <= 2
            subject = before[0] if opening else before[-1]
        elif after:
            subject = after[0]
        if subject is not None:
            return Tag(min(subject.start, w.start()), max(subject.end, w.end()), verb, subject, "before")
    return None
