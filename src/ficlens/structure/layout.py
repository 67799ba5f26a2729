"""The stage's working view of a work: its paragraphs and the role each one is given.

Roles end up as ``Paragraph.kind``: text | heading | note | break | end_marker. Paragraphs that
ingest already marked (site headings, site notes) keep their kind and are never re-judged.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ficlens.model import Paragraph, Work


@dataclass
class Layout:
    work: Work
    roles: list[str] = field(default_factory=list)
    note_kinds: dict[int, str] = field(default_factory=dict)   # paragraph index -> Note kind
    glyphs: dict[int, tuple[str, str]] = field(default_factory=dict)  # index -> (break kind, text)
    fixed: set[int] = field(default_factory=set)               # kinds given by ingest

    @classmethod
    def of(cls, work: Work) -> Layout:
        layout = cls(work, [p.kind or "text" for p in work.paragraphs])
        layout.fixed = {i for i, role in enumerate(layout.roles) if role != "text"}
        return layout

    @property
    def paragraphs(self) -> list[Paragraph]:
        return self.work.paragraphs

    def text_of(self, i: int) -> str:
        p = self.work.paragraphs[i]
        return self.work.text[p.start:p.end]

    def first_line(self, i: int) -> str:
        return self.text_of(i).split("\n", 1)[0].strip()

    def is_single_line(self, i: int) -> bool:
        return "\n" not in self.text_of(i).strip()

    def narrative(self, indices: list[int] | range) -> list[int]:
        """The indices among ``indices`` still judged story text."""
        return [i for i in indices if self.roles[i] == "text"]

    def mark_note(self, i: int, kind: str) -> None:
        self.roles[i] = "note"
        self.note_kinds[i] = kind
