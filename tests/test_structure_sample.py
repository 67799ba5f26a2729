"""The structure stage on the bundled sample story (samples/the-lighthouse-keepers-ledger.txt)."""

from __future__ import annotations

import pytest

from ficlens.model import Work
from ficlens.options import Options
from ficlens.pipeline import analyze


@pytest.fixture(scope="module")
def work(sample_story) -> Work:
    return analyze(sample_story, Options(until="structure"))


def _texts(work: Work, records) -> list[str]:
    return [work.text[r.start:r.end] for r in records]


def test_sample_is_the_file_untouched(work, sample_story):
    assert work.text == sample_story.read_text(encoding="utf-8")
    words = len(work.text.split())
    assert 1800 <= words <= 2600


def test_front_matter_notes_found(work):
    front = _texts(work, [n for n in work.notes if n.kind == "front_matter"])
    assert any(t.startswith("Title:") for t in front)
    assert any("Banner art by" in t for t in front)
    assert any("Many thanks to" in t and "for the beta" in t for t in front)
    disclaimers = _texts(work, [n for n in work.notes if n.kind == "disclaimer"])
    assert len(disclaimers) == 1 and disclaimers[0].startswith("I don’t own Sherlock Holmes")
    assert all(n.chapter is None for n in work.notes if n.kind in ("front_matter", "disclaimer"))


def test_two_chapters_with_titles(work):
    assert [(c.number, c.title, c.number_source) for c in work.chapters] == [
        (1, "The Ledger", "author"), (2, "The Middle Watch", "author")]
    first = work.chapters[0]
    assert work.text[first.heading[0]:first.heading[1]] == "Chapter 1\nThe Ledger"


def test_glyph_breaks_found(work):
    assert [(b.kind, b.glyph) for b in work.breaks] == [("glyph", "~ ~ ~"), ("glyph", "xXx")]
    assert [(s.chapter, s.break_kind) for s in work.scenes] == [
        (0, None), (0, "glyph"), (1, "chapter"), (1, "glyph")]
    assert work.text[work.scenes[1].start:].startswith("Agnes Pell had watched the boat")


def test_in_body_author_note_between_chapters(work):
    notes = [n for n in work.notes if n.kind == "author_note"]
    assert work.text[notes[0].start:notes[0].end].startswith("A/N: Thank you all")
    assert notes[0].chapter == 0
    assert notes[0].end < work.chapters[1].start


def test_the_end_is_an_end_marker_followed_by_a_note(work):
    markers = [p for p in work.paragraphs if p.kind == "end_marker"]
    assert _texts(work, markers) == ["The End"]
    assert [n.kind for n in work.notes][-2:] == ["end_marker", "author_note"]
    assert work.text[work.notes[-1].start:].startswith("Thank you so much for reading!")


def test_notes_are_not_in_narrative_paragraphs_or_scenes(work):
    narrative = work.narrative_paragraphs()
    for note in work.notes:
        assert not any(p.start < note.end and note.start < p.end for p in narrative)
        assert not any(s.start < note.end and note.start < s.end for s in work.scenes)
    assert narrative[0].start == work.text.index("The letter came up")
    assert work.text[narrative[-1].start:narrative[-1].end].endswith("she did not cry at all.")


def test_front_block_fills_metadata(work):
    assert work.metadata["title"] == "The Lighthouse Keeper’s Ledger"
    assert work.metadata["authors"] == ["quillandlamp"]
    assert work.metadata["rating"] == "T"
