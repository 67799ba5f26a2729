"""Structure stage, rule by rule, on small texts written for these tests."""

from __future__ import annotations

import pytest

from ficlens.model import Break, Chapter, Note, Paragraph, Span, Work
from ficlens.options import Options
from ficlens.structure import run
from ficlens.structure.numbers import parse_number

STORY_A = "Harry walked into the kitchen and put the kettle on, humming under his breath."
STORY_B = "Across town, Hermione closed her book and looked out at the rain for a long while."
STORY_C = "By morning the storm had passed, and the garden smelled of wet earth and roses."


def analyse(text: str) -> Work:
    work = Work(text=text, source={"format": "text"})
    run(work, Options())
    return work


def texts(work: Work, kind: str) -> list[str]:
    return [work.text[p.start:p.end] for p in work.paragraphs if p.kind == kind]


def note_texts(work: Work, kind: str) -> list[str]:
    return [work.text[n.start:n.end] for n in work.notes if n.kind == kind]


def markup_work(blocks: list[tuple[str, str]], chapters: list[tuple[int, int, int, str | None]] = (),
                breaks: list[tuple[int, str]] = (), centered: list[int] = ()) -> Work:
    """A Work as a markup reader would build it: blocks joined by a blank line, paragraphs with
    their kinds, chapters as (first block, last block, number, title) and zero-width breaks
    before block i."""
    text, spans = "", []
    for kind, block in blocks:
        if text:
            text += "\n\n"
        spans.append((len(text), len(text) + len(block), kind))
        text += block
    work = Work(text=text, source={"format": "ao3-html"})
    work.paragraphs = [Paragraph(s, e, k) for s, e, k in spans]
    for first, last, number, title in chapters:
        heading = [spans[first][0], spans[first][1]] if spans[first][2] == "heading" else None
        work.chapters.append(Chapter(spans[first][0], spans[last][1], number, title, heading, "site"))
    work.breaks = [Break(spans[i][0], spans[i][0], kind) for i, kind in breaks]
    work.centered = [Span(spans[i][0], spans[i][1]) for i in centered]
    return work


# -- paragraphs ---------------------------------------------------------------------------------

def test_paragraphs_are_blank_line_blocks_with_exact_offsets():
    text = f"  {STORY_A}\n\n{STORY_B}\r\n\r\n{STORY_C}  \n"
    work = analyse(text)
    assert work.text == text
    assert texts(work, "text") == [STORY_A, STORY_B, STORY_C]


def test_text_without_blank_lines_is_one_paragraph_per_line():
    lines = [f"Line {i} of the story goes on for a little while, as lines do." for i in range(25)]
    work = analyse("\n".join(lines))
    assert len(work.paragraphs) == 25
    assert texts(work, "text")[3] == lines[3]


def test_block_of_short_lines_stays_one_paragraph():
    letter = "Dear John,\nthe roses are out.\nCome home soon,\nMary"
    work = analyse(f"{STORY_A}\n\n{letter}\n\n{STORY_B}")
    assert letter in texts(work, "text")
    assert len(work.paragraphs) == 3


def test_block_of_long_finished_lines_splits_into_paragraphs():
    work = analyse(f"{STORY_A}\n{STORY_B}\n{STORY_C}")
    assert texts(work, "text") == [STORY_A, STORY_B, STORY_C]


# -- scene breaks -------------------------------------------------------------------------------

GLYPHS = ["~ ~ ~", "***", "* * *", "xxx", "xXx", "oOo", "-o-", "~*~", ".:O:.:O:.:O:.", "-x-x-", "+++",
          "###", "---", "___", "• • •", "[scene break]", "XXXXX", "~Scene Break~", "o0o", "-o0o-",
          "Line Break", "[break]", "=====", "oOoOoOo"]


@pytest.mark.parametrize("glyph", GLYPHS)
def test_glyph_line_is_a_scene_break(glyph):
    work = analyse(f"{STORY_A}\n\n{glyph}\n\n{STORY_B}")
    assert [(b.kind, b.glyph) for b in work.breaks] == [("glyph", glyph)]
    assert texts(work, "break") == [glyph]
    assert [s.break_kind for s in work.scenes] == [None, "glyph"]
    assert work.text[work.scenes[1].start:work.scenes[1].end] == STORY_B


