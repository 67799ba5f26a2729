"""Double quotation marks in one paragraph: curly “ ”, straight ", and „ « » where they occur.

Direction comes from the glyph when it has one (“ opens, ” closes) and from the neighbours for the
straight ``"`` (a space before and a letter after opens; a letter or punctuation before closes).
Alternation decides the rest. A clear opener met while a quote is still open means the author
forgot a closing mark: the open quote is closed just before it (recovery), never run on.
"""

from __future__ import annotations

import re

from ficlens.quotes.candidates import Candidate

DOUBLE_MARKS = re.compile(r"[\"“”„«»]")
_OPENERS = "“„«"
_CLOSERS = "”»"


def _only_closes(text: str, i: int, lo: int, hi: int) -> bool:
    """A mark that cannot open: a closing glyph, or a straight mark after a letter/punctuation."""
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    if text[i] in _CLOSERS:
        return not (before.isspace() and not after.isspace())
    return text[i] == '"' and not before.isspace() and (after.isspace() or not after.isalnum())


def _nested(text: str, i: int, hi: int) -> bool:
    """An opening glyph inside an open quote is nested when the paragraph still holds a closing
    glyph for it and one for the outer quote; otherwise the outer quote lost its closing mark."""
    rest = text[i + 1:hi]
    closers = sum(rest.count(c) for c in _CLOSERS)
    openers = sum(rest.count(c) for c in _OPENERS)
    return closers >= openers + 2


def _trim_end(text: str, lo: int, end: int) -> int:
    while end > lo and text[end - 1].isspace():
        end -= 1
    return end


def scan_double(text: str, lo: int, hi: int, carried: bool = False) -> list[Candidate]:
    """Double-quoted spans in ``text[lo:hi]``; the last one may be unclosed (ends at ``hi``).

    ``carried``: a quote is still open from an earlier paragraph. If this paragraph's first mark
    can only close, it closes that quote: the first candidate then starts at ``lo`` with
    ``continues=True`` (hard-wrapped texts whose lines come out as paragraphs).
    """
    found: list[Candidate] = []
    open_at: int | None = None
    depth = 0
    first = DOUBLE_MARKS.search(text, lo, hi)
    if carried and first and _only_closes(text, first.start(), lo, hi):
        found.append(Candidate(lo, first.end(), "double", continues=True))
        lo = first.end()
    for match in DOUBLE_MARKS.finditer(text, lo, hi):
        i = match.start()
        ch = text[i]
        before = text[i - 1] if i > lo else " "
        after = text[i + 1] if i + 1 < hi else " "
        opens_by_context = (before.isspace() or before in "([{—–-_*/") and not after.isspace()
        # 'why would you - “ Emmanellain': a mark with space on both sides while open closes
        closes_by_context = after.isspace() or (not before.isspace() and not after.isalnum())
        if open_at is None:
            # '" Tis only': a mark after the opener blanked to a space (PDNC) still opens
            if ch in _OPENERS or (ch == '"' and (not after.isspace() or before.isspace())) or (
                    ch in _CLOSERS and opens_by_context):
                open_at, depth = i, 0
            continue
        if ch in _CLOSERS or (ch == '"' and not opens_by_context) or (ch in _OPENERS and closes_by_context):
            if depth:
                depth -= 1  # closes a nested quote
                continue
            found.append(Candidate(open_at, i + 1, "double"))
            open_at = None
        elif ch in _OPENERS and _nested(text, i, hi):
            depth += 1  # “He said, “run” and left.”: curly marks nested inside curly marks
        else:  # a clear opener while open: the previous quote lost its closing mark
            found.append(Candidate(open_at, _trim_end(text, open_at, i), "double", closed=False))
            open_at = i
    if open_at is not None:
        found.append(Candidate(open_at, _trim_end(text, open_at, hi), "double", closed=False))
    return found
