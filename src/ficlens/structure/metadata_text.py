"""Metadata written as "Key: value" lines in a plain-text credits block ("Title:", "Author:",
"Fandom:", "Pairing:", "Rating:", "Summary:"...), a "by Name" line, and a bare title line on top
("The Salt Clock", "# The Salt Clock"). Never overwrites what ingest filled."""

from __future__ import annotations

import re
from typing import Any

_KEY = re.compile(r"^\s*(?P<key>[A-Za-z][A-Za-z' ]{1,24}?)\s*:\s*(?P<value>.*)$")
_FIELDS = {
    "title": "title", "author": "authors", "authors": "authors", "writer": "authors", "by": "authors",
    "fandom": "fandoms", "fandoms": "fandoms",
    "pairing": "relationships", "pairings": "relationships", "relationship": "relationships",
    "relationships": "relationships", "ship": "relationships", "ships": "relationships",
    "rating": "rating", "rated": "rating", "summary": "summary",
    "character": "characters", "characters": "characters",
    "warning": "warnings", "warnings": "warnings", "archive warning": "warnings",
    "category": "categories", "categories": "categories", "genre": "genres", "genres": "genres",
    "language": "language",
}
_LISTS = {"authors", "fandoms", "relationships", "characters", "warnings", "categories", "genres"}
_SPLIT = re.compile(r"\s*(?:,|;|\band\b)\s*")
_SPLIT_NO_AND = re.compile(r"\s*[,;]\s*")
_DISAMBIGUATOR = re.compile(r"\s*\([^)]*\)\s*$")
_BYLINE = re.compile(r"^\s*(?:written\s+)?by\s+(?P<names>\S.{0,80}?)\s*$", re.IGNORECASE)
_TITLE_DECOR = "#*_~=-[] \t\r"


def parse_front_metadata(block: str, at_top: bool = False) -> dict[str, Any]:
    """Fields found in the credits block text; a key's value runs on over following lines that
    are not keys (a long summary). With ``at_top`` (the block opens the text) its first line is
    the title when a "by Name" line backs it up or it is a Markdown "# Title"."""
    found: dict[str, str] = {}
    current: str | None = None
    lines = block.split("\n")
    title = _title_line(lines) if at_top else None
    if title and not (lines[0].lstrip().startswith("#") or any(_BYLINE.match(x) for x in lines)):
        title = None   # a bare first line is a title only beside a "by Name" line (or as a "# Title")
    if title:
        found["title"] = title
    for line in lines:
        m = _KEY.match(line)
        name = _FIELDS.get(m.group("key").strip().lower()) if m else None
        byline = _BYLINE.match(line) if not name else None
        if byline and "authors" not in found:
            found["authors"] = byline.group("names")
            current = None
            continue
        if name:
            current = name
            if name not in found or (name == "title" and found[name] == title):
                found[name] = m.group("value").strip()  # type: ignore[union-attr]
            continue
        if current == "summary" and line.strip() and found.get(current) is not None:
            found[current] = (found[current] + " " + line.strip()).strip()
        else:
            current = None
    return {name: _value(name, raw) for name, raw in found.items() if raw}


def _title_line(lines: list[str]) -> str | None:
    """The first line when it reads as a bare title: short, not a key, byline or credit."""
    from ficlens.structure.notes import FRONT_LINE

    line = next((x for x in lines if x.strip(_TITLE_DECOR)), "")
    title = line.strip(_TITLE_DECOR)
    if not title or len(title) > 100 or title.endswith((".", ",", ";", ":")):
        return None
    if _KEY.match(title) and _FIELDS.get(_KEY.match(title).group("key").strip().lower()):  # type: ignore[union-attr]
        return None
    if _BYLINE.match(title) or FRONT_LINE.match(title):
        return None
    return title


def _value(name: str, raw: str) -> Any:
    if name not in _LISTS:
        return raw
    if name == "relationships":
        return [_relationship(x.strip()) for x in re.split(r"[,;]", raw) if x.strip()]
    # "Harry and Ron", "by Ann and Bo"; but "Percy Jackson and the Olympians" is one fandom
    splitter = _SPLIT if name in ("authors", "characters") else _SPLIT_NO_AND
    items = [x for x in splitter.split(raw) if x]
    if name == "characters":
        return [_DISAMBIGUATOR.sub("", x) for x in items]
    return items


def _relationship(tag: str) -> dict[str, Any]:
    """``A/B`` is romantic, ``A & B`` (or "A and B") platonic, as AO3's convention has it."""
    if "/" in tag:
        kind, names = "romantic", tag.split("/")
    else:
        kind, names = "platonic", re.split(r"\s*&\s*", tag)
    characters = [_DISAMBIGUATOR.sub("", n).strip() for n in names if n.strip()]
    return {"tag": tag, "kind": kind, "characters": characters}


def merge_metadata(metadata: dict[str, Any], found: dict[str, Any]) -> None:
    """Add ``found`` fields that ``metadata`` lacks (or has empty)."""
    for key, value in found.items():
        if metadata.get(key) in (None, "", [], {}):
            metadata[key] = value
