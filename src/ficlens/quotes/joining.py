"""Join the pieces of a quote that runs over paragraphs.

Standard convention: each paragraph of a long speech opens with a mark and only the last closes,
so an unclosed quote followed by a paragraph that opens with a mark goes on there. Otherwise the
quote is closed at its own paragraph's end (recovery) and never swallows what follows, with one
exception for double marks: in hard-wrapped texts whose lines came out as paragraphs, a later
paragraph (up to ``MAX_CARRY`` on) whose first mark can only close finishes the quote.
"""

from __future__ import annotations

from ficlens.quotes.candidates import Candidate, blank

MAX_CARRY = 8  # mark-less paragraphs an unclosed double quote may run through to its closer

Placed = tuple[Candidate, int]  # a quote and the narrative paragraph it starts in


class ParagraphJoiner:
    """Feed each narrative paragraph's scanned quotes in order; collect finished quotes."""

    def __init__(self) -> None:
        self.done: list[Placed] = []
        self._open: dict[str, Placed] = {}
        self._waited = 0  # paragraphs without a double mark since the open double quote's own

    def is_open(self, marks: str) -> bool:
        return marks in self._open

    def feed(self, text: str, index: int, lo: int, marks: str, scanned: list[Candidate], hi: int) -> None:
        scanned = list(scanned)
        if marks in self._open:
            if marks == "double" and not scanned and self._waited < MAX_CARRY:
                self._waited += 1  # no mark here: the quote may still close further on
                return
            self._continue(text, lo, hi, marks, scanned)
            self._waited = 0 if marks == "double" else self._waited
        for quote in scanned:
            if not quote.closed and quote.end == hi and quote is scanned[-1]:
                self._open[marks] = (quote, index)
            else:
                self.done.append((quote, index))

    def _continue(self, text: str, lo: int, hi: int, marks: str, scanned: list[Candidate]) -> None:
        quote, para = self._open.pop(marks)
        waited = marks == "double" and self._waited
        goes_on = bool(scanned) and (scanned[0].continues or (
            not waited and blank(text, lo, scanned[0].start)))
        if not goes_on:
            self.done.append((quote, para))  # recovered: closed at its own paragraph's end
            return
        piece = scanned.pop(0)
        quote.end, quote.closed = piece.end, piece.closed
        if not piece.closed and piece.end == hi:
            self._open[marks] = (quote, para)
        else:
            self.done.append((quote, para))

    def flush(self) -> None:
        """Close whatever is still open (a note, heading or the end of the text intervenes)."""
        self.done.extend(self._open.values())
        self._open.clear()
