"""Who a quote speaks to by name: vocative mentions, and names in vocative position ("My dear
Mr. Bennet, …", "…, Miss Bennet, …", "Thank you, Harry."). The speaker of a quote is never one of
them, and the next speaker often is."""

from __future__ import annotations

import re
from bisect import bisect_left

from ficlens.language import sentence_at
from ficlens.language.verbs import SPEECH_VERBS
from ficlens.model import Work
from ficlens.quotes.single import scan_single

NAME_KINDS = frozenset({"name", "title", "nickname"})
_OPENING_RE = re.compile(r"(?:^|[,;!?—–-]|\b(?:[Dd]ear(?:est)?|[Oo]h|O|[Mm]y))\s*$")
_QUOTE_OPEN = "“\"‘'"


def _in_vocative_position(text: str, q_start: int, q_end: int, m_start: int, m_end: int) -> bool:
    head = text[max(q_start, m_start - 30):m_start].lstrip(_QUOTE_OPEN)
    opened = m_start - q_start <= 1 or not text[q_start:m_start].strip(_QUOTE_OPEN + " \n")
    if not (opened or _OPENING_RE.search(head)):
        return False
    tail = text[m_end:min(q_end, m_end + 2)]
    if not tail or tail[0] in "”\"’'":
        return not opened  # a quote that is only a name ("Bingley.") is an answer, not an address
    if tail[0] in ",!?;—–":
        return True
    return tail[0] == "." and not opened and head.rstrip().endswith(",")


def _reported(text: str, q_start: int, q_end: int, pos: int) -> bool:
    """Does ``pos`` sit inside a quotation the speaker reports ("…what do you think she said?
    'Ah! Mrs. Bennet, we shall have her…'"): someone else's words, addressed to someone else.
    The quote stage's own reading of single marks tells them from apostrophes."""
    return any(c.start < pos < c.end for c in scan_single(text, q_start + 1, q_end - 1, []))


def addressed_by_quote(work: Work) -> dict[int, set[str]]:
    """Quote index → characters named in address inside that quote."""
    text, mentions = work.text, work.mentions
    starts = [m.start for m in mentions]
    out: dict[int, set[str]] = {}
    for qi, q in enumerate(work.quotes):
        i = bisect_left(starts, q.start)
        found: set[str] = set()
        while i < len(mentions) and mentions[i].start < q.end:
            m = mentions[i]
            if m.character and (m.kind == "vocative" or (
                    m.kind in NAME_KINDS and _in_vocative_position(text, q.start, q.end, m.start, m.end))) \
                    and not _reported(text, q.start, q.end, m.start):
                found.add(m.character)
            i += 1
        if found:
            out[qi] = found
    return out


# "turned to Frank Churchill.", "addressing Mr. Knightley": the narration names whom the next line
# is for ("spoke to" and "whispered to" report speech the other one then answers)
_TURNED_TO_RE = re.compile(
    r"\b(?:turn(?:ed|ing)\s+(?:(?:round|back|again|suddenly|quickly|eagerly|at\s+once)\s+)?to"
    r"|address(?:ed|ing)(?:\s+(?:herself|himself)\s+to)?)\s+$")
_WORD_RE = re.compile(r"[a-z]+")
_GOES_ON_RE = re.compile(r"[\s,;—–-]*(?:and|but|who|whom|which|whereupon)\b")


def addressed_in_narration(work: Work, layout) -> dict[int, set[str]]:
    """Quote index → the character the narration just before it says the speaker turns to or
    addresses ("…, turned to Frank Churchill.\\n\\n“Why do you smile?” said she."). Only the last
    sentence of narration before the quote counts, and not "turned to X, who said", where X
    speaks."""
    text, mentions = work.text, work.mentions
    starts = [m.start for m in mentions]
    out: dict[int, set[str]] = {}
    previous_end = 0
    for qi, q in enumerate(work.quotes):
        lo, previous_end = previous_end, q.end
        p = layout.paragraph_index(q.start)
        if p is None:
            continue
        if p and text[layout.paragraphs[p][0]:q.start].strip(_QUOTE_OPEN + " \n") == "":
            # the quote opens its paragraph: a narration paragraph before it may say whom it is
            # for; the tag of the quote before ("…?" he went on, turning to Alice.) does not
            if lo > layout.paragraphs[p - 1][0]:
                continue
            lo = layout.paragraphs[p - 1][0]
        elif lo > layout.paragraphs[p][0]:
            continue   # narration after an earlier quote of the paragraph: that quote's tag
        else:
            lo = layout.paragraphs[p][0]
        last = len(text[lo:q.start].rstrip(_QUOTE_OPEN + " \n\t:,—–-")) + lo - 1  # the narration's last mark
        span = sentence_at(work, last) if last >= lo else None   # "turned to Mr. Knightley." is one
        sentence = max(lo, span[0]) if span else lo
        i = bisect_left(starts, sentence)
        while i < len(mentions) and mentions[i].start < q.start:
            m = mentions[i]
            i += 1
            if m.character is None or m.kind not in NAME_KINDS or layout.in_quote(m.start):
                continue
            # "turned to Holmes, and the latter smiled" / "…, who said" goes on to the one
            # turned to, who speaks ("turned to Frances, sitting smiling, …" only describes her)
            # "turning to Oliver, said that Mr. Grimwig was…" reports what was said to him, and he
            # answers
            if _TURNED_TO_RE.search(text, max(sentence, m.start - 40), m.start) and \
                    not _GOES_ON_RE.match(text, m.end, last + 1) and \
                    not any(w in SPEECH_VERBS for w in _WORD_RE.findall(text, m.end, last + 1)):
                out.setdefault(qi, set()).add(m.character)
    return out
