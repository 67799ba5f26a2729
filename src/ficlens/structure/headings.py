"""Recognise a chapter heading line the way authors write them, and the title line under it.

"Chapter 12", "Chapter 12: Title", "Chapter Twelve - Title", "CHAPTER XII", "Ch. 3", "Prologue",
"Epilogue: After", "Interlude", "Part Two", "Part 2". The whole line must be the heading, so
"Chapter" inside a sentence never matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ficlens.structure.numbers import WORD_NUMBERS, parse_number

_WORD_ALTS = "|".join(sorted((re.escape(w) for w in WORD_NUMBERS), key=len, reverse=True))
_END = r"(?![^\W_])"  # a word ends here; unlike \b, an underscore may follow ("_Chapter I_")
_NUMBER = rf"(?P<num>\d{{1,4}}|(?:{_WORD_ALTS}){_END}|(?-i:[IVXLCDM]{{1,8}}){_END})"
_SEP = r"(?:\s*[:.\-–—|)]\s*|\s+[-–—~]\s+|\s*,\s+)"
_DECOR = r"[\s~*=#_\[\](){}<>•·.-]*"
_TITLE = r"(?P<title>\S.{0,118}?)"

_NUMBERED = re.compile(
    rf"{_DECOR}(?P<word>chapter|chap\.?|ch\.|part|book|act)\s*{_NUMBER}\.?(?:{_SEP}{_TITLE})?{_DECOR}",
    re.IGNORECASE)
_NAMED = re.compile(
    rf"{_DECOR}(?P<word>prologue|epilogue|interlude|omake|afterword|foreword|coda){_END}(?:{_SEP}{_TITLE})?{_DECOR}",
    re.IGNORECASE)

_TERMINAL = (".", ",", ";", ":", "\"", "“", "”", "'", "‘", "’")


@dataclass(frozen=True, slots=True)
class Heading:
    """What a heading line says: its number (None for "Prologue"), title and the word used."""

    number: int | None
    title: str | None
    word: str


def parse_heading(line: str) -> Heading | None:
    """The heading this whole line is, or None."""
    line = line.strip()
    if not line or len(line) > 140:
        return None
    m = _NUMBERED.fullmatch(line)
    if m:
        number = parse_number(m.group("num"))
        if number is None:
            return None
        return Heading(number, _clean_title(m.group("title")), m.group("word").lower().rstrip("."))
    m = _NAMED.fullmatch(line)
    if m:
        word = m.group("word").capitalize()
        subtitle = _clean_title(m.group("title"))
        return Heading(None, f"{word}: {subtitle}" if subtitle else word, word.lower())
    return None


def _clean_title(title: str | None) -> str | None:
    if not title:
        return None
    title = title.strip().strip("*~=#_").strip()
    return title or None


def is_title_line(line: str) -> bool:
    """Could this short line be a chapter title sitting under a bare "Chapter 3" line?"""
    line = line.strip()
    if not line or len(line) > 90 or "\n" in line:
        return False
    if line[0] in "\"“‘'—–-" or line.endswith(_TERMINAL):
        return False
    words = line.split()
    if len(words) > (20 if line.isupper() else 12):   # an all-capitals line is a title even when long
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return len(words) <= 5 or capitalised >= len(words) / 2