@pytest.mark.parametrize("line", [
    "He scratched xxx into the wall with his knife, then stepped back to admire it.",
    "“What the ***?” Ron shouted.",
    "“***!”",
    "...",
    "…",
    "Ooo!",
    "Oh!",
    "The score was 3 - 2.",
    "Break",
    "--O!",
])
def test_prose_and_dialogue_do_not_break(line):
    work = analyse(f"{STORY_A}\n\n{line}\n\n{STORY_B}")
    assert work.breaks == []
    assert len(work.scenes) == 1


def test_three_blank_lines_break_but_two_do_not():
    work = analyse(f"{STORY_A}\n\n\n\n{STORY_B}\n\n\n{STORY_C}")
    assert [b.kind for b in work.breaks] == ["blank_lines"]
    assert work.text[work.breaks[0].start:work.breaks[0].end].strip() == ""
    assert [s.break_kind for s in work.scenes] == [None, "blank_lines"]


def test_blank_line_runs_that_separate_every_paragraph_are_not_breaks():
    text = "\n\n\n\n".join([STORY_A, STORY_B, STORY_C, STORY_A, STORY_B])
    assert analyse(text).breaks == []


@pytest.mark.parametrize("label", ["Harry's POV", "~*Draco's PoV*~", "[Sherlock’s POV]", "POV: Hermione",
                                   "Ginny Weasley's point of view"])
def test_pov_label_line_starts_a_scene(label):
    work = analyse(f"{STORY_A}\n\n{label}\n\n{STORY_B}")
    assert [(b.kind, b.glyph) for b in work.breaks] == [("label", label)]
    assert [s.break_kind for s in work.scenes] == [None, "label"]


def test_pov_in_a_sentence_is_not_a_label():
    work = analyse(f"{STORY_A}\n\nShe never understood his POV on the matter.\n\n{STORY_B}")
    assert work.breaks == []


def test_centered_decorative_line_is_a_glyph_break():
    blocks = [("text", STORY_A), ("text", "oo"), ("text", STORY_B)]
    work = markup_work(blocks, chapters=[(0, 2, 1, None)], centered=[1])
    run(work, Options())
    assert [b.kind for b in work.breaks] == ["glyph"]


def _narrative(n: int) -> list[tuple[str, str]]:
    return [("text", f"{STORY_A} ({i})") for i in range(n)]


def test_lone_nbsp_between_narrative_paragraphs_is_kept():
    work = markup_work(_narrative(20), chapters=[(0, 19, 1, None)], breaks=[(10, "nbsp")])
    run(work, Options())
    assert [b.kind for b in work.breaks] == ["nbsp"]
    assert [s.break_kind for s in work.scenes] == [None, "nbsp"]


def test_nbsp_upload_artifacts_are_dropped():
    work = markup_work(_narrative(20), chapters=[(0, 19, 1, None)],
                       breaks=[(i, "nbsp") for i in range(1, 20, 2)])
    run(work, Options())
    assert work.breaks == []
    assert len(work.scenes) == 1


def test_nbsp_next_to_a_heading_is_dropped():
    blocks = [("heading", "Chapter 1"), *_narrative(10)]
    work = markup_work(blocks, chapters=[(0, 10, 1, None)], breaks=[(1, "nbsp")])
    run(work, Options())
    assert work.breaks == []


def test_hr_and_br_run_breaks_are_kept():
    work = markup_work(_narrative(6), chapters=[(0, 5, 1, None)], breaks=[(2, "hr"), (4, "br_run")])
    run(work, Options())
    assert [b.kind for b in work.breaks] == ["hr", "br_run"]
    assert [s.break_kind for s in work.scenes] == [None, "hr", "br_run"]


# -- in-body notes ------------------------------------------------------------------------------

FRONT = ("Title: Rain on the Roses\nAuthor: quillandlamp\nFandom: Harry Potter\nRating: T\n"
         "Pairing: Harry/Ginny, Ron & Hermione\nSummary: A quiet morning,\nand what comes after.")


def test_front_matter_before_the_first_chapter():
    credits = "Banner art by the lovely someone.\nMany thanks to my friend for the beta!\nBeta'd by Ann."
    work = analyse(f"{FRONT}\n\n{credits}\n\nChapter 1\n\n{STORY_A}\n\n{STORY_B}")
    front = note_texts(work, "front_matter")
    assert front and front[0].startswith("Title:") and front[-1].endswith("Beta'd by Ann.")
    assert work.chapters[0].start == work.text.index("Chapter 1")
    assert texts(work, "text") == [STORY_A, STORY_B]
    assert all(n.chapter is None for n in work.notes if n.kind == "front_matter")


