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
_INDENT = re.compile(r"\t{1,2}|[ \xa0]{2,8}|\u3000{1,2}")  # a first-line indent (not centering)


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
    """One block's paragraphs: cut at first-line indents when the block is written that way; else
    ``by_line`` (the text's lines are its paragraphs); else a block whose lines are each a whole
    paragraph (long, ending a sentence) is split into lines, while hard-wrapped prose and blocks
    of short lines (a letter, a heading, a poem) stay one."""
    lines = [(m.start(2), m.end(2), m.group(1)) for m in _CONTENT_LINE.finditer(text, start, end)]
    if len(lines) <= 1:
        return [_trimmed(text, start, end)]
    pieces = [text[s:e] for s, e, _ in lines]
    firsts = _indented_starts([indent for _, _, indent in lines], pieces)
    if firsts:
        bounds = [*firsts, len(lines)]
        return [_trimmed(text, lines[a][0], lines[b - 1][1]) for a, b in pairwise(bounds)]
    if by_line:
        return [_trimmed(text, s, e) for s, e, _ in lines]
    finished = sum(1 for piece in pieces if _TERMINAL_END.search(piece))
    mean_len = sum(len(piece) for piece in pieces) / len(pieces)
    if finished >= 0.75 * len(pieces) and mean_len >= 60:
        return [_trimmed(text, s, e) for s, e, _ in lines]
    return [_trimmed(text, start, end)]


def _indented_starts(indents: list[str], pieces: list[str]) -> list[int] | None:
    """The lines that open paragraphs in a block written with first-line indents and no blank
    lines: the block opens with an indent, every line is flush or has that same indent, and the
    line before each indented one ends a sentence. Letters (flush greeting, indented body) and
    poems (alternating indents, lines ending in commas) fail these tests and stay whole."""
    first = indents[0]
    if not _INDENT.fullmatch(first) or any(indent not in ("", first) for indent in indents):
        return None
    marked = [n for n, indent in enumerate(indents) if indent == first]
    if len(marked) < 2 or len(marked) == len(indents):   # a block indented all over is a quotation
        return None
    ended = sum(1 for n in marked[1:] if _TERMINAL_END.search(pieces[n - 1]))
    return marked if ended >= 0.75 * (len(marked) - 1) else None


def _trimmed(text: str, start: int, end: int) -> Paragraph:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Paragraph(start, end)
