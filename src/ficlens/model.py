"""The one document every stage shares: a work's text and its layers of character spans.

Like spaCy's ``Doc``, a :class:`Work` is one string (``text``) plus layers of annotations, each a
list of records whose ``start``/``end`` are ``[start, end)`` Python string indices into ``text``.
Stages never rewrite ``text``; they only add layers. For plain-text input ``text`` is the decoded
file exactly, so offsets line up with any external annotation of that file.

The JSON form (schema ``ficlens/1``) is documented field by field in ``docs/schema.md``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar

SCHEMA = "ficlens/1"


class Record:
    """Mixin: plain-dict conversion for the slotted span records below (fast, no deepcopy)."""

    __slots__ = ()
    _json_names: ClassVar[dict[str, str]] = {}  # python attribute -> JSON key, where they differ

    def to_dict(self) -> dict[str, Any]:
        names = self._json_names
        return {names.get(f.name, f.name): _plain(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        reverse = {v: k for k, v in cls._json_names.items()}
        known = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        kwargs = {reverse.get(k, k): v for k, v in data.items() if reverse.get(k, k) in known}
        return cls(**kwargs)


def _plain(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@dataclass(slots=True)
class Paragraph(Record):
    """A block of text. ``kind``: text | heading | note | break | end_marker."""

    start: int
    end: int
    kind: str = "text"


@dataclass(slots=True)
class Chapter(Record):
    """A chapter. ``heading`` is the span of its heading line(s) in ``text`` (None if the
    chapter has no visible heading). ``number_source`` says whether the number came from the
    site's template ("site") or the author's own heading ("author")."""

    start: int
    end: int
    number: int | None = None
    title: str | None = None
    heading: list[int] | None = None
    number_source: str | None = None


@dataclass(slots=True)
class Note(Record):
    """Paratext kept out of the narrative. ``kind`` is one of NOTE_KINDS."""

    start: int
    end: int
    kind: str
    chapter: int | None = None  # index into Work.chapters, for chapter notes


NOTE_KINDS = (
    "summary",            # work summary
    "work_notes",         # work notes (AO3 preface "Notes")
    "work_end_notes",     # work end notes (AO3 afterword)
    "chapter_summary",
    "chapter_notes",
    "chapter_end_notes",
    "front_matter",       # in-body credits block on top (banner art, beta thanks)
    "author_note",        # in-body "A/N:", "Author's Note"
    "disclaimer",         # in-body "I don't own ..."
    "end_marker",         # "the end", "fin", "TBC", "to be continued"
)


@dataclass(slots=True)
class Break(Record):
    """A scene break. ``kind``: glyph | hr | br_run | nbsp | blank_lines | label.
    ``start == end`` for breaks that have no text of their own (an ``<hr>``)."""

    start: int
    end: int
    kind: str
    glyph: str | None = None


@dataclass(slots=True)
class Scene(Record):
    """A stretch of narrative between breaks. ``break_kind`` is the break that opens it
    (``"chapter"`` at a chapter start, None for the very first scene)."""

    start: int
    end: int
    chapter: int | None = None
    break_kind: str | None = None
    person: str | None = None          # first | second | third
    pov: str | None = None             # character id, "mixed", "omniscient", "external" or a label name
    pov_evidence: list[dict[str, Any]] = field(default_factory=list)

    _json_names: ClassVar[dict[str, str]] = {"break_kind": "break"}


@dataclass(slots=True)
class Span(Record):
    """A bare span of a markup hint (italics, centered lines)."""

    start: int
    end: int


@dataclass(slots=True)
class Character(Record):
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)    # names: full, short, titled, nicknames
    gender: str | None = None          # female | male | nonbinary | unknown
    pronouns: str | None = None        # "she/her", "he/him", "they/them"
    mention_count: int = 0
    quote_count: int = 0
    words_spoken: int = 0
    origin: str = "text"               # text | tag | user | narrator | reader
    epithets: list[str] = field(default_factory=list)   # descriptions linked to them: "the detective"
    pet_names: list[str] = field(default_factory=list)  # what others call them in address: "love"


@dataclass(slots=True)
class Mention(Record):
    """A reference to a character. ``kind``: name | title | nickname | epithet | pet_name |
    vocative | pronoun | narrator | reader."""

    start: int
    end: int
    character: str | None
    kind: str


@dataclass(slots=True)
class Quote(Record):
    """A stretch of direct speech or thought. ``type`` follows PDNC: explicit | anaphoric |
    implicit. ``mode``: speech | thought. ``marks``: double | single | dash | italic.
    Pieces of one utterance split by a tag share ``group``. ``tag`` is the evidence used
    (``{start, end, verb, text}``) or None."""

    start: int
    end: int
    speaker: str | None = None
    addressees: list[str] = field(default_factory=list)
    confidence: float = 0.0
    type: str = "implicit"
    tag: dict[str, Any] | None = None
    mode: str = "speech"
    marks: str = "double"
    group: int | None = None
    evidence: str | None = None        # which rule/scorer decided the speaker


@dataclass(slots=True)
class Finding(Record):
    """A beta reader's note."""

    rule: str
    start: int
    end: int
    message: str
    severity: str = "info"             # info | warning | issue
    data: dict[str, Any] = field(default_factory=dict)


