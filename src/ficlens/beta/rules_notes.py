"""Author's notes and disclaimers written inside the story text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ficlens.beta.context import BetaContext
from ficlens.beta.registry import rule
from ficlens.model import Finding

IN_BODY_KINDS = ("author_note", "disclaimer")
_NOTE_LINE = re.compile(
    r"^[ \t]*[\[(*_~]*[ \t]*(?:A/N|AN:|Author['’]?s['’]? [Nn]otes?|Disclaimer)\b[^\n]*", re.MULTILINE
)


@rule("in-body-note", "author's notes inside the story text instead of the notes fields")
def in_body_note(ctx: BetaContext) -> Iterator[Finding]:
    work = ctx.work
    notes = [(n.start, n.end, n.kind) for n in work.notes if n.kind in IN_BODY_KINDS]
    if not work.notes and not work.paragraphs:  # no structure stage: look for "A/N:" lines
        notes = [
            (m.start(), m.end(), "disclaimer" if "isclaim" in m.group(0) else "author_note")
            for m in _NOTE_LINE.finditer(ctx.text)
        ]
    for start, end, kind in notes:
        what = "A disclaimer" if kind == "disclaimer" else "An author's note"
        yield Finding(
            "in-body-note",
            start,
            end,
            f"{what} inside the chapter text: move it to the chapter's notes so readers "
            "can skip it and the story reads uninterrupted.",
            "info",
            {"kind": kind},
        )
