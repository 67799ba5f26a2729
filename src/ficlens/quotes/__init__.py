"""Stage 'quotes': every quotation of speech or thought, and the quotation marks that are not speech.

Fills ``work.quotes`` (mode speech|thought; marks double|single|dash|italic; ``group`` numbers the
utterance, shared by the pieces of one utterance split by a tag) and ``work.nonspeech_quotes``
(mode title|scare). Pure scanning, no spaCy. With ``options.gold_quotes`` the given spans are
used exactly instead of detecting (to score attribution alone).
"""

from __future__ import annotations

from ficlens.model import Quote, Work
from ficlens.options import Options
from ficlens.quotes.detect import Found, detect
from ficlens.quotes.groups import assign_groups

SPEECH_MODES = ("speech", "thought")


def run(work: Work, options: Options) -> None:
    if options.gold_quotes is not None:
        work.quotes = [Quote(s, e, group=k, marks=_marks_at(work.text, s))
                       for k, (s, e) in enumerate(sorted(options.gold_quotes))]
        work.nonspeech_quotes = []
        return
    found = detect(work)
    work.quotes, work.nonspeech_quotes = to_records(work.text, found)
    work.stats["quotes"] = len(work.quotes)


def _marks_at(text: str, start: int) -> str:
    """The marks of a given span, from its first character or the one before (PDNC spans omit them)."""
    for ch in (text[start:start + 1], text[max(0, start - 1):start]):
        if ch in ("'", "‘", "’"):
            return "single"
        if ch in ("—", "–"):
            return "dash"
    return "double"


def to_records(text: str, found: Found) -> tuple[list[Quote], list[Quote]]:
    """Quote records: speech/thought (grouped into utterances) and non-speech, in text order."""
    speech = [(q, p) for q, p in zip(found.quotes, found.paragraph, strict=True) if q.mode in SPEECH_MODES]
    groups = assign_groups(text, [q for q, _ in speech], [p for _, p in speech])
    quotes = [Quote(q.start, q.end, mode=q.mode, marks=q.marks, group=g)
              for (q, _), g in zip(speech, groups, strict=True)]
    other = [Quote(q.start, q.end, mode=q.mode, marks=q.marks)
             for q in found.quotes if q.mode not in SPEECH_MODES]
    return quotes, other
