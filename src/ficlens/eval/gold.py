"""Gold annotations of one novel, the same shape whichever corpus (PDNC, QuoteLi3, LitBank) they come from.

Every loader turns its corpus into a :class:`GoldNovel` so that one scorer judges them all.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class GoldCharacter:
    """A gold character: ``id`` is what gold quotes name as speaker/addressee."""

    id: str
    name: str
    aliases: set[str] = field(default_factory=set)
    gender: str | None = None
    category: str | None = None        # major | intermediate | minor (PDNC); None elsewhere

    def alias_set(self) -> set[str]:
        return {self.name, *self.aliases}


@dataclass(slots=True)
class GoldQuote:
    """One gold quotation; ``spans`` are its sub-spans (PDNC splits a quote at a speech tag)."""

    id: str
    spans: list[tuple[int, int]]
    speaker: str | None
    addressees: list[str] = field(default_factory=list)
    type: str | None = None            # Explicit | Anaphoric | Implicit (PDNC only)


@dataclass(slots=True)
class GoldPronoun:
    """A gold PER pronoun whose cluster is a character (LitBank coreference)."""

    start: int
    end: int
    character: str


@dataclass
class GoldNovel:
    """One annotated text: ``text`` is exactly what ficlens is given to analyze."""

    corpus: str
    name: str
    text: str
    quotes: list[GoldQuote] = field(default_factory=list)
    characters: list[GoldCharacter] = field(default_factory=list)
    pronouns: list[GoldPronoun] = field(default_factory=list)
    path: str | None = None            # the file that holds ``text`` verbatim, when there is one

    def all_spans(self) -> list[tuple[int, int]]:
        """Every sub-span of every gold quote, sorted: what the gold-span setting feeds in."""
        return sorted({span for q in self.quotes for span in q.spans})

    def character_ids(self) -> set[str]:
        return {c.id for c in self.characters}

    def resolve_names(self) -> None:
        """Make every speaker/addressee name a character id; unknown names become new characters.

        Gold files name people by a main name that sometimes differs by a trailing space or is an
        alias of a listed character; an unresolvable name gets a character of its own.
        """
        by_id = {c.id: c for c in self.characters}
        by_alias: dict[str, set[str]] = {}
        for c in self.characters:
            for alias in c.alias_set():
                by_alias.setdefault(alias.strip().casefold(), set()).add(c.id)

        def resolve(name: str | None) -> str | None:
            if name is None or name in by_id:
                return name
            key = name.strip().casefold()
            if not key:
                return None
            owners = by_alias.get(key, set())
            if len(owners) == 1:
                return next(iter(owners))
            new = GoldCharacter(id=name.strip(), name=name.strip(), aliases={name.strip()})
            by_id.setdefault(new.id, new)
            if new.id not in {c.id for c in self.characters}:
                self.characters.append(new)
            return new.id

        for q in self.quotes:
            q.speaker = resolve(q.speaker)
            q.addressees = [a for a in (resolve(a) for a in q.addressees) if a is not None]
