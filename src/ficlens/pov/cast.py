"""Who a name or a pronoun points to, from the characters and mentions layers.

A reader resolves "he realised" to the last man named; we do the same: the mentions layer's
pronoun link when there is one, else the most recent named mention of a character of that gender.
When the mentions layer is empty (a hand-built Work, or the characters stage found nothing), named
mentions come from a regex over the cast's names and aliases.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property

from ficlens.model import Work

NAMED_KINDS = frozenset({"name", "title", "nickname"})
PRONOUN_GENDER = {
    "he": "male",
    "him": "male",
    "his": "male",
    "himself": "male",
    "she": "female",
    "her": "female",
    "hers": "female",
    "herself": "female",
    "they": "nonbinary",
    "them": "nonbinary",
    "their": "nonbinary",
    "themself": "nonbinary",
}
_TITLES = frozenset(
    re.findall(r"\w+", "mr mrs ms miss mx dr doctor sir lady lord professor prof captain inspector")
)


def character_gender(char) -> str | None:
    """``male``/``female``/``nonbinary`` from the gender field, else from the pronouns field."""
    if char.gender in ("male", "female", "nonbinary"):
        return char.gender
    pronouns = (char.pronouns or "").lower()
    if pronouns.startswith("he"):
        return "male"
    if pronouns.startswith("she"):
        return "female"
    if pronouns.startswith("they"):
        return "nonbinary"
    return None


def clean_name(name: str) -> str:
    """A tag or name without its fandom disambiguator: "Sherlock Holmes (Sherlock TV)" → "Sherlock Holmes"."""
    return re.sub(r"\s*\([^)]*\)\s*", " ", name).strip()


class CastIndex:
    """Names → character ids, genders, and named-mention positions for one work."""

    def __init__(self, work: Work):
        self.work = work
        self.gender: dict[str, str | None] = {c.id: character_gender(c) for c in work.characters}
        self.names: dict[str, str] = {}
        self.display_names: set[str] = set()
        token_owner: dict[str, set[str]] = {}
        for char in work.characters:
            for name in [char.name, *char.aliases, *char.epithets]:
                name = clean_name(name or "")
                if not name:
                    continue
                self.names.setdefault(name.casefold(), char.id)
                if name[0].isupper():
                    self.display_names.add(name)
                for token in re.findall(r"[A-Za-z][A-Za-z'’-]+", name):
                    if token.lower() not in _TITLES and len(token) > 1:
                        token_owner.setdefault(token, set()).add(char.id)
        for token, owners in token_owner.items():
            if len(owners) == 1:
                self.names.setdefault(token.casefold(), next(iter(owners)))
                if token[0].isupper():
                    self.display_names.add(token)

    def lookup(self, name: str) -> str | None:
        """The character id for a name, alias, or unambiguous first/last name."""
        key = clean_name(name).casefold()
        if key in self.names:
            return self.names[key]
        tokens = [t for t in re.findall(r"[A-Za-z][A-Za-z'’-]+", key) if t not in _TITLES]
        owners = {self.names[t] for t in tokens if t in self.names}
        return owners.pop() if len(owners) == 1 else None

    @cached_property
    def name_regex(self) -> re.Pattern[str] | None:
        """Any known name as a whole word (longest first), capitalised as in the text."""
        names = sorted(self.display_names, key=len, reverse=True)
        if not names:
            return None
        return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")

    @cached_property
    def named_mentions(self) -> list[tuple[int, int, str]]:
        """Sorted ``(start, end, character)`` of named mentions (layer, else regex over names)."""
        found = [
            (m.start, m.end, m.character) for m in self.work.mentions if m.character and m.kind in NAMED_KINDS
        ]
        if not found and self.name_regex is not None:
            for match in self.name_regex.finditer(self.work.text):
                char = self.names.get(match.group(0).casefold())
                if char:
                    found.append((match.start(), match.end(), char))
        found.sort()
        return found

    @cached_property
    def _named_starts(self) -> list[int]:
        return [m[0] for m in self.named_mentions]

    @cached_property
    def _subject_flags(self) -> list[bool]:
        """Whether each named mention opens a sentence (a reader's default antecedent)."""
        text = self.work.text
        flags = []
        for start, _, _ in self.named_mentions:
            window = text[max(0, start - 6) : start]
            raw = window.rstrip(" \t")
            if raw.endswith(('"', "”", "’", "'")) and len(window) - len(raw) <= 1:
                flags.append(True)  # a tag's subject: "Fine," John says.
                continue
            before = raw.rstrip("\"“”'‘’*_~")
            flags.append(not before or before[-1] in ".!?\n:;" or before.endswith(("and", "but", "—")))
        return flags

    @cached_property
    def pronoun_links(self) -> dict[int, str]:
        """Pronoun mention start → character id, from the mentions layer."""
        return {
            m.start: m.character
            for m in self.work.mentions
            if m.kind in ("pronoun", "narrator") and m.character
        }

    def resolve_pronoun(self, offset: int, pronoun: str, window: int = 3000) -> str | None:
        """The character a pronoun at ``offset`` refers to.

        A reader's default antecedent first: the last same-gender character named at the start of
        a sentence (the local subject). Then the mentions layer's link, then the last same-gender
        name anywhere. On a close-third AO3 work this ordering gave fewer false head-hops than
        trusting the coreference link first (docs/beta-rules.md).
        """
        gender = PRONOUN_GENDER.get(pronoun.lower())
        fallback = None
        if gender is not None:
            i = bisect.bisect_left(self._named_starts, offset) - 1
            while i >= 0:
                start, _, char = self.named_mentions[i]
                if offset - start > window:
                    break
                if self.gender.get(char) == gender:
                    if self._subject_flags[i]:
                        return char
                    fallback = fallback or char
                i -= 1
        return self.pronoun_links.get(offset) or fallback

    def first_named(self) -> dict[str, int]:
        """Each character's first named mention offset."""
        first: dict[str, int] = {}
        for start, _, char in self.named_mentions:
            first.setdefault(char, start)
        return first

    def first_named_at(self, start: int, end: int) -> tuple[int, int, str] | None:
        """The first named mention starting inside ``[start, end)``."""
        i = bisect.bisect_left(self._named_starts, start)
        if i < len(self.named_mentions) and self.named_mentions[i][0] < end:
            return self.named_mentions[i]
        return None

    def subjects_in(self, start: int, end: int) -> set[str]:
        """Character ids named as a sentence's (or a tag's) subject inside ``[start, end)``."""
        lo = bisect.bisect_left(self._named_starts, start)
        hi = bisect.bisect_left(self._named_starts, end)
        flags = self._subject_flags
        return {self.named_mentions[i][2] for i in range(lo, hi) if flags[i]}

    def named_in(self, start: int, end: int) -> list[str]:
        """Character ids named inside ``[start, end)``, in order of first appearance."""
        lo = bisect.bisect_left(self._named_starts, start)
        hi = bisect.bisect_left(self._named_starts, end)
        seen: dict[str, None] = {}
        for _, _, char in self.named_mentions[lo:hi]:
            seen.setdefault(char, None)
        return list(seen)


def cast_index(work: Work) -> CastIndex:
    """One CastIndex per run (cached in ``work.runtime``)."""
    index = work.runtime.get("pov.cast")
    if index is None or index.work is not work:
        index = work.runtime["pov.cast"] = CastIndex(work)
    return index
