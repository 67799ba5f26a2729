"""Paragraphs of plain text: blank-line blocks, or lines when the text has almost no blank lines.

Spans are exact offsets into the text with surrounding whitespace left outside; nothing is
stripped from the text itself.
"""

from __future__ import annotations

import re

from ficlens.model import Paragraph

_BLOCK = re.compile(r"[^\s](?:.|\n(?![ \t\r\f\v]*(?:\n|$)))*")
_LINE = re.compile(r"[^\n]*\S[^\n]*")
_TERMINAL_END = re.compile(r"[.!?…\"”’)\]*~]\s*$")


def split_paragraphs(text: str) -> list[Paragraph]:
    """Paragraph spans of ``text`` (see module doc)."""
    lines = [m for m in _LINE.finditer(text)]
    blocks = [m for m in _BLOCK.finditer(text)]
    if len(lines) >= 20 and len(blocks) * 10 < len(lines):
        return [_trimmed(text, m.start(), m.end()) for m in lines]  # one line = one paragraph
    out: list[Paragraph] = []
    for m in blocks:
        out.extend(_split_block(text, m.start(), m.end()))
    return out


def _split_block(text: str, start: int, end: int) -> list[Paragraph]:
    """A block whose lines are each a whole paragraph (long, ending a sentence) is split into
    lines; hard-wrapped prose and blocks of short lines (a letter, a heading, a poem) stay one."""
    block = text[start:end]
    if "\n" not in block:
        return [_trimmed(text, start, end)]
    spans = [(start + m.start(), start + m.end()) for m in _LINE.finditer(block)]
    pieces = [text[s:e] for s, e in spans]
    finished = sum(1 for piece in pieces if _TERMINAL_END.search(piece))
    mean_len = sum(len(piece) for piece in pieces) / len(pieces)
    if finished >= 0.75 * len(pieces) and mean_len >= 60:
        return [_trimmed(text, s, e) for s, e in spans]
    return [_trimmed(text, start, end)]


def _trimmed(text: str, start: int, end: int) -> Paragraph:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Paragraph(start, end)
