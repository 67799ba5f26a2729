"""Scene breaks written in the text: glyph lines, POV labels, runs of blank lines; and the
decision on markup "nbsp" candidates (an empty paragraph is a break only where empties are rare).
"""

from __future__ import annotations

import bisect
import re

from ficlens.model import Break, Paragraph

_QUOTES = "\"“”‘'’«»„"
_DOTS_ONLY = re.compile(r"[.!?…·\s]+")
_LETTERS_ONLY_GLYPH = re.compile(r"x{3,}|X{3,}|O{3,}|(?:xX)+x|(?:Xx)+X|(?:oO)+o|(?:Oo)+O")
_WORD_THEN_PUNCT = re.compile(r"[A-Za-z]+[.!?…,]+")
_SCENE_WORDS = re.compile(r"[\W_]*(?:scene|line|page|time|pov)[ -]?(?:break|change|skip|switch)[\W_]*",
                          re.IGNORECASE)
_BARE_BREAK = re.compile(r"[\W_]+break[\W_]+", re.IGNORECASE)   # "[break]", "-break-", not "Break"
_DECOR = r"[\s~*=#_\[\](){}<>•·:|+-]*"
_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
_POV = r"(?i:pov|p\.o\.v\.?|point of view)"
_LABEL = re.compile(rf"{_DECOR}(?:{_NAME}(?:['’]s)?\s+{_POV}|{_POV}\s*[:\-–—]?\s*{_NAME}){_DECOR}")
_BLANK_RUN = re.compile(r"\n(?:[^\S\n]*\n){3,}")   # nbsp-only lines count as blank too


def glyph_of(line: str, centered: bool = False) -> str | None:
    """The line itself if it is a decorative divider (``* * *``, ``xXx``, ``.:O:.``, ``[scene
    break]``), else None. Dialogue (quote marks), words and bare ellipses are never glyphs."""
    line = line.strip()
    if not line or "\n" in line or len(line) > 100 or any(q in line for q in _QUOTES):
        return None
    if _SCENE_WORDS.fullmatch(line) or _BARE_BREAK.fullmatch(line):
        return line
    if any(c.isdigit() and c != "0" for c in line):
        return None
    letters = [c for c in line.replace("0", "o") if c.isalpha()]
    if not letters:
        return None if _DOTS_ONLY.fullmatch(line) else line
    if any(c not in "xXoO" for c in letters):
        return None
    symbols = [c for c in line if not c.isalnum() and not c.isspace()]
    if not symbols:
        compact = line.replace(" ", "").replace("0", "O" if "O" not in line else "o")
        if _LETTERS_ONLY_GLYPH.fullmatch(compact) or (centered and len(compact) >= 2):
            return line
        return None
    if _WORD_THEN_PUNCT.fullmatch(line) or "!" in line or "?" in line:   # "Ooo!", "--O!" are sounds
        return None
    return line


def label_of(line: str) -> str | None:
    """The line if it is a point-of-view label on its own ("Harry's POV", "[Sherlock's POV]")."""
    line = line.strip()
    if not line or "\n" in line or len(line) > 60:
        return None
    return line if _LABEL.fullmatch(line) else None


def blank_line_breaks(text: str, paragraphs: list[Paragraph], narrative: set[int]) -> list[Break]:
    """Runs of 3+ blank lines between two narrative paragraphs; none when such runs are the
    text's ordinary paragraph separator. ``narrative`` holds indices of story paragraphs."""
    runs = list(_BLANK_RUN.finditer(text))
    if not runs or len(runs) > max(3, 0.3 * len(paragraphs)):
        return []
    starts = [p.start for p in paragraphs]
    out = []
    for m in runs:
        nxt = bisect.bisect_left(starts, m.end())
        prev = nxt - 1
        if prev in narrative and nxt in narrative:
            out.append(Break(m.start() + 1, m.end(), "blank_lines"))
    return out


def keep_nbsp(candidates: list[Break], paragraphs: list[Paragraph], narrative: set[int],
              same_chapter) -> list[Break]:
    """The nbsp candidates that are real breaks: one empty paragraph between two narrative
    paragraphs of one chapter, in a work where empty paragraphs are rare (else they are upload
    artifacts and all are dropped). ``same_chapter(i, j)`` says whether paragraphs i, j share one."""
    if not candidates:
        return []
    positions = sorted({b.start for b in candidates})
    if len(positions) > max(2, 0.1 * max(1, len(narrative))):
        return []
    starts = [p.start for p in paragraphs]
    kept: list[Break] = []
    seen: set[int] = set()
    for b in sorted(candidates, key=lambda b: b.start):
        if b.start in seen:
            continue
        nxt = bisect.bisect_left(starts, b.start)
        prev = nxt - 1
        if prev in narrative and nxt in narrative and same_chapter(prev, nxt):
            seen.add(b.start)
            kept.append(b)
    return kept