LAYERS: dict[str, type[Record]] = {
    "paragraphs": Paragraph,
    "chapters": Chapter,
    "notes": Note,
    "breaks": Break,
    "scenes": Scene,
    "italics": Span,
    "centered": Span,
    "characters": Character,
    "mentions": Mention,
    "quotes": Quote,
    "nonspeech_quotes": Quote,
    "findings": Finding,
}


@dataclass
class Work:
    """One work: its text, where it came from, its metadata, and every annotation layer."""

    text: str
    source: dict[str, Any] = field(default_factory=dict)
    metadata: dict[str, Any] = field(default_factory=dict)
    repairs: list[dict[str, Any]] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    chapters: list[Chapter] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    breaks: list[Break] = field(default_factory=list)
    scenes: list[Scene] = field(default_factory=list)
    italics: list[Span] = field(default_factory=list)
    centered: list[Span] = field(default_factory=list)
    characters: list[Character] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    # Quotation marks that are not speech or thought: titles, scare quotes, terms, signs.
    nonspeech_quotes: list[Quote] = field(default_factory=list)
    interactions: dict[str, Any] = field(default_factory=dict)
    arcs: dict[str, Any] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)
    # Transient per-run state (tokens, sentences, parsed windows); never serialised.
    runtime: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    # -- convenience -----------------------------------------------------------------------
    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]

    def character(self, char_id: str | None) -> Character | None:
        if char_id is None:
            return None
        for c in self.characters:
            if c.id == char_id:
                return c
        return None

    def narrative_paragraphs(self) -> list[Paragraph]:
        """Paragraphs of story text: not notes, headings, breaks or end markers."""
        return [p for p in self.paragraphs if p.kind == "text"]

    # -- JSON ------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"schema": SCHEMA, "source": self.source, "metadata": self.metadata,
                               "text": self.text, "repairs": self.repairs}
        for name in LAYERS:
            out[name] = [r.to_dict() for r in getattr(self, name)]
        out["interactions"] = self.interactions
        out["arcs"] = self.arcs
        out["stats"] = self.stats
        return out

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Work:
        if data.get("schema") != SCHEMA:
            raise ValueError(f"not a {SCHEMA} document (schema={data.get('schema')!r})")
        work = cls(text=data["text"], source=data.get("source", {}), metadata=data.get("metadata", {}),
                   repairs=data.get("repairs", []), interactions=data.get("interactions", {}),
                   arcs=data.get("arcs", {}), stats=data.get("stats", {}))
        for name, record in LAYERS.items():
            setattr(work, name, [record.from_dict(d) for d in data.get(name, [])])
        return work

    @classmethod
    def from_json(cls, text: str) -> Work:
        return cls.from_dict(json.loads(text))