def test_front_matter_of_a_one_shot_without_headings():
    work = analyse(f"{FRONT}\n\nWarnings: none\n\n{STORY_A}\n\n{STORY_B}")
    assert len(work.chapters) == 1
    assert work.chapters[0].start == work.text.index(STORY_A)
    assert texts(work, "text") == [STORY_A, STORY_B]
    assert work.scenes[0].start == work.text.index(STORY_A)


def test_front_metadata_fills_but_never_overwrites():
    work = Work(text=f"{FRONT}\n\n{STORY_A}", source={"format": "text"}, metadata={"title": "Given"})
    run(work, Options())
    md = work.metadata
    assert md["title"] == "Given"
    assert md["authors"] == ["quillandlamp"] and md["fandoms"] == ["Harry Potter"] and md["rating"] == "T"
    assert md["summary"] == "A quiet morning, and what comes after."
    assert md["relationships"] == [
        {"tag": "Harry/Ginny", "kind": "romantic", "characters": ["Harry", "Ginny"]},
        {"tag": "Ron & Hermione", "kind": "platonic", "characters": ["Ron", "Hermione"]}]


@pytest.mark.parametrize("note", [
    "A/N: Sorry this took so long, exams ate me alive.",
    "AN: Thanks for sticking with me.",
    "Author's Note: This chapter is mostly fluff.",
    "Author’s note: I had to split this one in two.",
    "(A/N: yes, the owl matters later.)",
])
def test_labelled_author_notes_anywhere(note):
    work = analyse(f"{STORY_A}\n\n{note}\n\n{STORY_B}")
    assert note_texts(work, "author_note") == [note]
    assert texts(work, "text") == [STORY_A, STORY_B]


def test_reader_address_at_chapter_end_is_a_note():
    work = analyse(f"{STORY_A}\n\n{STORY_B}\n\nNow. Review!")
    assert note_texts(work, "author_note") == ["Now. Review!"]


def test_narrative_or_dialogue_at_chapter_end_is_not_a_note():
    work = analyse(f"{STORY_A}\n\n“Let me know when you’re home,” she said, and hung up.")
    assert work.notes == []


def test_a_note_and_its_continuation_at_chapter_start_are_one_note():
    text = (f"A/N: My first fic! Please review.\n\nI should warn you that I may not finish it.\n\n"
            f"On to the story!\n\n{STORY_A}\n\n{STORY_B}")
    work = analyse(text)
    notes = note_texts(work, "author_note")
    assert len(notes) == 1 and notes[0].endswith("On to the story!")
    assert texts(work, "text") == [STORY_A, STORY_B]


@pytest.mark.parametrize("disclaimer", [
    "Disclaimer: Harry Potter is not mine.",
    "I don't own Harry Potter, sadly.",
    "All characters belong to J.K. Rowling.",
])
def test_disclaimers(disclaimer):
    work = analyse(f"Chapter 1\n\n{disclaimer}\n\n{STORY_A}")
    assert note_texts(work, "disclaimer") == [disclaimer]
    assert texts(work, "text") == [STORY_A]


def test_i_dont_own_in_dialogue_is_not_a_disclaimer():
    line = "“I don’t own a broom,” Harry admitted."
    work = analyse(f"Chapter 1\n\n{line}\n\n{STORY_A}")
    assert work.notes == []


@pytest.mark.parametrize("marker", ["The End", "the end", "Fin", "FIN", "TBC", "To be continued...",
                                    "~fin~", "End of chapter 3", "End of Chapter Twelve", "THE END"])
def test_end_markers(marker):
    work = analyse(f"{STORY_A}\n\n{STORY_B}\n\n{marker}\n\nThanks for reading, everyone.")
    assert texts(work, "end_marker") == [marker]
    assert note_texts(work, "end_marker") == [marker]
    assert note_texts(work, "author_note") == ["Thanks for reading, everyone."]
    assert work.scenes[-1].end == work.text.index(STORY_B) + len(STORY_B)


def test_the_end_inside_prose_is_not_an_end_marker():
    work = analyse(f"{STORY_A}\n\nThe end of the road was near, and he knew it.\n\n{STORY_B}")
    assert work.notes == []


def test_markup_author_note_paragraph_from_bold_label():
    blocks = [("heading", "Chapter 1: Festival"), ("note", "Chapter notes from the site."),
              ("text", "A/N: Yay! My first fanfic! Please, please review."), *_narrative(4),
              ("text", "Now. Review!")]
    work = markup_work(blocks, chapters=[(0, 7, 1, "Festival")])
    work.notes = [Note(work.paragraphs[1].start, work.paragraphs[1].end, "chapter_notes", 0)]
    run(work, Options())
    assert [n.kind for n in work.notes] == ["chapter_notes", "author_note", "author_note"]
    assert all(n.chapter == 0 for n in work.notes)
    assert [p.kind for p in work.paragraphs] == ["heading", "note", "note", *["text"] * 4, "note"]


