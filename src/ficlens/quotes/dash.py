"""Dash dialogue (translated / European fic): a paragraph opening with "— ", "– " or "-- " is a line
of speech; an inner spaced dash followed by a speech tag ("— said she, —") interrupts it, and so
does a tag set off by punctuation alone, as Joyce and many translators write it ("—Tell me,
Mulligan, Stephen said quietly." / "—God! he said. Isn't the sea…").

Only used when the text keeps to the convention (see :func:`uses_dash_dialogue`): a lone English
paragraph opening with a dash is narration, not speech.
"""

from __future__ import annotations

import re

from ficlens.quotes.candidates import Candidate
from ficlens.quotes.lexicon import SPEECH_VERBS, THOUGHT_VERBS

_LEAD = re.compile(r"[ \t]*(?:—|–|―|--)(?=[ \t]?\S)")
_SEP = re.compile(r"[ \t]+(?:—|–|―|--)(?:[ \t]+|(?=[a-z]))|,[ \t]*(?:—|–|―|--)[ \t]*")
_WORD = re.compile(r"[A-Za-z]+")
_QUOTE_LEAD = re.compile(r"[ \t]*[\"“‘']")
# After a comma, "!" or "?": a lower-case pronoun or a capitalised name, maybe an adverb, a verb,
# and the rest of that clause ("Stephen said quietly.", "he cried thickly,", "Buck Mulligan said.")
_INLINE_TAG = re.compile(
    r"(?<=[,!?…])[ \t]+(?:he|she|they|I|we|(?:[A-Z][\w’'-]+)(?:[ \t]+[A-Z][\w’'-]+){0,2})"
    r"[ \t]+(?:[a-z]+ly[ \t]+)?([a-z]+)\b[^.!?\n,;:—–]*(?:[.!?,;:]|(?=[ \t]*(?:—|–|$)))")


def opens_with_dash(text: str, lo: int, hi: int) -> bool:
    return bool(_LEAD.match(text, lo, hi))


def uses_dash_dialogue(text: str, paragraphs: list[tuple[int, int]]) -> bool:
    """Whether dash dialogue is this text's convention: several dash lines, outnumbering quote lines."""
    dash = sum(1 for lo, hi in paragraphs if opens_with_dash(text, lo, hi))
    quoted = sum(1 for lo, hi in paragraphs if _QUOTE_LEAD.match(text, lo, hi))
    return dash >= 3 and dash >= quoted


def _is_tag(segment: str) -> bool:
    return any(w.lower() in SPEECH_VERBS or w.lower() in THOUGHT_VERBS for w in _WORD.findall(segment)[:6])


def scan_dash(text: str, lo: int, hi: int) -> list[Candidate]:
    """The speech pieces of one dash-dialogue paragraph (empty if it does not open with a dash)."""
    lead = _LEAD.match(text, lo, hi)
    if not lead:
        return []
    seps = list(_SEP.finditer(text, lead.end(), hi))
    pieces: list[Candidate] = []
    piece_start: int | None = lead.end() - len(lead.group(0).lstrip())
    for k, sep in enumerate(seps):
        following = text[sep.end():seps[k + 1].start() if k + 1 < len(seps) else hi]
        if piece_start is not None:
            if _is_tag(following):
                speech_end = sep.start() + (text[sep.start()] == ",")  # the comma is the speaker's
                pieces.append(Candidate(piece_start, _rstrip(text, piece_start, speech_end), "dash"))
                piece_start = None
        else:
            dash_at = sep.start() + len(sep.group(0)) - len(sep.group(0).lstrip(" \t,"))
            piece_start = dash_at
    if piece_start is not None:
        pieces.append(Candidate(piece_start, _rstrip(text, piece_start, hi), "dash"))
    return [part for p in pieces for part in _split_at_inline_tags(text, p) if part.end > part.start + 1]


def _split_at_inline_tags(text: str, piece: Candidate) -> list[Candidate]:
    """'—He was raving all night, Stephen said. Where is his guncase?': the speech before the tag
    and the speech after it, not one line with its tag inside."""
    out: list[Candidate] = []
    start = piece.start
    for tag in _INLINE_TAG.finditer(text, piece.start, piece.end):
        if tag.start() < start or tag.group(1) not in SPEECH_VERBS:
            continue
        out.append(Candidate(start, tag.start(), "dash"))
        start = tag.end()
        while start < piece.end and text[start] in " \t":
            start += 1
    if not out:
        return [piece]
    if start < piece.end:
        out.append(Candidate(start, piece.end, "dash"))
    return out


def _rstrip(text: str, lo: int, end: int) -> int:
    while end > lo and text[end - 1].isspace():
        end -= 1
    return end
