"""Paragraphs of plain text: blank-line blocks, or lines when the text has almost no blank lines,
or indented first lines when the author marks paragraphs that way (a tab or spaces, no blank line).

Spans are exact offsets into the text with surrounding whitespace left outside; nothing is
stripped from the text itself. Every regex here is linear in the text (no alternation inside a
repeat), so a 10 MB single paragraph costs a fraction of a second and no extra memory.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from ficlens.model import Paragraph

_BLANK_RUN = re.compile(r"\n(?:[^\S\n]*\n)+")          # one or more whitespace-only lines
_CONTENT_LINE = re.compile(r"(?m)^([^\S\n]*)(\S.*)$")    # a line with text; group 1 is its indent
_TERMINAL_END = re.compile(r"[.!?…\"”’)\]*~]\s*$")
_INDENT = re.compile(r"\t|[ \xa0]{2,}|\u3000")           # what marks a paragraph's first line


def split_paragraphs(text: str) -> list[Paragraph]:
    """Paragraph spans of ``text`` (see module doc)."""
    blocks = [(s, e) for s, e in _blocks(text) if not text[s:e].isspace() and s < e]
    line_count = sum(1 for _ in _CONTENT_LINE.finditer(text))
    by_line = line_count >= 20 and len(blocks) * 10 < line_count
    out: list[Paragraph] = []
    for start, end in blocks:
        out.extend(_split_block(text, start, end, by_line))
    return out


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """Stretches of text between runs of blank lines (untrimmed; each starts at a line start)."""
    pos = 0
    for m in _BLANK_RUN.finditer(text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


def _split_block(text: str, start: int, end: int, by_line: bool) -> list[Paragraph]:
    """One block's paragraphs. Indented first lines win when two or more lines are indented;
    then ``by_line`` (the text's lines are its paragraphs); else a block whose lines are each a
    whole paragraph (long, ending a sentence) is split into lines, while hard-wrapped prose and
    blocks of short lines (a letter, a heading, a poem) stay one."""
    lines = [(m.start(2), m.end(2), m.group(1)) for m in _CONTENT_LINE.finditer(text, start, end)]
    if len(lines) <= 1:
        return [_trimmed(text, start, end)]
    marked = [n for n, (_, _, indent) in enumerate(lines) if _INDENT.search(indent)]
    if len(marked) >= 2:
        firsts = sorted({0, *marked})
        bounds = [*firsts, len(lines)]
        return [_trimmed(text, lines[a][0], lines[b - 1][1]) for a, b in pairwise(bounds)]
    if by_line:
        return [_trimmed(text, s, e) for s, e, _ in lines]
    pieces = [text[s:e] for s, e, _ in lines]
    finished = sum(1 for piece in pieces if _TERMINAL_END.search(piece))
    mean_len = sum(len(piece) for piece in pieces) / len(pieces)
    if finished >= 0.75 * len(pieces) and mean_len >= 60:
        return [_trimmed(text, s, e) for s, e, _ in lines]
    return [_trimmed(text, start, end)]


def _trimmed(text: str, start: int, end: int) -> Paragraph:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Paragraph(start, end)