# -- chapters -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("heading", "number", "title"), [
    ("Chapter 12\nThe Ledger", 12, "The Ledger"),
    ("Chapter 12\n\nThe Ledger", 12, "The Ledger"),
    ("Chapter 12: The Ledger", 12, "The Ledger"),
    ("Chapter Twelve - The Ledger", 12, "The Ledger"),
    ("CHAPTER XII", 12, None),
    ("Chapter Twenty-One", 21, None),
    ("Prologue", None, "Prologue"),
    ("Epilogue", None, "Epilogue"),
    ("Interlude", None, "Interlude"),
    ("Part Two", 2, None),
    ("Part 2", 2, None),
])
def test_chapter_heading_forms(heading, number, title):
    work = analyse(f"{heading}\n\n{STORY_A}\n\nChapter 99\n\n{STORY_B}")
    first = work.chapters[0]
    assert (first.number, first.title, first.number_source) == (number, title, "author")
    assert work.text[first.heading[0]:first.heading[1]] == heading
    assert work.chapters[1].number == 99
    assert texts(work, "text") == [STORY_A, STORY_B]
    assert [s.break_kind for s in work.scenes] == [None, "chapter"]


def test_chapter_in_a_sentence_is_not_a_heading():
    work = analyse(f"{STORY_A}\n\nChapter 3 was the part she liked best.\n\n{STORY_B}")
    assert len(work.chapters) == 1 and work.chapters[0].heading is None
    assert len(texts(work, "text")) == 3


def test_heading_glued_to_prose_is_split_off():
    work = analyse(f"Chapter 1\n{STORY_A}\n\n{STORY_B}")
    assert texts(work, "heading") == ["Chapter 1"]
    assert texts(work, "text") == [STORY_A, STORY_B]


def test_part_and_chapter_headings_together_make_one_chapter():
    work = analyse(f"Part One\n\nChapter 1: Rain\n\n{STORY_A}\n\nChapter 2: Sun\n\n{STORY_B}")
    assert [(c.number, c.title) for c in work.chapters] == [(1, "Rain"), (2, "Sun")]


def test_repeated_in_body_heading_is_a_heading_paragraph_not_a_chapter():
    blocks = [("heading", "Chapter 3"), ("text", ".:O:.:O:.:O:."), ("text", "Chapter Three"),
              ("text", "First Year"), ("text", ".:O:.:O:.:O:."), *_narrative(3)]
    work = markup_work(blocks, chapters=[(0, 7, 3, None)])
    run(work, Options())
    assert len(work.chapters) == 1 and work.chapters[0].number == 3
    assert texts(work, "heading") == ["Chapter 3", "Chapter Three", "First Year"]
    assert work.chapters[0].title == "First Year"
    assert texts(work, "break") == [".:O:.:O:.:O:.", ".:O:.:O:.:O:."]
    assert work.breaks == []   # dividers framing the heading are decoration, not scene breaks
    assert len(work.scenes) == 1


def test_site_title_repeated_at_top_of_body_is_a_heading():
    blocks = [("heading", "Chapter 1: Festival"), ("text", "Festival"), *_narrative(3)]
    work = markup_work(blocks, chapters=[(0, 4, 1, "Festival")])
    run(work, Options())
    assert texts(work, "heading") == ["Chapter 1: Festival", "Festival"]


def test_markup_without_site_chapters_gets_author_chapters():
    blocks = [("text", "Chapter 1"), *_narrative(2), ("text", "Chapter 2"), *_narrative(2)]
    work = markup_work(blocks)
    run(work, Options())
    assert [(c.number, c.number_source) for c in work.chapters] == [(1, "author"), (2, "author")]


def test_bare_numerals_counting_up_are_chapter_headings():
    parts = [f"{numeral}\n\n{story}" for numeral, story in
             zip(["I", "II", "III", "IV."], [STORY_A, STORY_B, STORY_C, STORY_A], strict=True)]
    work = analyse("\n\n\n\n".join(parts))
    assert [c.number for c in work.chapters] == [1, 2, 3, 4]
    assert texts(work, "heading") == ["I", "II", "III", "IV."]
    assert work.breaks == []


def test_two_bare_numerals_are_not_headings():
    work = analyse(f"1\n\n{STORY_A}\n\n2\n\n{STORY_B}")
    assert len(work.chapters) == 1 and work.chapters[0].heading is None


