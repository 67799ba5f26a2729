"""Escaped inline markup for one block of text from overlapping spans.

Spans nest (mentions inside quotes) but may also cross (a beta-reader finding that starts inside one
quote and ends in the next). Walking the block boundary by boundary, the set of open spans is kept as
a stack in a canonical order (earlier start and longer first); where a span must close while spans
opened after it are still open, those are closed and re-opened, so the output always nests properly.
All slicing is done here in Python, on code-point offsets, so emoji never shift a span.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from html import escape


@dataclass(slots=True)
class InlineSpan:
    """A span to wrap in markup. ``open_first`` starts the first piece; ``open_more`` re-opens a
    piece after a split (without ids or tab stops, which must stay unique)."""

    start: int
    end: int
    rank: int                 # tie-break on equal extent: lower ranks are outer
    open_first: str
    close: str
    open_more: str | None = None


def escape_text(s: str) -> str:
    """Escape text content (quotes need no escaping outside attributes: smaller output)."""
    return escape(s, quote=False)


def inline_html(text: str, start: int, end: int, spans: list[InlineSpan],
                opened: set[int] | None = None) -> str:
    """Markup for ``text[start:end]`` with ``spans`` (clipped to the block) wrapped around it.

    ``opened`` (ids of spans already started) is shared across blocks by a caller whose spans run
    over several blocks, so only the very first piece of a span gets ``open_first``."""
    if not spans:
        return escape_text(text[start:end])
    clipped = []
    points: dict[int, list[InlineSpan]] = {}   # empty spans render as an empty element at a point
    bounds = {start, end}
    for s in spans:
        a, b = max(s.start, start), min(s.end, end)
        if a > b or (a == b and not start <= a <= end):
            continue
        if a == b:
            points.setdefault(a, []).append(s)
            continue
        clipped.append((a, b, s))
        bounds.add(a)
        bounds.add(b)
    edges = sorted(bounds)
    out: list[str] = []
    stack: list[tuple[int, int, InlineSpan]] = []
    opened = set() if opened is None else opened
    for a, b in itertools.pairwise(edges):
        active = sorted((c for c in clipped if c[0] <= a and c[1] >= b), key=_nesting_order)
        keep = 0
        while keep < len(stack) and keep < len(active) and stack[keep] is active[keep]:
            keep += 1
        for _, _, s in reversed(stack[keep:]):
            out.append(s.close)
        for c in active[keep:]:
            s = c[2]
            first = id(s) not in opened
            opened.add(id(s))
            out.append(s.open_first if first or s.open_more is None else s.open_more)
        stack = stack[:keep] + active[keep:]
        for s in points.pop(a, ()):
            out.append(s.open_first + s.close)
        out.append(escape_text(text[a:b]))
    for _, _, s in reversed(stack):
        out.append(s.close)
    for pos in sorted(points):
        out.extend(s.open_first + s.close for s in points[pos])
    return "".join(out)


def _nesting_order(c: tuple[int, int, InlineSpan]) -> tuple[int, int, int]:
    return (c[0], -c[1], c[2].rank)
