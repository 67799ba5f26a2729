"""Addressees: the characters a quote is spoken to. Vocatives name them ("Sherlock, you're
bleeding"), and so does narration that turns the speaker to someone ("turned to Frank Churchill.
“Why do you smile?”"); pet names ("Come here, love") and quotes without a vocative point at the other party of
the exchange (the previous or next speaker)."""

from __future__ import annotations

from ficlens.characters.layout import Layout
from ficlens.model import Work


def assign_addressees(work: Work, turns, runs: list[list[int]], layout: Layout,
                      turned_to: dict[int, set[str]] | None = None) -> None:
    turned_to = turned_to or {}
    quotes = work.quotes
    by_quote: dict[int, list] = {}
    for m in work.mentions:
        if m.kind in ("vocative", "pet_name"):
            qi = layout.quote_index(m.start)
            if qi is not None:
                by_quote.setdefault(qi, []).append(m)
    # layout quotes and work.quotes are both sorted by start: same indices.
    for run in runs:
        for pos, t in enumerate(run):
            turn = turns[t]
            prev = turns[run[pos - 1]].speaker if pos else None
            nxt = turns[run[pos + 1]].speaker if pos + 1 < len(run) else None
            for qi in turn.quotes:
                q = quotes[qi]
                other = next((s for s in (prev, nxt) if s and s != q.speaker), None)
                named = []
                for m in by_quote.get(qi, []):
                    if m.kind == "pet_name" and m.character is None:
                        m.character = other
                    if m.character and m.character != q.speaker and m.character not in named:
                        named.append(m.character)
                named = named or sorted(c for c in turned_to.get(qi, ()) if c != q.speaker)
                q.addressees = named or ([other] if other else [])
    _collect_pet_names(work)


def _collect_pet_names(work: Work) -> None:
    """The pet names a character is called in address ("love", "my dear"), in order of first
    use, on the character record: the cast lists every name the text uses for someone."""
    by_id = {c.id: c for c in work.characters}
    pets = sorted((m for m in work.mentions if m.kind == "pet_name" and m.character in by_id),
                  key=lambda m: m.start)
    for m in pets:
        holder, phrase = by_id[m.character], work.text[m.start:m.end].lower()
        if phrase not in holder.pet_names:
            holder.pet_names.append(phrase)