def test_xxx_among_roman_chapter_numbers_is_a_heading_not_a_break():
    numerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
                "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI", "XXVII",
                "XXVIII", "XXIX", "XXX", "XXXI"]
    work = analyse("\n\n".join(f"{n}\n\n{STORY_A}" for n in numerals))
    assert [c.number for c in work.chapters] == list(range(1, 32))
    assert not [b for b in work.breaks if b.kind == "glyph"]


@pytest.mark.parametrize(("token", "value"), [("12", 12), ("Twelve", 12), ("twenty-one", 21), ("XII", 12),
                                              ("iv", 4), ("Third", 3), ("banana", None)])
def test_parse_number(token, value):
    assert parse_number(token) == value


# -- scenes -------------------------------------------------------------------------------------

def test_scenes_follow_chapters_and_breaks():
    text = (f"Chapter 1\n\n{STORY_A}\n\n* * *\n\n{STORY_B}\n\nChapter 2\n\n{STORY_C}\n\n"
            f"Draco's POV\n\n{STORY_A}")
    work = analyse(text)
    assert [(s.chapter, s.break_kind) for s in work.scenes] == [(0, None), (0, "glyph"), (1, "chapter"),
                                                               (1, "label")]
    for scene in work.scenes:
        chapter = work.chapters[scene.chapter]
        assert chapter.start <= scene.start < scene.end <= chapter.end


def test_break_at_chapter_start_makes_no_empty_scene():
    work = analyse(f"Chapter 1\n\n***\n\n{STORY_A}\n\n***\n\nChapter 2\n\n{STORY_B}")
    assert [(s.chapter, s.break_kind) for s in work.scenes] == [(0, None), (1, "chapter")]


def test_text_is_never_rewritten_and_kinds_are_valid():
    text = f"{FRONT}\n\nChapter 1\n\nA/N: hi!\n\n{STORY_A}\n\nxXx\n\n{STORY_B}\n\nThe End\n\nReview!"
    work = analyse(text)
    assert work.text == text
    assert {p.kind for p in work.paragraphs} == {"text", "heading", "note", "break", "end_marker"}
    assert all(text[p.start:p.end] == text[p.start:p.end].strip() for p in work.paragraphs)


# -- odd inputs ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["", "   \n\n  ", "Hi"])
def test_empty_or_tiny_text_does_not_fail(text):
    work = analyse(text)
    assert work.text == text
    assert len(work.scenes) <= 1


def test_untitled_opening_before_the_first_heading_is_its_own_chapter():
    work = analyse(f"{STORY_A}\n\n{STORY_B}\n\nChapter 2\n\n{STORY_C}")
    assert [(c.number, c.heading is None) for c in work.chapters] == [(None, True), (2, False)]
    assert work.notes == []
    assert [s.break_kind for s in work.scenes] == [None, "chapter"]


def test_markup_credits_at_top_of_first_chapter_are_front_matter():
    blocks = [("heading", "Chapter 1"), ("text", "Banner art by someone lovely. Beta'd by Ann."),
              ("text", "Disclaimer: not mine."), *_narrative(3)]
    work = markup_work(blocks, chapters=[(0, 5, 1, None)])
    run(work, Options())
    assert [n.kind for n in work.notes] == ["front_matter", "disclaimer"]
    assert len(work.narrative_paragraphs()) == 3


def test_running_the_stage_twice_changes_nothing():
    text = (f"{FRONT}\n\nChapter 1: Rain\n\nA/N: hi there, readers!\n\n{STORY_A}\n\n~*~\n\n{STORY_B}\n\n"
            f"Chapter 2\n\n{STORY_C}\n\n\n\n{STORY_A}\n\nThe End\n\nThanks for reading!")
    work = analyse(text)
    first = work.to_dict()
    run(work, Options())
    assert work.to_dict() == first


def test_the_end_followed_by_dialogue_is_story():
    work = analyse(f"{STORY_A}\n\nThe end.\n\n“Of what?” Ron asked.\n\n{STORY_B}")
    assert work.notes == [] and texts(work, "end_marker") == []


def test_the_end_followed_by_a_long_end_note():
    replies = "\n\n".join(f"Reader{i}: thank you so much for your review, you made my day!" for i in range(8))
    work = analyse(f"{STORY_A}\n\n{STORY_B}\n\nThe End\n\n{replies}")
    assert texts(work, "end_marker") == ["The End"]
    assert texts(work, "text") == [STORY_A, STORY_B]
