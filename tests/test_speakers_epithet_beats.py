"""An epithet the cast could not link by its company ("the detective", seen twice, tied between
the detective and the landlady) is the character whose lines it stands between as an action beat.
Texts written for these tests."""

from __future__ import annotations

from ficlens import analyze

ROOMS = ("Mr. Ambrose Fenwick and Mrs. Amble sat in the front room. Mrs. Amble poured the tea.\n\n"
         "“Another letter for you,” said Mrs. Amble.\n\n"
         "“Thank you, Mrs. Amble. I had hoped for one.” The detective was already reaching for his coat. "
         "“There is a train at ten.”\n\n"
         "* * *\n\n"
         "On the train Ambrose Fenwick read the letter twice. The detective said nothing for an hour.\n")


def test_an_epithet_between_a_characters_lines_is_that_character():
    work = analyze(ROOMS)
    lane = next(c for c in work.characters if "Ambrose Fenwick" in c.aliases)
    assert "the detective" in lane.epithets
    inspector = [m for m in work.mentions if work.text[m.start:m.end].lower() == "the detective"]
    assert len(inspector) == 2 and all(m.character == lane.id for m in inspector)


def test_paragraphs_that_disagree_link_no_one():
    story = ROOMS + ("\n“More tea?” The detective was standing by the door. “You have not touched your "
                     "cup,” said Mrs. Amble.\n")
    work = analyze(story)
    amble = next(c for c in work.characters if c.name == "Mrs. Amble")
    assert "the detective" not in amble.epithets
    fenwick = next(c for c in work.characters if "Ambrose Fenwick" in c.aliases)
    assert "the detective" not in fenwick.epithets
