"""Folding one character into another after decoding, when the dialogue shows they are one
person (a speaking description, a name said only in address): the lines, the mentions and the
cast entry move to the character that stays."""

from __future__ import annotations

from ficlens.model import Work


def genders_clash(genders: dict[str, str | None], a: str, b: str) -> bool:
    """Are ``a`` and ``b`` known to be a man and a woman?"""
    known = ("male", "female")
    return genders.get(a) in known and genders.get(b) in known and genders[a] != genders[b]


def fold_characters(work: Work, decided: dict[int, tuple[str | None, str]], merged: dict[str, str]) -> None:
    """Give every line and mention of each key of ``merged`` to its value, and drop the key
    from the cast (the caller has already moved its names where they belong)."""
    for qi, (speaker, evidence) in decided.items():
        if speaker in merged:
            decided[qi] = (merged[speaker], evidence)
    for m in work.mentions:
        if m.character in merged:
            m.character = merged[m.character]
    work.characters = [c for c in work.characters if c.id not in merged]
