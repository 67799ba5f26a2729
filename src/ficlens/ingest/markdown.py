"""Italics written the Markdown way (``*word*``, ``_word_``, ``***both***``) in a plain-text work.

The text keeps its asterisks and underscores (it is never rewritten); each italic run becomes a
``work.italics`` span over the words between the markers, as HTML ``<i>`` gives for markup
input. The rules follow CommonMark where it matters for prose: a marker must touch the word it
opens or closes, ``**bold**`` is not italic, markers inside a word (``snake_case``, ``2*3*4``)
and escaped ones (``\\*``) are literal, and a run never crosses a blank line.
"""

from __future__ import annotations

import re

from ficlens.model import Span

_BLANK_RUN = re.compile(r"\n(?:[^\S\n]*\n)+")
_MARKER_RUN = re.compile(r"(?<!\\)(?:\*+|_+)")


def italic_spans(text: str) -> list[Span]:
    """Spans of the Markdown italic runs in ``text`` (the words inside the markers), merged and sorted.

    One pass over the marker runs with a stack of open ones (CommonMark's delimiter idea, cut
    down), so the cost stays linear even in text full of stray asterisks."""
    if "*" not in text and "_" not in text:
        return []
    found: list[tuple[int, int]] = []
    for start, end in _blocks(text):
        if "*" in text[start:end] or "_" in text[start:end]:
            found.extend(_block_italics(text, start, end))
    return [Span(s, e) for s, e in _merge(found)]


def _block_italics(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    openers: dict[str, list[int]] = {"*": [], "_": []}   # per marker: ends of the open runs
    for m in _MARKER_RUN.finditer(text, start, end):
        run = m.group()
        if len(run) not in (1, 3):        # ** is bold, longer runs are decoration
            continue
        before = text[m.start() - 1] if m.start() > start else " "
        after = text[m.end()] if m.end() < end else " "
        stack = openers[run[0]]
        if stack and not before.isspace() and not after.isalnum():
            out.append((stack.pop(), m.start()))
        elif not after.isspace() and not before.isalnum():
            stack.append(m.end())
    return out


def _blocks(text: str) -> list[tuple[int, int]]:
    """Stretches of text between blank lines: an italic run never crosses one."""
    out = []
    pos = 0
    for m in _BLANK_RUN.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged
