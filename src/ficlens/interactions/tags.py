"""Relationship tags (AO3 "A/B", "A & B") compared with who actually talks to whom."""

from __future__ import annotations

import re
from typing import Any

from ficlens.pov.cast import CastIndex, clean_name


def parse_tag(tag: Any) -> tuple[str, str, list[str]]:
    """``(tag, kind, names)`` from a metadata relationship (a dict from ingest, or a bare string)."""
    if isinstance(tag, dict):
        text = str(tag.get("tag") or "")
        kind = tag.get("kind") or _kind(text)
        names = [str(n) for n in tag.get("characters") or _names(text)]
        return text, kind, names
    text = str(tag)
    return text, _kind(text), _names(text)


def _kind(text: str) -> str:
    if "/" in text:
        return "romantic"
    if "&" in text:
        return "platonic"
    return "other"


def _names(text: str) -> list[str]:
    return [clean_name(n) for n in re.split(r"\s*[/&]\s*", text) if clean_name(n)]


def tag_entries(
    relationships: list[Any], cast: CastIndex, undirected: dict[tuple[str, str], dict]
) -> list[dict]:
    """One entry per tag: its characters (ids or None), how much they talk, and a status.

    Status: ``unmapped`` (a name matches no character), ``tagged_silent`` (they never speak to each
    other), ``tagged_speaking`` otherwise.
    """
    entries = []
    for raw in relationships:
        text, kind, names = parse_tag(raw)
        ids = [cast.lookup(n) for n in names]
        quotes = words = 0
        known = [i for i in ids if i]
        for i, a in enumerate(known):
            for b in known[i + 1 :]:
                pair = undirected.get(tuple(sorted((a, b))))
                if pair:
                    quotes += pair["quotes"]
                    words += pair["words"]
        if None in ids or len(set(known)) < 2:
            status = "unmapped"
        elif quotes == 0:
            status = "tagged_silent"
        else:
            status = "tagged_speaking"
        entries.append(
            {"tag": text, "kind": kind, "characters": ids, "quotes": quotes, "words": words, "status": status}
        )
    return entries


def untagged_dominant(entries: list[dict], top_pairs: list[dict], limit: int = 3) -> list[dict]:
    """Top pairs no relationship tag covers (only meaningful when the work has tags)."""
    covered = set()
    for entry in entries:
        ids = [i for i in entry["characters"] if i]
        covered.update(tuple(sorted((a, b))) for a in ids for b in ids if a != b)
    out = []
    for pair in top_pairs[:limit]:
        if pair["quotes"] and (pair["a"], pair["b"]) not in covered:
            out.append(
                {
                    "tag": None,
                    "kind": "untagged",
                    "characters": [pair["a"], pair["b"]],
                    "quotes": pair["quotes"],
                    "words": pair["words"],
                    "status": "untagged_dominant",
                }
            )
    return out
