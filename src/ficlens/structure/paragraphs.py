"""Paragraphs of plain text: blank-line blocks; or, when the text has almost no blank lines, its
lines (one paragraph a line) or, if it is hard-wrapped, runs of lines up to a short one that ends a
sentence; or indented first lines when the author marks paragraphs that way.

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


def line_view(text: str) -> str:
    """``text`` with old Mac line ends (a lone CR, no LF anywhere) read as LF: same length, so
    every offset found in the view is an offset into ``text``."""
    return text.replace("\r", "\n") if "\r" in text and "\n" not in text else text


def split_paragraphs(text: str) -> list[Paragraph]:
    """Paragraph spans of ``text`` (see module doc)."""
    text = line_view(text)
    blocks = [(s, e) for s, e in _blocks(text) if not text[s:e].isspace() and s < e]
    pieces = [m.group(2).rstrip() for m in _CONTENT_LINE.finditer(text)]
    few_blanks = len(pieces) >= 20 and len(blocks) * 10 < len(pieces)
    wrap = _wrap_width(pieces) if len(pieces) >= 20 else None
    width = wrap if few_blanks else None
    out: list[Paragraph] = []
    for start, end in blocks:
        out.extend(_split_block(text, start, end, few_blanks and width is None, width,
                                hard_wrapped=wrap is not None))
    return out


def _wrap_width(pieces: list[str]) -> int | None:
    """The line width of a hard-wrapped text (most lines near one width, mostly ending
    mid-sentence), else None: its lines are then not paragraphs, however few blank lines it has."""
    lengths = sorted(len(piece) for piece in pieces)
    width = lengths[int(len(lengths) * 0.9)]
    if width > 100:
        return None
    near = sum(1 for n in lengths if n >= 0.75 * width)
    ended = sum(1 for piece in pieces if _TERMINAL_END.search(piece))
    return width if near >= 0.5 * len(pieces) and ended < 0.5 * len(pieces) else None


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """Stretches of text between runs of blank lines (untrimmed; each starts at a line start)."""
    pos = 0
    for m in _BLANK_RUN.finditer(text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


def _split_block(text: str, start: int, end: int, by_line: bool, width: int | None = None,
                 hard_wrapped: bool = False) -> list[Paragraph]:
    """One block's paragraphs: cut at first-line indents when the block is written that way; else
    after each short line ending a sentence when the text is hard-wrapped at ``width`` with few
    blank lines; else ``by_line`` (the text's lines are its paragraphs); else a block whose lines
    are each a whole paragraph (long, ending a sentence) is split into lines, while hard-wrapped
    prose (however its lines happen to end: '…said Mr.' / 'Erskine; "…"') and blocks of short
    lines (a letter, a heading, a poem) stay one."""
    lines = [(m.start(2), m.end(2), m.group(1)) for m in _CONTENT_LINE.finditer(text, start, end)]
    if len(lines) <= 1:
        return [_trimmed(text, start, end)]
    pieces = [text[s:e] for s, e, _ in lines]
    firsts = _indented_starts([indent for _, _, indent in lines], pieces)
    if firsts:
        bounds = [*firsts, len(lines)]
        return [_trimmed(text, lines[a][0], lines[b - 1][1]) for a, b in pairwise(bounds)]
    if width:
        ends = [n for n, piece in enumerate(pieces[:-1]) if len(piece.rstrip()) < 0.8 * width
                and _TERMINAL_END.search(piece)]
        bounds = [0, *(n + 1 for n in ends), len(lines)]
        return [_trimmed(text, lines[a][0], lines[b - 1][1]) for a, b in pairwise(bounds)]
    if by_line:
        return [_trimmed(text, s, e) for s, e, _ in lines]
    if hard_wrapped:
        return [_trimmed(text, start, end)]
    finished = sum(1 for piece in pieces if _TERMINAL_END.search(piece))
    mean_len = sum(len(piece) for piece in pieces) / len(pieces)
    if finished >= 0.75 * len(pieces) and mean_len >= 60:
        return [_trimmed(text, s, e) for s, e, _ in lines]
    return [_trimmed(text, start, end)]


def _indented_starts(indents: list[str], pieces: list[str]) -> list[int] | None:
    """The lines that open paragraphs in a block written with first-line indents and no blank
    lines: the block opens with an indent, every line is flush or has that same indent, and the
    line before each indented one ends a sentence, and most paragraphs run over several lines.
    Letters (flush greeting, indented body), poems (alternating indents, lines ending in commas)
    and indented verse inside prose fail these tests and stay whole."""
    first = indents[0]
    if not _INDENT.fullmatch(first) or any(indent not in ("", first) for indent in indents):
        return None
    marked = [n for n, indent in enumerate(indents) if indent == first]
    if len(marked) < 3 or len(marked) == len(indents):   # a block indented all over is a quotation
        return None
    ended = sum(1 for n in marked[1:] if _TERMINAL_END.search(pieces[n - 1]))
    wrapped = sum(1 for a, b in pairwise([*marked, len(indents)]) if b - a > 1)
    if ended < 0.75 * (len(marked) - 1) or wrapped * 2 < len(marked):   # verse: indented lines in a row
        return None
    return marked


def _trimmed(text: str, start: int, end: int) -> Paragraph:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Paragraph(start, end)
