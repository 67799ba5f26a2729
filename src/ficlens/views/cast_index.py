"""The cast as the reading view shows it: a stable display order and small integer ids.

Character ids come from the analysis (or from a user's cast list) and are never put into markup:
the page refers to characters by their position here, so ids cannot break out of a class name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ficlens.model import Character, Work
from ficlens.views.palette import Swatch, swatch


@dataclass
class CastIndex:
    characters: list[Character]
    index: dict[str, int]
    lines: list[int] = field(default_factory=list)
    words: list[int] = field(default_factory=list)
    mentions: list[int] = field(default_factory=list)

    def of(self, char_id: str | None) -> int | None:
        """Display index of a character id (None when unknown or absent)."""
        return None if char_id is None else self.index.get(char_id)

    def name(self, char_id: str | None, default: str = "unknown") -> str:
        i = self.of(char_id)
        if i is None:
            return default if char_id is None else str(char_id)
        return self.characters[i].name

    def swatch(self, i: int) -> Swatch:
        return swatch(i)


def build_cast_index(work: Work) -> CastIndex:
    """Cast sorted by lines spoken, then mentions; counts from the character records when the
    speaker stage filled them, else counted here from quotes and mentions."""
    known = {c.id for c in work.characters}
    counted_lines: dict[str, int] = {}
    counted_words: dict[str, int] = {}
    for q in work.quotes:
        if q.speaker in known:
            counted_lines[q.speaker] = counted_lines.get(q.speaker, 0) + 1
            counted_words[q.speaker] = counted_words.get(q.speaker, 0) + len(work.text[q.start:q.end].split())
    counted_mentions: dict[str, int] = {}
    for m in work.mentions:
        if m.character in known:
            counted_mentions[m.character] = counted_mentions.get(m.character, 0) + 1

    def lines(c: Character) -> int:
        return c.quote_count or counted_lines.get(c.id, 0)

    def words(c: Character) -> int:
        return c.words_spoken or counted_words.get(c.id, 0)

    def mentions(c: Character) -> int:
        return counted_mentions.get(c.id, 0) or c.mention_count

    seen: set[str] = set()
    unique = []
    for c in work.characters:
        if c.id not in seen:
            seen.add(c.id)
            unique.append(c)
    ordered = sorted(unique, key=lambda c: (-lines(c), -mentions(c), c.name.casefold()))
    return CastIndex(
        characters=ordered,
        index={c.id: i for i, c in enumerate(ordered)},
        lines=[lines(c) for c in ordered],
        words=[words(c) for c in ordered],
        mentions=[mentions(c) for c in ordered],
    )
