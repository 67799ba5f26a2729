"""Mark in-body paratext on a layout: the credits block on top, notes at a chapter's start and
end, labelled notes anywhere, end markers and what follows them."""

from __future__ import annotations

from ficlens.structure.layout import Layout
from ficlens.structure.notes import (
    QUOTE_OPENERS,
    continues_note,
    explicit_note_kind,
    front_line_kind,
    is_end_marker,
    labelled_note_kind,
    opens_with_quote,
    reader_note_kind,
)

_MAX_AFTER_END = 5       # an end marker has at most this many paragraphs after it in its chapter
_MAX_WEAK_RUN = 3        # paragraphs a note may continue on weak evidence alone
_TOP_TITLE_LEN = 80


def front_kind(layout: Layout, i: int, position: int) -> str | None:
    """Kind of paragraph ``i`` as part of a credits block on top, else None. A labelled "A/N:"
    stays an author_note; the first two paragraphs may also be a bare title or "by" line."""
    text = layout.text_of(i)
    labelled = labelled_note_kind(text)
    if labelled:
        return labelled
    kinds = {front_line_kind(line) for line in text.split("\n") if line.strip()}
    kinds.discard(None)
    if kinds:
        return "disclaimer" if kinds == {"disclaimer"} else "front_matter"
    reader = reader_note_kind(text)
    if reader:
        return reader
    if position < 2 and _is_title_block(text) and not opens_with_quote(text):
        return "front_matter"
    return None


def _is_title_block(text: str) -> bool:
    """A bare title on top: one short line, or up to three ("OR / THE PARISH BOY'S PROGRESS"),
    none ending like a sentence."""
    lines = [x.strip() for x in text.strip().split("\n")]
    if len(lines) > 3 or not all(lines):
        return False
    limit = _TOP_TITLE_LEN if len(lines) == 1 else 60
    return all(len(x) <= limit and not x.endswith((".", ",", ";")) for x in lines)


def mark_front(layout: Layout, region: list[int], whole: bool) -> int:
    """Mark the credits block among ``region`` (paragraphs before the first chapter heading).
    With ``whole`` the region ends at a heading: it is all paratext if every paragraph looks
    like it; otherwise (and without a heading) only its leading run is. Returns how many
    paragraphs of ``region`` were marked."""
    kinds: list[str | None] = []
    weak = 0
    for n, i in enumerate(region):
        kind = front_kind(layout, i, n)
        previous = kinds[-1] if kinds else None
        if kind:
            weak = 0
        elif previous and weak < _MAX_WEAK_RUN and (continues_note(layout.text_of(i))
                                                    or _is_key_only(layout.text_of(region[n - 1]))):
            kind, weak = _continued(previous), weak + 1
        kinds.append(kind)
    if whole and region and (all(kinds) or (kinds[0] and not any(
            any(q in layout.text_of(i) for q in QUOTE_OPENERS[:3]) for i in region))):
        # an author's note on top, then more of it with no line of dialogue, then "Chapter 4"
        # ("Vi narrates because Vi deserves a night off."): all notes up to the heading
        count = len(region)
    else:
        count = next((n for n, kind in enumerate(kinds) if kind is None), len(region))
        if count >= len(region):      # without a heading, something must be left for the story
            count = max(0, len(region) - 1)
    for n in range(count):
        layout.mark_note(region[n], kinds[n] or "front_matter")
    return count


def _is_key_only(text: str) -> bool:
    """ "Summary:" alone on its line: the next paragraph is its value."""
    text = text.strip()
    return text.endswith(":") and len(text) < 40


def mark_chapter_notes(layout: Layout, body: list[int], first_chapter: bool) -> None:
    """Notes inside one chapter's ``body`` (its paragraph indices in order)."""
    story = layout.narrative(body)
    if not story:
        return
    _mark_end_markers(layout, story)
    story = layout.narrative(story)
    _mark_leading(layout, story, first_chapter)
    story = layout.narrative(story)
    _mark_trailing(layout, story)
    for i in layout.narrative(story):
        kind = explicit_note_kind(layout.text_of(i))
        if kind:
            layout.mark_note(i, kind)


def _mark_end_markers(layout: Layout, story: list[int]) -> None:
    """ "The End" near a chapter's end (or followed only by notes) ends the story there."""
    for n, i in enumerate(story):
        if not layout.is_single_line(i) or not is_end_marker(layout.text_of(i)):
            continue
        after = [layout.text_of(j) for j in story[n + 1:]]
        if any(opens_with_quote(text) for text in after):   # dialogue goes on: the story has not ended
            continue
        if len(after) <= _MAX_AFTER_END or all(reader_note_kind(x) or continues_note(x) for x in after):
            layout.roles[i] = "end_marker"
            layout.note_kinds[i] = "end_marker"
            for j in story[n + 1:]:
                layout.mark_note(j, reader_note_kind(layout.text_of(j)) or "author_note")
            return


def _mark_leading(layout: Layout, story: list[int], first_chapter: bool) -> None:
    kind = None
    weak = 0
    for i in story:
        text = layout.text_of(i)
        found = reader_note_kind(text)
        if first_chapter and kind in (None, "front_matter") and _is_credits(text):
            found = "front_matter"
        if found:
            kind, weak = found, 0
        elif kind and weak < _MAX_WEAK_RUN and continues_note(text):
            weak += 1
        else:
            return
        layout.mark_note(i, found or _continued(kind))


def _mark_trailing(layout: Layout, story: list[int]) -> None:
    for i in reversed(story):
        kind = reader_note_kind(layout.text_of(i))
        if not kind:
            return
        layout.mark_note(i, kind)


def _is_credits(text: str) -> bool:
    """Credits lines (banner art, beta thanks, "Rating:") that are not a labelled A/N."""
    if labelled_note_kind(text):
        return False
    return any(front_line_kind(line) == "front_matter" for line in text.split("\n"))


def _continued(kind: str | None) -> str:
    return "author_note" if kind in (None, "disclaimer", "end_marker") else kind
